# install.sh: `make install` into a staging tree (DESTDIR) lays out the
# binary, the web page, the man page and the systemd unit; the man page
# renders and names every command and option; systemd-analyze accepts the
# unit; uninstall removes it all; installed under a PREFIX, the binary
# started from / serves the chat page from PREFIX/share/faqbot/web.
. "$ROOT/tests/e2e/lib.sh.inc"
trap 'stop_server' EXIT
command -v cc >/dev/null 2>&1 || fail "no C compiler"
# a plain build of its own (the suite may be running a sanitizer build)
build() { make -s -C "$ROOT" BUILD="$TMP/build" OPT=-O0 SANITIZE= "$@" >"$TMP/make.log" 2>&1 || { cat "$TMP/make.log"; fail "make $*"; }; }

D=$TMP/stage
build DESTDIR="$D" install
for f in bin/faqbot share/faqbot/web/index.html share/faqbot/web/app.js share/faqbot/web/style.css \
         share/faqbot/web/widget.js share/man/man1/faqbot.1 lib/systemd/system/faqbot.service; do
    [ -f "$D/usr/local/$f" ] || fail "make install DESTDIR: no /usr/local/$f"
done
[ -x "$D/usr/local/bin/faqbot" ] || fail "the binary is not executable"
ok "make install DESTDIR= lays out bin, share/faqbot/web, man1, the unit (PREFIX /usr/local)"
grep -q '^ExecStart=/usr/local/bin/faqbot serve .*--web /usr/local/share/faqbot/web' \
    "$D/usr/local/lib/systemd/system/faqbot.service" || fail "the unit does not run /usr/local/bin/faqbot on its page"
ok "the unit runs the installed binary on the installed page"

BIN=$D/usr/local/bin/faqbot
if command -v man >/dev/null 2>&1; then
    MANWIDTH=100 man -l "$D/usr/local/share/man/man1/faqbot.1" >"$TMP/man.txt" 2>"$TMP/man.err" ||
        fail "man -l failed: $(cat "$TMP/man.err")"
    [ ! -s "$TMP/man.err" ] || fail "man -l warns: $(head -n 3 "$TMP/man.err")"
    grep -q '^NAME' "$TMP/man.txt" && grep -q 'EXIT STATUS' "$TMP/man.txt" || fail "the man page lacks sections"
    # one space between words, wherever a line was broken
    tr -s ' ' <"$TMP/man.txt" >"$TMP/man.flat"
    # every command of `faqbot help`, and every option of each command's usage
    for c in $("$BIN" help | sed -n 's/^  \([a-z-]*\) .*/\1/p'); do
        grep -q -- "faqbot $c" "$TMP/man.flat" || fail "the man page lacks the command $c"
        for o in $("$BIN" "$c" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u); do
            grep -q -- "$o" "$TMP/man.flat" || fail "the man page lacks $c's option $o"
        done
    done
    ok "man -l renders faqbot(1); it names every command and option"
else
    echo "skip: no man (apt-get install man-db): the man page is not rendered"
fi

if command -v systemd-analyze >/dev/null 2>&1; then
    # the unit as installed, but naming the staged binary, which verify runs
    sed "s|/usr/local/bin/faqbot|$BIN|" "$D/usr/local/lib/systemd/system/faqbot.service" >"$TMP/faqbot.service"
    MANPATH="$D/usr/local/share/man" systemd-analyze verify "$TMP/faqbot.service" >"$TMP/verify.out" 2>&1 ||
        fail "systemd-analyze verify: $(cat "$TMP/verify.out")"
    ! grep -q . "$TMP/verify.out" || fail "systemd-analyze verify warns: $(head -n 3 "$TMP/verify.out")"
    for k in DynamicUser=yes ProtectSystem=strict ReadOnlyPaths=/var/lib/faqbot NoNewPrivileges=yes \
             Restart=on-failure 'ExecReload=/bin/kill -HUP $MAINPID'; do
        grep -qxF "$k" "$TMP/faqbot.service" || fail "the unit lacks $k"
    done
    ok "systemd-analyze verify accepts the unit (hardened, reload by SIGHUP)"
else
    echo "skip: no systemd-analyze on this machine: the unit is not verified"
fi

build DESTDIR="$D" uninstall
left=$(find "$D" -type f | head -n 3)
expect_eq "make uninstall DESTDIR= leaves no file" "$left" ""

# installed for real under a prefix, started in / as the unit starts it
P=$TMP/prefix
build PREFIX="$P" install
"$P/bin/faqbot" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
web=$(sed -n 's/^ExecStart=.* --web \([^ ]*\) .*/\1/p' "$P/lib/systemd/system/faqbot.service")
expect_eq "the unit's --web" "$web" "$P/share/faqbot/web"
cd /
FAQBOT=$P/bin/faqbot start_server "$TMP/faq.idx" --web "$web"
expect_eq "GET / from the installed binary started in /, as the unit runs it" "$(status GET /)" 200
grep -q 'id="log"' "$TMP/body" && grep -q 'src="app.js"' "$TMP/body" || fail "GET / is not the chat page"
ok "the page is the installed chat page"
expect_eq "GET /widget.js" "$(status GET /widget.js)" 200
stop_server
# and without --web: the binary looks in its PREFIX itself
FAQBOT=$P/bin/faqbot start_server "$TMP/faq.idx"
expect_eq "GET / without --web, started in /" "$(status GET /)" 200
grep -q 'id="log"' "$TMP/body" || fail "GET / without --web is not the chat page"
stop_server

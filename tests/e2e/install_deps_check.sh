# install_deps_check.sh: tools/install-deps, which every `make run` runs,
# asks dpkg about all its packages at once (a query a package took 19 s
# on a busy machine) and installs just the ones missing, or nothing.
# dpkg-query, apt-get and sudo are stand-ins that log their calls.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/bin"
cat >"$TMP/bin/dpkg-query" <<'SH'
#!/bin/sh
echo "dpkg-query" >>"$FAKE_LOG"
shift 2   # -W -f=FORMAT
for p in "$@"; do
    case " $FAKE_MISSING " in
        *" $p "*) echo "dpkg-query: no packages found matching $p" >&2 ;;
        *) echo "$p install ok installed" ;;
    esac
done
SH
printf '#!/bin/sh\necho "apt-get $*" >>"$FAKE_LOG"\n' >"$TMP/bin/apt-get"
printf '#!/bin/sh\n"$@"\n' >"$TMP/bin/sudo"
chmod +x "$TMP/bin/"*
export FAKE_LOG="$TMP/log" PATH="$TMP/bin:$PATH"
for set in run test bench; do
    : >"$FAKE_LOG"
    FAKE_MISSING="" sh "$ROOT/tools/install-deps" $set >"$TMP/out" 2>&1 || fail "install-deps $set: $(cat "$TMP/out")"
    expect_eq "install-deps $set, all installed: one dpkg-query, no apt-get" "$(cat "$FAKE_LOG")" "dpkg-query"
done
: >"$FAKE_LOG"
FAKE_MISSING="hunspell-sv libcmocka-dev" sh "$ROOT/tools/install-deps" run >"$TMP/out" 2>&1 || fail "install-deps run: $(cat "$TMP/out")"
expect_eq "install-deps run, one missing: installs it alone" "$(grep -c '^dpkg-query$' "$FAKE_LOG") $(grep 'apt-get install' "$FAKE_LOG" | sed 's/.*--no-install-recommends//')" "1  hunspell-sv"
# not root on a machine without sudo (a fresh Debian 12 with a root
# password): told what to run as root, nothing tried
mkdir -p "$TMP/nosudo"
for t in sh grep sed cat; do ln -s "$(command -v $t)" "$TMP/nosudo/$t"; done
cp "$TMP/bin/dpkg-query" "$TMP/bin/apt-get" "$TMP/nosudo/"
printf '#!/bin/sh\necho 1000\n' >"$TMP/nosudo/id"
chmod +x "$TMP/nosudo/id"
: >"$FAKE_LOG"
FAKE_MISSING="hunspell-sv" PATH="$TMP/nosudo" sh "$ROOT/tools/install-deps" run >"$TMP/out" 2>&1
expect_eq "not root, no sudo: exit code" "$?" "1"
expect_match "not root, no sudo: the command to run as root" "$(cat "$TMP/out")" 'not root, and no sudo'
expect_match "not root, no sudo: the packages named" "$(cat "$TMP/out")" 'apt-get install --no-install-recommends hunspell-sv$'
expect_eq "not root, no sudo: no apt-get tried" "$(grep -c apt-get "$FAKE_LOG")" "0"

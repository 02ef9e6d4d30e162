# index_memory.sh: `faqbot index --memory SIZE` spills the postings in runs
# to temporary files and merges them, and the index is the same file, byte
# for byte, as one built in memory: the seed corpus and a generated one of
# 2,400 entries (two analysis threads), each with budgets small enough for
# several runs. No temporary file is left behind; a bad size is refused.
. "$ROOT/tests/e2e/lib.sh.inc"
export SOURCE_DATE_EPOCH=1700000000   # the build time, so two builds compare
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/mem.idx" >/dev/null || fail "index"
for m in 16K 64K; do
    "$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/spill.idx" --memory $m >/dev/null || fail "index --memory $m"
    cmp -s "$TMP/mem.idx" "$TMP/spill.idx"; expect_eq "seed, --memory $m: the same bytes" "$?" "0"
done
# a generated corpus: words drawn from a fixed list, so that many terms
# hold many entries (block and bitmap postings) and many hold few
mkdir -p "$TMP/gen/es"
awk 'BEGIN {
    split("agua casa perro gato libro mesa silla tiempo mundo vida noche dia ciudad campo " \
          "puerta ventana camino viaje tren barco avion coche calle plaza mercado precio " \
          "trabajo escuela maestro alumno pregunta respuesta idea forma parte grupo", w, " ")
    n = length(w); srand(7)
    print "# Generado\n"
    for (e = 1; e <= 2400; e++) {
        q = ""; for (k = 0; k < 4; k++) q = q " " w[int(rand() * n) + 1] int(rand() * e % 97)
        printf "## ¿%s? {#g%d}\n\n", substr(q, 2), e
        a = ""; for (k = 0; k < 30; k++) a = a " " w[int(rand() * n) + 1] (rand() < 0.3 ? int(rand() * 500) : "")
        printf "%s \"entrada\" %d.\n\n", substr(a, 2), e
    }
}' > "$TMP/gen/es/faq.md"
"$FAQBOT" index --corpus "$TMP/gen" --out "$TMP/gen-mem.idx" >/dev/null || fail "index generated"
for m in 32K 256K 1M; do
    "$FAQBOT" index --corpus "$TMP/gen" --out "$TMP/gen-spill.idx" --memory $m >/dev/null || fail "index generated --memory $m"
    cmp -s "$TMP/gen-mem.idx" "$TMP/gen-spill.idx"; expect_eq "generated, --memory $m: the same bytes" "$?" "0"
done
"$FAQBOT" check "$TMP/gen-spill.idx" >/dev/null; expect_eq "generated, spilled: check passes" "$?" "0"
expect_eq "no temporary file left" "$(ls "$TMP" | grep -c -e '\.spill\.' -e '\.tmp\.')" "0"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/x.idx" --memory 12Q >/dev/null 2>"$TMP/err"
expect_eq "a bad size exits 1" "$?" "1"
expect_match "a bad size is named" "$(cat "$TMP/err")" '--memory'
# What the build keeps per entry and per group (the id map, the groups'
# entries, the lengths) is in temporary files behind caches that are part
# of the budget: at a tiny budget the peak of 100,000 entries is that of
# 20,000 (the same documents of 2,000 entries, the same words), where
# before it grew by 50 to 90 bytes an entry (5 to 7 MB here).
gen_tiny() {   # DIR N
    mkdir -p "$1/es"
    awk -v N="$2" -v D="$1/es" 'BEGIN {
        split("agua casa perro gato libro mesa silla tiempo mundo vida noche dia ciudad campo " \
              "puerta ventana camino viaje tren barco avion coche calle plaza mercado precio", w, " ")
        n = length(w); srand(11)
        for (e = 1; e <= N; e++) {
            if (e % 2000 == 1) { f = sprintf("%s/f%04d.md", D, int(e / 2000)); print "# Generado\n" > f }
            printf "## ¿%s %s%d? {#e%d}\n\n%s %s %s.\n\n", w[int(rand() * n) + 1], w[int(rand() * n) + 1],
                e % 40, e, w[int(rand() * n) + 1], w[int(rand() * n) + 1], w[int(rand() * n) + 1] > f
        }
    }'
}
peak_kb() {   # the build's peak resident set, in KB
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
# The binary itself (under `make valgrind` FAQBOT is valgrind's wrapper);
# under ASan, whose quarantine keeps what is freed, the peak says nothing.
bin=${FAQBOT_REAL:-$FAQBOT}
if grep -q __asan_init "$bin"; then
    ok "peak against corpus size: not measured under ASan"
    exit 0
fi
gen_tiny "$TMP/t20k" 20000
gen_tiny "$TMP/t100k" 100000
p20=$(peak_kb "$bin" index --corpus "$TMP/t20k" --out "$TMP/t.idx" --memory 16K) || fail "index 20k"
p100=$(peak_kb "$bin" index --corpus "$TMP/t100k" --out "$TMP/t.idx" --memory 16K) || fail "index 100k"
"$bin" check "$TMP/t.idx" >/dev/null; expect_eq "100k, --memory 16K: check passes" "$?" "0"
expect_eq "100k entries peak within 2 MB of 20k at --memory 16K ($p20 -> $p100 KB)" \
    "$((p100 - p20 < 2048))" "1"
expect_eq "no temporary file left after them" "$(ls "$TMP" | grep -c -e '\.spill\.' -e '\.tmp\.')" "0"

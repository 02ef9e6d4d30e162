# cli_eval.sh: faqbot eval reads query files (header skipped, NONE rows,
# language-detection rows), reports per language and in all, lists the
# misses, sweeps the threshold; it reports and does not judge (exit 0).
. "$ROOT/tests/e2e/lib.sh.inc"
"$FAQBOT" index --corpus "$ROOT/corpus" --out "$TMP/faq.idx" >/dev/null || fail "index"
# one right answer, one off-topic row, one row whose expected id is wrong on
# purpose (a miss to list), one English row, one language-detection row
printf 'lang\tquery\texpected\n' > "$TMP/q.tsv"
printf 'es\t¿Cuándo concluye la iniciativa?\tprecursores-7\n' >> "$TMP/q.tsv"
printf 'es\t¿cómo hago una tortilla de patatas?\tNONE\n' >> "$TMP/q.tsv"
printf 'es\t¿Cuándo concluye la iniciativa?\tprecursores-1\n' >> "$TMP/q.tsv"
printf 'en\twhen does the initiative end\tprecursores-7\n' >> "$TMP/q.tsv"
printf 'es\t¿cuándo termina la iniciativa de los países precursores?\n' >> "$TMP/q.tsv"
out=$("$FAQBOT" eval --index "$TMP/faq.idx" "$TMP/q.tsv")
expect_eq "eval exits 0 even with misses" "$?" "0"
printf '%s\n' "$out"
expect_match "header line skipped" "$out" 'threshold 0\.[0-9]+, 5 questions'
expect_match "spanish row: 1 of 2 right, the off-topic one declined" "$out" '^es +3 +50\.0% +0\.500 +100\.0% +0\.0%'
expect_match "english row" "$out" '^en +1 +100\.0% +1\.000 +- '
expect_match "all row" "$out" '^all +4 +66\.7%'
expect_match "language detection" "$out" 'language detection \(lang, query rows\): es 1/1; all 100\.0%'
expect_match "the miss is listed with what it got" "$out" 'es	¿Cuándo concluye la iniciativa\?	precursores-1	precursores-7	answer	[01]\.[0-9]+'
n=$(printf '%s\n' "$out" | grep -c 'precursores-7	answer')
expect_eq "only the miss is listed" "$n" "1"
# a decline names the leader it declined: a right leader declined is the
# decline's loss, told from the ranking's at a glance
printf 'lang\tquery\texpected\nes\tqeu es la inciativa\tprecursores-1\n' > "$TMP/d.tsv"
out=$("$FAQBOT" eval --threshold 0.95 --index "$TMP/faq.idx" "$TMP/d.tsv")
expect_match "a declined right leader is named in parentheses" "$out" \
    'es	qeu es la inciativa	precursores-1	\(precursores-1\)	decline	0\.[0-9]+'

# two files are one set
printf 'pt\tquando termina a iniciativa\tprecursores-7\n' > "$TMP/pt.tsv"
out=$("$FAQBOT" eval --quiet --index "$TMP/faq.idx" "$TMP/q.tsv" "$TMP/pt.tsv")
expect_match "second file read" "$out" '^pt +1 '
printf '%s' "$out" | grep -q misses && fail "--quiet lists no misses"
ok "--quiet lists no misses"

# the sweep: one line per threshold from 0.05 to 0.95
out=$("$FAQBOT" eval --quiet --sweep --index "$TMP/faq.idx" "$TMP/q.tsv")
expect_eq "sweep rows" "$(printf '%s\n' "$out" | grep -cE '^  0\.[0-9][05] +[0-9.]+% +[0-9.]+% +[0-9.]+%$')" "19"
expect_match "sweep from 0.05" "$out" '^  0\.05 '
expect_match "sweep to 0.95" "$out" '^  0\.95 '
out=$("$FAQBOT" eval --quiet --threshold 0.9 --index "$TMP/faq.idx" "$TMP/q.tsv")
expect_match "--threshold is used" "$out" '^threshold 0\.90,'
"$FAQBOT" eval --index "$TMP/faq.idx" 2>/dev/null; expect_eq "no query file exits 1" "$?" "1"
"$FAQBOT" eval --index "$TMP/faq.idx" "$TMP/none.tsv" 2>"$TMP/err"; expect_eq "missing query file exits 2" "$?" "2"
expect_match "missing file named" "$(cat "$TMP/err")" 'none.tsv: cannot read'
"$FAQBOT" eval --index "$TMP/none.idx" "$TMP/q.tsv" 2>/dev/null; expect_eq "missing index exits 2" "$?" "2"

# the ranking's parameters: --set and --params change the figures
ES="$ROOT/tests/eval/es.tsv"
base=$("$FAQBOT" eval --quiet --index "$TMP/faq.idx" "$ES" | grep '^all ')
high=$("$FAQBOT" eval --quiet --set threshold=0.99 --index "$TMP/faq.idx" "$ES" | grep '^all ')
fd() { printf '%s\n' "$1" | awk '{print $6}' | tr -d '%'; }
awk -v h="$(fd "$high")" -v b="$(fd "$base")" 'BEGIN { exit !(h > b + 20) }' || fail "threshold 0.99 declines far more: [$base] [$high]"
ok "--set threshold=0.99 declines far more ($(fd "$base")% -> $(fd "$high")% false declines)"
expect_match "the report names the parameters changed" \
    "$("$FAQBOT" eval --quiet --set threshold=0.99 --index "$TMP/faq.idx" "$ES" | head -n 1)" \
    '^parameters: threshold=0.99 \(default 0.65\)$'
out=$("$FAQBOT" eval --list-params)
expect_match "--list-params: name, type, default, range, reason" "$out" '^threshold +double +0\.65 +0\.\.1 +[a-z]'
# every switch of the parameter table, however many it holds
expect_eq "--list-params: every switch" "$(printf '%s\n' "$out" | grep -c '^use_')" \
    "$(grep -c '^ *[A-Z]*( *use_' "$ROOT/src/search_params.c")"
printf '# a comment\n\nthreshold = 0.99\n' > "$TMP/p.txt"
viafile=$("$FAQBOT" eval --quiet --params "$TMP/p.txt" --index "$TMP/faq.idx" "$ES" | grep '^all ')
expect_eq "--params FILE as --set" "$viafile" "$high"
later=$("$FAQBOT" eval --quiet --params "$TMP/p.txt" --set threshold=0.65 --index "$TMP/faq.idx" "$ES" | grep '^all ')
expect_eq "a later --set wins" "$later" "$base"
"$FAQBOT" eval --set nope=1 --index "$TMP/faq.idx" "$ES" 2>"$TMP/err"; expect_eq "unknown parameter exits 1" "$?" "1"
expect_match "unknown parameter named" "$(cat "$TMP/err")" 'no parameter "nope"'
"$FAQBOT" eval --set threshold=2 --index "$TMP/faq.idx" "$ES" 2>"$TMP/err"; expect_eq "out of range exits 1" "$?" "1"
printf 'threshold 0.5\n' > "$TMP/bad.txt"
"$FAQBOT" eval --params "$TMP/bad.txt" --index "$TMP/faq.idx" "$ES" 2>"$TMP/err"; expect_eq "bad params file exits 1" "$?" "1"
expect_match "bad line named" "$(cat "$TMP/err")" 'bad.txt:1: '
a=$("$FAQBOT" ask --index "$TMP/faq.idx" --json hola | json outcome)
b=$("$FAQBOT" ask --index "$TMP/faq.idx" --json --set use_smalltalk=0 --set use_smalltalk_within=0 hola | json outcome)
expect_eq "ask: hola is small talk" "$a" "smalltalk"
[ "$b" != smalltalk ] || fail "ask --set use_smalltalk*=0: hola is no longer small talk"
ok "ask --set use_smalltalk=0 --set use_smalltalk_within=0: no small talk ($b)"

# ablation: a row per switch, per file; synonyms are worth much on the seed FAQ
out=$("$FAQBOT" eval --quiet --ablate --index "$TMP/faq.idx" "$ES" "$ROOT/tests/eval/smalltalk.tsv")
expect_eq "a table per file" "$(printf '%s\n' "$out" | grep -c '^ablation: ')" "2"
# the switches on by default are the ones ablated
on=$("$FAQBOT" eval --list-params | awk '/^use_/ && $3 == 1' | wc -l)
[ "$on" -gt 20 ] || fail "--list-params: only $on switches on"
expect_eq "a row per switch and file" "$(printf '%s\n' "$out" | grep -c '^  use_')" "$((2 * on))"
expect_match "synonyms off loses top-1 on es" "$out" '^  use_synonyms +[0-9.]+% +[0-9.]+% +[0-9.]+% +-[1-9][0-9]*\.[0-9] '
expect_match "small talk off loses top-1 on the small talk file" "$out" '^  use_smalltalk +[0-9.]+% +- +[0-9.]+% +-[1-9][0-9]*\.[0-9] '
off=$("$FAQBOT" eval --quiet --set use_synonyms=0 --index "$TMP/faq.idx" "$ES" | grep '^all ' | awk '{print $3}')
expect_match "the ablation row is eval with the switch off" "$out" "^  use_synonyms +$off "

# --explain: the rerank factors of the first two under each miss
out=$("$FAQBOT" eval --explain --index "$TMP/faq.idx" "$ROOT/tests/eval/pt.tsv")
expect_match "factors under a miss" "$out" '^      #1 [a-z0-9-]+: retrieval [0-9.]+, focus x[0-9.]+, proximity x[0-9.]+, question_fit x'
expect_match "and the runner-up" "$out" '^      #2 '

# --vary: the figures for each value of one parameter, the default's equal to eval's
out=$("$FAQBOT" eval --quiet --vary w_synonym=0,0.8 --index "$TMP/faq.idx" "$ES")
top=$(printf '%s\n' "$out" | grep '^all ' | awk '{print $3}')
expect_match "--vary: a row per value" "$out" '^  0 +[0-9.]+% '
expect_match "--vary: the default's row is eval's figure" "$out" "^  0\\.8 +$top "
v0=$(printf '%s\n' "$out" | grep '^  0 ' | awk '{print $2}')
[ "$v0" != "$top" ] || fail "--vary: no synonyms changes top-1 ($v0)"
ok "--vary: w_synonym=0 changes top-1 ($top -> $v0)"
"$FAQBOT" eval --quiet --vary nope=1 --index "$TMP/faq.idx" "$ES" >/dev/null 2>&1; expect_eq "--vary unknown name exits 1" "$?" "1"

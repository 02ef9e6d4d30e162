#!/bin/sh
# valgrind.sh FAQBOT OUTDIR [extra eval args...]: a tuning corpus built from Valgrind's FAQ
# (19 questions, as the valgrind package installs it; its text is not kept here), indexed
# and run against valgrind.tsv, whose questions were written before any ranking was run.
# Its answers often open with a quoted message indented under the question and go on at the
# margin, and its questions run over several lines: each question is joined into one line
# (up to its "?", ":" or "."), each answer indented whole, the rules and part titles dropped.
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(dirname "$0")
mkdir -p "$OUT/corpus/en"
zcat /usr/share/doc/valgrind/FAQ.txt.gz | awk '
    /^-+ *$/               { next }
    /^[0-9]+\. /           { next }
    /^[0-9]+\.[0-9]+\. /   { q = $0; sub(/ +$/, "", q); open_q = q !~ /[?:.]$/; if (!open_q) print q; next }
    open_q                 { sub(/^ +/, ""); sub(/ +$/, ""); q = q " " $0; if (q ~ /[?:.]$/) { print q; open_q = 0 }; next }
    q != ""                { print "  " $0 }' |
    "$FAQBOT" import --format numbered --title "Valgrind FAQ" --prefix valgrind > "$OUT/corpus/en/valgrind-faq.md" 2>/dev/null
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/valgrind.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/valgrind.idx" "$@" "$HERE/valgrind.tsv"

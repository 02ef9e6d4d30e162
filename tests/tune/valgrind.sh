#!/bin/sh
# valgrind.sh FAQBOT OUTDIR [extra eval args...]: a tuning corpus built from Valgrind's FAQ
# (19 questions, as the valgrind package installs it; its text is not kept here), indexed
# and run against valgrind.tsv, whose questions were written before any ranking was run.
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(dirname "$0")
mkdir -p "$OUT/corpus/en"
zcat /usr/share/doc/valgrind/FAQ.txt.gz |
    "$FAQBOT" import --format numbered --title "Valgrind FAQ" --prefix valgrind > "$OUT/corpus/en/valgrind-faq.md" 2>/dev/null
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/valgrind.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/valgrind.idx" "$@" "$HERE/valgrind.tsv"

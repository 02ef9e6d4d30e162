#!/bin/sh
# sed.sh FAQBOT OUTDIR [extra eval args...]: a tuning corpus built from the sed FAQ (112
# sections, as the sed package installs it; its text is not kept here), indexed and run
# against sed.tsv, whose questions were written before any ranking was run.
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(dirname "$0")
mkdir -p "$OUT/corpus/en"
zcat /usr/share/doc/sed/sedfaq.txt.gz |
    "$FAQBOT" import --format numbered --title "sed FAQ" --prefix sed > "$OUT/corpus/en/sedfaq.md" 2>/dev/null
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/sed.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/sed.idx" "$@" "$HERE/sed.tsv"

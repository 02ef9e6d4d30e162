#!/bin/sh
# lsof.sh FAQBOT OUTDIR [extra eval args...]: a tuning corpus built from lsof's FAQ (307
# questions, many about one Unix dialect, as the lsof package installs it; its text is not
# kept here), indexed and run against lsof.tsv, whose questions were written before any
# ranking was run.
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(dirname "$0")
mkdir -p "$OUT/corpus/en"
zcat /usr/share/doc/lsof/00FAQ.gz |
    "$FAQBOT" import --format numbered --title "lsof FAQ" --prefix lsof > "$OUT/corpus/en/lsof-faq.md" 2>/dev/null
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/lsof.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/lsof.idx" "$@" "$HERE/lsof.tsv"

#!/bin/sh
# compress-faq.sh FAQBOT OUTDIR [extra eval args...]: a third tuning corpus built from the
# FAQs that zlib1g-dev and xz-utils install (their text is not kept here), indexed and run
# against compress-faq.tsv, whose questions were written before any ranking was run.
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(dirname "$0")
mkdir -p "$OUT/corpus/en"
zcat /usr/share/doc/zlib1g-dev/FAQ.gz | "$FAQBOT" import --title "zlib FAQ" --prefix zlib > "$OUT/corpus/en/zlib.md" 2>/dev/null
zcat /usr/share/doc/xz-utils/faq.txt.gz | "$FAQBOT" import --title "XZ Utils FAQ" --prefix xz > "$OUT/corpus/en/xz.md" 2>/dev/null
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/c.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/c.idx" "$@" "$HERE/compress-faq.tsv"

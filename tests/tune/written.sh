#!/bin/sh
# written.sh NAME FAQBOT OUTDIR [extra eval args...]: a tuning corpus written here, a small
# service's FAQ (tests/tune/NAME/corpus/<lang>/) with its visitors' questions (NAME.tsv),
# both written before any ranking was run against them; indexed and run as the corpora
# built from Debian packages are, so every reader of tests/tune/corpora treats it alike.
set -eu
NAME=$1; FAQBOT=$2; OUT=$3; shift 3
HERE=$(dirname "$0")
mkdir -p "$OUT"
rm -rf "$OUT/corpus"
cp -R "$HERE/$NAME/corpus" "$OUT/corpus"
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/$NAME.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/$NAME.idx" "$@" "$HERE/$NAME.tsv"

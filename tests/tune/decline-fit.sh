#!/bin/sh
# decline-fit.sh FAQBOT OUTDIR [CORPUS...]: the decline model fitted across the tuning corpora,
# each scored left out (faqbot eval --fit), on the indexes that `across.py FAQBOT OUTDIR --build`
# made. Writes OUTDIR/features/<corpus>.tsv (eval --features, one row a question) for every
# corpus, the held-out one included, and fits on the CORPUS named (default: the twelve tuning
# corpora; the held-out one is never fitted on: its figures come from `faqbot eval` with the
# coefficients set). FIT_ONLY picks the features (default: the shipped ones), FIT_AFTER those
# fitted after them with theirs held (default: topic_name; empty: none).
#   the shipped coefficients: decline-fit.sh build/faqbot OUT seed debian zlib zlib+xz
# XLANG, the folder `make eval-xlang` leaves (build/xlang), adds its four cross-language dev
# sets as corpora xl-seed-es, xl-seed-en, xl-debian-en, xl-debian-de; HOLD=1 fits no first
# model (eval --fit --hold): FIT_AFTER starts from the shipped coefficients, the rest held.
#   translated, xl_unknown: XLANG=build/xlang HOLD=1 FIT_AFTER=translated,xl_unknown \
#     decline-fit.sh build/faqbot OUT seed debian zlib zlib+xz perl sed valgrind lsof \
#     xl-seed-es xl-seed-en xl-debian-en xl-debian-de   (then x0.7, docs/quality.md); with
#   xl_dict: FIT_AFTER=translated,xl_unknown,xl_dict, the same corpora (x0.7 again)
#   small_vocab: HOLD=1 FIT_AFTER=small_vocab decline-fit.sh build/faqbot OUT (the twelve)
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DEBIAN_DEV=${DEBIAN_DEV:-$ROOT/../shared/eval/debian-dev.tsv}
FIT_ONLY=${FIT_ONLY:-cover,evidence,unknown_words,unknown_other,question_field,margin,question_fit,domain_terms}
FIT_AFTER=${FIT_AFTER-topic_name}
F=$OUT/features
mkdir -p "$F"
features() {   # name index questions...
    name=$1; idx=$2; shift 2
    "$FAQBOT" eval --index "$idx" --features "$F/$name.tsv" "$@" >/dev/null
}
features seed "$OUT/seed.idx" "$ROOT"/tests/eval/*.tsv
features debian "$OUT/debian/deb.idx" "$DEBIAN_DEV"
features zlib "$OUT/zlib/zlib.idx" "$ROOT/tests/zlib/en.tsv"
features zlib+xz "$OUT/compress-faq/c.idx" "$HERE/compress-faq.tsv"
# the corpora tests/tune/corpora lists, zlib + XZ's (compress-faq) named above
listed=$(grep -v '^#' "$HERE/corpora" | cut -d: -f1 | grep -vx compress-faq)
for n in $listed; do
    features "$n" "$OUT/$n/$n.idx" "$HERE/$n.tsv"
done
features heldout "$OUT/heldout.idx" "$ROOT/tests/heldout/questions.tsv"
if [ -n "${XLANG:-}" ]; then
    E=$ROOT/tests/eval
    features xl-seed-es "$XLANG/seed-es/x.idx" "$E/en.tsv" "$E/fr.tsv" "$E/pt.tsv"
    features xl-seed-en "$XLANG/seed-en/x.idx" "$E/es.tsv" "$E/fr.tsv" "$E/pt.tsv"
    features xl-debian-en "$XLANG/debian-en/x.idx" "$XLANG/debian/not-en.tsv"
    features xl-debian-de "$XLANG/debian-de/x.idx" "$XLANG/debian/not-de.tsv"
fi
# shellcheck disable=SC2086 # the names, split on purpose
[ $# -gt 0 ] || set -- seed debian zlib zlib+xz $listed
files=""
for c in "$@"; do
    [ "$c" != heldout ] || { echo "the held-out corpus is never fitted on" >&2; exit 2; }
    files="$files $F/$c.tsv"
done
# shellcheck disable=SC2086 # the list of files, split on purpose
"$FAQBOT" eval --fit ${HOLD:+--hold} --only "$FIT_ONLY" ${FIT_AFTER:+--after "$FIT_AFTER"} $files

#!/bin/sh
# perl.sh FAQBOT OUTDIR [extra eval args...]: a tuning corpus built from Perl's FAQ (perlfaq1..9,
# 306 questions, as the perl-doc package installs it; its text is not kept here), indexed and
# run against perl.tsv, whose questions were written before any ranking was run.
# Each "=head2" of the POD is a question: pod2text renders it indented by two spaces, its
# answer by four (code by eight), and the "=head1" part titles at the margin; they become
# "Q:"/"A:" text, whose importer keeps the code indented.
set -eu
FAQBOT=$1; OUT=$2; shift 2
HERE=$(dirname "$0")
POD=$(ls -d /usr/share/perl/5.*/pod 2>/dev/null | head -n 1)
mkdir -p "$OUT/corpus/en"
for n in 1 2 3 4 5 6 7 8 9; do
    pod2text --utf8 "$POD/perlfaq$n.pod" | awk '
        /^[^ \t]/ { in_entry = 0; next }
        /^  [^ ]/ { in_entry = 1; sub(/^ +/, ""); printf "Q: %s\nA:\n", $0; next }
        in_entry  { sub(/^    /, ""); print }'
done | "$FAQBOT" import --format qa --title "Perl FAQ" --prefix perl > "$OUT/corpus/en/perlfaq.md" 2>/dev/null
"$FAQBOT" index --corpus "$OUT/corpus" --out "$OUT/perl.idx" >/dev/null
"$FAQBOT" eval --index "$OUT/perl.idx" "$@" "$HERE/perl.tsv"

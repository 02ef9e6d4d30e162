# compound_listed_da.sh: Danish lists its compounds as words, their parts
# too ("sygesikringskort" is "syge|sikrings|kort", and "sikringskort" a
# word of its own): the split goes on into a long listed part, so that a
# question's "kort" finds the FAQ's "sygesikringskort" by its head, and
# does not with the listed parts weighed 0 (--set w_part_listed_head=0).
# Fails on a split that keeps "sikringskort" whole as the head.
. "$ROOT/tests/e2e/lib.sh.inc"
system_dicts da_DK.dic hunspell-da

mkdir -p "$TMP/da/da"
cat > "$TMP/da/da/faq.md" <<'MD'
# Lægehuset Nord

## Hvad skal jeg medbringe til konsultationen? {#bring}

Husk dit sygesikringskort og en liste over den medicin, du tager.

## Kan jeg blive vaccineret hos jer? {#vaccines}

Ja, vi giver stivkrampevaccine og influenzavaccine efter aftale.

## Hvornår har I åbent? {#hours}

Vi har åbent alle hverdage fra klokken 8 til 16.

## Kan jeg bestille tid på nettet? {#booking}

Ja, du kan bestille tid på vores hjemmeside eller ringe til os.
MD
index_faq "$TMP/da"
expect_eq "kort finds the sygesikringskort" "$(answer_id 'skal jeg have et kort med')" bring
expect_eq "... not with the listed parts weighed 0" \
    "$(answer_id --set w_part_listed_head=0 'skal jeg have et kort med')" null
expect_eq "and so does hvad med mit kort" "$(answer_id 'hvad med mit kort')" bring

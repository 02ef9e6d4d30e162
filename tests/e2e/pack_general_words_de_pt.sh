# pack_general_words_de_pt.sh: general words of German and Portuguese
# that a FAQ and its askers say apart. "bauen" asks how to make what
# "erstellen" makes; "ver" asks to be shown ("mostrar"); a "gestor" is who "gere" (manages)
# a thing. A FAQ that says one is found by the other. Fails on the base,
# whose packs hold none of these groups.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/de" "$TMP/c/pt"
cat > "$TMP/c/de/faq.md" <<'MD'
## Kann ich meinen Stundenplan drucken? {#print-timetable}

Ja, über das Menü oben rechts.

## Wer hat die Kurse gestern geleitet? {#teachers}

Frau Berger und Herr Lang.

## Welche Kurse gab es in der Vergangenheit? {#past-courses}

Töpfern, Malen und Fotografie.

## Wie erstelle ich einen Stundenplan? {#make-timetable}

Wählen Sie Ihre Kurse und klicken Sie auf „Plan“.
MD
cat > "$TMP/c/pt/faq.md" <<'MD'
## Posso imprimir as minhas reservas? {#print-bookings}

Sim, no menu da conta.

## Quem responde às reservas de grupo? {#group-bookings}

A receção, por telefone.

## Como mostro as minhas reservas? {#show-bookings}

Abra "Conta" e depois "Reservas".

## Quem limpa o espaço aos fins de semana? {#weekend-cleaning}

Uma empresa de limpeza.

## Quem gere o espaço aos fins de semana? {#weekend-staff}

A equipa de voluntários.
MD
index_faq "$TMP/c"
first() { "$FAQBOT" ask --index "$TMP/faq.idx" --explain --threshold 0 --lang "$1" "$2" |
    sed -n 's/^#1 \([^:]*\):.*/\1/p'; }
expect_eq "de: bauen is erstellen" "$(first de 'einen Stundenplan bauen')" make-timetable
expect_eq "pt: ver is mostrar" "$(first pt 'ver as minhas reservas')" show-bookings
expect_eq "pt: gestor is who gere" "$(first pt 'quem é o gestor do espaço ao fim de semana')" weekend-staff

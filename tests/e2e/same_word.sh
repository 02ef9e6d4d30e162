# same_word.sh: "the same" and the adverbs of degree only compare or measure
# what the rest of the question names ("¿los niños pagan lo mismo?"): they
# are stop words in every pack, as "same", "même", "mesmo" were in theirs,
# so a FAQ that lacks them does not read them as another topic and decline.
# A question of another topic stays declined.
. "$ROOT/tests/e2e/lib.sh.inc"

mkdir -p "$TMP/c/es"
cat > "$TMP/c/es/faq.md" <<'MD'
# Piscina municipal

## ¿Cuánto cuesta la entrada? {#precio}

La entrada cuesta cuatro euros; los niños y los jubilados pagan dos euros.

## ¿Cuál es el horario de la piscina? {#horario}

De lunes a viernes de siete a diez de la noche; sábados y domingos de nueve a dos.

## ¿Hay taquillas para dejar la ropa? {#taquillas}

Sí, en los vestuarios, con un candado propio o una moneda de un euro.

## ¿Es obligatorio el gorro de baño? {#gorro}

Sí, en todas las calles; se venden gorros en la recepción.

## ¿Puedo reservar una calle para entrenar? {#calles}

Los clubes reservan calles por temporada en la oficina de deportes.
MD
index_faq "$TMP/c"

# "mismo" is no word of this FAQ: weighed as its rarest word, it declined
# these (0.56, 0.46)
expect_eq "lo mismo: the price" "$(answer_id "los niños pagan lo mismo?")" precio
expect_eq "el mismo: the cap" "$(answer_id "tengo que llevar el mismo gorro")" gorro

for q in "es lo mismo que un gimnasio" "venden bicicletas"; do
    expect_eq "another topic still declined: $q" \
        "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "$q" | json outcome)" decline
done

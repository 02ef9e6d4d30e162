# new_faq_fr_it.sh: a French and an Italian FAQ with no language file of
# their own, asked as their visitors would: what the packs alone must give.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/it/it"
cat > "$TMP/it/it/faq.md" <<'MD'
# Noleggio bici

## Il servizio è attivo tutto l'anno? {#orari}
? Di notte si possono prendere le bici?

Il servizio è attivo tutti i giorni, 24 ore su 24.

## Come funziona il noleggio? {#come-funziona}

Si sblocca una bici con l'app e la si riporta in una stazione.

## Come chiedo un rimborso? {#rimborso}

Scriva all'assistenza entro 30 giorni.

## Come cancello il mio account? {#account}
? Voglio disdire l'abbonamento

Dal profilo dell'app. La parte non usata non si rimborsa.

## Cosa faccio in caso di furto? {#furto}
? Mi hanno rubato la bici

Faccia denuncia e ci mandi una copia.

## Devo portare il casco? {#casco}

Il casco è consigliato.
MD
"$FAQBOT" index --corpus "$TMP/it" --out "$TMP/it.idx" >/dev/null || fail "index it"
ask() { "$FAQBOT" ask --index "$1" --json "$2"; }

# words of two small talk phrases ("come funziona", "buona notte") are a
# question, not small talk
o=$(ask "$TMP/it.idx" "funziona anche di notte?" | json outcome)
[ "$o" != smalltalk ] || fail "a question with small talk words is taken for small talk"
ok "a question with small talk words is not small talk"
expect_eq "small talk still" "$(ask "$TMP/it.idx" "ciao, grazie mille" | json outcome)" "smalltalk"

# "voglio" (I want), "devo" (I must) say nothing of the topic: the entry
# whose question holds them does not win on them
expect_eq "voglio: the everyday word does not decide" "$(ask "$TMP/it.idx" "voglio un rimborso" | json id)" "rimborso"
j=$(ask "$TMP/it.idx" "mi hanno rubato la bicicletta, cosa devo fare?")
expect_eq "devo: the everyday word does not decide" "$(printf '%s\n' "$j" | json id)" "furto"
expect_eq "... nor declines" "$(printf '%s\n' "$j" | json outcome)" "answer"

mkdir -p "$TMP/fr/fr"
cat > "$TMP/fr/fr/faq.md" <<'MD'
# Piscine

## Le sèche-cheveux est-il disponible ? {#seche-cheveux}

Oui, des sèche-cheveux sont à disposition dans les vestiaires.

## La piscine ferme-t-elle en été ? {#fermetures}

Deux semaines fin août ; les fermetures sont annoncées sur le site de la ville.
MD
"$FAQBOT" index --corpus "$TMP/fr" --out "$TMP/fr.idx" >/dev/null || fail "index fr"
# "oui" answers the bot; it is no question about the entry whose answer opens with it
expect_eq "oui is not the topic of an answer" "$(ask "$TMP/fr.idx" "oui" | json answered)" "false"
expect_eq "bonne nuit: a goodbye" "$(ask "$TMP/fr.idx" "bonne nuit" | json id)" "bye"
# what the site is: the bot tells what it does, not the entry that says "site"
j=$(ask "$TMP/fr.idx" "c'est quoi ce site")
expect_eq "what this site is: small talk" "$(printf '%s\n' "$j" | json outcome)" "smalltalk"
expect_eq "... the help" "$(printf '%s\n' "$j" | json id)" "help"
# "ok", "d'accord", "va bene": the visitor acknowledges; no "sorry, I have no answer"
for q in "ok" "d'accord"; do
    expect_eq "$q: acknowledged" "$(ask "$TMP/fr.idx" "$q" | json id)" "ok"
done
expect_eq "va bene: acknowledged" "$(ask "$TMP/it.idx" "va bene" | json id)" "ok"
expect_eq "ok grazie: thanks still" "$(ask "$TMP/it.idx" "ok grazie" | json id)" "thanks"

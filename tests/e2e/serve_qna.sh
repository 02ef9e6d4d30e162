# serve_qna.sh: bots built on Azure's question answering switch to faqbot:
# Microsoft's client (botbuilder-ai from npm, installed under tests/qna/ from
# its lockfile, without install scripts) in both of its modes.
. "$ROOT/tests/e2e/lib.sh.inc"
trap stop_server EXIT
qna="$ROOT/tests/qna"
command -v node >/dev/null 2>&1 || fail "no node (tools/install-deps installs nodejs and npm)"
if [ ! -d "$qna/node_modules/botbuilder-ai" ]; then
    (cd "$qna" && npm ci --ignore-scripts --no-audit --no-fund) >"$TMP/npm.log" 2>&1 ||
        { tail -n 20 "$TMP/npm.log"; fail "npm could not install botbuilder-ai"; }
fi
# the seed corpus, one entry with metadata and one near an English
# question, both in Spanish only
cp -R "$ROOT/corpus" "$TMP/c"
cat > "$TMP/c/es/visados.md" <<'MD'
# Visados

## ¿Dónde se tramita el visado de estudiante? {#visado-estudiante}

<!-- meta: category=visas, audience=students -->
El visado de estudiante se tramita en el consulado del país de destino.

## ¿Cuándo termina la iniciativa en Ginebra? {#solo-ginebra}

En Ginebra termina en diciembre.
MD
"$FAQBOT" index --corpus "$TMP/c" --out "$TMP/faq.idx" >/dev/null || fail "index"
start_server "$TMP/faq.idx" --endpoint-key qna-test-key --feedback-log "$TMP/feedback.jsonl"
node "$qna/qna.test.mjs" "$URL" qna-test-key "$TMP/feedback.jsonl" || fail "the botbuilder-ai client"

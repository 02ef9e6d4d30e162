// qna.test.mjs: Microsoft's own client, botbuilder-ai, unpatched, against
// `faqbot serve`: the QnAMaker class (QnA Maker v4: .../generateanswer,
// .../train) and CustomQuestionAnswering, the class the SDK uses for
// qnaServiceType 'language' (/language/:query-knowledgebases, .../feedback).
// usage: node qna.test.mjs URL KEY FEEDBACK_LOG
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { QnAMaker, CustomQuestionAnswering } = require('botbuilder-ai');
const { TestAdapter, TurnContext } = require('botbuilder-core');

const [url, key, feedbackLog] = process.argv.slice(2);
const base = url.replace(/\/$/, '');
let passed = 0, failed = 0;
function check(what, cond, detail) {
  if (cond) { passed++; console.log(`ok: ${what}`); }
  else { failed++; console.log(`FAIL: ${what}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`); }
}
const adapter = new TestAdapter();
const turn = (text) => new TurnContext(adapter, {
  type: 'message', text, channelId: 'test', from: { id: 'user-1' }, recipient: { id: 'bot' },
  conversation: { id: 'conv-1' },
});
// metadata filters as each mode takes them: the v4 client sends
// options.filters as QnA Maker's strictFilters; the language client sends
// options.strictFilters as the service's filters.metadataFilter
const filter = (mode, pairs) => mode === 'language'
  ? { strictFilters: pairs.map(([name, value]) => ({ name, value })) }
  : { filters: { metadataFilter: { metadata: pairs.map(([key, value]) => ({ key, value })), logicalOperation: 'AND' } } };
// the English questions of the seed corpus (the test's is a copy of it)
const enQuestions = new Set(readFileSync(new URL('../../corpus/en/paises-precursores.md', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).replace(/\s*\{#[^}]*\}\s*$/, '').trim()));
const metaId = (a) => (a?.metadata || []).find((m) => m.name === 'id')?.value;

// question, the entry expected, a word of its answer
const cases = [
  ['¿Cuándo concluye la iniciativa?', 'precursores-7', 'indeterminada'],
  ['¿Qué es un país precursor?', 'precursores-1', null],
  ['How long will the initiative last?', 'precursores-7', 'indefinite'],
  ['¿Dónde se tramita el visado de estudiante?', 'visado-estudiante', 'consulado'],
];

const modes = [
  ['QnA Maker v4', new QnAMaker({ knowledgeBaseId: 'kb-test', endpointKey: key, host: `${base}/qnamaker` }, { top: 3 })],
  ['language', new CustomQuestionAnswering({ knowledgeBaseId: 'project-test', endpointKey: key, host: base,
                                             qnaServiceType: 'language' }, { top: 3 })],
];

for (const [mode, client] of modes) {
  for (const [q, id, word] of cases) {
    const answers = await client.getAnswers(turn(q));
    const a = answers[0];
    check(`${mode}: "${q}" -> ${id}`, metaId(a) === id && Number.isInteger(a.id) && a.id >= 0, answers);
    if (word) check(`${mode}: answer text of ${id}`, a?.answer?.includes(word), a?.answer);
    check(`${mode}: score from 0 to 1`, a?.score > 0.3 && a?.score <= 1, a?.score);
    check(`${mode}: no meta comment in the answer`, !a?.answer?.includes('<!--'), a?.answer);
  }
  const off = await client.getAnswers(turn('receta de paella valenciana'));
  check(`${mode}: off-topic gets no answer`, off.length === 0 || off[0].id === -1, off);
  const meta = (await client.getAnswers(turn('¿Dónde se tramita el visado de estudiante?')))[0]?.metadata || [];
  check(`${mode}: corpus metadata`, meta.some((m) => m.name === 'category' && m.value === 'visas'), meta);

  // strictFilters: a filter on the metadata answers from the entries that have it
  const top = await client.getAnswers(turn('¿Cuándo concluye la iniciativa?'), { top: 3, scoreThreshold: 0.01 });
  const second = metaId(top[1]);
  check(`${mode}: a second answer to filter for`, !!second && second !== 'precursores-7', top);
  const filtered = await client.getAnswers(turn('¿Cuándo concluye la iniciativa?'),
    { ...filter(mode, [['id', second]]), scoreThreshold: 0.01 });
  check(`${mode}: strictFilters id=${second}`, filtered.length > 0 && filtered.every((a) => metaId(a) === second), filtered);
  const visas = await client.getAnswers(turn('¿Dónde se tramita el visado de estudiante?'),
    filter(mode, [['Category', 'VISAS']]));
  check(`${mode}: strictFilters any case`, metaId(visas[0]) === 'visado-estudiante', visas);
  const none = await client.getAnswers(turn('¿Dónde se tramita el visado de estudiante?'),
    filter(mode, [['category', 'other']]));
  check(`${mode}: strictFilters that nothing passes`, none.length === 0 || none[0].id === -1, none);

  // answers beyond the top in the asker's language, as the chat offers
  // them: an English question is not answered with a Spanish-only entry
  // that ranks among the English ones (every language's, before)
  const english = await client.getAnswers(turn('When does the initiative end in Geneva?'), { top: 5, scoreThreshold: 0.01 });
  check(`${mode}: an English question's answers are English ones`, english.length > 1 &&
        english.every((a) => enQuestions.has(a.questions?.[0])), english.map((a) => a.questions?.[0]));
  const spanish = await client.getAnswers(turn('¿Cuándo termina la iniciativa en Ginebra?'), { top: 5, scoreThreshold: 0.01 });
  check(`${mode}: a Spanish question's, Spanish ones`, metaId(spanish[0]) === 'solo-ginebra' && spanish.length > 1 &&
        spanish.every((a) => !enQuestions.has(a.questions?.[0])), spanish.map((a) => a.questions?.[0]));

  // active learning: the user picked an answer for a question
  const picked = (await client.getAnswers(turn('How long will the initiative last?')))[0];
  await client.callTrain({ feedbackRecords: [{ userId: 'user-1', userQuestion: `${mode}: how long does it run?`, qnaId: picked.id }] });
  const lines = readFileSync(feedbackLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const rec = lines.find((l) => l.q === `${mode}: how long does it run?`);
  check(`${mode}: feedback in the log`, rec && rec.id === 'precursores-7' && rec.vote === 'up' &&
        rec.via === (mode === 'language' ? 'language-feedback' : 'qnamaker-train'), lines);
}

// the endpoint key is required
const wrong = new QnAMaker({ knowledgeBaseId: 'kb-test', endpointKey: 'wrong', host: `${base}/qnamaker` });
let threw = false;
try { await wrong.getAnswers(turn('¿Cuándo concluye la iniciativa?')); } catch { threw = true; }
check('a wrong endpoint key is refused', threw);

console.log(`qna: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

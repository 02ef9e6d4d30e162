// faqbot widget: the FAQ chat on any page as a bubble,
//   <script src="https://faq.example.org/faq/widget.js" data-lang="es" defer></script>
// In a shadow root (no CSS in or out); every URL from this script's own;
// nothing else loaded; another origin needs `faqbot serve --allow-origin
// ORIGIN`. Server text through textContent, but answer_html (cmark's safe mode).
(function () {
  'use strict';
  const me = document.currentScript;  // null after the first run
  if (!me || !me.src || window.faqbotWidget) return;
  const base = new URL('.', me.src);
  const url = (p) => new URL(p, base).href;
  const wantLang = me.getAttribute('data-lang') || '';
  const pageLang = (document.documentElement.lang || '').split('-')[0].toLowerCase();

  const CSS = `
:host { all: initial !important; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.w { --brand: #0a58a8; --on: #fff; --ink: #1b2530; --muted: #586474; --bg: #fff; --bot: #f1f4f8; --line: #d5dce4;
  font: 15px/1.45 system-ui, sans-serif; color: var(--ink); }
svg { width: 1.1em; height: 1.1em; fill: currentColor; vertical-align: -.15em; }
.bubble svg { width: 28px; height: 28px; vertical-align: middle; }
.bubble { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; width: 56px; height: 56px;
  border: 0; border-radius: 50%; background: var(--brand); color: var(--on);
  cursor: pointer; box-shadow: 0 4px 14px #00000040; }
.panel { position: fixed; right: 16px; bottom: 88px; z-index: 2147483647;
  width: min(380px, 100vw - 32px); height: min(560px, 100vh - 110px);
  display: flex; flex-direction: column; background: var(--bg); border: 1px solid var(--line);
  border-radius: 14px; box-shadow: 0 10px 40px #00000040; overflow: hidden; }
.bar { display: flex; align-items: center; gap: .5em; padding: .6em .8em; background: var(--brand); color: var(--on); }
.bar h2 { flex: 1; margin: 0; font-size: 1em; font-weight: 600; }
.bar button { border: 0; background: none; color: inherit; font-size: 1.4em; line-height: 1; cursor: pointer; padding: 0 .3em; }
.bar .new svg { width: .8em; height: .8em; vertical-align: -.05em; }
.log { flex: 1; overflow-y: auto; padding: .8em; display: flex; flex-direction: column; gap: .6em; }
.msg { max-width: 88%; padding: .5em .75em; border-radius: 14px; overflow-wrap: anywhere; border: 1px solid #0000; }
.user { align-self: flex-end; background: var(--brand); color: var(--on); white-space: pre-wrap; }
.user::before { content: attr(data-label) " "; position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.bot { align-self: flex-start; background: var(--bot); }
.error { align-self: stretch; max-width: none; background: #fdecea; color: #8a1c12; }
.msg p, .msg ul, .msg ol { margin: .3em 0; } .answer ul, .answer ol { padding-inline-start: 1.2em; }
.msg > :first-child { margin-top: 0; } .msg > :last-child { margin-bottom: 0; }
.msg a { color: var(--brand); }
/* code whole at its hyphens, a long one wrapped in its box; a <pre> scrolls */
.answer :not(pre)>code { display: inline-block; max-width: 100%; } pre { overflow-x: auto; }
.src, .vote, .typing, .long { font-size: .82em; color: var(--muted); }
.note { font-style: italic; }
.alts { display: flex; flex-wrap: wrap; gap: .3em; margin: .4em 0 0; padding: 0; list-style: none; }
.alts button, .vote button { font: inherit; font-size: .85em; cursor: pointer; border: 1px solid var(--line);
  background: var(--bg); color: var(--brand); border-radius: 12px; padding: .15em .55em; text-align: start; }
.vote { display: flex; gap: .3em; align-items: center; margin-top: .4em; }
.vote button[aria-pressed="true"] { background: var(--brand); color: var(--on); }
.typing, .long { margin: 0 .8em .4em; }
.long { color: var(--ink); } .long:empty { margin: 0; }
form { display: flex; gap: .4em; padding: .6em; border-top: 1px solid var(--line); }
input { flex: 1; min-width: 0; font: inherit; color: var(--ink); background: var(--bg);
  padding: .45em .6em; border: 1px solid var(--line); border-radius: 10px; }
form button { font: inherit; border: 0; border-radius: 10px; padding: .45em .8em; background: var(--brand); color: var(--on); cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid #f0a500; outline-offset: 1px; }
@media print { .w { display: none; } }
@media (prefers-color-scheme: dark) {
  .w { --brand: #5aa2ee; --on: #0b1a2a; --ink: #e4e9ef; --muted: #9aa6b4; --bg: #171e26; --bot: #212b36; --line: #2b3540; }
}`;

  function h(tag, attrs, text) {
    const e = document.createElement(tag);
    if (tag == 'button') e.type = 'button';  // submits only if told
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // drawn: not every system has an emoji font
  const THUMB = 'M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 19 10h-5.5l.9-4.3A2 2 0 0 0 12.5 3L8 9.5z';
  function icon(d, turn) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg'), path = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    path.setAttribute('d', d);
    if (turn) path.setAttribute('transform', 'rotate(180 12 12)');
    svg.appendChild(path);
    return svg;
  }

  // the conversation's language so far: the page's data-lang, else none
  // (the browser's language is no turn of it)
  let texts = {}, convLang = wantLang || null, textsReady = null;
  let indexTag = null;  // the index the texts came from (the Faqbot-Index header)
  let queue = Promise.resolve();
  const host = h('div', { 'data-faqbot': '' });
  const root = host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets && window.CSSStyleSheet && 'replaceSync' in CSSStyleSheet.prototype) {
    // a constructed sheet: a host page's CSP against inline styles allows it
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(h('style', null, CSS));
  }
  const w = h('div', { class: 'w' });
  const bubble = h('button', { class: 'bubble', 'aria-haspopup': 'dialog',
    'aria-expanded': 'false', 'aria-controls': 'faqbot-panel', 'aria-label': 'FAQ' });
  bubble.appendChild(icon('M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'));
  const panel = h('div', { class: 'panel', id: 'faqbot-panel', role: 'dialog', 'aria-labelledby': 'faqbot-title' });
  panel.hidden = true;
  const title = h('h2', { id: 'faqbot-title' }, 'FAQ');
  const close = h('button', { class: 'close', 'aria-label': 'Close' }, '×');
  const fresh = h('button', { class: 'new', 'aria-label': 'New conversation' });
  fresh.appendChild(icon('M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z'));
  const bar = h('div', { class: 'bar' });
  bar.append(title, fresh, close);
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const typing = h('p', { class: 'typing', role: 'status' });
  typing.hidden = true;
  const form = h('form');
  const input = h('input', { type: 'text', dir: 'auto', autocomplete: 'off', enterkeyhint: 'send',
    'aria-label': 'Question', 'aria-describedby': 'faqbot-long' });
  const long = h('p', { class: 'long', id: 'faqbot-long', role: 'status' });
  const send = h('button', { type: 'submit', 'aria-label': 'Send' }, '➤');
  form.append(input, send);
  panel.append(bar, log, typing, long, form);
  w.append(bubble, panel);
  root.appendChild(w);

  const langOf = t => t.text_lang || t.lang || '';
  function applyTexts(t) {
    texts = t;
    w.lang = langOf(t);
    w.dir = t.text_dir || 'ltr';
    title.textContent = t.page_title || 'FAQ';
    input.placeholder = t.page_placeholder || '';
    for (const [e, k] of [[bubble, 'page_open'], [close, 'page_close'], [fresh, 'page_new'], [input, 'page_placeholder'], [send, 'page_send']])
      if (t[k]) e.setAttribute('aria-label', t[k]);
    typing.textContent = t.page_typing || '…';
    const hello = log.querySelector('.welcome');
    if (hello && t.page_welcome) {
      hello.textContent = t.page_welcome;
      hello.lang = langOf(t);
      hello.dir = w.dir;
    }
  }

  // the reply and the index that gave it; given up after 20 s: one hung
  // kept the dots on
  async function getJSON(path, opts) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 20000);
    let r, data = null;
    try {
      r = await fetch(url(path), Object.assign({ signal: ctl.signal }, opts));
      try { data = await r.json(); } catch (e) { if (ctl.signal.aborted) throw e; }
    } finally {
      clearTimeout(timer);
    }
    if (!r.ok || !data) throw new Error('HTTP ' + r.status + (data && data.error ? ': ' + data.error : ''));
    return [data, r.headers.get('Faqbot-Index')];
  }

  function loadTexts(lang) {
    const p = getJSON('api/messages' + (lang ? '?lang=' + encodeURIComponent(lang) : ''));
    textsReady = p.then(([t, tag]) => { indexTag = tag; applyTexts(t); }, (e) => { textsReady = null; throw e; });
    return textsReady;
  }

  function addMsg(cls, text, lang) {
    const m = h('div', { class: 'msg ' + cls }, text);
    if (lang) m.lang = lang, m.dir = texts.text_dir || 'ltr';
    // an Arabic or Hebrew question read from the right, after "Your question:"
    if (cls === 'user') { m.dir = 'auto'; m.dataset.label = texts.page_question || ''; }
    log.appendChild(m);
    log.scrollTop = log.scrollHeight;
    return m;
  }

  function failed(e) {
    const m = addMsg('error', texts.page_error || 'The server could not be reached. / No se pudo contactar con el servidor.');
    m.title = String(e && e.message || e);
  }

  // the vote kept in its turn: a reload shows it cast, clicked again it
  // sends nothing; one the server did not keep, uncast
  function vote(box, q, a, v, turn, send) {
    if (turn.v === v) return;
    const was = turn.v, lost = () => turn.v === v && vote(box, q, a, was, turn);
    turn.v = v;
    save();
    for (const b of box.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.vote === v));
    if (send) fetch(url('api/feedback'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ q, id: a.id, lang: a.lang, vote: v }),
    }).then(r => r.ok ? (box.querySelector('.thanks').textContent = texts.page_thanks || '✓') : lost(), lost);
  }

  // Read back from storage an answer is untrusted: rebuilt from the
  // elements cmark writes, links only to the web, mail or a phone (a
  // DOMParser document runs no script, loads nothing).
  const SAFE = { P: [], BR: [], EM: [], STRONG: [], CODE: [], PRE: [], UL: [], OL: ['start'], LI: [],
                 BLOCKQUOTE: [], H1: [], H2: [], H3: [], H4: [], H5: [], H6: [], HR: [], A: ['href', 'title'] };
  function clean(from, to) {
    for (const n of from.childNodes) {
      if (n.nodeType === 3) to.append(n.nodeValue);
      if (n.nodeType !== 1 || /^(SCRIPT|STYLE|TEMPLATE)$/.test(n.tagName)) continue;
      const keep = SAFE[n.tagName];
      if (!keep) { clean(n, to); continue; }
      const e = to.appendChild(document.createElement(n.tagName));
      for (const k of keep) {
        const v = n.getAttribute(k);
        let ok = v !== null;
        try { ok = ok && (k !== 'href' || /^(https?|mailto|tel):$/.test(new URL(v, base).protocol)); } catch (x) { ok = false; }
        if (ok) e.setAttribute(k, v);
      }
      clean(n, e);
    }
  }

  // The conversation lasts the tab's session (sessionStorage: never sent),
  // the last 50 turns, keyed by the FAQ server's address (two widgets do
  // not mix); storage refused leaves it unkept.
  const STORE = 'faqbot-widget:' + base.href;
  let turns = [], era = 0;
  function save() {
    for (;;) {
      try { return sessionStorage.setItem(STORE, JSON.stringify({ lang: convLang, open: !panel.hidden, turns: turns })); }
      catch (e) { if (!turns.shift()) return; }
    }
  }

  function showAnswer(q, a, turn, kept) {
    // the bot's words in the page's language, the FAQ's in the answer's
    const own = langOf(texts) || a.lang, faq = a.lang && a.lang !== own ? { lang: a.lang, dir: 'auto' } : {};
    const m = addMsg('bot is-' + (a.outcome || 'unknown'), null, own);
    const p = (cls, t) => m.appendChild(h('p', { class: cls }, t));
    if (a.corrected && texts.did_you_mean && a.outcome !== 'decline') p('note', texts.did_you_mean.replace('{q}', a.corrected));
    if (a.message) p('note', a.message);
    let alts = a.alternatives;
    if (a.outcome === 'answer' || a.outcome === 'smalltalk') {
      if (a.outcome === 'answer' && a.question) p('src', (texts.page_answers || '') + ' ').appendChild(h('span', faq, a.question));
      const body = h('div', { class: 'answer', ...faq });
      if (kept) clean(new DOMParser().parseFromString(String(a.answer_html || ''), 'text/html').body, body);
      else body.innerHTML = a.answer_html || '';
      for (const l of body.querySelectorAll('a[href]')) { l.rel = 'noopener noreferrer'; l.target = '_blank'; }
      m.appendChild(body);
      if (a.outcome === 'answer' && a.id && texts.feedback) {
        const box = h('div', { class: 'vote' });
        for (const [v, key, dflt] of [['up', 'page_helpful', 'Helpful'], ['down', 'page_unhelpful', 'Not helpful']]) {
          const b = h('button', { 'aria-pressed': String(turn.v === v), 'aria-label': texts[key] || dflt, 'data-vote': v });
          b.appendChild(icon(THUMB, v === 'down'));
          b.addEventListener('click', () => vote(box, q, a, v, turn, 1));
          box.appendChild(b);
        }
        box.appendChild(h('span', { class: 'thanks', role: 'status' }));
        m.appendChild(box);
      }
    } else if (a.outcome === 'clarify') {
      if (!a.message) p('note', texts.clarify);
      alts = [{ question: a.question, lang: a.lang }].concat(alts || []);
    } else if (!a.message) {
      p('note', texts.decline);
    }
    if (alts && alts.length) {
      const ul = h('ul', { class: 'alts' });
      for (const it of alts.slice(0, 4)) {
        if (!it || !it.question) continue;
        const b = h('button', { dir: 'auto' }, it.question);
        if (it.lang) b.lang = it.lang;
        if (it.lang_name) b.append(h('span', { lang: own }, ` (${it.lang_name})`));
        b.addEventListener('click', () => { ask(it.question); input.focus(); });
        ul.appendChild(h('li')).appendChild(b);
      }
      m.appendChild(ul);
    }
  }

  let pending = 0;  // the dots stay while any answer is to come
  function ask(q) {
    q = q.trim();
    if (!q) return;
    const u = addMsg('user', q);
    typing.hidden = false;
    pending++;
    const body = { q: q };
    if (convLang) body.prev_lang = convLang;
    else if (pageLang) body.page_lang = pageLang;  // a tie's prior ("hi"), no turn
    const mine = era;
    const job = getJSON('api/ask', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    queue = queue.then(() => job).then(async ([a, tag]) => {
      if (mine !== era) return;  // asked before "new conversation"
      // another language, or another index than the texts' (the FAQ
      // rebuilt and swapped in): the texts follow
      if ((a.query_lang && a.query_lang !== texts.lang) || (tag && tag !== indexTag)) {
        try { await loadTexts(a.query_lang || texts.lang); } catch (e) { /* keep the old texts */ }
      }
      if (a.query_lang) convLang = a.query_lang;
      const turn = { q: q, a: a, l: texts.lang, v: null };
      showAnswer(q, a, turn);
      // from its question down (clamped: a short one to the end); after a
      // question taller than a third of the log, from the answer
      log.scrollTop = (u.offsetHeight * 3 > log.clientHeight ? log.lastChild : u).offsetTop - log.offsetTop - 8;
      turns.push(turn);
      if (turns.length > 50) turns.shift();
      save();
    }, failed).finally(() => { if (--pending === 0) typing.hidden = true; });
  }

  const hello = () => {
    if (!log.firstChild && texts.page_welcome) addMsg('bot welcome', texts.page_welcome, langOf(texts));
  };
  function open(noFocus) {
    panel.hidden = false;
    bubble.setAttribute('aria-expanded', 'true');
    (textsReady || loadTexts(convLang)).then(hello, failed);
    if (noFocus !== true) input.focus();
    save();
  }
  function shut() {
    panel.hidden = true;
    bubble.setAttribute('aria-expanded', 'false');
    bubble.focus();
    save();
  }
  function startOver() {
    era++;
    turns = [];
    convLang = wantLang || null;
    log.replaceChildren();
    typing.hidden = true;
    hello();
    save();
    input.focus();
  }

  // The kept conversation, after the welcome, each turn in the labels of
  // its language; the panel open again if it was, the focus taken only
  // from nowhere.
  async function restore(k) {
    const list = Array.isArray(k.turns) ? k.turns.slice(-50) : [], now = texts, got = Object.create(null);
    for (const t of list) {
      const l = t && typeof t.l === 'string' ? t.l : '';
      if (l && !(l in got)) got[l] = await getJSON('api/messages?lang=' + encodeURIComponent(l)).then((r) => r[0], () => null);
    }
    hello();
    for (const t of list) {
      if (!t || typeof t.q !== 'string' || !t.a || typeof t.a !== 'object') continue;
      texts = got[t.l] || now;
      const u = addMsg('user', t.q);
      if (t.v !== 'up' && t.v !== 'down') t.v = null;
      try { showAnswer(t.q, t.a, t, true); } catch (e) {
        while (log.lastChild !== u) log.lastChild.remove();
        u.remove();
        continue;
      } finally { texts = now; }
      turns.push(t);
    }
    if (k.open === true) open(document.activeElement && document.activeElement !== document.body);
    log.scrollTop = log.scrollHeight;
  }

  bubble.addEventListener('click', () => (panel.hidden ? open() : shut()));
  close.addEventListener('click', shut);
  fresh.addEventListener('click', startOver);
  panel.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); shut(); }
  });
  // A paste over the server's limit stays whole, told with its count, not
  // cut without a word (maxlength). Code points, as the server counts.
  function over() {
    const n = [...input.value.trim()].length, o = n > 1000;
    long.textContent = o ? (texts.question_too_long || '').replace('{max}', 1000) + ` (${n} / 1000)` : '';
    if (o) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    return o;
  }
  input.addEventListener('input', over);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (over()) {  // said again
      long.textContent = '';
      return setTimeout(over, 100);
    }
    const q = input.value;
    input.value = '';
    ask(q);
    input.focus();
  });

  function attach() {
    document.body.appendChild(host);
    let k = null;
    try { k = JSON.parse(sessionStorage.getItem(STORE)); } catch (e) { /* none, or unreadable */ }
    if (!k || typeof k !== 'object') k = null;
    if (k && typeof k.lang === 'string' && k.lang) convLang = k.lang;
    // the labels; a refusal is shown on opening
    loadTexts(convLang).then(() => { if (k) restore(k); }, () => {});
  }
  window.faqbotWidget = { open: open, close: shut };
  if (document.body) attach(); else document.addEventListener('DOMContentLoaded', attach);
})();

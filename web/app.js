// faqbot chat page. The form works without this script (GET /ask renders a
// page on the server); with it, questions go to the JSON API and answers join
// the conversation. Server text goes in through textContent only, except
// answer_html, which the server renders with cmark in safe mode. Every URL
// is relative, so the page works under a path prefix behind a proxy (/faq/).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const log = $('log'), form = $('ask'), input = $('q'), typing = $('typing');
  const select = $('lang'), langField = $('lang-field'), welcome = $('welcome');
  let texts = {};
  let convLang = null;    // last answer's language (or the one chosen), sent as prev_lang
  let forcedLang = null;  // chosen in the selector, sent as lang
  let textsSeq = 0;       // the latest request for texts wins
  let pending = 0;
  let queue = Promise.resolve();  // answers join the log in the order asked
  let lastAsked = '';
  let indexTag = null;    // the index the texts came from (the Faqbot-Index header)
  const ANSWER_TIMEOUT_MS = 20000;  // then the question is given up, with a retry
  let turns = [];         // kept for the tab: {q, a: the answer's JSON, l: its labels' language, v: the vote}
  let era = 0;            // a new conversation drops the answers still coming

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // the visitor's words in the direction of their script: an Arabic or
  // Hebrew question read from the right, its "؟" at its end; read after
  // "Your question:", which the style sheet adds (not in the text copied)
  const userBubble = (q) => {
    const m = el('div', 'msg user', q);
    m.dir = 'auto';
    m.dataset.label = texts.page_question || '';
    return m;
  };

  // as the server folds: marks off; Arabic's tatweel too, ة as ه, ى as ي
  const fold = (s) => s.normalize('NFD').replace(/\p{M}|ـ/gu, '').replace(/ة/g, 'ه').replace(/ى/g, 'ي').toLowerCase();

  // The server reports the entry's words that matched (folded). A word of
  // the text is marked when it is one of them or one of them plus a short
  // ending, so an inflection of a stemmed match lights up too; short words
  // must match exactly, or "red" would mark "reducir".
  function isMatch(word, wanted) {
    const f = fold(word);
    for (const w of wanted) {
      if (f === w) return true;
      if (w.length >= 4 && f.length - w.length <= 4 && f.startsWith(w)) return true;
    }
    return false;
  }

  function highlight(root, words) {
    if (!words || !words.length) return;
    const wanted = words.map(fold).filter((w) => w.length > 1);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const wordRe = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
    for (const node of nodes) {
      const text = node.nodeValue;
      let m, last = 0, frag = null;
      wordRe.lastIndex = 0;
      while ((m = wordRe.exec(text)) !== null) {
        if (!isMatch(m[0], wanted)) continue;
        frag = frag || document.createDocumentFragment();
        frag.appendChild(document.createTextNode(text.slice(last, m.index)));
        frag.appendChild(el('mark', null, m[0]));
        last = m.index + m[0].length;
      }
      if (frag) {
        frag.appendChild(document.createTextNode(text.slice(last)));
        node.parentNode.replaceChild(frag, node);
      }
    }
  }

  function applyTexts(t) {
    texts = t;
    document.documentElement.lang = t.text_lang || t.lang || 'es';
    document.documentElement.dir = t.text_dir || 'ltr';
    if (t.page_title) document.title = t.page_title;
    $('title').textContent = t.page_title || '';
    $('lang-label').textContent = t.page_language || '';
    $('typing-text').textContent = t.page_typing || '';
    welcome.textContent = t.page_welcome || '';
    welcome.lang = t.text_lang || t.lang || '';
    input.placeholder = t.page_placeholder || '';
    input.setAttribute('aria-label', t.page_placeholder || '');
    $('send').textContent = t.page_send || '';
    if ($('new-text')) $('new-text').textContent = t.page_new || '';
    // a browser's language the FAQ lacks (Italian) is still the page's,
    // and one to ask in: listed too, or the selector would show a blank
    const langs = t.langs && t.langs.length && t.lang && !t.langs.some((l) => l.code === t.lang)
      ? t.langs.concat({ code: t.lang, name: t.lang_name || t.lang }) : t.langs;
    const codes = (langs || []).map((l) => l.code).join(' ');
    if (langs && langs.length && select.dataset.codes !== codes) {
      // a new index may hold other languages
      select.dataset.codes = codes;
      select.replaceChildren();
      for (const l of langs) {
        const o = el('option', null, l.name);
        o.value = l.code;
        o.lang = l.code;
        select.appendChild(o);
      }
      $('lang-box').hidden = false;
    }
    // a language chosen before the FAQ was rebuilt without it (refused,
    // 400) goes: the question's words tell the language again
    if (forcedLang && t.langs && t.langs.length && !t.langs.some((l) => l.code === forcedLang)) {
      forcedLang = null;
      save();
    }
    select.value = t.lang;
    langField.value = t.lang || '';
    overLimit();  // its note in the new language
  }

  let textsCache = Object.create(null);
  async function getTexts(lang) {
    let t = lang && textsCache[lang];
    if (!t) {
      const r = await fetch('api/messages' + (lang ? '?lang=' + encodeURIComponent(lang) : ''),
                            { headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      t = await r.json();
      const tag = r.headers.get('Faqbot-Index');
      if (tag !== indexTag) { textsCache = Object.create(null); indexTag = tag; }
      textsCache[lang || t.lang] = t;
    }
    return t;
  }
  async function loadTexts(lang) {
    const seq = ++textsSeq;
    const t = await getTexts(lang);
    if (seq === textsSeq) applyTexts(t);
  }

  // An answer from another index than the texts' (the FAQ rebuilt, swapped
  // in): the texts kept are the old index's.
  async function noticeIndex(r, lang) {
    const tag = r.headers.get('Faqbot-Index');
    if (!tag || tag === indexTag) return;
    textsCache = {};
    try { await loadTexts(lang); } catch (e) { /* keep the old texts */ }
  }

  // Buttons that ask a question (a clarify's may be four); one in another
  // language says so.
  function questionButtons(box, label, items, max) {
    if (!items || !items.length) return;
    if (label) box.appendChild(el('p', 'alts-label', label));
    const ul = el('ul', 'alts');
    for (const it of items.slice(0, max)) {
      if (!it || !it.question) continue;
      const li = el('li');
      const b = el('button', null, it.question);
      b.type = 'button';
      if (it.lang) b.lang = it.lang;
      b.dir = 'auto';
      if (it.lang_name) b.appendChild(el('span', 0, ` (${it.lang_name})`)).lang = texts.text_lang || texts.lang;
      b.addEventListener('click', () => { send(it.question); input.focus(); });
      li.appendChild(b);
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }

  // A thumb drawn, not an emoji: not every system has an emoji font.
  function thumb(down) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg'), path = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    path.setAttribute('d', 'M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 19 10h-5.5l.9-4.3A2 2 0 0 0 12.5 3L8 9.5z');
    if (down) path.setAttribute('transform', 'rotate(180 12 12)');
    svg.appendChild(path);
    return svg;
  }

  // 👍/👎 under an answer, when the server keeps a feedback log: the vote
  // goes there, and into the turn, so that a reload shows it cast (a click
  // on the vote already cast sends it again no more).
  function voteButtons(q, a, turn) {
    const box = el('div', 'vote');
    const thanks = el('span', 'thanks');
    thanks.setAttribute('role', 'status');
    for (const [v, key, dflt] of [['up', 'page_helpful', 'Helpful'], ['down', 'page_unhelpful', 'Not helpful']]) {
      const b = el('button');
      b.appendChild(thumb(v === 'down'));
      b.type = 'button';
      b.dataset.vote = v;
      b.setAttribute('aria-pressed', String(turn.v === v));
      b.setAttribute('aria-label', texts[key] || dflt);
      b.addEventListener('click', () => {
        if (turn.v === v) return;
        // a vote the server did not keep (its log full) is shown uncast again
        const was = turn.v, press = (w) => {
          turn.v = w;
          save();
          for (const o of box.querySelectorAll('button')) o.setAttribute('aria-pressed', String(o.dataset.vote === w));
        }, lost = () => turn.v === v && press(was);
        press(v);
        fetch('api/feedback', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ q, id: a.id, lang: a.lang, vote: v }),
        }).then((r) => { if (r.ok) thanks.textContent = texts.page_thanks || '✓'; else lost(); }, lost);
      });
      box.appendChild(b);
    }
    box.appendChild(thanks);
    return box;
  }

  function showAnswer(a, q, turn, kept) {
    // the bot's own words in the page's language, the FAQ's in the
    // answer's, each read in its own voice (an English page's "only
    // available in español" is no Spanish) and direction
    const m = el('div', 'msg bot is-' + (a.outcome || 'unknown'));
    const own = texts.text_lang || texts.lang || a.lang;
    if (own) m.lang = own, m.dir = texts.text_dir || 'ltr';
    const faqText = (node) => { if (a.lang && a.lang !== own) node.lang = a.lang, node.dir = 'auto'; return node; };
    if (a.corrected && texts.did_you_mean && a.outcome !== 'decline') {
      m.appendChild(el('p', 'note fix', texts.did_you_mean.replace('{q}', a.corrected)));
    }
    if (a.message) {
      const note = el('p', 'note', a.message);
      // in the question's language's texts: the page's own when it is the page's
      if (a.query_lang && a.query_lang !== texts.lang) note.lang = a.query_lang, note.dir = 'auto';
      m.appendChild(note);
    }
    if (a.outcome === 'answer' || a.outcome === 'smalltalk') {
      if (a.outcome === 'answer' && a.question) {
        const src = el('p', 'source');
        src.appendChild(el('span', 'label', texts.page_answers || ''));
        src.appendChild(document.createTextNode(' '));
        const q = faqText(el('span', 'question', a.question));
        highlight(q, a.matched);
        src.appendChild(q);
        m.appendChild(src);
      }
      const body = faqText(el('div', 'answer'));
      // cmark's safe-mode output: raw HTML and javascript: links dropped;
      // read back from the tab's storage it is untrusted, and rebuilt
      if (kept) body.appendChild(cleanHTML(a.answer_html));
      else body.innerHTML = a.answer_html || '';
      for (const link of body.querySelectorAll('a[href]')) link.rel = 'noopener noreferrer';
      if (a.outcome === 'answer') highlight(body, a.matched);
      m.appendChild(body);
      // before the alternatives: Shift+Tab from the box reaches those first
      if (a.outcome === 'answer' && a.id && texts.feedback) m.appendChild(voteButtons(q, a, turn));
      if (a.outcome === 'answer') questionButtons(m, texts.page_alternatives, a.alternatives, 3);
    } else if (a.outcome === 'clarify') {
      if (!a.message) m.appendChild(el('p', 'note', texts.clarify || ''));
      const lead = { id: a.id, question: a.question, lang: a.lang };
      questionButtons(m, '', [lead].concat(a.alternatives || []), 4);
    } else {
      if (!a.message) m.appendChild(el('p', 'note', texts.decline || ''));
      questionButtons(m, texts.suggestions, a.alternatives, 3);
    }
    return m;
  }

  function showError(text, q) {
    const m = el('div', 'msg error', text);
    if (q) {
      const b = el('button', 'retry'), arrow = el('span', null, '↻ ');
      arrow.setAttribute('aria-hidden', 'true');  // read as "clockwise open circle arrow"
      b.append(arrow, texts.page_send || '');
      b.type = 'button';
      b.addEventListener('click', () => { send(q); input.focus(); });
      m.appendChild(document.createTextNode(' '));
      m.appendChild(b);
    }
    return m;
  }

  // A long answer is shown from its question down; a short one to the end;
  // after a question taller than a third of the log (a pasted text), from
  // the answer, or that question would hide it.
  function reveal(m, asked) {
    if (m.offsetHeight + asked.offsetHeight + 16 > log.clientHeight) {
      log.scrollTop = (asked.offsetHeight * 3 > log.clientHeight ? m : asked).offsetTop - 8;
    } else {
      log.scrollTop = log.scrollHeight;
    }
  }

  // An answer read back from storage is rebuilt from the elements cmark
  // writes, with their harmless attributes; anything else gives its text, a
  // link only to the web, mail or a phone (a DOMParser runs and loads nothing).
  const SAFE = { P: [], BR: [], EM: [], STRONG: [], CODE: [], PRE: [], UL: [], OL: ['start'], LI: [],
                 BLOCKQUOTE: [], H1: [], H2: [], H3: [], H4: [], H5: [], H6: [], HR: [],
                 A: ['href', 'title'], IMG: ['src', 'alt', 'title'] };
  function safeURL(u, img) {
    try {
      return (img ? /^https?:$/ : /^(https?|mailto|tel):$/).test(new URL(u, location.href).protocol);
    } catch (e) { return false; }
  }
  function cleanHTML(html) {
    const out = document.createDocumentFragment();
    (function copy(from, to) {
      for (const n of from.childNodes) {
        if (n.nodeType === 3) to.appendChild(document.createTextNode(n.nodeValue));
        if (n.nodeType !== 1 || /^(SCRIPT|STYLE|TEMPLATE)$/.test(n.tagName)) continue;
        const keep = SAFE[n.tagName];
        if (!keep) { copy(n, to); continue; }
        const e = document.createElement(n.tagName);
        for (const k of keep) {
          const v = n.getAttribute(k);
          if (v !== null && (k !== 'href' && k !== 'src' || safeURL(v, k === 'src'))) e.setAttribute(k, v);
        }
        if (e.tagName === 'IMG' && !e.hasAttribute('src')) continue;
        copy(n, e);
        to.appendChild(e);
      }
    })(new DOMParser().parseFromString(String(html || ''), 'text/html').body, out);
    return out;
  }

  // The conversation lasts the tab's session, as chat widgets do: in
  // sessionStorage (this tab only, never sent), the last KEEP turns, under
  // the page's path (two FAQs on a host do not mix). Storage refused
  // (private mode, full, a sandbox) leaves the chat unkept, never broken.
  const KEEP = 50, STORE = 'faqbot:' + new URL('.', location.href).pathname;
  function save() {
    for (;;) {
      try {
        sessionStorage.setItem(STORE, JSON.stringify({ lang: convLang, forced: forcedLang, turns: turns }));
        return;
      } catch (e) {
        if (!turns.length) return;
        turns.shift();  // full: the oldest turns go first
      }
    }
  }
  function readKept() {
    try {
      const k = JSON.parse(sessionStorage.getItem(STORE));
      if (k && typeof k === 'object') return k;
    } catch (e) { /* none, or unreadable */ }
    return null;
  }
  const str = (v) => (typeof v === 'string' && v ? v : null);

  // The kept turns go back after the welcome, before anything asked while
  // loading, each in the labels of its language; one unshowable left out.
  async function restore(kept) {
    const list = Array.isArray(kept.turns) ? kept.turns.slice(-KEEP) : [], now = texts, got = Object.create(null);
    for (const t of list) {
      const l = t && str(t.l);
      if (l && !(l in got)) got[l] = await getTexts(l).catch(() => null);
    }
    const at = welcome.nextSibling;
    for (const t of list) {
      if (!t || typeof t.q !== 'string' || !t.a || typeof t.a !== 'object') continue;
      let m;
      const turn = { q: t.q, a: t.a, l: str(t.l), v: t.v === 'up' || t.v === 'down' ? t.v : null };
      texts = got[turn.l] || now;
      try { m = showAnswer(t.a, t.q, turn, true); } catch (e) { continue; } finally { texts = now; }
      log.insertBefore(userBubble(t.q), at);
      log.insertBefore(m, at);
      turns.push(turn);
      lastAsked = t.q;
    }
    log.scrollTop = log.scrollHeight;
  }

  function startOver() {
    era++;
    turns = [];
    convLang = forcedLang;
    lastAsked = '';
    for (const m of [...log.children]) if (m !== welcome) m.remove();
    save();
    input.focus();
  }

  async function fetchAnswer(q) {
    const body = { q: q };
    if (forcedLang) body.lang = forcedLang;
    if (convLang) body.prev_lang = convLang;
    // the page's language breaks a tie of the first question's words ("hi")
    else if (texts.lang) body.page_lang = texts.lang;
    // a request never finished would keep the dots on, and every later
    // answer (queued behind it) away
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), ANSWER_TIMEOUT_MS);
    let r, data = null;
    try {
      r = await fetch('api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: ctl.signal,
      });
      try { data = await r.json(); } catch (e) { if (ctl.signal.aborted) throw e; }
    } catch (e) {
      return showError(texts.page_error || 'The server could not be reached.', q);
    } finally {
      clearTimeout(timer);
    }
    if (!r.ok || !data || typeof data !== 'object') {
      const why = data && typeof data.error === 'string' ? data.error : r.statusText;
      return showError('HTTP ' + r.status + (why ? ': ' + why : ''), r.status >= 500 ? q : null);
    }
    if (data.query_lang && data.query_lang !== texts.lang) {
      // the conversation moved to another language: so does the page
      try { await loadTexts(data.query_lang); } catch (e) { /* keep the old texts */ }
    }
    await noticeIndex(r, texts.lang);
    if (data.query_lang) convLang = data.query_lang;
    const turn = { q: q, a: data, l: texts.lang, v: null };
    const m = showAnswer(data, q, turn);
    m.turn = turn;
    return m;
  }

  function send(q) {
    q = q.trim();
    if (!q) return;
    lastAsked = q;
    const asked = userBubble(q);
    log.appendChild(asked);
    pending++;
    typing.hidden = false;  // before scrolling: it takes room from the log
    log.scrollTop = log.scrollHeight;
    const job = fetchAnswer(q).catch((e) => showError(String(e && e.message || e), q));
    const mine = era;
    queue = queue.then(() => job).then((m) => {
      if (mine !== era) return;  // asked before "new conversation"
      log.appendChild(m);
      reveal(m, asked);
      if (m.turn) {
        turns.push(m.turn);
        if (turns.length > KEEP) turns.shift();
        save();
      }
    }).finally(() => {
      if (--pending === 0) typing.hidden = true;
    });
  }

  // A paste over the server's limit stays whole, told with its count, not
  // cut (maxlength, kept without this script); code points, as counted.
  const MAX_Q = input.maxLength > 0 ? input.maxLength : 1000, tooLong = el('p', 'too-long');
  input.removeAttribute('maxlength');
  input.setAttribute('aria-describedby', tooLong.id = 'too-long');
  tooLong.setAttribute('role', 'status');
  form.before(tooLong);
  function overLimit() {
    const n = [...input.value.trim()].length, over = n > MAX_Q, f = (v) => v.toLocaleString(texts.lang);
    const t = over ? (texts.question_too_long || '').replace('{max}', f(MAX_Q)) + ` (${f(n)} / ${f(MAX_Q)})` : '';
    if (tooLong.textContent !== t) tooLong.textContent = t;
    if (over) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    return over;
  }
  input.addEventListener('input', overLimit);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (overLimit()) {  // said again
      tooLong.textContent = '';
      input.focus();
      return setTimeout(overLimit, 100);
    }
    const q = input.value;
    input.value = '';
    send(q);
    input.focus();
  });
  // Arrow up in an empty box brings back the last question, as in a shell.
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowUp' && !input.value && lastAsked) {
      ev.preventDefault();
      input.value = lastAsked;
    }
  });
  select.addEventListener('change', async () => {
    forcedLang = select.value;
    convLang = select.value;
    save();
    try { await loadTexts(select.value); } catch (e) { log.appendChild(showError(texts.page_error || 'Error')); }
  });

  // a page copied before the button existed (a site's own --web) has none
  if ($('new')) {
    $('new').addEventListener('click', startOver);
    $('new').hidden = false;  // without this script there is nothing to forget
  }

  // the page's language is no turn of the conversation: the first
  // question goes without prev_lang, so that a lone "hallo" is German
  const kept = readKept();
  if (kept) {
    convLang = str(kept.lang);
    forcedLang = str(kept.forced);
  }
  // else the page's, as served (?lang=sv)
  const lang0 = forcedLang || convLang || langField.value;
  queue = loadTexts(lang0)
    .catch(() => (lang0 ? loadTexts(null) : Promise.reject()))
    .then(() => (kept ? restore(kept) : null),
          () => log.appendChild(showError('No se pudo contactar con el servidor. / The server could not be reached.')))
    .catch(() => {});  // the answers queued behind wait for this, never on it
  input.focus();
})();

// faqbot chat page: the form works without this script (GET /ask renders a
// page on the server); with it, questions go to the JSON API and answers
// join the conversation. Server text goes in through textContent, except
// answer_html, which the server renders with cmark in safe mode.
'use strict';

(function () {
  const log = document.getElementById('log');
  const form = document.getElementById('ask');
  const input = document.getElementById('q');
  const typing = document.getElementById('typing');
  const select = document.getElementById('lang');
  const langField = document.getElementById('lang-field');
  let texts = {};
  let convLang = null;      // the conversation's language, sent as prev_lang
  let forcedLang = null;    // chosen in the selector

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function scroll() { log.scrollTop = log.scrollHeight; }

  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  // Wrap the words of root that are one of the matched words in <mark>.
  function highlight(root, words) {
    if (!words || !words.length) return;
    const wanted = new Set(words.map(fold));
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const wordRe = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
    for (const node of nodes) {
      const text = node.nodeValue;
      let m, last = 0, frag = null;
      wordRe.lastIndex = 0;
      while ((m = wordRe.exec(text)) !== null) {
        if (!wanted.has(fold(m[0]))) continue;
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
    document.documentElement.lang = t.lang || 'es';
    document.title = t.page_title || document.title;
    document.getElementById('title').textContent = t.page_title || '';
    document.getElementById('lang-label').textContent = t.page_language || '';
    document.getElementById('typing-text').textContent = t.page_typing || '';
    input.placeholder = t.page_placeholder || '';
    input.setAttribute('aria-label', t.page_placeholder || '');
    document.getElementById('send').textContent = t.page_send || '';
    if (t.langs && select.options.length === 0) {
      for (const l of t.langs) {
        const o = el('option', null, l.name);
        o.value = l.code;
        select.appendChild(o);
      }
    }
    select.value = t.lang;
    langField.value = t.lang || '';
  }

  async function loadTexts(lang) {
    const url = '/api/messages' + (lang ? '?lang=' + encodeURIComponent(lang) : '');
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    applyTexts(await r.json());
  }

  function altButtons(label, alts) {
    const box = document.createDocumentFragment();
    if (!alts || !alts.length) return box;
    box.appendChild(el('p', 'alts-label', label));
    const ul = el('ul', 'alts');
    for (const a of alts.slice(0, 3)) {
      const li = el('li');
      const b = el('button', null, a.question);
      b.type = 'button';
      b.addEventListener('click', () => ask(a.question));
      li.appendChild(b);
      ul.appendChild(li);
    }
    box.appendChild(ul);
    return box;
  }

  function showAnswer(a) {
    const m = el('div', 'msg bot');
    if (a.corrected && texts.did_you_mean) {
      m.appendChild(el('p', 'note', texts.did_you_mean.replace('{q}', a.corrected)));
    }
    if (a.message) m.appendChild(el('p', 'note', a.message));
    if (a.outcome === 'answer' || a.outcome === 'smalltalk') {
      if (a.outcome === 'answer') {
        m.appendChild(el('p', 'source', (texts.page_answers || '') + ' ' + a.question));
      }
      const body = el('div', 'answer');
      // answer_html is cmark's safe-mode output: raw HTML and unsafe links dropped
      body.innerHTML = a.answer_html || '';
      if (a.outcome === 'answer') highlight(body, a.matched);
      m.appendChild(body);
      m.appendChild(altButtons(texts.page_alternatives, a.alternatives));
    } else if (a.outcome === 'clarify') {
      const choices = [{ id: a.id, question: a.question }].concat(a.alternatives || []);
      m.appendChild(altButtons('', choices));
    } else {
      m.appendChild(altButtons(texts.suggestions, a.alternatives));
    }
    log.appendChild(m);
  }

  function showError(text) {
    log.appendChild(el('div', 'msg error', text));
  }

  async function ask(q) {
    q = q.trim();
    if (!q) return;
    log.appendChild(el('div', 'msg user', q));
    input.value = '';
    typing.hidden = false;
    scroll();
    try {
      const body = { q: q };
      if (forcedLang) body.lang = forcedLang;
      if (convLang) body.prev_lang = convLang;
      const r = await fetch('/api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      let data = null;
      try { data = await r.json(); } catch (e) { data = null; }
      if (!r.ok) {
        showError((texts.page_error || 'Error') + (data && data.error ? ' (' + data.error + ')' : ' (HTTP ' + r.status + ')'));
      } else {
        if (data.query_lang && data.query_lang !== texts.lang) {
          try { await loadTexts(data.query_lang); } catch (e) { /* keep the old texts */ }
        }
        convLang = data.query_lang || convLang;
        showAnswer(data);
      }
    } catch (e) {
      showError(texts.page_error || 'The server could not be reached.');
    } finally {
      typing.hidden = true;
      scroll();
      input.focus();
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    ask(input.value);
  });
  select.addEventListener('change', async () => {
    forcedLang = select.value;
    convLang = select.value;
    try { await loadTexts(select.value); } catch (e) { showError(texts.page_error || 'Error'); }
    input.focus();
  });

  loadTexts(null).then(() => {
    document.getElementById('welcome').textContent = texts.page_welcome || '';
    convLang = texts.lang;
  }).catch(() => showError('The server could not be reached.'));
  input.focus();
})();

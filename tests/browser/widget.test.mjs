// widget.test.mjs: the embeddable widget and the chat under a path prefix,
// in Debian's chromium through playwright-core. A page served from a second
// loopback origin embeds the widget with one script tag: a Spanish question
// is answered when the server allows that origin, refused (an error shown,
// no answer) when it does not; the host page's CSS does not leak in or out;
// keyboard and screen-reader roles; 👍/👎 post to /api/feedback; the chat
// page served under /faq/ behind nginx answers a question.
// Environment (set by tests/browser/run):
//   HOST_URL      the second origin, serving open.html, refused.html, prefix.html
//   OPEN_URL      a faqbot serve that allows HOST_URL's origin (empty: no --allow-origin yet)
//   PREFIX_URL    nginx in front of OPEN_URL's server, under /faq/ (empty: no nginx)
//   FEEDBACK_LOG  the --feedback-log file of OPEN_URL's server (empty: no such flag yet)
//   FRAME_OK      non-empty when OPEN_URL's server lets HOST_URL frame it (--frame-ancestors)
//   SWAP_URL      a server that allows HOST_URL, of SWAP_CORPUS indexed into SWAP_INDEX, which
//                 the test rebuilds (wswap.html embeds its widget); FAQBOT the binary
// Usage: node widget.test.mjs SCREENSHOT_DIR
import { assert, axe, check, codeSpans, launch, sleep, tally } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [shots] = process.argv.slice(2);
const env = process.env;
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const browser = await launch();

// A page of the host site; `errors` collects its script errors.
async function hostPage(path, errors) {
  const ctx = await browser.newContext({ locale: 'es-ES', viewport: { width: 1200, height: 800 } });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(env.HOST_URL + path);
  return p;
}

// Opens the widget, asks Q; returns the new bubble (bot answer or error).
async function widgetAsk(p, q) {
  const bubble = p.locator('[data-faqbot] >> .bubble');
  if (await bubble.getAttribute('aria-expanded') !== 'true') await bubble.click();
  const before = await p.locator('[data-faqbot] >> .log .msg:not(.user):not(.welcome)').count();
  await p.locator('[data-faqbot] >> input').fill(q);
  await p.locator('[data-faqbot] >> input').press('Enter');
  const m = p.locator('[data-faqbot] >> .log .msg:not(.user):not(.welcome)').nth(before);
  await m.waitFor({ timeout: 10000 });
  return m;
}

const noOpen = env.OPEN_URL ? '' : 'the server has no --allow-origin';
try {
  await check('widget.js is small (≤ 19 KB) and has no dependency', async () => {
    const size = statSync(join(webDir, 'widget.js')).size;
    const text = readFileSync(join(webDir, 'widget.js'), 'utf8');
    console.log('     widget.js: ' + size + ' bytes');
    assert(size <= 19 * 1024, 'widget.js is ' + size + ' bytes');
    assert(!/\bimport\b[\s({]|require\(|https?:\/\/(?!faq\.example\.org|www\.w3\.org\/2000\/svg)/.test(text), 'widget.js loads or names something else');
  });

  await check('a page of another origin embeds the widget and gets a Spanish answer', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    const bubble = p.locator('[data-faqbot] >> .bubble');
    await bubble.waitFor({ timeout: 5000 });
    // the labels come from the server, in the script tag's language
    await p.waitForFunction(() => {
      const b = document.querySelector('[data-faqbot]').shadowRoot.querySelector('.bubble');
      return b.getAttribute('aria-label') !== 'FAQ';
    }, null, { timeout: 5000 });
    assert(/preguntas frecuentes/i.test(await bubble.getAttribute('aria-label')),
           'bubble label: ' + await bubble.getAttribute('aria-label'));
    const req = p.waitForRequest((r) => r.url().endsWith('/api/ask') && r.method() === 'POST');
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    const sent = await req;
    assert(sent.url() === new URL('api/ask', env.OPEN_URL).href, 'asked ' + sent.url());
    const text = await a.textContent();
    assert((await a.getAttribute('class')).includes('is-answer'), 'not an answer: ' + text);
    assert(text.includes('2022'), 'answer: ' + text);
    assert(await a.getAttribute('lang') === 'es', 'answer lang ' + await a.getAttribute('lang'));
    const hello = p.locator('[data-faqbot] >> .welcome');
    assert(/precursores/.test(await hello.textContent()) && await hello.getAttribute('lang') === 'es',
           'welcome: ' + await hello.textContent());
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.screenshot({ path: shots + '/widget-open.png', animations: 'disabled' });
    await p.context().close();
  }, noOpen);

  await check('a site whose CSP forbids inline styles still gets a styled, working widget', async () => {
    const errors = [], csp = [];
    const p = await hostPage('csp.html', errors);
    p.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text()); });
    const bubble = p.locator('[data-faqbot] >> .bubble');
    await bubble.waitFor({ timeout: 5000 });
    const pos = await bubble.evaluate((b) => getComputedStyle(b).position);
    assert(pos === 'fixed', 'the bubble is not styled (position ' + pos + ')');
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    assert(csp.length === 0 && errors.length === 0, 'refused: ' + csp.concat(errors).slice(0, 2).join('; '));
    await p.context().close();
  }, noOpen);

  await check('the FAQ rebuilt while the widget is open: its next answer brings the new index\'s texts', async () => {
    const errors = [];
    const p = await hostPage('wswap.html', errors);
    await widgetAsk(p, 'hola');
    const hello = p.locator('[data-faqbot] >> .welcome'), input = p.locator('[data-faqbot] >> input');
    const oldWelcome = await hello.textContent();
    // the editors change the bot's texts and rebuild; the server swaps it in
    const welcome = 'Bienvenida de la FAQ nueva.', placeholder = 'Pregunte a la FAQ nueva…';
    const file = env.SWAP_CORPUS + '/es/messages.txt';
    const kept = readFileSync(file, 'utf8').split('\n').filter((l) => !/^page_(welcome|placeholder) /.test(l));
    writeFileSync(file, kept.join('\n') + '\npage_welcome = ' + welcome + '\npage_placeholder = ' + placeholder + '\n');
    execFileSync(env.FAQBOT, ['index', '--corpus', env.SWAP_CORPUS, '--out', env.SWAP_INDEX], { stdio: 'ignore' });
    let served = null;
    for (let i = 0; i < 100 && served !== welcome; i++) {
      served = (await (await fetch(env.SWAP_URL + 'api/messages?lang=es')).json()).page_welcome;
      if (served !== welcome) await sleep(50);
    }
    assert(served === welcome, 'the server did not swap the index in: ' + served);
    assert(oldWelcome !== welcome && await input.getAttribute('placeholder') !== placeholder, 'the new texts before the rebuild');
    await widgetAsk(p, 'gracias');
    for (let i = 0; i < 100 && await input.getAttribute('placeholder') !== placeholder; i++) await sleep(50);
    assert(await input.getAttribute('placeholder') === placeholder, 'placeholder: ' + await input.getAttribute('placeholder'));
    assert(await hello.textContent() === welcome, 'welcome: ' + await hello.textContent());
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen);

  await check('an answer only in English on a Spanish page: the bot\'s words tagged Spanish, the FAQ\'s text English', async () => {
    // a screen reader reads each in its own voice: the whole bubble was
    // tagged English, the Spanish note and "Responde a:" too
    writeFileSync(env.SWAP_CORPUS + '/en/browser-solo.md', '# Only in English\n\n' +
      '## Can I rent a kayak at the Geneva office? {#solo-kayak}\n\nYes: kayaks are rented at the Geneva office from 9:00 to 17:00.\n');
    execFileSync(env.FAQBOT, ['index', '--corpus', env.SWAP_CORPUS, '--out', env.SWAP_INDEX], { stdio: 'ignore' });
    const q = '¿puedo alquilar un kayak en la oficina de Ginebra?';
    let api = null;
    for (let i = 0; i < 100 && !(api && api.id === 'solo-kayak'); i++) {
      // node's kept-alive socket may be closed by its own timer, run late
      // while the index was built (the loop was blocked): asked again
      try { api = await (await fetch(env.SWAP_URL + 'api/ask?q=' + encodeURIComponent(q))).json(); } catch (e) { api = null; }
      if (!api || api.id !== 'solo-kayak') await sleep(50);
    }
    assert(api && api.id === 'solo-kayak' && api.lang === 'en' && api.query_lang === 'es' && api.other_lang,
           'server: ' + JSON.stringify(api).slice(0, 200));
    const errors = [];
    const p = await hostPage('wswap.html', errors);
    const a = await widgetAsk(p, q);
    assert((await a.textContent()).includes('17:00'), 'answer: ' + await a.textContent());
    assert(await a.getAttribute('lang') === 'es', 'bubble lang ' + await a.getAttribute('lang'));
    assert(await a.locator('.note').first().textContent() === api.message, 'note: ' + await a.textContent());
    assert(await a.locator('.answer').getAttribute('lang') === 'en', 'answer lang ' + await a.locator('.answer').getAttribute('lang'));
    assert(await a.locator('.src span').getAttribute('lang') === 'en', 'question lang');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen);

  await check('a question the server never answers: the widget gives it up and answers the next', async () => {
    const ctx = await browser.newContext({ locale: 'es-ES', viewport: { width: 1200, height: 800 } });
    const p = await ctx.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    // the page's clock, run forward: no test waits the real timeout out
    await p.clock.install();
    let asked = 0;
    // the first question is left hanging (a stuck proxy, a dead mobile link)
    await p.route('**/api/ask', (r) => { if (r.request().method() !== 'POST' || asked++ > 0) r.continue(); });
    await p.goto(env.HOST_URL + 'open.html');
    const w = (sel) => p.locator('[data-faqbot] >> ' + sel);
    await w('.bubble').click();
    await w('.welcome').waitFor({ timeout: 5000 });
    await w('input').fill('¿Cuándo concluye la iniciativa?');
    await w('input').press('Enter');
    await w('input').fill('fondo fiduciario');
    await w('input').press('Enter');
    await sleep(500);
    await p.clock.runFor(60000);
    await w('.log .msg.error').first().waitFor({ timeout: 5000 });
    const a = w('.log .msg.is-answer').first();
    await a.waitFor({ timeout: 10000 });
    assert(/fiduciario/i.test(await a.textContent()), 'the next answer: ' + await a.textContent());
    assert(await w('.typing').isHidden(), 'the typing dots stay on');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }, noOpen);

  await check('a question in Arabic reads from the right in the widget\'s box and bubble', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    await p.locator('[data-faqbot] >> .bubble').click();
    await p.locator('[data-faqbot] >> input').fill('ما هي المبادرة؟');
    const dir = (sel) => p.evaluate((s) => [...document.querySelector('[data-faqbot]').shadowRoot.querySelectorAll(s)]
      .map((e) => getComputedStyle(e).direction).join(' '), sel);
    assert(await dir('input') === 'rtl', 'the box: ' + await dir('input'));
    await p.locator('[data-faqbot] >> input').press('Enter');
    assert(await dir('.msg.user') === 'rtl', 'the bubble: ' + await dir('.msg.user'));
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  });

  await check('an Arabic answer reads from the right in the widget: its panel in Arabic, the answer, a French suggestion left to right', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    const es = await (await fetch(new URL('api/messages?lang=es', env.OPEN_URL))).json();
    const ar = Object.assign({}, es, { lang: 'ar', text_lang: 'ar', text_dir: 'rtl', page_title: 'الأسئلة الشائعة', page_answers: 'جواب عن السؤال:' });
    // an Arabic FAQ's texts and answer (the served FAQ has none) stand in
    await p.route('**/api/messages?lang=ar', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(ar) }));
    await p.route('**/api/ask', (r) => r.request().method() !== 'POST' ? r.continue() : r.fulfill({
      contentType: 'application/json', body: JSON.stringify({ outcome: 'answer', answered: true, id: 'passport', lang: 'ar',
        query_lang: 'ar', question: 'كيف أجدد جواز السفر؟', answer_html: '<p>قدم الطلب في البلدية (Mairie).</p>', matched: [],
        alternatives: [{ id: 'fee', question: 'Combien coûte la carte de séjour ?', lang: 'fr' }] }) }));
    const w = (sel) => p.locator('[data-faqbot] >> ' + sel);
    await w('.bubble').click();
    await w('input').fill('كيف أجدد جواز السفر؟');
    await w('input').press('Enter');
    await w('.msg.is-answer').waitFor({ timeout: 10000 });
    const dir = (sel) => p.evaluate((s) => [...document.querySelector('[data-faqbot]').shadowRoot.querySelectorAll(s)]
      .map((e) => getComputedStyle(e).direction).join(' '), sel);
    for (let i = 0; i < 50 && await dir('.w') !== 'rtl'; i++) await sleep(100);
    assert(await dir('.w') === 'rtl', 'the panel: ' + await dir('.w'));
    assert(await dir('.msg.is-answer .answer') === 'rtl', 'the answer: ' + await dir('.msg.is-answer .answer'));
    assert(await dir('.alts button') === 'ltr', 'a French suggestion: ' + await dir('.alts button'));
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  });

  await check('a paste over 1,000 characters stays whole in the widget, told with its count, not sent', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    const w = (sel) => p.locator('[data-faqbot] >> ' + sel);
    await w('.bubble').click();
    await w('.welcome').waitFor({ timeout: 5000 });
    let asked = 0;
    p.on('request', (r) => { if (r.url().endsWith('/api/ask')) asked++; });
    await w('input').focus();
    // one insertion, as a paste arrives: a maxlength would cut it to 1,000
    const pasted = 'el país precursor '.repeat(55) + 'fin';
    const long = pasted + 'x'.repeat(1001 - [...pasted].length);
    await p.keyboard.insertText(long);
    assert([...await w('input').inputValue()].length === 1001, 'the box holds ' + (await w('input').inputValue()).length);
    const note = w('.long');
    const head = (await (await fetch(new URL('api/messages?lang=es', env.OPEN_URL))).json()).question_too_long.split('{max}')[0];
    const said = await note.textContent();
    assert(head.length > 5 && said.startsWith(head), 'note: ' + JSON.stringify(said));
    assert(said.includes('(1001 / 1000)'), 'no count in the note: ' + JSON.stringify(said));
    assert(await note.getAttribute('role') === 'status' && await note.isVisible(), 'the note is no status shown');
    assert(await w('input').getAttribute('aria-invalid') === 'true', 'the box is not marked invalid');
    assert(await w('input').getAttribute('aria-describedby') === await note.getAttribute('id'), 'the box is not described by the note');
    await w('input').press('Enter');
    await sleep(300);  // a request, if one were sent, starts at once
    assert(asked === 0 && await w('.msg.user').count() === 0, 'the question was sent');
    assert([...await w('input').inputValue()].length === 1001, 'the box was emptied');
    await p.waitForFunction(() => document.querySelector('[data-faqbot]').shadowRoot.querySelector('.long').textContent !== '');
    // one character less: the note goes and the question is asked, whole
    await w('input').press('End');
    await w('input').press('Backspace');
    assert(await note.textContent() === '' && (await note.boundingBox()).height === 0, 'the note stays: ' + await note.textContent());
    assert(await w('input').getAttribute('aria-invalid') === null, 'the box is still marked invalid');
    await w('input').press('Enter');
    await w('.log .msg.bot:not(.welcome)').first().waitFor({ timeout: 10000 });
    assert(asked === 1, asked + ' questions sent');
    assert((await w('.msg.user').first().textContent()).length === 1000, 'the log holds another question');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen);

  await check('a screen reader hears each question in the widget as "Your question:", the panel shows it not', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    const q = '¿Qué es la iniciativa?';
    await widgetAsk(p, q);
    const bubble = p.locator('[data-faqbot] >> .msg.user').last();
    assert(await bubble.textContent() === q, 'the bubble\'s text: ' + await bubble.textContent());
    const names = [];
    const walk = (n) => { if (!n) return; if (n.name) names.push(n.name); (n.children || []).forEach(walk); };
    walk(await p.accessibility.snapshot({ root: await bubble.elementHandle(), interestingOnly: false }));
    const read = names.join(' ').replace(/\s+/g, ' ');
    const label = (await (await fetch(new URL('api/messages?lang=es', env.OPEN_URL))).json()).page_question;
    assert(label && read.includes(label) && read.indexOf(label) < read.indexOf(q), 'read as ' + JSON.stringify(read));
    const box = await bubble.boundingBox(), over = await bubble.evaluate((e) => e.scrollWidth - e.clientWidth);
    assert(box.height < 60 && over === 0, 'the label takes room: ' + JSON.stringify(box) + ', overflow ' + over);
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen);

  await check('the host page printed: no chat bubble or panel on its paper', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    await p.locator('[data-faqbot] >> .bubble').click();
    await p.locator('[data-faqbot] >> .panel').waitFor();
    await p.emulateMedia({ media: 'print' });
    const shown = await p.evaluate(() => [...document.querySelector('[data-faqbot]').shadowRoot.querySelectorAll('.bubble, .panel')]
      .filter((e) => e.getClientRects().length > 0).map((e) => e.className));
    assert(shown.length === 0, 'printed: ' + shown.join(' '));
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  });

  await check('without --allow-origin the same page is refused: an error, no answer', async () => {
    const errors = [];
    const p = await hostPage('refused.html', errors);
    const m = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    assert((await m.getAttribute('class')).includes('error'), 'got ' + await m.getAttribute('class') + ': ' + await m.textContent());
    assert(await p.locator('[data-faqbot] >> .msg.bot').count() === 0, 'an answer was shown');
    assert(!(await m.textContent()).includes('2022'), 'the answer leaked: ' + await m.textContent());
    await p.context().close();
  });

  await check('the host page\'s CSS does not reach into the widget, nor the widget\'s out', async () => {
    const errors = [];
    const p = await hostPage(env.OPEN_URL ? 'open.html' : 'refused.html', errors);
    await p.locator('[data-faqbot] >> .bubble').click();
    const st = await p.evaluate(() => {
      const root = document.querySelector('[data-faqbot]').shadowRoot;
      const cs = (e) => getComputedStyle(e);
      const input = root.querySelector('input'), title = root.querySelector('h2'), send = root.querySelector('form button');
      const own = document.querySelector('#own');
      return {
        inputColor: cs(input).color, inputSize: cs(input).fontSize, titleFont: cs(title).fontFamily,
        titleSize: cs(title).fontSize, sendBg: cs(send).backgroundColor, sendTransform: cs(send).textTransform,
        hostButtonBg: cs(own).backgroundColor, hostButtonRadius: cs(own).borderTopLeftRadius,
        panelVisible: root.querySelector('.panel').getBoundingClientRect().height > 100,
      };
    });
    // the host page sets these on everything, !important (see run)
    assert(st.inputColor !== 'rgb(255, 0, 0)', 'host color leaked into the input');
    assert(st.inputSize !== '40px' && st.titleSize !== '40px', 'host font-size leaked: ' + st.inputSize + ' ' + st.titleSize);
    assert(!/Courier/i.test(st.titleFont), 'host font leaked: ' + st.titleFont);
    assert(st.sendBg !== 'rgb(0, 128, 0)' && st.sendTransform !== 'uppercase', 'host button style leaked');
    assert(st.hostButtonBg === 'rgb(0, 128, 0)' && st.hostButtonRadius === '0px', 'widget style leaked out: ' + JSON.stringify(st));
    assert(st.panelVisible, 'the panel is squashed');
    await p.context().close();
  });

  await check('the widget on a phone (360 px): an inline code span is not broken at its hyphens, a long one and a <pre> stay in their bubble', async () => {
    // the CSS alone is weighed, as on the chat page (it broke at "ENES-" /
    // "2026-PT" in "Ficha ENES (código ENES-2026-PT)")
    const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const p = await ctx.newPage();
    await p.goto(env.HOST_URL + (env.OPEN_URL ? 'open.html' : 'refused.html'));
    await p.locator('[data-faqbot] >> .bubble').click();
    const r = await codeSpans(p.locator('[data-faqbot] >> .log'));
    assert(r.broken.length === 0, 'the code span broke across lines with ' + JSON.stringify(r.broken) + ' letters before it');
    assert(r.over.length === 0, 'a long code span or a <pre> ran out of its bubble: ' + JSON.stringify(r.over));
    assert(r.pre, 'a <pre> no longer scrolls inside its bubble');
    await ctx.close();
  });

  await check('keyboard and screen reader: roles, labels, Esc closes, focus moves in and back', async () => {
    const errors = [];
    const p = await hostPage(env.OPEN_URL ? 'open.html' : 'refused.html', errors);
    const bubble = p.locator('[data-faqbot] >> .bubble');
    await bubble.waitFor();
    const inWidget = () => p.evaluate(() => {
      const a = document.querySelector('[data-faqbot]').shadowRoot.activeElement;
      return a ? a.tagName.toLowerCase() + (a.className ? '.' + a.className : '') : null;
    });
    // Tab from the host page's own button reaches the bubble
    await p.locator('#own').focus();
    await p.keyboard.press('Tab');
    assert(await inWidget() === 'button.bubble', 'Tab reached ' + await inWidget());
    assert(await bubble.getAttribute('aria-expanded') === 'false', 'aria-expanded before');
    assert(await bubble.getAttribute('aria-haspopup') === 'dialog', 'aria-haspopup');
    assert((await bubble.getAttribute('aria-label') || '').length > 2, 'the bubble has no label');
    await p.keyboard.press('Enter');
    const panel = p.locator('[data-faqbot] >> [role=dialog]');
    await panel.waitFor({ state: 'visible' });
    assert(await bubble.getAttribute('aria-expanded') === 'true', 'aria-expanded after');
    assert(await inWidget() === 'input', 'focus after opening: ' + await inWidget());
    const labelled = await panel.getAttribute('aria-labelledby');
    assert(labelled && (await p.locator('[data-faqbot] >> #' + labelled).textContent()).length > 0, 'dialog without a name');
    const log = p.locator('[data-faqbot] >> .log');
    assert(await log.getAttribute('role') === 'log' && await log.getAttribute('aria-live') === 'polite', 'log roles');
    assert((await p.locator('[data-faqbot] >> input').getAttribute('aria-label') || '').length > 0, 'input without a label');
    assert((await p.locator('[data-faqbot] >> .close').getAttribute('aria-label') || '').length > 0, 'close without a label');
    await p.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    assert(await inWidget() === 'button.bubble', 'focus after Esc: ' + await inWidget());
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  });

  await check('👍 under a widget answer posts {q, id, lang, vote} to the server\'s /api/feedback', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    const up = a.locator('.vote button[data-vote=up]');
    assert(/útil/i.test(await up.getAttribute('aria-label')), 'label: ' + await up.getAttribute('aria-label'));
    const resp = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await up.click();
    const r = await resp;
    const body = r.request().postDataJSON();
    assert(r.url() === new URL('api/feedback', env.OPEN_URL).href, 'posted to ' + r.url());
    assert(body.q === '¿Cuándo concluye la iniciativa?' && body.vote === 'up' && body.lang === 'es' && body.id,
           'body: ' + JSON.stringify(body));
    assert(await up.getAttribute('aria-pressed') === 'true', 'not pressed');
    if (env.FEEDBACK_LOG) {
      assert(r.status() === 204, 'status ' + r.status());
      let line = '';
      for (let i = 0; i < 40 && !line; i++) {
        line = readFileSync(env.FEEDBACK_LOG, 'utf8').split('\n').find((l) => l.includes('"up"')) || '';
        if (!line) await sleep(50);
      }
      const j = JSON.parse(line);
      assert(j.q === body.q && j.id === body.id && j.vote === 'up', 'logged: ' + line);
    }
    await p.context().close();
  }, noOpen);

  await check('a page of a site not allowed cannot post a vote or a question without asking (text/plain, no-cors): refused, nothing logged', async () => {
    // localhost is another site than 127.0.0.1, and no --allow-origin names it
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(env.HOST_URL.replace('127.0.0.1', 'localhost') + 'open.html');
    const mark = 'stuffed-' + Date.now();
    const sent = await p.evaluate(async ([u, m]) => {
      const post = (path, body) => fetch(new URL(path, u).href, { method: 'POST', mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) }).then(() => 'sent', (e) => String(e));
      return [await post('api/feedback', { q: m, id: 'precursores-1', vote: 'up' }), await post('api/ask', { q: m })];
    }, [env.OPEN_URL, mark]);
    assert(sent.join(' ') === 'sent sent', 'the browser did not send: ' + sent.join(' '));
    await sleep(300);
    assert(!readFileSync(env.FEEDBACK_LOG, 'utf8').includes(mark), 'a vote from a page of another site was logged');
    await ctx.close();
  }, noOpen || (env.FEEDBACK_LOG ? '' : 'the server keeps no feedback log'));

  const wl = (p, sel) => p.locator('[data-faqbot] >> ' + sel);
  await check('a vote cast is kept with its answer: pressed again after the next page (widget) and a reload (chat page), never sent twice', async () => {
    const errors = [], posted = [];
    const p = await hostPage('open.html', errors);
    p.on('request', (r) => { if (r.url().endsWith('/api/feedback')) posted.push(r.postDataJSON().vote); });
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    const sent = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await a.locator('.vote button[data-vote=down]').click();
    await sent;
    await p.goto(env.HOST_URL + 'open2.html');
    const kept = wl(p, '.log .msg.bot:not(.welcome)').last();
    await kept.waitFor({ timeout: 5000 });
    const pressed = async (m) => [await m.locator('.vote button[data-vote=up]').getAttribute('aria-pressed'),
                                  await m.locator('.vote button[data-vote=down]').getAttribute('aria-pressed')].join(' ');
    assert(await pressed(kept) === 'false true', 'widget, next page: up/down pressed ' + await pressed(kept));
    await kept.locator('.vote button[data-vote=down]').click();
    await sleep(300);
    assert(posted.join(' ') === 'down', 'a second click on the vote cast was sent: ' + posted.join(' '));
    const changed = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await kept.locator('.vote button[data-vote=up]').click();
    await changed;
    await p.reload();
    await wl(p, '.log .msg.bot:not(.welcome)').last().waitFor({ timeout: 5000 });
    assert(await pressed(wl(p, '.log .msg.bot:not(.welcome)').last()) === 'true false', 'widget: the changed vote not kept');
    assert(posted.join(' ') === 'down up', 'votes sent: ' + posted.join(' '));
    // the chat page of the same server
    await p.goto(env.OPEN_URL);
    await p.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await p.locator('#q').press('Enter');
    const pa = p.locator('#log .msg.bot:not(#welcome)').first();
    await pa.waitFor({ timeout: 10000 });
    const psent = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await pa.locator('.vote button[data-vote=up]').click();
    await psent;
    await p.reload();
    const pk = p.locator('#log .msg.bot:not(#welcome)').first();
    await pk.waitFor({ timeout: 10000 });
    assert(await pressed(pk) === 'true false', 'chat page, reload: up/down pressed ' + await pressed(pk));
    await pk.locator('.vote button[data-vote=up]').click();
    await sleep(300);
    assert(posted.join(' ') === 'down up up', 'votes sent: ' + posted.join(' '));
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen || (env.FEEDBACK_LOG ? '' : 'the server keeps no feedback log'));

  await check('a vote the server did not keep (503: its log full) is shown uncast again, on the widget and the chat page, and can be cast again', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    let refuse = true;
    await p.context().route('**/api/feedback', (route) => refuse
      ? route.fulfill({ status: 503, contentType: 'application/json',
                        body: '{"error":"the vote was not kept: the feedback log could not be written (No space left on device)","status":503}' })
      : route.continue());
    const pressed = async (m) => [await m.locator('.vote button[data-vote=up]').getAttribute('aria-pressed'),
                                  await m.locator('.vote button[data-vote=down]').getAttribute('aria-pressed')].join(' ');
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    let sent = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await a.locator('.vote button[data-vote=up]').click();
    await sent;
    await sleep(200);
    assert(await pressed(a) === 'false false', 'widget: a vote not kept shown cast: ' + await pressed(a));
    refuse = false;
    sent = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await a.locator('.vote button[data-vote=up]').click();
    assert((await sent).status() === 204, 'widget: the vote cast again not sent');
    await sleep(200);
    assert(await pressed(a) === 'true false', 'widget: the vote cast again not pressed: ' + await pressed(a));
    refuse = true;
    await p.goto(env.OPEN_URL);
    await p.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await p.locator('#q').press('Enter');
    const pa = p.locator('#log .msg.bot:not(#welcome)').last();
    await pa.locator('.vote').waitFor({ timeout: 10000 });
    sent = p.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await pa.locator('.vote button[data-vote=down]').click();
    await sent;
    await sleep(200);
    assert(await pressed(pa) === 'false false', 'chat page: a vote not kept shown cast: ' + await pressed(pa));
    await p.reload();
    const pk = p.locator('#log .msg.bot:not(#welcome)').last();
    await pk.locator('.vote').waitFor({ timeout: 10000 });
    assert(await pressed(pk) === 'false false', 'chat page, reload: a vote not kept restored as cast: ' + await pressed(pk));
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen || (env.FEEDBACK_LOG ? '' : 'the server keeps no feedback log'));

  // ---- the conversation kept for the tab, from page to page of the site ----
  await check('the widget on a phone: a long answer is shown from its question down, after a pasted text from the answer; the dots stay while a later answer is to come', async () => {
    const ctx = await browser.newContext({ locale: 'es-ES', viewport: { width: 390, height: 844 }, hasTouch: true });
    const p = await ctx.newPage();
    await p.goto(env.HOST_URL + 'open.html');
    const a = await widgetAsk(p, '¿Qué es la iniciativa?');
    // (so it was already: the bubble is scrolled to while still empty)
    const view = await p.evaluate(() => {
      const r = document.querySelector('[data-faqbot]').shadowRoot, l = r.querySelector('.log');
      const qs = r.querySelectorAll('.msg.user'), u = qs[qs.length - 1];
      return { top: l.scrollTop, height: l.clientHeight, full: l.scrollHeight, q: u.offsetTop };
    });
    assert(view.full > view.height + 100, 'the answer is not long here: ' + JSON.stringify(view));
    assert(view.q >= view.top && view.q < view.top + view.height, 'the question is out of sight: ' + JSON.stringify(view));
    assert((await a.textContent()).length > 500, 'not the long answer');
    // its related questions line up with its text, as on the chat page (an
    // answer's list indent once pushed them in, narrowing them on a phone)
    const edges = await a.evaluate((m) => [m.querySelector('.answer').getBoundingClientRect().left,
                                           m.querySelector('.alts button').getBoundingClientRect().left]);
    assert(Math.abs(edges[0] - edges[1]) < 1, 'the answer starts at ' + edges[0] + ' px, its related questions at ' + edges[1]);
    // a second long one, below the first: it fills the log from its question
    // down (it was shown at the bottom, a line of it in sight, the rest of the
    // log the answer before)
    const a2 = await widgetAsk(p, '¿Qué papel cumplen los países precursores?');
    const seen = await a2.evaluate((m) => {
      const l = m.parentNode, qs = l.querySelectorAll('.msg.user'), u = qs[qs.length - 1];
      const top = m.offsetTop - l.offsetTop, from = l.scrollTop, to = l.scrollTop + l.clientHeight;
      return { shown: Math.min(to, top + m.offsetHeight) - Math.max(from, top), height: l.clientHeight,
               q: u.offsetTop - l.offsetTop, from: from };
    });
    assert(seen.shown > seen.height / 2 && seen.q >= seen.from, 'the answer is not in sight from its question: ' + JSON.stringify(seen));
    // a pasted text as long as the box takes, taller than the log: its answer
    // is in sight, not below it (it was shown from the question's top)
    const a3 = await widgetAsk(p, '¿Cuándo concluye la iniciativa? '.repeat(40).slice(0, 1000));
    const past = await a3.evaluate((m) => {
      const l = m.parentNode, top = m.offsetTop - l.offsetTop;
      return { top: top, from: l.scrollTop, to: l.scrollTop + l.clientHeight, q: m.previousElementSibling.offsetHeight };
    });
    assert(past.q > past.to - past.from && past.top >= past.from && past.top < past.to - 40,
           'the answer after a long question is out of sight: ' + JSON.stringify(past));
    await p.route('**/api/ask', async (r) => {
      // both asked before the first answer comes, the second later still
      await sleep(JSON.parse(r.request().postData()).q === 'país precursor' ? 1500 : 500);
      await r.continue();
    });
    const bots = wl(p, '.log .msg.bot:not(.welcome)'), n = await bots.count();
    await wl(p, 'input').fill('¿Cuándo concluye la iniciativa?');
    await wl(p, 'input').press('Enter');
    await wl(p, 'input').fill('país precursor');
    await wl(p, 'input').press('Enter');
    await bots.nth(n).waitFor({ timeout: 10000 });
    assert(await bots.count() === n + 1 && await wl(p, '.typing').isVisible(), 'the dots went with the first answer');
    await bots.nth(n + 1).waitFor({ timeout: 10000 });
    await wl(p, '.typing').waitFor({ state: 'hidden', timeout: 2000 });
    await ctx.close();
  }, noOpen);

  await check('from page to page of the site the widget keeps its conversation, open, in order; another FAQ server\'s widget does not mix in', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    await widgetAsk(p, 'how long will the initiative last');
    const before = await wl(p, '.log').innerText();
    await p.goto(env.HOST_URL + 'open2.html');
    await wl(p, '.log .msg.bot:not(.welcome)').nth(1).waitFor({ timeout: 5000 });
    assert(await wl(p, '.log').innerText() === before, 'the log differs on the next page');
    assert(await wl(p, '.bubble').getAttribute('aria-expanded') === 'true', 'the panel is not open again');
    assert(await p.evaluate(() => { const l = document.querySelector('[data-faqbot]').shadowRoot.querySelector('.log');
                                   return l.scrollTop + l.clientHeight >= l.scrollHeight - 2; }), 'not scrolled to the end');
    const sent = p.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await widgetAsk(p, 'ok');
    assert(JSON.parse((await sent).postData()).prev_lang === 'en', 'prev_lang ' + (await sent).postData());
    // the refused server's widget on the same site keeps its own (none)
    await p.goto(env.HOST_URL + 'refused.html');
    await wl(p, '.bubble').waitFor();
    await sleep(500);
    assert(await wl(p, '.log .msg.user').count() === 0, 'another server\'s conversation mixed in');
    // "new conversation", labelled, by keyboard
    await p.goto(env.HOST_URL + 'open.html');
    await wl(p, '.log .msg.bot:not(.welcome)').nth(2).waitFor({ timeout: 5000 });
    const fresh = wl(p, '.new');
    assert(/\S/.test(await fresh.getAttribute('aria-label') || ''), 'no label');
    await wl(p, '.close').focus();
    await p.keyboard.press('Shift+Tab');
    assert(await p.evaluate(() => document.querySelector('[data-faqbot]').shadowRoot.activeElement.className) === 'new',
           'Shift+Tab from close did not reach "new conversation"');
    await p.keyboard.press('Enter');
    assert(await wl(p, '.log .msg').count() === 1, 'not forgotten: ' + await wl(p, '.log').innerText());
    await p.reload();
    await wl(p, '.bubble').waitFor();
    await sleep(500);
    assert(await wl(p, '.log .msg.user').count() === 0, 'came back after a reload');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await p.context().close();
  }, noOpen);

  await check('the widget: a tampered copy in storage runs nothing; storage refused, it answers all the same', async () => {
    const errors = [];
    const p = await hostPage('open.html', errors);
    const evil = '<img src=x onerror="window.pwned=1">';
    await p.evaluate(([k, e]) => sessionStorage.setItem(k, JSON.stringify({ lang: 'es', open: true, turns: [
      { q: e, l: 'constructor', a: { outcome: 'answer', question: e, answer_html: '<p>Bien ' + e +
        '<a href="javascript:window.pwned=2">x</a><script>window.pwned=3<\/script><svg onload="window.pwned=4"></svg></p>',
        alternatives: [{ question: e }] } },
      { q: {}, a: 1 } ] })), ['faqbot-widget:' + env.OPEN_URL, evil]);
    await p.reload();
    await wl(p, '.log .msg.bot:not(.welcome)').first().waitFor({ timeout: 5000 });
    await sleep(300);
    assert(await p.evaluate(() => window.pwned) === undefined, 'script ran: ' + await p.evaluate(() => window.pwned));
    assert(await wl(p, '.log .msg.user').first().textContent() === evil, 'the question is not text');
    const body = wl(p, '.log .answer').first();
    assert(await body.locator('img, script, svg').count() === 0 && await body.locator('a[href]').count() === 0,
           'kept: ' + await body.innerHTML());
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    await p.context().close();
    const ctx = await browser.newContext({ locale: 'es-ES' });
    await ctx.addInitScript(() => {
      Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('no', 'SecurityError'); } });
    });
    const q = await ctx.newPage();
    q.on('pageerror', (e) => errors.push(e.message));
    await q.goto(env.HOST_URL + 'open.html');
    const b = await widgetAsk(q, '¿Cuándo concluye la iniciativa?');
    assert((await b.textContent()).includes('2022'), 'refused storage: ' + await b.textContent());
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }, noOpen);

  await check('axe-core on the widget: no WCAG A/AA or best-practice violation, phone and desktop, light and dark, open and answered', async () => {
    const found = [];
    for (const [w, h] of [[1200, 800], [390, 844]]) {
      for (const scheme of ['light', 'dark']) {
        const ctx = await browser.newContext({ locale: 'es-ES', viewport: { width: w, height: h }, colorScheme: scheme });
        const p = await ctx.newPage();
        await p.goto(env.HOST_URL + 'open.html');
        await wl(p, '.bubble').waitFor();
        for (const v of await axe(p, [['[data-faqbot]']])) found.push(w + ' ' + scheme + ' closed: ' + v);
        await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
        await widgetAsk(p, 'zanahorias moradas en bicicleta');
        for (const v of await axe(p, [['[data-faqbot]']])) found.push(w + ' ' + scheme + ' answered: ' + v);
        await ctx.close();
      }
    }
    assert(found.length === 0, found.length + ' violations: ' + [...new Set(found)].slice(0, 6).join(' | '));
  }, noOpen);

  await check('the widget in forced colors (Windows high contrast): its bubbles keep an outline', async () => {
    const p = await hostPage('open.html', []);
    await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    await p.emulateMedia({ forcedColors: 'active' });
    const bare = await p.evaluate(() => [...document.querySelector('[data-faqbot]').shadowRoot.querySelectorAll('.log .msg')]
      .filter((m) => { const c = getComputedStyle(m); return c.borderTopStyle === 'none' || c.borderTopWidth === '0px'; })
      .map((m) => m.className));
    await p.screenshot({ path: shots + '/widget-forced-colors.png', animations: 'disabled' });
    await p.context().close();
    assert(bare.length === 0, 'no outline: ' + bare.join(', '));
  }, noOpen);

  await check('an iframe of the chat on another origin: shown with --frame-ancestors, refused without', async () => {
    const errors = [];
    const p = await hostPage('frame.html', errors);
    const ok = p.frameLocator('#faq-ok');
    await ok.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    await ok.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await ok.locator('#q').press('Enter');
    const a = ok.locator('#log .msg.bot:not(#welcome)').first();
    await a.waitFor({ timeout: 10000 });
    assert((await a.textContent()).includes('2022'), 'answer in the frame: ' + await a.textContent());
    // the server that was not told of this site keeps the page out of its frame
    await p.waitForLoadState('load');  // after every frame's, refused or not
    const no = await (await p.$('#faq-no')).contentFrame();
    assert(await no.locator('#q').count() === 0, 'the chat was framed without --frame-ancestors (' + no.url() + ')');
    await p.context().close();
  }, noOpen || (env.FRAME_OK ? '' : 'the server has no --frame-ancestors'));

  await check('the chat page under /faq/ behind nginx answers, every request under /faq/', async () => {
    const ctx = await browser.newContext({ locale: 'es-ES', extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' } });
    const p = await ctx.newPage();
    const seen = [], errors = [];
    p.on('request', (r) => seen.push(new URL(r.url()).pathname));
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => { if (/Refused to/i.test(m.text())) errors.push(m.text()); });
    await p.goto(env.PREFIX_URL);
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    await p.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await p.locator('#q').press('Enter');
    const a = p.locator('#log .msg.bot:not(#welcome)').first();
    await a.waitFor({ timeout: 10000 });
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    // 👎 on the page goes under the prefix too
    const down = a.locator('.vote button[data-vote=down]');
    const req = p.waitForRequest((r) => r.url().includes('/api/feedback'));
    await down.click();
    const fb = await req;
    assert(new URL(fb.url()).pathname === '/faq/api/feedback', 'feedback to ' + fb.url());
    assert(fb.postDataJSON().vote === 'down' && fb.postDataJSON().id, 'body: ' + fb.postData());
    const outside = seen.filter((s) => !s.startsWith('/faq/'));
    assert(outside.length === 0, 'requests outside /faq/: ' + outside.join(' '));
    assert(seen.includes('/faq/api/ask') && seen.includes('/faq/app.js'), 'requests: ' + seen.join(' '));
    assert(errors.length === 0, errors.join('; '));
    await p.screenshot({ path: shots + '/browser-prefix.png', animations: 'disabled' });
    await ctx.close();
  }, env.PREFIX_URL ? '' : 'no nginx');

  await check('the widget served under /faq/ by nginx derives its API URLs from its own', async () => {
    const errors = [];
    const p = await hostPage('prefix.html', errors);
    const req = p.waitForRequest((r) => r.url().includes('/api/ask'));
    const a = await widgetAsk(p, '¿Cuándo concluye la iniciativa?');
    assert(new URL((await req).url()).pathname === '/faq/api/ask', 'asked ' + (await req).url());
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    await p.context().close();
  }, noOpen || (env.PREFIX_URL ? '' : 'no nginx'));
} finally {
  await browser.close();
}
console.log(`widget: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed ? 1 : 0);

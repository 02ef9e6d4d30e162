// chat.test.mjs: the chat page in a real browser (Debian's chromium through
// playwright-core) against the real server: ask by typing and Enter, see the
// right answer with its highlights, follow alternatives by mouse and by
// keyboard, "did you mean", clarify, decline, the page's language following
// the conversation and the browser, HTML in questions kept as text, errors
// shown, no votes offered where none is kept, the form without JavaScript;
// screenshots for a person to look at.
// Usage: node chat.test.mjs URL SCREENSHOT_DIR   (FAQBOT_PID: the server,
// killed by the last check to see the page report it gone)
import { assert, axe, check, codeSpans, launch, sleep, tally } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [url, shots] = process.argv.slice(2);
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
// the second server (SOLO_URL) holds a corpus with a Spanish-only entry
const origins = [url, process.env.SOLO_URL, process.env.SWAP_URL].filter(Boolean).map((u) => new URL(u).origin + '/');

async function messages(lang) {
  const r = await fetch(url + 'api/messages?lang=' + lang);
  assert(r.ok, 'GET /api/messages?lang=' + lang + ': ' + r.status);
  return r.json();
}

async function apiAsk(body) {
  const r = await fetch(url + 'api/ask', { method: 'POST', body: JSON.stringify(body) });
  assert(r.ok, 'POST /api/ask: ' + r.status);
  return r.json();
}

// Everything a page does is watched: requests must stay on the server
// (the page works offline), and no script error or CSP violation may occur.
const offsite = [], problems = [];
function watch(page) {
  page.on('request', (req) => {
    const u = req.url();
    if (!origins.some((o) => u.startsWith(o)) && !u.startsWith('data:')) offsite.push(u);
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push('console: ' + m.text());
  });
}

const browser = await launch();
try {
  const es = await messages('es'), en = await messages('en'), fr = await messages('fr');
  const context = await browser.newContext({
    locale: 'es-ES', viewport: { width: 1280, height: 800 },
    extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' },
  });
  const page = await context.newPage();
  watch(page);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const bots = page.locator('#log .msg.bot:not(#welcome)');
  const users = page.locator('#log .msg.user');

  // Asks like a person: type, Enter; returns the answer's bubble.
  async function askAndWait(q) {
    const before = await bots.count();
    await page.locator('#q').fill(q);
    await page.locator('#q').press('Enter');
    await bots.nth(before).waitFor({ timeout: 10000 });
    return bots.nth(before);
  }
  async function lastUser() {
    const all = await users.allTextContents();
    return all[all.length - 1];
  }
  const focused = async () => page.evaluate(() => document.activeElement && document.activeElement.id);

  await check('the page is small (< 32 KB) and all its files are local', async () => {
    // 30 KB until the note for a question too long and the screen
    // reader's "Your question:" (docs/deploy.md)
    let total = 0;
    // the widget is not part of the page (widget.test.mjs weighs it)
    for (const f of readdirSync(webDir)) if (f !== 'widget.js') total += statSync(join(webDir, f)).size;
    assert(total < 32 * 1024, 'web/ is ' + total + ' bytes');
    console.log('     web/: ' + total + ' bytes');
  });

  await check('the page starts in Spanish from Accept-Language', async () => {
    await page.goto(url);
    await page.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    assert(await page.textContent('#welcome') === es.page_welcome, 'welcome: ' + await page.textContent('#welcome'));
    assert(/precursores/.test(es.page_welcome), 'es welcome: ' + es.page_welcome);
    assert(await page.getAttribute('#q', 'placeholder') === es.page_placeholder, 'placeholder');
    assert(await page.getAttribute('html', 'lang') === 'es', 'html lang');
    assert(await page.title() === es.page_title, 'title: ' + await page.title());
    const codes = await page.$$eval('#lang option', (os) => os.map((o) => o.value));
    for (const l of ['es', 'en', 'fr', 'pt']) assert(codes.includes(l), 'selector lacks ' + l + ': ' + codes);
    assert(await page.inputValue('#lang') === 'es', 'selector shows ' + await page.inputValue('#lang'));
    assert(await page.getAttribute('#log', 'role') === 'log', 'log role');
    assert(await page.getAttribute('#log', 'aria-live') === 'polite', 'log is not aria-live');
    assert(await focused() === 'q', 'the text box has no focus on load');
  });

  // what a screen reader reads (chromium's accessibility tree), not the DOM
  async function headingName(p) {
    const find = (n) => n && (n.role === 'heading' ? n.name : (n.children || []).map(find).find((x) => x));
    return find(await p.accessibility.snapshot());
  }
  await check('a screen reader reads the page\'s heading as its title, without the drawn "?"', async () => {
    assert(await headingName(page) === es.page_title, 'heading read as ' + JSON.stringify(await headingName(page)));
    const p = await context.newPage();
    await p.goto(url + 'ask?q=' + encodeURIComponent('¿Cuándo concluye la iniciativa?'));
    const h = await headingName(p);
    await p.close();
    assert(h && !/^\?/.test(h), 'the page without JavaScript: heading read as ' + JSON.stringify(h));
  });

  await check('typing a question and Enter: typing dots, then the right answer, highlighted; focus stays', async () => {
    // the answer is held back a little so that the indicator can be seen
    await page.route('**/api/ask', async (r) => { await sleep(400); await r.continue(); });
    const before = await bots.count();
    await page.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await page.locator('#q').press('Enter');
    await page.locator('#typing').waitFor({ state: 'visible', timeout: 2000 });
    assert(await page.inputValue('#q') === '', 'the box was not cleared');
    await bots.nth(before).waitFor({ timeout: 10000 });
    await page.unroute('**/api/ask');
    await page.locator('#typing').waitFor({ state: 'hidden', timeout: 2000 });
    const a = bots.nth(before);
    const text = await a.textContent();
    assert(text.includes('2022'), 'answer: ' + text);
    assert(text.includes('Respuesta a:'), 'no "Respuesta a:": ' + text);
    assert(await a.locator('.source .question').textContent() === '¿Cuándo concluye la iniciativa?',
           'source: ' + await a.locator('.source').textContent());
    const marks = await a.locator('.answer mark').allTextContents();
    assert(marks.length > 0, 'no highlighted word');
    assert(marks.some((m) => /iniciativa/i.test(m)), 'marks: ' + marks);
    assert(await focused() === 'q', 'focus left the text box');
  });

  await check('matched words are highlighted whatever their accents', async () => {
    const a = await askAndWait('país precursor');
    const api = await apiAsk({ q: 'país precursor', prev_lang: 'es' });
    // the server reports folded words ("paises"); the text has "países"
    assert(api.matched.includes('paises'), 'matched: ' + api.matched);
    const marks = (await a.locator('mark').allTextContents()).map((m) => m.toLowerCase());
    assert(marks.includes('países') && marks.includes('precursores'), 'marks: ' + marks);
  });

  await check('the first alternative is a button that asks its question', async () => {
    const a = await askAndWait('¿Qué es la iniciativa?');
    const buttons = a.locator('.alts button');
    const n = await buttons.count();
    assert(n > 0 && n <= 3, n + ' alternative buttons');
    const label = await buttons.first().textContent();
    const before = await bots.count();
    await buttons.first().click();
    await bots.nth(before).waitFor({ timeout: 10000 });
    assert(await lastUser() === label, 'asked ' + await lastUser() + ' instead of ' + label);
    const src = await bots.nth(before).locator('.source .question').textContent();
    assert(src === label, 'answered "' + src + '" instead of "' + label + '"');
    assert(await focused() === 'q', 'focus did not come back to the text box');
  });

  await check('keyboard only: Shift+Tab to an alternative, Enter asks it', async () => {
    await page.locator('#q').focus();
    // past the 👍/👎 of an answer without alternatives, if need be
    let label = null;
    for (let i = 0; i < 3 && !label; i++) {
      await page.keyboard.press('Shift+Tab');
      label = await page.evaluate(() => document.activeElement.closest('.alts') ? document.activeElement.textContent : null);
    }
    assert(label, 'Shift+Tab from the box did not reach an alternative button');
    const before = await bots.count();
    await page.keyboard.press('Enter');
    await bots.nth(before).waitFor({ timeout: 10000 });
    assert(await lastUser() === label, 'asked ' + await lastUser());
    assert(await focused() === 'q', 'focus did not come back to the text box');
    await page.keyboard.press('ArrowUp');
    assert(await page.inputValue('#q') === label, 'ArrowUp did not recall the last question');
    await page.locator('#q').fill('');
  });

  await check('a typo is corrected and "did you mean" is shown', async () => {
    const a = await askAndWait('cuando conclulle la inisiativa');
    const fix = await a.locator('.note.fix').textContent();
    assert(fix.includes('Quiso decir') && fix.includes('concluye la iniciativa'), 'note: ' + fix);
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
  });

  await check('an off-topic question is declined with the bot\'s message', async () => {
    const a = await askAndWait('¿cómo hago una tortilla de patatas?');
    const text = await a.textContent();
    assert(/no tengo una respuesta/i.test(text), 'not declined: ' + text);
    assert(await a.locator('.source').count() === 0, 'a declined question shows an answer');
  });

  await check('the conversation keeps its language: a bare "ok" stays Spanish', async () => {
    // alone, "ok" reads as English; the page must send the Spanish so far
    const req = page.waitForRequest((r) => r.url().endsWith('/api/ask') && r.method() === 'POST');
    const a = await askAndWait('ok');
    const body = (await req).postDataJSON();
    assert(body.prev_lang === 'es' && !body.lang, 'request: ' + JSON.stringify(body));
    assert(await page.getAttribute('#q', 'placeholder') === es.page_placeholder, 'the page left Spanish');
    const spanish = (await a.getAttribute('class')).includes('is-decline')
      ? await a.locator('.note').first().textContent() === es.decline
      : await a.getAttribute('lang') === 'es';
    assert(spanish, 'reply not in Spanish: ' + await a.textContent());
  });

  await check('a tie is asked back: clarify message and every candidate as a button', async () => {
    // which question ties depends on the index; take one the server calls a tie
    let q = null, api = null;
    for (const cand of ['¿cómo participan en los exámenes regionales del pacto?', 'quels pays participent',
                        'iniative des pays champinos', 'países campeões', 'o que são os países precursores',
                        'rôle du réseau', 'liste des pays champions', 'la France est-elle un pays champion',
                        'what role does the network play?', 'outros países podem se candidatar ao fundo']) {
      api = await apiAsk({ q: cand, prev_lang: 'es' });
      if (api.outcome === 'clarify') { q = cand; break; }
    }
    assert(q, 'none of the known ties is a clarify any more');
    const a = await askAndWait(q);
    assert((await a.getAttribute('class')).includes('is-clarify'), 'bubble: ' + await a.getAttribute('class'));
    // the message, after any "did you mean" note
    assert(await a.locator('.note:not(.fix)').first().textContent() === api.message, 'message: ' + await a.textContent());
    const labels = await a.locator('.alts button').allTextContents();
    assert(labels.length === 1 + api.alternatives.length && labels[0] === api.question,
           'candidates: ' + JSON.stringify(labels));
    const other = await messages(api.query_lang);
    assert(await page.getAttribute('#q', 'placeholder') === other.page_placeholder, 'the page did not follow to ' + api.query_lang);
    const before = await bots.count();
    await a.locator('.alts button').nth(1).click();
    await bots.nth(before).waitFor({ timeout: 10000 });
    const src = await bots.nth(before).locator('.source .question').textContent();
    assert(src === labels[1], 'answered "' + src + '" instead of "' + labels[1] + '"');
  });

  await check('an English question switches the page to English', async () => {
    const a = await askAndWait('how long will the initiative last');
    const text = await a.textContent();
    assert(text.includes('2022'), 'answer: ' + text);
    await page.locator('#q[placeholder="' + en.page_placeholder + '"]').waitFor({ timeout: 5000 });
    assert(await a.locator('.source .label').textContent() === en.page_answers, 'label: ' + await a.locator('.source').textContent());
    assert(await page.getAttribute('html', 'lang') === 'en', 'html lang');
    assert(await page.inputValue('#lang') === 'en', 'selector shows ' + await page.inputValue('#lang'));
    assert(await page.textContent('#welcome') === en.page_welcome, 'welcome not in English');
  });

  await check('HTML in a question is shown as text, never run', async () => {
    const q = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    await askAndWait(q);
    assert(await lastUser() === q, 'question not shown verbatim');
    assert(await page.locator('#log img, #log script').count() === 0, 'an element was created from the question');
    assert(dialogs === 0, 'a dialog opened');
  });

  await check('the language selector sets the language explicitly', async () => {
    await page.selectOption('#lang', 'fr');
    await page.locator('#q[placeholder="' + fr.page_placeholder + '"]').waitFor({ timeout: 5000 });
    assert(await page.textContent('#title') === fr.page_title, 'title not in French');
    const a = await askAndWait('when does the initiative end');
    assert(await a.getAttribute('lang') === 'fr', 'answered in ' + await a.getAttribute('lang'));
    assert(await a.locator('.source .label').textContent() === fr.page_answers, 'label: ' + await a.locator('.source').textContent());
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
  });

  await check('no 👍/👎 when the server keeps no feedback log (a vote would go nowhere)', async () => {
    // this server runs without --feedback-log; widget.test.mjs votes on one with it
    assert((await messages('es')).feedback === false, '/api/messages does not say feedback is off');
    const a = await askAndWait('¿Cuándo concluye la iniciativa?');
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    assert(await a.locator('.vote button').count() === 0, 'vote buttons under the answer');
  });

  await check('desktop screenshot', async () => {
    await page.screenshot({ path: shots + '/browser-desktop.png', animations: 'disabled' });
  });

  await check('a refused question (HTTP 400) is shown in the log with the server\'s reason', async () => {
    const before = await page.locator('#log .msg.error').count();
    // the page itself sends nothing the server refuses: a refusal stands in
    await page.route('**/api/ask', (r) => r.fulfill({
      status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'question is too long' }) }));
    try {
      await page.locator('#q').fill('¿Qué es la iniciativa?');
      await page.locator('#q').press('Enter');
      const err = page.locator('#log .msg.error').nth(before);
      await err.waitFor({ timeout: 10000 });
      const t = await err.textContent();
      assert(t.includes('400') && t.includes('question is too long'), 'error: ' + t);
    } finally {
      await page.unroute('**/api/ask');
    }
  });

  await check('a pasted question over 1,000 characters is kept whole, told with its count, not sent', async () => {
    const before = await users.count();
    let asked = 0;
    const onReq = (req) => { if (req.url().endsWith('/api/ask')) asked++; };
    page.on('request', onReq);
    try {
      await page.locator('#q').fill('');
      await page.locator('#q').focus();
      // as a paste arrives: one insertion, which the box's maxlength would cut
      const pasted = 'el país precursor '.repeat(55) + 'fin';  // 993 characters, then x to 1,001
      const long = pasted + 'x'.repeat(1001 - [...pasted].length);
      await page.keyboard.insertText(long);
      assert([...await page.inputValue('#q')].length === 1001,
             'the box holds ' + (await page.inputValue('#q')).length + ' characters of 1001');
      const note = page.locator('#too-long');
      const said = await note.textContent();
      // in the page's language at this point of the conversation
      const head = (await messages(await page.getAttribute('html', 'lang'))).question_too_long.split('{max}')[0];
      assert(head.length > 5 && said.startsWith(head), 'note: ' + JSON.stringify(said));
      assert(/1\D?001 \/ 1\D?000/.test(said), 'no count in the note: ' + JSON.stringify(said));
      assert(await note.getAttribute('role') === 'status', 'the note is not a status');
      assert(await note.isVisible(), 'the note is not shown');
      assert(await page.getAttribute('#q', 'aria-invalid') === 'true', 'the box is not marked invalid');
      assert(await page.getAttribute('#q', 'aria-describedby') === 'too-long', 'the box is not described by the note');
      await page.locator('#q').press('Enter');
      await sleep(300);  // a request, if one were sent, starts at once
      assert(asked === 0, 'the question was sent');
      assert(await users.count() === before, 'the question joined the log');
      assert([...await page.inputValue('#q')].length === 1001, 'the box was emptied');
      assert(await focused() === 'q', 'focus left the text box');
      // one character less: the note goes, and the question is asked
      await page.locator('#q').press('End');
      await page.locator('#q').press('Backspace');
      assert(await note.textContent() === '', 'note left: ' + await note.textContent());
      assert((await note.boundingBox()).height === 0, 'the empty note takes room');
      assert(await page.getAttribute('#q', 'aria-invalid') === null, 'the box is still marked invalid');
      const nb = await bots.count();
      await page.locator('#q').press('Enter');
      await bots.nth(nb).waitFor({ timeout: 10000 });
      assert(asked === 1, asked + ' questions sent');
      assert(!(await bots.nth(nb).getAttribute('class')).includes('error'), 'refused: ' + await bots.nth(nb).textContent());
      assert((await users.nth(before).textContent()).length === 1000, 'the log holds another question');
    } finally {
      page.off('request', onReq);
    }
  });

  await check('a screen reader hears each of the visitor\'s questions as "Your question:", the page shows it not', async () => {
    const q = '¿Qué es la iniciativa?';
    await askAndWait(q);
    const bubble = users.last();
    assert(await bubble.textContent() === q, 'the bubble\'s text: ' + await bubble.textContent());
    const names = [];
    const walk = (n) => { if (!n) return; if (n.name) names.push(n.name); (n.children || []).forEach(walk); };
    walk(await page.accessibility.snapshot({ root: await bubble.elementHandle(), interestingOnly: false }));
    const read = names.join(' ').replace(/\s+/g, ' ');
    const label = (await messages(await page.getAttribute('html', 'lang'))).page_question;
    assert(label && read.includes(label), 'read as ' + JSON.stringify(read));
    assert(read.indexOf(label) < read.indexOf(q), 'label after the question: ' + JSON.stringify(read));
    const box = await bubble.boundingBox(), w = await bubble.evaluate((e) => e.scrollWidth - e.clientWidth);
    assert(box.height < 60 && w === 0, 'the label takes room: ' + JSON.stringify(box) + ', overflow ' + w);
  });

  await check('phone screenshot (390x844)', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
      locale: 'es-ES', extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' },
    });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(url);
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    for (const q of ['hola', '¿Cuándo concluye la iniciativa?', '¿Qué es la iniciativa?']) {
      const n = await p.locator('#log .msg.bot').count();
      await p.locator('#q').fill(q);
      await p.locator('#q').press('Enter');
      await p.locator('#log .msg.bot').nth(n).waitFor({ timeout: 10000 });
    }
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 390, 'the page is ' + width + ' px wide on a 390 px screen');
    await p.screenshot({ path: shots + '/browser-phone.png', animations: 'disabled' });
    // a pasted text as long as the box takes, taller than the log: its
    // answer is in sight, not below it
    const n = await p.locator('#log .msg.bot').count();
    await p.locator('#q').fill('¿Cuándo concluye la iniciativa? '.repeat(40).slice(0, 1000));
    await p.locator('#q').press('Enter');
    await p.locator('#log .msg.bot').nth(n).waitFor({ timeout: 10000 });
    const seen = await p.locator('#log .msg.bot').nth(n).evaluate((m) => {
      const l = m.parentNode;
      return { top: m.offsetTop, from: l.scrollTop, to: l.scrollTop + l.clientHeight, q: m.previousElementSibling.offsetHeight };
    });
    assert(seen.q > seen.to - seen.from && seen.top >= seen.from && seen.top < seen.to - 40,
           'the answer after a long question is out of sight: ' + JSON.stringify(seen));
    await ctx.close();
  });

  await check('a desktop zoomed to 400 % (320x256): the conversation keeps half the screen, the title whole to a screen reader (screenshot)', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 320, height: 256 }, deviceScaleFactor: 2,
      locale: 'es-ES', extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' },
    });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(url);
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    const n = await p.locator('#log .msg.bot').count();
    await p.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await p.locator('#q').press('Enter');
    await p.locator('#log .msg.bot').nth(n).waitFor({ timeout: 10000 });
    const room = await p.evaluate(() => [document.getElementById('log').clientHeight, innerHeight, document.documentElement.scrollWidth]);
    await p.screenshot({ path: shots + '/browser-zoom400.png', animations: 'disabled' });
    const heard = await headingName(p);
    await ctx.close();
    assert(room[0] * 2 >= room[1], 'the conversation has ' + room[0] + ' px of ' + room[1]);
    assert(room[2] <= 320, 'the page is ' + room[2] + ' px wide');
    assert(heard === es.page_title, 'the heading is read as ' + JSON.stringify(heard));
  });

  await check('the seed\'s list answer in four languages: whole items, no dead links (screenshots)', async () => {
    const role = {
      es: '¿Qué papel cumplen los países precursores?', en: 'What role do the Champion countries play?',
      fr: 'Quel est le rôle des pays champions ?', pt: 'Que papel desempenham os países campeões?',
    };
    for (const [lang, q] of Object.entries(role)) {
      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'Accept-Language': lang },
      });
      const p = await ctx.newPage();
      watch(p);
      await p.goto(url);
      await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
      const n = await p.locator('#log .msg.bot').count();
      await p.locator('#q').fill(q);
      await p.locator('#q').press('Enter');
      const bot = p.locator('#log .msg.bot').nth(n);
      await bot.waitFor({ timeout: 10000 });
      const answer = bot.locator('.answer');
      const items = await answer.locator('li').count();
      assert(items === 5, lang + ': ' + items + ' list items, want 5');
      assert(await answer.locator('p').count() >= 1, lang + ': no introduction before the list');
      assert(await answer.locator('a[href="#"]').count() === 0, lang + ': a link to #');
      await p.screenshot({ path: shots + '/browser-seed-' + lang + '.png', animations: 'disabled' });
      await ctx.close();
    }
  });

  await check('other browsers\' languages: the page starts in French, Portuguese, English', async () => {
    for (const [acc, lang] of [['fr-FR,fr;q=0.9', 'fr'], ['pt-BR,pt;q=0.8,en;q=0.5', 'pt'], ['en-GB,en;q=0.9', 'en']]) {
      const want = await messages(lang);
      const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': acc } });
      const p = await ctx.newPage();
      watch(p);
      await p.goto(url);
      await p.locator('#welcome', { hasText: want.page_welcome }).waitFor({ timeout: 5000 });
      assert(await p.getAttribute('html', 'lang') === lang, acc + ': html lang ' + await p.getAttribute('html', 'lang'));
      await ctx.close();
    }
  });

  await check('a page linked in a language (?lang=fr) stays in it once its script runs, whatever the browser\'s', async () => {
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' } });
    const p = await ctx.newPage();
    watch(p);
    // the server renders French; the script fetched the browser's Spanish over it
    const texts = p.waitForResponse((r) => r.url().includes('api/messages'));
    await p.goto(url + '?lang=fr');
    await (await texts).finished();
    await sleep(300);
    assert(await p.textContent('#welcome') === fr.page_welcome, 'welcome: ' + await p.textContent('#welcome'));
    assert(await p.getAttribute('html', 'lang') === 'fr', 'html lang ' + await p.getAttribute('html', 'lang'));
    assert(await p.inputValue('#lang') === 'fr', 'the selector says ' + await p.inputValue('#lang'));
    await ctx.close();
  });

  await check('a browser in a language the FAQ lacks (Italian): the page speaks it and the selector names it, not blank', async () => {
    const it = await messages('it');
    assert(it.lang === 'it' && !it.langs.some((l) => l.code === 'it'), 'the seed holds Italian: ' + it.langs.map((l) => l.code));
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'it-IT,it;q=0.9' } });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(url);
    await p.locator('#welcome', { hasText: it.page_welcome }).waitFor({ timeout: 5000 });
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 5000 });
    const shown = await p.$eval('#lang', (s) => (s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].textContent));
    assert(shown === it.lang_name, 'the selector shows ' + JSON.stringify(shown));
    const codes = await p.$$eval('#lang option', (os) => os.map((o) => o.value));
    for (const l of ['es', 'en', 'fr', 'pt']) assert(codes.includes(l), 'selector lacks ' + l + ': ' + codes);
    await ctx.close();
  });

  // The server with entries in Spanish only: its API's reply to q (with
  // body's fields), then an English page that asked it.
  async function soloInEnglish(q, body) {
    const solo = process.env.SOLO_URL;
    assert(solo, 'SOLO_URL not given');
    const r = await fetch(solo + 'api/ask', { method: 'POST', body: JSON.stringify({ q: q, ...body }) });
    const api = await r.json();
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(solo);
    await p.locator('#welcome', { hasText: en.page_welcome }).waitFor({ timeout: 5000 });
    await p.fill('#q', q);
    await p.press('#q', 'Enter');
    return { api, ctx, p };
  }

  await check('an answer only in another language says so, in the asker\'s language, each text tagged with its own', async () => {
    const { api, ctx, p } = await soloInEnglish('what is the horario of the Ginebra office', { prev_lang: 'en' });
    assert(api.other_lang && api.lang === 'es' && api.query_lang === 'en', 'server: ' + JSON.stringify(api).slice(0, 200));
    const a = p.locator('#log .msg.bot:not(#welcome)').first();
    await a.waitFor({ timeout: 10000 });
    assert(await a.locator('.note').first().textContent() === api.message, 'note: ' + await a.textContent());
    // Spanish as the English note names it, not "español"
    assert(/in Spanish\./.test(api.message), 'message: ' + api.message);
    // a screen reader reads the note in English, the FAQ's text in Spanish:
    // the whole bubble was tagged Spanish, the English note too
    const note = a.locator('.note').first();
    assert(await note.evaluate((n) => n.closest('[lang]').lang) === 'en', 'the note is tagged ' +
           await note.evaluate((n) => n.closest('[lang]').lang));
    assert(await a.locator('.answer').getAttribute('lang') === 'es', 'answer lang ' + await a.locator('.answer').getAttribute('lang'));
    assert(await a.locator('.source .question').getAttribute('lang') === 'es', 'question lang');
    assert(await a.locator('.source .label').evaluate((n) => n.closest('[lang]').lang) === 'en', 'label lang');
    assert((await a.textContent()).includes('9:00'), 'answer: ' + await a.textContent());
    assert(await p.getAttribute('#q', 'placeholder') === en.page_placeholder, 'the page left English');
    await ctx.close();
  });

  await check('a suggestion only in another language is marked with it, named in the asker\'s', async () => {
    const { api, ctx, p } = await soloInEnglish('renew my prensa', { lang: 'en' });
    const alt = (api.alternatives || [])[0] || {};
    assert(api.outcome === 'decline' && alt.lang === 'es' && alt.lang_name === 'Spanish',
           'server: ' + JSON.stringify(api).slice(0, 300));
    const b = p.locator('#log .msg.bot:not(#welcome) .alts button').first();
    await b.waitFor({ timeout: 10000 });
    const text = await b.textContent();
    assert(text === alt.question + ' (Spanish)', 'button: ' + text);
    // the question read in Spanish, its mark in English
    assert(await b.getAttribute('lang') === 'es', 'button lang ' + await b.getAttribute('lang'));
    assert(await b.locator('span').getAttribute('lang') === 'en', 'mark lang');
    await ctx.close();
  });

  await check('a FAQ of one document is titled with its "# " title, with and without JavaScript', async () => {
    const solo = process.env.SOLO_URL;
    assert(solo, 'SOLO_URL not given');
    const want = 'Initiative des pays champions';
    const ctx = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: { 'Accept-Language': 'fr-FR,fr;q=0.9' } });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(solo);
    // the script's texts arrived (it titles the page from them too)
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    assert(await p.title() === want, 'title: ' + await p.title());
    assert(await headingName(p) === want, 'heading: ' + await headingName(p));
    await p.goto(solo + 'ask?lang=fr&q=' + encodeURIComponent('Qu\'est-ce que l\'initiative des pays champions ?'));
    assert(await p.title() === want, 'the page without JavaScript: title ' + await p.title());
    assert(await p.textContent('h1') === want, 'the page without JavaScript: heading ' + await p.textContent('h1'));
    await ctx.close();
  });

  await check('phone, keyboard only: a pasted address in an answer is a link, wrapped on the screen, reached by Shift+Tab', async () => {
    const solo = process.env.SOLO_URL;
    assert(solo, 'SOLO_URL not given');
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true,
      locale: 'es-ES', extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' },
    });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(solo);
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    const focusedId = () => p.evaluate(() => document.activeElement && document.activeElement.id);
    assert(await focusedId() === 'q', 'the question box has no focus at load: ' + await focusedId());
    await p.keyboard.type('¿dónde renuevo la acreditación de prensa?');
    await p.keyboard.press('Enter');
    const a = p.locator('#log .msg.bot:not(#welcome)').first();
    await a.waitFor({ timeout: 10000 });
    const link = a.locator('a[href^="https://example.org/acreditaciones/"]');
    assert(await link.count() === 1, 'the address is no link: ' + await a.innerHTML());
    assert(await link.getAttribute('rel') === 'noopener noreferrer', 'rel: ' + await link.getAttribute('rel'));
    assert((await link.textContent()).endsWith('anual'), 'the link took the sentence\'s comma: ' + await link.textContent());
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 360, 'the page is ' + width + ' px wide on a 360 px screen');
    const box = await link.boundingBox();
    assert(box && box.x + box.width <= 360, 'the link runs off the screen: ' + JSON.stringify(box));
    assert(await focusedId() === 'q', 'focus left the question box');
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await p.keyboard.press('Shift+Tab');
      reached = await p.evaluate(() => document.activeElement && document.activeElement.tagName === 'A' &&
        document.activeElement.href.startsWith('https://example.org/acreditaciones/'));
    }
    assert(reached, 'Shift+Tab from the question box never reaches the link');
    await p.screenshot({ path: shots + '/browser-phone-link.png', animations: 'disabled' });
    await ctx.close();
  });

  await check('phone (360 px): an inline code span is not broken at its hyphens, a long one stays in its bubble', async () => {
    // the CSS alone is weighed: bubbles of answer HTML as the page writes
    // them, a short code span put at every place along the line (it broke
    // at "SPK-" / "2026-0042" on a phone), a long one after it
    const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(url);
    await p.locator('#lang option').first().waitFor({ state: 'attached', timeout: 10000 });
    const r = await codeSpans(p.locator('#log'));
    r.width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert(r.broken.length === 0, 'the code span broke across lines with ' + JSON.stringify(r.broken) + ' letters before it');
    assert(r.over.length === 0, 'a long code span ran out of its bubble: ' + JSON.stringify(r.over));
    assert(r.width <= 360, 'the page is ' + r.width + ' px wide on a 360 px screen');
    assert(r.pre, 'a <pre> no longer scrolls inside its bubble');
    await ctx.close();
  });

  await check('the first question goes without prev_lang: a lone "danke" is German on a Spanish page', async () => {
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' } });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(url);
    await p.locator('#welcome', { hasText: es.page_welcome }).waitFor({ timeout: 5000 });
    const ask = async (q, n) => {
      const req = p.waitForRequest((r) => r.url().endsWith('/api/ask') && r.method() === 'POST');
      await p.fill('#q', q);
      await p.press('#q', 'Enter');
      const a = p.locator('#log .msg.bot:not(#welcome)').nth(n);
      await a.waitFor({ timeout: 10000 });
      return [(await req).postDataJSON(), a];
    };
    const [first, a] = await ask('danke', 0);
    assert(!('prev_lang' in first) && !first.lang, 'first request: ' + JSON.stringify(first));
    assert(await a.getAttribute('lang') === 'de', 'reply lang ' + await a.getAttribute('lang') + ': ' + await a.textContent());
    // a real turn: the next question carries the conversation's language
    const [second] = await ask('gracias', 1);
    assert(second.prev_lang === 'de', 'second request: ' + JSON.stringify(second));
    await ctx.close();
  });

  await check('the FAQ rebuilt while the page is open: its next answer brings the new index\'s texts', async () => {
    const swap = process.env.SWAP_URL, corpus = process.env.SWAP_CORPUS, idx = process.env.SWAP_INDEX;
    assert(swap && corpus && idx && process.env.FAQBOT, 'SWAP_URL, SWAP_CORPUS, SWAP_INDEX, FAQBOT not given');
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' } });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(swap);
    await p.locator('#welcome', { hasText: es.page_welcome }).waitFor({ timeout: 5000 });
    const answers = p.locator('#log .msg.bot:not(#welcome)');
    await p.fill('#q', 'hola');
    await p.press('#q', 'Enter');
    await answers.nth(0).waitFor({ timeout: 10000 });
    // the editors change the page's texts and rebuild; the server swaps it in
    const welcome = 'Bienvenida de la FAQ nueva.', placeholder = 'Pregunte a la FAQ nueva…';
    const file = corpus + '/es/messages.txt';
    const kept = readFileSync(file, 'utf8').split('\n').filter((l) => !/^page_(welcome|placeholder) /.test(l));
    writeFileSync(file, kept.join('\n') + '\npage_welcome = ' + welcome + '\npage_placeholder = ' + placeholder + '\n');
    execFileSync(process.env.FAQBOT, ['index', '--corpus', corpus, '--out', idx], { stdio: 'ignore' });
    let served = null;
    for (let i = 0; i < 100 && served !== welcome; i++) {
      served = (await (await fetch(swap + 'api/messages?lang=es')).json()).page_welcome;
      if (served !== welcome) await sleep(50);
    }
    assert(served === welcome, 'the server did not swap the index in: ' + served);
    await p.fill('#q', 'gracias');
    await p.press('#q', 'Enter');
    await answers.nth(1).waitFor({ timeout: 10000 });
    await p.waitForFunction((want) => document.getElementById('q').placeholder === want, placeholder, { timeout: 5000 })
      .catch(() => {});
    assert(await p.getAttribute('#q', 'placeholder') === placeholder, 'placeholder: ' + await p.getAttribute('#q', 'placeholder'));
    assert(await p.textContent('#welcome') === welcome, 'welcome: ' + await p.textContent('#welcome'));
    await ctx.close();
  });

  await check('without JavaScript the form gets a server-rendered answer', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(url);
    await p.fill('input[name=q]', '¿Cuándo concluye la iniciativa?');
    await Promise.all([p.waitForURL(/\/ask\?/), p.press('input[name=q]', 'Enter')]);
    await p.locator('.msg.bot .answer').waitFor({ timeout: 5000 });
    const body = await p.textContent('body');
    assert(body.includes('2022'), 'no answer in the page');
    assert(p.url().includes('/ask?'), 'url: ' + p.url());
    await p.screenshot({ path: shots + '/browser-nojs.png', animations: 'disabled' });
    await ctx.close();
  });

  await check('a question the server never answers is given up with a retry; the questions after it are answered', async () => {
    const p = await context.newPage();
    watch(p);
    // the page's clock, run forward: no test waits the real timeout out
    await p.clock.install();
    let asked = 0;
    // the first question is left hanging (a stuck proxy, a dead mobile link)
    await p.route('**/api/ask', (r) => { if (asked++ > 0) r.continue(); });
    await p.goto(url);
    await p.locator('#welcome').waitFor();
    const pb = p.locator('#log .msg.bot:not(#welcome)');
    await p.locator('#q').fill('¿Cuándo concluye la iniciativa?');
    await p.locator('#q').press('Enter');
    await p.locator('#typing').waitFor({ state: 'visible', timeout: 2000 });
    await p.locator('#q').fill('fondo fiduciario');
    await p.locator('#q').press('Enter');
    await sleep(500);
    await p.clock.runFor(60000);
    const err = p.locator('#log .msg.error').first();
    await err.waitFor({ timeout: 5000 });
    assert((await err.textContent()).includes(es.page_error), 'error: ' + await err.textContent());
    // the error is no bot's answer: the second question's is the first
    await pb.nth(0).waitFor({ timeout: 10000 });
    assert(/fiduciario/i.test(await pb.nth(0).textContent()), 'the next answer: ' + await pb.nth(0).textContent());
    assert(await p.locator('#typing').isHidden(), 'the typing dots stay on');
    // a screen reader hears the word alone, not "clockwise open circle arrow"
    const said = await p.accessibility.snapshot({ root: await err.locator('button.retry').elementHandle() });
    assert(said && said.name === es.page_send, 'the retry button is read as ' + JSON.stringify(said && said.name));
    await err.locator('button.retry').click();
    await pb.nth(1).waitFor({ timeout: 10000 });
    assert((await pb.nth(1).textContent()).includes('2022'), 'retried: ' + await pb.nth(1).textContent());
    await p.close();
  });

  // ---- the conversation kept for the tab (sessionStorage) ----
  const store = 'faqbot:' + new URL(url).pathname;
  async function freshPage(opts) {
    const ctx = await browser.newContext(Object.assign({
      locale: 'es-ES', viewport: { width: 1280, height: 800 },
      extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' },
    }, opts || {}));
    const p = await ctx.newPage();
    const errs = [];
    p.on('pageerror', (e) => errs.push(e.message));
    await p.goto(url);
    await p.locator('#q[placeholder]').waitFor();
    return [p, errs];
  }
  async function ask(p, q) {
    const b = p.locator('#log .msg.bot:not(#welcome)'), before = await b.count();
    await p.locator('#q').fill(q);
    await p.locator('#q').press('Enter');
    await b.nth(before).waitFor({ timeout: 10000 });
    return b.nth(before);
  }
  const atEnd = (p) => p.evaluate(() => { const l = document.getElementById('log'); return l.scrollTop + l.clientHeight >= l.scrollHeight - 2; });

  await check('a reload keeps the conversation: turns, language, suggestions that ask, scroll at the end, focus in the box', async () => {
    const [p, errs] = await freshPage({ viewport: { width: 800, height: 500 } });
    await ask(p, '¿Cuándo concluye la iniciativa?');
    await ask(p, '¿Qué es la iniciativa?');
    await ask(p, 'how long will the initiative last');
    await p.locator('#q[placeholder="' + en.page_placeholder + '"]').waitFor({ timeout: 5000 });
    const before = await p.locator('#log').innerText();
    await p.reload();
    await p.locator('#log .msg.bot:not(#welcome)').nth(2).waitFor({ timeout: 5000 });
    assert(await p.locator('#log .msg.user').count() === 3, 'questions after reload: ' + await p.locator('#log .msg.user').count());
    assert(await p.locator('#log').innerText() === before, 'the log differs after the reload');
    assert(await p.getAttribute('html', 'lang') === 'en', 'page language ' + await p.getAttribute('html', 'lang'));
    assert(await atEnd(p), 'not scrolled to the end');
    assert(await p.evaluate(() => document.activeElement.id) === 'q', 'focus is not in the box');
    // the next question still carries the conversation's language
    const sent = p.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await ask(p, 'ok');
    assert(JSON.parse((await sent).postData()).prev_lang === 'en', 'prev_lang ' + (await sent).postData());
    // a restored suggestion asks its question
    const alt = p.locator('#log .msg.bot .alts button').first();
    const q = await alt.textContent();
    await alt.click();
    await p.locator('#log .msg.bot:not(#welcome)').nth(4).waitFor({ timeout: 10000 });
    const users = await p.locator('#log .msg.user').allTextContents();
    assert(users[4] === q, 'the suggestion asked ' + users[4]);
    const kept = await p.evaluate((k) => JSON.parse(sessionStorage.getItem(k)), store);
    assert(kept && kept.turns.length === 5, 'kept ' + (kept && kept.turns.length) + ' turns');
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('"new conversation": first in the tab order, named in the page\'s language, forgets the log and the tab\'s copy', async () => {
    const [p, errs] = await freshPage();
    await ask(p, '¿Cuándo concluye la iniciativa?');
    const b = p.locator('#new');
    assert(await b.isVisible(), 'no visible button');
    const name = async () => (await b.evaluate((e) => e.innerText || e.textContent)).trim();
    assert(await name() === es.page_new, 'named ' + await name());
    for (const lang of ['en', 'fr', 'de', 'pt', 'it', 'nl', 'sv']) {
      const m = await messages(lang);
      assert(m.page_new && m.page_new !== es.page_new, lang + ' page_new: ' + m.page_new);
    }
    await p.locator('#title').click();  // where Tab starts from
    await p.keyboard.press('Tab');
    assert(await p.evaluate(() => document.activeElement.id) === 'new', 'Tab reached ' + await p.evaluate(() => document.activeElement.id));
    await p.keyboard.press('Enter');
    assert(await p.locator('#log .msg').count() === 1, 'the log was not emptied');
    assert(await p.evaluate(() => document.activeElement.id) === 'q', 'focus not in the box');
    await p.reload();
    await p.locator('#q[placeholder]').waitFor();
    await sleep(300);
    assert(await p.locator('#log .msg').count() === 1, 'the conversation came back after a reload');
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('storage refused or full (private mode, quota): the chat answers all the same', async () => {
    for (const how of ['full', 'refused']) {
      const ctx = await browser.newContext({ locale: 'es-ES' });
      await ctx.addInitScript((h) => {
        if (h === 'full') {
          Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
        } else {
          Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('no', 'SecurityError'); } });
        }
      }, how);
      const p = await ctx.newPage();
      const errs = [];
      p.on('pageerror', (e) => errs.push(e.message));
      await p.goto(url);
      const a = await ask(p, '¿Cuándo concluye la iniciativa?');
      assert((await a.textContent()).includes('2022'), how + ': ' + await a.textContent());
      await p.locator('#new').click();
      await ask(p, 'país precursor');
      assert(errs.length === 0, how + ': ' + errs.join('; '));
      await ctx.close();
    }
  });

  await check('a language chosen in the tab that the FAQ no longer holds (rebuilt without it) is let go: the question is answered, not refused', async () => {
    const [p, errs] = await freshPage();
    await p.evaluate((k) => sessionStorage.setItem(k, JSON.stringify({ lang: 'fi', forced: 'fi', turns: [] })), store);
    await p.reload();
    const a = await ask(p, '¿Cuándo concluye la iniciativa?');
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    const kept = await p.evaluate((k) => JSON.parse(sessionStorage.getItem(k)), store);
    assert(kept.forced === null, 'the choice kept: ' + kept.forced);
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('a tampered copy in the tab\'s storage is shown as text and runs nothing', async () => {
    const [p, errs] = await freshPage();
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2<\/script>';
    await p.evaluate(([k, e]) => sessionStorage.setItem(k, JSON.stringify({ lang: 'constructor', turns: [
      { q: e, l: '__proto__', a: { outcome: 'answer', question: e, lang: 'es" onclick="window.pwned=3',
                   answer_html: '<p>Bien <em>dicho</em> ' + e + '<a href="javascript:window.pwned=4">enlace</a>' +
                     '<a href="https://example.org/x" onclick="window.pwned=5">web</a><svg onload="window.pwned=6"></svg>' +
                     '<iframe srcdoc="<script>parent.pwned=7<\/script>"></iframe><form><button formaction="javascript:1">b</button></form></p>',
                   alternatives: [{ question: e }], matched: ['bien'] } },
      { q: 5, a: null }, null, { q: 'mal', a: { outcome: 'answer', answer_html: 'x', matched: [7] } },
    ] })), [store, evil]);
    await p.reload();
    await p.locator('#log .msg.bot:not(#welcome)').first().waitFor({ timeout: 5000 });
    await sleep(300);
    assert(await p.evaluate(() => window.pwned) === undefined, 'script ran: ' + await p.evaluate(() => window.pwned));
    assert(await p.locator('#log .msg.user').first().textContent() === evil, 'the question is not shown as text');
    const body = p.locator('#log .msg.bot:not(#welcome) .answer').first();
    assert(await body.locator('img[onerror], script, svg, iframe, form, button, [onclick]').count() === 0, 'kept: ' + await body.innerHTML());
    assert(await body.locator('em').count() === 1 && await body.locator('mark').count() === 1, 'formatting lost: ' + await body.innerHTML());
    const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(hrefs.length === 2 && hrefs[0] === null && hrefs[1] === 'https://example.org/x', 'links: ' + hrefs);
    assert(await p.locator('#log .alts button').first().textContent() === evil, 'the suggestion is not text');
    assert(await p.locator('#log .msg.bot:not(#welcome)').count() === 1, 'the unreadable turns were shown');
    assert(await p.textContent('#welcome') === es.page_welcome, 'the page lost its texts: ' + await p.textContent('#welcome'));
    const a = await ask(p, '¿Cuándo concluye la iniciativa?');
    assert((await a.textContent()).includes('2022'), 'answer: ' + await a.textContent());
    // an unreadable copy is no conversation at all
    await p.evaluate((k) => sessionStorage.setItem(k, '{"turns": [ {'), store);
    await p.reload();
    await ask(p, 'país precursor');
    assert(await p.evaluate(() => window.pwned) === undefined, 'script ran');
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('a question in Arabic or Hebrew reads from the right: in the box, in its bubble, restored, and on the page without JavaScript', async () => {
    const [p, errs] = await freshPage();
    const dir = (sel) => p.evaluate((s) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).direction).join(' '), sel);
    await p.locator('#q').fill('ما هي المبادرة؟');
    assert(await dir('#q') === 'rtl', 'the box: ' + await dir('#q'));
    await p.locator('#q').press('Enter');
    await p.locator('#log .msg.bot:not(#welcome)').first().waitFor({ timeout: 10000 });
    await ask(p, 'מהי היוזמה?');
    await ask(p, '¿Qué es la iniciativa?');
    assert(await dir('#log .msg.user') === 'rtl rtl ltr', 'bubbles: ' + await dir('#log .msg.user'));
    await p.reload();
    await p.locator('#log .msg.bot:not(#welcome)').nth(2).waitFor({ timeout: 10000 });
    assert(await dir('#log .msg.user') === 'rtl rtl ltr', 'restored bubbles: ' + await dir('#log .msg.user'));
    await p.goto(url + 'ask?q=' + encodeURIComponent('ما هي المبادرة؟'));
    assert(await dir('.msg.user') === 'rtl', 'the page without JavaScript: ' + await dir('.msg.user'));
    assert(await dir('input[name=q]') === 'ltr', 'the empty box of the page without JavaScript');
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('an Arabic page reads from the right: the page, the bot\'s bubbles, its suggestions; an answer in a left-to-right language keeps its own direction; the matched words marked as the server folds them', async () => {
    // an Arabic FAQ's texts (the served FAQ holds no Arabic): lang/ar's, the server's other fields
    const ar = Object.assign({}, es, { lang: 'ar', text_lang: 'ar', text_dir: 'rtl' }, Object.fromEntries(
      readFileSync(join(webDir, '..', 'lang', 'ar', 'messages.txt'), 'utf8').split('\n')
        .filter((l) => / = /.test(l) && !l.startsWith('#')).map((l) => l.split(' = '))));
    const ctx = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 800 } });
    await ctx.route('**/api/messages*', (r) => /lang=(?!ar)/.test(r.request().url()) ? r.continue()
      : r.fulfill({ contentType: 'application/json', body: JSON.stringify(ar) }));
    // the page as an Arabic FAQ's server serves it: its language field Arabic (the script starts from it)
    await ctx.route(url, async (r) => {
      const resp = await r.fetch();
      r.fulfill({ response: resp, body: (await resp.text()).replace(/(id="lang-field" value=")[^"]*/, '$1ar') });
    });
    const p = await ctx.newPage(), errs = [];
    p.on('pageerror', (e) => errs.push(e.message));
    await p.goto(url);
    await p.locator('#q[placeholder]').waitFor();
    const dir = (sel) => p.evaluate((s) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).direction).join(' '), sel);
    assert(await p.evaluate(() => document.documentElement.lang) === 'ar', 'the page in Arabic');
    assert(await dir('html') === 'rtl' && await dir('#welcome') === 'rtl', 'page, welcome: ' + await dir('html') + ' ' + await dir('#welcome'));
    // an Arabic FAQ's answer (the served FAQ has none): the server's reply stands in
    await p.route('**/api/ask', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({
      outcome: 'answer', answered: true, id: 'fee', lang: 'ar', query_lang: 'ar', question: 'كم تكلفة بطاقة الإقامة؟',
      answer_html: '<p>الرسم ٥٠٠ دينار (timbre fiscal).</p>', matched: ['تكلفه', 'بطاقه', 'الاقامه'],
      alternatives: [{ id: 'fee', question: 'Combien coûte la carte de séjour ?', lang: 'fr' }] }) }));
    await p.fill('#q', 'كم تكلفه بطاقه الاقامه');
    await p.press('#q', 'Enter');
    const a = p.locator('#log .msg.bot:not(#welcome)').first();
    await a.waitFor({ timeout: 10000 });
    await p.unroute('**/api/ask');
    // the words matched, as the server folds them (ة as ه), marked in the entry's question
    const marked = await a.locator('.source mark').allTextContents();
    assert(marked.join(' ') === 'تكلفة بطاقة الإقامة', 'marked: ' + marked.join(' '));
    assert(await dir('#log .msg.bot:not(#welcome)') === 'rtl', 'the answer: ' + await dir('#log .msg.bot:not(#welcome)'));
    assert(await dir('#log .alts button') === 'ltr', 'a French suggestion: ' + await dir('#log .alts button'));
    // a Spanish question: its answer left to right, the page too; the Arabic one stays
    await p.fill('#q', '¿Qué es la iniciativa?');
    await p.press('#q', 'Enter');
    await p.locator('#log .msg.bot:not(#welcome)').nth(1).waitFor({ timeout: 10000 });
    assert(await dir('#log .msg.bot:not(#welcome)') === 'rtl ltr', 'answers: ' + await dir('#log .msg.bot:not(#welcome)'));
    assert(await dir('html') === 'ltr', 'the page in Spanish: ' + await dir('html'));
    await p.screenshot({ path: shots + '/browser-arabic.png' });
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('printed, in either scheme: the whole conversation on paper, dark ink, no controls (the log\'s scroll box held one screen)', async () => {
    for (const scheme of ['light', 'dark']) {
      const [p, errs] = await freshPage({ colorScheme: scheme, viewport: { width: 800, height: 500 } });
      for (const q of ['¿Qué es la iniciativa?', '¿Cuándo concluye la iniciativa?', '¿Qué es un país precursor?']) await ask(p, q);
      await p.emulateMedia({ media: 'print', colorScheme: scheme });
      const got = await p.evaluate(() => {
        const l = document.getElementById('log'), u = document.querySelector('#log .msg.user');
        const lum = (c) => { const [r, g, b] = c.match(/\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
        const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
        return { clipped: l.scrollHeight - l.clientHeight, user: lum(getComputedStyle(u).color),
                 bot: lum(getComputedStyle(document.querySelector('#log .msg.bot .answer')).color),
                 controls: ['#ask', '#new', '#lang-box', '.vote'].filter(shown) };
      });
      assert(got.clipped <= 2, scheme + ': the log is cut by ' + got.clipped + ' px');
      assert(got.user < 0.3 && got.bot < 0.3, scheme + ': ink too light on paper: ' + JSON.stringify(got));
      assert(got.controls.length === 0, scheme + ': controls printed: ' + got.controls.join(' '));
      const pdf = (await p.pdf({ format: 'A4' })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert(pages >= 2, scheme + ': ' + pages + ' printed page(s) for three long answers');
      assert(errs.length === 0, errs.join('; '));
      await p.context().close();
    }
  });

  await check('in forced colors (Windows high contrast): the bubbles and the send button keep an outline (screenshot)', async () => {
    const [p, errs] = await freshPage({ forcedColors: 'active', colorScheme: 'dark', viewport: { width: 800, height: 600 } });
    await ask(p, '¿Cuándo concluye la iniciativa?');
    // the system's colours replace the backgrounds that drew them
    const bare = await p.evaluate(() => ['#welcome', '#log .msg.user', '#log .msg.bot:not(#welcome)', '#send']
      .filter((sel) => { const c = getComputedStyle(document.querySelector(sel)); return c.borderTopStyle === 'none' || c.borderTopWidth === '0px'; }));
    await p.screenshot({ path: shots + '/browser-forced-colors.png', animations: 'disabled' });
    assert(bare.length === 0, 'no outline: ' + bare.join(', '));
    assert(errs.length === 0, errs.join('; '));
    await p.context().close();
  });

  await check('axe-core: no WCAG A/AA or best-practice violation, phone and desktop, light and dark, empty and answered', async () => {
    const found = [];
    for (const [w, h] of [[1280, 800], [390, 844]]) {
      for (const scheme of ['light', 'dark']) {
        const [p] = await freshPage({ viewport: { width: w, height: h }, colorScheme: scheme, hasTouch: w < 500 });
        const settled = () => p.evaluate(() => Promise.all(document.getAnimations()
          .filter((a) => a.effect.getTiming().iterations !== Infinity).map((a) => a.finished)));
        for (const v of await axe(p)) found.push(w + ' ' + scheme + ' empty: ' + v);
        await ask(p, '¿Cuándo concluye la iniciativa?');
        await ask(p, 'zanahorias moradas en bicicleta');
        await settled();  // a bubble fading in is no contrast fault
        for (const v of await axe(p)) found.push(w + ' ' + scheme + ' answered: ' + v);
        await p.context().close();
      }
    }
    assert(found.length === 0, found.length + ' violations: ' + [...new Set(found)].slice(0, 6).join(' | '));
  });

  await check('nothing fetched from elsewhere, no script error, no CSP violation', async () => {
    assert(offsite.length === 0, 'off-site requests: ' + offsite.slice(0, 3));
    assert(problems.length === 0, problems.slice(0, 3).join('; '));
  });

  await check('the server gone: the page says so and offers to retry', async () => {
    const pid = Number(process.env.FAQBOT_PID);
    assert(pid > 0, 'FAQBOT_PID not given');
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100; i++) {
      try { await fetch(url + 'healthz'); } catch (e) { break; }
      await sleep(50);
    }
    assert(await messages('fr').catch(() => null) === null, 'the server is still up');
    const before = await page.locator('#log .msg.error').count();
    await page.locator('#q').fill('¿y cuándo termina?');
    await page.locator('#q').press('Enter');
    const err = page.locator('#log .msg.error').nth(before);
    await err.waitFor({ timeout: 10000 });
    const text = await err.textContent();
    assert(text.includes(fr.page_error), 'error: ' + text);
    assert(await err.locator('button.retry').count() === 1, 'no retry button');
    assert(await page.locator('#typing').isHidden(), 'the typing dots stay on');
  });
} finally {
  await browser.close();
}
console.log(`browser: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed ? 1 : 0);

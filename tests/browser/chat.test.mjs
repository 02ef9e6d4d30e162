// chat.test.mjs: the chat page in a real browser (Debian's chromium through
// playwright-core): ask by typing and Enter, see the right answer with its
// highlights, follow an alternative, get a decline, switch language, stay
// safe from HTML in questions, work without JavaScript; screenshots saved.
// Usage: node chat.test.mjs URL SCREENSHOT_DIR
import { chromium } from 'playwright-core';

const [url, shots] = process.argv.slice(2);
let passed = 0, failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
  }
}

function assert(cond, msg) { if (!cond) throw new Error(msg); }

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const context = await browser.newContext({ locale: 'es-ES', extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' } });
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const bots = page.locator('.msg.bot');

  async function askAndWait(q) {
    const before = await bots.count();
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await bots.nth(before).waitFor({ timeout: 10000 });
    return bots.nth(before);
  }

  await check('page loads with the Spanish texts', async () => {
    await page.goto(url);
    await page.locator('#q[placeholder*="pregunta"]').waitFor({ timeout: 10000 });
    const welcome = await page.textContent('#welcome');
    assert(/precursores/i.test(welcome), 'welcome: ' + welcome);
    assert(await page.getAttribute('#log', 'aria-live') === 'polite', 'log is not aria-live');
  });

  await check('typing a question and Enter gives the right answer', async () => {
    const a = await askAndWait('¿Cuándo concluye la iniciativa?');
    const text = await a.textContent();
    assert(text.includes('2022'), 'answer: ' + text);
    assert(text.includes('Respuesta a:') && text.includes('¿Cuándo concluye la iniciativa?'), 'source line missing: ' + text);
    assert(await a.locator('mark').count() > 0, 'no highlighted word');
    assert(await page.locator('#q:focus').count() === 1, 'focus left the text box');
  });

  await check('an alternative is a button that asks its question', async () => {
    const a = await askAndWait('países precursores y el fondo fiduciario');
    const buttons = a.locator('.alts button');
    assert(await buttons.count() > 0, 'no alternative buttons');
    const label = await buttons.first().textContent();
    const before = await bots.count();
    await buttons.first().click();
    await bots.nth(before).waitFor({ timeout: 10000 });
    const users = await page.locator('.msg.user').allTextContents();
    assert(users[users.length - 1] === label, 'asked ' + users[users.length - 1] + ' instead of ' + label);
  });

  await check('an off-topic question is declined', async () => {
    const a = await askAndWait('¿cómo hago una tortilla de patatas?');
    const text = await a.textContent();
    assert(/no tengo una respuesta/i.test(text), 'not declined: ' + text);
  });

  await check('an English question switches the page to English', async () => {
    const a = await askAndWait('how long will the initiative last');
    const text = await a.textContent();
    assert(text.includes('2022'), 'answer: ' + text);
    await page.locator('#q[placeholder*="question"]').waitFor({ timeout: 5000 });
  });

  await check('HTML in a question is shown as text, never run', async () => {
    const q = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    await askAndWait(q);
    const users = await page.locator('.msg.user').allTextContents();
    assert(users[users.length - 1] === q, 'question not shown verbatim');
    assert(await page.locator('.log img').count() === 0, 'an img element was created');
    assert(dialogs === 0, 'a dialog opened');
  });

  await check('screenshots (desktop and phone)', async () => {
    await page.screenshot({ path: shots + '/browser-desktop.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shots + '/browser-phone.png' });
  });

  await check('without JavaScript the form gets a server-rendered answer', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(url);
    await p.fill('input[name=q]', '¿Cuándo concluye la iniciativa?');
    await Promise.all([p.waitForURL(/\/ask\?/), p.press('input[name=q]', 'Enter')]);
    await p.locator('.msg.bot .answer').waitFor({ timeout: 5000 });
    const body = await p.textContent('body');
    assert(body.includes('2022'), 'no answer in the page');
    assert(p.url().includes('/ask?'), 'url: ' + p.url());
    await ctx.close();
  });
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

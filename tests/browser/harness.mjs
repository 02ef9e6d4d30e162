// harness.mjs: what the browser tests share: named checks with a tally,
// assert, sleep, and Debian's chromium launched through playwright-core.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

export const tally = { passed: 0, failed: 0, skipped: 0 };

// Runs one named check; a non-empty skipWhy skips it with that reason.
export async function check(name, fn, skipWhy) {
  if (skipWhy) {
    tally.skipped++;
    console.log('skip ' + name + ': ' + skipWhy);
    return;
  }
  try {
    await fn();
    tally.passed++;
    console.log('ok   ' + name);
  } catch (e) {
    tally.failed++;
    console.log('FAIL ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
  }
}

export function assert(cond, msg) { if (!cond) throw new Error(msg); }
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// axe-core's WCAG 2.1 A/AA and best-practice rules on the page (or on the
// elements of `include`, shadow roots searched); returns "rule: n× target"
// lines, one per violation.
const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
export async function axe(page, include) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (inc) => {
    const r = await window.axe.run(inc ? { include: inc } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => v.id + ': ' + v.nodes.length + '× ' +
                            v.nodes.slice(0, 2).map((n) => JSON.stringify(n.target) + ' ' +
                                                    (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160)).join(' '));
  }, include || null);
  return found;
}

// Bubbles of answer HTML as the chat page and the widget write them, put in
// log (a locator): a short inline code span at every place along the line
// from 0 to 39 letters in, a long one after it, a <pre> below. Returns the
// places where the short span broke across lines (`broken`), where the long
// one or the <pre> ran out of its bubble (`over`: past its edge, or the
// <pre>'s code past its box unscrolled), and whether the <pre> scrolls.
export function codeSpans(log) {
  return log.evaluate((l) => {
    const out = { broken: [], over: [], pre: false };
    for (let i = 0; i < 40; i++) {
      const m = document.createElement('div');
      m.className = 'msg bot';
      m.innerHTML = '<div class="answer"><p>' + 'a'.repeat(i) + ' Su número, como <code>SPK-2026-0042</code>, y ' +
        '<code>https://tramites.example.org/expedientes/consulta-de-estado-SPK-2026-0042-detalle</code>.</p>' +
        '<pre><code>faqbot index --corpus corpus --out faq.idx --memory 64</code></pre></div>';
      l.appendChild(m);
      const [short, long] = m.querySelectorAll('p code'), pre = m.querySelector('pre');
      const right = m.getBoundingClientRect().right, wide = pre.scrollWidth > pre.clientWidth;
      if (new Set([...short.getClientRects()].map((x) => Math.round(x.top))).size > 1) out.broken.push(i);
      if ([...long.getClientRects(), pre.getBoundingClientRect()].some((x) => x.right > right + 0.5) ||
          m.scrollWidth > m.clientWidth || (wide && getComputedStyle(pre).overflowX === 'visible')) out.over.push(i);
      if (i === 0) out.pre = wide;
    }
    return out;
  });
}

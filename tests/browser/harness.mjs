// harness.mjs: what the browser tests share: named checks with a tally,
// assert, sleep, and Debian's chromium launched through playwright-core.
import { chromium } from 'playwright-core';

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

// Shared by the browser benchmarks (tests/perf.mjs, tests/trace-drag.mjs): the
// synthetic designs, how a page is given one, and which component to drag.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;

/** `cloudwright synth N --seed 11` from the release CLI (built if missing). */
export function synthDesign(n) {
  const bin = join(ROOT, 'target/release/cloudwright');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '-q', '--release', '-p', 'cloudwright-cli'], { cwd: ROOT, stdio: 'inherit' });
  return execFileSync(bin, ['synth', String(n), '--seed', '11'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
}

/**
 * Puts `text` in the browser storage of `context` as the autosave, as a returning
 * user has it: written from a page of its own on the same site (one of its icons,
 * which loads no app), so nothing of the harness runs in the app's page while it
 * loads.
 */
export async function seedAutosave(context, url, text) {
  const page = await context.newPage();
  await page.goto(url + '/icons/users.svg');
  await page.evaluate((t) => localStorage.setItem('cloudwright.autosave.v1', t), text);
  await page.close();
}

/**
 * Records, in the page about to be opened, when `want` components are first on
 * the canvas: performance.now() in the animation frame that finds them (that
 * frame paints them). A few lines at document start, where polling from the
 * harness would inject its own script into the page while it loads.
 */
export async function recordDrawn(page, want) {
  await page.addInitScript((n) => {
    const tick = () => {
      if (document.querySelectorAll('g.node').length >= n) window.__drawn = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, want);
}

/** The time `recordDrawn` recorded, asked through the DevTools protocol (no script injected). */
export async function drawnAt(page, timeoutMs = 120_000) {
  const cdp = await page.context().newCDPSession(page);
  const until = Date.now() + timeoutMs;
  try {
    for (;;) {
      // While the page is still committing there may be no context to evaluate in: ask again.
      const answer = await cdp.send('Runtime.evaluate', { expression: 'window.__drawn', returnByValue: true }).catch(() => null);
      if (typeof answer?.result?.value === 'number') return answer.result.value;
      if (Date.now() > until) throw new Error('the design was not drawn in time');
      await new Promise((ok) => setTimeout(ok, 20));
    }
  } finally {
    await cdp.detach();
  }
}

/** The middle of the first component on screen, clear of the edges and not covered; null if none. */
export async function draggableComponent(page) {
  const area = await page.getByTestId('canvas').boundingBox();
  return page.evaluate((a) => {
    for (const box of document.querySelectorAll('g.node .node-box')) {
      const r = box.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (x < a.x + 40 || y < a.y + 40 || x > a.x + a.width - 200 || y > a.y + a.height - 200) continue;
      if (document.elementFromPoint(x, y)?.closest('g.node') === box.closest('g.node')) return { x, y };
    }
    return null;
  }, area);
}

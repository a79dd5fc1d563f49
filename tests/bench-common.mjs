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

/** Pages of `context` start with `text` as the autosave the app restores, as after a reload (the first page only). */
export async function seedAutosave(context, text) {
  await context.addInitScript((design) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.setItem('cloudwright.autosave.v1', design);
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, text);
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

// Browser benchmarks: the release build (dist/) served locally, Debian's
// Chromium driven by playwright-core, designs of 200, 1,000 and 5,000
// components made by `cloudwright synth`. A report, not a test: it never fails
// on a slow machine, only when the app cannot be driven at all.
//
//   node tests/perf.mjs [sizes...]          e.g. node tests/perf.mjs 200 1000
//
// For each size it measures:
//   load      navigation start → the animation frame that finds every component of
//             the design on the canvas, median of 5 loads (3 above 1,000 components)
//             in fresh browser contexts: a first visit, or the first after a deploy
//             (nothing in the HTTP cache, so the wasm is compiled as it runs). The
//             design is in browser storage beforehand, and the time is recorded in
//             the page (see bench-common.mjs: polling from the harness would run its
//             own script in the page while it loads)
//   reload    the same, reloading the last of those pages as many times: the files
//             and the code V8 compiled from the wasm come from the cache, as for a
//             user who comes back (tests/trace-load.mjs shows where either goes)
//   wasm in   navigation start → the page's wasm fully received (its resource
//             timing's responseEnd), median over the same loads: the part of the
//             load before any of the app's code can run
//   heap      JS heap in use after load (performance.memory)
//   drag      requestAnimationFrame gaps while one component is dragged (p50/p95/max),
//             and each frame's work (its start → the first task after it: the
//             frame's script, style, layout and paint), which shows the headroom
//             a gap pinned at the 16.7 ms refresh interval cannot
//   pan       the same while the background is dragged
//   drag all  the same while the same component is dragged after Select all (every
//             component and container moves: from 50 components up the canvas moves
//             a picture and the design once, at the drop), 30 moves; the drop's frame
//             is in the figures. Undone afterwards
//   edit      a workload edit in the inspector → the cost total shows the new figure
//   resilience  with the resilience panel open, a property edit (undo and redo of
//             "c6 not Multi-AZ", ten times) → the panel shows the new figures
//             (design sent to the analysis module, assessed, answer drawn);
//             median and max, and in how many edits the figures changed before
//             the first animation frame after the edit, i.e. that frame shows them
import { launch, startSite } from './e2e/harness.mjs';
import { draggableComponent, drawnAt, recordDrawn, seedAutosave, synthDesign } from './bench-common.mjs';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [200, 1000, 5000];
/** How many loads the load figure is the median of. */
const LOADS = (n) => (n <= 1000 ? 5 : 3);


function stats(gaps) {
  if (!gaps.length) return { n: 0, p50: NaN, p95: NaN, max: NaN };
  const s = [...gaps].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

/**
 * Starts recording, per frame, the gap since the previous frame and the frame's
 * work: from the frame's start to the first task after it, i.e. its
 * animation callbacks, style, layout and paint (a task cannot run in between).
 */
async function startFrames(page) {
  await page.evaluate(() => {
    window.__gaps = [];
    window.__work = [];
    let last = performance.now();
    const channel = new MessageChannel();
    let frameStart = 0;
    channel.port1.onmessage = () => window.__work.push(performance.now() - frameStart);
    const tick = (t) => {
      window.__gaps.push(t - last);
      last = t;
      frameStart = t;
      channel.port2.postMessage(0);
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
}

async function stopFrames(page) {
  return page.evaluate(() => {
    window.__recording = false;
    return { gaps: window.__gaps, work: window.__work };
  });
}

/** Presses at (x, y), moves in `steps` pointer events to (x+dx, y+dy), releases; returns frame stats. */
async function gesture(page, x, y, dx, dy, steps) {
  await startFrames(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  await page.mouse.up();
  await page.waitForTimeout(100);
  const { gaps, work } = await stopFrames(page);
  return { ...stats(gaps), work: stats(work) };
}

/** Opens the app on a design in a fresh browser context; returns the page and its load time. */
async function open(browser, url, file, expected) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await seedAutosave(context, url, file);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await recordDrawn(page, expected);
  await page.goto(url + '/', { waitUntil: 'commit' });
  const load = await drawnAt(page);
  const wasmIn = await page.evaluate(
    () => performance.getEntriesByType('resource').find((e) => /cloudwright-app-[^/]*_bg\.wasm$/.test(e.name))?.responseEnd ?? NaN,
  );
  return { context, page, errors, load, wasmIn };
}

async function measure(browser, url, n) {
  const file = synthDesign(n);
  const expected = JSON.parse(file).components.length;
  // A load varies by a quarter from one to the next on a busy machine: the median of several.
  const loads = [];
  const wasmIns = [];
  for (let i = 1; i < LOADS(n); i++) {
    const first = await open(browser, url, file, expected);
    loads.push(first.load);
    wasmIns.push(first.wasmIn);
    if (first.errors.length) throw new Error(first.errors.join('; '));
    await first.context.close();
  }
  const { context, page, errors, load: last, wasmIn: lastWasmIn } = await open(browser, url, file, expected);
  loads.push(last);
  wasmIns.push(lastWasmIn);
  const load = stats(loads).p50;
  const wasmIn = stats(wasmIns.filter(Number.isFinite)).p50;
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
  // Reloads of the same page: V8 keeps the compiled wasm once the module has run a while.
  const reloads = [];
  for (let i = 0; i < LOADS(n); i++) {
    await page.waitForTimeout(1500);
    await page.goto(url + '/', { waitUntil: 'commit' });
    reloads.push(await drawnAt(page));
  }
  const reload = stats(reloads).p50;
  // Interaction is measured once the page has settled: the icons fetched after the first render are in.
  await page.waitForLoadState('networkidle');

  // Drag the first component whose middle is on screen and not covered.
  const area = await page.getByTestId('canvas').boundingBox();
  const target = await draggableComponent(page);
  const drag = target ? await gesture(page, target.x, target.y, 150, 100, 60) : { ...stats([]), work: stats([]) };
  await page.keyboard.press('Escape');

  // Pan from an empty corner of the canvas.
  const pan = await gesture(page, area.x + 6, area.y + 6, 200, 120, 60);

  // Select all and drag the same component, then undo the move.
  let dragAll = { ...stats([]), work: stats([]) };
  const again = target && (await draggableComponent(page));
  if (again) {
    await page.keyboard.press('Control+a');
    await page.waitForTimeout(300);
    dragAll = await gesture(page, again.x, again.y, 150, 100, 30);
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
  }

  // Edit the workload (nothing selected: the inspector shows the design) and time the cost total.
  await page.keyboard.press('Escape');
  const rps = page.getByTestId('workload-rps');
  let edit = NaN;
  if (await rps.count()) {
    edit = await page.evaluate(async () => {
      const input = document.querySelector('[data-testid="workload-rps"]');
      const total = document.querySelector('[data-testid="cost-total"]');
      const before = total.textContent;
      const start = performance.now();
      const changed = new Promise((done) => {
        const seen = new MutationObserver(() => {
          if (total.textContent !== before) {
            seen.disconnect();
            done(performance.now() - start);
          }
        });
        seen.observe(total, { childList: true, characterData: true, subtree: true });
        setTimeout(() => done(NaN), 10_000);
      });
      input.value = String(Number(input.value) * 3 + 50);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return changed;
    });
  }
  // Make the first database (c6 in every synthetic design) single-AZ, open the
  // resilience panel and wait for its figures (the worker loads), then time the
  // undo of that edit until the panel's figures change.
  let resilience = stats([]);
  if (await page.getByTestId('tab-resilience').count()) {
    await page.getByTestId('zoom-fit').click();
    // At 5,000 components the fitted box is too small to click: then this is not measured.
    const clicked = await page.getByTestId('node-box-c6').click({ timeout: 3000 }).then(() => true, () => false);
    if (clicked) await page.getByTestId('prop-multi_az').uncheck();
    await page.getByTestId('tab-resilience').click();
    await page.getByTestId('rto-matrix').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    // Ten edits, undo and redo in turn, 300 ms apart: the answer can land in the edit's
    // own frame or the next one, so one edit alone says little. The median is reported.
    const times = [];
    for (let i = 0; clicked && i < 10; i++) {
      await page.waitForTimeout(300);
      times.push(
        await page.evaluate(async (redo) => {
          const figures = document.querySelector('[data-testid="resilience-figures"]');
          const start = performance.now();
          // The first frame after the edit: its callbacks run before its
          // style, layout and paint, so figures changed earlier are in it.
          const frame = new Promise((done) => requestAnimationFrame(() => done(performance.now() - start)));
          const redrawn = new Promise((done) => {
            const seen = new MutationObserver(() => {
              seen.disconnect();
              done(performance.now() - start);
            });
            seen.observe(figures, { childList: true, subtree: true, characterData: true });
            setTimeout(() => done(NaN), 10_000);
          });
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, shiftKey: redo, bubbles: true }));
          const [at, first] = await Promise.all([redrawn, frame]);
          return { at, inFrame: at <= first };
        }, i % 2 === 1),
      );
    }
    resilience = stats(times.map((t) => t.at).filter(Number.isFinite));
    resilience.inFrame = times.filter((t) => t.inFrame).length;
  }
  await context.close();
  return { n: expected, load, reload, wasmIn, heap, drag, pan, dragAll, edit, resilience, errors };
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const site = await startSite();
const browser = await launch();
const rows = [];
try {
  for (const n of SIZES) {
    const r = await measure(browser, site.url, n);
    rows.push(r);
    console.error(`perf: ${r.n} components measured`);
  }
} finally {
  await browser.close();
  await site.close();
}

console.log(`Browser benchmarks (${new Date().toISOString().slice(0, 10)}, headless Chromium, release build; ms unless noted)`);
console.log('');
console.log('| components | load, first visit (median) | reload (median) | wasm in (median) | JS heap MB | drag p50 / p95 / max (frames) | drag frame work p50 / p95 | pan p50 / p95 / max (frames) | edit → cost | edit → resilience p50 / max (edits) | resilience in the edit’s frame |');
console.log('|---:|---:|---:|---:|---:|---|---|---|---:|---:|---:|');
for (const r of rows) {
  const f = (s) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} (${s.n})`;
  const w = r.drag.work;
  console.log(`| ${r.n} | ${ms(r.load)} | ${ms(r.reload)} | ${ms(r.wasmIn)} | ${(r.heap / 1e6).toFixed(1)} | ${f(r.drag)} | ${ms(w.p50)} / ${ms(w.p95)} | ${f(r.pan)} | ${ms(r.edit)} | ${ms(r.resilience.p50)} / ${ms(r.resilience.max)} (${r.resilience.n}) | ${r.resilience.n ? `${r.resilience.inFrame} of ${r.resilience.n}` : '—'} |`);
}
console.log('');
console.log('| components | Select all, then drag: gap p50 / p95 / max (frames) | frame work p50 / p95 |');
console.log('|---:|---|---|');
for (const r of rows) {
  const s = r.dragAll;
  console.log(`| ${r.n} | ${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} (${s.n}) | ${ms(s.work.p50)} / ${ms(s.work.p95)} |`);
}
const broken = rows.filter((r) => r.errors.length || !r.drag.n);
for (const r of broken) console.error(`perf: ${r.n} components: ${r.errors.join('; ') || 'no component could be dragged'}`);
process.exit(broken.length ? 1 : 0);

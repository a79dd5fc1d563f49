// Where a drag's frames go: Chromium's own timeline (CDP Tracing, categories
// devtools.timeline and cc) while one component is dragged in 60 pointer moves
// on a synthetic design: the press and the 150 ms after it, the moves (summed
// per move), and the release and the 150 ms after it. A report, not a test;
// BENCHMARKS.md quotes it for the canvas layers.
//
//   node tests/trace-drag.mjs [components] [--pan]   default 5000; needs dist/ built
//
// With --pan, the drag starts on an empty corner of the canvas: the view pans.
//
// Main thread: FunctionCall (the app's script), UpdateLayoutTree (style),
// Layout, PrePaint, Paint (recording the display list), Layerize (turning it
// into composited layers). Raster threads: RasterTask (pixels of what changed).
import { launch, startSite } from './e2e/harness.mjs';
import { draggableComponent, seedAutosave, synthDesign } from './bench-common.mjs';

const pan = process.argv.includes('--pan');
const n = Number(process.argv.slice(2).find((a) => a !== '--pan') ?? 5000);
const MOVES = 60;
const file = synthDesign(n);

const site = await startSite();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await seedAutosave(context, site.url, file);
  const page = await context.newPage();
  await page.goto(site.url + '/');
  const expected = JSON.parse(file).components.length;
  await page.waitForFunction((want) => document.querySelectorAll('g.node').length >= want, expected, { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const area = await page.getByTestId('canvas').boundingBox();
  const target = pan ? { x: area.x + 6, y: area.y + 6 } : await draggableComponent(page);
  if (!target) throw new Error('no component can be dragged');

  const cdp = await context.newCDPSession(page);
  const threads = new Map();
  const wanted = {
    CrRendererMain: ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'],
    raster: ['RasterTask'],
  };
  /** Runs `act` under a trace; returns ms per event kind, keyed 'thread | event'. */
  async function traced(act) {
    const events = [];
    const collect = (d) => events.push(...d.value);
    cdp.on('Tracing.dataCollected', collect);
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc', transferMode: 'ReportEvents' });
    await act();
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
    const sums = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur) continue;
      const thread = threads.get(`${e.pid}:${e.tid}`) ?? '';
      const where = thread === 'CrRendererMain' ? 'CrRendererMain' : 'raster';
      if (!wanted[where].includes(e.name)) continue;
      const key = `${where === 'raster' ? 'raster threads' : 'main thread'} | ${e.name}`;
      sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
    }
    return sums;
  }
  await page.mouse.move(target.x, target.y);
  await page.waitForTimeout(200);
  // The press and the first frames after it; the moves; the release and the frames after it.
  const press = await traced(async () => {
    await page.mouse.down();
    await page.waitForTimeout(150);
  });
  const moves = await traced(async () => {
    for (let i = 1; i <= MOVES; i++) await page.mouse.move(target.x + (150 * i) / MOVES, target.y + (100 * i) / MOVES);
  });
  const drop = await traced(async () => {
    await page.mouse.up();
    await page.waitForTimeout(150);
  });

  const what = pan ? 'Pan of the view' : 'Drag of one component';
  console.log(`${what}, ${n} components, ${MOVES} moves (${new Date().toISOString().slice(0, 10)}): ms`);
  console.log('');
  console.log('| where | event | press (150 ms) | per move | release (150 ms) |');
  console.log('|---|---|---:|---:|---:|');
  const keys = [...new Set([...press.keys(), ...moves.keys(), ...drop.keys()])];
  keys.sort((a, b) => (moves.get(b) ?? 0) - (moves.get(a) ?? 0));
  const ms = (v) => (v ?? 0).toFixed(1);
  for (const key of keys) {
    const [where, name] = key.split(' | ');
    console.log(`| ${where} | ${name} | ${ms(press.get(key))} | ${ms((moves.get(key) ?? 0) / MOVES)} | ${ms(drop.get(key))} |`);
  }
  await context.close();
} finally {
  await browser.close();
  await site.close();
}

// Where a drag's frames go: Chromium's own timeline (CDP Tracing, categories
// devtools.timeline and cc) while one component is dragged in 60 pointer moves
// on a synthetic design, summed per move. A report, not a test; BENCHMARKS.md
// quotes it for the canvas layers.
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
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc', transferMode: 'ReportEvents' });
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(target.x + (150 * i) / MOVES, target.y + (100 * i) / MOVES);
  await page.mouse.up();
  await page.waitForTimeout(100);
  await cdp.send('Tracing.end');
  await complete;

  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const wanted = {
    CrRendererMain: ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'],
    raster: ['RasterTask'],
  };
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '';
    const where = thread === 'CrRendererMain' ? 'CrRendererMain' : 'raster';
    if (!wanted[where].includes(e.name)) continue;
    const key = `${where === 'raster' ? 'raster threads' : 'main thread'} | ${e.name}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
  }
  const what = pan ? 'Pan of the view' : 'Drag of one component';
  console.log(`${what}, ${n} components, ${MOVES} moves: ms per move (${new Date().toISOString().slice(0, 10)})`);
  console.log('');
  console.log('| where | event | ms per move |');
  console.log('|---|---|---:|');
  for (const [key, total] of [...sums.entries()].sort((a, b) => b[1] - a[1])) {
    const [where, name] = key.split(' | ');
    console.log(`| ${where} | ${name} | ${(total / MOVES).toFixed(1)} |`);
  }
  await context.close();
} finally {
  await browser.close();
  await site.close();
}

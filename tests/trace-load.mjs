// Where a load's time goes: Chromium's own timeline (CDP Tracing) from
// navigation to the frame that shows every component of a synthetic design
// already in browser storage (`cloudwright synth N --seed 11`). Prints when each
// file was asked for and had arrived, the page's main-thread time by kind, the
// wasm compiler's work, and the main thread's longest pieces in order (with
// --timeline, everything of the page's over 2 ms on any of its threads). A
// report, not a test; BENCHMARKS.md quotes it for the first render.
//
//   node tests/trace-load.mjs [components] [--runs N] [--reload] [--timeline]
//
// Default 200 components, 3 runs; needs dist/ built. Each run is a first visit
// (nothing in the HTTP cache, so the wasm is compiled as it arrives), or with
// --reload the second load in the same context (the files and V8's compiled
// code come from the cache).
import { launch, startSite } from './e2e/harness.mjs';
import { recordDrawn, seedAutosave, synthDesign } from './bench-common.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs') ?? 200);
const reload = args.includes('--reload');
const timeline = args.includes('--timeline');
const file = synthDesign(n);
const expected = JSON.parse(file).components.length;

const KINDS = ['ParseHTML', 'EvaluateScript', 'v8.compileModule', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame',
  'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'ParseAuthorStyleSheet'];

const site = await startSite();
const browser = await launch();
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await seedAutosave(context, site.url, file);
    const page = await context.newPage();
    await recordDrawn(page, expected);
    if (reload) {
      await page.goto(site.url + '/');
      await page.waitForFunction(() => typeof window.__drawn === 'number', null, { timeout: 120_000 });
      // V8 keeps the compiled code once the module has run a while.
      await page.waitForTimeout(2000);
    }
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm,disabled-by-default-v8.wasm.detailed,blink.user_timing,loading',
      transferMode: 'ReportEvents',
    });
    await page.goto(site.url + '/', { waitUntil: 'commit' });
    await page.waitForFunction(() => typeof window.__drawn === 'number', null, { timeout: 120_000 });
    const drawn = await page.evaluate(() => window.__drawn);
    await page.waitForTimeout(100);
    await cdp.send('Tracing.end');
    await complete;

    const threads = new Map();
    for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
    const t0 = nav ? nav.ts : Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
    const end = t0 + drawn * 1000;
    // The page's own renderer (Chromium's other pages, its WebUI among them, have theirs).
    const pid = nav?.pid;
    const main = events.filter((e) => e.pid === pid && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && e.ts >= t0 && e.ts <= end);
    // Busy time by kind, counting only top-level events of each kind.
    const sums = new Map();
    const spans = [];
    for (const e of main) {
      if (!KINDS.includes(e.name) || !e.dur) continue;
      const inside = spans.some((s) => s.name === e.name && e.ts >= s.ts && e.ts < s.ts + s.dur);
      if (inside) continue;
      spans.push(e);
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    }
    const wasm = events.filter((e) => e.pid === pid && /wasm/i.test(e.name) && e.ph === 'X' && e.dur);
    const wasmSums = new Map();
    for (const e of wasm) wasmSums.set(e.name, (wasmSums.get(e.name) ?? 0) + e.dur / 1000);
    const receives = events.filter((e) => e.pid === pid && e.name === 'ResourceSendRequest');
    console.log(`\nrun ${run}: drawn at ${drawn.toFixed(1)} ms after navigation (${expected} components)`);
    for (const r of receives) {
      const url = r.args?.data?.url ?? '';
      const id = r.args?.data?.requestId;
      const fin = events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === id);
      // (The document's own finish time is on another clock: left out.)
      const done = fin?.args?.data?.finishTime && !r.args?.data?.isLinkPreload && !url.endsWith('/') ? ` → received ${(fin.args.data.finishTime * 1000 - t0 / 1000).toFixed(1)} ms` : '';
      console.log(`  ${((r.ts - t0) / 1000).toFixed(1).padStart(7)} ms  request ${url.split('/').pop() || '/'}${done}`);
    }
    console.log('  main thread, top-level ms by kind:');
    for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`    ${k.padEnd(22)} ${v.toFixed(1)}`);
    console.log('  wasm compilation on the page\'s threads, ms (nested events overlap):');
    for (const [k, v] of [...wasmSums].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${k.padEnd(40)} ${v.toFixed(1)}`);
    console.log('  the main thread\'s pieces over 4 ms, in order:');
    for (const e of spans.filter((s) => s.dur > 4000).sort((a, b) => a.ts - b.ts)) {
      const detail = e.args?.data?.url?.split('/').pop() ?? e.args?.data?.functionName ?? '';
      console.log(`    ${((e.ts - t0) / 1000).toFixed(1).padStart(7)} ms  ${e.name.padEnd(20)} ${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${detail}`);
    }
    if (timeline) {
      for (const e of events.filter((e) => e.pid === pid && e.ph === 'X' && e.dur > 2000 && e.ts >= t0 && e.ts <= end).sort((a, b) => a.ts - b.ts))
        console.log(`      ${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)}  ${(threads.get(`${e.pid}:${e.tid}`) ?? e.tid).toString().padEnd(24)} ${e.name}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

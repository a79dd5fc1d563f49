// Exports: each downloads a non-empty file, and the real tools open them:
// Mermaid renders the diagram, mxGraph (draw.io's engine) decodes the XML, the
// SVG parses as XML without script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSite, cliJson, cliText } from './harness.mjs';

const app = useSite();
const MODULES = new URL('../node_modules/', import.meta.url).pathname;

/**
 * `@excalidraw/excalidraw`'s restore functions as one browser script, bundled
 * with esbuild from the npm package (the package is an ES module for bundlers).
 */
async function excalidrawBundle() {
  const out = join(tmpdir(), 'cloudwright-excalidraw-restore-0.18.1.js');
  if (existsSync(out)) return out;
  const { build } = await import(join(MODULES, 'esbuild/lib/main.js'));
  await build({
    stdin: { contents: "import { restore } from '@excalidraw/excalidraw'; window.excalidrawRestore = restore;", resolveDir: MODULES, loader: 'js' },
    bundle: true,
    format: 'iife',
    outfile: out,
    loader: { '.css': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.svg': 'empty', '.png': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.IS_PREACT': '"false"' },
    logLevel: 'error',
  });
  return out;
}

/** Picks `format` in the Export menu and returns the downloaded file's name and text. */
async function exported(page, format) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').selectOption(format)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Opens a design file in the app, as a user picking it would. */
async function openDesign(page, design) {
  await page.getByTestId('file-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await page.waitForFunction((n) => document.querySelectorAll('g.node').length === n, design.components.length);
}

test('each export downloads a non-empty file named after the design', async () => {
  const { page, context, problems } = await app.ready();
  const expected = { svg: '.svg', mermaid: '.mmd', drawio: '.drawio', excalidraw: '.excalidraw', markdown: '.md', 'cost-csv': '.cost.csv', png: '.png' };
  const offered = await page.getByTestId('export').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(offered, Object.keys(expected));
  const texts = {};
  let png;
  for (const [format, ending] of Object.entries(expected)) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').selectOption(format)]);
    assert.equal(download.suggestedFilename(), `three-tier-web-app${ending}`);
    const bytes = readFileSync(await download.path());
    assert.ok(bytes.length > 100, `${format} is not empty`);
    texts[format] = bytes.toString('utf8');
    if (format === 'png') png = bytes;
  }
  // The PNG is the SVG drawn at twice its size: a real PNG of those pixels.
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const svgSize = texts.svg.match(/width="([\d.]+)" height="([\d.]+)"/).slice(1).map(Number);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], svgSize.map((v) => Math.round(v * 2)));
  // The CSV's lines add up to the cost model's total, as the CLI computes it.
  const total = cliJson('cost', '--json', join(new URL('../../', import.meta.url).pathname, 'core/data/examples/three-tier.json')).total_monthly;
  const csv = texts['cost-csv'];
  const sum = csv.trim().split('\n').slice(1).reduce((s, l) => s + Number(l.split(',').at(-1)), 0);
  assert.ok(Math.abs(sum - total) < 0.05, `the CSV adds up to the total (${sum} vs ${total})`);
  // The report (written by the analysis worker) is the CLI's, word for word.
  assert.equal(texts.markdown, cliText('export', 'markdown', join(new URL('../../', import.meta.url).pathname, 'core/data/examples/three-tier.json'), '--policy', 'critical'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the real tools open the exports: Mermaid renders one node per component, mxGraph decodes every vertex and edge, Excalidraw restores every element, the SVG is free of script', async () => {
  const { page, context, problems } = await app.ready();
  const design = cliJson('synth', '60', '--seed', '5');
  design.components[0].label = '<img src=x onerror=alert(1)> [bad] | "quoted"';
  await openDesign(page, design);
  const mermaidText = (await exported(page, 'mermaid')).text;
  const drawioText = (await exported(page, 'drawio')).text;
  const svgText = (await exported(page, 'svg')).text;
  const excalidrawText = (await exported(page, 'excalidraw')).text;

  const tools = await context.newPage();
  await tools.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await tools.addScriptTag({ path: join(MODULES, 'mermaid/dist/mermaid.min.js') });
  const rendered = await tools.evaluate(async (text) => {
    mermaid.initialize({ startOnLoad: false });
    try {
      await mermaid.parse(text);
      const { svg } = await mermaid.render('exported', text);
      const out = document.getElementById('out');
      out.innerHTML = svg;
      return { services: out.querySelectorAll('.architecture-service').length, edges: out.querySelectorAll('.architecture-edges .edge').length };
    } catch (e) {
      return { error: String(e) };
    }
  }, mermaidText);
  assert.equal(rendered.error, undefined, `mermaid could not read it: ${rendered.error}`);
  assert.equal(rendered.services, design.components.length, 'one node per component');

  await tools.addScriptTag({ content: 'window.mxBasePath = "/"; window.mxLoadResources = false; window.mxLoadStylesheets = false;' });
  await tools.addScriptTag({ path: join(MODULES, 'mxgraph/javascript/mxClient.min.js') });
  const decoded = await tools.evaluate((xml) => {
    const doc = mxUtils.parseXml(xml);
    const model = new mxGraphModel();
    new mxCodec(doc).decode(doc.getElementsByTagName('mxGraphModel')[0], model);
    const cells = Object.values(model.cells);
    return {
      vertices: cells.filter((c) => model.isVertex(c)).length,
      edges: cells.filter((c) => model.isEdge(c) && c.source && c.target).length,
      nested: cells.filter((c) => model.isVertex(c) && c.parent && model.isVertex(c.parent)).length,
    };
  }, drawioText);
  assert.equal(decoded.vertices, design.components.length + design.containers.length);
  assert.equal(decoded.edges, design.links.length, 'every edge joins its two components');
  assert.ok(decoded.nested > 0, 'containers hold their contents as groups');

  const svg = await tools.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      scripts: doc.querySelectorAll('script, foreignObject').length,
      handlers: [...doc.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      boxes: doc.querySelectorAll('g[transform]').length,
    };
  }, svgText);
  assert.deepEqual(svg, { error: null, scripts: 0, handlers: 0, boxes: design.components.length });

  // Excalidraw's own restore (what its editor runs on a loaded file) keeps every element:
  // a box and its text per component, a frame and its name per container, an arrow per link,
  // each arrow still bound to its two boxes.
  await tools.addScriptTag({ path: await excalidrawBundle() });
  const restored = await tools.evaluate((text) => {
    const scene = JSON.parse(text);
    const r = window.excalidrawRestore(scene, null, null);
    return {
      given: scene.elements.length,
      count: r.elements.length,
      arrowsBound: r.elements.filter((e) => e.type === 'arrow' && e.startBinding && e.endBinding).length,
      labelled: r.elements.filter((e) => e.type === 'text' && e.containerId).length,
      hostile: r.elements.some((e) => e.type === 'text' && e.text.includes('<img src=x onerror=alert(1)>')),
    };
  }, excalidrawText);
  assert.equal(restored.count, restored.given, 'restore keeps every element');
  assert.equal(restored.given, 2 * design.components.length + 2 * design.containers.length + design.links.length);
  assert.equal(restored.arrowsBound, design.links.length);
  assert.equal(restored.labelled, design.components.length);
  assert.ok(restored.hostile, 'a hostile label is kept as plain text');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a collapsed container exports as the canvas shows it: the SVG and PNG draw its header alone, draw.io opens it collapsed and expands it', async () => {
  const { page, context, problems } = await app.ready();
  const before = (await exported(page, 'svg')).text;
  // The VPC holds the three subnets and, in them, everything but the users.
  await page.getByTestId('container-toggle-g2').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="container-g2"]').classList.contains('collapsed'));
  const svgText = (await exported(page, 'svg')).text;
  const drawioText = (await exported(page, 'drawio')).text;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').selectOption('png')]);
  const png = readFileSync(await download.path());

  const tools = await context.newPage();
  await tools.setContent('<!doctype html><html><body><div id="out" style="width:800px;height:600px"></div></body></html>');
  const drawn = await tools.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      boxes: [...doc.querySelectorAll('g[transform] text')].map((t) => t.textContent).filter((_, i) => i % 2 === 0),
      lines: doc.querySelectorAll('line').length,
      headers: [...doc.querySelectorAll('svg > text')].map((t) => t.textContent),
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, svgText);
  assert.deepEqual(drawn.boxes, ['Users'], 'what the VPC holds is not drawn');
  assert.equal(drawn.lines, 1, 'the links inside the VPC go; the users’ link stays');
  assert.ok(drawn.headers.includes('▸ VPC 10.0.0.0/16 (6 inside)'), drawn.headers.join(' | '));
  assert.equal(png.readUInt32BE(20), Math.round(drawn.height * 2), 'the PNG is that picture');
  assert.ok(before.includes('Orders DB') && !svgText.includes('Orders DB'));

  // draw.io's engine (mxGraph) reads the VPC as collapsed, draws the users'
  // link to it while it is, and restores its frame when it is expanded.
  await tools.addScriptTag({ content: 'window.mxBasePath = "/"; window.mxLoadResources = false; window.mxLoadStylesheets = false;' });
  await tools.addScriptTag({ path: join(MODULES, 'mxgraph/javascript/mxClient.min.js') });
  const folded = await tools.evaluate((xml) => {
    const graph = new mxGraph(document.getElementById('out'));
    const model = graph.getModel();
    const doc = mxUtils.parseXml(xml);
    new mxCodec(doc).decode(doc.getElementsByTagName('mxGraphModel')[0], model);
    graph.refresh();
    const vpc = model.getCell('g-g2');
    const link = model.getCell('l-l1');
    const out = {
      collapsed: model.isCollapsed(vpc),
      height: model.getGeometry(vpc).height,
      drawnTo: graph.view.getVisibleTerminal(link, false)?.id,
      hiddenDrawn: graph.view.getState(model.getCell('c-c4')) != null,
    };
    graph.foldCells(false, false, [vpc]);
    return { ...out, expanded: !model.isCollapsed(vpc), expandedHeight: model.getGeometry(vpc).height, shownDrawn: graph.view.getState(model.getCell('c-c4')) != null };
  }, drawioText);
  assert.deepEqual(folded, { collapsed: true, height: 26, drawnTo: 'g-g2', hiddenDrawn: false, expanded: true, expandedHeight: 380, shownDrawn: true });
  assert.deepEqual(problems, []);
  await context.close();
});

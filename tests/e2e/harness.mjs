// Shared set-up for the browser tests: the built site on a local static
// server, Debian's Chromium driven by playwright-core, and page objects.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../serve.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** The site under test: BASE_URL if given (e.g. nginx with production headers), else dist/ on a fresh port. */
export async function startSite() {
  if (process.env.BASE_URL) return { url: process.env.BASE_URL.replace(/\/$/, ''), close: async () => {} };
  const { server, url } = await serve(join(ROOT, 'dist'), 0);
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Playwright gives each launch a fresh, empty profile of its own.
    args: CHROMIUM_ARGS,
  });
}

/**
 * A page that records every console error, page error and CSP violation, so a
 * test can assert the app ran cleanly.
 */
export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // A request still open when the test itself navigates the page (a reload
  // before the favicon arrived) is cancelled by the browser: not a problem of
  // the site. Each request remembers how many page navigations had started
  // before it; one aborted after a later navigation began is left out.
  let navigations = 0;
  const started = new WeakMap();
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations += 1;
    started.set(req, navigations);
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    if (error === 'net::ERR_ABORTED' && !req.isNavigationRequest() && started.get(req) < navigations) return;
    problems.push(`request failed: ${req.url()} ${error}`);
  });
  await page.goto(url);
  return { page, context, problems };
}

/**
 * The site and one browser for a whole test file, started before its tests and
 * closed after them. `open(path)` opens a page of the site, as `openPage` does.
 */
export function useSite() {
  let site, browser;
  before(async () => {
    site = await startSite();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get url() {
      return site.url;
    },
    open: (path = '/') => openPage(browser, site.url + path),
    /** Opens a page and waits for the design on the canvas; adds `canvas`, a CanvasPage. */
    async ready(path = '/') {
      const opened = await openPage(browser, site.url + path);
      const canvas = new CanvasPage(opened.page);
      await canvas.ready();
      return { ...opened, canvas };
    },
  };
}

let scratchDir;
/** Writes `data` to a scratch file (for the CLI to read) and returns its path; removed when the tests end. */
export function scratchFile(name, data) {
  if (!scratchDir) {
    scratchDir = mkdtempSync(join(tmpdir(), 'cloudwright-e2e-'));
    process.on('exit', () => rmSync(scratchDir, { recursive: true, force: true }));
  }
  const file = join(scratchDir, name);
  writeFileSync(file, data);
  return file;
}

/** Runs the `cloudwright` CLI (built by cargo) and parses its JSON output. */
export function cliJson(...args) {
  return JSON.parse(cliText(...args));
}

/**
 * What `cloudwright ARGS` prints. Exit code 1 means "reported, but a check
 * failed" (an infeasible plan, a low grade): the report is still returned.
 */
export function cliText(...args) {
  let bin = join(ROOT, 'target/debug/cloudwright');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '-q', '-p', 'cloudwright-cli'], { cwd: ROOT, stdio: 'inherit' });
  try {
    return execFileSync(bin, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status === 1 && e.stdout) return e.stdout;
    throw e;
  }
}

/** Dollars as the app and the CLI write them: $1,234.56. */
export function usd(v) {
  return '$' + v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The canvas, as a user sees it. */
/** Where a dragged corner lands: the pointer distance in design units, snapped to the 20-unit grid. */
export function snapped(start, screenDelta, scale) {
  return Math.round((start + screenDelta / scale) / 20) * 20;
}

/** Where component `id` is drawn in `page`, in design units (see `CanvasPage.position`). */
export function positionOf(page, id) {
  return page.getByTestId(`node-${id}`).evaluate((g) => {
    const box = g.querySelector('.node-box');
    const m = /translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '');
    return { x: Number(box.getAttribute('x')) + (m ? Number(m[1]) : 0), y: Number(box.getAttribute('y')) + (m ? Number(m[2]) : 0) };
  });
}

/** Waits until component `id` in `page` is drawn away from `from` (a `positionOf`); returns where. */
export async function movedFrom(page, id, from, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const at = await positionOf(page, id);
    if (at.x !== from.x || at.y !== from.y) return at;
    if (Date.now() > until) throw new Error(`${id} stayed at ${JSON.stringify(from)}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

export class CanvasPage {
  constructor(page) {
    this.page = page;
    this.canvas = page.getByTestId('canvas');
  }
  async ready() {
    await this.canvas.waitFor();
    await this.page.getByTestId('node-c1').waitFor();
  }
  node(id) {
    return this.page.getByTestId(`node-${id}`);
  }
  async nodeIds() {
    return this.page.$$eval('[data-testid^="node-c"]', (els) =>
      els.map((e) => e.getAttribute('data-testid').slice(5)).filter((id) => /^c[^-]*$/.test(id)),
    );
  }
  /** The component's box on screen (the rectangle itself, not its text or outline). */
  async box(id) {
    const b = await this.page.getByTestId(`node-box-${id}`).boundingBox();
    if (!b) throw new Error(`node ${id} is not visible`);
    return b;
  }
  /** The centre of a component's box: unaffected by the selection outline. */
  async center(id) {
    const b = await this.box(id);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  /**
   * The component's top-left corner in design units, as drawn: its box's
   * corner, plus the transform a drag in progress gives the group.
   */
  async position(id) {
    return positionOf(this.page, id);
  }
  /** Screen pixels per design unit at the current zoom (a component is 176 units wide). */
  async scale(id = 'c1') {
    return (await this.box(id)).width / 176;
  }
  /** Drags a node by (dx, dy) screen pixels with the mouse, in small steps as a hand would. */
  async drag(id, dx, dy) {
    const b = await this.box(id);
    const x = b.x + b.width / 2;
    const y = b.y + b.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 12 });
    await this.page.mouse.up();
    await this.putDown();
  }
  /**
   * Waits until the canvas has put back the links a drag lifted to the layer
   * above, which it does shortly after the drop (see `Lift` in canvas.rs):
   * until then the moved links are in the page twice, one copy hidden.
   */
  async putDown() {
    await this.page.waitForFunction(() => !document.querySelector('.canvas-lifted .link'));
  }
  async undoKey() {
    await this.page.keyboard.press('Control+z');
  }
  async redoKey() {
    await this.page.keyboard.press('Control+Shift+z');
  }
  zoomLabel() {
    return this.page.getByTestId('zoom').textContent();
  }
}

// The resilience panel: RTO/RPO against the policy, availability, weakest link
// and single points of failure marked on the canvas; and the what-if, where a
// click fails a component or an AZ and the broken paths grey out. Every figure
// is checked against the CLI on the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, cliJson } from './harness.mjs';

const app = useSite();
const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/two-az.json');

async function openFixture(page) {
  const text = readFileSync(FIXTURE);
  await page.getByTestId('file-input').setInputFiles({ name: 'two-az.json', mimeType: 'application/json', buffer: text });
  await page.waitForFunction(() => document.querySelectorAll('g.node').length === 5);
}

const testIds = (page, prefix) =>
  page.locator(`[data-testid^="${prefix}"]`).evaluateAll((els, p) => els.map((e) => e.dataset.testid.slice(p.length)).sort(), prefix);

test('the resilience panel shows the RTO/RPO matrix, availability, weakest link and single points of failure of the model', async () => {
  const { page, context, problems } = await app.ready();
  await openFixture(page);
  await page.getByTestId('tab-resilience').click();
  await page.getByTestId('rto-matrix').waitFor();
  const cli = cliJson('resilience', FIXTURE, '--policy', 'critical', '--json');
  for (const e of cli.estimates) {
    const key = e.disruption;
    assert.equal(await page.getByTestId(`rto-${key}`).getAttribute('data-verdict'), e.rto_verdict.replace('not_targeted', 'no target'), `${key} RTO verdict`);
    assert.equal(await page.getByTestId(`rpo-${key}`).getAttribute('data-verdict'), e.rpo_verdict.replace('not_targeted', 'no target'), `${key} RPO verdict`);
  }
  assert.match(await page.getByTestId('availability').textContent(), new RegExp(`Availability ${cli.availability.percent.toFixed(3)} %`));
  // Single points of failure (software, hardware, AZ) are outlined on the canvas.
  const spofs = [...new Set(['software', 'hardware', 'az'].flatMap((d) => cli.estimates.find((e) => e.disruption === d).single_points_of_failure))].sort();
  assert.deepEqual(await testIds(page, 'spof-'), spofs);
  const weakest = await page.getByTestId('weakest-link').textContent();
  const marked = await page.getByTestId('canvas').locator('[data-testid^="weakest-"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  const id = JSON.parse(readFileSync(FIXTURE, 'utf8')).components.find((c) => c.label === weakest).id;
  assert.deepEqual(marked, [`weakest-${id}`], 'the weakest link named in the panel is the one marked');

  // A stricter policy is assessed again.
  await page.getByTestId('policy').selectOption('mission-critical');
  const strict = cliJson('resilience', FIXTURE, '--policy', 'mission-critical', '--json');
  const az = strict.estimates.find((e) => e.disruption === 'az');
  await page.waitForFunction((v) => document.querySelector('[data-testid="rto-az"]').dataset.verdict === v, az.rto_verdict);
  // Leaving the panel removes the marks.
  await page.getByTestId('tab-inspect').click();
  assert.equal(await page.getByTestId('resilience-marks').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('what-if: failing an AZ breaks the paths through it and greys them out; failing the database stops the service', async () => {
  const { page, context, problems } = await app.ready();
  await openFixture(page);
  await page.getByTestId('tab-resilience').click();
  await page.getByTestId('rto-matrix').waitFor();
  await page.getByTestId('whatif-arm').click();
  // Click the AZ frame's header on the canvas: it fails instead of being selected.
  await page.locator('[data-hit="g:az-a"]').click({ position: { x: 30, y: 10 } });
  await page.getByTestId('whatif-outcome').waitFor();
  const cli = cliJson('what-if', FIXTURE, 'az-a', '--json');
  assert.equal(cli.broken_paths.length, 1);
  assert.match(await page.getByTestId('whatif-summary').textContent(), /^1 of 2 user paths break; the service continues\./);
  assert.deepEqual(await page.getByTestId('path-broken').allTextContents(), ['Users → Load balancer → Web A → Orders DB']);
  assert.deepEqual(await page.getByTestId('path-intact').allTextContents(), ['Users → Load balancer → Web B → Orders DB']);
  // On the canvas: the AZ and the web server in it are down; the links only the broken path uses are greyed.
  assert.deepEqual(await testIds(page, 'failed-'), ['az-a', ...cli.failed].sort());
  assert.deepEqual(await testIds(page, 'broken-'), ['l2', 'l4']);
  assert.equal(await page.evaluate(() => document.querySelectorAll('g.node.selected, g.frame.selected').length), 0, 'the click failed the AZ, it did not select it');
  // Escape leaves what-if mode: a click selects again, and the failure stays shown.
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('whatif-arm').getAttribute('aria-pressed'), 'false');
  await page.getByTestId('node-box-web-b').click();
  assert.equal(await page.evaluate(() => document.querySelectorAll('g.node.selected').length), 1);
  assert.equal(await page.getByTestId('whatif-outcome').count(), 1);

  // The database through the menu: every path breaks.
  await page.getByTestId('whatif-target').selectOption('db');
  await page.waitForFunction(() => /^2 of 2 user paths break; the service stops/.test(document.querySelector('[data-testid="whatif-summary"]')?.textContent ?? ''));
  assert.deepEqual(await testIds(page, 'broken-'), ['l1', 'l2', 'l3', 'l4', 'l5']);
  await page.getByTestId('whatif-clear').click();
  assert.equal(await page.getByTestId('whatif-outcome').count(), 0);
  assert.deepEqual(await testIds(page, 'broken-'), []);
  assert.deepEqual(problems, []);
  await context.close();
});

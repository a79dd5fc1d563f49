// Journey: open Cloudwright's own hosting design and see what it costs, as the
// core's cost model computes it (the same figure the CLI prints).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, cliJson, usd, scratchFile } from './harness.mjs';

const app = useSite();
const EXAMPLE = 'core/data/examples/three-tier.json';

test('the hosting design opens from the address and its cost comes from the cost model', async () => {
  const report = cliJson('cost', '--json', 'core/data/examples/hosting.json');
  const expected = report.total_monthly;
  const { page, context, problems } = await app.open('/?example=hosting');
  await page.getByTestId('node-c4').waitFor();
  assert.equal(await page.getByTestId('design-name').textContent(), "Cloudwright's own hosting");
  assert.equal(await page.getByTestId('node-label-c4').textContent(), 'Site bucket');
  assert.equal(await page.getByTestId('cost-total').textContent(), usd(expected));
  // The cost panel lists what the estimate leaves out, as the cost model reports it.
  const notes = await page.getByTestId('cost-notes').locator('li').allTextContents();
  for (const n of report.not_counted) assert.ok(notes.includes(`Not counted: ${n.what}`), `${n.what} in ${notes}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening an example from the toolbar replaces the design, updates the cost, and undoes', async () => {
  const threeTier = cliJson('cost', '--json', 'core/data/examples/three-tier.json').total_monthly;
  const hosting = cliJson('cost', '--json', 'core/data/examples/hosting.json').total_monthly;
  const { page, context, problems, canvas } = await app.ready();
  assert.equal(await page.getByTestId('cost-total').textContent(), usd(threeTier));
  await page.getByTestId('example-picker').selectOption('hosting');
  await page.getByTestId('node-c5').waitFor();
  assert.equal(await page.getByTestId('design-name').textContent(), "Cloudwright's own hosting");
  assert.equal(await page.getByTestId('cost-total').textContent(), usd(hosting));
  await canvas.undoKey();
  assert.equal(await page.getByTestId('design-name').textContent(), 'Three-tier web app');
  assert.equal(await page.getByTestId('cost-total').textContent(), usd(threeTier));
  assert.equal(await page.getByTestId('node-c5').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the cost panel follows a property edit by exactly what the cost model says', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const before = cliJson('cost', '--json', EXAMPLE).total_monthly;
  // Nothing selected: the design's panel shows the total per month and year, and a bar per category.
  assert.equal(await page.getByTestId('cost-panel-total').textContent(), `${usd(before)} / month · ${usd(before * 12)} / year`);
  assert.ok((await page.getByTestId('cost-by-category').locator('.cost-bar').count()) >= 3);
  // The database's own lines, then a bigger instance.
  await canvas.node('c4').click();
  const dbBefore = await page.getByTestId('component-cost-total').textContent();
  await page.getByTestId('prop-instance_type').selectOption('db.r6g.large');
  await page.waitForFunction((t) => document.querySelector('[data-testid="component-cost-total"]').textContent !== t, dbBefore);
  // The cost model on the same design, through the CLI, gives the expected new total.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  const file = scratchFile('cost.json', readFileSync(await download.path()));
  const after = cliJson('cost', '--json', file);
  assert.ok(after.total_monthly > before, 'a larger instance costs more');
  const db = after.by_component.find((c) => c.component === 'c4').monthly;
  assert.equal(await page.getByTestId('component-cost-total').textContent(), usd(db));
  await page.keyboard.press('Escape');
  await page.waitForFunction((t) => document.querySelector('[data-testid="cost-panel-total"]')?.textContent.startsWith(t), usd(after.total_monthly));
  assert.equal(await page.getByTestId('cost-total').textContent(), usd(after.total_monthly), 'the status bar agrees');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workload sliders move the cost live, and a whole slide is one undo step', async () => {
  const { page, context, problems } = await app.ready();
  const total = () => page.getByTestId('cost-total').textContent();
  const start = await total();
  const slider = page.getByTestId('workload-rps-slider');
  // A slide: several input events while the thumb moves, then one change on release.
  const slideTo = (values) =>
    slider.evaluate((el, vs) => {
      for (const v of vs) {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, values);
  await slideTo([1.5, 2, 2.5]);
  // Before the release, the cost has already followed (20 → about 320 requests per second).
  await page.waitForFunction((s) => document.querySelector('[data-testid="cost-total"]').textContent !== s, start);
  assert.equal(await page.getByTestId('workload-rps').inputValue(), '320', 'rounded to two significant digits');
  const during = await total();
  await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  assert.equal(await total(), during);
  await page.getByTestId('undo').click();
  await page.waitForFunction((s) => document.querySelector('[data-testid="cost-total"]').textContent === s, start);
  assert.equal(await page.getByTestId('workload-rps').inputValue(), '20', 'one undo takes back the whole slide');
  assert.deepEqual(problems, []);
  await context.close();
});

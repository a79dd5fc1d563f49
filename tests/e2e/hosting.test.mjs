// Journey: open Cloudwright's own hosting design and see what it costs, as the
// core's cost model computes it (the same figure the CLI prints).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, cliJson, usd } from './harness.mjs';

const app = useSite();

test('the hosting design opens from the address and its cost comes from the cost model', async () => {
  const expected = cliJson('cost', '--json', 'core/data/examples/hosting.json').total_monthly;
  const { page, context, problems } = await app.open('/?example=hosting');
  await page.getByTestId('node-c4').waitFor();
  assert.equal(await page.getByTestId('design-name').textContent(), "Cloudwright's own hosting");
  assert.equal(await page.getByTestId('node-label-c4').textContent(), 'Site bucket');
  assert.equal(await page.getByTestId('cost-total').textContent(), usd(expected));
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

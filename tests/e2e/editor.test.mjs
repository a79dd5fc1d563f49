// Journeys of the editor: add, connect, select, delete, copy and paste, move
// frames with their contents, edit properties, all undoable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, snapped, cliJson, scratchFile } from './harness.mjs';

const app = useSite();

test('add a component by searching the palette and pressing Enter, then undo it', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await page.getByTestId('palette-search').fill('queue');
  assert.equal(await page.locator('[data-testid^="palette-item-"]').first().getAttribute('data-testid'), 'palette-item-sqs');
  await page.getByTestId('palette-search').press('Enter');
  await canvas.node('c5').waitFor();
  assert.equal(await page.getByTestId('node-label-c5').textContent(), 'SQS queue');
  assert.match(await page.getByTestId('counts').textContent(), /^5 components/);
  // The new component is selected, so the inspector shows it.
  assert.equal(await page.getByTestId('inspector-label').inputValue(), 'SQS queue');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await canvas.undoKey();
  assert.equal(await canvas.node('c5').count(), 0);
  await page.getByTestId('palette-search').fill('k8s');
  assert.equal(await page.locator('[data-testid^="palette-item-"]').first().getAttribute('data-testid'), 'palette-item-eks_cluster');
  assert.deepEqual(problems, []);
  await context.close();
});

test('drag a kind from the palette onto the canvas; it lands where it is dropped', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const subnet = await page.getByTestId('container-g5').boundingBox();
  const target = { x: subnet.x + subnet.width / 2, y: subnet.y + subnet.height - 40 };
  await page.getByTestId('palette-item-elasticache_redis').dragTo(canvas.canvas, { targetPosition: { x: target.x - (await canvas.canvas.boundingBox()).x, y: target.y - (await canvas.canvas.boundingBox()).y } });
  await canvas.node('c5').waitFor();
  const c = await canvas.center('c5');
  assert.ok(Math.abs(c.x - target.x) < 20 && Math.abs(c.y - target.y) < 20, `dropped at ${c.x},${c.y}, wanted ${target.x},${target.y}`);
  assert.equal(await canvas.node('c5').getAttribute('data-parent'), 'g5', 'dropped into the data subnet');
  assert.deepEqual(problems, []);
  await context.close();
});

test('select two components with shift-click and press C to connect them; Delete removes; undo restores', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await canvas.node('c1').click();
  await canvas.node('c4').click({ modifiers: ['Shift'] });
  await page.keyboard.press('c');
  // A horizontal arrow has no height, so wait for it to exist rather than to be "visible".
  await page.getByTestId('link-l4').waitFor({ state: 'attached' });
  assert.match(await page.getByTestId('counts').textContent(), /4 links/);
  // The new link is selected: the inspector edits it.
  await page.getByTestId('link-protocol').fill('HTTPS');
  await page.getByTestId('link-protocol').press('Enter');
  await page.getByTestId('link-port').fill('99999');
  await page.getByTestId('link-port').press('Enter');
  assert.equal(await page.getByTestId('link-error').textContent(), 'Port must be a whole number from 0 to 65535');
  await canvas.node('c2').click();
  await page.keyboard.press('Delete');
  assert.equal(await canvas.node('c2').count(), 0);
  assert.match(await page.getByTestId('counts').textContent(), /3 components · 2 links/, 'its links went with it');
  await canvas.undoKey();
  assert.equal(await canvas.node('c2').count(), 1);
  assert.match(await page.getByTestId('counts').textContent(), /4 components · 4 links/);
  await canvas.redoKey();
  assert.equal(await canvas.node('c2').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('shift-drag on the background selects what the box holds; Escape mid-box keeps the old selection', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const selected = () => page.$$eval('.node.selected', (els) => els.map((e) => e.getAttribute('data-testid').slice(5)).sort());
  await canvas.node('c4').click();
  // A box around the users (left of every container) adds them to the selection.
  const users = await canvas.box('c1');
  await page.keyboard.down('Shift');
  await page.mouse.move(users.x - 15, users.y - 20);
  await page.mouse.down();
  await page.mouse.move(users.x + users.width + 5, users.y + users.height + 20, { steps: 6 });
  assert.equal(await page.getByTestId('marquee').count(), 1, 'the box is drawn while dragging');
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.equal(await page.getByTestId('marquee').count(), 0, 'the box goes away on release');
  assert.deepEqual(await selected(), ['c1', 'c4']);
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'selecting is not an edit');

  // A box started inside the VPC takes both components it wholly holds, not the frames it only crosses.
  await page.keyboard.press('Escape');
  const a = await canvas.box('c2');
  const b = await canvas.box('c3');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 8, a.y - 12);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 8, b.y + b.height + 12, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.deepEqual(await selected(), ['c2', 'c3']);
  assert.equal(await page.locator('.frame.selected').count(), 0);
  // Both move together with the arrow keys, as one edit.
  const before = [await canvas.position('c2'), await canvas.position('c3')];
  await page.keyboard.press('ArrowRight');
  assert.equal((await canvas.position('c2')).x, before[0].x + 20);
  assert.equal((await canvas.position('c3')).x, before[1].x + 20);

  // Escape during a box puts the selection back as it was.
  await page.keyboard.down('Shift');
  await page.mouse.move(users.x - 15, users.y - 20);
  await page.mouse.down();
  await page.mouse.move(users.x + users.width + 5, users.y + users.height + 20, { steps: 4 });
  assert.deepEqual(await selected(), ['c1', 'c2', 'c3']);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.deepEqual(await selected(), ['c2', 'c3']);
  assert.deepEqual(problems, []);
  await context.close();
});

test("drag from a component's handle to another component connects them; dropping on nothing does not", async () => {
  const { page, context, problems, canvas } = await app.ready();
  await canvas.node('c1').hover();
  const handle = page.getByTestId('handle-c1');
  await handle.waitFor();
  const h = await handle.boundingBox();
  const target = await canvas.center('c4');
  const start = await canvas.position('c1');
  // Dropped on the empty canvas: no link, no history entry.
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 40, h.y + 200, { steps: 6 });
  assert.equal(await page.getByTestId('connect-preview').count(), 1, 'a dashed line follows the pointer');
  await page.mouse.up();
  assert.equal(await page.getByTestId('connect-preview').count(), 0);
  assert.match(await page.getByTestId('counts').textContent(), /3 links/);
  assert.equal(await page.getByTestId('undo').isDisabled(), true);

  await canvas.node('c1').hover();
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
  await page.getByTestId('link-l4').waitFor({ state: 'attached' });
  assert.match(await page.getByTestId('counts').textContent(), /4 links/);
  assert.deepEqual(await canvas.position('c1'), start, 'dragging the handle does not move the component');
  await canvas.undoKey();
  assert.equal(await page.getByTestId('link-l4').count(), 0, 'one undo removes the link');
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy and paste a component, then duplicate it; ids are new each time', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await canvas.node('c4').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await canvas.node('c5').waitFor();
  assert.equal(await page.getByTestId('node-label-c5').textContent(), 'Orders DB');
  await page.keyboard.press('Control+d');
  await canvas.node('c6').waitFor();
  const [a, b] = [await canvas.center('c5'), await canvas.center('c6')];
  assert.ok(b.x > a.x && b.y > a.y, 'the duplicate sits down and to the right');
  await canvas.undoKey();
  await canvas.undoKey();
  assert.equal(await page.locator('[data-testid^="node-box-"]').count(), 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving the VPC moves everything inside it, in one undo step', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const inside = await canvas.center('c3');
  const corner = await canvas.position('c3');
  const outside = await canvas.center('c1');
  const scale = await canvas.scale('c3');
  const body = page.getByTestId('container-g2').locator('.frame-body');
  const vpc = { x: Number(await body.getAttribute('x')), y: Number(await body.getAttribute('y')) };
  const header = await page.getByTestId('container-g2').locator('.frame-header').boundingBox();
  await page.mouse.move(header.x + 60, header.y + 10);
  await page.mouse.down();
  // Whole grid steps plus a little, so the expected snap is never a coin toss at a half step.
  const [mx, my] = [(4 * 20 + 3) * scale, (2 * 20 + 4) * scale];
  await page.mouse.move(header.x + 60 + mx, header.y + 10 + my, { steps: 8 });
  await page.mouse.up();
  // The VPC's corner snaps to the grid; everything inside moves by the same amount.
  const dx = snapped(vpc.x, mx, scale) - vpc.x;
  const dy = snapped(vpc.y, my, scale) - vpc.y;
  assert.ok(dx !== 0 || dy !== 0, 'the drag moved the VPC');
  assert.equal(Number(await body.getAttribute('x')), vpc.x + dx);
  const landed = await canvas.position('c3');
  assert.deepEqual(landed, { x: corner.x + dx, y: corner.y + dy }, 'the web app moved with its VPC');
  const stayed = await canvas.center('c1');
  assert.ok(Math.abs(stayed.x - outside.x) < 0.5, 'users outside the VPC stayed');
  await canvas.undoKey();
  const back = await canvas.center('c3');
  assert.ok(Math.abs(back.x - inside.x) < 0.5 && Math.abs(back.y - inside.y) < 0.5);
  assert.deepEqual(problems, []);
  await context.close();
});

test('edit a property in the inspector; invalid input is refused with the reason; undo reverts', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await canvas.node('c4').click();
  const before = await page.getByTestId('cost-total').textContent();
  await page.getByTestId('prop-backup_retention_days').fill('90');
  await page.getByTestId('prop-backup_retention_days').press('Enter');
  assert.equal(await page.getByTestId('prop-error-backup_retention_days').textContent(), 'Backup retention must be between 0 and 35 days');
  // Numbers are read as the browser reads them: words and infinities are refused.
  for (const text of ['seven', '1e999', '12abc']) {
    await page.getByTestId('prop-backup_retention_days').fill(text);
    await page.getByTestId('prop-backup_retention_days').press('Enter');
    assert.equal(await page.getByTestId('prop-error-backup_retention_days').textContent(), 'Backup retention expects a number', text);
  }
  assert.equal(await page.getByTestId('undo').getAttribute('title'), 'Nothing to undo', 'a refused value is not an edit');
  // The workload's fields too, each with its range; spaces around a number are fine.
  await page.keyboard.press('Escape');
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('workload-rps').fill('lots');
  await page.getByTestId('workload-rps').press('Enter');
  assert.equal(await page.getByTestId('workload-error').textContent(), 'Requests/s must be a number from 0 to 100000000');
  await page.getByTestId('workload-rps').fill(' 250 ');
  await page.getByTestId('workload-rps').press('Enter');
  assert.equal(await page.getByTestId('workload-error').textContent(), '');
  assert.equal(await page.getByTestId('workload-rps').inputValue(), '250');
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('cost-total').textContent(), before, 'undo takes the workload back');
  await canvas.node('c4').click();
  await page.getByTestId('prop-instance_type').selectOption('db.t3.large');
  assert.notEqual(await page.getByTestId('cost-total').textContent(), before, 'the cost follows the edit');
  // Ctrl+Z from the select itself undoes the edit (a text box would undo its own typing).
  await page.getByTestId('prop-instance_type').focus();
  await canvas.undoKey();
  assert.equal(await page.getByTestId('cost-total').textContent(), before);
  assert.equal(await page.getByTestId('prop-instance_type').inputValue(), 'db.t3.medium');
  assert.deepEqual(problems, []);
  await context.close();
});

test('labels and names with HTML or script are shown as text, never run', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await page.evaluate(() => (window.__pwned = false));
  const hostile = '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script>';
  await canvas.node('c3').click();
  await page.getByTestId('inspector-label').fill(hostile);
  await page.getByTestId('inspector-label').press('Enter');
  await page.locator('body').press('Escape');
  await page.getByTestId('design-name-input').fill(hostile);
  await page.getByTestId('design-name-input').press('Enter');
  assert.equal(await page.getByTestId('node-label-c3').textContent(), hostile.slice(0, 15) + '…');
  // The box's tooltip holds the whole label, as text.
  assert.ok((await page.locator('[data-testid="node-c3"] > title').textContent()).startsWith(hostile + ': '));
  assert.equal(await page.getByTestId('design-name').textContent(), hostile);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('? opens the keyboard shortcut sheet and Escape closes it', async () => {
  const { page, context, problems } = await app.ready();
  await page.keyboard.press('?');
  await page.getByTestId('shortcut-sheet').waitFor();
  assert.match(await page.getByTestId('shortcut-sheet').textContent(), /Connect the two selected components/);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('shortcut-sheet').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tidy up lays the design out as the core does (same as `cloudwright layout`), in one undo step', async () => {
  const { page, context, problems, canvas } = await app.ready();
  // Jumble it: drag the database out to the lower left.
  await canvas.drag('c4', -420, 160);
  const jumbled = await canvas.position('c4');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  const file = scratchFile('layout.json', await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b)));
  const expected = cliJson('layout', file);

  await page.getByTestId('auto-layout').click();
  for (const c of expected.components) {
    assert.deepEqual(await canvas.position(c.id), { x: c.x, y: c.y }, `${c.id} where the core put it`);
  }
  for (const g of expected.containers) {
    const body = page.getByTestId(`container-${g.id}`).locator('.frame-body');
    const got = await Promise.all(['x', 'y', 'width', 'height'].map(async (a) => Number(await body.getAttribute(a))));
    assert.deepEqual(got, [g.x, g.y, g.w, g.h], `${g.id} framed where the core put it`);
  }
  // Callers are left of what they call.
  const xs = await Promise.all(['c1', 'c2', 'c3'].map(async (id) => (await canvas.position(id)).x));
  assert.ok(xs[0] < xs[1] && xs[1] < xs[2], `tiers left to right: ${xs}`);

  await canvas.undoKey();
  assert.deepEqual(await canvas.position('c4'), jumbled, 'one undo step puts everything back');
  await canvas.redoKey();
  const c4 = expected.components.find((c) => c.id === 'c4');
  assert.deepEqual(await canvas.position('c4'), { x: c4.x, y: c4.y });
  await page.keyboard.press('Shift+L');
  await page.waitForFunction(() => document.querySelector('[data-testid="notice"]').textContent.includes('Already laid out'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('resize a container by its corner and collapse it with its toggle; each is one undo step', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const body = page.getByTestId('container-g2').locator('.frame-body');
  const size = async () => [Number(await body.getAttribute('width')), Number(await body.getAttribute('height'))];
  const before = await size();
  const scale = await canvas.scale();
  const grip = await page.getByTestId('container-grip-g2').boundingBox();
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  // Three grid steps right and two down (plus a little): the corner snaps to the grid.
  await page.mouse.move(grip.x + grip.width / 2 + 63 * scale, grip.y + grip.height / 2 + 44 * scale, { steps: 6 });
  await page.mouse.up();
  assert.deepEqual(await size(), [before[0] + 60, before[1] + 40]);
  // Shrinking stops where the subnets inside would be cut off.
  await page.mouse.move(grip.x + 63 * scale, grip.y + 44 * scale);
  await page.mouse.down();
  await page.mouse.move(grip.x - 600 * scale, grip.y - 600 * scale, { steps: 6 });
  await page.mouse.up();
  const [w, h] = await size();
  assert.ok(w >= 900 && w < before[0] && h >= 360 && h < before[1], `shrunk only to its contents: ${w}×${h}`);
  await canvas.undoKey();
  await canvas.undoKey();
  assert.deepEqual(await size(), before, 'two undo steps: one per resize');

  // Collapse the private subnet: the web app is hidden, the header says what is inside,
  // and the links to the web app end at the header, which stands in for it.
  await page.getByTestId('container-toggle-g4').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="node-c3"]').classList.contains('hidden'));
  assert.match(await page.getByTestId('container-g4').textContent(), /\(1 inside\)/);
  assert.equal(await canvas.node('c2').evaluate((e) => e.classList.contains('hidden')), false, 'the neighbours stay');
  // During a drag a moved link is drawn twice (the copy on the layer above is the one seen): the same line.
  const ends = async (id) => (await page.getByTestId(`link-line-${id}`).first().getAttribute('d')).match(/-?[\d.]+/g).map(Number);
  const onHeader = (x, y, [gx, gy, gw]) => x >= gx && x <= gx + gw && y >= gy && y <= gy + 26;
  for (const id of ['l2', 'l3']) {
    assert.equal(await page.getByTestId(`link-${id}`).evaluate((e) => e.classList.contains('hidden')), false, `${id} stays drawn`);
  }
  const [, , x2, y2] = await ends('l2');
  assert.ok(onHeader(x2, y2, [490, 100, 300]), `load balancer → the subnet's header: ends at ${x2}, ${y2}`);
  const [x1, y1] = await ends('l3');
  assert.ok(onHeader(x1, y1, [490, 100, 300]), `the subnet's header → database: starts at ${x1}, ${y1}`);
  // Dragging the collapsed subnet by its header takes those ends along, during the drag too.
  const frame = await page.getByTestId('container-g4').boundingBox();
  await page.mouse.move(frame.x + frame.width / 2, frame.y + 8);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width / 2, frame.y + 8 + 60 * scale, { steps: 6 });
  const [, , , during] = await ends('l2');
  assert.ok(during > 126, `the end follows the header while it moves: y ${during}`);
  await page.mouse.up();
  const [, , ax, ay] = await ends('l2');
  assert.ok(onHeader(ax, ay, [490, 160, 300]), `dropped 60 lower: ends at ${ax}, ${ay}`);
  await canvas.putDown();
  await canvas.undoKey();
  await page.waitForFunction(() => / 1[0-2]\d(\.\d+)?$/.test(document.querySelector('[data-testid="link-line-l2"]').getAttribute('d')));
  // Collapsing the whole VPC hides the links inside it; the one from outside ends at its header.
  await page.getByTestId('container-toggle-g2').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="link-l2"]').classList.contains('hidden'));
  assert.equal(await page.getByTestId('link-l3').evaluate((e) => e.classList.contains('hidden')), true);
  const [, , ux, uy] = await ends('l1');
  assert.ok(onHeader(ux, uy, [220, 60, 920]), `users → the VPC's header: ends at ${ux}, ${uy}`);
  // A press on that line selects it, as on any link.
  const line = await page.getByTestId('link-line-l1').boundingBox();
  await page.mouse.click(line.x + line.width / 2, line.y + line.height / 2);
  assert.equal(await page.getByTestId('link-ends').textContent(), 'Users → Load balancer');
  await page.keyboard.press('Escape');
  await canvas.undoKey();
  await page.waitForFunction(() => !document.querySelector('[data-testid="link-l2"]').classList.contains('hidden'));
  await page.getByTestId('container-toggle-g4').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="node-c3"]').classList.contains('hidden'));
  await canvas.undoKey();
  await page.waitForFunction(() => document.querySelector('[data-testid="node-c3"]').classList.contains('hidden'));
  await canvas.undoKey();
  await page.waitForFunction(() => !document.querySelector('[data-testid="node-c3"]').classList.contains('hidden'));
  assert.deepEqual(problems, []);
  await context.close();
});

test("click a link to select it, then drag its end onto another component to re-route it; undo puts it back", async () => {
  const { page, context, problems, canvas } = await app.ready();
  // A press a few pixels off the thin line still selects it.
  const line = await page.getByTestId('link-line-l1').boundingBox();
  await page.mouse.click(line.x + line.width / 2, line.y + line.height / 2 + 4);
  assert.equal(await page.getByTestId('link-ends').textContent(), 'Users → Load balancer');
  const end = await page.getByTestId('link-to-l1').boundingBox();
  const target = await canvas.center('c3');
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  assert.equal(await page.getByTestId('connect-preview').count(), 1, 'a line follows the pointer');
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-testid="link-ends"]').textContent === 'Users → Web app');
  assert.match(await page.getByTestId('counts').textContent(), /4 components · 3 links/);
  await canvas.undoKey();
  await page.waitForFunction(() => document.querySelector('[data-testid="link-ends"]').textContent === 'Users → Load balancer');
  // Delete removes a selected link.
  await page.keyboard.press('Delete');
  assert.match(await page.getByTestId('counts').textContent(), /4 components · 2 links/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the theme follows the system until one is chosen; the choice survives a reload', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(20, 23, 28)', 'dark, as the system is');
  await page.getByTestId('theme').click();
  assert.equal(await page.getByTestId('theme').textContent(), 'Theme: light');
  assert.equal(await background(), 'rgb(246, 247, 249)', 'light, whatever the system says');
  await page.reload();
  await canvas.ready();
  assert.equal(await background(), 'rgb(246, 247, 249)');
  await page.getByTestId('theme').click();
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(), 'rgb(20, 23, 28)', 'dark by choice on a light system');
  // The choice is on the page from its first paint, not only once the app runs:
  // with the app's code kept from loading, a light system still gets a dark page.
  const bare = await context.newPage();
  await bare.emulateMedia({ colorScheme: 'light' });
  await bare.route(/cloudwright-app-[^/]*_bg\.wasm$/, (route) => route.abort());
  await bare.addInitScript(() => {
    const seen = new MutationObserver(() => {
      window.themeSetAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-theme'] });
  });
  await bare.goto(page.url());
  assert.equal(await bare.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const { setAt, painted } = await bare.evaluate(() => ({
    setAt: window.themeSetAt,
    painted: performance.getEntriesByName('first-paint')[0]?.startTime ?? Infinity,
  }));
  assert.ok(setAt < painted, `the theme is set (${setAt} ms) before the first paint (${painted} ms)`);
  assert.equal(await bare.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 23, 28)');
  assert.equal(await bare.locator('g.node').count(), 0, 'the app did not run');
  await bare.close();
  await page.getByTestId('theme').click();
  assert.equal(await page.getByTestId('theme').textContent(), 'Theme: system');
  assert.equal(await background(), 'rgb(246, 247, 249)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the findings count opens the list; a finding selects what it is about', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await page.getByTestId('findings').click();
  assert.match(await page.getByTestId('findings-panel').textContent(), /No findings/);
  // Move the database into the public subnet: validation warns about it.
  const scale = await canvas.scale();
  const from = await canvas.position('c4');
  await canvas.drag('c4', (280 - from.x) * scale, (330 - from.y) * scale);
  assert.equal(await canvas.node('c4').getAttribute('data-parent'), 'g3');
  await page.waitForFunction(() => /1 warning/.test(document.querySelector('[data-testid="findings"]').textContent));
  const finding = page.getByTestId('finding-0');
  assert.match(await finding.textContent(), /warning public-database/);
  // Click empty canvas (its bottom-right corner) to select nothing; the list stays open.
  const area = await canvas.canvas.boundingBox();
  await page.mouse.click(area.x + area.width - 20, area.y + area.height - 20);
  await page.waitForFunction(() => !document.querySelector('[data-testid="node-c4"]').classList.contains('selected'));
  assert.equal(await page.getByTestId('inspector-label').count(), 0, 'nothing selected: the inspector shows the design');
  await finding.click();
  assert.equal(await page.getByTestId('inspector-label').inputValue(), 'Orders DB', 'the database is selected');
  assert.equal(await canvas.node('c4').evaluate((e) => e.classList.contains('selected')), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('findings-panel').count(), 0, 'Escape closes the list');
  assert.deepEqual(problems, []);
  await context.close();
});

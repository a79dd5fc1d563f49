// Journeys that must never lose work: autosave and restore, a damaged
// autosave, files saved and opened, and share links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CanvasPage, movedFrom, useSite } from './harness.mjs';

const AUTOSAVE = 'cloudwright.autosave.v1';
const DAMAGED = 'cloudwright.autosave.damaged.v1';
const app = useSite();

const saved = (page) => page.waitForFunction((k) => localStorage.getItem(k) !== null, AUTOSAVE);

test('opening the app saves nothing; an edit is autosaved when it ends and a reload restores it', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE), null, 'no edit, no autosave');
  // A drag is saved when it ends: a pause in the middle of it writes nothing.
  const at = await canvas.center('c3');
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 100, at.y + 60, { steps: 8 });
  await page.waitForTimeout(700);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE), null, 'nothing saved while the drag is held');
  await page.mouse.up();
  await canvas.putDown();
  const moved = await canvas.center('c3');
  await saved(page);
  await page.reload();
  await canvas.ready();
  const restored = await canvas.center('c3');
  assert.ok(Math.abs(restored.x - moved.x) < 1 && Math.abs(restored.y - moved.y) < 1, 'the drag survived the reload');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged autosave gives a clear notice, the default design, and the damaged copy to download', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const damaged = '{"format":"cloudwright","version":1,"components":[{"id":"c1","kind":"ec2"';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE, damaged]);
  await page.reload();
  await canvas.ready();
  const banner = page.getByTestId('banner-damaged');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Your autosaved design could not be opened \(the file is not valid JSON .*cut short\)/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DAMAGED), damaged, 'kept, untouched');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-damaged').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), damaged);
  assert.deepEqual(await canvas.nodeIds(), ['c1', 'c2', 'c3', 'c4'], 'the canvas is not blank');
  assert.deepEqual(problems, []);
  await context.close();
});

test('save the design to a file, then open a file with the picker or by dropping it; undo goes back', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  assert.equal(download.suggestedFilename(), 'three-tier-web-app.cloudwright.json');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'cloudwright');
  assert.equal(file.components.length, 4);

  file.name = 'Reopened from a file';
  file.components = file.components.slice(0, 2);
  await page.getByTestId('file-input').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForFunction(() => document.querySelector('[data-testid="design-name"]').textContent === 'Reopened from a file');
  assert.deepEqual(await canvas.nodeIds(), ['c1', 'c2']);
  await canvas.undoKey();
  assert.equal(await page.getByTestId('design-name').textContent(), 'Three-tier web app');

  // Drop a file onto the page.
  file.name = 'Dropped on the page';
  const dt = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(file));
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.querySelector('[data-testid="design-name"]').textContent === 'Dropped on the page');

  // A file that is not a design says so and changes nothing.
  await page.getByTestId('file-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.waitForFunction(() => document.querySelector('[data-testid="notice"]').textContent.includes('not a Cloudwright design'));
  assert.equal(await page.getByTestId('design-name').textContent(), 'Dropped on the page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a share link carries the whole design; with local work it asks before replacing it', async () => {
  const { page, context, problems, canvas } = await app.ready();
  await canvas.node('c4').click();
  await page.getByTestId('inspector-label').fill('Shared database');
  await page.getByTestId('inspector-label').press('Enter');
  await page.getByTestId('share').click();
  // The analysis module packs the link (it holds the compressor): the dialog fills in when it has.
  await page.waitForFunction(() => document.querySelector('[data-testid="share-url"]')?.value);
  const url = await page.getByTestId('share-url').inputValue();
  assert.match(url, /#d=[A-Za-z0-9_-]+$/);
  await context.close();

  // Somewhere with no local work: it opens at once.
  const other = await app.ready(url.slice(app.url.length));
  assert.equal(await other.page.getByTestId('node-label-c4').textContent(), 'Shared database');
  assert.doesNotMatch(other.page.url(), /#d=/, 'the fragment is cleared');

  // Somewhere with local work: it asks, and keeping yours keeps it.
  await other.canvas.node('c4').click();
  await other.page.getByTestId('inspector-label').fill('Local database');
  await other.page.getByTestId('inspector-label').press('Enter');
  await other.page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('Local database'), AUTOSAVE);
  await other.page.goto(url);
  await other.page.getByTestId('banner-shared').waitFor();
  await other.page.getByTestId('keep-mine').click();
  assert.equal(await other.page.getByTestId('banner-shared').count(), 0);
  assert.equal(await other.page.getByTestId('node-label-c4').textContent(), 'Local database');
  await other.page.goto(url);
  await other.page.getByTestId('open-shared').click();
  assert.equal(await other.page.getByTestId('node-label-c4').textContent(), 'Shared database');
  await other.canvas.undoKey();
  assert.equal(await other.page.getByTestId('node-label-c4').textContent(), 'Local database', 'undo brings the local design back');
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('a damaged share link is reported and the default design opens; nothing local is touched', async () => {
  const { page, context, problems, canvas } = await app.ready('/#d=AAAA');
  await page.getByTestId('notice').filter({ hasText: 'The share link could not be opened: the link is damaged: its design cannot be unpacked' }).waitFor();
  assert.deepEqual(await canvas.nodeIds(), ['c1', 'c2', 'c3', 'c4'], 'the default design');
  assert.doesNotMatch(page.url(), /#d=/, 'the fragment is cleared');
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'and it is where history starts');
  // A link pasted into the address of the open app asks first.
  await page.getByTestId('share').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-url"]')?.value);
  const link = new URL(await page.getByTestId('share-url').inputValue()).hash;
  await page.getByTestId('share-close').click();
  await page.evaluate((hash) => (location.hash = hash), link);
  await page.getByTestId('banner-shared').waitFor();
  assert.match(await page.getByTestId('banner-shared').textContent(), /“Three-tier web app”/);
  assert.doesNotMatch(page.url(), /#d=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the design library: new, open, rename, duplicate, delete; it survives a reload; an unreadable entry is kept', async () => {
  const { page, context, problems, canvas } = await app.ready();
  const rows = () => page.$$eval('[data-testid^="library-row-"]', (els) => els.map((e) => e.querySelector('input').value));
  const library = async () => {
    await page.getByTestId('library-button').click();
    await page.getByTestId('library').waitFor();
  };
  // Start a second design; the first stays in the library.
  await page.getByTestId('new-design').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="design-name"]').textContent === 'Untitled design');
  assert.equal(await canvas.nodeIds().then((ids) => ids.length), 0);
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'undo does not cross into the other design');
  await page.getByTestId('palette-search').fill('lambda');
  await page.getByTestId('palette-search').press('Enter');
  await canvas.node('c1').waitFor();

  await library();
  assert.deepEqual(await rows(), ['Untitled design', 'Three-tier web app']);
  // Rename the open one (undoable, like any edit) and the other one.
  await page.getByTestId('library-name-d2').fill('Scratch');
  await page.getByTestId('library-name-d2').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="design-name"]').textContent === 'Scratch');
  await page.getByTestId('library-name-d1').fill('Shop');
  await page.getByTestId('library-name-d1').press('Enter');
  await page.getByTestId('library-duplicate-d1').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="library-row-"]').length === 3);
  assert.deepEqual(await rows(), ['Scratch', 'Shop', 'Shop (copy)']);
  // The others sort as the user's language does: an accented initial sits with its letter.
  await page.getByTestId('library-name-d3').fill('école');
  await page.getByTestId('library-name-d3').press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="library-row-"] input')].some((i) => i.value === 'école'));
  assert.deepEqual(await rows(), ['Scratch', 'école', 'Shop']);
  assert.equal(await page.getByTestId('library-detail-d1').textContent(), '4 components');
  // Delete the copy, after confirming.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('library-delete-d3').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="library-row-"]').length === 2);
  assert.equal(await page.getByTestId('library-delete-d2').isDisabled(), true, 'the open design cannot be deleted');
  // Open the shop: its four components are back, and the scratch design is kept.
  await page.getByTestId('library-open-d1').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="design-name"]').textContent === 'Shop');
  assert.equal((await canvas.nodeIds()).length, 4);

  // A reload opens the shop again, with the scratch design in the library.
  await page.waitForTimeout(400); // the autosave's debounce
  await page.reload();
  await canvas.ready();
  assert.equal(await page.getByTestId('design-name').textContent(), 'Shop');
  await library();
  assert.deepEqual(await rows(), ['Shop', 'Scratch']);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('library').count(), 0, 'Escape closes the dialog');

  // A damaged entry is listed with the reason, cannot be opened, and can be downloaded.
  await page.evaluate(() => localStorage.setItem('cloudwright.library.d9', '{"format": "cloudwright", "version": 1, "compo'));
  await library();
  assert.match(await page.getByTestId('library-detail-d9').textContent(), /cannot be opened/);
  assert.equal(await page.getByTestId('library-open-d9').isDisabled(), true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-download-d9').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), '{"format": "cloudwright", "version": 1, "compo');
  // Storage holds a design unindented; its download is the canonical, indented file a save writes.
  const stored = await page.evaluate(() => localStorage.getItem('cloudwright.library.d2'));
  assert.ok(stored.startsWith('{\n"format": "cloudwright"') && !stored.includes('\n '), stored.slice(0, 80));
  const [scratch] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-download-d2').click()]);
  const file = readFileSync(await scratch.path(), 'utf8');
  assert.ok(file.startsWith('{\n  "format": "cloudwright"'), file.slice(0, 80));
  assert.equal(JSON.parse(file).name, 'Scratch');
  assert.deepEqual(JSON.parse(file), JSON.parse(stored));
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs on different designs never autosave over each other', async () => {
  const { page: one, context, problems, canvas } = await app.ready();
  const rename = async (page, name) => {
    await page.getByTestId('design-name-input').fill(name);
    await page.getByTestId('design-name-input').press('Enter');
  };
  // Tab one edits the three-tier design.
  await rename(one, 'Edited in tab one');
  await one.waitForTimeout(400); // the autosave's debounce
  // Tab two (same browser, same storage) opens it, then starts a new design.
  const two = await context.newPage();
  await two.goto(app.url + '/');
  await two.getByTestId('node-c1').waitFor();
  assert.equal(await two.getByTestId('design-name').textContent(), 'Edited in tab one');
  await two.getByTestId('new-design').click();
  await two.waitForFunction(() => document.querySelector('[data-testid="design-name"]').textContent === 'Untitled design');
  // Tab one goes on editing: its work must not land on tab two's design.
  await rename(one, 'Still tab one');
  await canvas.drag('c3', 40, 0);
  await one.waitForTimeout(400);
  await two.reload();
  await two.getByTestId('canvas').waitFor();
  assert.equal(await two.getByTestId('design-name').textContent(), 'Untitled design', "tab two's design is intact");
  await two.getByTestId('library-button').click();
  const names = await two.$$eval('[data-testid^="library-row-"] input', (els) => els.map((e) => e.value));
  assert.deepEqual(names, ['Untitled design', 'Still tab one'], "tab one's latest work is in the library");
  // And tab one lists tab two's design as open elsewhere.
  await one.getByTestId('library-button').click();
  assert.match(await one.getByTestId('library').textContent(), /open in another tab/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs on the same design follow each other, so neither autosaves over the other', async () => {
  const { page: one, context, problems, canvas } = await app.ready();
  const rename = async (page, name) => {
    await page.getByTestId('design-name-input').fill(name);
    await page.getByTestId('design-name-input').press('Enter');
  };
  const nameIs = (page, name) =>
    page.waitForFunction((n) => document.querySelector('[data-testid="design-name"]').textContent === n, name);
  const two = await context.newPage();
  const twoProblems = [];
  two.on('pageerror', (e) => twoProblems.push(e.message));
  await two.goto(app.url + '/');
  const twoCanvas = new CanvasPage(two);
  await twoCanvas.ready();
  // Tab one renames the design: tab two, open on the same one, takes the change.
  await rename(one, 'Renamed in tab one');
  await nameIs(two, 'Renamed in tab one');
  assert.match(await two.getByTestId('notice').textContent(), /changed in another tab/);
  // Tab two moves the web app: tab one takes that, and keeps its own name.
  const before = await canvas.position('c3');
  await twoCanvas.drag('c3', 80 * (await twoCanvas.scale()), 0);
  const moved = await movedFrom(one, 'c3', before);
  assert.ok(moved.x > before.x + 40, `moved in tab one too: ${before.x} → ${moved.x}`);
  assert.equal(await one.getByTestId('design-name').textContent(), 'Renamed in tab one');
  // Reloaded, the saved design has both tabs' edits: neither wrote over the other.
  await one.waitForTimeout(400);
  await one.reload();
  await canvas.ready();
  assert.equal(await one.getByTestId('design-name').textContent(), 'Renamed in tab one');
  assert.deepEqual(await canvas.position('c3'), moved);
  // In the tab that took a change, undo goes back to what it had (and the other tab follows).
  await twoCanvas.undoKey();
  await twoCanvas.undoKey();
  await nameIs(two, 'Three-tier web app');
  await nameIs(one, 'Three-tier web app');
  assert.deepEqual(problems, []);
  assert.deepEqual(twoProblems, []);
  await context.close();
});

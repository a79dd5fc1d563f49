// Practice mode, as a candidate uses it the night before an interview: the
// Fargate startup scenario from the prompt to a graded answer, then the
// reference solution and the solver. Figures are checked against the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, cliJson, cliText, scratchFile } from './harness.mjs';

const app = useSite();

/** Adds a component of the kind the palette search finds first; returns its id. */
async function add(page, query) {
  const before = await page.locator('g.node').evaluateAll((ns) => ns.map((n) => n.dataset.testid));
  await page.getByTestId('palette-search').fill(query);
  await page.getByTestId('palette-search').press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('g.node').length === n, before.length + 1);
  const after = await page.locator('g.node').evaluateAll((ns) => ns.map((n) => n.dataset.testid));
  return after.find((t) => !before.includes(t)).slice('node-'.length);
}

/** Links `from` to `to` as a user does: click one, shift-click the other, press C. */
async function connect(page, from, to) {
  const links = await page.locator('g.link').count();
  await page.getByTestId(`node-box-${from}`).click();
  await page.getByTestId(`node-box-${to}`).click({ modifiers: ['Shift'] });
  await page.keyboard.press('c');
  await page.waitForFunction((n) => document.querySelectorAll('g.link').length === n, links + 1);
}

test('a practice session on the Fargate startup: prompt, questions, clock, a drawn answer graded as the CLI grades it, the solution and the solver', async () => {
  const { page, context, problems } = await app.ready();
  const scenario = cliJson('scenario', 'show', 'fargate-startup', '--json');
  await page.getByTestId('tab-practice').click();
  await page.getByTestId('scenario-fargate-startup').click();
  assert.equal(await page.getByTestId('practice-title').textContent(), scenario.title);
  assert.equal(await page.getByTestId('practice-prompt').textContent(), scenario.prompt);

  // The questions come one at a time, then the interviewer's answers.
  for (let i = 1; i <= scenario.questions.length; i++) {
    await page.getByTestId('reveal-question').click();
    assert.equal(await page.getByTestId('practice-questions').locator('li').count(), i);
  }
  assert.deepEqual(await page.getByTestId('practice-questions').locator('li').allTextContents(), scenario.questions);
  assert.equal(await page.getByTestId('reveal-question').count(), 0);
  await page.getByTestId('reveal-answers').click();
  assert.match(await page.getByTestId('practice-answers').textContent(), new RegExp(scenario.answers.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  // The clock starts in the first phase.
  await page.getByTestId('timer-start').click();
  assert.equal(await page.getByTestId('phase').textContent(), 'Clarify');
  assert.match(await page.getByTestId('timer').textContent(), /^00:0\d$/);

  // A blank canvas for the answer; the design before it stays in the library.
  await page.getByTestId('practice-blank').click();
  await page.waitForFunction(() => document.querySelectorAll('g.node').length === 0);
  assert.match(await page.getByTestId('design-name').textContent(), /Practice: /);

  // Draw an answer: a static front end, the API on Fargate behind a load
  // balancer, PostgreSQL, and the webhooks through a queue.
  const users = await add(page, 'users');
  const cdn = await add(page, 'cloudfront');
  const site = await add(page, 's3');
  const alb = await add(page, 'application load balancer');
  const api = await add(page, 'fargate');
  const db = await add(page, 'postgres');
  const stripe = await add(page, 'external');
  const queue = await add(page, 'sqs');
  // Tidy up, so each box can be clicked (the palette's search box has the keys until then).
  await page.getByTestId('palette-search').blur();
  await page.keyboard.press('Shift+L');
  await page.waitForFunction(() => new Set([...document.querySelectorAll('g.node')].map((g) => {
    const box = g.querySelector('.node-box');
    const m = /translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '') ?? [0, 0, 0];
    return `${Number(box.getAttribute('x')) + Number(m[1])} ${Number(box.getAttribute('y')) + Number(m[2])}`;
  })).size === 8);
  for (const [a, b] of [[users, cdn], [cdn, site], [users, alb], [alb, api], [api, db], [stripe, queue], [queue, api]]) {
    await connect(page, a, b);
  }

  await page.getByTestId('practice-grade').click();
  await page.getByTestId('practice-grade-result').waitFor();
  const score = Number(await page.getByTestId('practice-score').textContent());
  // The same design, saved and graded by the CLI, gets the same score and findings.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  const file = scratchFile('practice.json', readFileSync(await download.path()));
  const graded = cliJson('grade', file, 'fargate-startup', '--json');
  assert.equal(score, graded.score);
  assert.equal(await page.getByTestId('practice-finding').count(), graded.findings.length);
  assert.ok(score > 0 && score < 100, `a partial answer gets a partial score (${score})`);

  // The solution: the reference as a picture, with its reasons and rejected alternatives.
  await page.getByTestId('practice-solution').click();
  const picture = await page.locator('.reference-picture').evaluate((img) => img.decode().then(() => img.naturalWidth));
  assert.ok(picture > 100, 'the reference picture renders');
  assert.equal(await page.getByTestId('practice-reasons').locator('li').count(), scenario.reasons.length);
  assert.equal(await page.getByTestId('practice-rejected').locator('li').count(), scenario.rejected.length);

  // The solver, on the scenario's requirements, then on a team of one with a $0 budget.
  await page.getByTestId('practice-solve').click();
  await page.getByTestId('practice-solved').waitFor();
  const solved = cliJson('solve', 'fargate-startup', '--json');
  assert.match(await page.getByTestId('practice-solved').textContent(), new RegExp(`graded ${solved.grade.score} / 100`));
  await page.getByTestId('practice-open-solved').click();
  await page.waitForFunction((n) => document.querySelectorAll('g.node').length === n, JSON.parse(cliText('solve', 'fargate-startup', '--design')).components.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the fintech scenario plans its migration as a timeline; fewer migrations at once no longer fit the time box, as the CLI says', async () => {
  const { page, context, problems } = await app.ready();
  await page.getByTestId('tab-practice').click();
  await page.getByTestId('scenario-fintech-eks').click();
  await page.getByTestId('practice-migration').click();
  await page.getByTestId('migration-summary').waitFor();
  const plan = cliJson('plan', 'fintech', '--json');
  assert.match(await page.getByTestId('migration-summary').textContent(), new RegExp(`^${plan.total_weeks} weeks of a ${plan.time_box_weeks}-week time box;`));
  const size = await page.getByTestId('migration-gantt').evaluate((img) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]));
  const svg = cliText('plan', 'fintech', '--svg');
  assert.deepEqual(size, svg.match(/width="(\d+)" height="(\d+)"/).slice(1).map(Number), 'the timeline is the core\'s');
  // One migration at a time: the CLI's plan for that, in the app too.
  await page.getByTestId('migration-capacity').fill('1');
  await page.getByTestId('migration-capacity').press('Enter');
  const slow = cliJson('plan', 'fintech', '--capacity', '1', '--json');
  assert.equal(slow.feasible, false);
  await page.waitForFunction((w) => document.querySelector('[data-testid="migration-summary"]').textContent.startsWith(`${w} weeks`), slow.total_weeks);
  assert.equal(await page.getByTestId('migration-summary').getAttribute('data-feasible'), 'false');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('migration-sheet').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Solve for me follows edited requirements: the EKS platform run by one engineer has no design, and the app says what to relax, as the CLI does for the same file', async () => {
  const { page, context, problems } = await app.ready();
  const scenario = cliJson('scenario', 'show', 'eks-platform', '--json');
  await page.getByTestId('tab-practice').click();
  await page.getByTestId('scenario-eks-platform').click();
  await page.locator('.requirements summary').click();
  for (const [id, value] of [['req-team', '1'], ['req-ops', '1']]) {
    await page.getByTestId(id).fill(value);
    await page.getByTestId(id).press('Enter');
  }
  await page.getByTestId('practice-solve').click();
  await page.getByTestId('practice-solved').waitFor();
  const file = scratchFile('requirements.json', JSON.stringify({ ...scenario.requirements, team: 1, ops: 1 }));
  const solved = cliJson('solve', file, '--json');
  assert.equal(solved.feasible, false);
  assert.match(await page.getByTestId('practice-solved').textContent(), /^Nothing fits these requirements\./);
  assert.deepEqual(await page.getByTestId('practice-solved').locator('li').allTextContents(), solved.relax);
  assert.equal(await page.getByTestId('practice-open-solved').count(), 0, 'nothing to open');
  // Back to the scenario's requirements: the solver's choice is the CLI's.
  await page.getByTestId('req-reset').click();
  await page.getByTestId('practice-solve').click();
  const compute = cliJson('solve', 'eks-platform', '--json').choices.find((c) => c.tier === 'compute').chosen;
  await page.waitForFunction((c) => [...document.querySelectorAll('[data-testid="practice-solved"] li')].some((l) => l.textContent.startsWith(`compute: ${c} — `)), compute);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the practice clock moves through the interview phases as time passes', async () => {
  const { page, context, problems } = await app.ready();
  await page.clock.install();
  await page.getByTestId('tab-practice').click();
  await page.getByTestId('scenario-solo-mvp').click();
  await page.getByTestId('timer-start').click();
  assert.equal(await page.getByTestId('phase').textContent(), 'Clarify');
  for (const [minutes, phase, timer] of [[6, 'High-level design', '06:0'], [15, 'Deep dive', '21:0'], [15, 'Trade-offs', '36:0']]) {
    await page.clock.runFor(minutes * 60_000);
    await page.waitForFunction((p) => document.querySelector('[data-testid="phase"]').textContent === p, phase);
    assert.ok((await page.getByTestId('timer').textContent()).startsWith(timer));
  }
  await page.clock.runFor(10 * 60_000);
  await page.waitForFunction(() => document.querySelector('[data-testid="practice-clock"]').textContent.includes('time is up'));
  await page.getByTestId('timer-stop').click();
  assert.equal(await page.getByTestId('timer-start').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

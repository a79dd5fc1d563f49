// deploy/deploy.sh: refuses without a bucket and a distribution, and its dry
// run shows every file with the headers it would get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = (args, env = {}) =>
  spawnSync('bash', [join(ROOT, 'deploy/deploy.sh'), '--skip-build', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CLOUDWRIGHT_BUCKET: '', CLOUDWRIGHT_DISTRIBUTION: '', ...env },
  });

test('refuses to run without the bucket and the distribution, saying what to pass', () => {
  let r = run([]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no bucket: pass --bucket NAME or set CLOUDWRIGHT_BUCKET/);
  r = run(['--bucket', 'cloudwright-site']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no CloudFront distribution: pass --distribution ID/);
  r = run(['--bucket', 'Not_A_Bucket!', '--distribution', 'E2ABCDEF123456']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /is not a valid S3 bucket name/);
  r = run(['--bucket', 'cloudwright-site', '--distribution', 'oops']);
  assert.match(r.stderr, /does not look like a CloudFront distribution id/);
});

test('without the AWS CLI a real deploy stops before touching anything', () => {
  const r = run(['--bucket', 'cloudwright-site', '--distribution', 'E2ABCDEF123456'], { PATH: '/usr/bin:/bin' });
  if (spawnSync('bash', ['-c', 'command -v aws'], { env: { PATH: '/usr/bin:/bin' } }).status === 0) return;
  assert.equal(r.status, 2);
  assert.match(r.stderr, /the AWS CLI \(aws\) is not installed; install it or use --dry-run/);
});

test('the dry run lists each file with its content type and cache policy, index.html last', () => {
  const r = run(['--dry-run'], { CLOUDWRIGHT_BUCKET: 'cloudwright-site', CLOUDWRIGHT_DISTRIBUTION: 'E2ABCDEF123456' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'Dry run: nothing is uploaded.');
  // Every file of the site, the icons under icons/ included.
  const files = readdirSync(join(ROOT, 'dist'), { recursive: true }).filter(
    (f) => !f.split('/').some((part) => part.startsWith('.')) && statSync(join(ROOT, 'dist', f)).isFile(),
  );
  const uploads = lines.filter((l) => l.startsWith('would upload'));
  assert.equal(uploads.length, files.length);
  const icon = uploads.find((l) => l.includes('/icons/rds.svg'));
  assert.match(icon, /-> s3:\/\/cloudwright-site\/icons\/rds\.svg \(Content-Type: image\/svg\+xml/);
  const wasm = uploads.find((l) => l.includes('.wasm'));
  assert.match(wasm, /Content-Type: application\/wasm; Cache-Control: public, max-age=31536000, immutable\)$/);
  assert.match(uploads.at(-1), /index\.html -> s3:\/\/cloudwright-site\/index\.html \(Content-Type: text\/html; charset=utf-8; Cache-Control: no-cache\)$/);
  assert.equal(lines.at(-1), 'would invalidate /index.html on CloudFront distribution E2ABCDEF123456');
});

test('the cache policy knows every hashed name the build makes, short hashes included', async () => {
  const { readFileSync } = await import('node:fs');
  const hashed = new RegExp(JSON.parse(readFileSync(join(ROOT, 'deploy/headers.json'), 'utf8')).hashed_pattern);
  // Trunk writes its 64-bit hash in hex without leading zeros: 13 to 16 digits seen.
  for (const name of [
    'cloudwright-app-2fd32512e201f_bg.wasm',
    'cloudwright-app-1aa8f002facd5ebd.js',
    'style-b1f64079ffbc345a.css',
    'cloudwright-worker-c251c1a93cb21f07_loader.js',
    'loader-43167d3343145d98.js',
  ]) {
    assert.ok(hashed.test(name), `${name} is cached for good`);
  }
  for (const name of ['index.html', 'icons/rds.svg', 'manifest.webmanifest', 'robots.txt']) {
    assert.ok(!hashed.test(name), `${name} is not`);
  }
});

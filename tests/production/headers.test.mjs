// The production headers, as served by nginx from deploy/headers.json (the
// same file Terraform gives CloudFront), and the Terraform itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = new URL('../../', import.meta.url).pathname;
const BASE = process.env.BASE_URL;
const headers = JSON.parse(readFileSync(join(ROOT, 'deploy/headers.json'), 'utf8'));

test('the site is served with every security header, and no inline script needs them relaxed', async () => {
  assert.ok(BASE, 'run through tests/nginx.mjs, which sets BASE_URL');
  const r = await fetch(BASE + '/');
  assert.equal(r.status, 200);
  for (const [name, value] of [...Object.entries(headers.security), ...Object.entries(headers.custom)]) {
    assert.equal(r.headers.get(name), value, name);
  }
  assert.equal(r.headers.get('cache-control'), headers.cache.html);
  const html = await r.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
});

test('hashed assets are immutable for a year and wasm has its MIME type', async () => {
  const dist = readdirSync(join(ROOT, 'dist'));
  const wasm = dist.find((f) => f.endsWith('.wasm'));
  const r = await fetch(`${BASE}/${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/wasm');
  assert.equal(r.headers.get('cache-control'), headers.cache.hashed);
  assert.equal(r.headers.get('content-security-policy'), headers.security['Content-Security-Policy']);
  const css = dist.find((f) => f.endsWith('.css'));
  assert.match((await fetch(`${BASE}/${css}`)).headers.get('content-type'), /^text\/css/);
});

test('the Terraform parses and keeps the bucket private behind CloudFront with these headers', async () => {
  const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json');
  const dir = join(ROOT, 'deploy/terraform');
  // Merge the files: resource and data blocks by type then name; locals in order.
  const tf = { resource: {}, data: {}, locals: [] };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.tf'))) {
    const parsed = await parse(f, readFileSync(join(dir, f), 'utf8'));
    tf.locals.push(...(parsed.locals ?? []));
    for (const block of ['resource', 'data']) {
      for (const [type, byName] of Object.entries(parsed[block] ?? {})) tf[block][type] = { ...(tf[block][type] ?? {}), ...byName };
    }
  }
  const res = tf.resource;
  const pab = res.aws_s3_bucket_public_access_block.site[0];
  for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) assert.equal(pab[k], true, k);
  assert.equal(res.aws_s3_bucket_versioning.site[0].versioning_configuration[0].status, 'Enabled');
  assert.ok(res.aws_s3_bucket_server_side_encryption_configuration.site[0].rule[0].apply_server_side_encryption_by_default);
  assert.equal(res.aws_cloudfront_origin_access_control.site[0].signing_behavior, 'always');
  const dist = res.aws_cloudfront_distribution.site[0];
  assert.equal(dist.default_cache_behavior[0].viewer_protocol_policy, 'redirect-to-https');
  assert.equal(dist.default_cache_behavior[0].compress, true);
  assert.match(dist.origin[0].origin_access_control_id, /aws_cloudfront_origin_access_control\.site/);
  const policy = res.aws_cloudfront_response_headers_policy.site[0].security_headers_config[0];
  assert.match(policy.content_security_policy[0].content_security_policy, /Content-Security-Policy/, 'read from headers.json');
  assert.match(tf.locals.find((l) => l.headers).headers, /jsondecode\(file\(.*headers\.json/);
  assert.ok(res.aws_iam_role.deploy, 'an OIDC deploy role');
  const trust = tf.data.aws_iam_policy_document.deploy_trust[0].statement[0];
  assert.deepEqual(trust.actions, ['sts:AssumeRoleWithWebIdentity']);
});

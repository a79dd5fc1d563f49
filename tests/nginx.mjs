// A production-like server: Debian's nginx serving dist/ with exactly the
// headers of deploy/headers.json (the CloudFront response-headers policy and
// the per-file Cache-Control deploy.sh sets). Running this file starts it and
// runs every browser test against it, so a CSP violation fails the build.
//
//   node tests/nginx.mjs            # all browser tests against nginx
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** The nginx configuration for `dist` on `port`, with prefix `dir` for its own files. */
export function renderConfig(dist, port, dir) {
  const h = JSON.parse(readFileSync(join(ROOT, 'deploy/headers.json'), 'utf8'));
  const quote = (v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const security = [...Object.entries(h.security), ...Object.entries(h.custom)]
    .map(([k, v]) => `      add_header ${k} ${quote(v)} always;`)
    .join('\n');
  const types = Object.entries(h.types).map(([ext, t]) => `    ${t.split(';')[0]} ${ext};`).join('\n');
  const location = (match, cache) => `    location ${match} {\n      add_header Cache-Control ${quote(cache)} always;\n${security}\n      try_files $uri =404;\n    }`;
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
error_log stderr warn;
pid ${dir}/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types {
${types}
  }
  charset_types text/css text/javascript application/json image/svg+xml;
  default_type application/octet-stream;
  sendfile on;
  gzip on;
  gzip_types text/css text/javascript application/wasm image/svg+xml application/json;
  server_tokens off;
  server {
    listen 127.0.0.1:${port};
    root ${dist};
    index index.html;
${location('= /', h.cache.html).replace('try_files $uri =404;', 'try_files /index.html =404;')}
${location('= /index.html', h.cache.html)}
${location(`~ ${quote(h.hashed_pattern)}`, h.cache.hashed)}
${location('/', h.cache.other)}
  }
}
`;
}

/** Starts nginx on a free loopback port; resolves to { url, stop }. */
export async function startNginx(dist = join(ROOT, 'dist')) {
  const dir = mkdtempSync(join(tmpdir(), 'cw-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, renderConfig(dist, port, dir));
  const check = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejected its configuration:\n${check.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url + '/');
      if (r.ok) break;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
    if (i === 99) throw new Error('nginx did not start');
  }
  const stop = () =>
    new Promise((ok) => {
      child.once('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        ok();
      });
      child.kill('SIGQUIT');
    });
  return { url, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startNginx();
  console.log(`nginx with production headers at ${server.url}`);
  const tests = spawnSync(process.execPath, ['--test', '--test-concurrency=1', 'tests/e2e/', 'tests/production/'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: server.url },
  });
  await server.stop();
  process.exit(tests.status ?? 1);
}

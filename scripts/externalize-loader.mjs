// Trunk post-build hook: moves trunk's inline module loader out of index.html
// into a content-hashed file, so the production Content-Security-Policy can
// forbid every inline script ("script-src 'self' 'wasm-unsafe-eval'").
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('externalize-loader: set TRUNK_STAGING_DIR or pass the dist directory');
  process.exit(2);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, body) => {
  const code = body.trim() + '\n';
  const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
  count += 1;
  return `<script type="module" src="/${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('externalize-loader: an inline script is left in index.html; the CSP would block it');
  process.exit(1);
}
// Trunk names the analysis worker's files without a content hash. Give them
// one (so they can be cached for good like the rest), point its loader at the
// renamed files, and tell the app where the loader is.
if (existsSync(join(dir, 'cloudwright-worker_loader.js'))) {
  // The glue's init function is a script-level `let`: name it on the global
  // object too, so the app can also run the module on the page (a classic
  // script it adds; see app/src/worker.rs).
  const js = readFileSync(join(dir, 'cloudwright-worker.js'), 'utf8') + 'globalThis.cloudwrightAnalysis = wasm_bindgen;\n';
  const wasm = readFileSync(join(dir, 'cloudwright-worker_bg.wasm'));
  const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
  const base = `cloudwright-worker-${hash}`;
  writeFileSync(join(dir, `${base}.js`), js);
  rmSync(join(dir, 'cloudwright-worker.js'));
  renameSync(join(dir, 'cloudwright-worker_bg.wasm'), join(dir, `${base}_bg.wasm`));
  writeFileSync(join(dir, `${base}_loader.js`), `importScripts("./${base}.js");wasm_bindgen({ module_or_path: "./${base}_bg.wasm" });\n`);
  rmSync(join(dir, 'cloudwright-worker_loader.js'));
  html = html.replace(
    '</head>',
    `<meta name="cloudwright-worker" content="/${base}_loader.js" /><meta name="cloudwright-analysis" content="/${base}.js" /></head>`,
  );
}
writeFileSync(file, html);
console.log(`externalize-loader: ${count} inline module script(s) moved to files`);

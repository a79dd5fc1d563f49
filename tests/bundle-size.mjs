// Bundle-size report: raw, gzip and brotli bytes of what a browser downloads
// from dist/, by kind, as a table. The budget is on the first load: every
// file except the AWS icons under icons/, which the app fetches only for the
// kinds on the canvas after it has drawn them, and the analysis worker
// (cloudwright-worker-*), which it fetches when a panel first needs it.
// Exits 1 when the first load's gzip total is over budget.
//
//   node tests/bundle-size.mjs [dist] [--budget-kb 445]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 445;
const budget = budgetKb * 1000;

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    if (name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const KIND = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' };
const rows = new Map();
let files;
try {
  files = walk(dir);
} catch {
  console.error(`bundle-size: no site in ${dir}/; build it first (trunk build --release)`);
  process.exit(2);
}
for (const file of files) {
  const bytes = readFileSync(file);
  const path = relative(dir, file);
  const kind = path.startsWith('icons/') ? 'icons' : path.startsWith('cloudwright-worker-') ? 'worker' : KIND[extname(file)] ?? 'other';
  const row = rows.get(kind) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
  row.files += 1;
  row.raw += bytes.length;
  row.gzip += gzipSync(bytes, { level: 9 }).length;
  row.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.set(kind, row);
}

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const total = { files: 0, raw: 0, gzip: 0, brotli: 0 };
const first = { files: 0, raw: 0, gzip: 0, brotli: 0 };
console.log(`Bundle size of ${relative(process.cwd(), dir) || dir}/ (kB = 1,000 bytes)`);
console.log('kind     files      raw kB   gzip kB  brotli kB');
const LAZY = ['icons', 'worker'];
for (const kind of ['wasm', 'js', 'css', 'html', 'icons', 'worker', 'other']) {
  const r = rows.get(kind);
  if (!r) continue;
  for (const k of Object.keys(total)) {
    total[k] += r[k];
    if (!LAZY.includes(kind)) first[k] += r[k];
  }
  console.log(`${kind.padEnd(8)} ${String(r.files).padStart(5)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
}
console.log(`${'total'.padEnd(8)} ${String(total.files).padStart(5)}  ${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.brotli)}`);
console.log(`${'first'.padEnd(8)} ${String(first.files).padStart(5)}  ${kb(first.raw)}  ${kb(first.gzip)}  ${kb(first.brotli)}  (all but the lazily fetched icons and worker)`);
const firstKb = (first.gzip / 1000).toFixed(1);
if (first.gzip > budget) {
  console.log(`bundle-size: FAIL — the first load is ${firstKb} kB gzip, over the ${budgetKb} kB budget`);
  process.exit(1);
}
console.log(`bundle-size: ok — the first load is ${firstKb} kB gzip of a ${budgetKb} kB budget`);

// Trunk post-build hook: copies the official AWS Architecture Icons the
// catalog names (`aws_icon`, a path in the npm package `aws-icons`) into the
// site as icons/<icon>.svg. They are separate files the browser fetches after
// the app has drawn the design, so they add nothing to the first load; a kind
// without one shows its glyph.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('copy-icons: set TRUNK_STAGING_DIR or pass the dist directory');
  process.exit(2);
}
const source = join(ROOT, 'tests/node_modules/aws-icons/icons');
if (!existsSync(source)) {
  console.error('copy-icons: tests/node_modules/aws-icons is missing; run scripts/setup.sh (it runs npm ci in tests/)');
  process.exit(1);
}
const catalog = JSON.parse(readFileSync(join(ROOT, 'core/data/catalog.json'), 'utf8'));
mkdirSync(join(dir, 'icons'), { recursive: true });
const done = new Set();
for (const kind of catalog.kinds) {
  if (!kind.aws_icon || done.has(kind.icon)) continue;
  const from = join(source, kind.aws_icon);
  if (!existsSync(from)) {
    console.error(`copy-icons: kind ${kind.kind}: ${kind.aws_icon} is not in aws-icons`);
    process.exit(1);
  }
  copyFileSync(from, join(dir, 'icons', `${kind.icon}.svg`));
  done.add(kind.icon);
}
console.log(`copy-icons: ${done.size} icons copied`);

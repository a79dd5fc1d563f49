#!/usr/bin/env bash
# Deploys the built site to the S3 bucket behind CloudFront.
#
#   deploy/deploy.sh --bucket NAME --distribution ID [--dry-run] [--skip-build]
#
# Bucket and distribution come from `terraform output` (bucket_name,
# distribution_id); CLOUDWRIGHT_BUCKET and CLOUDWRIGHT_DISTRIBUTION work too.
# Every file gets its Content-Type and Cache-Control from deploy/headers.json:
# content-hashed assets are immutable for a year, index.html is revalidated on
# every request, and only /index.html is invalidated. --dry-run prints what it
# would upload, with which headers, and touches nothing (no AWS CLI needed).
set -euo pipefail
cd "$(dirname "$0")/.."

bucket=${CLOUDWRIGHT_BUCKET:-}
distribution=${CLOUDWRIGHT_DISTRIBUTION:-}
dry_run=false
build=true
dist=dist

die() { echo "deploy: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bucket) bucket=${2:-}; shift 2 ;;
    --distribution) distribution=${2:-}; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    --skip-build) build=false; shift ;;
    --dist) dist=${2:-}; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ -n "$bucket" ] || die "no bucket: pass --bucket NAME or set CLOUDWRIGHT_BUCKET (terraform output bucket_name)"
[ -n "$distribution" ] || die "no CloudFront distribution: pass --distribution ID or set CLOUDWRIGHT_DISTRIBUTION (terraform output distribution_id)"
[[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || die "\"$bucket\" is not a valid S3 bucket name"
[[ "$distribution" =~ ^[A-Z0-9]{8,20}$ ]] || die "\"$distribution\" does not look like a CloudFront distribution id (e.g. E2ABCDEF123456)"

if $build; then
  scripts/setup.sh build
  PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH" trunk build --release
fi
[ -f "$dist/index.html" ] || die "no site in $dist/: build it first (trunk build --release) or drop --skip-build"

# The plan: one line per file, "path<TAB>content-type<TAB>cache-control", from headers.json.
plan=$(node - "$dist" <<'NODE'
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join, relative, extname } = require('node:path');
const dist = process.argv[2];
const h = JSON.parse(readFileSync('deploy/headers.json', 'utf8'));
const hashed = new RegExp(h.hashed_pattern);
const walk = (d) => readdirSync(d).flatMap((n) => (n.startsWith('.') ? [] : statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const files = walk(dist).map((f) => relative(dist, f)).sort((a, b) => (a === 'index.html') - (b === 'index.html') || a.localeCompare(b));
for (const f of files) {
  const type = h.types[extname(f).slice(1)] ?? 'application/octet-stream';
  const cache = f === 'index.html' ? h.cache.html : hashed.test(f) ? h.cache.hashed : h.cache.other;
  console.log([f, type, cache].join('\t'));
}
NODE
)

if $dry_run; then
  echo "Dry run: nothing is uploaded."
  while IFS=$'\t' read -r file type cache; do
    echo "would upload $dist/$file -> s3://$bucket/$file (Content-Type: $type; Cache-Control: $cache)"
  done <<<"$plan"
  echo "would invalidate /index.html on CloudFront distribution $distribution"
  exit 0
fi

command -v aws >/dev/null || die "the AWS CLI (aws) is not installed; install it or use --dry-run"
aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1 \
  || die "bucket \"$bucket\" does not exist or these credentials cannot reach it (terraform output bucket_name)"
aws cloudfront get-distribution --id "$distribution" >/dev/null 2>&1 \
  || die "CloudFront distribution \"$distribution\" does not exist or these credentials cannot read it (terraform output distribution_id)"

# Assets first, index.html last, so no visitor gets an index that points at missing files.
while IFS=$'\t' read -r file type cache; do
  echo "upload $file ($type; $cache)"
  aws s3 cp --only-show-errors "$dist/$file" "s3://$bucket/$file" --content-type "$type" --cache-control "$cache"
done <<<"$plan"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths /index.html --query 'Invalidation.Id' --output text
echo "deployed to s3://$bucket; /index.html invalidated on $distribution"

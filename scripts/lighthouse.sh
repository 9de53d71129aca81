#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, Debian's Chromium) on the Arabic and English article pages.
#   make lighthouse            builds the site for a local address, serves it, prints the four scores
#   PAGE=deepseek/ make lighthouse
# The site is served gzip-compressed, as GitHub Pages does (scripts/serve_static.py).
# Reports (HTML + JSON) go to build/lighthouse/. Scores are 0-100, mobile form factor with
# Lighthouse's default simulated throttling.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGE="${PAGE:-deepseek/}"
PORT="${PORT:-8765}"
OUT=build/lighthouse
SITE="$(mktemp -d)"
mkdir -p "$OUT"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# Build for the address it is served at, so hreflang/canonical URLs are same-origin.
SITE_URL="http://127.0.0.1:$PORT/" NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict -q -d "$SITE"
.venv/bin/python scripts/serve_static.py "$SITE" "$PORT" &
SERVER=$!
trap 'kill $SERVER; rm -rf "$SITE"' EXIT
sleep 1
for lang in ar en; do
  prefix=""; [ "$lang" = en ] && prefix="en/"
  url="http://127.0.0.1:$PORT/$prefix$PAGE"
  node_modules/.bin/lighthouse "$url" --quiet --output=json --output=html \
    --output-path="$OUT/$lang" --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null
  node -e '
    const r = require(process.argv[1]);
    const s = Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    console.log(`${process.argv[2].padEnd(3)} ${process.argv[3]}  performance ${s.performance}  accessibility ${s.accessibility}  best-practices ${s["best-practices"]}  seo ${s.seo}`);
    // Every audit must have run: an audit that crashed (an unsupported Chromium) makes the scores untrue.
    const failed = Object.values(r.audits).filter(a => a.scoreDisplayMode === "error");
    for (const a of failed) console.error(`    audit ${a.id} did not run: ${a.errorMessage}`);
    if (failed.length || r.runtimeError) {
      console.error(`error: ${failed.length} audit(s) failed (Lighthouse ${r.lighthouseVersion}, ${r.environment.hostUserAgent})`);
      process.exit(1);
    }
  ' "$PWD/$OUT/$lang.report.json" "$lang" "$url"
done

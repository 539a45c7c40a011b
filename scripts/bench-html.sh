#!/bin/sh
# Decompresses the HTML benchmark pages into a temporary folder and runs the release bench on them.
# usage: scripts/bench-html.sh [ROUNDS]    (run from the package root)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pages=${PARLEY_HTML_BENCH:-$root/../shared/bench/html/html}
[ -d "$pages" ] || pages=/work/shared/bench/html/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for file in "$pages"/*.html.gz; do
    gzip -dc "$file" > "$tmp/$(basename "$file" .gz)"
done
cd "$root"
swift build -c release --product parley-bench >&2
"$root/.build/release/parley-bench" html "$tmp" "${1:-5}"

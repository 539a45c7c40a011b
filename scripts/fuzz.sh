#!/usr/bin/env bash
# Builds the FuzzTesting package and runs one libFuzzer target for a given time.
#   scripts/fuzz.sh FuzzHTML|FuzzText|FuzzPipeline SECONDS [extra libFuzzer flags…]
# Seeds come from FuzzTesting/Corpus/<kind>; new inputs go to a scratch corpus under
# FuzzTesting/.fuzz-corpus (not committed); crashes land in FuzzTesting/artifacts/.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh FuzzHTML|FuzzText|FuzzPipeline SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
case "$target" in
  FuzzHTML) seeds=html ;;
  FuzzText) seeds=text ;;
  FuzzPipeline) seeds=pipeline ;;
  *) echo "unknown target $target" >&2; exit 64 ;;
esac
cd "$(dirname "$0")/../FuzzTesting"
# The only spelling that builds deterministically on Swift 6.3.1/Linux (../shared/docs/LIBXML2.md):
# `--sanitize=fuzzer` alone runs Swift's empty main; `--sanitize=fuzzer --sanitize=address` drops a sanitizer at random.
swift build --product "$target" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin=$(swift build --show-bin-path --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
mkdir -p ".fuzz-corpus/$target" artifacts
exec "$bin/$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=artifacts/ -print_final_stats=1 "$@" ".fuzz-corpus/$target" "Corpus/$seeds"

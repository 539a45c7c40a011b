#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer (+LeakSanitizer) and ThreadSanitizer.
#   scripts/sanitizers.sh [address|thread]   (default: both)
# Separate build folders keep the normal .build untouched. Not part of .ci/run: each run is a
# full instrumented rebuild plus a slower test run (several minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=${1:-address thread}
for kind in $kinds; do
  echo "== swift test --sanitize=$kind"
  case "$kind" in
    address)
      # Leak checking stays on; only XCTest's own leaks are suppressed.
      LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" \
        swift test --sanitize=address --scratch-path .build-asan ;;
    thread)
      swift test --sanitize=thread --scratch-path .build-tsan ;;
    *) echo "unknown sanitizer $kind" >&2; exit 64 ;;
  esac
done

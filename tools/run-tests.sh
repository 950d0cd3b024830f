#!/usr/bin/env bash
# One command from a fresh clone to a tested build: installs what is missing, builds (Release,
# warnings as errors) and runs the whole test suite with CTest; then the same suite under
# AddressSanitizer + UndefinedBehaviorSanitizer (skip that part with --no-sanitize).
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=1
[ "${1:-}" = "--no-sanitize" ] && sanitize=0
jobs="$(nproc)"

tools/install-deps.sh --tests

echo "== Release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTREATYSEARCH_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

if [ "$sanitize" = 1 ]; then
  echo "== ASan + UBSan build and tests"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTREATYSEARCH_SANITIZE=ON \
        -DTREATYSEARCH_BUILD_BENCH=OFF -DTREATYSEARCH_WERROR=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi

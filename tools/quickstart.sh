#!/usr/bin/env bash
# One command from a fresh clone to a cited answer: installs what is missing, builds (Release),
# indexes the bundled corpus into the default index and runs a query.
#   tools/quickstart.sh                      # sample query
#   tools/quickstart.sh '"hate speech" police'
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTREATYSEARCH_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"

build/tools/treaty-index corpus/
query="${*:-\"hate speech\" Kazakhstan}"
echo
echo "treaty-search $query"
echo
status=0
build/tools/treaty-search -n 5 "$query" || status=$?
[ "$status" -le 1 ] || exit "$status"

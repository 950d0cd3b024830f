#!/usr/bin/env bash
# One command from a fresh clone to a cited answer: installs what is missing, builds (Release),
# indexes the bundled corpus into build/corpus-index and runs a query.
#   tools/quickstart.sh                      # sample query
#   tools/quickstart.sh '"hate speech" police'
#   tools/quickstart.sh --serve              # then serve the search page on 127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."

serve=0
if [ "${1:-}" = "--serve" ]; then
  serve=1
  shift
fi

tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTREATYSEARCH_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"

# Its own index, so that an index left by an older build (another schema version, which
# treaty-index refuses rather than rewrite) is simply rebuilt.
index=build/corpus-index
if [ -d "$index" ] && ! build/tools/treaty-index --check --index "$index" >/dev/null 2>&1; then
  echo "Rebuilding $index (written by another version or damaged)."
  rm -rf "$index"
fi
build/tools/treaty-index --index "$index" corpus/
query="${*:-\"hate speech\" Kazakhstan}"
echo
echo "treaty-search --index $index $query"
echo
status=0
build/tools/treaty-search --index "$index" -n 5 "$query" || status=$?
[ "$status" -le 1 ] || exit "$status"
if [ "$serve" = 1 ]; then
  echo
  exec build/tools/treaty-serve --index "$index" --listen "${TREATYSEARCH_LISTEN:-127.0.0.1:8080}"
fi

#!/usr/bin/env bash
# Installs the built project into a temporary prefix, then builds and runs the embedding example
# against the installed files alone: once with CMake's find_package, once with pkg-config.
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
example="$src/tests/embed/embed_example.cc"

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libtreatysearch_search.so' | head -1)")
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# No build-tree include path may leak into the consumer: only the installed headers.
test -f "$prefix/include/treatysearch/search.h"
test -f "$prefix/include/treatysearch/indexer.h"
if grep -rE '^#include [<"](xapian|unicode/|pugixml|boost/|nlohmann/|compact_lang_det)' \
    "$prefix/include/treatysearch"; then
  echo "FAIL: an installed public header includes a dependency's header"
  exit 1
fi

echo "== find_package"
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DEMBED_SOURCE="$example" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer"

echo "== pkg-config"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
c++ -std=c++20 "$example" $(pkg-config --cflags --libs treatysearch) -o "$work/pc-consumer"
"$work/pc-consumer"
echo "2 passed, 0 failed"

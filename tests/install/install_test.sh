#!/usr/bin/env bash
# Installs the built project into a temporary prefix, checks that it is one library holding each
# object once, then builds and runs the embedding example against the installed files alone:
# once with CMake's find_package, once with pkg-config.
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
example="$src/tests/embed/embed_example.cc"

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libtreatysearch.so' | head -1)")
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# No build-tree include path may leak into the consumer: only the installed headers.
test -f "$prefix/include/treatysearch/search.h"
test -f "$prefix/include/treatysearch/indexer.h"
if grep -rE '^#include [<"](xapian|unicode/|pugixml|boost/|nlohmann/|compact_lang_det)' \
    "$prefix/include/treatysearch"; then
  echo "FAIL: an installed public header includes a dependency's header"
  exit 1
fi

echo "== one library"
# Exactly one shared library is installed, and a function of the analysis core (shared by the
# query and the indexing sides) is defined in exactly one installed file. Its symbol is hidden,
# so it is looked up in the full symbol table (nm without -D), not the exported one.
libraries=$(find "$prefix" -type f -name 'libtreatysearch*.so*' | sort)
if [ "$(printf '%s\n' "$libraries" | grep -c .)" -ne 1 ]; then
  echo "FAIL: expected one installed library, found: $libraries"
  exit 1
fi
core_symbol='treatysearch::core::Analyzer::analyze('
defined_in=0
for library in $(find "$prefix" -type f \( -name '*.so*' -o -name '*.a' \)); do
  # (not grep -q: under pipefail, nm killed by an early exit of grep would count as absent)
  if [ "$(nm -C --defined-only "$library" 2>/dev/null | grep -cF "$core_symbol")" -gt 0 ]; then
    defined_in=$((defined_in + 1))
  fi
done
if [ "$defined_in" -ne 1 ]; then
  echo "FAIL: $core_symbol is defined in $defined_in installed libraries, expected 1"
  exit 1
fi
if find "$prefix" -name 'libtreatysearch_*' | grep -q .; then
  echo "FAIL: an internal library was installed"
  exit 1
fi

echo "== find_package"
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DEMBED_SOURCE="$example" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer"

echo "== pkg-config"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pc_libs=$(pkg-config --libs treatysearch)
if [[ " $pc_libs " != *" -ltreatysearch "* ]] || [[ "$pc_libs" == *"-ltreatysearch_"* ]]; then
  echo "FAIL: pkg-config should name the one library -ltreatysearch, got: $pc_libs"
  exit 1
fi
# shellcheck disable=SC2046
c++ -std=c++20 "$example" $(pkg-config --cflags --libs treatysearch) -o "$work/pc-consumer"
"$work/pc-consumer"
echo "3 passed, 0 failed"

#!/usr/bin/env bash
# treaty-index --check: a healthy index exits 0 with a summary; a damaged copy exits 2 with one
# "treaty-index: " line per problem and a summary; misuse and a missing index exit 2.
#   check_cli_test.sh TREATY_INDEX CORPUS_DIR
set -u
INDEX_BIN=$1 CORPUS=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TREATYSEARCH_INDEX="$work/default-index"
. "$(dirname "$0")/lib.sh"

expect_every_line_starts() { # NAME TEXT PREFIX
  if [ -n "$2" ] && ! printf '%s\n' "$2" | grep -v -q "^$3"; then ok; else
    ko "$1: expected lines starting with '$3', got: $2"
  fi
}

idx="$work/idx"
expect_exit 0 "index corpus" -- "$INDEX_BIN" -q --shards 2 --index "$idx" "$CORPUS"

expect_exit 0 "healthy index" -- "$INDEX_BIN" --check --index "$idx"
expect_contains "healthy summary" "$out" "$idx: healthy (2 shards, "
files=$(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.docx' -o -name '*.doc' -o -name '*.html' \) | wc -l)
expect_contains "healthy counts files" "$out" "$files files checked)"
if [ -z "$err" ]; then ok; else ko "healthy index printed problems: $err"; fi
expect_exit 0 "default index" -- "$INDEX_BIN" -q "$CORPUS"
expect_exit 0 "check of the default index" -- "$INDEX_BIN" --check
expect_contains "default index named" "$out" "$TREATYSEARCH_INDEX: healthy"

# Which shard holds the corpus depends on the hash of its path: the damage goes to the shard
# with the largest posting table (a new index has no term lists: search/core/tombstones.h).
busy=$(basename "$(dirname "$(ls -S "$idx"/shard*/postlist.glass | head -n 1)")")

# A copy with that shard's posting table cut short.
cp -r "$idx" "$work/cut"
truncate -s 0 "$work/cut/$busy/postlist.glass"
expect_exit 2 "truncated table" -- "$INDEX_BIN" --check --index "$work/cut"
expect_every_line_starts "truncated table problems" "$err" "treaty-index: $work/cut/$busy: "
expect_contains "truncated table summary" "$out" "$work/cut: damaged, 1 problem ("

# A copy with bytes flipped all through that shard's posting table.
cp -r "$idx" "$work/flipped"
table="$work/flipped/$busy/postlist.glass"
size=$(stat -c %s "$table")
for ((offset = 100; offset < size; offset += 997)); do
  printf '\xff' | dd of="$table" bs=1 seek="$offset" conv=notrunc status=none
done
expect_exit 2 "flipped bytes" -- "$INDEX_BIN" --check --index "$work/flipped"
expect_every_line_starts "flipped bytes problems" "$err" "treaty-index: $work/flipped/$busy: "
expect_contains "flipped bytes summary" "$out" "$work/flipped: damaged, "

# Checking changes nothing: the original is still healthy.
expect_exit 0 "original still healthy" -- "$INDEX_BIN" --check --index "$idx"

# Misuse.
expect_exit 2 "check with a path" -- "$INDEX_BIN" --check --index "$idx" "$CORPUS"
expect_contains "check with a path message" "$err" "treaty-index: --check takes no files or folders"
expect_exit 2 "check of no index" -- "$INDEX_BIN" --check --index "$work/nowhere"
expect_contains "check of no index message" "$err" "treaty-index: $work/nowhere: no index here"
expect_exit 2 "check of a folder that is no index" -- "$INDEX_BIN" --check --index "$CORPUS"
expect_contains "not an index message" "$err" "not a treatysearch index"

finish

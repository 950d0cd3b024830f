#!/usr/bin/env bash
# treaty-index and manifests: a manifest that is missing, invalid or declares entities is fatal
# (exit 2, one line naming the manifest once), whether given with --manifest or found as
# manifest.xml in a folder, and nothing of the run is indexed.
#   manifest_cli_test.sh TREATY_INDEX TREATY_SEARCH CORPUS_DIR
set -u
INDEX_BIN=$1 SEARCH_BIN=$2 CORPUS=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 TREATYSEARCH_INDEX="$work/default-index"
. "$(dirname "$0")/lib.sh"

# The error is one "treaty-index: " line that names FILE exactly once.
expect_one_line_naming_once() { # NAME FILE
  local lines names
  lines=$(printf '%s' "$err" | grep -c '' || true)
  names=$(printf '%s' "$err" | grep -o -F "$2" | grep -c '' || true)
  if [ "$lines" -eq 1 ] && [[ "$err" == "treaty-index: $2: "* ]] && [ "$names" -eq 1 ]; then
    ok
  else
    ko "$1: expected one 'treaty-index: $2: ' line naming it once, got: $err"
  fi
}
expect_no_index() { # NAME DIR
  if [ ! -e "$2" ] && ! ls "$(dirname "$2")" | grep -q "$(basename "$2").tmp-"; then ok; else
    ko "$1: an index or a build folder was left at $2"
  fi
}

header='<?xml version="1.0" encoding="UTF-8"?>'
docs="$work/docs"
mkdir -p "$docs"
cp "$CORPUS"/*.txt "$docs/"
letter=cerd-follow-up-letter-kazakhstan-2023.txt

# --- --manifest that does not exist ---------------------------------------------------------
missing="$work/no-such-manifest.xml"
expect_exit 2 "missing --manifest" -- "$INDEX_BIN" --index "$work/idx1" --manifest "$missing" "$docs"
expect_one_line_naming_once "missing --manifest message" "$missing"
expect_contains "missing --manifest says so" "$err" "manifest not found"
expect_no_index "missing --manifest creates no index" "$work/idx1"

# --- --manifest that is not well-formed -----------------------------------------------------
broken="$work/broken.xml"
printf '%s\n<treatysearch-manifest version="1">\n<document file="a.txt">\n' "$header" >"$broken"
expect_exit 2 "broken --manifest" -- "$INDEX_BIN" --index "$work/idx2" --manifest "$broken" "$docs"
expect_one_line_naming_once "broken --manifest message" "$broken"
expect_contains "broken --manifest names the problem" "$err" "not well-formed XML"
expect_no_index "broken --manifest creates no index" "$work/idx2"

# --- manifest.xml in a folder with an error, first run -----------------------------------------
printf '%s\n<treatysearch-manifest version="1">\n  <document file="%s" committee="CRED"/>\n</treatysearch-manifest>\n' \
  "$header" "$letter" >"$docs/manifest.xml"
expect_exit 2 "bad folder manifest" -- "$INDEX_BIN" --index "$work/idx3" "$docs"
expect_one_line_naming_once "bad folder manifest message" "$docs/manifest.xml"
expect_contains "bad folder manifest names line and value" "$err" 'line 3: document "'"$letter"'": unknown committee "CRED"'
expect_no_index "bad folder manifest creates no index" "$work/idx3"

# --- entity references and declarations ------------------------------------------------------
printf '%s\n<treatysearch-manifest version="1">\n  <document file="%s" symbol="CERD/&xxe;/1"/>\n</treatysearch-manifest>\n' \
  "$header" "$letter" >"$docs/manifest.xml"
expect_exit 2 "entity reference" -- "$INDEX_BIN" --index "$work/idx4" "$docs"
expect_one_line_naming_once "entity reference message" "$docs/manifest.xml"
expect_contains "entity reference named" "$err" "line 3: entity reference &xxe; is not allowed"
expect_no_index "entity reference creates no index" "$work/idx4"

printf '%s\n<!DOCTYPE m [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<treatysearch-manifest version="1">\n  <document file="%s" symbol="&xxe;"/>\n</treatysearch-manifest>\n' \
  "$header" "$letter" >"$docs/manifest.xml"
expect_exit 2 "entity declaration" -- "$INDEX_BIN" --index "$work/idx4" "$docs"
expect_one_line_naming_once "entity declaration message" "$docs/manifest.xml"
expect_contains "entity declaration named" "$err" "line 2: document type and entity declarations"

# --- an existing index stays as it was -------------------------------------------------------
rm "$docs/manifest.xml"
idx="$work/idx"
expect_exit 0 "index without manifest" -- "$INDEX_BIN" --index "$idx" "$docs"
expect_exit 0 "search before" -- "$SEARCH_BIN" --index "$idx" --json -n 100 police
before=$out
printf 'The Committee notes the new police law.\n' >"$docs/new.txt"
printf '%s\n<treatysearch-manifest version="1">\n  <document file="new.txt" state="Atlantis"/>\n</treatysearch-manifest>\n' \
  "$header" >"$docs/manifest.xml"
expect_exit 2 "bad manifest on update" -- "$INDEX_BIN" --index "$idx" "$docs"
expect_one_line_naming_once "bad manifest on update message" "$docs/manifest.xml"
expect_exit 0 "search after" -- "$SEARCH_BIN" --index "$idx" --json -n 100 police
if [ "$out" = "$before" ]; then ok; else ko "a fatal manifest error changed the index"; fi

# --- a valid manifest is used ----------------------------------------------------------------
printf '%s\n<treatysearch-manifest version="1">\n  <document file="new.txt" state="KAZ" symbol="A&amp;B/1"/>\n</treatysearch-manifest>\n' \
  "$header" >"$docs/manifest.xml"
expect_exit 0 "valid manifest" -- "$INDEX_BIN" --index "$idx" "$docs"
expect_exit 0 "manifest metadata searchable" -- "$SEARCH_BIN" --index "$idx" --symbol 'A&B/1' police
expect_contains "manifest symbol cited" "$out" "A&B/1"

finish

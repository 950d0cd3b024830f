#!/usr/bin/env bash
# Tests of the real treaty-index and treaty-search binaries: exit codes, one-line error
# messages, incremental indexing, JSON output.
#   cli_test.sh TREATY_INDEX TREATY_SEARCH CORPUS_DIR
set -u
INDEX_BIN=$1 SEARCH_BIN=$2 CORPUS=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 TREATYSEARCH_INDEX="$work/default-index"
. "$(dirname "$0")/lib.sh"

cp -r "$CORPUS" "$work/corpus"
idx="$work/idx"

# --- help and options ---------------------------------------------------------------------
expect_exit 0 "index help" -- "$INDEX_BIN" --help
expect_contains "index help lists --index" "$out" "--index"
expect_contains "index help has examples" "$out" "Examples:"
expect_exit 0 "search help" -- "$SEARCH_BIN" --help
for option in --index --json --committee --state --type --year --symbol --offset -n; do
  expect_contains "search help documents $option" "$out" "$option"
done
expect_exit 2 "unknown option" -- "$SEARCH_BIN" --frobnicate x
expect_one_error_line "unknown option message" treaty-search
expect_contains "unknown option named" "$err" "frobnicate"
expect_exit 2 "index unknown option" -- "$INDEX_BIN" --bogus x
expect_one_error_line "index unknown option message" treaty-index
expect_exit 2 "index without paths" -- "$INDEX_BIN" --index "$idx"
expect_one_error_line "index without paths message" treaty-index

# --- missing index ------------------------------------------------------------------------
expect_exit 2 "missing index" -- "$SEARCH_BIN" --index "$work/nowhere" police
expect_one_error_line "missing index message" treaty-search
expect_contains "missing index names the folder" "$err" "$work/nowhere"

# --- first indexing, then nothing to do ----------------------------------------------------
expect_exit 0 "index corpus" -- "$INDEX_BIN" --index "$idx" "$work/corpus"
files=$(find "$work/corpus" -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.docx' -o -name '*.doc' -o -name '*.html' \) | wc -l)
expect_contains "summary counts added files" "$out" "added $files,"
expect_exit 0 "index again" -- "$INDEX_BIN" --index "$idx" "$work/corpus"
expect_contains "unchanged run says so" "$out" "Nothing changed: $files files"

# --- queries and exit codes ---------------------------------------------------------------
expect_exit 0 "query with hits" -- "$SEARCH_BIN" --index "$idx" QazNetEtiquette
expect_contains "text output has the letter's citation" "$out" "CERD/110th session/2023/FU/AKB/ks, para. ["
expect_exit 1 "query without hits" -- "$SEARCH_BIN" --index "$idx" xylophonezzz
expect_contains "no hits said plainly" "$out" "No passages match."
expect_exit 2 "empty query" -- "$SEARCH_BIN" --index "$idx" ""
expect_one_error_line "empty query message" treaty-search
expect_exit 2 "unbalanced query" -- "$SEARCH_BIN" --index "$idx" "(police OR"
expect_one_error_line "unbalanced query message" treaty-search
expect_contains "bad query is quoted" "$err" 'query "(police OR"'
expect_exit 2 "bad year" -- "$SEARCH_BIN" --index "$idx" --year 20x police
expect_one_error_line "bad year message" treaty-search
expect_exit 2 "limit over maximum" -- "$SEARCH_BIN" --index "$idx" -n 101 police
expect_one_error_line "limit message" treaty-search
expect_exit 0 "limit at maximum" -- "$SEARCH_BIN" --index "$idx" -n 100 police
expect_exit 0 "default index from environment" -- "$INDEX_BIN" "$work/corpus"
expect_exit 0 "search default index" -- "$SEARCH_BIN" police

# --- filters ----------------------------------------------------------------------------
expect_exit 0 "state filter by code" -- "$SEARCH_BIN" --index "$idx" --state KAZ --type follow-up-letter education
expect_contains "filtered to the letter" "$out" "CERD/110th session/2023/FU/AKB/ks"
expect_exit 1 "committee filter excludes" -- "$SEARCH_BIN" --index "$idx" --committee CCPR education
expect_exit 1 "year filter excludes" -- "$SEARCH_BIN" --index "$idx" --year 2010..2015 education
expect_exit 0 "year filter includes" -- "$SEARCH_BIN" --index "$idx" --year 2023 education
expect_exit 0 "symbol prefix filter" -- "$SEARCH_BIN" --index "$idx" --symbol 'CERD/110th*' education

# --- JSON ---------------------------------------------------------------------------------
expect_exit 0 "json output" -- "$SEARCH_BIN" --index "$idx" --json -n 3 '"hate speech"'
if command -v python3 >/dev/null; then
  if printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["query"] == "\"hate speech\"", d["query"]
assert d["total"] >= 3 and len(d["hits"]) == 3
h = d["hits"][0]
for k in ["rank", "score", "citation", "paragraph", "section", "text", "snippet", "document"]:
    assert k in h, k
for k in ["source", "symbol", "title", "type", "committee", "state", "session", "date", "language"]:
    assert k in h["document"], k
assert h["rank"] == 1
s, e = h["highlights"][0]
assert h["snippet"][s:e].lower() in ("hate", "speech"), h["snippet"][s:e]
'; then ok; else ko "json structure"; fi
fi

# --- incremental: change and delete -------------------------------------------------------
printf '\n263. An added paragraph about xylophonezzz.\n' >>"$work/corpus/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt"
expect_exit 0 "reindex changed file" -- "$INDEX_BIN" --index "$idx" "$work/corpus"
expect_contains "changed file updated" "$out" "updated 1,"
expect_exit 0 "new paragraph found" -- "$SEARCH_BIN" --index "$idx" xylophonezzz
expect_contains "new paragraph cited" "$out" "para. 263"
rm "$work/corpus/cerd-follow-up-letter-kazakhstan-2023.txt"
expect_exit 0 "reindex after delete" -- "$INDEX_BIN" --index "$idx" "$work/corpus"
expect_contains "deleted file removed" "$out" "removed 1,"
expect_exit 1 "deleted file no longer found" -- "$SEARCH_BIN" --index "$idx" QazNetEtiquette

# --- bad input files: one line each, run goes on, nothing lost ----------------------------
bad="$work/bad"
mkdir -p "$bad"
: >"$bad/empty.txt"
printf 'abc\0def' >"$bad/binary.txt"
printf '{\\rtf1\\ansi x}' >"$bad/notes.txt"
printf '%%PDF-1.4\n' >"$bad/report.pdf"
printf '1. A good paragraph about zanzibarqq.\n' >"$bad/good.txt"
expect_exit 1 "bad files exit 1" -- "$INDEX_BIN" --index "$idx" "$bad" "$bad/report.pdf" "$work/missing.txt"
lines=$(printf '%s\n' "$err" | grep -c '^treaty-index: ')
if [ "$lines" -eq 5 ] && [ "$(printf '%s\n' "$err" | grep -c '')" -eq 5 ]; then ok; else ko "one line per bad file: $err"; fi
expect_contains "empty named" "$err" "empty.txt: file is empty"
expect_contains "binary named" "$err" "binary.txt: binary file"
expect_contains "unsupported format named" "$err" "notes.txt: unsupported format (RTF)"
expect_contains "damaged PDF named" "$err" "report.pdf: PDF: PDF is damaged"
expect_contains "missing named" "$err" "missing.txt: no such file or folder"
expect_contains "good file still added" "$out" "added 1,"
expect_exit 0 "good file searchable" -- "$SEARCH_BIN" --index "$idx" zanzibarqq
expect_exit 0 "earlier documents kept" -- "$SEARCH_BIN" --index "$idx" Akhmedyarov

# --- a locked index -----------------------------------------------------------------------
if command -v python3 >/dev/null; then
  python3 -c '
import fcntl, sys, time
f = open(sys.argv[1] + "/shard0/flintlock", "r+")
fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
print("locked", flush=True)
time.sleep(20)
' "$idx" >"$work/lock.out" &
  locker=$!
  for _ in $(seq 50); do grep -q locked "$work/lock.out" 2>/dev/null && break; sleep 0.1; done
  expect_exit 2 "locked index" -- "$INDEX_BIN" --index "$idx" "$bad/good.txt"
  expect_one_error_line "locked message" treaty-index
  expect_contains "locked said" "$err" "locked"
  expect_exit 0 "search while locked" -- "$SEARCH_BIN" --index "$idx" zanzibarqq
  kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null
fi

# --- a damaged index ----------------------------------------------------------------------
cp -r "$idx" "$work/broken"
printf 'garbage' >"$work/broken/shard0/iamglass"
expect_exit 2 "corrupt index" -- "$SEARCH_BIN" --index "$work/broken" police
expect_one_error_line "corrupt index message" treaty-search
expect_exit 2 "not an index" -- "$SEARCH_BIN" --index "$work/corpus" police
expect_one_error_line "not an index message" treaty-search

finish

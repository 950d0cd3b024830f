#!/usr/bin/env bash
# Tests of how the tools read their command lines and print what they find: numeric options,
# filter values, query words that start with '-', and control characters in names and text.
#   search_cli_test.sh TREATY_INDEX TREATY_SEARCH CORPUS_DIR
set -u
INDEX_BIN=$1 SEARCH_BIN=$2 CORPUS=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 TREATYSEARCH_INDEX="$work/default-index"
. "$(dirname "$0")/lib.sh"

cp -r "$CORPUS" "$work/corpus"
idx="$work/idx"
expect_exit 0 "index corpus" -- "$INDEX_BIN" --index "$idx" "$work/corpus"

# --- numbers: negative, malformed or out of range is an error naming the option -------------
expect_exit 2 "negative offset" -- "$SEARCH_BIN" --index "$idx" --offset -1 -n 1 police
expect_one_error_line "negative offset message" treaty-search
expect_contains "negative offset named" "$err" "--offset '-1'"
expect_exit 2 "negative limit" -- "$SEARCH_BIN" --index "$idx" -n -1 police
expect_one_error_line "negative limit message" treaty-search
expect_contains "negative limit named" "$err" "--limit '-1'"
expect_exit 2 "limit not a number" -- "$SEARCH_BIN" --index "$idx" -n 5x police
expect_contains "limit not a number named" "$err" "--limit '5x'"
expect_exit 2 "huge offset" -- "$SEARCH_BIN" --index "$idx" --offset 18446744073709551615 police
expect_contains "huge offset named" "$err" "--offset"
expect_exit 2 "offset over 64 bits" -- "$SEARCH_BIN" --index "$idx" --offset 18446744073709551616 police
expect_contains "offset over 64 bits named" "$err" "--offset"
expect_exit 0 "limit at maximum" -- "$SEARCH_BIN" --index "$idx" -n 100 police
expect_exit 2 "limit over maximum" -- "$SEARCH_BIN" --index "$idx" -n 101 police
expect_contains "limit range said" "$err" "from 0 to 100"
expect_exit 1 "window at maximum" -- "$SEARCH_BIN" --index "$idx" --offset 9900 -n 100 police
expect_exit 2 "window over maximum" -- "$SEARCH_BIN" --index "$idx" --offset 9901 -n 100 police
expect_one_error_line "window message" treaty-search

tiny="$work/tiny"
mkdir -p "$tiny"
printf '1. A paragraph about quadrantzz.\n' >"$tiny/a.txt"
for option in --shards --threads --max-file-size; do
  expect_exit 2 "index $option -1" -- "$INDEX_BIN" --index "$work/never" "$option" -1 "$tiny"
  expect_one_error_line "index $option -1 message" treaty-index
  expect_contains "index $option -1 named" "$err" "$option '-1'"
done
if [ ! -e "$work/never" ]; then ok; else ko "a bad number must not create the index"; fi
expect_exit 2 "shards over maximum" -- "$INDEX_BIN" --index "$work/never" --shards 65 "$tiny"
expect_contains "shards range said" "$err" "from 0 to 64"
expect_exit 0 "shards at maximum" -- "$INDEX_BIN" --index "$work/shards64" --shards 64 "$tiny"
expect_exit 2 "threads over maximum" -- "$INDEX_BIN" --index "$work/never" --threads 257 "$tiny"
expect_exit 0 "threads at maximum" -- "$INDEX_BIN" --index "$work/threads256" --threads 256 "$tiny"
expect_exit 2 "max-file-size zero" -- "$INDEX_BIN" --index "$work/never" --max-file-size 0 "$tiny"
expect_exit 0 "max-file-size at 64 bits" -- "$INDEX_BIN" --index "$work/big" --max-file-size 18446744073709551615 "$tiny"
expect_exit 2 "max-file-size over 64 bits" -- "$INDEX_BIN" --index "$work/never" --max-file-size 18446744073709551616 "$tiny"

# --- filter values are checked ------------------------------------------------------------
expect_exit 2 "unknown type" -- "$SEARCH_BIN" --index "$idx" --type concluding-observation police
expect_one_error_line "unknown type message" treaty-search
expect_contains "unknown type named" "$err" '"concluding-observation"'
expect_contains "unknown type lists types" "$err" "concluding-observations, follow-up-letter"
expect_exit 2 "unknown committee" -- "$SEARCH_BIN" --index "$idx" --committee CRED police
expect_one_error_line "unknown committee message" treaty-search
expect_contains "unknown committee named" "$err" '"CRED"'
expect_contains "unknown committee lists committees" "$err" "CERD, CCPR, CESCR"
expect_exit 2 "unknown state" -- "$SEARCH_BIN" --index "$idx" --state Narnia police
expect_one_error_line "unknown state message" treaty-search
expect_contains "unknown state said" "$err" '"Narnia": matches no known State'
expect_exit 0 "known values in any case" -- "$SEARCH_BIN" --index "$idx" --committee cerd --state kaz --type Follow-Up-Letter education
expect_exit 1 "known committee without hits is no error" -- "$SEARCH_BIN" --index "$idx" --committee CCPR education

# --- query words starting with '-' --------------------------------------------------------
expect_exit 0 "quoted exclusion" -- "$SEARCH_BIN" --index "$idx" 'police -riots'
quoted_out=$out
expect_exit 0 "unquoted exclusion" -- "$SEARCH_BIN" --index "$idx" police -riots
if [ "$out" = "$quoted_out" ]; then ok; else ko "unquoted 'police -riots' differs from quoted"; fi
expect_exit 0 "double dash" -- "$SEARCH_BIN" --index "$idx" -- police -riots
if [ "$out" = "$quoted_out" ]; then ok; else ko "'-- police -riots' differs from quoted"; fi
expect_exit 0 "exclusion first after double dash" -- "$SEARCH_BIN" --index "$idx" -n 3 -- -riots police
expect_exit 0 "long option after the query" -- "$SEARCH_BIN" --index "$idx" police --json --limit 2
expect_contains "long option after the query applies" "$out" '"query": "police"'
expect_exit 0 "option value after the query" -- "$SEARCH_BIN" --index "$idx" education --committee CERD
expect_exit 2 "unknown long option after the query" -- "$SEARCH_BIN" --index "$idx" police --frobnicate
expect_contains "unknown long option named" "$err" "frobnicate"

# --- output formats -----------------------------------------------------------------------
expect_exit 2 "unknown format" -- "$SEARCH_BIN" --index "$idx" --format xml police
expect_one_error_line "unknown format message" treaty-search
expect_contains "unknown format named" "$err" "--format 'xml': expected text, json, csv or ris"
expect_exit 0 "csv" -- "$SEARCH_BIN" --index "$idx" --format csv -n 3 '"hate speech"'
if command -v python3 >/dev/null; then
  if printf '%s' "$out" | python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))
assert rows[0][:4] == ["rank", "score", "citation", "paragraph"], rows[0]
assert len(rows) == 4, len(rows)
for r in rows[1:]:
    assert len(r) == len(rows[0]), r
    assert "hate speech" in r[-1].lower(), r[-1]
    assert r[2].endswith(", para. " + r[3]) or r[3] in r[2], (r[2], r[3])
'; then ok; else ko "csv reads back with Python's csv module"; fi
else
  skip "python3 absent: csv not read back"
fi
expect_exit 0 "ris" -- "$SEARCH_BIN" --index "$idx" --format ris -n 2 '"hate speech"'
records=$(printf '%s' "$out" | grep -c $'^TY  - GOVDOC\r$')
[ "$records" = 2 ] && ok || ko "ris: 2 records expected, got $records"
pinpoints=$(printf '%s' "$out" | grep -c '^N1  - Pinpoint citation: ')
[ "$pinpoints" = 2 ] && ok || ko "ris: each record carries its pinpoint citation"
expect_exit 1 "csv without hits" -- "$SEARCH_BIN" --index "$idx" --format csv zzqqxxnothing
expect_contains "csv header even without hits" "$out" "rank,score,citation"

# --- results: sort, group, facets, suggestion, similar passages, show --------------------
expect_exit 2 "unknown sort" -- "$SEARCH_BIN" --index "$idx" --sort newest police
expect_contains "unknown sort named" "$err" "--sort 'newest': expected relevance, date or -date"
expect_exit 2 "like and show" -- "$SEARCH_BIN" --index "$idx" --like x --show y
expect_one_error_line "like and show message" treaty-search
expect_exit 2 "show with a query" -- "$SEARCH_BIN" --index "$idx" --show "x, para. 1" police
expect_contains "show with a query named" "$err" "'police' is left over"
expect_exit 2 "context over maximum" -- "$SEARCH_BIN" --index "$idx" --show x --context 21
expect_contains "context range said" "$err" "--context"
if command -v python3 >/dev/null; then
  for order in date -date; do
    expect_exit 0 "sort $order" -- "$SEARCH_BIN" --index "$idx" --json --sort "$order" -n 50 discrimination
    if printf '%s' "$out" | ORDER="$order" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
dates = [h["document"]["date"] for h in d["hits"] if h["document"]["date"]]
assert len(dates) >= 2, dates
want = sorted(dates, reverse=os.environ["ORDER"] == "-date")
assert [x[:4] for x in dates] == [x[:4] for x in want], dates
'; then ok; else ko "--sort $order orders the hits by date"; fi
  done
  expect_exit 0 "sort twice" -- "$SEARCH_BIN" --index "$idx" --json --sort date -n 30 rights
  first=$out
  expect_exit 0 "sort again" -- "$SEARCH_BIN" --index "$idx" --json --sort date -n 30 rights
  [ "$first" = "$out" ] && ok || ko "the same query gives the same order"

  expect_exit 0 "all hits" -- "$SEARCH_BIN" --index "$idx" --json -n 100 '"hate speech"'
  all=$out
  expect_exit 0 "facets" -- "$SEARCH_BIN" --index "$idx" --json --facets -n 1 '"hate speech"'
  if printf '%s\n%s' "$all" "$out" | python3 -c '
import json, sys
from collections import Counter
text = sys.stdin.read()
first, second = json.JSONDecoder().raw_decode(text)[0], None
second = json.loads(text[text.index("}\n{") + 2:])
assert first["total"] <= 100, "all hits fit one page"
counted = Counter(h["document"]["committee"] for h in first["hits"] if h["document"]["committee"])
assert second["facets"]["committee"] == dict(counted), (second["facets"]["committee"], counted)
years = Counter(h["document"]["date"][:4] for h in first["hits"] if h["document"]["date"])
assert second["facets"]["year"] == dict(years), (second["facets"]["year"], years)
'; then ok; else ko "--facets counts every match"; fi

  expect_exit 0 "group" -- "$SEARCH_BIN" --index "$idx" --json --group -n 5 '"hate speech"'
  if printf '%s\n%s' "$all" "$out" | python3 -c '
import json, sys
from collections import Counter
text = sys.stdin.read()
first = json.JSONDecoder().raw_decode(text)[0]
grouped = json.loads(text[text.index("}\n{") + 2:])
per_source = Counter(h["document"]["source"] for h in first["hits"])
assert grouped["hits"] == [] and grouped["groups"], grouped
for rank, g in enumerate(grouped["groups"], 1):
    assert g["rank"] == rank
    assert g["hit_count"] == per_source[g["document"]["source"]], (g["hit_count"], per_source)
    assert 1 <= len(g["passages"]) <= 3
'; then ok; else ko "--group counts each document's passages"; fi

  expect_exit 1 "suggestion (no hits)" -- "$SEARCH_BIN" --index "$idx" --json discrimnation
  if printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["suggestion"] and "discrimination" in d["suggestion"], d["suggestion"]
'; then ok; else ko "a misspelt word gets a suggestion"; fi
  expect_exit 1 "suggestion in text" -- "$SEARCH_BIN" --index "$idx" discrimnation
  expect_contains "did you mean printed" "$out" "Did you mean: discrimination"
  expect_exit 1 "no suggestion asked" -- "$SEARCH_BIN" --index "$idx" --no-suggest discrimnation
  expect_not_contains "no suggestion printed" "$out" "Did you mean"

  expect_exit 0 "a passage to start from" -- "$SEARCH_BIN" --index "$idx" --json -n 1 '"hate speech"'
  citation=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["citation"])')
  id=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
  expect_exit 0 "like by citation" -- "$SEARCH_BIN" --index "$idx" --json -n 10 --like "$citation"
  if printf '%s' "$out" | ID="$id" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
assert d["hits"], "similar passages found"
assert all(h["id"] != os.environ["ID"] for h in d["hits"]), "never the passage itself"
'; then ok; else ko "--like gives other passages"; fi
  expect_exit 0 "like by id" -- "$SEARCH_BIN" --index "$idx" --json -n 10 --like "$id"
  expect_exit 0 "show" -- "$SEARCH_BIN" --index "$idx" --json --show "$id" --context 1
  if printf '%s' "$out" | CITATION="$citation" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
assert d["passage"]["citation"] == os.environ["CITATION"], d["passage"]["citation"]
assert len(d["before"]) <= 1 and len(d["after"]) <= 1
assert d["before"] or d["after"]
'; then ok; else ko "--show gives the passage and its neighbours"; fi
  expect_exit 0 "show text" -- "$SEARCH_BIN" --index "$idx" --show "$citation"
  expect_contains "show text marks the passage" "$out" $'\xE2\x96\xB6'
else
  skip "python3 absent: results not checked"
fi
expect_exit 2 "show an unknown passage" -- "$SEARCH_BIN" --index "$idx" --show "XYZ/1, para. 99"
expect_one_error_line "unknown passage message" treaty-search

# --- control characters in names and text -------------------------------------------------
evil="$work/evil"
mkdir -p "$evil"
evil_name=$'x\033]0;pwned\007.txt'
printf '1. The sextantqq paragraph \033[31mred\033[0m and a bell \007 here.\n' >"$evil/$evil_name"
expect_exit 0 "index evil names" -- "$INDEX_BIN" --index "$work/evil-idx" "$evil"
expect_exit 0 "search evil names" -- "$SEARCH_BIN" --index "$work/evil-idx" --color always sextantqq
if [[ "$out" != *$'\033]'* && "$out" != *$'\007'* && "$out" != *$'\033[31m'* ]]; then ok; else
  ko "text output holds raw escape sequences: $(printf '%s' "$out" | od -c | head -5)"; fi
expect_contains "escape shown visibly" "$out" 'x\x1B]0;pwned\x07.txt'
expect_contains "bold still works" "$out" $'\033[1m'
expect_exit 0 "json evil names" -- "$SEARCH_BIN" --index "$work/evil-idx" --json sextantqq
if command -v python3 >/dev/null; then
  if printf '%s' "$out" | EVIL="$evil/$evil_name" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
h = d["hits"][0]
assert h["document"]["source"] == os.environ["EVIL"], h["document"]["source"]
assert "\x1b]0;pwned\x07" in h["citation"], h["citation"]
'; then ok; else ko "json keeps names exact"; fi
fi
: >"$evil/y"$'\033[2J'".txt"  # empty: its error line names it
expect_exit 1 "evil name in an error" -- "$INDEX_BIN" --index "$work/evil-idx" "$evil"
if [[ "$err" != *$'\033['* ]]; then ok; else
  ko "error line holds raw escapes: $(printf '%s' "$err" | od -c | head -5)"; fi
expect_contains "error line shows the escape" "$err" 'y\x1B[2J.txt: file is empty'
expect_exit 0 "verbose lines" -- "$INDEX_BIN" --index "$work/evil-idx2" -v "$evil/$evil_name"
if [[ "$out" != *$'\033'* && "$out" == *'x\x1B]0;pwned\x07.txt'* ]]; then ok; else
  ko "verbose line holds raw escapes: $(printf '%s' "$out" | od -c | head -5)"; fi
finish

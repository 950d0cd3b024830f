# Helpers for the CLI test scripts (sourced): counting, exit codes, output checks.
# The including script sets $work (a scratch folder) before using expect_exit. After sourcing,
# it may set command_timeout (seconds expect_exit lets a command run; empty: no limit) and
# shown_chars (how much of a haystack a failed check prints).
passed=0 failed=0 skipped=0
command_timeout= shown_chars=400

ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP: $*"; }

# expect_exit CODE NAME -- COMMAND...: runs COMMAND with an empty stdin, keeps stdout/stderr
# in $out/$err.
expect_exit() {
  local code=$1 name=$2; shift 3
  if [ -n "$command_timeout" ]; then set -- timeout "$command_timeout" "$@"; fi
  "$@" >"$work/out" 2>"$work/err" </dev/null
  local got=$?
  out=$(cat "$work/out") err=$(cat "$work/err")
  if [ "$got" -eq "$code" ]; then ok; else ko "$name: exit $got, expected $code; stderr: $err"; fi
}
expect_contains() { # NAME HAYSTACK NEEDLE
  if [[ "$2" == *"$3"* ]]; then ok; else ko "$1: '$3' not in: ${2:0:$shown_chars}"; fi
}
expect_not_contains() { # NAME HAYSTACK NEEDLE
  if [[ "$2" != *"$3"* ]]; then ok; else ko "$1: '$3' should not be in: ${2:0:$shown_chars}"; fi
}
expect_one_error_line() { # NAME TOOL
  local lines
  lines=$(printf '%s' "$err" | grep -c '' || true)
  if [ "$lines" -eq 1 ] && [[ "$err" == "$2: "* ]]; then ok; else ko "$1: expected one '$2: ' line, got: $err"; fi
}
# finish [--skipped]: prints the counts ("N passed, N failed", then ", N skipped" when asked);
# the script's exit status is 0 only when nothing failed.
finish() {
  if [ "${1-}" = --skipped ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ]
}

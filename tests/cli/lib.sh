# Helpers for the CLI test scripts (sourced): counting, exit codes, output checks.
# The including script sets $work (a scratch folder) before using expect_exit.
passed=0 failed=0

ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_exit CODE NAME -- COMMAND...: runs COMMAND, keeps stdout/stderr in $out/$err.
expect_exit() {
  local code=$1 name=$2; shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  out=$(cat "$work/out") err=$(cat "$work/err")
  if [ "$got" -eq "$code" ]; then ok; else ko "$name: exit $got, expected $code; stderr: $err"; fi
}
expect_contains() { # NAME HAYSTACK NEEDLE
  if [[ "$2" == *"$3"* ]]; then ok; else ko "$1: '$3' not in: ${2:0:400}"; fi
}
expect_not_contains() { # NAME HAYSTACK NEEDLE
  if [[ "$2" != *"$3"* ]]; then ok; else ko "$1: '$3' should not be in: ${2:0:400}"; fi
}
expect_one_error_line() { # NAME TOOL
  local lines
  lines=$(printf '%s' "$err" | grep -c '' || true)
  if [ "$lines" -eq 1 ] && [[ "$err" == "$2: "* ]]; then ok; else ko "$1: expected one '$2: ' line, got: $err"; fi
}
# finish: prints the counts; the script's exit status is 0 only when nothing failed.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

#!/usr/bin/env bash
# Tests of the real treaty-index binary walking folders: unreadable folders, files that become
# unindexable, symbolic links, FIFOs, sockets, hidden names, and an empty --index.
#   index_cli_test.sh TREATY_INDEX TREATY_SEARCH
set -u
INDEX_BIN=$1 SEARCH_BIN=$2
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
export NO_COLOR=1 TREATYSEARCH_INDEX="$work/default-index"
. "$(dirname "$0")/lib.sh"
# A command that hangs (on a FIFO, say) is stopped after two minutes; failures show more output.
command_timeout=120 shown_chars=600

# File permissions bind root only without its override capabilities (CI runs as root):
# `unprivileged` runs a command so that they apply, when this machine allows it.
unprivileged=()
can_drop=yes
if [ "$(id -u)" -eq 0 ]; then
  unprivileged=(setpriv --inh-caps=-all --bounding-set=-dac_override,-dac_read_search --)
  "${unprivileged[@]}" true 2>/dev/null || can_drop=no
fi

c="$work/c" idx="$work/idx"
mkdir -p "$c/sub" "$work/outside"
printf '1. Alpha about lighthouses.\n' >"$c/a.txt"
printf '1. Beta about windmills.\n' >"$c/sub/b.txt"
printf '1. Gamma about canals.\n' >"$c/sub/g.txt"
printf '1. Secret about passwordzz.\n' >"$work/outside/secret.txt"
expect_exit 0 "first index" -- "$INDEX_BIN" --index "$idx" "$c"
expect_contains "first index added 3" "$out" "added 3,"

# --- an unreadable sub-folder: an error, exit 1, and its files stay ---------------------------
chmod 000 "$c/sub"
if [ "$can_drop" = no ] || "${unprivileged[@]}" test -r "$c/sub"; then
  skip "file permissions cannot be enforced here"
else
  expect_exit 1 "unreadable folder" -- "${unprivileged[@]}" "$INDEX_BIN" --index "$idx" "$c"
  expect_one_error_line "unreadable folder message" treaty-index
  expect_contains "unreadable folder named" "$err" "$c/sub: cannot read folder"
  expect_contains "unreadable folder removes nothing" "$out" "removed 0,"
fi
chmod 755 "$c/sub"
expect_exit 0 "files of the unreadable folder still found" -- "$SEARCH_BIN" --index "$idx" windmills

# --- a file that becomes unindexable loses its passages, and the run says so --------------------
: >"$c/a.txt"
expect_exit 1 "emptied file" -- "$INDEX_BIN" --index "$idx" "$c"
expect_one_error_line "emptied file message" treaty-index
expect_contains "emptied file named" "$err" "$c/a.txt: "
expect_contains "emptied file's passages removed" "$err" "its indexed passage was removed"
expect_contains "summary counts the removal" "$out" "failed 1, of which 1 removed from the index"
expect_exit 1 "emptied file no longer found" -- "$SEARCH_BIN" --index "$idx" lighthouses
printf '1. Alpha about lighthouses.\n' >"$c/a.txt"
expect_exit 0 "restored file" -- "$INDEX_BIN" --index "$idx" "$c"

# --- symbolic links: not followed unless asked, and never outside the folders given -------------
ln -s "$work/outside/secret.txt" "$c/p.txt"
ln -s a.txt "$c/inside.txt"
expect_exit 0 "links not followed" -- "$INDEX_BIN" --index "$idx" "$c"
expect_exit 1 "outside file not searchable" -- "$SEARCH_BIN" --index "$idx" passwordzz
expect_exit 0 "links listed with -v" -- "$INDEX_BIN" --index "$idx" -v "$c"
expect_contains "link skipped with reason" "$out" "skipped: $c/p.txt (symbolic link, not followed)"
expect_contains "summary says links were not followed" "$out" "2 symbolic links were not followed"
expect_not_contains "links not mentioned without -v" "$(
  "$INDEX_BIN" --index "$idx" "$c" 2>&1
)" "symbolic link"
expect_exit 0 "follow links" -- "$INDEX_BIN" --index "$idx" -v --follow-links "$c"
expect_contains "inside link followed (a copy of a.txt)" "$out" "duplicate: $c/inside.txt (same content as $c/a.txt"
expect_contains "outside link still skipped" "$out" "skipped: $c/p.txt (symbolic link leading outside"
expect_exit 1 "outside file still not searchable" -- "$SEARCH_BIN" --index "$idx" passwordzz
expect_exit 0 "a link named on the command line is read" -- "$INDEX_BIN" --index "$idx" "$c/p.txt"
expect_exit 0 "named link searchable" -- "$SEARCH_BIN" --index "$idx" passwordzz
rm "$c/p.txt" "$c/inside.txt"

# --- dangling links, FIFOs, sockets and hidden names: skipped with a reason under -v -----------
ln -s "$work/nothing.txt" "$c/dangling.txt"
mkfifo "$c/pipe.txt"
printf '1. Hidden about zeppelins.\n' >"$c/.hidden.txt"
mkdir "$c/.git" && printf '1. Hidden about dirigibles.\n' >"$c/.git/x.txt"
expect_exit 0 "special entries skipped" -- "$INDEX_BIN" --index "$idx" -v "$c"
expect_contains "dangling link reason" "$out" "skipped: $c/dangling.txt (symbolic link to nothing)"
expect_contains "FIFO reason" "$out" "skipped: $c/pipe.txt (FIFO)"
expect_contains "hidden file reason" "$out" "skipped: $c/.hidden.txt (hidden file)"
expect_contains "hidden folder reason" "$out" "skipped: $c/.git (hidden folder, not entered)"
expect_exit 1 "hidden text not searchable" -- "$SEARCH_BIN" --index "$idx" zeppelins
expect_exit 1 "hidden folder not searchable" -- "$SEARCH_BIN" --index "$idx" dirigibles
if command -v python3 >/dev/null; then
  python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$c/sock.txt"
  expect_exit 0 "socket skipped" -- "$INDEX_BIN" --index "$idx" -v "$c"
  expect_contains "socket reason" "$out" "skipped: $c/sock.txt (socket)"
else
  skip "no python3 to make a socket"
fi

# --- an empty --index is an error, not the default index ------------------------------------
expect_exit 2 "empty --index" -- "$INDEX_BIN" --index "" "$c"
expect_one_error_line "empty --index message" treaty-index
expect_contains "empty --index named" "$err" "--index"
if [ -e "$TREATYSEARCH_INDEX" ]; then ko "empty --index wrote the default index"; else ok; fi

finish --skipped

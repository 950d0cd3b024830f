// Pieces shared by treaty-index and treaty-search: where the index lives, terminal detection,
// and the one-line error format "<tool>: <thing>: <problem>".
#pragma once

#include <string>
#include <string_view>

namespace treatysearch::cli {

// Exit codes shared by both tools (treaty-index uses kNoHits for "some files failed").
inline constexpr int kExitOk = 0;
inline constexpr int kExitNoHits = 1;
inline constexpr int kExitError = 2;

// The index folder when --index is not given: $TREATYSEARCH_INDEX, else
// $XDG_DATA_HOME/treatysearch/index, else ~/.local/share/treatysearch/index.
std::string default_index_dir();

// Text documenting default_index_dir() for --help.
inline constexpr const char* kIndexHelp =
    "index folder (default: $TREATYSEARCH_INDEX, else "
    "$XDG_DATA_HOME/treatysearch/index, else ~/.local/share/treatysearch/index)";

bool is_terminal(int fd);

// Prints "<tool>: <message>" as one line on stderr (newlines in message become spaces).
void print_error(std::string_view tool, std::string_view message);

}  // namespace treatysearch::cli

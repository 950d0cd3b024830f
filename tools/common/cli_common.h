// Pieces shared by treaty-index and treaty-search: where the index lives, terminal detection,
// reading numeric options, showing untrusted text on a terminal, and the one-line error format
// "<tool>: <thing>: <problem>".
#pragma once

#include <boost/program_options.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "treatysearch/search.h"

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

// Where treaty-search and treaty-serve read the index: --index, or --remote shards.
struct IndexChoice {
  std::string index_dir;
  std::string remote;  // HOST:PORT,... (parse_remote_shards); empty: the folder
  std::size_t remote_timeout_ms = 10000;
};

// Adds --index, --remote and --remote-timeout to `options`, stored in *choice.
void add_index_options(boost::program_options::options_description* options, IndexChoice* choice);

// An error message when both --index and --remote were given (empty otherwise); fills in the
// default index folder when neither was.
std::string settle_index_choice(IndexChoice* choice);

// Opens the chosen index. Throws treatysearch::Error.
Searcher open_searcher(const IndexChoice& choice);

// Reads the value `text` of the numeric option `option` ("--offset"): decimal digits only (no
// sign, no spaces), from `min` to `max`. Boost.Program_options reads "-1" into an unsigned
// number as a huge value, so the tools take numbers as text and read them here.
// Throws boost::program_options::error: "--offset '-1': expected a whole number from 0 to 10000".
std::uint64_t read_number(std::string_view option, std::string_view text, std::uint64_t min,
                          std::uint64_t max);

// The value semantic of a numeric option stored in *target, read with read_number when the
// options are notified (errors thus come out as every other option error). `option` is the
// name as the user writes it ("--offset"); *target's initial value is the default.
template <typename Number>
boost::program_options::typed_value<std::string>* number_value(const char* option, Number* target,
                                                               Number min, Number max) {
  return boost::program_options::value<std::string>()
      ->default_value(std::to_string(*target))
      ->notifier([=](const std::string& text) {
        *target = static_cast<Number>(read_number(option, text, min, max));
      });
}

// How escape_controls() writes a control character.
enum class EscapeStyle {
  kTerminal,  // C0 controls and DEL as \x1B, C1 controls (U+0080..U+009F) as \u009B
  kJson,      // for text already JSON, whose C0 controls are line breaks and indentation
              // (a JSON writer escapes those in strings): DEL and C1 as \u007f, \u009b
};

// `text` with every character a terminal could act on (C0 controls, DEL, C1 controls) written
// as an escape instead. File names and document text are untrusted: printed raw,
// "\033]0;...\007" retitles the terminal and worse. Other bytes, valid UTF-8 or not, are kept.
std::string escape_controls(std::string_view text, EscapeStyle style);

// Untrusted text as text output shows it (escape_controls, kTerminal).
inline std::string printable(std::string_view text) {
  return escape_controls(text, EscapeStyle::kTerminal);
}

// Prints "<tool>: <message>" as one line on stderr (line breaks in message become spaces;
// other control characters are shown as printable() shows them).
void print_error(std::string_view tool, std::string_view message);

}  // namespace treatysearch::cli

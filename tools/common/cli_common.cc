#include "cli_common.h"

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <iostream>

namespace treatysearch::cli {

std::string default_index_dir() {
  if (const char* explicit_dir = std::getenv("TREATYSEARCH_INDEX"); explicit_dir && *explicit_dir)
    return explicit_dir;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
    return std::string(data) + "/treatysearch/index";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/treatysearch/index";
}

bool is_terminal(int fd) { return isatty(fd) == 1; }

void add_index_options(boost::program_options::options_description* options, IndexChoice* choice) {
  options->add_options()("index", boost::program_options::value(&choice->index_dir), kIndexHelp)(
      "remote", boost::program_options::value(&choice->remote),
      "search an index whose shards xapian-tcpsrv serves: HOST:PORT for each shard, in order, "
      "comma-separated (shard0 first)")(
      "remote-timeout",
      number_value("--remote-timeout", &choice->remote_timeout_ms, std::size_t{1},
                   std::size_t{600000}),
      "milliseconds a remote shard may take to answer before the search fails naming it");
}

std::string settle_index_choice(IndexChoice* choice) {
  if (!choice->index_dir.empty() && !choice->remote.empty())
    return "--index and --remote: give one of them";
  if (choice->index_dir.empty() && choice->remote.empty()) choice->index_dir = default_index_dir();
  return {};
}

Searcher open_searcher(const IndexChoice& choice) {
  if (choice.remote.empty()) return Searcher::open(choice.index_dir);
  RemoteOptions options;
  options.timeout_ms = static_cast<unsigned>(choice.remote_timeout_ms);
  options.connect_timeout_ms = std::min(options.connect_timeout_ms, options.timeout_ms);
  return Searcher::open_remote(parse_remote_shards(choice.remote), options);
}

std::uint64_t read_number(std::string_view option, std::string_view text, std::uint64_t min,
                          std::uint64_t max) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  // from_chars alone would accept a leading '-' for signed types only, but also stop at the
  // first non-digit: the whole text must be digits.
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  const bool digits_only =
      !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits_only || error != std::errc() || stop != end || value < min || value > max)
    throw boost::program_options::error(std::string(option) + " '" + std::string(text) +
                                        "': expected a whole number from " + std::to_string(min) +
                                        " to " + std::to_string(max));
  return value;
}

std::string escape_controls(std::string_view text, EscapeStyle style) {
  static constexpr char kUpperHex[] = "0123456789ABCDEF";
  static constexpr char kLowerHex[] = "0123456789abcdef";
  const char* hex = style == EscapeStyle::kJson ? kLowerHex : kUpperHex;
  std::string out;
  out.reserve(text.size());
  auto escape = [&](const char* prefix, unsigned char code) {
    out += prefix;
    out += hex[code >> 4];
    out += hex[code & 15];
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0x7F || (c < 0x20 && style == EscapeStyle::kTerminal)) {
      escape(style == EscapeStyle::kJson ? "\\u00" : "\\x", c);
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // U+0080..U+009F in UTF-8
      escape("\\u00", next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void print_error(std::string_view tool, std::string_view message) {
  std::string line(message);
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  std::cerr << tool << ": " << printable(line) << '\n';
}

}  // namespace treatysearch::cli

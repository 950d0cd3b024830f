// Recognition of UN document symbols ("CERD/C/KAZ/CO/8-10", "E/C.12/AUS/CO/6",
// "A/HRC/WG.6/1/BRA/1"), which lawyers search for as one exact thing. ICU word segmentation
// would split them into "cerd c kaz co 8 10"; the analyzer also emits each symbol whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text.h"

namespace treatysearch::core {

// Longest symbol accepted, in bytes (real ones are under 40).
inline constexpr std::size_t kMaxSymbolBytes = 60;

// Calls found(begin, end) for each symbol in `text`, in order (byte offsets). A symbol is a run
// of [A-Za-z0-9.-] segments joined by at least two '/', whose first segment is 1-6 capital
// letters, not inside a URL, trailing '.' and '-' excluded.
template <typename Found>
void find_symbols(std::string_view text, Found&& found);

// True if the whole of `word` is a symbol. With `any_case`, a lower-case first segment is
// accepted too (what people type in a query box).
bool is_symbol(std::string_view word, bool any_case = false);

// The index form of a symbol: ASCII lower case.
std::string symbol_key(std::string_view symbol);

namespace symbols_detail {
// Length of the symbol starting at text[start] (0 if none). `start` must not follow a symbol
// character.
std::size_t symbol_length_at(std::string_view text, std::size_t start, bool any_case);
bool is_symbol_char(char c);
}  // namespace symbols_detail

template <typename Found>
void find_symbols(std::string_view text, Found&& found) {
  // A symbol holds two slashes at least: text with fewer (most passages) is not scanned.
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || text.find('/', slash + 1) == std::string_view::npos)
    return;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool boundary = i == 0 || !symbols_detail::is_symbol_char(text[i - 1]);
    if (boundary && is_ascii_upper(c)) {
      const std::size_t length = symbols_detail::symbol_length_at(text, i, false);
      if (length > 0) {
        found(i, i + length);
        i += length;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace treatysearch::core

#include "symbols.h"

#include "text.h"

namespace treatysearch::core {

namespace symbols_detail {

bool is_symbol_char(char c) { return is_ascii_alnum(c) || c == '.' || c == '-' || c == '/'; }

std::size_t symbol_length_at(std::string_view text, std::size_t start, bool any_case) {
  std::size_t end = start;
  while (end < text.size() && end - start <= kMaxSymbolBytes && is_symbol_char(text[end])) ++end;
  if (end < text.size() && is_symbol_char(text[end])) return 0;  // longer than any symbol
  // A symbol never continues into a URL or an e-mail address.
  if (end < text.size() && (text[end] == ':' || text[end] == '@')) return 0;
  while (end > start && (text[end - 1] == '.' || text[end - 1] == '-' || text[end - 1] == '/'))
    --end;
  const std::string_view run = text.substr(start, end - start);
  if (run.empty() || run.size() > kMaxSymbolBytes) return 0;

  // First segment: 1-6 letters, capitals unless any_case.
  std::size_t first = 0;
  while (first < run.size() && run[first] != '/') {
    const char c = run[first];
    const bool letter = is_ascii_upper(c) || (any_case && is_ascii_lower(c));
    if (!letter) return 0;
    ++first;
  }
  if (first == 0 || first > 6) return 0;

  std::size_t slashes = 0;
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (run[i] != '/') continue;
    ++slashes;
    if (i + 1 >= run.size() || run[i + 1] == '/') return 0;  // empty segment, "//"
  }
  return slashes >= 2 ? run.size() : 0;
}

}  // namespace symbols_detail

bool is_symbol(std::string_view word, bool any_case) {
  return !word.empty() && symbols_detail::symbol_length_at(word, 0, any_case) == word.size();
}

std::string symbol_key(std::string_view symbol) { return ascii_lowercase(symbol); }

}  // namespace treatysearch::core

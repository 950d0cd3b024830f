// What the PDF tests read off extracted blocks, in one place.
#pragma once

#include <optional>
#include <string_view>

namespace treatysearch::ingest {

// The printed paragraph number a block's text opens with: one to three digits, ASCII or
// Arabic-Indic (U+0660..U+0669, mixed as PDF fonts mix them), then ". ", "- " or " - "
// ("12. ", "١٢- ", "9 - ").
inline std::optional<int> opening_number(std::string_view text) {
  int number = 0;
  std::size_t i = 0, digits = 0;
  while (i < text.size() && digits < 4) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= '0' && byte <= '9') {
      number = number * 10 + (byte - '0');
      ++i;
    } else if (i + 1 < text.size() && byte == 0xD9 &&
               static_cast<unsigned char>(text[i + 1]) >= 0xA0 &&
               static_cast<unsigned char>(text[i + 1]) <= 0xA9) {
      number = number * 10 + (static_cast<unsigned char>(text[i + 1]) - 0xA0);
      i += 2;
    } else {
      break;
    }
    ++digits;
  }
  if (digits == 0 || digits > 3) return std::nullopt;
  if (i < text.size() && text[i] == ' ') ++i;
  if (i + 1 >= text.size() || (text[i] != '.' && text[i] != '-') || text[i + 1] != ' ')
    return std::nullopt;
  return number;
}

}  // namespace treatysearch::ingest

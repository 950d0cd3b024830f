// Headings: enumerated ("II. Positive aspects", "C. ...") and plain ("Hate speech") heading
// lines, and the runs of heading-like lines that are really short list items.
#include "segmenter_parts.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::segmenter_detail {

using core::count_words;
using core::is_ascii_upper;

// ---------------------------------------------------------------------------------------------
// Headings

constexpr std::size_t kMaxEnumeratedHeadingBytes = 200;
constexpr std::size_t kMaxEnumeratorLetters = 6;

namespace {

bool is_roman_letter(char c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
}

}  // namespace

std::optional<EnumeratedHeading> parse_enumerated_heading(std::string_view text) {
  if (const auto numbered = parse_numbered(text)) {
    if (!numbered->quoted && numbered->delimiter == '.' && is_mostly_upper_case(numbered->rest)) {
      return EnumeratedHeading{HeadingStyle::kNumberedCapitals, 0};
    }
    return std::nullopt;
  }
  if (text.size() > kMaxEnumeratedHeadingBytes || ends_with_sentence_punctuation(text)) {
    return std::nullopt;
  }
  std::size_t pos = 0;
  while (pos < text.size() && is_ascii_upper(text[pos])) ++pos;
  if (pos == 0 || pos > kMaxEnumeratorLetters) return std::nullopt;
  if (pos + 2 >= text.size() || text[pos] != '.' || text[pos + 1] != ' ') return std::nullopt;
  if (!starts_uppercase(text.substr(pos + 2))) return std::nullopt;
  const std::string_view enumerator = text.substr(0, pos);
  const bool roman = std::all_of(enumerator.begin(), enumerator.end(), is_roman_letter);
  if (enumerator.size() == 1) {
    return EnumeratedHeading{roman ? HeadingStyle::kRomanOrLetter : HeadingStyle::kLetter,
                             enumerator.front()};
  }
  if (!roman) return std::nullopt;
  return EnumeratedHeading{HeadingStyle::kRoman, enumerator.front()};
}

// For every line, the length of the run of consecutive heading-like lines it belongs to
// (0 for other lines). A title followed by a subtitle is a run of two.
std::vector<std::size_t> heading_run_lengths(const std::vector<Line>& lines, std::size_t body_end) {
  std::vector<std::size_t> runs(lines.size(), 0);
  std::vector<std::size_t> run;
  const auto close_run = [&runs, &run] {
    for (const std::size_t line : run) runs[line] = run.size();
    run.clear();
  };
  for (std::size_t i = 0; i < body_end; ++i) {
    const Line& line = lines[i];
    if (!line.has_text()) continue;
    // An enumerated heading ("A. Introduction") ends a run: it is a heading of its own kind.
    const bool plain_heading_like = !line.tab_led && looks_like_plain_heading(line.text) &&
                                    !parse_enumerated_heading(line.text).has_value();
    if (plain_heading_like) {
      run.push_back(i);
    } else {
      close_run();
    }
  }
  close_run();
  return runs;
}

}  // namespace treatysearch::ingest::segmenter_detail

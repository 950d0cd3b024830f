// Sessions named in the six UN languages: the adoption note of a committee's document ("Adopted
// by the Committee at its twenty-seventh session", "Adoptées par le Comité à sa vingt et unième
// session", ...) and the session heading of a report or reply ("Twenty-ninth session").
#include "metadata_rules.h"

#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::metadata_detail {

namespace {

// A number phrase read whole: digits with their suffix, or number words.
int read_number_phrase(std::string_view phrase, Language language) {
  phrase = core::trim(phrase);
  if (phrase.empty() || phrase.size() > 80) return -1;
  if (const int digits = read_ordinal_digits(phrase); digits > 0) return digits;
  return read_ordinal_words(phrase, language);
}

struct Pattern {
  std::string_view before;  // folded (fold_words()), ends where the number starts
  std::string_view after;   // folded, starts where the number ends; empty: read number words
  Language language;
};

// Adoption notes by the committee itself. A pre-sessional working group counts its sessions on
// its own ("adopted by the pre-sessional working group at its eleventh session" of a list of
// issues is not the Committee's eleventh session), so only the Committee's notes are read.
constexpr Pattern kAdoptionNotes[] = {
    {"adopted by the committee at its ", " session", Language::kEnglish},
    {"adopted by the committee during its ", " session", Language::kEnglish},
    {"par le comite a sa ", " session", Language::kFrench},
    {"par le comite a sa ", "session", Language::kFrench},  // "21e session" split oddly
    {"por el comite en su ", " periodo de sesiones", Language::kSpanish},
    {"комитетом на его ", " сесси", Language::kRussian},
    {"комитетом на своей ", " сесси", Language::kRussian},
    {"اللجنه في دورتها ", "", Language::kArabic},
    {"委员会第", "届会议", Language::kChinese},
    {"委员会在第", "届会议", Language::kChinese},
};

// The number after `pattern.before` at `pos` in `folded`, or -1.
int number_after(std::string_view folded, std::size_t pos, const Pattern& pattern) {
  const std::string_view rest = folded.substr(pos);
  constexpr std::size_t kMaxPhraseBytes = 80;
  if (pattern.after.empty()) {
    // Arabic: the number words follow the word for session; read them while they are numbers.
    std::string_view phrase;
    int best = -1;
    std::size_t end = 0;
    for (int words = 0; words < 5 && end < rest.size(); ++words) {
      std::size_t next = rest.find(' ', end);
      if (next == std::string_view::npos) next = rest.size();
      phrase = rest.substr(0, next);
      const int value = read_number_phrase(phrase, pattern.language);
      if (value < 0) break;
      best = value;
      end = next + 1;
    }
    return best;
  }
  const std::size_t end =
      rest.substr(0, kMaxPhraseBytes + pattern.after.size()).find(pattern.after);
  if (end == std::string_view::npos || end == 0) return -1;
  return read_number_phrase(rest.substr(0, end), pattern.language);
}

}  // namespace

std::string session_in_adoption_note(std::string_view folded) {
  std::size_t best_position = std::string_view::npos;
  int best = -1;
  for (const Pattern& pattern : kAdoptionNotes) {
    for (std::size_t pos = find_bytes(folded, pattern.before);
         pos != std::string_view::npos && pos < best_position;
         pos = find_bytes(folded, pattern.before, pos + 1)) {
      const int value = number_after(folded, pos + pattern.before.size(), pattern);
      if (value > 0) {
        best_position = pos;
        best = value;
        break;
      }
    }
  }
  return best > 0 ? std::to_string(best) : std::string();
}

std::string session_heading(std::string_view line) {
  const std::string folded = fold_words(strip_trailing_marks(line));
  const std::string_view text = folded;
  constexpr Pattern kHeadings[] = {
      {"", " session", Language::kEnglish},
      {"", " session", Language::kFrench},
      {"", " periodo de sesiones", Language::kSpanish},
      {"", " сессия", Language::kRussian},
      {"الدوره ", "", Language::kArabic},
      {"第", "届会议", Language::kChinese},
  };
  for (const Pattern& heading : kHeadings) {
    if (!text.starts_with(heading.before)) continue;
    std::string_view number = text.substr(heading.before.size());
    if (!heading.after.empty()) {
      if (!number.ends_with(heading.after)) continue;
      number.remove_suffix(heading.after.size());
    }
    const int value = read_number_phrase(number, heading.language);
    if (value > 0) return std::to_string(value);
  }
  return {};
}

}  // namespace treatysearch::ingest::metadata_detail

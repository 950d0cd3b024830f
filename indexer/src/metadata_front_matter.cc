// The header of a document: where it ends, its title, its type from wording, the State it names.
#include "metadata_rules.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata_detect.h"
#include "states.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

// ---------------------------------------------------------------------------------------------
// The header: the lines before the body starts.

bool is_salutation(std::string_view line) {
  for (std::string_view opening :
       {"Excellency", "Your Excellency", "Excellence", "Excelencia", "Dear "}) {
    if (core::starts_with_ascii_ci(line, opening)) return true;
  }
  return false;
}

namespace {

// "1. The Committee ...", "12.\tText", "A. Introduction", "II. Concerns": a numbered paragraph
// or section heading, where the header ends.
bool is_numbered_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && core::is_ascii_digit(line[i])) ++i;
  if (i == 0) {
    // One capital letter, or a Roman numeral.
    while (i < line.size() && (line[i] == 'I' || line[i] == 'V' || line[i] == 'X')) ++i;
    if (i == 0 && !line.empty() && core::is_ascii_upper(line[0])) i = 1;
    if (i == 0 || i >= line.size() || line[i] != '.') return false;
  } else if (i >= line.size() || (line[i] != '.' && line[i] != ')')) {
    return false;
  }
  ++i;
  return i == line.size() || core::is_ascii_space(line[i]);
}

}  // namespace

Header read_header(std::string_view front) {
  constexpr std::size_t kProseWords = 40;
  Header header;
  for (std::string_view raw : core::split_lines(front)) {
    const std::string normalized = normalize_spaces(without_bidi_controls(raw));
    const std::string_view line = core::trim(normalized);
    if (line.empty()) continue;
    if (is_salutation(line)) {
      header.ends_with_salutation = true;
      break;
    }
    if (is_numbered_line(line) || core::count_words(line) > kProseWords) break;
    header.lines.emplace_back(line);
  }
  return header;
}

// ---------------------------------------------------------------------------------------------
// Titles and types.

namespace {

bool is_boilerplate_line(std::string_view line) {
  static constexpr std::string_view kOpenings[] = {"Distr",
                                                   "Original",
                                                   "Advance unedited",
                                                   "Unedited",
                                                   "Nations Unies",
                                                   "Naciones Unidas",
                                                   "GE.",
                                                   "*",
                                                   "Date received",
                                                   "[Date received",
                                                   "Page ",
                                                   "Please recycle",
                                                   "Language:",
                                                   "Languages:",
                                                   "Reproduced",
                                                   "Economic and Social Council",
                                                   "General Assembly"};
  for (std::string_view opening : kOpenings) {
    if (core::starts_with_ascii_ci(line, opening)) return true;
  }
  // "United Nations" alone or as the first cell of the layout table.
  if (core::starts_with_ascii_ci(line, "United Nations") &&
      (line.size() == 14 || core::is_ascii_space(line[14]))) {
    return true;
  }
  // Letterhead.
  for (std::string_view mark : {"HIGH COMMISSIONER", "HAUT-COMMISSARIAT", "PALAIS DES NATIONS",
                                "www.", "@", "TEL:", "FAX:"}) {
    if (contains(line, mark)) return true;
  }
  // "Arabic, Chinese, English, French, Russian and Spanish only".
  bool only_languages = true;
  std::string lowered = core::ascii_lowercase(line);
  std::replace(lowered.begin(), lowered.end(), ',', ' ');
  for (std::string_view word : split(lowered, ' ')) {
    if (word.empty()) continue;
    static constexpr std::string_view kWords[] = {"arabic",  "chinese", "english", "french",
                                                  "russian", "spanish", "and",     "only"};
    if (std::ranges::find(kWords, word) == std::end(kWords)) {
      only_languages = false;
      break;
    }
  }
  return only_languages;
}

// Openings of real titles; a line starting with one of these beats an earlier plausible line
// (an organisation's name on an NGO cover page, a heading of an old UN layout).
constexpr std::string_view kTitleOpenings[] = {"Concluding observations",
                                               "List of issues",
                                               "General comment",
                                               "General recommendation",
                                               "Views adopted",
                                               "Decision adopted",
                                               "Commentaries",
                                               "Comments of",
                                               "Alternative report",
                                               "Shadow report",
                                               "Parallel report",
                                               "Joint submission",
                                               "Combined",
                                               "Initial report",
                                               "Information received"};

bool has_title_opening(std::string_view line) {
  for (std::string_view opening : kTitleOpenings) {
    if (core::starts_with_ascii_ci(line, opening)) return true;
  }
  const std::string lowered = core::ascii_lowercase(line);
  return contains(lowered, "periodic report");
}

}  // namespace

std::string find_title(const Header& header) {
  constexpr std::size_t kMinTitleBytes = 12;
  constexpr std::size_t kMaxTitleBytes = 400;
  // A letter's header is letterhead, reference, address and date: nothing there is a title.
  if (header.ends_with_salutation) return {};
  std::string_view first_plausible;
  for (const std::string& line : header.lines) {
    const std::string_view candidate = strip_trailing_marks(line);
    if (candidate.size() < kMinTitleBytes || candidate.size() > kMaxTitleBytes) continue;
    if (is_boilerplate_line(candidate) || is_committee_name_line(candidate)) continue;
    if (labelled_line(candidate)) continue;  // "Symbol: CAT/C/NZL/2" is a field, not a title
    if (reference_value(candidate) || !parse_date_line(candidate).empty()) continue;
    // A row of the front-page layout table ("Economic and Social Council<TAB>Distr.: General")
    // is not a title, nor is the tail of a name Word wrapped ("of All Forms of Racial ...").
    const std::vector<std::string_view> cells = split_cells(candidate);
    if (cells.size() > 1 || (candidate.front() >= 'a' && candidate.front() <= 'z')) continue;
    if (std::any_of(cells.begin(), cells.end(), [](std::string_view cell) {
          return is_un_symbol(strip_trailing_marks(cell));
        })) {
      continue;
    }
    const char last = candidate.back();
    if (last == ':' || last == ',' || last == ';') continue;
    // A long sentence is the body's prose (a letter whose salutation OCR or the layout lost),
    // not a title: titles do not end in a full stop.
    constexpr std::size_t kMaxSentenceWords = 12;
    if ((last == '.' || last == '!' || last == '?') &&
        static_cast<std::size_t>(std::count(candidate.begin(), candidate.end(), ' ')) >=
            kMaxSentenceWords) {
      continue;
    }
    if (!core::has_letter(candidate)) continue;  // "1907297", "* * *": no title in any script
    if (has_title_opening(candidate)) return core::collapse_whitespace(candidate);
    if (first_plausible.empty()) first_plausible = candidate;
  }
  return core::collapse_whitespace(first_plausible);
}

// NGO wording in the front matter: "the comments of the human rights organizations to the
// eighth to eleventh periodic reports", "Commentaries of Kazakhstan human rights organisations",
// "shadow report". For "comments of"/"commentaries of", an organisation word must follow within
// the same sentence, so that "comments of the State party" does not count.
bool has_ngo_wording(std::string_view lowered_front) {
  for (std::string_view phrase : {"shadow report", "alternative report", "parallel report",
                                  "joint submission", "joint stakeholder"}) {
    if (contains(lowered_front, phrase)) return true;
  }
  constexpr std::size_t kWindowBytes = 100;
  for (std::string_view lead : {"comments of", "commentaries of", "commentary of"}) {
    for (std::size_t pos = find_bytes(lowered_front, lead); pos != std::string_view::npos;
         pos = find_bytes(lowered_front, lead, pos + 1)) {
      std::string_view window = lowered_front.substr(pos + lead.size(), kWindowBytes);
      window = window.substr(0, window.find('.'));
      for (std::string_view who :
           {"organisation", "organization", "ngo", "civil society", "human rights defenders"}) {
        if (contains(window, who)) return true;
      }
    }
  }
  return false;
}

std::string type_from_title(std::string_view title) {
  const std::string lowered = core::ascii_lowercase(title);
  // Before the other rules: "Alternative report on the concluding observations ..." is an
  // NGO's, while "Comments of the Government of ..." is not.
  if (has_ngo_wording(lowered)) return doctype::kNgoCommentary;
  if (lowered.starts_with("concluding observations")) return doctype::kConcludingObservations;
  if (lowered.starts_with("list of issues")) return doctype::kListOfIssues;
  if (lowered.starts_with("general comment") || lowered.starts_with("general recommendation")) {
    return doctype::kGeneralComment;
  }
  if (lowered.starts_with("views adopted") || lowered.starts_with("decision adopted")) {
    return doctype::kDecision;
  }
  if (contains(lowered, "report") && contains(lowered, "submitted by")) {
    return doctype::kStateReport;
  }
  return {};
}

bool contains_follow_up(std::string_view lowered) {
  return contains(lowered, "follow-up") || contains(lowered, "follow up") ||
         contains(lowered, "followup");
}

bool reference_is_follow_up(std::string_view reference) {
  for (std::string_view part : split(reference, '/')) {
    if (core::equals_ascii_ci(core::trim(part), "FU")) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// States named in text.

namespace {

// Length in `text` of `name` matched at `pos` (case-sensitive; ' in the name also matches ’),
// or 0.
std::size_t match_name_at(std::string_view text, std::size_t pos, std::string_view name) {
  constexpr std::string_view kRightQuote = "\xE2\x80\x99";
  std::size_t i = pos;
  for (char expected : name) {
    if (i >= text.size()) return 0;
    if (expected == '\'' && text.substr(i, kRightQuote.size()) == kRightQuote) {
      i += kRightQuote.size();
      continue;
    }
    if (text[i] != expected) return 0;
    ++i;
  }
  return word_boundary_after(text, i) ? i - pos : 0;
}

// The State names by their first two bytes, longest first ("Guinea-Bissau" before "Guinea").
// Trying each of the ~450 names at every position of the front matter was most of the time
// detection took; now a position is tried only against the names that start with its two bytes,
// and most positions (lower-case letters, digits, punctuation, "State", "The") start none.
class StateNameIndex {
 public:
  StateNameIndex() {
    for (const core::StateName& row : core::all_state_names()) {
      if (row.name.size() >= 2) by_first_byte_[byte(row.name, 0)].push_back(&row);
    }
    for (auto& bucket : by_first_byte_) {
      std::stable_sort(bucket.begin(), bucket.end(), [](const auto* a, const auto* b) {
        if (byte(a->name, 1) != byte(b->name, 1)) return byte(a->name, 1) < byte(b->name, 1);
        return a->name.size() > b->name.size();
      });
    }
  }

  // The names that start with text[pos] and text[pos + 1], longest first.
  std::span<const core::StateName* const> starting_at(std::string_view text,
                                                      std::size_t pos) const {
    const std::vector<const core::StateName*>& bucket = by_first_byte_[byte(text, pos)];
    if (bucket.empty() || pos + 1 >= text.size()) return {};
    const unsigned char second = byte(text, pos + 1);
    const auto [first, last] = std::equal_range(
        bucket.begin(), bucket.end(), second,
        [](const auto& lhs, const auto& rhs) { return second_byte(lhs) < second_byte(rhs); });
    return {first, last};
  }

 private:
  static unsigned char byte(std::string_view text, std::size_t pos) {
    return static_cast<unsigned char>(text[pos]);
  }
  static unsigned char second_byte(unsigned char b) { return b; }
  static unsigned char second_byte(const core::StateName* row) { return byte(row->name, 1); }

  std::array<std::vector<const core::StateName*>, 256> by_first_byte_;
};

const StateNameIndex& state_name_index() {
  static const StateNameIndex index;
  return index;
}

}  // namespace

std::string most_named_state(std::string_view front) {
  constexpr int kMinimumMentions = 2;
  constexpr int kGovernmentBonus = 2;  // "Government of X" names the subject, not a comparison
  const StateNameIndex& index = state_name_index();
  std::vector<std::pair<std::string_view, int>> counts;  // code -> weighted mentions
  std::size_t pos = 0;
  while (pos < front.size()) {
    const std::span<const core::StateName* const> candidates = index.starting_at(front, pos);
    if (candidates.empty() || !word_boundary_before(front, pos)) {
      ++pos;
      continue;
    }
    std::size_t best_length = 0;
    std::string_view best_code;
    for (const core::StateName* row : candidates) {
      if (row->name.size() <= best_length) break;  // longest first: no longer match to come
      const std::size_t length = match_name_at(front, pos, row->name);
      if (length > best_length) {
        best_length = length;
        best_code = row->code;
      }
    }
    if (best_length == 0) {
      ++pos;
      continue;
    }
    int weight = 1;
    const std::string_view before = front.substr(0, pos);
    for (std::string_view lead :
         {"Government of ", "Government of the ", "Permanent Representative of ",
          "Permanent Representative of the "}) {
      if (before.ends_with(lead)) weight += kGovernmentBonus;
    }
    auto it = std::find_if(counts.begin(), counts.end(),
                           [best_code](const auto& entry) { return entry.first == best_code; });
    if (it == counts.end()) {
      counts.emplace_back(best_code, weight);
    } else {
      it->second += weight;
    }
    pos += best_length;
  }
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (counts.empty() || counts[0].second < kMinimumMentions) return {};
  if (counts.size() > 1 && counts[1].second == counts[0].second) return {};
  return std::string(core::state_name_for_code(counts[0].first));
}

// Cuts `text` to at most `max_bytes` at a line end (or, failing that, a UTF-8 boundary), so the
// front matter never ends inside a line or a character.
std::string_view front_matter(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  const std::size_t newline = text.rfind('\n', max_bytes);
  if (newline != std::string_view::npos && newline > max_bytes / 2) return text.substr(0, newline);
  return text.substr(0, core::utf8_prefix_length(text, max_bytes));
}

}  // namespace treatysearch::ingest::metadata_detail

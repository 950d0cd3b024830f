// Segmentation of treaty-body documents into citable passages.
//
// Pipeline:
//  1. Lines are read and cleaned (text_cleanup.h); for each line we keep the raw facts the
//     export leaves behind: a leading tab (table cell), a leading space (a removed footnote
//     mark after a line break), a leading U+FFFD (a footnote body).
//  2. The footnote zone is the trailing run of blocks that start with U+FFFD.
//  3. The main paragraph sequence is chosen globally (find_main_sequence): the best chain of
//     "N. " lines whose numbers increase by one, so that quoted law articles, recommendation
//     lists and other nested numbering never become paragraphs.
//  4. With a main sequence of at least kMinNumberedParagraphs, NumberedAssembler walks the lines
//     as a small state machine (body / recommendation block / table); otherwise
//     UnnumberedAssembler labels every blank-line separated block "[n]" (letters, prose).
//  5. Footnotes become "footnote k" passages, linked to their citing passages where an
//     alignment of footnotes onto the places their removed marks stood is sure (see
//     link_footnotes and footnote_links.h).
#include "segmenter.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "footnote_links.h"
#include "text.h"
#include "text_cleanup.h"

namespace treatysearch::ingest {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

using core::count_words;
using core::equals_ascii_ci;
using core::first_code_point;
using core::is_ascii_digit;
using core::is_ascii_lower;
using core::is_ascii_upper;
using core::kInvalidCodePoint;
using core::last_code_point;
using core::split_lines;
using core::starts_with_ascii_ci;
using core::trim;
using core::utf8_length;

// ---------------------------------------------------------------------------------------------
// Lines

struct Line {
  std::string text;           // cleaned (clean_inline), empty for blank lines
  bool tab_led = false;       // Word exports table cells as tab-led lines
  bool space_led = false;     // a continuation line that starts with a space
  bool footnote_led = false;  // starts with U+FFFD: a footnote body

  bool has_text() const { return !text.empty(); }
};

// Horizontal rules ("_____", "-----", "* * *") separate parts of a page; they carry no text.
bool is_rule_line(std::string_view text) {
  if (text.size() < 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == '_' || c == '-' || c == '=' || c == '*' || c == ' ';
  });
}

std::vector<Line> read_lines(std::string_view text) {
  std::vector<Line> lines;
  for (const std::string_view raw : split_lines(text)) {
    Line line;
    line.text = clean_inline(raw);
    if (is_rule_line(line.text)) line.text.clear();
    line.tab_led = starts_with_tab(raw);
    line.space_led = starts_with_space(raw);
    line.footnote_led = starts_with_footnote_mark(raw);
    lines.push_back(std::move(line));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Character-level predicates on cleaned text

bool is_closing_quote(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U'\u201D' || cp == U'\u2019' || cp == U'\u00BB' ||
         cp == U'\u203A';
}

bool is_opening_quote(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\u00AB' ||
         cp == U'\u201E' || cp == U'\u2039';
}

// The last character that is not a closing quotation mark: "…rights.”" ends with '.'.
char32_t last_significant(std::string_view text) {
  while (!text.empty()) {
    const char32_t cp = last_code_point(text);
    if (cp == kInvalidCodePoint || !is_closing_quote(cp)) return cp;
    text.remove_suffix(utf8_length(cp));
  }
  return kInvalidCodePoint;
}

bool ends_sentence(std::string_view text) {
  const char32_t cp = last_significant(text);
  return cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u2026';
}

// A clause ends a line when the next line may start a list item or sub-paragraph.
bool ends_clause(std::string_view text) {
  const char32_t cp = last_significant(text);
  return ends_sentence(text) || cp == U':' || cp == U';';
}

// Headings never end with punctuation that continues or ends a sentence.
bool ends_with_sentence_punctuation(std::string_view text) {
  return ends_clause(text) || last_significant(text) == U',';
}

// A table item is complete when it ends a sentence or closes its "(Para. 8)" reference.
bool closes_table_item(std::string_view text) {
  const char32_t cp = last_code_point(text);
  return ends_sentence(text) || cp == U')' || is_closing_quote(cp);
}

bool starts_with_closing_punctuation(std::string_view text) {
  const char32_t cp = first_code_point(text);
  return cp == U'.' || cp == U',' || cp == U';' || cp == U':' || cp == U'!' || cp == U'?' ||
         cp == U')' || cp == U']' || cp == U'\u00BB' || cp == U'\u201D' || cp == U'\u2026';
}

bool starts_lowercase(std::string_view text) {
  return core::is_lower_letter(first_code_point(text));
}
bool starts_uppercase(std::string_view text) {
  return core::is_upper_letter(first_code_point(text));
}

struct CaseCounts {
  std::size_t upper = 0;
  std::size_t lower = 0;
};

CaseCounts count_letter_case(std::string_view text) {
  CaseCounts counts;
  for (std::size_t pos = 0; pos < text.size();) {
    const core::DecodedCodePoint decoded = core::decode_at(text, pos);
    if (core::is_upper_letter(decoded.value)) ++counts.upper;
    if (core::is_lower_letter(decoded.value)) ++counts.lower;
    pos += decoded.length;
  }
  return counts;
}

// "KAZAKHSTAN’S COMPLIANCE WITH ... (ICERD)": a few lower-case letters are tolerated.
bool is_mostly_upper_case(std::string_view text) {
  const CaseCounts counts = count_letter_case(text);
  return counts.upper >= 4 && counts.lower * 10 <= counts.upper;
}

// ---------------------------------------------------------------------------------------------
// Line-start recognisers

struct NumberedStart {
  int number = 0;
  bool quoted = false;  // «1. ... : the first article of a quoted text
  char delimiter = '.';
  std::string_view rest;
};

constexpr std::size_t decimal_digits(int n) { return n < 10 ? 1 : 1 + decimal_digits(n / 10); }

// Enough digits for kMaxParagraphNumber (segmenter.h); more can never be a paragraph number.
constexpr std::size_t kMaxNumberDigits = decimal_digits(kMaxParagraphNumber);

// "18. The Committee", "«1. The effective law", "3) text", "18." on its own.
std::optional<NumberedStart> parse_numbered(std::string_view text) {
  NumberedStart start;
  std::size_t pos = 0;
  const char32_t first = first_code_point(text);
  if (first != kInvalidCodePoint && is_opening_quote(first)) {
    start.quoted = true;
    pos = utf8_length(first);
  }
  const std::size_t digits_begin = pos;
  while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
  const std::size_t digits = pos - digits_begin;
  if (digits == 0 || digits > kMaxNumberDigits || text[digits_begin] == '0') return std::nullopt;
  if (pos >= text.size() || (text[pos] != '.' && text[pos] != ')')) return std::nullopt;
  start.delimiter = text[pos];
  ++pos;
  if (pos < text.size() && text[pos] != ' ') return std::nullopt;
  for (std::size_t i = digits_begin; i < digits_begin + digits; ++i) {
    start.number = start.number * 10 + (text[i] - '0');
  }
  start.rest = trim(text.substr(pos));
  return start;
}

struct SubParagraphMarker {
  std::string_view token;  // "a", "b", ... or a roman numeral "iv"
  bool parenthesised = false;
  std::string_view rest;
};

constexpr std::size_t kMaxMarkerLetters = 5;

// "(a) The adequate quality", "a) plans to enact", "(iv) ...".
std::optional<SubParagraphMarker> parse_sub_marker(std::string_view text) {
  SubParagraphMarker marker;
  std::size_t pos = 0;
  if (!text.empty() && text.front() == '(') {
    marker.parenthesised = true;
    pos = 1;
  }
  const std::size_t letters_begin = pos;
  while (pos < text.size() && is_ascii_lower(text[pos])) ++pos;
  const std::size_t letters = pos - letters_begin;
  if (letters == 0 || letters > kMaxMarkerLetters) return std::nullopt;
  if (!marker.parenthesised && letters != 1) return std::nullopt;
  if (pos >= text.size() || text[pos] != ')') return std::nullopt;
  ++pos;
  if (pos < text.size() && text[pos] != ' ') return std::nullopt;
  marker.token = text.substr(letters_begin, letters);
  marker.rest = trim(text.substr(pos));
  return marker;
}

// "(1) de jure stateless persons ...".
bool starts_with_parenthesised_number(std::string_view text) {
  if (text.size() < 3 || text.front() != '(') return false;
  std::size_t pos = 1;
  while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
  return pos > 1 && pos < text.size() && text[pos] == ')';
}

bool is_bullet(std::string_view text) {
  static constexpr std::array<char32_t, 14> kBullets = {
      U'-',      U'\u2013', U'\u2014', U'\u2022', U'\u00B7', U'\u25AA', U'\u25E6',
      U'\u2023', U'*',      U'\u25CB', U'\u25A0', U'\u25A1', U'\u27A2', U'\u25BA'};
  const char32_t first = first_code_point(text);
  if (std::find(kBullets.begin(), kBullets.end(), first) == kBullets.end()) return false;
  const std::size_t after = utf8_length(first);
  return after < text.size() && text[after] == ' ';
}

// Lines that begin a list item inside a passage: never a wrapped continuation line.
bool starts_item(std::string_view text) {
  return is_bullet(text) || parse_numbered(text).has_value() ||
         parse_sub_marker(text).has_value() || starts_with_parenthesised_number(text);
}

// "RECOMMENDATION:", "RECOMMENDATIONS:", "Recommendations:" (a bare title-case
// "Recommendations" is a heading, not a marker).
bool is_recommendation_marker(std::string_view text) {
  text = trim(text);
  bool has_colon = false;
  if (!text.empty() && text.back() == ':') {
    has_colon = true;
    text = trim(text.substr(0, text.size() - 1));
  }
  if (text == "RECOMMENDATION" || text == "RECOMMENDATIONS") return true;
  return has_colon &&
         (equals_ascii_ci(text, "recommendation") || equals_ascii_ci(text, "recommendations"));
}

// ---------------------------------------------------------------------------------------------
// Headings

enum class HeadingStyle {
  kNumberedCapitals,  // "1. GENERAL INFORMATION"
  kLetter,            // "A. Introduction", "C. Concerns and recommendations"
  kRoman,             // "II. Positive aspects"
  kRomanOrLetter,     // "I. ...", "C. ...": decided by the letters seen before
};

struct EnumeratedHeading {
  HeadingStyle style = HeadingStyle::kLetter;
  char first_letter = 0;
};

constexpr std::size_t kMaxEnumeratedHeadingBytes = 200;
constexpr std::size_t kMaxEnumeratorLetters = 6;

bool is_roman_letter(char c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
}

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

constexpr std::size_t kMaxPlainHeadingBytes = 300;
constexpr std::size_t kMaxPlainHeadingWords = 45;

// An unnumbered heading line: "Hate speech", "Recommendations on emigration issues",
// "Conflict between Kazakhs and Tajiks (February 2015, ...)". Context (a blank line or a
// sentence end before it, a boundary after it) is checked by the callers.
bool looks_like_plain_heading(std::string_view text) {
  if (text.empty() || text.size() > kMaxPlainHeadingBytes) return false;
  if (!starts_uppercase(text) || ends_with_sentence_punctuation(text)) return false;
  if (count_words(text) > kMaxPlainHeadingWords) return false;
  return !is_recommendation_marker(text);
}

// Runs of heading-like lines (separated only by blank lines) longer than this are a list of
// short items (names, places, a poem), not headings: their text must stay in passages.
constexpr std::size_t kMaxHeadingRun = 2;

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

// Heading ranks: a heading closes every open heading of the same or a lower rank.
constexpr int kTopRank = 0;     // "1. GENERAL INFORMATION", "II. ..."
constexpr int kLetterRank = 1;  // "C. Concerns and recommendations"
constexpr int kPlainRank = 2;   // "Hate speech"

class HeadingRanker {
 public:
  int rank(const EnumeratedHeading& heading) {
    switch (heading.style) {
      case HeadingStyle::kNumberedCapitals:
      case HeadingStyle::kRoman:
        return kTopRank;
      case HeadingStyle::kLetter:
        last_letter_ = heading.first_letter;
        return kLetterRank;
      case HeadingStyle::kRomanOrLetter:
        // "C." after "B." is a letter; "I." opening a document is a roman numeral.
        if (last_letter_ != 0 && heading.first_letter == last_letter_ + 1) {
          last_letter_ = heading.first_letter;
          return kLetterRank;
        }
        return kTopRank;
    }
    return kPlainRank;
  }

 private:
  char last_letter_ = 0;
};

class SectionPath {
 public:
  void enter(int rank, const std::string& heading) {
    while (!entries_.empty() && entries_.back().first >= rank) entries_.pop_back();
    entries_.emplace_back(rank, heading);
  }

  std::vector<std::string> current() const {
    std::vector<std::string> path;
    path.reserve(entries_.size());
    for (const auto& entry : entries_) path.push_back(entry.second);
    return path;
  }

 private:
  std::vector<std::pair<int, std::string>> entries_;
};

// ---------------------------------------------------------------------------------------------
// Passages under construction

// Joins a line that continues the previous one; no space before closing punctuation, because
// a line starting with "." or "," is the rest of a sentence whose footnote mark was removed.
void join_wrapped_text(std::string& text, std::string_view continuation) {
  if (continuation.empty()) return;
  if (!text.empty() && !starts_with_closing_punctuation(continuation)) text += ' ';
  text.append(continuation);
}

// Joins a further block (a list item, a quoted article, a bullet) to a passage.
void join_block_text(std::string& text, std::string_view block) {
  if (block.empty()) return;
  if (!text.empty()) text += ' ';
  text.append(block);
}

// A line break inside a sentence where the export dropped a footnote reference mark: the
// continuation starts with a space or with closing punctuation, or starts in lower case after a
// line that ended without any clause punctuation ("... the census" / ", the share ...").
bool is_removed_mark_site(const Line& previous, const Line& line) {
  if (starts_item(line.text)) return false;
  return line.space_led || starts_with_closing_punctuation(line.text) ||
         (starts_lowercase(line.text) && !ends_clause(previous.text));
}

class PassageSink {
 public:
  explicit PassageSink(std::vector<Passage>& passages) : passages_(passages) {}

  // The assemblers report the line they are placing, so that every footnote site knows where in
  // the document it stands (passages do not receive their text in document order: a paragraph
  // can continue after its table).
  void set_line(std::size_t line) { line_ = line; }

  std::size_t add(PassageKind kind, std::string label, std::string_view text, std::string parent,
                  std::vector<std::string> section_path) {
    Passage passage;
    passage.kind = kind;
    passage.label = std::move(label);
    passage.text = std::string(text);
    passage.parent = std::move(parent);
    passage.section_path = std::move(section_path);
    passages_.push_back(std::move(passage));
    last_line_.push_back(line_);
    return passages_.size() - 1;
  }

  Passage& at(std::size_t index) { return passages_[index]; }

  // Appends a wrapped continuation line; records a footnote site when the break shows one.
  void continue_line(std::size_t index, const Line& previous, const Line& line) {
    std::string& text = passages_[index].text;
    if (is_removed_mark_site(previous, line)) {
      sites_.push_back({{index, text.size(), FootnoteSiteKind::kLineBreak}, last_line_[index]});
      ++line_break_sites_;
    }
    join_wrapped_text(text, line.text);
    last_line_[index] = line_;
  }

  // Appends a wrapped line where no removed mark is looked for (table items).
  void wrap_line(std::size_t index, std::string_view text) {
    join_wrapped_text(passages_[index].text, text);
    last_line_[index] = line_;
  }

  // Appends a table cell to its row: cell ends are not candidate sites, since most cells are
  // numbers and a mark in a table leaves no trace to confirm it.
  void append_cell(std::size_t index, std::string_view text) {
    join_block_text(passages_[index].text, text);
    last_line_[index] = line_;
  }

  // Appends a further block. A mark after the last word of the block before it left no line
  // break, so the end of that block is only a candidate site.
  void append_block(std::size_t index, std::string_view text) {
    std::string& passage_text = passages_[index].text;
    if (!passage_text.empty() && !text.empty()) {
      sites_.push_back(
          {{index, passage_text.size(), FootnoteSiteKind::kBlockEnd}, last_line_[index]});
    }
    join_block_text(passage_text, text);
    last_line_[index] = line_;
  }

  std::size_t line_break_sites() const { return line_break_sites_; }

  // Every place a footnote mark may have stood, in document order: the recorded sites and the
  // end of every passage but the footnotes, ordered by the line each mark would have followed
  // (a line ends at most one site: a wrapped line, a block or a passage).
  std::vector<FootnoteSite> candidate_sites() const {
    std::vector<LocatedSite> located = sites_;
    for (std::size_t index = 0; index < passages_.size(); ++index) {
      const Passage& passage = passages_[index];
      if (passage.kind == PassageKind::kFootnote || passage.text.empty()) continue;
      located.push_back(
          {{index, passage.text.size(), FootnoteSiteKind::kBlockEnd}, last_line_[index]});
    }
    std::stable_sort(located.begin(), located.end(),
                     [](const LocatedSite& a, const LocatedSite& b) { return a.line < b.line; });
    std::vector<FootnoteSite> sites;
    sites.reserve(located.size());
    for (const LocatedSite& site : located) sites.push_back(site.site);
    return sites;
  }

 private:
  struct LocatedSite {
    FootnoteSite site;
    std::size_t line = 0;  // the line after which the mark stood
  };

  std::vector<Passage>& passages_;
  std::size_t line_ = 0;
  std::vector<std::size_t> last_line_;  // per passage: the last line that gave it text
  std::vector<LocatedSite> sites_;      // line-break sites and inner block ends
  std::size_t line_break_sites_ = 0;
};

std::string ordinal_label(std::size_t ordinal) { return "[" + std::to_string(ordinal) + "]"; }

// ---------------------------------------------------------------------------------------------
// Footnote zone

bool opens_or_continues_block(const Line& line) { return line.has_text() || line.footnote_led; }

// The footnote zone is the longest run of trailing blocks (blank-line separated) whose first
// line starts with the footnote mark U+FFFD. Lines inside such a block that do not start with
// the mark continue the footnote above them.
std::size_t find_footnote_zone(const std::vector<Line>& lines) {
  std::size_t zone = lines.size();
  std::size_t end = lines.size();
  while (end > 0) {
    while (end > 0 && !opens_or_continues_block(lines[end - 1])) --end;
    if (end == 0) break;
    std::size_t begin = end;
    while (begin > 0 && opens_or_continues_block(lines[begin - 1])) --begin;
    if (!lines[begin].footnote_led) break;
    zone = begin;
    end = begin;
  }
  return zone;
}

// ---------------------------------------------------------------------------------------------
// Main paragraph sequence

// Scores of the chain search. A chain member is worth kMemberScore; a member that looks nested
// (after a lead-in ending in ':', right after a RECOMMENDATIONS: marker, continuing such a list,
// or repeating the previous number) costs kSuspectPenalty, which only decides between chains of
// equal length; every number skipped costs kMissingNumberPenalty, more than a member is worth,
// so a skip is taken only when it keeps the rest of the sequence ("99." then "101.").
constexpr long kMemberScore = 100;
constexpr long kSuspectPenalty = 30;
constexpr long kMissingNumberPenalty = 150;
constexpr int kMaxMissingNumbers = 3;

struct NumberedLine {
  std::size_t line = 0;
  int number = 0;
  bool candidate = false;  // "N. " at the start of an unquoted line
  bool suspect = false;
};

std::vector<NumberedLine> collect_numbered_lines(const std::vector<Line>& lines,
                                                 std::size_t body_end) {
  std::vector<NumberedLine> items;
  std::size_t previous_text_line = kNone;
  for (std::size_t i = 0; i < body_end; ++i) {
    const Line& line = lines[i];
    if (!line.has_text()) continue;
    const auto numbered = parse_numbered(line.text);
    const bool numbered_heading =
        numbered && parse_enumerated_heading(line.text).has_value();  // "1. GENERAL ..."
    if (numbered && !numbered_heading) {
      NumberedLine item;
      item.line = i;
      item.number = numbered->number;
      item.candidate = !numbered->quoted && numbered->delimiter == '.';
      if (previous_text_line != kNone) {
        const std::string& previous = lines[previous_text_line].text;
        item.suspect = last_significant(previous) == U':' || is_recommendation_marker(previous);
      }
      if (!items.empty()) {
        const NumberedLine& last = items.back();
        if (last.number == item.number) item.suspect = true;
        if (last.number + 1 == item.number && last.suspect) item.suspect = true;
      }
      items.push_back(item);
    }
    previous_text_line = i;
  }
  return items;
}

// Returns, for every line, its paragraph number when it opens a main-sequence paragraph and 0
// otherwise (all zeros when the document has no main sequence).
//
// Dynamic programming over the candidate lines: score(c) = best over predecessors p with
// number(p) = number(c) - 1 - missing (missing <= kMaxMissingNumbers) of score(p) + member
// value - missing penalty. Among equal scores the later predecessor wins (the closest "N-1."
// before "N." is its paragraph). Linear: the best chain end per number is kept in a table.
std::vector<int> find_main_sequence(const std::vector<Line>& lines, std::size_t body_end) {
  std::vector<int> main_numbers(lines.size(), 0);
  const std::vector<NumberedLine> items = collect_numbered_lines(lines, body_end);

  struct ChainEnd {
    long score = 0;
    std::size_t item = kNone;
  };
  // Keyed by number: sparse, since numbers go up to kMaxParagraphNumber.
  std::unordered_map<int, ChainEnd> best_by_number;
  best_by_number.reserve(items.size());
  std::vector<long> score(items.size(), 0);
  std::vector<std::size_t> predecessor(items.size(), kNone);
  std::size_t best_end = kNone;

  for (std::size_t k = 0; k < items.size(); ++k) {
    const NumberedLine& item = items[k];
    if (!item.candidate || item.number > kMaxParagraphNumber) continue;
    const long own = kMemberScore - (item.suspect ? kSuspectPenalty : 0);
    long best_score = own;
    std::size_t best_predecessor = kNone;
    for (int missing = 0; missing <= kMaxMissingNumbers; ++missing) {
      const int previous_number = item.number - 1 - missing;
      if (previous_number < 1) break;
      const auto found = best_by_number.find(previous_number);
      if (found == best_by_number.end()) continue;
      const ChainEnd& end = found->second;
      const long candidate_score = end.score + own - missing * kMissingNumberPenalty;
      const bool later = best_predecessor == kNone || end.item > best_predecessor;
      if (candidate_score > best_score || (candidate_score == best_score && later)) {
        best_score = candidate_score;
        best_predecessor = end.item;
      }
    }
    score[k] = best_score;
    predecessor[k] = best_predecessor;
    ChainEnd& slot = best_by_number[item.number];
    if (slot.item == kNone || best_score >= slot.score) slot = {best_score, k};
    if (best_end == kNone || best_score >= score[best_end]) best_end = k;
  }

  std::vector<std::size_t> chain;
  for (std::size_t k = best_end; k != kNone; k = predecessor[k]) chain.push_back(k);
  if (chain.size() < kMinNumberedParagraphs) return main_numbers;
  for (const std::size_t k : chain) main_numbers[items[k].line] = items[k].number;
  return main_numbers;
}

// ---------------------------------------------------------------------------------------------
// Numbered documents

// A table cell this short is a data cell ("1999", "29.9 %", "Russians"); consecutive short
// cells form one row entry instead of one entry per number.
constexpr std::size_t kMaxShortCellBytes = 32;

class NumberedAssembler {
 public:
  NumberedAssembler(const std::vector<Line>& lines, std::size_t body_end,
                    const std::vector<int>& main_numbers, PassageSink& sink)
      : lines_(lines),
        body_end_(body_end),
        main_numbers_(main_numbers),
        heading_runs_(heading_run_lengths(lines, body_end)),
        sink_(sink) {}

  void run() {
    for (std::size_t i = 0; i < body_end_; ++i) {
      const Line& line = lines_[i];
      if (!line.has_text()) {
        on_empty_line(line);
        continue;
      }
      sink_.set_line(i);
      dispatch(i);
      blank_run_ = 0;
      previous_ = i;
    }
  }

 private:
  enum class Mode { kBody, kRecommendation, kTable };

  bool adjacent() const { return blank_run_ == 0 && previous_ != kNone; }
  const Line& previous_line() const { return lines_[previous_]; }

  void on_empty_line(const Line& line) {
    const bool empty_cell = line.tab_led;
    if (empty_cell && mode_ == Mode::kTable) {
      // An empty cell ends the cell before it; empty cells are never passages.
      table_entry_ = kNone;
      last_cell_was_short_ = false;
      blank_run_ = 0;
      return;
    }
    ++blank_run_;
  }

  void dispatch(std::size_t i) {
    const Line& line = lines_[i];
    if (main_numbers_[i] > 0) {
      start_paragraph(i);
      return;
    }
    if (const auto heading = parse_enumerated_heading(line.text)) {
      enter_heading(ranker_.rank(*heading), line.text);
      return;
    }
    if (is_recommendation_marker(line.text)) {
      start_recommendations();
      return;
    }
    if (mode_ == Mode::kTable) {
      // Inside a table everything but a paragraph, a heading or a marker is table text, until a
      // line of running text follows two blank lines.
      if (line.tab_led || blank_run_ < 2) {
        add_table_line(line);
        return;
      }
      mode_ = Mode::kBody;
    }
    if (starts_table(i)) {
      start_table();
      add_table_line(line);
      return;
    }
    if (mode_ == Mode::kRecommendation) {
      add_recommendation_line(i);
      return;
    }
    add_body_line(i);
  }

  // --- paragraphs, sub-paragraphs, headings -----------------------------------------------

  void start_paragraph(std::size_t i) {
    const auto numbered = parse_numbered(lines_[i].text);
    paragraph_label_ = std::to_string(main_numbers_[i]);
    paragraph_ = sink_.add(PassageKind::kParagraph, paragraph_label_,
                           numbered ? numbered->rest : std::string_view(), "", path_.current());
    mode_ = Mode::kBody;
    container_ = paragraph_;
    sub_letter_ = 0;
    table_entries_ = 0;
  }

  void enter_heading(int rank, const std::string& heading) {
    path_.enter(rank, heading);
    mode_ = Mode::kBody;
    container_ = paragraph_;
    sub_letter_ = 0;
    preamble_block_ = kNone;
  }

  // A plain heading stands alone: after a blank line (or after a finished sentence) and before
  // a blank line, a table, a marker or a paragraph.
  bool is_heading_here(std::size_t i) const {
    const Line& line = lines_[i];
    if (!looks_like_plain_heading(line.text) || heading_runs_[i] > kMaxHeadingRun) return false;
    if (adjacent() && (line.space_led || !ends_sentence(previous_line().text))) return false;
    return is_boundary_after(i);
  }

  bool is_boundary_after(std::size_t i) const {
    const std::size_t next = i + 1;
    if (next >= body_end_) return true;
    const Line& line = lines_[next];
    return !line.has_text() || line.tab_led || main_numbers_[next] > 0 ||
           is_recommendation_marker(line.text) || parse_enumerated_heading(line.text).has_value();
  }

  void add_body_line(std::size_t i) {
    const Line& line = lines_[i];
    if (is_heading_here(i)) {
      enter_heading(kPlainRank, line.text);
      return;
    }
    if (paragraph_ == kNone) {
      add_preamble_line(line);
      return;
    }
    if (const auto marker = parse_sub_marker(line.text); marker && accepts_sub_paragraph(*marker)) {
      start_sub_paragraph(*marker);
      return;
    }
    if (adjacent() && !starts_item(line.text)) {
      sink_.continue_line(container_, previous_line(), line);
      return;
    }
    // Quoted articles, bullets, nested lists and further blocks stay in the passage.
    sink_.append_block(container_, line.text);
  }

  bool accepts_sub_paragraph(const SubParagraphMarker& marker) const {
    if (marker.token.size() != 1) return false;  // "(ii)": an item inside a sub-paragraph
    const char expected = sub_letter_ == 0 ? 'a' : static_cast<char>(sub_letter_ + 1);
    if (marker.token.front() != expected) return false;
    // "... article 4" / "(a) of the Convention" is a wrapped line, not a sub-paragraph.
    return !adjacent() || ends_clause(previous_line().text);
  }

  void start_sub_paragraph(const SubParagraphMarker& marker) {
    const std::string label = paragraph_label_ + " (" + std::string(marker.token) + ")";
    container_ = sink_.add(PassageKind::kSubParagraph, label, marker.rest, paragraph_label_,
                           path_.current());
    sub_letter_ = marker.token.front();
  }

  // Text before the first numbered paragraph (a title page, an introduction): ordinal
  // passages "[1]", "[2]", which cannot be confused with printed paragraph numbers.
  void add_preamble_line(const Line& line) {
    if (adjacent() && preamble_block_ != kNone) {
      if (starts_item(line.text)) {
        sink_.append_block(preamble_block_, line.text);
      } else {
        sink_.continue_line(preamble_block_, previous_line(), line);
      }
      return;
    }
    ++preamble_blocks_;
    preamble_block_ = sink_.add(PassageKind::kUnnumbered, ordinal_label(preamble_blocks_),
                                line.text, "", path_.current());
  }

  // --- RECOMMENDATION(S): blocks ------------------------------------------------------------

  void start_recommendations() {
    mode_ = Mode::kRecommendation;
    next_recommendation_number_ = 1;
    unnumbered_recommendations_.clear();
    recommendation_ = kNone;
    container_ = paragraph_;
    sub_letter_ = 0;
  }

  std::string recommendation_label(const std::string& suffix) const {
    const std::string base =
        paragraph_label_.empty() ? "recommendation" : paragraph_label_ + ", recommendation";
    return base + suffix;
  }

  void add_recommendation_line(std::size_t i) {
    const Line& line = lines_[i];
    if (recommendation_ != kNone && blank_run_ >= 2 && is_heading_here(i)) {
      enter_heading(kPlainRank, line.text);
      return;
    }
    const auto numbered = parse_numbered(line.text);
    if (numbered && !numbered->quoted && numbered->number == next_recommendation_number_) {
      recommendation_ = sink_.add(PassageKind::kRecommendation,
                                  recommendation_label(" " + std::to_string(numbered->number)),
                                  numbered->rest, paragraph_label_, path_.current());
      ++next_recommendation_number_;
      return;
    }
    if (recommendation_ == kNone) {
      start_unnumbered_recommendation(line.text);
      return;
    }
    if (adjacent() && !starts_item(line.text)) {
      sink_.continue_line(recommendation_, previous_line(), line);
      return;
    }
    const bool numbered_list_started = next_recommendation_number_ > 1;
    if (!numbered_list_started && !starts_item(line.text)) {
      start_unnumbered_recommendation(line.text);
      return;
    }
    sink_.append_block(recommendation_, line.text);
  }

  // One unnumbered block is "N, recommendation". When a block holds several unnumbered
  // paragraphs they become "N, recommendation [1]", "[2]", ...: brackets mark an ordinal that
  // we count, never a number the document prints ("N, recommendation 1").
  void start_unnumbered_recommendation(std::string_view text) {
    const std::size_t count = unnumbered_recommendations_.size() + 1;
    const std::string suffix = count == 1 ? "" : " " + ordinal_label(count);
    recommendation_ = sink_.add(PassageKind::kRecommendation, recommendation_label(suffix), text,
                                paragraph_label_, path_.current());
    unnumbered_recommendations_.push_back(recommendation_);
    if (count == 2) {
      sink_.at(unnumbered_recommendations_.front()).label =
          recommendation_label(" " + ordinal_label(1));
    }
  }

  // --- tables -----------------------------------------------------------------------------

  // A tab-led line opens a table when a second cell line follows before any running text:
  // a single indented paragraph is not a table.
  bool starts_table(std::size_t i) const {
    const Line& line = lines_[i];
    if (!line.tab_led || starts_item(line.text)) return false;
    int cells = 0;
    for (std::size_t j = i; j < body_end_; ++j) {
      const Line& candidate = lines_[j];
      if (!candidate.has_text()) continue;
      if (!candidate.tab_led || starts_item(candidate.text) || main_numbers_[j] > 0 ||
          is_recommendation_marker(candidate.text)) {
        break;
      }
      if (++cells >= 2) return true;
    }
    return false;
  }

  void start_table() {
    mode_ = Mode::kTable;
    table_entry_ = kNone;
    last_cell_was_short_ = false;
    container_ = paragraph_;
    sub_letter_ = 0;
    preamble_block_ = kNone;
  }

  // Entries: every cell (a tab-led line), and every separately printed item inside a cell
  // (a line after a complete item such as "... (Para. 9)"); wrapped lines continue their item.
  // Consecutive short cells form one row entry. Entries are numbered per paragraph.
  void add_table_line(const Line& line) {
    const bool short_cell = line.tab_led && line.text.size() <= kMaxShortCellBytes;
    if (line.tab_led) {
      if (short_cell && last_cell_was_short_ && table_entry_ != kNone && blank_run_ == 0) {
        sink_.append_cell(table_entry_, line.text);
      } else {
        start_table_entry(line.text);
      }
      last_cell_was_short_ = short_cell;
      return;
    }
    last_cell_was_short_ = false;
    if (table_entry_ != kNone &&
        (!closes_table_item(sink_.at(table_entry_).text) || starts_lowercase(line.text))) {
      sink_.wrap_line(table_entry_, line.text);
      return;
    }
    start_table_entry(line.text);
  }

  void start_table_entry(std::string_view text) {
    ++table_entries_;
    const std::string number = std::to_string(table_entries_);
    const std::string label = paragraph_label_.empty()
                                  ? "table entry " + number
                                  : paragraph_label_ + ", table entry " + number;
    table_entry_ = sink_.add(PassageKind::kTable, label, text, paragraph_label_, path_.current());
  }

  const std::vector<Line>& lines_;
  const std::size_t body_end_;
  const std::vector<int>& main_numbers_;
  const std::vector<std::size_t> heading_runs_;
  PassageSink& sink_;

  SectionPath path_;
  HeadingRanker ranker_;
  Mode mode_ = Mode::kBody;
  std::size_t blank_run_ = 0;
  std::size_t previous_ = kNone;  // last line with text

  std::string paragraph_label_;    // empty before the first paragraph
  std::size_t paragraph_ = kNone;  // the current main paragraph
  std::size_t container_ = kNone;  // receives continuation text: paragraph or sub-paragraph
  char sub_letter_ = 0;

  std::size_t preamble_block_ = kNone;
  std::size_t preamble_blocks_ = 0;

  int next_recommendation_number_ = 1;
  std::size_t recommendation_ = kNone;
  std::vector<std::size_t> unnumbered_recommendations_;

  std::size_t table_entries_ = 0;
  std::size_t table_entry_ = kNone;
  bool last_cell_was_short_ = false;
};

// ---------------------------------------------------------------------------------------------
// Unnumbered documents (letters, prose)

struct Block {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
  bool single_line() const { return first == last; }
};

constexpr std::size_t kMaxFrontMatterBlocks = 10;
constexpr std::size_t kMaxLetterheadLineBytes = 200;
constexpr std::size_t kMaxSalutationBytes = 60;
constexpr std::size_t kMaxValedictionBytes = 40;
constexpr std::size_t kMaxAddressLineBytes = 80;
constexpr std::size_t kMaxDateLineBytes = 40;

// "12 September 2023", "September 12, 2023", "1st March 2022".
bool is_date_line(std::string_view text) {
  if (text.size() > kMaxDateLineBytes) return false;
  bool month = false;
  bool year = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',')) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != ',') ++pos;
    const std::string_view word = text.substr(begin, pos - begin);
    if (word.empty()) break;
    std::size_t digits = 0;
    while (digits < word.size() && is_ascii_digit(word[digits])) ++digits;
    const std::string_view suffix = word.substr(digits);
    if (core::month_number(word) != 0) {
      month = true;
    } else if (digits == 4 && suffix.empty()) {
      year = true;
    } else if (digits == 0 || digits > 2 ||
               !(suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" ||
                 suffix == "th")) {
      return false;
    }
  }
  return month && year;
}

bool is_letterhead_line(std::string_view text) {
  return is_mostly_upper_case(text) || text.find("\u2022") != std::string_view::npos ||
         starts_with_ascii_ci(text, "www.") || starts_with_ascii_ci(text, "reference") ||
         starts_with_ascii_ci(text, "ref.") || starts_with_ascii_ci(text, "ref:") ||
         is_date_line(text);
}

// "Excellency,", "Dear Sir or Madam,".
bool is_salutation(std::string_view text) {
  return text.size() <= kMaxSalutationBytes && last_code_point(text) == U',' &&
         starts_uppercase(text);
}

// "Yours sincerely,", "Sincerely,", "Kind regards,".
bool is_valediction(std::string_view text) {
  if (text.size() > kMaxValedictionBytes || last_code_point(text) != U',') return false;
  const std::string_view words = text.substr(0, text.size() - 1);
  return starts_with_ascii_ci(words, "yours") || equals_ascii_ci(words, "sincerely") ||
         equals_ascii_ci(words, "respectfully") || equals_ascii_ci(words, "regards") ||
         equals_ascii_ci(words, "kind regards") || equals_ascii_ci(words, "best regards");
}

bool starts_with_honorific(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kHonorifics = {
      "H.E. ", "H. E. ", "His Excellency", "Her Excellency", "S.E. ", "Mr. ", "Mrs. ", "Ms. ",
      "Mr ",   "Ms ",    "Dr. ",           "Prof. "};
  return std::any_of(kHonorifics.begin(), kHonorifics.end(),
                     [text](std::string_view honorific) { return text.starts_with(honorific); });
}

bool is_email_line(std::string_view text) {
  const std::size_t at = text.find('@');
  return at != std::string_view::npos && at > 0 && text.find(' ') == std::string_view::npos &&
         text.find('.', at) != std::string_view::npos;
}

class UnnumberedAssembler {
 public:
  UnnumberedAssembler(const std::vector<Line>& lines, std::size_t body_end, PassageSink& sink,
                      SegmentedText& result)
      : lines_(lines),
        body_end_(body_end),
        heading_runs_(heading_run_lengths(lines, body_end)),
        sink_(sink),
        result_(result) {}

  void run() {
    const std::vector<Block> blocks = collect_blocks();
    for (std::size_t b = take_front_matter(blocks); b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      const std::string& first = lines_[block.first].text;
      if (is_valediction(first)) {
        add_closing(blocks, b);
        return;
      }
      if (is_address_block(block)) {
        for (std::size_t i = block.first; i <= block.last; ++i) {
          result_.address_block.push_back(lines_[i].text);
        }
        continue;
      }
      const bool more_follows = b + 1 < blocks.size();
      if (block.single_line() && more_follows) {
        if (const auto heading = parse_enumerated_heading(first)) {
          path_.enter(ranker_.rank(*heading), first);
          continue;
        }
        if (looks_like_plain_heading(first) && heading_runs_[block.first] <= kMaxHeadingRun) {
          path_.enter(kPlainRank, first);
          continue;
        }
      }
      add_block_passage(block);
    }
  }

 private:
  std::vector<Block> collect_blocks() const {
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < body_end_; ++i) {
      if (!lines_[i].has_text()) continue;
      const bool continues = !blocks.empty() && blocks.back().last + 1 == i;
      if (continues) {
        blocks.back().last = i;
      } else {
        blocks.push_back({i, i});
      }
    }
    return blocks;
  }

  // A letter's opening: everything up to and including the salutation ("Excellency,"), when
  // one appears among the first blocks after short letterhead lines; without a salutation,
  // the leading blocks made only of letterhead lines (capitals, "•" separators, a reference
  // or a date). Prose without either has no front matter.
  std::size_t take_front_matter(const std::vector<Block>& blocks) {
    const std::size_t limit = std::min(blocks.size(), kMaxFrontMatterBlocks);
    std::size_t end = 0;
    for (std::size_t b = 0; b < limit; ++b) {
      const Block& block = blocks[b];
      if (block.single_line() && is_salutation(lines_[block.first].text) &&
          !is_valediction(lines_[block.first].text)) {
        end = b + 1;
        break;
      }
      if (has_long_line(block, kMaxLetterheadLineBytes)) break;
    }
    if (end == 0) {
      while (end < limit && end + 1 < blocks.size() && is_letterhead_block(blocks[end])) ++end;
    }
    for (std::size_t b = 0; b < end; ++b) {
      for (std::size_t i = blocks[b].first; i <= blocks[b].last; ++i) {
        result_.front_matter.push_back(lines_[i].text);
      }
    }
    return end;
  }

  bool has_long_line(const Block& block, std::size_t limit) const {
    for (std::size_t i = block.first; i <= block.last; ++i) {
      if (lines_[i].text.size() > limit) return true;
    }
    return false;
  }

  bool is_letterhead_block(const Block& block) const {
    for (std::size_t i = block.first; i <= block.last; ++i) {
      if (!is_letterhead_line(lines_[i].text)) return false;
    }
    return true;
  }

  // An addressee block printed inside the text: short lines, none ending a sentence, opening
  // with an honorific ("H.E. Mr. ...") or, on three lines or more, holding an e-mail address.
  bool is_address_block(const Block& block) const {
    const std::size_t line_count = block.last - block.first + 1;
    if (line_count < 2 || has_long_line(block, kMaxAddressLineBytes)) return false;
    bool email = false;
    for (std::size_t i = block.first; i <= block.last; ++i) {
      if (ends_sentence(lines_[i].text)) return false;
      email = email || is_email_line(lines_[i].text);
    }
    return starts_with_honorific(lines_[block.first].text) || (line_count >= 3 && email);
  }

  void add_block_passage(const Block& block) {
    ++ordinal_;
    sink_.set_line(block.first);
    const std::size_t index = sink_.add(PassageKind::kUnnumbered, ordinal_label(ordinal_),
                                        lines_[block.first].text, "", path_.current());
    for (std::size_t i = block.first + 1; i <= block.last; ++i) {
      sink_.set_line(i);
      if (starts_item(lines_[i].text)) {
        sink_.append_block(index, lines_[i].text);
      } else {
        sink_.continue_line(index, lines_[i - 1], lines_[i]);
      }
    }
  }

  // "Yours sincerely," and the signature after it (name, title, body) form one passage, so the
  // signatory stays searchable without the signature lines becoming passages of their own.
  void add_closing(const std::vector<Block>& blocks, std::size_t first_block) {
    ++ordinal_;
    const std::size_t index =
        sink_.add(PassageKind::kUnnumbered, ordinal_label(ordinal_), "", "", path_.current());
    for (std::size_t b = first_block; b < blocks.size(); ++b) {
      for (std::size_t i = blocks[b].first; i <= blocks[b].last; ++i) {
        sink_.set_line(i);
        sink_.append_block(index, lines_[i].text);
      }
    }
  }

  const std::vector<Line>& lines_;
  const std::size_t body_end_;
  const std::vector<std::size_t> heading_runs_;
  PassageSink& sink_;
  SegmentedText& result_;
  SectionPath path_;
  HeadingRanker ranker_;
  std::size_t ordinal_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Footnotes

// Adds one "footnote k" passage per footnote mark, k counting every mark in order. A mark with
// no body keeps its number but yields no passage (kNone in the result), so the labels of the
// later footnotes still match the printed numbering and no empty passage reaches the index.
std::vector<std::size_t> add_footnotes(const std::vector<Line>& lines, std::size_t zone_begin,
                                       PassageSink& sink) {
  std::vector<std::size_t> footnotes;
  std::string text;
  const auto flush = [&footnotes, &text, &sink] {
    if (footnotes.empty()) return;
    if (!text.empty()) {
      const std::string label = "footnote " + std::to_string(footnotes.size());
      footnotes.back() = sink.add(PassageKind::kFootnote, label, text, "", {});
    }
    text.clear();
  };
  for (std::size_t i = zone_begin; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.footnote_led) {
      flush();
      footnotes.push_back(kNone);
      text = line.text;
    } else if (line.has_text() && !footnotes.empty()) {
      join_wrapped_text(text, line.text);
    }
  }
  flush();
  return footnotes;
}

// Linking. The export removed the in-text reference marks; what is left is a line break where
// a mark stood in mid-sentence (is_removed_mark_site). Marks at the end of a paragraph, in a
// heading or in a table leave no trace, so these sites are a subset of the real ones and linking
// the k-th site to footnote k would shift every footnote after a missing site onto the wrong
// passage. align_footnotes (footnote_links.h) aligns the footnotes onto the line-break sites and
// the block ends, and links only the footnotes whose place the evidence settles; the others keep
// an empty parent, because a wrong pinpoint in a lawyer's brief costs more than a missing link.
void link_footnotes(std::vector<Passage>& passages, const PassageSink& sink,
                    const std::vector<std::size_t>& footnotes, SegmentedText& result) {
  result.footnote_sites = sink.line_break_sites();
  std::vector<std::string> texts;
  texts.reserve(footnotes.size());
  for (const std::size_t footnote : footnotes) {
    texts.push_back(footnote == kNone ? std::string() : passages[footnote].text);
  }
  const std::vector<FootnoteSite> sites = sink.candidate_sites();
  const std::vector<std::size_t> links = align_footnotes(texts, sites, passages);
  for (std::size_t k = 0; k < footnotes.size(); ++k) {
    if (footnotes[k] == kNone || links[k] == kNoFootnoteSite) continue;
    Passage& citing = passages[sites[links[k]].passage];
    Passage& note = passages[footnotes[k]];
    citing.footnotes.push_back(note.label);
    note.parent = citing.label;
    note.section_path = citing.section_path;
    ++result.footnotes_linked;
  }
}

// ---------------------------------------------------------------------------------------------
// Passage size cap (kMaxPassageBytes in segmenter.h)

bool ends_sentence_before(std::string_view text, std::size_t space) {
  if (space == 0) return false;
  const char c = text[space - 1];
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

// Where to end the next piece of `text` (longer than max_bytes): after the last sentence in
// the second half of the window, else at the last space in it (the space is dropped), else at
// the last code-point boundary (a word of max_bytes or more has no better place).
std::size_t piece_end(std::string_view text, std::size_t max_bytes) {
  const std::size_t half = max_bytes / 2;
  std::size_t last_space = 0;
  for (std::size_t i = max_bytes; i > half; --i) {
    if (text[i] != ' ') continue;
    if (ends_sentence_before(text, i)) return i;
    if (last_space == 0) last_space = i;
  }
  if (last_space != 0) return last_space;
  std::size_t end = max_bytes;
  while (end > half && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end > half ? end : max_bytes;  // malformed bytes: any cut will do
}

// Replaces every passage longer than max_bytes by pieces of at most max_bytes, in place and in
// order; the pieces keep the passage's kind, label, section, parent and footnotes.
void split_oversized_passages(std::vector<Passage>& passages, std::size_t max_bytes) {
  const bool any = std::any_of(passages.begin(), passages.end(),
                               [&](const Passage& p) { return p.text.size() > max_bytes; });
  if (!any) return;
  std::vector<Passage> split;
  split.reserve(passages.size());
  for (Passage& passage : passages) {
    if (passage.text.size() <= max_bytes) {
      split.push_back(std::move(passage));
      continue;
    }
    std::string_view rest = passage.text;
    while (!rest.empty()) {
      Passage piece;
      piece.kind = passage.kind;
      piece.label = passage.label;
      piece.section_path = passage.section_path;
      piece.footnotes = passage.footnotes;
      piece.parent = passage.parent;
      piece.language = passage.language;
      if (rest.size() <= max_bytes) {
        piece.text = std::string(rest);
        rest = {};
      } else {
        const std::size_t end = piece_end(rest, max_bytes);
        piece.text = std::string(rest.substr(0, end));
        rest.remove_prefix(end);
        if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      }
      split.push_back(std::move(piece));
    }
  }
  passages = std::move(split);
}

}  // namespace

SegmentedText segment(std::string_view text) {
  SegmentedText result;
  const std::vector<Line> lines = read_lines(text);
  const std::size_t body_end = find_footnote_zone(lines);
  const std::vector<int> main_numbers = find_main_sequence(lines, body_end);
  result.numbered =
      std::any_of(main_numbers.begin(), main_numbers.end(), [](int number) { return number > 0; });

  PassageSink sink(result.passages);
  if (result.numbered) {
    NumberedAssembler(lines, body_end, main_numbers, sink).run();
  } else {
    UnnumberedAssembler(lines, body_end, sink, result).run();
  }
  const std::vector<std::size_t> footnotes = add_footnotes(lines, body_end, sink);
  link_footnotes(result.passages, sink, footnotes, result);
  split_oversized_passages(result.passages, kMaxPassageBytes);
  return result;
}

std::string_view passage_kind_name(PassageKind kind) {
  switch (kind) {
    case PassageKind::kParagraph:
      return "paragraph";
    case PassageKind::kSubParagraph:
      return "sub-paragraph";
    case PassageKind::kRecommendation:
      return "recommendation";
    case PassageKind::kTable:
      return "table";
    case PassageKind::kUnnumbered:
      return "unnumbered";
    case PassageKind::kFootnote:
      return "footnote";
  }
  return "unknown";
}

}  // namespace treatysearch::ingest

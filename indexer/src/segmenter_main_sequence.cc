// The main paragraph sequence: which "N. " lines are the numbered paragraphs of a document.
#include "segmenter_parts.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::segmenter_detail {

// ---------------------------------------------------------------------------------------------
// Main paragraph sequence
//
// Two numberings are printed as paragraph labels: whole numbers ("1.", "2.", ... in
// concluding observations, reports, lists of issues) and dotted numbers (decisions on
// individual communications: "1.1", "1.2", "2.1", ..., "6.4", sometimes "3.5.1", with whole
// numbers where a part has one paragraph: "1.", "2.1", ..., "9.9", "10.", "11."). One chain
// search handles both: a paragraph may follow
//   - "N." or "N.x..." with the next whole number "N+1." or the first of the next part "N+1.1";
//   - "N.M" (or "N.M.x") with "N.M+1"; "N.M" with "N.M.1"; "N.M.K" with "N.M.K+1",
// each allowing up to kMaxMissingNumbers skipped numbers (a part that starts at "N+1.2" skips
// one). "N." is never followed by "N.1": a part with sub-paragraphs is numbered from "N.1".

// Scores of the chain search. A chain member is worth kMemberScore; a member that looks nested
// (after a lead-in ending in ':', right after a RECOMMENDATIONS: marker, continuing such a list,
// or repeating the previous number) costs kSuspectPenalty, which only decides between chains of
// equal length; every number skipped costs kMissingNumberPenalty, more than a member is worth,
// so a skip is taken only when it keeps the rest of the sequence ("99." then "101.").
constexpr long kMemberScore = 100;
constexpr long kSuspectPenalty = 30;
constexpr long kMissingNumberPenalty = 150;
// Inside a part of a dotted sequence a skipped number costs less than a member is worth: the
// end of a part is not marked, so "2.3" may always be followed by "3.1" at no cost, and with
// the full penalty a gap ("2.3", "2.7", "2.8", "3.1") would make the paragraphs after it text
// of "2.3". Whole numbers and whole parts keep the full penalty.
constexpr long kMissingMinorPenalty = 50;
constexpr int kMaxMissingNumbers = 3;

namespace {

struct NumberedLine {
  std::size_t line = 0;
  std::array<int, kMaxNumberLevels> levels{};
  int depth = 1;
  bool candidate = false;  // "N. " or "N.M " at the start of an unquoted line
  bool suspect = false;

  int level(int k) const { return levels[static_cast<std::size_t>(k)]; }
};

// Whether `next` is the number right after `previous` ("6.4" after "6.3", "7.1" or "7." after
// "6.4", "3.5.1" after "3.5").
bool directly_follows(const NumberedLine& previous, const NumberedLine& next) {
  const auto& p = previous.levels;
  const auto& n = next.levels;
  switch (next.depth) {
    case 1:
      return n[0] == p[0] + 1;
    case 2:
      return (n[0] == p[0] + 1 && n[1] == 1) ||
             (previous.depth >= 2 && n[0] == p[0] && n[1] == p[1] + 1);
    default:
      if (n[0] != p[0] || n[1] != p[1]) return false;
      return previous.depth == 2 ? n[2] == 1 : n[2] == p[2] + 1;
  }
}

bool is_dotted_candidate(const Line& line, const NumberedStart& numbered) {
  // "2.5 million people", "3.2 per cent": a dotted number before a lower-case word or a digit
  // is a quantity. Table cells ("1.2" in a column) are data.
  if (line.tab_led) return false;
  const char32_t first = core::first_code_point(numbered.rest);
  return !starts_lowercase(numbered.rest) && !(first >= U'0' && first <= U'9');
}

std::vector<NumberedLine> collect_numbered_lines(const std::vector<Line>& lines,
                                                 std::size_t body_end) {
  std::vector<NumberedLine> items;
  std::size_t previous_text_line = kNone;
  for (std::size_t i = 0; i < body_end; ++i) {
    const Line& line = lines[i];
    if (!line.has_text()) continue;
    // The opinions appended to Views number their paragraphs afresh: the main sequence ends.
    if (is_appendix_heading(line.text)) break;
    const auto numbered = parse_paragraph_number(line.text);
    const bool numbered_heading =
        numbered && parse_enumerated_heading(line.text).has_value();  // "1. GENERAL ..."
    if (numbered && !numbered_heading) {
      NumberedLine item;
      item.line = i;
      item.levels = numbered->levels;
      item.depth = numbered->depth;
      item.candidate = !numbered->quoted && numbered->delimiter != ')' &&
                       (numbered->depth == 1 || is_dotted_candidate(line, *numbered));
      if (previous_text_line != kNone) {
        const std::string& previous = lines[previous_text_line].text;
        item.suspect = last_significant(previous) == U':' || is_recommendation_marker(previous);
      }
      if (!items.empty()) {
        const NumberedLine& last = items.back();
        if (last.levels == item.levels && last.depth == item.depth) item.suspect = true;
        if (last.suspect && directly_follows(last, item)) item.suspect = true;
      }
      items.push_back(item);
    }
    previous_text_line = i;
  }
  return items;
}

struct ChainEnd {
  long score = 0;
  std::size_t item = kNone;
};

// The best chain ends seen so far, grouped as predecessors are looked up: by whole number
// ("N" and every "N.x"), by part ("N.M" and every "N.M.x"), and by exact number.
class ChainEnds {
 public:
  void record(const NumberedLine& item, long score, std::size_t index) {
    keep(by_major_[static_cast<std::uint64_t>(item.level(0))], score, index);
    if (item.depth >= 2) keep(by_part_[part_key(item.level(0), item.level(1))], score, index);
    keep(exact_[exact_key(item)], score, index);
  }

  // Calls visit(chain_end, penalty) for every group `item` may follow, with the penalty of the
  // numbers skipped.
  template <typename Visit>
  void predecessors(const NumberedLine& item, Visit&& visit) const {
    const int a = item.level(0), b = item.level(1), c = item.level(2);
    for (int missing = 0; missing <= kMaxMissingNumbers; ++missing) {
      switch (item.depth) {
        case 1:
          visit_major(a - 1 - missing, missing * kMissingNumberPenalty, visit);
          break;
        case 2:
          if (b - 1 - missing >= 1)
            visit_in(by_part_, part_key(a, b - 1 - missing), missing * kMissingMinorPenalty, visit);
          // From the part before: "5.x" then "6.1"; "5.x" then "6.2" skips "6.1"; "4.x" then
          // "6.1" skips part 5.
          if (b - 1 <= missing) {
            const int skipped_parts = missing - (b - 1);
            visit_major(a - 1 - skipped_parts,
                        skipped_parts * kMissingNumberPenalty + (b - 1) * kMissingMinorPenalty,
                        visit);
          }
          break;
        default:
          if (c - 1 - missing >= 1) {
            NumberedLine previous = item;
            previous.levels[2] = c - 1 - missing;
            visit_in(exact_, exact_key(previous), missing * kMissingMinorPenalty, visit);
          } else if (c - 1 - missing == 0) {
            NumberedLine part = item;
            part.depth = 2;
            part.levels[2] = 0;
            visit_in(exact_, exact_key(part), missing * kMissingMinorPenalty, visit);
          }
          break;
      }
    }
  }

 private:
  using Table = std::unordered_map<std::uint64_t, ChainEnd>;

  static std::uint64_t part_key(int major, int minor) {
    return static_cast<std::uint64_t>(major) << 32 | static_cast<std::uint32_t>(minor);
  }
  // Levels below the first have at most kMaxMinorDigits (3) digits: 10 bits each.
  static std::uint64_t exact_key(const NumberedLine& item) {
    return static_cast<std::uint64_t>(item.level(0)) << 24 |
           static_cast<std::uint64_t>(item.level(1)) << 12 |
           static_cast<std::uint64_t>(item.level(2)) << 2 | static_cast<std::uint64_t>(item.depth);
  }

  // Among equal scores the later chain end wins (the closest "N-1." before "N." is its
  // paragraph).
  static void keep(ChainEnd& slot, long score, std::size_t index) {
    if (slot.item == kNone || score >= slot.score) slot = {score, index};
  }

  template <typename Visit>
  static void visit_in(const Table& table, std::uint64_t key, long penalty, Visit& visit) {
    const auto found = table.find(key);
    if (found != table.end()) visit(found->second, penalty);
  }
  template <typename Visit>
  void visit_major(int major, long penalty, Visit& visit) const {
    if (major >= 1) visit_in(by_major_, static_cast<std::uint64_t>(major), penalty, visit);
  }

  Table by_major_, by_part_, exact_;
};

// Whether the numbering restarts under the headings the format marked: "1." opens items in at
// least kMinRestartingSections sections other than the one the chain starts in. A treaty's or
// a declaration's articles number their paragraphs afresh ("Article 23" 1.-4., "Article 25"
// 1.-2.); the longest chain of such items is one article's list, not the document's paragraph
// numbering, which runs on across its headings.
constexpr std::size_t kMinRestartingSections = 2;

bool numbering_restarts_per_section(const std::vector<Line>& lines,
                                    const std::vector<NumberedLine>& items,
                                    std::size_t chain_first_line) {
  std::vector<std::size_t> section_of(lines.size(), 0);
  std::size_t section = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].heading_level > 0) ++section;
    section_of[i] = section;
  }
  if (section < kMinRestartingSections) return false;
  const std::size_t chain_section = section_of[chain_first_line];
  std::vector<std::size_t> restarting;
  for (const NumberedLine& item : items) {
    if (!item.candidate || item.depth != 1 || item.level(0) != 1) continue;
    const std::size_t at = section_of[item.line];
    if (at == chain_section ||
        std::find(restarting.begin(), restarting.end(), at) != restarting.end())
      continue;
    restarting.push_back(at);
  }
  return restarting.size() >= kMinRestartingSections;
}

}  // namespace

// Returns, for every line, the first number of the main-sequence paragraph it opens and 0
// otherwise (all zeros when the document has no main sequence).
//
// Dynamic programming over the candidate lines: score(c) = best over the chain ends c may
// follow (ChainEnds::predecessors) of score(p) + member value - penalty of the skipped numbers.
// Among equal scores the later predecessor wins. Linear: the best chain ends are kept in hash
// tables, and each candidate looks up a bounded number of keys.
std::vector<int> find_main_sequence(const std::vector<Line>& lines, std::size_t body_end) {
  std::vector<int> main_numbers(lines.size(), 0);
  const std::vector<NumberedLine> items = collect_numbered_lines(lines, body_end);

  ChainEnds ends;
  std::vector<long> score(items.size(), 0);
  std::vector<std::size_t> predecessor(items.size(), kNone);
  std::size_t best_end = kNone;

  for (std::size_t k = 0; k < items.size(); ++k) {
    const NumberedLine& item = items[k];
    if (!item.candidate || item.level(0) > kMaxParagraphNumber) continue;
    const long own = kMemberScore - (item.suspect ? kSuspectPenalty : 0);
    long best_score = own;
    std::size_t best_predecessor = kNone;
    ends.predecessors(item, [&](const ChainEnd& end, long penalty) {
      const long candidate_score = end.score + own - penalty;
      const bool later = best_predecessor == kNone || end.item > best_predecessor;
      if (candidate_score > best_score || (candidate_score == best_score && later)) {
        best_score = candidate_score;
        best_predecessor = end.item;
      }
    });
    score[k] = best_score;
    predecessor[k] = best_predecessor;
    ends.record(item, best_score, k);
    if (best_end == kNone || best_score >= score[best_end]) best_end = k;
  }

  std::vector<std::size_t> chain;
  for (std::size_t k = best_end; k != kNone; k = predecessor[k]) chain.push_back(k);
  if (chain.size() < kMinNumberedParagraphs) return main_numbers;
  if (numbering_restarts_per_section(lines, items, items[chain.back()].line)) return main_numbers;
  for (const std::size_t k : chain) main_numbers[items[k].line] = items[k].level(0);
  return main_numbers;
}

}  // namespace treatysearch::ingest::segmenter_detail

// The main paragraph sequence: which "N. " lines are the numbered paragraphs of a document.
#include "segmenter_parts.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace treatysearch::ingest::segmenter_detail {

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

namespace {

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

}  // namespace

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

}  // namespace treatysearch::ingest::segmenter_detail

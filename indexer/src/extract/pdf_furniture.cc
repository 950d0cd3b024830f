#include "pdf_furniture.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text.h"

namespace treatysearch::ingest::pdf {

using core::is_ascii_digit;
using core::starts_with_ascii_ci;
using core::trim;

namespace {

// Headers sit in the top tenth of the page, footers in the bottom tenth (A4 and Letter UN
// layouts put them at 5% and 95%).
enum class Margin { kNone, kTop, kBottom };

Margin margin_of(const Line& line, const PageLayout& page) {
  if (page.height <= 0) return Margin::kNone;
  if (line.y1 < 0.1 * page.height) return Margin::kTop;
  if (line.y0 > 0.9 * page.height) return Margin::kBottom;
  return Margin::kNone;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// "3", "- 3 -", "Page 3", "Page 3 of 18", "3/18", "p. 3".
bool is_page_number(std::string_view text) {
  text = trim(text);
  if (starts_with_ascii_ci(text, "page ")) text = trim(text.substr(5));
  if (starts_with_ascii_ci(text, "p. ")) text = trim(text.substr(3));
  while (!text.empty() && (text.front() == '-' || text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '-' || text.back() == ' ')) text.remove_suffix(1);
  const std::size_t of = text.find(" of ");
  const std::size_t slash = text.find('/');
  if (of != std::string_view::npos) {
    return all_digits(text.substr(0, of)) && all_digits(trim(text.substr(of + 4)));
  }
  if (slash != std::string_view::npos) {
    return all_digits(text.substr(0, slash)) && all_digits(text.substr(slash + 1));
  }
  return all_digits(text) && text.size() <= 4;
}

// "GE.22-27770(E)", "GE.19-18603 (S) 061219 061219", "GE.1907-297(A)".
bool is_job_number(std::string_view text) {
  return text.size() > 4 && text.substr(0, 3) == "GE." && is_ascii_digit(text[3]);
}

// The text a bar-code font draws: "*2227770*".
bool is_barcode_text(std::string_view text) {
  return text.size() > 4 && text.front() == '*' && text.back() == '*' &&
         std::all_of(text.begin() + 1, text.end() - 1,
                     [](char c) { return is_ascii_digit(c) || core::is_ascii_upper(c); });
}

// The key under which a margin line repeats: its text with every run of digits as '#', so
// that "CERD/C/BRA/CO/18-20" and page-numbered lines match across pages.
std::string repetition_key(const Line& line, Margin margin) {
  std::string key(1, margin == Margin::kTop ? 'T' : 'B');
  key.push_back(line.column == 1 ? 'R' : 'L');
  bool in_digits = false;
  for (const char c : line.text) {
    if (is_ascii_digit(c)) {
      if (!in_digits) key.push_back('#');
      in_digits = true;
      continue;
    }
    in_digits = false;
    key.push_back(c);
  }
  return key;
}

// A bar-code font maps its bars to the private use area (U+E000-U+F8FF): such a line has no
// other character.
bool is_private_use_only(std::string_view text) {
  bool any = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = core::decode_at(text, i);
    i += decoded.length;
    if (decoded.value == U' ') continue;
    if (decoded.value < 0xE000 || decoded.value > 0xF8FF) return false;
    any = true;
  }
  return any;
}

}  // namespace

bool is_furniture_text(const Line& line) {
  const std::string_view text = trim(line.text);
  if (is_barcode_text(text) || is_private_use_only(text) || is_job_number(text)) return true;
  if (is_page_number(text)) return true;
  // The print date beside the job number on first pages ("GE.19-18603 (S) 061219 061219").
  if (text.size() == 6 && all_digits(text)) return true;
  return starts_with_ascii_ci(text, "please recycle");
}

void mark_furniture(std::vector<PageLayout>& pages) {
  // Lines that repeat in the same margin on most pages after the first (the first page of a UN
  // document has a layout of its own, and its symbol there is metadata, not furniture).
  std::unordered_map<std::string, int> pages_with_key;
  for (std::size_t p = 1; p < pages.size(); ++p) {
    std::unordered_set<std::string> seen;
    for (const Line& line : pages[p].lines) {
      const Margin margin = margin_of(line, pages[p]);
      if (margin == Margin::kNone) continue;
      std::string key = repetition_key(line, margin);
      if (seen.insert(key).second) ++pages_with_key[key];
    }
  }
  const int later_pages = static_cast<int>(pages.size()) - 1;
  const int needed = std::max(2, (later_pages + 1) / 2);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (Line& line : pages[p].lines) {
      const Margin margin = margin_of(line, pages[p]);
      if (margin == Margin::kNone) continue;
      bool furniture = is_furniture_text(line);
      if (!furniture && p > 0) {
        const auto found = pages_with_key.find(repetition_key(line, margin));
        furniture = found != pages_with_key.end() && found->second >= needed;
      }
      if (furniture) line.role = LineRole::kFurniture;
    }
  }
}

}  // namespace treatysearch::ingest::pdf

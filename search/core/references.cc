#include "references.h"

#include <algorithm>
#include <optional>

#include "schema.h"
#include "symbols.h"
#include "text.h"

namespace treatysearch::core {

namespace {

constexpr const char* kCitesPrefix = "XR";
constexpr const char* kCitesExactlyPrefix = "XRE";
constexpr const char* kGradePrefix = "XG";
constexpr const char* kGradedPrefix = "XH";

// A label as read: its number ("18", "6.4") and its lettered or roman sub-parts ("b", "iii").
struct Item {
  std::string number;
  std::vector<std::string> parts;
  std::size_t end = 0;

  std::string printed() const {
    std::string out = number;
    for (const auto& part : parts) out += " (" + part + ")";
    return out;
  }
};

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
  return i;
}

// The letters of a part starting at text[first], closed by ')': "b)", "iii)". Unbracketed
// ("b)" of the French and Spanish "2 b)"), it must not run on into a word ("ab)c").
std::optional<std::pair<std::string, std::size_t>> read_part_letters(std::string_view text,
                                                                     std::size_t first,
                                                                     bool bracketed) {
  std::size_t j = first;
  while (j < text.size() && j - first < 5 && is_ascii_lower(text[j])) ++j;
  if (j == first || j >= text.size() || text[j] != ')') return std::nullopt;
  if (!bracketed && j + 1 < text.size() && is_ascii_alnum(text[j + 1])) return std::nullopt;
  return std::make_pair(std::string(text.substr(first, j - first)), j + 1);
}

// "(b)", "(iii)" at text[i] (after at most one space), or the French and Spanish "b)", "iii)"
// after a space ("paragraphe 2 a)"): its letters and the offset after it.
std::optional<std::pair<std::string, std::size_t>> read_part(std::string_view text, std::size_t i) {
  const bool spaced = i < text.size() && text[i] == ' ';
  if (spaced) ++i;
  if (i < text.size() && text[i] == '(') return read_part_letters(text, i + 1, true);
  return spaced ? read_part_letters(text, i, false) : std::nullopt;
}

// A part where a label may start (after a separator or a range dash, spaces skipped): "(e)",
// or "e)" after a space or a dash ("36 a)-d)").
std::optional<std::pair<std::string, std::size_t>> read_part_here(std::string_view text,
                                                                  std::size_t i) {
  if (auto part = read_part(text, i)) return part;
  if (i == 0 || is_ascii_alnum(text[i - 1])) return std::nullopt;
  return read_part_letters(text, i, false);
}

// A paragraph number with its sub-parts at text[i]: digits, dotted digits ("6.4"), then
// "(b)" parts. A number glued to letters ("2023a") or ending a sentence's dot is read without it.
std::optional<Item> read_item(std::string_view text, std::size_t i) {
  if (i >= text.size() || !is_ascii_digit(text[i])) return std::nullopt;
  std::size_t j = i;
  while (j < text.size() && is_ascii_digit(text[j])) ++j;
  while (j + 1 < text.size() && text[j] == '.' && is_ascii_digit(text[j + 1])) {
    j += 2;
    while (j < text.size() && is_ascii_digit(text[j])) ++j;
  }
  if (j < text.size() && is_ascii_alpha(text[j])) return std::nullopt;
  if (j - i > 12) return std::nullopt;  // not a paragraph number
  Item item;
  item.number = std::string(text.substr(i, j - i));
  while (auto part = read_part(text, j)) {
    item.parts.push_back(part->first);
    j = part->second;
  }
  item.end = j;
  return item;
}

// A range dash or word at text[i] (spaces around it allowed): the offset after it.
std::optional<std::size_t> read_range_mark(std::string_view text, std::size_t i) {
  std::size_t j = skip_spaces(text, i);
  for (std::string_view dash : {"-", "\u2013", "\u2014", "\u2011"})
    if (text.substr(j, dash.size()) == dash) return skip_spaces(text, j + dash.size());
  if (j == i) return std::nullopt;  // a word needs a space before it
  for (std::string_view word : {"to ", "\u00e0 ", "a ", "al ", "\u0434\u043e "})
    if (text.substr(j, word.size()) == word) return skip_spaces(text, j + word.size());
  return std::nullopt;
}

// A list separator at text[i] followed by a label: the offset of that label.
std::optional<std::size_t> read_separator(std::string_view text, std::size_t i) {
  std::size_t j = skip_spaces(text, i);
  bool comma = false;
  if (j < text.size() && text[j] == ',') {
    comma = true;
    j = skip_spaces(text, j + 1);
  }
  std::size_t after_word = j;
  for (std::string_view word : {"and ", "et ", "y ", "e ", "\u0438 ", "& "})
    if (j > i && text.substr(j, word.size()) == word) {
      after_word = skip_spaces(text, j + word.size());
      break;
    }
  if (!comma && after_word == j) return std::nullopt;
  if (after_word < text.size() && is_ascii_digit(text[after_word])) return after_word;
  if (read_part_here(text, after_word)) return after_word;  // "17 (b)–(c) and (e)–(f)"
  return std::nullopt;
}

// A topic in brackets after a label, before the list goes on: "17 (a) (right to health and
// the impact of the COVID-19 pandemic), 19 (c)". The offset after it, if one is there.
std::optional<std::size_t> skip_topic(std::string_view text, std::size_t i) {
  const std::size_t open = i < text.size() && text[i] == ' ' ? i + 1 : i;
  if (open >= text.size() || text[open] != '(') return std::nullopt;
  const std::size_t close = text.find(')', open);
  if (close == std::string_view::npos || close - open > 150) return std::nullopt;
  const std::string_view inside = text.substr(open + 1, close - open - 1);
  if (inside.find('(') != std::string_view::npos || inside.find(' ') == std::string_view::npos)
    return std::nullopt;  // nested, or one word: not a topic
  return close + 1;
}

std::optional<long> whole_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  long value = 0;
  for (char c : digits) {
    if (!is_ascii_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Appends the labels from `first` to `last`: numbers ("160-166"), the last dotted part
// ("6.2-6.4"), or one-letter parts of one paragraph ("36 (a)-(d)"); else the two ends.
void expand_range(const Item& first, const Item& last, std::vector<std::string>* out) {
  const auto keep_ends = [&] {
    out->push_back(first.printed());
    out->push_back(last.printed());
  };
  if (first.parts.empty() && last.parts.empty()) {
    const std::size_t a_dot = first.number.rfind('.'), b_dot = last.number.rfind('.');
    const std::string prefix = a_dot == std::string::npos ? "" : first.number.substr(0, a_dot + 1);
    const std::string other = b_dot == std::string::npos ? "" : last.number.substr(0, b_dot + 1);
    const auto a = whole_number(std::string_view(first.number).substr(prefix.size()));
    const auto b = whole_number(std::string_view(last.number).substr(other.size()));
    if (prefix != other || !a || !b || *b <= *a || std::size_t(*b - *a) >= kMaxRangeLabels)
      return keep_ends();
    for (long n = *a; n <= *b; ++n) out->push_back(prefix + std::to_string(n));
    return;
  }
  if (first.number == last.number && first.parts.size() == last.parts.size() &&
      !first.parts.empty() && first.parts.back().size() == 1 && last.parts.back().size() == 1 &&
      first.parts.back() < last.parts.back() &&
      std::equal(first.parts.begin(), first.parts.end() - 1, last.parts.begin())) {
    Item item = first;
    for (char c = first.parts.back()[0]; c <= last.parts.back()[0]; ++c) {
      item.parts.back() = std::string(1, c);
      out->push_back(item.printed());
    }
    return;
  }
  keep_ends();
}

}  // namespace

std::vector<std::string> read_label_list(std::string_view text, std::size_t pos, std::size_t* end) {
  std::vector<std::string> labels;
  *end = pos;
  std::size_t i = pos;
  std::optional<Item> item = read_item(text, i);
  while (item) {
    std::size_t next = item->end;
    std::optional<Item> last;
    if (auto after_mark = read_range_mark(text, item->end)) {
      if (auto part = read_part_here(text, *after_mark); part && !item->parts.empty()) {
        last = *item;  // "36 (a)-(d)": the range's end names only the part
        last->parts.back() = part->first;
        last->end = part->second;
      } else if (auto to = read_item(text, *after_mark)) {
        last = to;
      }
    }
    if (last) {
      expand_range(*item, *last, &labels);
      next = last->end;
    } else {
      labels.push_back(item->printed());
    }
    *end = next;
    auto separator = read_separator(text, next);
    if (!separator) {
      const auto topic = skip_topic(text, next);
      if (topic) separator = read_separator(text, *topic);
    }
    if (!separator) break;
    i = *separator;
    if (auto part = read_part_here(text, i)) {
      // A part alone continues the number before it: "17 (b) and (e)", "2 a) et b)".
      Item continued;
      continued.number = (last ? *last : *item).number;
      continued.parts = {part->first};
      continued.end = part->second;
      item = continued;
    } else {
      item = read_item(text, i);
    }
  }
  return labels;
}

std::string compact_label(std::string_view label) {
  std::string compact;
  for (char c : label)
    if (c != ' ') compact.push_back(ascii_lower(c));
  return compact;
}

namespace {

std::string cites_term(const char* prefix, std::string_view symbol, std::string_view label) {
  std::string term = schema::filter_term(prefix, symbol_key(symbol));
  if (!label.empty()) term += "#" + compact_label(label);
  return term;
}

}  // namespace

std::vector<std::string> reference_terms(const Reference& reference) {
  if (reference.symbol.empty()) return {};
  std::vector<std::string> terms{cites_term(kCitesPrefix, reference.symbol, "")};
  if (reference.label.empty()) return terms;
  terms.push_back(cites_term(kCitesPrefix, reference.symbol, reference.label));
  terms.push_back(cites_term(kCitesExactlyPrefix, reference.symbol, reference.label));
  for (std::string_view head : schema::paragraph_number_heads(reference.label))
    if (compact_label(head) != compact_label(reference.label))
      terms.push_back(cites_term(kCitesPrefix, reference.symbol, head));
  return terms;
}

std::vector<std::string> citing_terms(std::string_view symbol, std::string_view label) {
  std::vector<std::string> terms{cites_term(kCitesPrefix, symbol, label)};
  for (std::string_view head : schema::paragraph_number_heads(label))
    if (compact_label(head) != compact_label(label))
      terms.push_back(cites_term(kCitesExactlyPrefix, symbol, head));
  return terms;
}

std::string grade_term(std::string_view grade) {
  return schema::filter_term(kGradePrefix, trim(grade));
}

std::string graded_term(std::string_view symbol, std::string_view label) {
  return cites_term(kGradedPrefix, symbol, label);
}

std::vector<std::string> grade_terms(const Reference& reference) {
  if (reference.symbol.empty() || reference.label.empty() || reference.grade.empty()) return {};
  return {grade_term(reference.grade), graded_term(reference.symbol, reference.label)};
}

bool parse_citation(std::string_view text, std::string* symbol, std::string* label) {
  text = trim(text);
  std::size_t symbol_end = 0;
  while (symbol_end < text.size() && symbols_detail::is_symbol_char(text[symbol_end])) ++symbol_end;
  while (symbol_end > 0 && (text[symbol_end - 1] == '.' || text[symbol_end - 1] == '-'))
    --symbol_end;
  if (!is_symbol(text.substr(0, symbol_end), true)) return false;
  *symbol = std::string(text.substr(0, symbol_end));
  std::size_t i = skip_spaces(text, symbol_end);
  if (i < text.size() && text[i] == ',') i = skip_spaces(text, i + 1);
  label->clear();
  if (i == text.size()) return true;
  for (std::string_view mark : {"paragraph", "para.", "para", "par.", "\u00a7"}) {
    if (ascii_lowercase(text.substr(i, mark.size())) == mark) {
      i = skip_spaces(text, i + mark.size());
      break;
    }
  }
  auto item = read_item(text, i);
  if (!item || skip_spaces(text, item->end) != text.size()) return false;
  *label = item->printed();
  return true;
}

}  // namespace treatysearch::core

// The top of a UN first page, in any of the six languages:
//
//   United Nations        [Convention ...]         CRPD/C/BGD/CO/1
//                                                  Distr.: General
//                                                  11 October 2022
//                                                  [Russian]
//                                                  Original: English
//   Committee on the Rights of Persons with Disabilities
//   Concluding observations on the initial report of Bangladesh*
//
// The symbol printed right above "Distr." is the document's own; the date and the language
// lines follow it. Text extraction may give these lines in another order (the symbol first,
// the cells of a Word layout table on one line), so cells are read in order and the symbol is
// the last one before "Distr.".
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata_detect.h"
#include "metadata_rules.h"
#include "states.h"
#include "symbols.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

namespace {

struct LanguageName {
  std::string_view name;  // folded by fold_words()
  std::string_view code;
};

// Each of the six languages named in each of the six. Arabic names are given after the
// preposition "ب" ("in") the Original line puts before them, which language_code_for_name()
// removes.
constexpr LanguageName kLanguageNames[] = {
    {"english", "en"},    {"french", "fr"},     {"spanish", "es"},     {"russian", "ru"},
    {"arabic", "ar"},     {"chinese", "zh"},    {"anglais", "en"},     {"francais", "fr"},
    {"espagnol", "es"},   {"russe", "ru"},      {"arabe", "ar"},       {"chinois", "zh"},
    {"ingles", "en"},     {"frances", "fr"},    {"espanol", "es"},     {"ruso", "ru"},
    {"chino", "zh"},      {"английский", "en"}, {"французский", "fr"}, {"испанский", "es"},
    {"русский", "ru"},    {"арабский", "ar"},   {"китаиский", "zh"},   {"китайский", "zh"},
    {"الانكليزيه", "en"}, {"الانجليزيه", "en"}, {"الفرنسيه", "fr"},    {"الاسبانيه", "es"},
    {"الروسيه", "ru"},    {"العربيه", "ar"},    {"الصينيه", "zh"},     {"英文", "en"},
    {"英语", "en"},       {"法文", "fr"},       {"法语", "fr"},        {"西班牙文", "es"},
    {"西班牙语", "es"},   {"俄文", "ru"},       {"俄语", "ru"},        {"阿拉伯文", "ar"},
    {"阿拉伯语", "ar"},   {"中文", "zh"}};

// The value after a label ("Original: English", "Original : anglais", "原文：英文"), or empty.
std::string_view value_after_colon(std::string_view cell) {
  constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // ：
  std::size_t colon = cell.find(':');
  std::size_t colon_size = 1;
  if (const std::size_t wide = cell.find(kFullWidthColon);
      wide != std::string_view::npos && wide < colon) {
    colon = wide;
    colon_size = kFullWidthColon.size();
  }
  if (colon == std::string_view::npos) return {};
  return core::trim(cell.substr(colon + colon_size));
}

struct Candidate {
  std::string symbol;
  std::size_t cell;  // index in the cell sequence
  bool treaty_body;  // is_un_symbol(); else another UN symbol ("A/HRC/WG.6/48/SVN/2")
};

}  // namespace

namespace {

// The code of a language named alone ("Russian", "Español", "بالإنكليزية"), or empty.
std::string language_named_alone(std::string_view folded) {
  constexpr std::string_view kIn = "\xD8\xA8";  // ب before an Arabic language name
  if (folded.starts_with(kIn)) folded.remove_prefix(kIn.size());
  for (const LanguageName& language : kLanguageNames) {
    if (language.name == folded) return std::string(language.code);
  }
  return {};
}

std::string folded_cell(std::string_view cell) {
  std::string folded = fold_words(strip_trailing_marks(cell));
  while (!folded.empty() && (folded.back() == '.' || folded.back() == ',')) folded.pop_back();
  return folded;
}

// The language line under the date: the version's language alone ("Russian"), or the one
// language the document is issued in ("English only"). Not a line that merely starts with a
// language's name ("Russian Federation").
std::string version_language(std::string_view cell) {
  const std::string folded = folded_cell(cell);
  std::string code = language_named_alone(folded);
  if (!code.empty()) return code;
  for (std::string_view only : {" only", " seulement", " unicamente", " solamente", " только"}) {
    if (std::string_view(folded).ends_with(only)) {
      return language_named_alone(std::string_view(folded).substr(0, folded.size() - only.size()));
    }
  }
  return {};
}

}  // namespace

std::string language_code_for_name(std::string_view name) {
  const std::string folded = folded_cell(name);
  std::string_view value = folded;
  constexpr std::string_view kIn = "\xD8\xA8";  // ب before an Arabic language name
  if (std::string code = language_named_alone(value); !code.empty()) return code;
  // "English and French", "Español e inglés", "英文和法文": the first named.
  for (std::string_view separator : {" ", ",", "\xE5\x92\x8C"}) {  // 和
    const std::size_t cut = value.find(separator);
    if (cut == std::string_view::npos || cut == 0) continue;
    const std::string_view first = value.substr(0, cut);
    for (const LanguageName& language : kLanguageNames) {
      if (language.name == first ||
          (first.starts_with(kIn) && language.name == first.substr(kIn.size()))) {
        return std::string(language.code);
      }
    }
  }
  return {};
}

bool is_distribution_cell(std::string_view cell) {
  if (core::starts_with_ascii_ci(cell, "Distr")) {
    return cell.size() > 5 && (cell[5] == '.' || cell[5] == ':' || cell[5] == ' ');
  }
  // The six versions print "Distr." in Latin letters; these are tolerated for a version that
  // translates the line.
  for (std::string_view opening :
       {"\xD8\xA7\xD9\x84\xD8\xAA\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB9",  // التوزيع
        "\xE5\x88\x86\xE5\x8F\x91"}) {                               // 分发
    if (cell.starts_with(opening)) return true;
  }
  return false;
}

std::string original_language_in(std::string_view cell) {
  static constexpr std::string_view kLabels[] = {
      "original", "подлинный текст",
      "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB5\xD9\x84",  // الأصل
      "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB5\xD9\x84",  // الاصل
      "\xE5\x8E\x9F\xE6\x96\x87"};                 // 原文
  const std::string folded = fold_words(cell);
  for (std::string_view label : kLabels) {
    const std::string folded_label = fold_words(label);
    if (!std::string_view(folded).starts_with(folded_label)) continue;
    const std::string_view rest = core::trim(std::string_view(folded).substr(folded_label.size()));
    if (rest.empty() || (rest.front() != ':' && !rest.starts_with("\xEF\xBC\x9A"))) continue;
    return language_code_for_name(value_after_colon(cell));
  }
  return {};
}

bool symbol_has_unknown_country(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(symbol, '/');
  // The country code follows the committee's prefix: CRPD/C/XXX/..., E/C.12/XXX/...
  if (parts.size() < 4) return false;
  std::string_view code = parts[2];
  if (code.size() == 7 && code[3] == '-') code = code.substr(0, 3);  // CHN-HKG
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), core::is_ascii_upper)) {
    return false;
  }
  // Three capitals that are not a State: a misprint ("BDG" for "BGD"). No other part of a
  // treaty body's symbol in this place has three capitals ("GC", "SR.600", "OPAC").
  return core::state_name_for_code(code).empty();
}

namespace {

// Where a marker of the top-right block starts inside `text` after a space, or npos: a PDF
// extractor may give the block as one paragraph ("CRPD/C/BGD/CO/1 Distr.: General 11 October
// 2022 Original: English").
std::size_t block_marker_in(std::string_view text) {
  std::size_t best = std::string_view::npos;
  for (std::string_view marker :
       {std::string_view(" Distr."), std::string_view(" Distr:"), std::string_view(" Original:"),
        std::string_view(" Original :"), std::string_view(" Подлинный текст:"),
        std::string_view(" \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB5\xD9\x84"),  // الأصل
        std::string_view(" \xE5\x8E\x9F\xE6\x96\x87")}) {               // 原文
    const std::size_t pos = text.find(marker);
    if (pos != std::string_view::npos && pos < best) best = pos;
  }
  return best;
}

// "11 October 2022 Russian" -> "11 October 2022", "Russian": the longest run of words at the
// start of `run` that is a date, and the rest. False (and nothing added) when no date starts it.
bool split_leading_date(std::string_view run, std::vector<std::string_view>* cells) {
  std::vector<std::size_t> token_starts;
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (run[i] != ' ' && (i == 0 || run[i - 1] == ' ')) token_starts.push_back(i);
  }
  constexpr std::size_t kMaxDateTokens = 6;
  for (std::size_t end = std::min(token_starts.size(), kMaxDateTokens); end > 0; --end) {
    const std::size_t cut = end < token_starts.size() ? token_starts[end] : run.size();
    const std::string_view date = core::trim(run.substr(0, cut));
    if (!parse_date_line(date).empty() || !parse_date_other_scripts(date).empty()) {
      cells->push_back(date);
      const std::string_view rest = core::trim(run.substr(cut));
      if (!rest.empty()) cells->push_back(rest);
      return true;
    }
  }
  return false;
}

// "Distr.: General 11 October 2022 Russian" -> "Distr.: General", "11 October 2022", "Russian".
void split_distribution_run(std::string_view run, std::vector<std::string_view>* cells) {
  std::vector<std::size_t> token_starts;
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (run[i] != ' ' && (i == 0 || run[i - 1] == ' ')) token_starts.push_back(i);
  }
  // "Distr.:" "General" or "Distr." "générale": the label and one word.
  constexpr std::size_t kLabelTokens = 2;
  if (token_starts.size() <= kLabelTokens) {
    cells->push_back(run);
    return;
  }
  cells->push_back(core::trim(run.substr(0, token_starts[kLabelTokens])));
  const std::string_view rest = core::trim(run.substr(token_starts[kLabelTokens]));
  if (!split_leading_date(rest, cells)) cells->push_back(rest);
}

// The cells of a header line: the layout's cells (split_cells()), and within a cell the parts of
// a top-right block given as one run of text.
std::vector<std::string_view> first_page_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  for (std::string_view cell : split_cells(line)) {
    while (!cell.empty()) {
      const std::size_t marker = block_marker_in(cell);
      std::string_view piece = core::trim(cell.substr(0, marker));
      cell = marker == std::string_view::npos ? std::string_view() : cell.substr(marker + 1);
      if (piece.empty()) continue;
      // "United Nations CRPD/C/BGD/CO/1" before "Distr.": the symbol is its own cell.
      const std::size_t space = piece.rfind(' ');
      if (marker != std::string_view::npos && space != std::string_view::npos &&
          core::is_symbol(strip_trailing_marks(piece.substr(space + 1)))) {
        cells.push_back(core::trim(piece.substr(0, space)));
        piece = piece.substr(space + 1);
      }
      // A layout that interleaves the top-right block with the left column gives "29 de
      // octubre de 2019 Español" on a line of its own.
      if (is_distribution_cell(piece)) {
        split_distribution_run(piece, &cells);
      } else if (!split_leading_date(piece, &cells)) {
        cells.push_back(piece);
      }
    }
  }
  return cells;
}

}  // namespace

FirstPage read_first_page(const std::vector<std::string>& header_lines) {
  FirstPage page;
  struct Cell {
    std::string_view text;
    std::size_t line;
  };
  std::vector<Cell> cells;
  for (std::size_t i = 0; i < header_lines.size(); ++i) {
    for (std::string_view cell : first_page_cells(header_lines[i])) cells.push_back({cell, i});
  }
  // Symbols standing alone in a cell, or split over two ("CRPD/C/ARG/CO/2-" "3").
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string_view cell = strip_trailing_marks(cells[i].text);
    if (core::is_symbol(cell)) {
      candidates.push_back({std::string(cell), i, is_un_symbol(cell)});
      continue;
    }
    if (i + 1 < cells.size() && !cell.empty() &&
        (cell.back() == '/' || cell.back() == '-' || cells[i + 1].text.starts_with("/"))) {
      std::string joined(cell);
      joined += strip_trailing_marks(cells[i + 1].text);
      if (core::is_symbol(joined)) {
        const bool treaty_body = is_un_symbol(joined);
        candidates.push_back({std::move(joined), i + 1, treaty_body});
        ++i;
      }
    }
  }
  std::size_t distribution = cells.size();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (is_distribution_cell(cells[i].text)) {
      distribution = i;
      page.distribution = true;
      break;
    }
  }
  // The symbol: the last one before "Distr.", else the first right after it; a doubted one
  // (unknown country code) gives way to one that is not.
  const Candidate* chosen = nullptr;
  for (const Candidate& candidate : candidates) {
    if (page.distribution && candidate.cell < distribution) chosen = &candidate;
  }
  if (chosen == nullptr && page.distribution) {
    for (const Candidate& candidate : candidates) {
      if (candidate.cell > distribution && candidate.cell <= distribution + 2) {
        chosen = &candidate;
        break;
      }
    }
  }
  // Without "Distr." only a treaty body's symbol standing alone is taken: the header of a
  // letter or an NGO's paper holds other symbols in passing.
  if (chosen == nullptr && !page.distribution) {
    for (const Candidate& candidate : candidates) {
      if (candidate.treaty_body) {
        chosen = &candidate;
        break;
      }
    }
  }
  if (chosen != nullptr && symbol_has_unknown_country(chosen->symbol)) {
    for (const Candidate& candidate : candidates) {
      if (candidate.treaty_body && !symbol_has_unknown_country(candidate.symbol)) {
        chosen = &candidate;
        break;
      }
    }
  }
  if (chosen != nullptr) page.symbol = chosen->symbol;

  // Below "Distr.": the date, the language of this version, the original language.
  if (page.distribution) {
    constexpr std::size_t kDistributionBlockCells = 6;
    for (std::size_t i = distribution + 1;
         i < cells.size() && i <= distribution + kDistributionBlockCells; ++i) {
      const std::string_view cell = cells[i].text;
      if (page.date.empty()) {
        std::string date = parse_date_line(cell);
        if (date.empty()) date = parse_date_other_scripts(cell);
        if (!date.empty()) {
          page.date = std::move(date);
          continue;
        }
      }
      if (std::string original = original_language_in(cell); !original.empty()) {
        page.original_language = std::move(original);
        break;  // the languages the version is issued in follow; they are no language line
      }
      if (page.language.empty()) page.language = version_language(cell);
    }
  }

  // The committee's name line, in any language (a Convention's name above the symbol is not
  // one: the title follows the committee's line).
  for (std::size_t i = 0; i < header_lines.size(); ++i) {
    std::string code = committee_for_name_line(header_lines[i]);
    if (!code.empty()) {
      page.committee = std::move(code);
      page.committee_line = i;
      // A name the layout wrapped ("COMMITTEE ON THE ELIMINATION OF" / "RACIAL
      // DISCRIMINATION") ends on a later line; the title starts after it.
      std::string name = header_lines[i];
      for (std::size_t next = i + 1; next < header_lines.size() && next <= i + 2; ++next) {
        name += ' ';
        name += header_lines[next];
        if (committee_for_name_line(name).empty()) break;
        page.committee_line = next;
      }
      break;
    }
  }
  return page;
}

}  // namespace treatysearch::ingest::metadata_detail

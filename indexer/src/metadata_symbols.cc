// UN document symbols and letter references: the State, type and session they give.
#include "metadata_rules.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata_detect.h"
#include "states.h"
#include "symbols.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

// ---------------------------------------------------------------------------------------------
// Symbols.

namespace {

constexpr std::string_view kSymbolPrefixes[] = {"CERD", "CCPR", "CEDAW", "CRC", "CAT",
                                                "CRPD", "CMW",  "CED",   "HRI", "E"};

// "8-11", "6", "22-24": the report numbers that end a State report's symbol.
bool is_report_numbers(std::string_view part) {
  if (part.empty() || !core::is_ascii_digit(part.front()) || !core::is_ascii_digit(part.back()))
    return false;
  return std::all_of(part.begin(), part.end(),
                     [](char c) { return core::is_ascii_digit(c) || c == '-'; });
}

}  // namespace

// "A/77/55" -> "CRPD": the General Assembly's official records number each committee's annual
// report by a supplement of its own; CESCR reports to ECOSOC ("E/2023/22").
std::string annual_report_committee(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(symbol, '/');
  auto all_digits = [](std::string_view part, std::size_t min, std::size_t max) {
    return part.size() >= min && part.size() <= max &&
           std::all_of(part.begin(), part.end(), core::is_ascii_digit);
  };
  if (parts.size() != 3) return {};
  if (parts[0] == "E" && all_digits(parts[1], 4, 4) && parts[2] == "22") return "CESCR";
  if (parts[0] != "A" || !all_digits(parts[1], 2, 3)) return {};
  static constexpr std::pair<std::string_view, std::string_view> kSupplements[] = {
      {"18", "CERD"}, {"40", "CCPR"}, {"38", "CEDAW"}, {"41", "CRC"},
      {"44", "CAT"},  {"48", "CMW"},  {"55", "CRPD"},  {"56", "CED"}};
  for (const auto& [number, code] : kSupplements) {
    if (parts[2] == number) return std::string(code);
  }
  return {};
}

// The State a symbol names: "KAZ" in CERD/C/KAZ/CO/8-10; "CHN" in CCPR/C/CHN-HKG/CO/4.
std::string state_from_symbol(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(symbol, '/');
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.size() == 7 && part[3] == '-') part = part.substr(0, 3);
    if (part.size() != 3 || !std::all_of(part.begin(), part.end(), core::is_ascii_upper)) continue;
    const std::string_view name = core::state_name_for_code(part);
    if (!name.empty()) return std::string(name);
  }
  return {};
}

std::string type_from_symbol(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(symbol, '/');
  auto has_part = [&parts](std::string_view wanted) {
    return std::find(parts.begin() + 1, parts.end(), wanted) != parts.end();
  };
  if (!annual_report_committee(symbol).empty()) return doctype::kAnnualReport;
  if (has_part("FCO")) return doctype::kFollowUpInformation;
  if (has_part("RFIR")) return doctype::kInquiryFollowUpReport;
  if (has_part("RQ")) return doctype::kReplyToListOfIssues;
  if (has_part("CO")) {
    // "CRPD/C/CZE/CO/1/Add.1", "CERD/C/KAZ/CO/8-10/Add.1": the State's information on
    // follow-up, issued as an addendum to the concluding observations.
    if (parts.back().starts_with("Add.")) return doctype::kFollowUpInformation;
    return doctype::kConcludingObservations;
  }
  if (has_part("Q") || has_part("LOI") || has_part("QPR")) {
    // "CRPD/C/GRC/Q/1/Add.1": the State's replies, issued as an addendum to the list.
    if (parts.back().starts_with("Add.")) return doctype::kReplyToListOfIssues;
    return doctype::kListOfIssues;
  }
  if (has_part("GC")) return doctype::kGeneralComment;
  if (has_part("D")) return doctype::kDecision;
  if (!state_from_symbol(symbol).empty() && is_report_numbers(parts.back())) {
    return doctype::kStateReport;
  }
  return {};
}

// "REFERENCE: CERD/110th session/2023/FU/AKB/ks" -> the reference. A letter reference is taken
// whole: it contains spaces and is not a document symbol, but it is what the letter is cited by.
std::optional<std::string_view> reference_value(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 24) return std::nullopt;
  std::string key = core::ascii_lowercase(core::trim(line.substr(0, colon)));
  while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
  static constexpr std::string_view kKeys[] = {"reference",  "ref",   "our reference",
                                               "our ref",    "réf",   "référence",
                                               "referencia", "n/ref", "n/réf"};
  if (std::ranges::find(kKeys, key) == std::end(kKeys)) return std::nullopt;
  const std::string_view value = strip_trailing_marks(line.substr(colon + 1));
  if (value.empty() || !contains(value, "/")) return std::nullopt;
  return value;
}

namespace {

// "110th session" at the start of `text` -> "110" (case and space variants as match_loose()).
std::string ordinal_session_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && core::is_ascii_digit(text[i])) ++i;
  if (i == 0) {
    // "twenty-seventh session": number words up to the word "session".
    constexpr std::size_t kMaxWordsBytes = 60;
    const std::size_t end = find_loose(text.substr(0, kMaxWordsBytes + 8), " session");
    if (end == std::string_view::npos || end == 0) return {};
    const int number = read_ordinal_words(text.substr(0, end), Language::kEnglish);
    return number > 0 ? std::to_string(number) : std::string();
  }
  if (i > 4) return {};
  for (std::string_view suffix : {"st session", "nd session", "rd session", "th session"}) {
    if (match_loose(text, i, suffix) > 0) return std::string(text.substr(0, i));
  }
  return {};
}

}  // namespace

std::string session_in_reference(std::string_view reference) {
  for (std::string_view part : split(reference, '/')) {
    std::string session = ordinal_session_at(core::trim(part));
    if (!session.empty()) return session;
  }
  return {};
}

// The session in "<lead><N>th session" for the earliest such phrase in `text`, any lead (leads in
// lower case, matched as match_loose() does).
std::string session_after(std::string_view text, std::initializer_list<std::string_view> leads) {
  std::size_t best_position = std::string_view::npos;
  std::string best;
  for (std::string_view lead : leads) {
    for (std::size_t pos = find_loose(text, lead); pos < best_position;
         pos = find_loose(text, lead, pos + 1)) {
      // A pre-sessional working group numbers its own sessions: not the Committee's.
      constexpr std::string_view kWorkingGroup = "working group ";
      if (pos >= kWorkingGroup.size() &&
          match_loose(text, pos - kWorkingGroup.size(), kWorkingGroup) > 0) {
        continue;
      }
      std::string session = ordinal_session_at(text.substr(pos + match_loose(text, pos, lead)));
      if (!session.empty()) {
        best_position = pos;
        best = std::move(session);
        break;
      }
    }
  }
  return best;
}

}  // namespace treatysearch::ingest::metadata_detail

namespace treatysearch::ingest {

using namespace metadata_detail;  // NOLINT: the rules this file implements

bool is_un_symbol(std::string_view text) {
  // One recogniser of symbols (symbols.h, with its one length limit); a treaty-body symbol is
  // one whose first part names a treaty body or HRI ("E/C.12" for CESCR).
  if (!core::is_symbol(text)) return false;
  if (!annual_report_committee(text).empty()) return true;
  const std::vector<std::string_view> parts = split(text, '/');
  if (parts[0] == "E") return parts[1] == "C.12" && parts.size() >= 4;
  return std::ranges::find(kSymbolPrefixes, parts[0]) != std::end(kSymbolPrefixes);
}

}  // namespace treatysearch::ingest

// State names in titles: English (states.h) and the French, Spanish, Russian, Arabic and Chinese
// versions
// ("Observations finales concernant le rapport initial de la Norvège", "Перечень вопросов в
// связи с первоначальным докладом Бангладеш", "التقرير الأولي لرواندا", "孟加拉国"). The English
// table of states.h has no other language; ICU's region display names have them all, and its
// data is linked already (ICU::data), so no second table is kept in the project.
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

#include "metadata_rules.h"
#include "states.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

namespace {

struct ForeignName {
  std::string name;  // folded by fold_words()
  std::string code;  // ISO 3166-1 alpha-3
  Language language;
};

constexpr std::string_view kArabicArticle = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kArabicLi = "\xD9\x84";               // ل ("of", "for")

std::vector<ForeignName> build_names() {
  struct Display {
    const char* locale;
    Language language;
  };
  constexpr Display kLocales[] = {{"fr", Language::kFrench},
                                  {"es", Language::kSpanish},
                                  {"ru", Language::kRussian},
                                  {"ar", Language::kArabic},
                                  {"zh", Language::kChinese}};
  std::vector<ForeignName> names;
  for (const core::StateName& row : core::all_state_names()) {
    std::string folded = fold_words(row.name);
    if (folded.size() >= 4)
      names.push_back({std::move(folded), std::string(row.code), Language::kEnglish});
  }
  for (const char* const* country = uloc_getISOCountries(); *country != nullptr; ++country) {
    const icu::Locale region("", *country);
    const std::string code = region.getISO3Country();
    if (code.size() != 3 || core::state_name_for_code(code).empty()) continue;
    for (const Display& display : kLocales) {
      icu::UnicodeString name;
      region.getDisplayCountry(icu::Locale(display.locale), name);
      std::string utf8;
      name.toUTF8String(utf8);
      std::string folded = fold_words(utf8);
      // ICU falls back to the code when it has no name.
      if (folded.size() < 4 || core::equals_ascii_ci(folded, *country)) {
        continue;
      }
      names.push_back({std::move(folded), code, display.language});
    }
  }
  return names;
}

const std::vector<ForeignName>& foreign_names() {
  static const std::vector<ForeignName> names = build_names();
  return names;
}

bool is_cyrillic_letter(char32_t cp) { return cp >= U'\u0430' && cp <= U'\u044F'; }

// Length of `name` found at title[pos] as a word of `language`, or 0. Russian declines names
// ("Греция" -> "Греции"): the last vowel may change, followed by at most three letters.
std::size_t match_at(std::string_view title, std::size_t pos, const ForeignName& name) {
  const std::string_view rest = title.substr(pos);
  if (name.language == Language::kChinese)
    return rest.starts_with(name.name) ? name.name.size() : 0;
  std::string_view stem = name.name;
  if (name.language == Language::kRussian) {
    const char32_t last = core::last_code_point(stem);
    if (last == U'я' || last == U'а' || last == U'ь' || last == U'й') {
      stem.remove_suffix(core::utf8_length(last));
    }
  }
  if (!rest.starts_with(stem)) return 0;
  std::size_t end = pos + stem.size();
  if (name.language == Language::kRussian) {
    for (int letters = 0; letters < 3 && end < title.size(); ++letters) {
      std::size_t next = end;
      if (!is_cyrillic_letter(core::decode_utf8(title, &next))) break;
      end = next;
    }
  }
  return word_boundary_after(title, end) ? end - pos : 0;
}

// Whether a name may start at title[pos]: a word starts there, or (Arabic) a one-letter
// preposition or conjunction is joined to the name ("لرواندا", "وبنما").
bool may_start_at(std::string_view title, std::size_t pos, Language language) {
  if (language == Language::kChinese || word_boundary_before(title, pos)) return true;
  if (language != Language::kArabic || pos < 2) return false;
  const std::string_view before = title.substr(0, pos);
  for (std::string_view prefix : {"\xD9\x84", "\xD8\xA8", "\xD9\x88"}) {  // ل ب و
    if (before.ends_with(prefix) && word_boundary_before(title, pos - prefix.size())) return true;
  }
  return false;
}

}  // namespace

std::string state_in_title(std::string_view title) {
  const std::string folded = fold_words(title);
  std::string found_code;
  std::size_t found_length = 0;
  for (const ForeignName& name : foreign_names()) {
    // "لليونان": after "ل", the article's alif is dropped ("ل" + "ليونان").
    std::string li_form;
    if (name.language == Language::kArabic &&
        std::string_view(name.name).starts_with(kArabicArticle)) {
      li_form = std::string(kArabicLi) + name.name.substr(kArabicArticle.size() - kArabicLi.size());
    }
    for (std::size_t pos = folded.find(name.name.substr(0, 2)); pos != std::string::npos;
         pos = folded.find(name.name.substr(0, 2), pos + 1)) {
      std::size_t length = 0;
      if (may_start_at(folded, pos, name.language)) length = match_at(folded, pos, name);
      if (length == 0 && !li_form.empty() &&
          std::string_view(folded).substr(pos).starts_with(li_form) &&
          word_boundary_before(folded, pos) && word_boundary_after(folded, pos + li_form.size())) {
        length = li_form.size();
      }
      if (length == 0) continue;
      if (!found_code.empty() && found_code != name.code) {
        // Two States: the longer name wins when one contains the other ("Guinée" in
        // "Guinée-Bissau" is excluded by the boundary; "Niger" in "Nigeria" by the letters).
        if (length == found_length) return {};
        if (length < found_length) continue;
      }
      found_code = name.code;
      found_length = length;
    }
  }
  if (found_code.empty()) return {};
  return std::string(core::state_name_for_code(found_code));
}

}  // namespace treatysearch::ingest::metadata_detail

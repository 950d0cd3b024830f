// Dates written out in English, French or Spanish, and ISO 8601 dates.
#include "metadata_rules.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metadata_detect.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

// ---------------------------------------------------------------------------------------------
// Dates.

namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

// Parses a number of up to `max_digits` digits followed by nothing or one of `suffixes`.
int parse_number(std::string_view token, std::size_t max_digits,
                 std::span<const std::string_view> suffixes = {}) {
  std::size_t i = 0;
  int value = 0;
  while (i < token.size() && core::is_ascii_digit(token[i])) {
    if (i == max_digits) return -1;  // too long; stopping here also keeps `value` from overflowing
    value = value * 10 + (token[i] - '0');
    ++i;
  }
  if (i == 0) return -1;
  const std::string_view rest = token.substr(i);
  if (rest.empty()) return value;
  return std::find(suffixes.begin(), suffixes.end(), rest) != suffixes.end() ? value : -1;
}

constexpr std::string_view kDaySuffixes[] = {"st", "nd",       "rd",      "th",
                                             "er", "\xC2\xBA", "\xC2\xB0"};  // º °

int parse_day(std::string_view token) {
  const int day = parse_number(token, 2, kDaySuffixes);
  return (day >= 1 && day <= 31) ? day : -1;
}

int parse_year(std::string_view token) {
  if (token.size() != 4) return -1;
  const int year = parse_number(token, 4);
  return (year >= 1900 && year <= 2199) ? year : -1;
}

std::string format_date(int year, int month, int day) {
  std::string out = std::to_string(year);
  if (month > 0) {
    out += month < 10 ? "-0" : "-";
    out += std::to_string(month);
  }
  if (day > 0) {
    out += day < 10 ? "-0" : "-";
    out += std::to_string(day);
  }
  return out;
}

// Matches the whole token list against the date patterns.
std::string parse_date_tokens(std::span<const std::string_view> tokens) {
  auto skip = [&tokens](std::size_t i, std::initializer_list<std::string_view> words) {
    if (i < tokens.size() && std::find(words.begin(), words.end(), tokens[i]) != words.end()) {
      return i + 1;
    }
    return i;
  };
  std::size_t i = skip(0, {"le", "el", "the"});
  int day = -1;
  if (i < tokens.size()) {
    day = parse_day(tokens[i]);
    if (day > 0) i = skip(i + 1, {"de", "of"});
  }
  if (i >= tokens.size()) return {};
  const int month = core::month_number(tokens[i]);
  if (month == 0) return {};
  ++i;
  if (day < 0 && i + 1 < tokens.size()) {
    day = parse_day(tokens[i]);  // "September 12, 2023"
    if (day < 0) return {};
    ++i;
  }
  i = skip(i, {"de", "del"});
  if (i + 1 != tokens.size()) return {};
  const int year = parse_year(tokens[i]);
  if (year < 0) return {};
  if (day > days_in_month(year, month)) return {};
  return format_date(year, month, day > 0 ? day : 0);
}

// Digits of any of the scripts the UN versions print ("١٩", "19") as ASCII; other characters kept.
std::string ascii_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = core::decode_utf8(text, &i);
    if (cp >= U'\u0660' && cp <= U'\u0669') {
      out += static_cast<char>('0' + (cp - U'\u0660'));
    } else if (cp >= U'\u06F0' && cp <= U'\u06F9') {
      out += static_cast<char>('0' + (cp - U'\u06F0'));
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// Russian months in the genitive a date uses ("19 декабря"), lower case.
constexpr std::string_view kRussianMonths[] = {"января",   "февраля", "марта",  "апреля",
                                               "мая",      "июня",    "июля",   "августа",
                                               "сентября", "октября", "ноября", "декабря"};
// Arabic months as the UN writes them, the Levantine and the Egyptian name joined by a slash
// ("كانون الأول/ديسمبر"); the name after the slash identifies the month. Folded by fold_words().
constexpr std::string_view kArabicMonths[] = {"يناير",  "فبراير", "مارس",   "ابريل",
                                              "مايو",   "يونيه",  "يوليه",  "اغسطس",
                                              "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"};

int month_in(std::span<const std::string_view> months, std::string_view word) {
  for (std::size_t m = 0; m < months.size(); ++m) {
    if (months[m] == word) return static_cast<int>(m) + 1;
  }
  return 0;
}

// "2022年12月19日", "2022年12月".
std::string parse_chinese_date(std::string_view text) {
  constexpr std::string_view kYear = "\xE5\xB9\xB4";   // 年
  constexpr std::string_view kMonth = "\xE6\x9C\x88";  // 月
  constexpr std::string_view kDay = "\xE6\x97\xA5";    // 日
  const std::size_t year_end = text.find(kYear);
  if (year_end == std::string_view::npos) return {};
  const int year = parse_year(core::trim(text.substr(0, year_end)));
  std::string_view rest = text.substr(year_end + kYear.size());
  const std::size_t month_end = rest.find(kMonth);
  if (year < 0 || month_end == std::string_view::npos) return {};
  const int month = parse_number(core::trim(rest.substr(0, month_end)), 2);
  if (month < 1 || month > 12) return {};
  rest = core::trim(rest.substr(month_end + kMonth.size()));
  if (rest.empty()) return format_date(year, month, 0);
  if (!rest.ends_with(kDay)) return {};
  const int day = parse_day(core::trim(rest.substr(0, rest.size() - kDay.size())));
  if (day < 0 || day > days_in_month(year, month)) return {};
  return format_date(year, month, day);
}

}  // namespace

std::string parse_date_other_scripts(std::string_view line) {
  std::string text = fold_words(ascii_digits(line));
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
  if (text.find("\xE5\xB9\xB4") != std::string::npos) return parse_chinese_date(text);
  std::vector<std::string_view> tokens;
  for (std::string_view token : split(text, ' ')) {
    if (!token.empty()) tokens.push_back(token);
  }
  // "19 декабря 2022 года", "19 декабря 2022 г": the word for "year" after it.
  if (tokens.size() == 4 && (tokens[3] == "года" || tokens[3] == "г")) tokens.pop_back();
  // "19 كانون الأول/ديسمبر 2022": the month's two names may be one token or three.
  if (tokens.size() < 3 || tokens.size() > 5) return {};
  const int day = parse_day(tokens.front());
  const int year = parse_year(tokens.back());
  if (day < 0 || year < 0) return {};
  int month = 0;
  if (tokens.size() == 3) month = month_in(kRussianMonths, tokens[1]);
  if (month == 0) {
    const std::string_view last_month_word = tokens[tokens.size() - 2];
    const std::size_t slash = last_month_word.rfind('/');
    const std::string_view egyptian =
        slash == std::string_view::npos ? last_month_word : last_month_word.substr(slash + 1);
    month = month_in(kArabicMonths, egyptian);
    if (month == 0 && egyptian == "يونيو") month = 6;
    if (month == 0 && egyptian == "يوليو") month = 7;
  }
  if (month == 0 || day > days_in_month(year, month)) return {};
  return format_date(year, month, day);
}

}  // namespace treatysearch::ingest::metadata_detail

namespace treatysearch::ingest {

using namespace metadata_detail;  // NOLINT: the rules this file implements

bool is_iso_date(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  const int year = parse_year(date.substr(0, 4));
  if (year < 0) return false;
  if (date.size() == 4) return true;
  auto two_digits = [](std::string_view part) {
    return part.size() == 2 && core::is_ascii_digit(part[0]) && core::is_ascii_digit(part[1])
               ? (part[0] - '0') * 10 + (part[1] - '0')
               : -1;
  };
  if (date[4] != '-') return false;
  const int month = two_digits(date.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  if (date[7] != '-') return false;
  const int day = two_digits(date.substr(8, 2));
  return day >= 1 && day <= days_in_month(year, month);
}

std::string parse_date_line(std::string_view line) {
  std::string lowered = core::ascii_lowercase(core::trim(normalize_spaces(line)));
  while (!lowered.empty() && lowered.back() == '.') lowered.pop_back();
  // A place before the date ("Geneva, ", "Genève, le "): up to three words without digits,
  // then a comma.
  std::string_view date_part = lowered;
  const std::size_t comma = lowered.find(',');
  if (comma != std::string::npos) {
    const std::string_view place = std::string_view(lowered).substr(0, comma);
    const bool looks_like_place = !place.empty() && core::count_words(place) <= 3 &&
                                  std::none_of(place.begin(), place.end(), core::is_ascii_digit) &&
                                  core::month_number(core::trim(place)) == 0;
    if (looks_like_place) date_part = std::string_view(lowered).substr(comma + 1);
  }
  std::vector<std::string_view> tokens;
  for (std::string_view token : split(date_part, ' ')) {
    while (!token.empty() && token.back() == ',') token.remove_suffix(1);
    if (!token.empty()) tokens.push_back(token);
  }
  if (tokens.empty() || tokens.size() > 6) return {};
  return parse_date_tokens(tokens);
}

}  // namespace treatysearch::ingest

// Session numbers as the six UN languages write them: "108th session", "twenty-seventh session",
// "vingt et unième session", "22º período de sesiones", "двадцать седьмой сессии", "الدورة الحادية
// والعشرين", "第二十七届会议". Numbers up to 999 are read; sessions have not passed 120.
#include "metadata_rules.h"

#include <algorithm>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::metadata_detail {

namespace {

struct NumberWord {
  std::string_view word;  // folded as fold_label() folds (lower case, Latin-1 accents removed)
  int value;
};

// Cardinal and ordinal words; a phrase is read by adding them up, with the multipliers
// "hundred"/"cent"/"сто" and the French "quatre-vingt" handled in read_number_words().
constexpr NumberWord kEnglish[] = {
    {"one", 1},        {"first", 1},        {"two", 2},       {"second", 2},
    {"three", 3},      {"third", 3},        {"four", 4},      {"fourth", 4},
    {"five", 5},       {"fifth", 5},        {"six", 6},       {"sixth", 6},
    {"seven", 7},      {"seventh", 7},      {"eight", 8},     {"eighth", 8},
    {"nine", 9},       {"ninth", 9},        {"ten", 10},      {"tenth", 10},
    {"eleven", 11},    {"eleventh", 11},    {"twelve", 12},   {"twelfth", 12},
    {"thirteen", 13},  {"thirteenth", 13},  {"fourteen", 14}, {"fourteenth", 14},
    {"fifteen", 15},   {"fifteenth", 15},   {"sixteen", 16},  {"sixteenth", 16},
    {"seventeen", 17}, {"seventeenth", 17}, {"eighteen", 18}, {"eighteenth", 18},
    {"nineteen", 19},  {"nineteenth", 19},  {"twenty", 20},   {"twentieth", 20},
    {"thirty", 30},    {"thirtieth", 30},   {"forty", 40},    {"fortieth", 40},
    {"fifty", 50},     {"fiftieth", 50},    {"sixty", 60},    {"sixtieth", 60},
    {"seventy", 70},   {"seventieth", 70},  {"eighty", 80},   {"eightieth", 80},
    {"ninety", 90},    {"ninetieth", 90},   {"hundred", 100}, {"hundredth", 100},
    {"and", 0}};

constexpr NumberWord kFrench[] = {
    {"un", 1},           {"une", 1},           {"unieme", 1},     {"premier", 1},
    {"premiere", 1},     {"deux", 2},          {"deuxieme", 2},   {"second", 2},
    {"seconde", 2},      {"trois", 3},         {"troisieme", 3},  {"quatre", 4},
    {"quatrieme", 4},    {"cinq", 5},          {"cinquieme", 5},  {"six", 6},
    {"sixieme", 6},      {"sept", 7},          {"septieme", 7},   {"huit", 8},
    {"huitieme", 8},     {"neuf", 9},          {"neuvieme", 9},   {"dix", 10},
    {"dixieme", 10},     {"onze", 11},         {"onzieme", 11},   {"douze", 12},
    {"douzieme", 12},    {"treize", 13},       {"treizieme", 13}, {"quatorze", 14},
    {"quatorzieme", 14}, {"quinze", 15},       {"quinzieme", 15}, {"seize", 16},
    {"seizieme", 16},    {"vingt", 20},        {"vingts", 20},    {"vingtieme", 20},
    {"trente", 30},      {"trentieme", 30},    {"quarante", 40},  {"quarantieme", 40},
    {"cinquante", 50},   {"cinquantieme", 50}, {"soixante", 60},  {"soixantieme", 60},
    {"cent", 100},       {"cents", 100},       {"centieme", 100}, {"et", 0}};

// Spanish writes 11th-19th as one word ("decimoséptimo"): read_number_words() splits "decimo".
constexpr NumberWord kSpanish[] = {
    {"primero", 1},       {"primer", 1},        {"segundo", 2},        {"tercero", 3},
    {"tercer", 3},        {"cuarto", 4},        {"quinto", 5},         {"sexto", 6},
    {"septimo", 7},       {"setimo", 7},        {"octavo", 8},         {"noveno", 9},
    {"decimo", 10},       {"undecimo", 11},     {"duodecimo", 12},     {"vigesimo", 20},
    {"trigesimo", 30},    {"cuadragesimo", 40}, {"quincuagesimo", 50}, {"sexagesimo", 60},
    {"septuagesimo", 70}, {"octogesimo", 80},   {"nonagesimo", 90},    {"centesimo", 100}};

// Russian ordinals change their ending with case and gender ("седьмой", "седьмая", "седьмую"):
// they are matched by stem, the longest first, so "пятнадцат" is not read as "пят".
constexpr NumberWord kRussianStems[] = {
    {"одиннадцат", 11},  {"двенадцат", 12},  {"тринадцат", 13}, {"четырнадцат", 14},
    {"пятнадцат", 15},   {"шестнадцат", 16}, {"семнадцат", 17}, {"восемнадцат", 18},
    {"девятнадцат", 19}, {"двадцат", 20},    {"тридцат", 30},   {"сороков", 40},
    {"пятидесят", 50},   {"шестидесят", 60}, {"семидесят", 70}, {"восьмидесят", 80},
    {"девяност", 90},    {"сот", 100},       {"перв", 1},       {"втор", 2},
    {"трет", 3},         {"четверт", 4},     {"четвёрт", 4},    {"пят", 5},
    {"шест", 6},         {"седьм", 7},       {"восьм", 8},      {"девят", 9},
    {"десят", 10}};
constexpr NumberWord kRussianCardinals[] = {
    {"двадцать", 20},    {"тридцать", 30},   {"сорок", 40},
    {"пятьдесят", 50},   {"шестьдесят", 60}, {"семьдесят", 70},
    {"восемьдесят", 80}, {"девяносто", 90},  {"сто", 100}};

// Arabic, after the article "ال" and the conjunction "و" are removed and hamza forms, ta
// marbuta and alif maqsura are normalised (normalize_arabic()).
constexpr NumberWord kArabic[] = {
    {"اول", 1},
    {"اولي", 1},
    {"حاديه", 1},
    {"حادي", 1},
    {"ثاني", 2},
    {"ثانيه", 2},
    {"ثالث", 3},
    {"ثالثه", 3},
    {"رابع", 4},
    {"رابعه", 4},
    {"خامس", 5},
    {"خامسه", 5},
    {"سادس", 6},
    {"سادسه", 6},
    {"سابع", 7},
    {"سابعه", 7},
    {"ثامن", 8},
    {"ثامنه", 8},
    {"تاسع", 9},
    {"تاسعه", 9},
    {"عاشر", 10},
    {"عاشره", 10},
    {"عشر", 10},
    {"عشره", 10},
    {"عشرين", 20},
    {"ثلاثين", 30},
    {"اربعين", 40},
    {"خمسين", 50},
    {"ستين", 60},
    {"سبعين", 70},
    {"ثمانين", 80},
    {"تسعين", 90},
    {"مائه", 100},
    {"مئه", 100},
    {"بعد", 0},
    // Nominative tens, as a heading writes them ("الدورة التاسعة والعشرون").
    {"عشرون", 20},
    {"ثلاثون", 30},
    {"اربعون", 40},
    {"خمسون", 50},
    {"ستون", 60},
    {"سبعون", 70},
    {"ثمانون", 80},
    {"تسعون", 90}};

constexpr int kMaxSession = 999;

// Adds up number words: "twenty seventh" -> 27, "one hundred and eighth" -> 108, "quatre vingt
// dix" -> 90, "cent vingtieme" -> 120. Arabic puts the hundred last ("الحادية والعشرين بعد
// المائة", the twenty-first after the hundred): there it is added, not a multiplier. -1 if
// nothing is counted or the number is past kMaxSession.
int add_up(const std::vector<int>& values, Language language) {
  int total = 0;
  int previous = 0;
  for (int value : values) {
    if (value == 100 && language != Language::kArabic) {
      total = (total == 0 ? 1 : total) * 100;
    } else if (value == 20 && previous == 4) {
      total += 80 - 4;  // quatre-vingt(s)
    } else {
      total += value;
    }
    previous = value;
  }
  return total > 0 && total <= kMaxSession ? total : -1;
}

int lookup(std::span<const NumberWord> table, std::string_view word) {
  for (const NumberWord& entry : table) {
    if (entry.word == word) return entry.value;
  }
  return -1;
}

// Words of `phrase` (folded), split at spaces and hyphens.
std::vector<std::string_view> number_words(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= phrase.size(); ++i) {
    if (i == phrase.size() || phrase[i] == ' ' || phrase[i] == '-') {
      if (i > start) words.push_back(phrase.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

int read_russian_word(std::string_view word) {
  if (const int cardinal = lookup(kRussianCardinals, word); cardinal >= 0) return cardinal;
  for (const NumberWord& stem : kRussianStems) {
    // The ending left after the stem is short ("ой", "ая", "ого"): "пятый", not "пятьдесят".
    if (word.starts_with(stem.word) && word.size() - stem.word.size() <= 6) return stem.value;
  }
  return -1;
}

int read_spanish_word(std::string_view word, std::vector<int>* values) {
  if (const int value = lookup(kSpanish, word); value >= 0) return value;
  // "decimoseptimo" = 10 + 7.
  constexpr std::string_view kTen = "decimo";
  if (word.starts_with(kTen)) {
    const int unit = lookup(kSpanish, word.substr(kTen.size()));
    if (unit > 0 && unit < 10) {
      values->push_back(10);
      return unit;
    }
  }
  return -1;
}

}  // namespace

// fold_words(), and the conjunction "و" and the article "ال" removed from the front of a word.
std::string normalize_arabic_word(std::string_view word) {
  const std::string out = fold_words(word);
  std::string_view view = out;
  constexpr std::string_view kAnd = "\xD9\x88";          // و
  constexpr std::string_view kThe = "\xD8\xA7\xD9\x84";  // ال
  if (view.starts_with(kAnd) && view.size() > kAnd.size() + kThe.size() &&
      view.substr(kAnd.size()).starts_with(kThe)) {
    view.remove_prefix(kAnd.size());
  }
  if (view.starts_with(kThe) && view.size() > kThe.size() + 2) view.remove_prefix(kThe.size());
  return std::string(view);
}

int read_ordinal_words(std::string_view phrase, Language language) {
  const std::string folded = fold_label(phrase);
  const std::vector<std::string_view> words = number_words(folded);
  if (words.empty()) return -1;
  std::vector<int> values;
  for (std::string_view word : words) {
    int value = -1;
    switch (language) {
      case Language::kEnglish:
        value = lookup(kEnglish, word);
        break;
      case Language::kFrench:
        value = lookup(kFrench, word);
        break;
      case Language::kSpanish:
        value = read_spanish_word(word, &values);
        break;
      case Language::kRussian:
        value = read_russian_word(word);
        break;
      case Language::kArabic:
        value = lookup(kArabic, normalize_arabic_word(word));
        break;
      case Language::kChinese:
        return read_chinese_number(phrase);
    }
    if (value < 0) return -1;
    values.push_back(value);
  }
  return add_up(values, language);
}

// "二十七" -> 27, "一百零八" -> 108, "十一" -> 11. -1 for anything else.
int read_chinese_number(std::string_view text) {
  static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  int total = 0;
  int digit = -1;
  bool any = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = core::decode_utf8(text, &i);
    const std::size_t d = kDigits.find(cp);
    if (d != std::u32string_view::npos) {
      digit = static_cast<int>(d);
    } else if (cp == U'十') {
      total += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else if (cp == U'百') {
      total += (digit < 0 ? 1 : digit) * 100;
      digit = -1;
    } else if (cp == U'两') {
      digit = 2;
    } else {
      return -1;
    }
    any = true;
  }
  if (digit > 0) total += digit;
  return any && total > 0 && total <= kMaxSession ? total : -1;
}

// "108th", "21e", "22º", "22.º", "27-й", "27", "١٠٨": a session number in digits with the
// suffix each language gives it. -1 otherwise.
int read_ordinal_digits(std::string_view token) {
  std::string digits;
  std::size_t i = 0;
  while (i < token.size()) {
    std::size_t next = i;
    const char32_t cp = core::decode_utf8(token, &next);
    if (cp >= U'0' && cp <= U'9') {
      digits += static_cast<char>(cp);
    } else if (cp >= U'\u0660' && cp <= U'\u0669') {
      digits += static_cast<char>('0' + (cp - U'\u0660'));
    } else if (cp >= U'\u06F0' && cp <= U'\u06F9') {
      digits += static_cast<char>('0' + (cp - U'\u06F0'));
    } else {
      break;
    }
    i = next;
  }
  if (digits.empty() || digits.size() > 3 || digits.front() == '0') return -1;
  static constexpr std::string_view kSuffixes[] = {
      "",  "st", "nd", "rd", "th", "e",  "eme", "ème", "ᵉ",  "er",  "º",  ".º",
      "°", "ª",  "o",  "a",  "-й", "-я", "-ой", "-ая", "-ю", "-го", "-м", "-е"};
  const std::string_view suffix = token.substr(i);
  if (std::ranges::find(kSuffixes, suffix) == std::end(kSuffixes)) return -1;
  return std::stoi(digits);
}

}  // namespace treatysearch::ingest::metadata_detail

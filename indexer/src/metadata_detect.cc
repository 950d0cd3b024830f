#include "metadata_detect.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>  // memmem
#include <initializer_list>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "language_detect.h"
#include "states.h"
#include "utf8.h"

namespace treatysearch::ingest {
namespace {

// ---------------------------------------------------------------------------------------------
// Small text helpers. Everything here is byte-oriented: the markers we look for are ASCII, and
// the few non-ASCII characters that matter (no-break spaces, ’) are handled explicitly.

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || is_ascii_upper(c); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with_ci(a, b);
}

// std::string_view::find() stops at every occurrence of the needle's first byte; glibc's memmem()
// skips ahead by pairs of bytes, several times faster on the 8 KB front matter for needles like
// "shadow report" whose first letter is common.
std::size_t find_bytes(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
  if (from > haystack.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* hit =
      memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
  return hit == nullptr ? std::string_view::npos
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - haystack.data());
}

bool contains(std::string_view haystack, std::string_view needle) {
  return find_bytes(haystack, needle) != std::string_view::npos;
}

// Length of the space character at text[pos] that normalize_spaces() turns into ' ' (1 for ' '
// itself), or 0.
std::size_t space_length_at(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte == ' ') return 1;
  if (byte == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0) {
    return 2;  // U+00A0 NO-BREAK SPACE
  }
  if (byte == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    const auto third = static_cast<unsigned char>(text[pos + 2]);
    // U+2002..U+200A (en, em, thin, ... spaces) and U+202F NARROW NO-BREAK SPACE.
    if ((third >= 0x82 && third <= 0x8A) || third == 0xAF) return 3;
  }
  return 0;
}

// Word processors scatter no-break and narrow spaces through UN documents ("12\u00A0September",
// "para.\u00A018"); they must compare as ordinary spaces. Tabs are kept: they separate the cells
// of the front-page layout table.
std::string normalize_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text[copied, i) is still to be appended as it is
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte != 0xC2 && byte != 0xE2) continue;
    const std::size_t length = space_length_at(text, i);
    if (length == 0) continue;
    out.append(text.substr(copied, i - copied));
    out += ' ';
    i += length - 1;
    copied = i + 1;
  }
  out.append(text.substr(copied));
  return out;
}

// Length of the match of `pattern` (lower-case ASCII) at text[pos], or 0: ASCII case is ignored
// and a ' ' in the pattern matches any one space character normalize_spaces() would turn into
// ' '. The same as matching in to_lower(normalize_spaces(text)), without copying the text.
std::size_t match_loose(std::string_view text, std::size_t pos, std::string_view pattern) {
  std::size_t i = pos;
  for (char expected : pattern) {
    if (i >= text.size()) return 0;
    if (expected == ' ') {
      const std::size_t space = space_length_at(text, i);
      if (space == 0) return 0;
      i += space;
      continue;
    }
    if (ascii_lower(text[i]) != expected) return 0;
    ++i;
  }
  return i - pos;
}

// The first position at or after `from` where match_loose() matches `pattern`, or npos.
std::size_t find_loose(std::string_view text, std::string_view pattern, std::size_t from = 0) {
  if (pattern.empty()) return from <= text.size() ? from : std::string_view::npos;
  const char first = pattern.front();  // a letter in every pattern used here
  for (std::size_t i = from; i < text.size(); ++i) {
    if (ascii_lower(text[i]) == first && match_loose(text, i, pattern) > 0) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Cells of a front-page line: the Word layout table comes out as tab-separated text, and
// sometimes as runs of spaces.
std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t i = 0;
  std::size_t cell_start = 0;
  while (i < line.size()) {
    const bool tab = line[i] == '\t';
    const bool double_space = line[i] == ' ' && i + 1 < line.size() && line[i + 1] == ' ';
    if (tab || double_space) {
      cells.push_back(trim(line.substr(cell_start, i - cell_start)));
      while (i < line.size() && (line[i] == '\t' || line[i] == ' ')) ++i;
      cell_start = i;
    } else {
      ++i;
    }
  }
  cells.push_back(trim(line.substr(cell_start)));
  std::erase_if(cells, [](std::string_view cell) { return cell.empty(); });
  return cells;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Removes what Word leaves after a title or symbol: "*" footnote asterisks, daggers, the U+FFFD
// that replaced a footnote reference mark, and white space.
std::string_view strip_trailing_marks(std::string_view text) {
  static constexpr std::string_view kMarks[] = {"\xEF\xBF\xBD", "\xE2\x80\xA0",
                                                "\xE2\x80\xA1"};  // � † ‡
  while (true) {
    text = trim(text);
    if (!text.empty() && text.back() == '*') {
      text.remove_suffix(1);
      continue;
    }
    bool removed = false;
    for (std::string_view mark : kMarks) {
      if (text.ends_with(mark)) {
        text.remove_suffix(mark.size());
        removed = true;
      }
    }
    if (!removed) return text;
  }
}

// Decodes the code point that starts at `pos` (or, for `before`, ends just before `pos`).
// Invalid bytes decode as U+FFFD; only letter-or-not decisions depend on the result.
char32_t decode_at(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  int length = 1;
  char32_t cp = lead;
  if (lead >= 0xF0) {
    length = 4;
    cp = lead & 0x07U;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0FU;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1FU;
  } else if (lead >= 0x80) {
    return 0xFFFD;
  }
  if (pos + static_cast<std::size_t>(length) > text.size()) return 0xFFFD;
  for (int k = 1; k < length; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + static_cast<std::size_t>(k)]) & 0x3FU);
  }
  return cp;
}

char32_t decode_before(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  return decode_at(text, start);
}

// Letters and digits of the scripts that occur in State names and around them. Punctuation
// (quotes, guillemets, ’) and spaces are boundaries; the hyphen is not, so that "Guinea" is not
// found inside "Guinea-Bissau".
bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    return is_ascii_alnum(c) || c == '-';
  }
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F);
}

bool word_boundary_before(std::string_view text, std::size_t pos) {
  return pos == 0 || !is_word_code_point(decode_before(text, pos));
}

bool word_boundary_after(std::string_view text, std::size_t pos) {
  return pos >= text.size() || !is_word_code_point(decode_at(text, pos));
}

// ---------------------------------------------------------------------------------------------
// Committees.

struct CommitteeNames {
  std::string_view code;
  std::array<std::string_view, 3> names;     // lower case; committee and treaty names
  std::array<std::string_view, 2> acronyms;  // case-sensitive whole words
};

constexpr CommitteeNames kCommittees[] = {
    {"CERD",
     {"committee on the elimination of racial discrimination",
      "convention on the elimination of all forms of racial discrimination", ""},
     {"CERD", "ICERD"}},
    {"CCPR",
     {"human rights committee", "covenant on civil and political rights", ""},
     {"CCPR", "ICCPR"}},
    {"CESCR",
     {"committee on economic, social and cultural rights",
      "covenant on economic, social and cultural rights", ""},
     {"CESCR", "ICESCR"}},
    {"CEDAW",
     {"committee on the elimination of discrimination against women",
      "convention on the elimination of all forms of discrimination against women", ""},
     {"CEDAW", ""}},
    {"CRC",
     {"committee on the rights of the child", "convention on the rights of the child", ""},
     {"CRC", ""}},
    {"CAT", {"committee against torture", "convention against torture", ""}, {"CAT", ""}},
    {"CRPD",
     {"committee on the rights of persons with disabilities",
      "convention on the rights of persons with disabilities", ""},
     {"CRPD", ""}},
    {"CMW",
     {"committee on migrant workers", "rights of all migrant workers and members of their families",
      ""},
     {"CMW", ""}},
    {"CED",
     {"committee on enforced disappearances",
      "convention for the protection of all persons from enforced disappearance", ""},
     {"CED", ""}},
};

// Which committee the text is about, by weighted mentions: a full name counts twice an acronym
// (acronyms are also used in passing: "as CEDAW recommended"), and a mention in the first
// `front_end` bytes three times one further down. No winner on a tie.
//
// One pass over the text, word by word (runs of ASCII letters): a name (matched ignoring case and
// space variants) must begin at the start of a word, an acronym must be a whole word in
// capitals. Searching the text once per name and acronym cost more than all the rest of
// detection together.
std::string most_salient_committee(std::string_view text, std::size_t front_end) {
  constexpr int kFrontWeight = 3;
  constexpr int kNameWeight = 2;
  // Per byte: 0 not an ASCII letter, 1 a letter, 2 a letter that can start a name or acronym
  // (every one starts with c, h, r or I). Only words starting with a 2 are looked at.
  static constexpr std::array<std::uint8_t, 256> kLetterClass = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = 1;
    for (char c : std::string_view("cChHrRI")) table[static_cast<unsigned char>(c)] = 2;
    return table;
  }();
  std::array<int, std::size(kCommittees)> scores{};
  std::uint8_t previous_class = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    // Without a branch per byte: only about one byte in forty starts a word worth a look.
    const std::uint8_t letter_class = kLetterClass[static_cast<unsigned char>(text[pos])];
    const unsigned looked_at =
        (static_cast<unsigned>(letter_class) >> 1U) & static_cast<unsigned>(previous_class == 0);
    previous_class = letter_class;
    if (looked_at == 0) continue;
    std::size_t end = pos + 1;
    while (end < text.size() && kLetterClass[static_cast<unsigned char>(text[end])] != 0) ++end;
    const int weight = pos < front_end ? kFrontWeight : 1;
    const std::string_view word = text.substr(pos, end - pos);
    // Every name starts with one of these words; most words of the text are none of them.
    static constexpr std::string_view kOpenings[] = {"committee", "convention", "covenant", "human",
                                                     "rights"};
    const char first = ascii_lower(word.front());
    for (std::string_view opening : kOpenings) {
      if (opening.front() != first || !equals_ci(word, opening)) continue;
      for (std::size_t k = 0; k < std::size(kCommittees); ++k) {
        for (std::string_view name : kCommittees[k].names) {
          if (name.starts_with(opening) && match_loose(text, pos, name) > 0) {
            scores[k] += kNameWeight * weight;
          }
        }
      }
    }
    if (word.size() >= 3 && word.size() <= 6 &&
        std::all_of(word.begin(), word.end(), is_ascii_upper) && word_boundary_before(text, pos) &&
        word_boundary_after(text, end)) {
      for (std::size_t k = 0; k < std::size(kCommittees); ++k) {
        for (std::string_view acronym : kCommittees[k].acronyms) {
          if (!acronym.empty() && acronym == word) scores[k] += weight;
        }
      }
    }
  }
  std::string best;
  int best_score = 0;
  int runner_up = 0;
  for (std::size_t k = 0; k < std::size(kCommittees); ++k) {
    const int score = scores[k];
    if (score > best_score) {
      runner_up = best_score;
      best_score = score;
      best = kCommittees[k].code;
    } else if (score > runner_up) {
      runner_up = score;
    }
  }
  if (best_score == 0 || best_score == runner_up) return {};
  return best;
}

// "Committee on the Elimination of Racial Discrimination", "International Convention on the
// Elimination of All Forms of Racial Discrimination", "United Nations Human Rights Committee":
// the issuing body or treaty, printed above the title.
bool is_committee_name_line(std::string_view line) {
  const std::string lowered = to_lower(strip_trailing_marks(line));
  for (const CommitteeNames& committee : kCommittees) {
    for (std::string_view name : committee.names) {
      if (name.empty()) continue;
      for (std::string_view qualifier : {"", "the ", "united nations ", "un ", "international "}) {
        if (!lowered.starts_with(qualifier)) continue;
        const std::string_view rest = std::string_view(lowered).substr(qualifier.size());
        // The whole name, or its beginning where Word wrapped the layout cell.
        constexpr std::size_t kMinWrappedBytes = 16;
        if (rest == name || (rest.size() >= kMinWrappedBytes && name.starts_with(rest))) {
          return true;
        }
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Labelled front matter.
//
// Exports from the UN databases (and every file of the synthetic benchmark corpus) open with one
// field a line:
//   Symbol: CAT/C/NZL/2
//   Committee: Committee against Torture (CAT)
//   Country: New Zealand
//   Document type: State party report
//   Session: 101th session
//   Date: 28 September 1996
//   Language: English
// Those lines are the database's own record of the document, so a field read from them wins over
// anything inferred from the text. A value that cannot be understood is ignored, and that field
// is detected as if there were no label.

enum class Field { kSymbol, kCommittee, kState, kType, kSession, kDate, kLanguage, kTitle };

// The base letter of a Latin-1 letter encoded as 0xC3 `second`, or 0: "é" -> 'e', "Ñ" -> 'n'.
char latin1_base_letter(unsigned char second) {
  // One entry per second byte 0x80..0xBF (U+00C0..U+00FF); '_' for Æ, Ð, ×, Þ, ß, æ, ð, ÷, þ.
  static constexpr std::string_view kBase =
      "aaaaaa_ceeeeiiii_nooooo_ouuuuy__aaaaaa_ceeeeiiii_nooooo_ouuuuy_y";
  if (second < 0x80 || second > 0xBF) return '\0';
  const char base = kBase[second - 0x80U];
  return base == '_' ? '\0' : base;
}

// For comparing labels and values: ASCII lower case, Latin-1 accents removed, ’ as ', white
// space trimmed and collapsed. "Type de document", "TIPO DE DOCUMENTO", "País", "Comité" ->
// "type de document", "tipo de documento", "pais", "comite".
std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < text.size()) {
      const char base = latin1_base_letter(static_cast<unsigned char>(text[i + 1]));
      if (base != '\0') {
        c = base;
        ++i;
      }
    } else if (text.substr(i, 3) == "\xE2\x80\x99") {
      c = '\'';
      i += 2;
    }
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += ascii_lower(c);
  }
  return out;
}

struct LabelName {
  std::string_view folded;
  Field field;
};

constexpr LabelName kLabels[] = {
    {"symbol", Field::kSymbol},
    {"document symbol", Field::kSymbol},
    {"un symbol", Field::kSymbol},
    {"symbole", Field::kSymbol},
    {"cote", Field::kSymbol},
    {"signatura", Field::kSymbol},
    {"simbolo", Field::kSymbol},
    {"committee", Field::kCommittee},
    {"treaty body", Field::kCommittee},
    {"comite", Field::kCommittee},
    {"organe conventionnel", Field::kCommittee},
    {"organo de tratado", Field::kCommittee},
    {"country", Field::kState},
    {"state", Field::kState},
    {"state party", Field::kState},
    {"pays", Field::kState},
    {"etat", Field::kState},
    {"etat partie", Field::kState},
    {"pais", Field::kState},
    {"estado", Field::kState},
    {"estado parte", Field::kState},
    {"document type", Field::kType},
    {"type of document", Field::kType},
    {"type", Field::kType},
    {"type de document", Field::kType},
    {"tipo de documento", Field::kType},
    {"tipo", Field::kType},
    {"session", Field::kSession},
    {"sesion", Field::kSession},
    {"periodo de sesiones", Field::kSession},
    {"date", Field::kDate},
    {"document date", Field::kDate},
    {"date of document", Field::kDate},
    {"date du document", Field::kDate},
    {"fecha", Field::kDate},
    {"language", Field::kLanguage},
    {"langue", Field::kLanguage},
    {"idioma", Field::kLanguage},
    {"title", Field::kTitle},
    {"titre", Field::kTitle},
    {"titulo", Field::kTitle},
};

struct LabelledLine {
  Field field;
  std::string_view value;  // trimmed, never empty
};

// "Symbol: CAT/C/NZL/2", "Date : 3 février 2022" (French puts a space before the colon).
std::optional<LabelledLine> labelled_line(std::string_view line) {
  constexpr std::size_t kMaxLabelBytes = 24;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxLabelBytes) return std::nullopt;
  const std::string key = fold(line.substr(0, colon));
  for (const LabelName& label : kLabels) {
    if (label.folded != key) continue;
    const std::string_view value = strip_trailing_marks(line.substr(colon + 1));
    if (value.empty()) return std::nullopt;
    return LabelledLine{label.field, value};
  }
  return std::nullopt;
}

// The committee for an acronym, in English or as the French and Spanish versions write it.
std::string committee_for_acronym(std::string_view acronym) {
  std::string upper(trim(acronym));
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (is_committee_code(upper)) return upper;
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"ICERD", "CERD"}, {"ICCPR", "CCPR"}, {"ICESCR", "CESCR"}, {"CDESC", "CESCR"},
      {"CDH", "CCPR"},   {"CDE", "CRC"},    {"CDN", "CRC"},      {"CDPH", "CRPD"},
      {"CDPD", "CRPD"},  {"CTM", "CMW"},    {"CEDEF", "CEDAW"}};
  for (const auto& [alias, code] : kAliases) {
    if (alias == upper) return std::string(code);
  }
  return {};
}

// "Committee against Torture (CAT)", "CAT", "Human Rights Committee", "Comité contre la
// torture" -> the committee code.
std::string committee_from_label(std::string_view value) {
  std::string_view name = value;
  const std::size_t open = value.rfind('(');
  if (open != std::string_view::npos && value.back() == ')') {
    std::string code = committee_for_acronym(value.substr(open + 1, value.size() - open - 2));
    if (!code.empty()) return code;
    name = trim(value.substr(0, open));
  }
  if (std::string code = committee_for_acronym(name); !code.empty()) return code;
  const std::string folded = fold(name);
  std::string_view folded_name = folded;
  for (std::string_view qualifier : {"the ", "united nations ", "un "}) {
    if (folded_name.starts_with(qualifier)) folded_name.remove_prefix(qualifier.size());
  }
  for (const CommitteeNames& committee : kCommittees) {
    for (std::string_view known : committee.names) {
      if (!known.empty() && known == folded_name) return std::string(committee.code);
    }
  }
  static constexpr std::pair<std::string_view, std::string_view> kFrenchAndSpanish[] = {
      {"comite pour l'elimination de la discrimination raciale", "CERD"},
      {"comite para la eliminacion de la discriminacion racial", "CERD"},
      {"comite des droits de l'homme", "CCPR"},
      {"comite de derechos humanos", "CCPR"},
      {"comite des droits economiques, sociaux et culturels", "CESCR"},
      {"comite de derechos economicos, sociales y culturales", "CESCR"},
      {"comite pour l'elimination de la discrimination a l'egard des femmes", "CEDAW"},
      {"comite para la eliminacion de la discriminacion contra la mujer", "CEDAW"},
      {"comite des droits de l'enfant", "CRC"},
      {"comite de los derechos del nino", "CRC"},
      {"comite contre la torture", "CAT"},
      {"comite contra la tortura", "CAT"},
      {"comite des droits des personnes handicapees", "CRPD"},
      {"comite sobre los derechos de las personas con discapacidad", "CRPD"},
      {"comite des travailleurs migrants", "CMW"},
      {"comite de trabajadores migratorios", "CMW"},
      {"comite des disparitions forcees", "CED"},
      {"comite contra la desaparicion forzada", "CED"}};
  for (const auto& [known, code] : kFrenchAndSpanish) {
    if (known == folded_name) return std::string(code);
  }
  return {};
}

// "New Zealand", "NZL", "Türkiye", "Kazakhstan (KAZ)" -> the canonical English name.
std::string state_from_label(std::string_view value) {
  std::string state = core::canonical_state(value);
  const std::size_t open = value.rfind('(');
  if (state.empty() && open != std::string_view::npos && value.back() == ')') {
    state = core::canonical_state(value.substr(open + 1, value.size() - open - 2));
    if (state.empty()) state = core::canonical_state(value.substr(0, open));
  }
  return state;
}

bool contains_word(std::string_view text, std::string_view word) {
  for (std::size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    const bool starts = pos == 0 || !is_ascii_alpha(text[pos - 1]);
    const std::size_t end = pos + word.size();
    if (starts && (end == text.size() || !is_ascii_alpha(text[end]))) return true;
  }
  return false;
}

// "State party report" -> state-report, "Concluding observations" -> concluding-observations, and
// so on, in English, French and Spanish; the doctype codes themselves are accepted too.
std::string type_from_label(std::string_view value) {
  const std::string folded = fold(value);
  const std::string_view v = folded;
  if (is_document_type(v)) return folded;
  const auto any_of = [v](std::initializer_list<std::string_view> phrases) {
    return std::any_of(phrases.begin(), phrases.end(),
                       [v](std::string_view phrase) { return contains(v, phrase); });
  };
  // Before "list of issues": the replies to it are the State party's, part of its report.
  if (any_of({"repl", "response", "reponse", "respuesta"})) return doctype::kStateReport;
  if (contains_word(v, "ngo") || contains_word(v, "ong") ||
      any_of({"shadow", "alternative report", "parallel report", "civil society",
              "rapport alternatif", "rapport parallele", "informe alternativo", "informe sombra",
              "sociedad civil", "societe civile"})) {
    return doctype::kNgoCommentary;
  }
  if (any_of({"follow-up letter", "follow up letter", "lettre de suivi", "carta de seguimiento"})) {
    return doctype::kFollowUpLetter;
  }
  if (any_of({"concluding observation", "observations finales", "observaciones finales"})) {
    return doctype::kConcludingObservations;
  }
  if (any_of({"list of issues", "liste des points", "lista de cuestiones"})) {
    return doctype::kListOfIssues;
  }
  if (any_of({"general comment", "general recommendation", "observation generale",
              "recommandation generale", "observacion general", "recomendacion general"})) {
    return doctype::kGeneralComment;
  }
  if (any_of({"decision", "views", "constatations", "dictamen"})) return doctype::kDecision;
  if (any_of({"state party report", "state report", "states parties report", "periodic report",
              "initial report", "rapport de l'etat", "rapport periodique", "rapport initial",
              "informe del estado", "informe periodico", "informe inicial"})) {
    return doctype::kStateReport;
  }
  return {};
}

// "101th session", "101st", "101" -> "101".
std::string session_from_label(std::string_view value) {
  std::size_t digits = 0;
  while (digits < value.size() && is_ascii_digit(value[digits])) ++digits;
  if (digits == 0 || digits > 4) return {};
  return std::string(value.substr(0, digits));
}

// "English", "Français", "español", "Русский", "ru" -> the ISO 639-1 code.
std::string language_from_label(std::string_view value) {
  std::string folded = fold(value);
  // "English (original)".
  if (const std::size_t open = folded.find(" ("); open != std::string::npos) folded.resize(open);
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"english", "en"},    {"anglais", "en"},    {"ingles", "en"},  {"french", "fr"},
      {"francais", "fr"},   {"frances", "fr"},    {"spanish", "es"}, {"espagnol", "es"},
      {"espanol", "es"},    {"russian", "ru"},    {"russe", "ru"},   {"ruso", "ru"},
      {"русский", "ru"},    {"Русский", "ru"},    {"arabic", "ar"},  {"arabe", "ar"},
      {"العربية", "ar"},    {"chinese", "zh"},    {"chinois", "zh"}, {"chino", "zh"},
      {"中文", "zh"},       {"kazakh", "kk"},     {"kazakhe", "kk"}, {"kazajo", "kk"},
      {"қазақ тілі", "kk"}, {"Қазақ тілі", "kk"}, {"қазақша", "kk"}, {"german", "de"},
      {"allemand", "de"},   {"aleman", "de"},     {"deutsch", "de"}, {"portuguese", "pt"},
      {"portugais", "pt"},  {"portugues", "pt"}};
  for (const auto& [name, code] : kNames) {
    if (name == folded) return std::string(code);
  }
  for (std::string_view code : {"en", "fr", "es", "ru", "ar", "zh", "kk", "de", "pt"}) {
    if (code == folded) return std::string(code);
  }
  return {};
}

// What the labelled lines of the header say; empty where they say nothing usable.
struct Labels {
  std::string symbol;
  std::string committee;
  std::string state;
  std::string type;
  std::string session;
  std::string date;
  std::string language;
  std::string title;
};

Labels read_labels(const std::vector<std::string>& header_lines) {
  constexpr std::size_t kMaxSymbolBytes = 100;
  Labels labels;
  // The first usable value of each field counts.
  auto set = [](std::string* field, std::string parsed) {
    if (field->empty()) *field = std::move(parsed);
  };
  for (const std::string& line : header_lines) {
    const std::optional<LabelledLine> labelled = labelled_line(line);
    if (!labelled) continue;
    const std::string_view value = labelled->value;
    switch (labelled->field) {
      case Field::kSymbol:
        // A document symbol, or a letter's reference ("CERD/110th session/2023/FU/AKB/ks").
        if (contains(value, "/") && value.size() <= kMaxSymbolBytes) {
          set(&labels.symbol, core::collapse_whitespace(value));
        }
        break;
      case Field::kCommittee:
        set(&labels.committee, committee_from_label(value));
        break;
      case Field::kState:
        set(&labels.state, state_from_label(value));
        break;
      case Field::kType:
        set(&labels.type, type_from_label(value));
        break;
      case Field::kSession:
        set(&labels.session, session_from_label(value));
        break;
      case Field::kDate:
        set(&labels.date, is_iso_date(value) ? std::string(value) : parse_date_line(value));
        break;
      case Field::kLanguage:
        set(&labels.language, language_from_label(value));
        break;
      case Field::kTitle:
        set(&labels.title, core::collapse_whitespace(value));
        break;
    }
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------
// Symbols.

constexpr std::string_view kSymbolPrefixes[] = {"CERD", "CCPR", "CEDAW", "CRC", "CAT",
                                                "CRPD", "CMW",  "CED",   "HRI", "E"};

bool is_symbol_char(char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }

// "8-11", "6", "22-24": the report numbers that end a State report's symbol.
bool is_report_numbers(std::string_view part) {
  if (part.empty() || !is_ascii_digit(part.front()) || !is_ascii_digit(part.back())) return false;
  return std::all_of(part.begin(), part.end(),
                     [](char c) { return is_ascii_digit(c) || c == '-'; });
}

// The State a symbol names: "KAZ" in CERD/C/KAZ/CO/8-10; "CHN" in CCPR/C/CHN-HKG/CO/4.
std::string state_from_symbol(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(symbol, '/');
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.size() == 7 && part[3] == '-') part = part.substr(0, 3);
    if (part.size() != 3 || !std::all_of(part.begin(), part.end(), is_ascii_upper)) continue;
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
  if (has_part("CO")) return doctype::kConcludingObservations;
  if (has_part("Q") || has_part("LOI") || has_part("QPR")) return doctype::kListOfIssues;
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
  std::string key = to_lower(trim(line.substr(0, colon)));
  while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
  static constexpr std::string_view kKeys[] = {"reference",  "ref",   "our reference",
                                               "our ref",    "réf",   "référence",
                                               "referencia", "n/ref", "n/réf"};
  if (std::ranges::find(kKeys, key) == std::end(kKeys)) return std::nullopt;
  const std::string_view value = strip_trailing_marks(line.substr(colon + 1));
  if (value.empty() || !contains(value, "/")) return std::nullopt;
  return value;
}

// "110th session" at the start of `text` -> "110" (case and space variants as match_loose()).
std::string ordinal_session_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_ascii_digit(text[i])) ++i;
  if (i == 0 || i > 4) return {};
  for (std::string_view suffix : {"st session", "nd session", "rd session", "th session"}) {
    if (match_loose(text, i, suffix) > 0) return std::string(text.substr(0, i));
  }
  return {};
}

std::string session_in_reference(std::string_view reference) {
  for (std::string_view part : split(reference, '/')) {
    std::string session = ordinal_session_at(trim(part));
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

// ---------------------------------------------------------------------------------------------
// The header: the lines before the body starts.

bool is_salutation(std::string_view line) {
  for (std::string_view opening :
       {"Excellency", "Your Excellency", "Excellence", "Excelencia", "Dear "}) {
    if (starts_with_ci(line, opening)) return true;
  }
  return false;
}

// "1. The Committee ...", "12.\tText", "A. Introduction", "II. Concerns": a numbered paragraph
// or section heading, where the header ends.
bool is_numbered_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_ascii_digit(line[i])) ++i;
  if (i == 0) {
    // One capital letter, or a Roman numeral.
    while (i < line.size() && (line[i] == 'I' || line[i] == 'V' || line[i] == 'X')) ++i;
    if (i == 0 && !line.empty() && is_ascii_upper(line[0])) i = 1;
    if (i == 0 || i >= line.size() || line[i] != '.') return false;
  } else if (i >= line.size() || (line[i] != '.' && line[i] != ')')) {
    return false;
  }
  ++i;
  return i == line.size() || is_space(line[i]);
}

struct Header {
  std::vector<std::string> lines;  // non-empty, spaces normalized, trimmed
  bool ends_with_salutation = false;
};

Header read_header(std::string_view front) {
  constexpr std::size_t kProseWords = 40;
  Header header;
  for (std::string_view raw : split_lines(front)) {
    const std::string normalized = normalize_spaces(raw);
    const std::string_view line = trim(normalized);
    if (line.empty()) continue;
    if (is_salutation(line)) {
      header.ends_with_salutation = true;
      break;
    }
    if (is_numbered_line(line) || count_words(line) > kProseWords) break;
    header.lines.emplace_back(line);
  }
  return header;
}

// ---------------------------------------------------------------------------------------------
// Dates.

struct MonthName {
  std::string_view name;  // lower case
  int month;
};

constexpr MonthName kMonths[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // French (with and without accents: exports and OCR drop them)
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // Spanish
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
};

int month_number(std::string_view token) {
  for (const MonthName& month : kMonths) {
    if (month.name == token) return month.month;
  }
  return 0;
}

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
  while (i < token.size() && is_ascii_digit(token[i])) {
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
  const int month = month_number(tokens[i]);
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

// ---------------------------------------------------------------------------------------------
// Titles and types.

bool is_boilerplate_line(std::string_view line) {
  static constexpr std::string_view kOpenings[] = {"Distr",
                                                   "Original",
                                                   "Advance unedited",
                                                   "Unedited",
                                                   "Nations Unies",
                                                   "Naciones Unidas",
                                                   "GE.",
                                                   "*",
                                                   "Date received",
                                                   "[Date received",
                                                   "Page ",
                                                   "Please recycle",
                                                   "Language:",
                                                   "Languages:",
                                                   "Reproduced",
                                                   "Economic and Social Council",
                                                   "General Assembly"};
  for (std::string_view opening : kOpenings) {
    if (starts_with_ci(line, opening)) return true;
  }
  // "United Nations" alone or as the first cell of the layout table.
  if (starts_with_ci(line, "United Nations") && (line.size() == 14 || is_space(line[14]))) {
    return true;
  }
  // Letterhead.
  for (std::string_view mark : {"HIGH COMMISSIONER", "HAUT-COMMISSARIAT", "PALAIS DES NATIONS",
                                "www.", "@", "TEL:", "FAX:"}) {
    if (contains(line, mark)) return true;
  }
  // "Arabic, Chinese, English, French, Russian and Spanish only".
  bool only_languages = true;
  std::string lowered = to_lower(line);
  std::replace(lowered.begin(), lowered.end(), ',', ' ');
  for (std::string_view word : split(lowered, ' ')) {
    if (word.empty()) continue;
    static constexpr std::string_view kWords[] = {"arabic",  "chinese", "english", "french",
                                                  "russian", "spanish", "and",     "only"};
    if (std::ranges::find(kWords, word) == std::end(kWords)) {
      only_languages = false;
      break;
    }
  }
  return only_languages;
}

// Openings of real titles; a line starting with one of these beats an earlier plausible line
// (an organisation's name on an NGO cover page, a heading of an old UN layout).
constexpr std::string_view kTitleOpenings[] = {"Concluding observations",
                                               "List of issues",
                                               "General comment",
                                               "General recommendation",
                                               "Views adopted",
                                               "Decision adopted",
                                               "Commentaries",
                                               "Comments of",
                                               "Alternative report",
                                               "Shadow report",
                                               "Parallel report",
                                               "Joint submission",
                                               "Combined",
                                               "Initial report",
                                               "Information received"};

bool has_title_opening(std::string_view line) {
  for (std::string_view opening : kTitleOpenings) {
    if (starts_with_ci(line, opening)) return true;
  }
  const std::string lowered = to_lower(line);
  return contains(lowered, "periodic report");
}

std::string find_title(const Header& header) {
  constexpr std::size_t kMinTitleBytes = 12;
  constexpr std::size_t kMaxTitleBytes = 400;
  // A letter's header is letterhead, reference, address and date: nothing there is a title.
  if (header.ends_with_salutation) return {};
  std::string_view first_plausible;
  for (const std::string& line : header.lines) {
    const std::string_view candidate = strip_trailing_marks(line);
    if (candidate.size() < kMinTitleBytes || candidate.size() > kMaxTitleBytes) continue;
    if (is_boilerplate_line(candidate) || is_committee_name_line(candidate)) continue;
    if (labelled_line(candidate)) continue;  // "Symbol: CAT/C/NZL/2" is a field, not a title
    if (reference_value(candidate) || !parse_date_line(candidate).empty()) continue;
    // A row of the front-page layout table ("Economic and Social Council<TAB>Distr.: General")
    // is not a title, nor is the tail of a name Word wrapped ("of All Forms of Racial ...").
    const std::vector<std::string_view> cells = split_cells(candidate);
    if (cells.size() > 1 || (candidate.front() >= 'a' && candidate.front() <= 'z')) continue;
    if (std::any_of(cells.begin(), cells.end(), [](std::string_view cell) {
          return is_un_symbol(strip_trailing_marks(cell));
        })) {
      continue;
    }
    const char last = candidate.back();
    if (last == ':' || last == ',' || last == ';') continue;
    if (!std::any_of(candidate.begin(), candidate.end(), is_ascii_alpha)) continue;
    if (has_title_opening(candidate)) return core::collapse_whitespace(candidate);
    if (first_plausible.empty()) first_plausible = candidate;
  }
  return core::collapse_whitespace(first_plausible);
}

// NGO wording in the front matter: "the comments of the human rights organizations to the
// eighth to eleventh periodic reports", "Commentaries of Kazakhstan human rights organisations",
// "shadow report". For "comments of"/"commentaries of", an organisation word must follow within
// the same sentence, so that "comments of the State party" does not count.
bool has_ngo_wording(std::string_view lowered_front) {
  for (std::string_view phrase : {"shadow report", "alternative report", "parallel report",
                                  "joint submission", "joint stakeholder"}) {
    if (contains(lowered_front, phrase)) return true;
  }
  constexpr std::size_t kWindowBytes = 100;
  for (std::string_view lead : {"comments of", "commentaries of", "commentary of"}) {
    for (std::size_t pos = find_bytes(lowered_front, lead); pos != std::string_view::npos;
         pos = find_bytes(lowered_front, lead, pos + 1)) {
      std::string_view window = lowered_front.substr(pos + lead.size(), kWindowBytes);
      window = window.substr(0, window.find('.'));
      for (std::string_view who :
           {"organisation", "organization", "ngo", "civil society", "human rights defenders"}) {
        if (contains(window, who)) return true;
      }
    }
  }
  return false;
}

std::string type_from_title(std::string_view title) {
  const std::string lowered = to_lower(title);
  // Before the other rules: "Alternative report on the concluding observations ..." is an
  // NGO's, while "Comments of the Government of ..." is not.
  if (has_ngo_wording(lowered)) return doctype::kNgoCommentary;
  if (lowered.starts_with("concluding observations")) return doctype::kConcludingObservations;
  if (lowered.starts_with("list of issues")) return doctype::kListOfIssues;
  if (lowered.starts_with("general comment") || lowered.starts_with("general recommendation")) {
    return doctype::kGeneralComment;
  }
  if (lowered.starts_with("views adopted") || lowered.starts_with("decision adopted")) {
    return doctype::kDecision;
  }
  if (contains(lowered, "report") && contains(lowered, "submitted by")) {
    return doctype::kStateReport;
  }
  return {};
}

bool contains_follow_up(std::string_view lowered) {
  return contains(lowered, "follow-up") || contains(lowered, "follow up") ||
         contains(lowered, "followup");
}

bool reference_is_follow_up(std::string_view reference) {
  for (std::string_view part : split(reference, '/')) {
    if (equals_ci(trim(part), "FU")) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// States named in text.

// Length in `text` of `name` matched at `pos` (case-sensitive; ' in the name also matches ’),
// or 0.
std::size_t match_name_at(std::string_view text, std::size_t pos, std::string_view name) {
  constexpr std::string_view kRightQuote = "\xE2\x80\x99";
  std::size_t i = pos;
  for (char expected : name) {
    if (i >= text.size()) return 0;
    if (expected == '\'' && text.substr(i, kRightQuote.size()) == kRightQuote) {
      i += kRightQuote.size();
      continue;
    }
    if (text[i] != expected) return 0;
    ++i;
  }
  return word_boundary_after(text, i) ? i - pos : 0;
}

// The State names by their first two bytes, longest first ("Guinea-Bissau" before "Guinea").
// Trying each of the ~450 names at every position of the front matter was most of the time
// detection took; now a position is tried only against the names that start with its two bytes,
// and most positions (lower-case letters, digits, punctuation, "State", "The") start none.
class StateNameIndex {
 public:
  StateNameIndex() {
    for (const core::StateName& row : core::all_state_names()) {
      if (row.name.size() >= 2) by_first_byte_[byte(row.name, 0)].push_back(&row);
    }
    for (auto& bucket : by_first_byte_) {
      std::stable_sort(bucket.begin(), bucket.end(), [](const auto* a, const auto* b) {
        if (byte(a->name, 1) != byte(b->name, 1)) return byte(a->name, 1) < byte(b->name, 1);
        return a->name.size() > b->name.size();
      });
    }
  }

  // The names that start with text[pos] and text[pos + 1], longest first.
  std::span<const core::StateName* const> starting_at(std::string_view text,
                                                      std::size_t pos) const {
    const std::vector<const core::StateName*>& bucket = by_first_byte_[byte(text, pos)];
    if (bucket.empty() || pos + 1 >= text.size()) return {};
    const unsigned char second = byte(text, pos + 1);
    const auto [first, last] = std::equal_range(
        bucket.begin(), bucket.end(), second,
        [](const auto& lhs, const auto& rhs) { return second_byte(lhs) < second_byte(rhs); });
    return {first, last};
  }

 private:
  static unsigned char byte(std::string_view text, std::size_t pos) {
    return static_cast<unsigned char>(text[pos]);
  }
  static unsigned char second_byte(unsigned char b) { return b; }
  static unsigned char second_byte(const core::StateName* row) { return byte(row->name, 1); }

  std::array<std::vector<const core::StateName*>, 256> by_first_byte_;
};

const StateNameIndex& state_name_index() {
  static const StateNameIndex index;
  return index;
}

std::string most_named_state(std::string_view front) {
  constexpr int kMinimumMentions = 2;
  constexpr int kGovernmentBonus = 2;  // "Government of X" names the subject, not a comparison
  const StateNameIndex& index = state_name_index();
  std::vector<std::pair<std::string_view, int>> counts;  // code -> weighted mentions
  std::size_t pos = 0;
  while (pos < front.size()) {
    const std::span<const core::StateName* const> candidates = index.starting_at(front, pos);
    if (candidates.empty() || !word_boundary_before(front, pos)) {
      ++pos;
      continue;
    }
    std::size_t best_length = 0;
    std::string_view best_code;
    for (const core::StateName* row : candidates) {
      if (row->name.size() <= best_length) break;  // longest first: no longer match to come
      const std::size_t length = match_name_at(front, pos, row->name);
      if (length > best_length) {
        best_length = length;
        best_code = row->code;
      }
    }
    if (best_length == 0) {
      ++pos;
      continue;
    }
    int weight = 1;
    const std::string_view before = front.substr(0, pos);
    for (std::string_view lead :
         {"Government of ", "Government of the ", "Permanent Representative of ",
          "Permanent Representative of the "}) {
      if (before.ends_with(lead)) weight += kGovernmentBonus;
    }
    auto it = std::find_if(counts.begin(), counts.end(),
                           [best_code](const auto& entry) { return entry.first == best_code; });
    if (it == counts.end()) {
      counts.emplace_back(best_code, weight);
    } else {
      it->second += weight;
    }
    pos += best_length;
  }
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (counts.empty() || counts[0].second < kMinimumMentions) return {};
  if (counts.size() > 1 && counts[1].second == counts[0].second) return {};
  return std::string(core::state_name_for_code(counts[0].first));
}

// Cuts `text` to at most `max_bytes` at a line end (or, failing that, a UTF-8 boundary), so the
// front matter never ends inside a line or a character.
std::string_view front_matter(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  const std::size_t newline = text.rfind('\n', max_bytes);
  if (newline != std::string_view::npos && newline > max_bytes / 2) return text.substr(0, newline);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return text.substr(0, cut);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

bool is_un_symbol(std::string_view text) {
  constexpr std::size_t kMaxSymbolBytes = 100;
  if (text.empty() || text.size() > kMaxSymbolBytes) return false;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return is_symbol_char(c) || c == '/'; })) {
    return false;
  }
  const std::vector<std::string_view> parts = split(text, '/');
  if (parts.size() < 3) return false;
  if (std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); })) {
    return false;
  }
  if (parts[0] == "E") return parts[1] == "C.12" && parts.size() >= 4;
  return std::ranges::find(kSymbolPrefixes, parts[0]) != std::end(kSymbolPrefixes);
}

std::string committee_for_symbol(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(trim(symbol), '/');
  if (parts.size() >= 2 && parts[0] == "E" && parts[1] == "C.12") return "CESCR";
  if (is_committee_code(parts[0])) return std::string(parts[0]);
  return {};
}

bool is_committee_code(std::string_view code) {
  return std::ranges::any_of(
      kCommittees, [code](const CommitteeNames& committee) { return committee.code == code; });
}

bool is_document_type(std::string_view type) {
  for (std::string_view known :
       {doctype::kConcludingObservations, doctype::kFollowUpLetter, doctype::kNgoCommentary,
        doctype::kStateReport, doctype::kListOfIssues, doctype::kGeneralComment, doctype::kDecision,
        doctype::kOther}) {
    if (type == known) return true;
  }
  return false;
}

bool is_iso_date(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  const int year = parse_year(date.substr(0, 4));
  if (year < 0) return false;
  if (date.size() == 4) return true;
  auto two_digits = [](std::string_view part) {
    return part.size() == 2 && is_ascii_digit(part[0]) && is_ascii_digit(part[1])
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
  std::string lowered = to_lower(trim(normalize_spaces(line)));
  while (!lowered.empty() && lowered.back() == '.') lowered.pop_back();
  // A place before the date ("Geneva, ", "Genève, le "): up to three words without digits,
  // then a comma.
  std::string_view date_part = lowered;
  const std::size_t comma = lowered.find(',');
  if (comma != std::string::npos) {
    const std::string_view place = std::string_view(lowered).substr(0, comma);
    const bool looks_like_place = !place.empty() && count_words(place) <= 3 &&
                                  std::none_of(place.begin(), place.end(), is_ascii_digit) &&
                                  month_number(trim(place)) == 0;
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

DocumentInfo detect_metadata(std::string_view text) {
  DocumentInfo info;
  const std::string_view front = front_matter(text, kFrontMatterBytes);
  const Header header = read_header(front);
  const Labels labels = read_labels(header.lines);
  const std::string normalized_front = normalize_spaces(front);
  const std::string lowered_front = to_lower(normalized_front);

  // Symbol: a labelled one; else a reference line (a letter is cited by it); else a symbol
  // standing alone in a header line or cell. `symbol` is what the type and State rules read.
  std::string reference;
  std::string symbol;
  for (const std::string& line : header.lines) {
    if (auto value = reference_value(line)) {
      reference = std::string(*value);
      break;
    }
  }
  if (!labels.symbol.empty() && is_un_symbol(labels.symbol)) {
    symbol = labels.symbol;
  } else if (reference.empty()) {
    for (const std::string& line : header.lines) {
      for (std::string_view cell : split_cells(line)) {
        cell = strip_trailing_marks(cell);
        if (is_un_symbol(cell)) {
          symbol = std::string(cell);
          break;
        }
      }
      if (!symbol.empty()) break;
    }
  }
  if (!labels.symbol.empty()) {
    info.symbol = labels.symbol;
  } else {
    info.symbol = !reference.empty() ? reference : symbol;
  }

  info.title = !labels.title.empty() ? labels.title : find_title(header);

  // Type.
  if (!labels.type.empty()) {
    info.type = labels.type;
  } else {
    bool has_salutation = header.ends_with_salutation;
    for (std::size_t start = 0; !has_salutation && start < normalized_front.size();) {
      std::size_t end = normalized_front.find('\n', start);
      if (end == std::string::npos) end = normalized_front.size();
      has_salutation =
          is_salutation(trim(std::string_view(normalized_front).substr(start, end - start)));
      start = end + 1;
    }
    const bool follow_up =
        has_salutation && ((!reference.empty() && reference_is_follow_up(reference)) ||
                           contains_follow_up(lowered_front));
    if (follow_up) {
      info.type = doctype::kFollowUpLetter;
    } else if (!symbol.empty()) {
      info.type = type_from_symbol(symbol);
    }
    if (info.type.empty() && !info.title.empty()) info.type = type_from_title(info.title);
    if (info.type.empty() && has_ngo_wording(lowered_front)) info.type = doctype::kNgoCommentary;
  }

  // Committee.
  info.committee = labels.committee;
  if (info.committee.empty()) info.committee = committee_for_symbol(info.symbol);
  if (info.committee.empty()) info.committee = most_salient_committee(text, front.size());

  // State.
  info.state = labels.state;
  if (info.state.empty() && !symbol.empty()) info.state = state_from_symbol(symbol);
  if (info.state.empty() && info.type != doctype::kGeneralComment) {
    info.state = most_named_state(normalized_front);
  }

  // Session. The text is read for it only in documents the committee wrote: NGO commentaries
  // and State reports mention earlier sessions (and quote "adopted by the Committee at its 84th
  // session") in passing.
  info.session = labels.session;
  if (info.session.empty() && !reference.empty()) info.session = session_in_reference(reference);
  const bool adopted_document =
      info.type == doctype::kConcludingObservations || info.type == doctype::kListOfIssues ||
      info.type == doctype::kDecision || info.type == doctype::kGeneralComment;
  if (info.session.empty() && adopted_document) {
    // The adoption footnote, wherever the export put it. Not for letters: theirs mention the
    // session that adopted the concluding observations they follow up.
    info.session = session_after(text, {"adopted by the committee at its "});
  }
  if (info.session.empty() && (adopted_document || info.type == doctype::kFollowUpLetter)) {
    info.session = session_after(lowered_front, {"during its ", "at its "});
  }

  // Date: the first header line that is a date and nothing else.
  info.date = labels.date;
  for (const std::string& line : header.lines) {
    if (!info.date.empty()) break;
    std::string date = parse_date_line(line);
    if (date.empty()) {
      // "Distr.: General<TAB>20 May 2022": a date cell of the layout table.
      for (std::string_view cell : split_cells(line)) {
        date = parse_date_line(cell);
        if (!date.empty()) break;
      }
    }
    info.date = std::move(date);
  }

  // Language: the label's, which spares reading the text; else detect_language().
  info.language = !labels.language.empty() ? labels.language : detect_language(text);
  return info;
}

DocumentInfo merge(const DocumentInfo& detected, const DocumentInfo& overrides) {
  DocumentInfo merged = detected;
  auto take = [](std::string* field, const std::string& override_value) {
    if (!override_value.empty()) *field = override_value;
  };
  take(&merged.source, overrides.source);
  take(&merged.symbol, overrides.symbol);
  take(&merged.title, overrides.title);
  take(&merged.type, overrides.type);
  take(&merged.committee, overrides.committee);
  take(&merged.state, overrides.state);
  take(&merged.session, overrides.session);
  take(&merged.date, overrides.date);
  take(&merged.language, overrides.language);
  return merged;
}

}  // namespace treatysearch::ingest

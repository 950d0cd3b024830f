// Committees: by name, treaty and acronym in the text, by label, by symbol.
#include "metadata_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata_detect.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

// ---------------------------------------------------------------------------------------------
// Committees.

namespace {

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

}  // namespace

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
    const char first = core::ascii_lower(word.front());
    for (std::string_view opening : kOpenings) {
      if (opening.front() != first || !core::equals_ascii_ci(word, opening)) continue;
      for (std::size_t k = 0; k < std::size(kCommittees); ++k) {
        for (std::string_view name : kCommittees[k].names) {
          if (name.starts_with(opening) && match_loose(text, pos, name) > 0) {
            scores[k] += kNameWeight * weight;
          }
        }
      }
    }
    if (word.size() >= 3 && word.size() <= 6 &&
        std::all_of(word.begin(), word.end(), core::is_ascii_upper) &&
        word_boundary_before(text, pos) && word_boundary_after(text, end)) {
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
  const std::string lowered = core::ascii_lowercase(strip_trailing_marks(line));
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

namespace {

// The committee for an acronym, in English or as the French and Spanish versions write it.
std::string committee_for_acronym(std::string_view acronym) {
  std::string upper(core::trim(acronym));
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

}  // namespace

namespace {

// The committees' own names (not their treaties') in the six languages, folded by fold_words().
constexpr std::pair<std::string_view, std::string_view> kCommitteeNames[] = {
    {"committee on the elimination of racial discrimination", "CERD"},
    {"comite pour l'elimination de la discrimination raciale", "CERD"},
    {"comite para la eliminacion de la discriminacion racial", "CERD"},
    {"комитет по ликвидации расовой дискриминации", "CERD"},
    {"لجنه القضاء علي التمييز العنصري", "CERD"},
    {"消除种族歧视委员会", "CERD"},
    {"human rights committee", "CCPR"},
    {"comite des droits de l'homme", "CCPR"},
    {"comite de derechos humanos", "CCPR"},
    {"комитет по правам человека", "CCPR"},
    {"اللجنه المعنيه بحقوق الانسان", "CCPR"},
    {"人权事务委员会", "CCPR"},
    {"committee on economic, social and cultural rights", "CESCR"},
    {"comite des droits economiques, sociaux et culturels", "CESCR"},
    {"comite de derechos economicos, sociales y culturales", "CESCR"},
    {"комитет по экономическим, социальным и культурным правам", "CESCR"},
    {"اللجنه المعنيه بالحقوق الاقتصاديه والاجتماعيه والثقافيه", "CESCR"},
    {"经济、社会及文化权利委员会", "CESCR"},
    {"committee on the elimination of discrimination against women", "CEDAW"},
    {"comite pour l'elimination de la discrimination a l'egard des femmes", "CEDAW"},
    {"comite para la eliminacion de la discriminacion contra la mujer", "CEDAW"},
    {"комитет по ликвидации дискриминации в отношении женщин", "CEDAW"},
    {"اللجنه المعنيه بالقضاء علي التمييز ضد المراه", "CEDAW"},
    {"消除对妇女歧视委员会", "CEDAW"},
    {"committee on the rights of the child", "CRC"},
    {"comite des droits de l'enfant", "CRC"},
    {"comite de los derechos del nino", "CRC"},
    {"комитет по правам ребенка", "CRC"},
    {"لجنه حقوق الطفل", "CRC"},
    {"儿童权利委员会", "CRC"},
    {"committee against torture", "CAT"},
    {"comite contre la torture", "CAT"},
    {"comite contra la tortura", "CAT"},
    {"комитет против пыток", "CAT"},
    {"لجنه مناهضه التعذيب", "CAT"},
    {"禁止酷刑委员会", "CAT"},
    {"committee on the rights of persons with disabilities", "CRPD"},
    {"comite des droits des personnes handicapees", "CRPD"},
    {"comite sobre los derechos de las personas con discapacidad", "CRPD"},
    {"комитет по правам инвалидов", "CRPD"},
    {"комитет по правам лиц с инвалидностью", "CRPD"},
    {"اللجنه المعنيه بحقوق الاشخاص ذوي الاعاقه", "CRPD"},
    {"残疾人权利委员会", "CRPD"},
    {"committee on migrant workers", "CMW"},
    {"committee on the protection of the rights of all migrant workers and members of their "
     "families",
     "CMW"},
    {"comite des travailleurs migrants", "CMW"},
    {"comite pour la protection des droits de tous les travailleurs migrants et des membres de "
     "leur famille",
     "CMW"},
    {"comite de trabajadores migratorios", "CMW"},
    {"comite de proteccion de los derechos de todos los trabajadores migratorios y de sus "
     "familiares",
     "CMW"},
    {"комитет по защите прав всех трудящихся-мигрантов и членов их семей", "CMW"},
    {"اللجنه المعنيه بحمايه حقوق جميع العمال المهاجرين وافراد اسرهم", "CMW"},
    {"保护所有移徙工人及其家庭成员权利委员会", "CMW"},
    {"committee on enforced disappearances", "CED"},
    {"comite des disparitions forcees", "CED"},
    {"comite contra la desaparicion forzada", "CED"},
    {"комитет по насильственным исчезновениям", "CED"},
    {"اللجنه المعنيه بحالات الاختفاء القسري", "CED"},
    {"强迫失踪问题委员会", "CED"},
};

std::string committee_for_name(std::string_view folded_name) {
  for (std::string_view qualifier : {"the ", "united nations ", "un "}) {
    if (folded_name.starts_with(qualifier)) folded_name.remove_prefix(qualifier.size());
  }
  for (const auto& [known, code] : kCommitteeNames) {
    if (known == folded_name) return std::string(code);
  }
  return {};
}

}  // namespace

std::string committee_for_name_line(std::string_view line) {
  const std::string folded = fold_words(strip_trailing_marks(line));
  std::string_view name = folded;
  for (std::string_view qualifier : {"the ", "united nations ", "un "}) {
    if (name.starts_with(qualifier)) name.remove_prefix(qualifier.size());
  }
  // The whole name, or its beginning where the layout wrapped it ("Comité sobre los Derechos de
  // las Personas con" / "Discapacidad").
  constexpr std::size_t kMinWrappedBytes = 24;
  for (const auto& [known, code] : kCommitteeNames) {
    if (known == name || (name.size() >= kMinWrappedBytes && known.starts_with(name))) {
      return std::string(code);
    }
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
    name = core::trim(value.substr(0, open));
  }
  if (std::string code = committee_for_acronym(name); !code.empty()) return code;
  const std::string folded = fold_label(name);
  std::string_view folded_name = folded;
  for (std::string_view qualifier : {"the ", "united nations ", "un "}) {
    if (folded_name.starts_with(qualifier)) folded_name.remove_prefix(qualifier.size());
  }
  for (const CommitteeNames& committee : kCommittees) {
    for (std::string_view known : committee.names) {
      if (!known.empty() && known == folded_name) return std::string(committee.code);
    }
  }
  return committee_for_name(fold_words(name));
  return {};
}

}  // namespace treatysearch::ingest::metadata_detail

namespace treatysearch::ingest {

using namespace metadata_detail;  // NOLINT: the rules this file implements

std::string committee_for_symbol(std::string_view symbol) {
  const std::vector<std::string_view> parts = split(core::trim(symbol), '/');
  if (parts.size() >= 2 && parts[0] == "E" && parts[1] == "C.12") return "CESCR";
  if (std::string code = annual_report_committee(core::trim(symbol)); !code.empty()) return code;
  if (is_committee_code(parts[0])) return std::string(parts[0]);
  return {};
}

bool is_committee_code(std::string_view code) {
  return std::ranges::any_of(
      kCommittees, [code](const CommitteeNames& committee) { return committee.code == code; });
}

}  // namespace treatysearch::ingest

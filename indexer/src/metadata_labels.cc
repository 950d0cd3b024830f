// Labelled front matter ("Symbol: CAT/C/NZL/2", "Pays : ...").
#include "metadata_rules.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metadata_detect.h"
#include "states.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

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

namespace {

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

}  // namespace

// "Symbol: CAT/C/NZL/2", "Date : 3 février 2022" (French puts a space before the colon).
std::optional<LabelledLine> labelled_line(std::string_view line) {
  constexpr std::size_t kMaxLabelBytes = 24;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxLabelBytes) return std::nullopt;
  const std::string key = fold_label(line.substr(0, colon));
  for (const LabelName& label : kLabels) {
    if (label.folded != key) continue;
    const std::string_view value = strip_trailing_marks(line.substr(colon + 1));
    if (value.empty()) return std::nullopt;
    return LabelledLine{label.field, value};
  }
  return std::nullopt;
}

namespace {

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

// "State party report" -> state-report, "Concluding observations" -> concluding-observations, and
// so on, in English, French and Spanish; the doctype codes themselves are accepted too.
std::string type_from_label(std::string_view value) {
  const std::string folded = fold_label(value);
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
  while (digits < value.size() && core::is_ascii_digit(value[digits])) ++digits;
  if (digits == 0 || digits > 4) return {};
  return std::string(value.substr(0, digits));
}

// "English", "Français", "español", "Русский", "ru" -> the ISO 639-1 code.
std::string language_from_label(std::string_view value) {
  std::string folded = fold_label(value);
  // "English (original)".
  if (const std::size_t open = folded.find(" ("); open != std::string::npos) folded.resize(open);
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"english", "en"},  {"anglais", "en"},    {"ingles", "en"},    {"french", "fr"},
      {"francais", "fr"}, {"frances", "fr"},    {"spanish", "es"},   {"espagnol", "es"},
      {"espanol", "es"},  {"russian", "ru"},    {"russe", "ru"},     {"ruso", "ru"},
      {"русский", "ru"},  {"arabic", "ar"},     {"arabe", "ar"},     {"العربية", "ar"},
      {"chinese", "zh"},  {"chinois", "zh"},    {"chino", "zh"},     {"中文", "zh"},
      {"kazakh", "kk"},   {"kazakhe", "kk"},    {"kazajo", "kk"},    {"қазақ тілі", "kk"},
      {"қазақша", "kk"},  {"german", "de"},     {"allemand", "de"},  {"aleman", "de"},
      {"deutsch", "de"},  {"portuguese", "pt"}, {"portugais", "pt"}, {"portugues", "pt"}};
  for (const auto& [name, code] : kNames) {
    if (name == folded) return std::string(code);
  }
  for (std::string_view code : {"en", "fr", "es", "ru", "ar", "zh", "kk", "de", "pt"}) {
    if (code == folded) return std::string(code);
  }
  return {};
}

}  // namespace

Labels read_labels(const std::vector<std::string>& header_lines) {
  // Not only document symbols (symbols.h, kMaxSymbolBytes) but also a letter's reference, which
  // has spaces and words: "CERD/110th session/2023/FU/AKB/ks".
  constexpr std::size_t kMaxReferenceBytes = 100;
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
        if (contains(value, "/") && value.size() <= kMaxReferenceBytes) {
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

}  // namespace treatysearch::ingest::metadata_detail

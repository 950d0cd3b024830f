// Titles of UN first pages in the six languages: where the title is, and the type it names.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "metadata_detect.h"
#include "metadata_rules.h"
#include "text.h"

namespace treatysearch::ingest::metadata_detail {

namespace {

struct TitleOpening {
  std::string_view words;  // folded by fold_words(); the title starts with them
  const char* type;
};

// Openings of titles, each language's wording of each type. Replies come before lists of
// issues and follow-up information before anything about concluding observations: "Replies of
// Andorra to the list of issues", "Information received from Belarus on follow-up to the
// concluding observations".
constexpr TitleOpening kOpenings[] = {
    {"replies of", doctype::kReplyToListOfIssues},
    {"reponses de", doctype::kReplyToListOfIssues},
    {"reponses du", doctype::kReplyToListOfIssues},
    {"respuestas de", doctype::kReplyToListOfIssues},
    {"ответы", doctype::kReplyToListOfIssues},
    {"ردود", doctype::kReplyToListOfIssues},
    {"information received from", doctype::kFollowUpInformation},
    {"informations recues de", doctype::kFollowUpInformation},
    {"renseignements recus de", doctype::kFollowUpInformation},
    {"informacion recibida de", doctype::kFollowUpInformation},
    {"информация, полученная от", doctype::kFollowUpInformation},
    {"معلومات وارده من", doctype::kFollowUpInformation},
    {"report on follow-up to the inquiry", doctype::kInquiryFollowUpReport},
    {"rapport de suivi de l'enquete", doctype::kInquiryFollowUpReport},
    {"informe de seguimiento de la investigacion", doctype::kInquiryFollowUpReport},
    {"доклад о последующих мерах в связи с расследованием", doctype::kInquiryFollowUpReport},
    {"concluding observations", doctype::kConcludingObservations},
    {"observations finales", doctype::kConcludingObservations},
    {"observaciones finales", doctype::kConcludingObservations},
    {"заключительные замечания", doctype::kConcludingObservations},
    {"الملاحظات الختاميه", doctype::kConcludingObservations},
    {"结论性意见", doctype::kConcludingObservations},
    {"list of issues", doctype::kListOfIssues},
    {"liste de points", doctype::kListOfIssues},
    {"liste des points", doctype::kListOfIssues},
    {"lista de cuestiones", doctype::kListOfIssues},
    {"перечень вопросов", doctype::kListOfIssues},
    {"قائمه المسائل", doctype::kListOfIssues},
    {"问题清单", doctype::kListOfIssues},
    {"general comment", doctype::kGeneralComment},
    {"general recommendation", doctype::kGeneralComment},
    {"observation generale", doctype::kGeneralComment},
    {"recommandation generale", doctype::kGeneralComment},
    {"observacion general", doctype::kGeneralComment},
    {"recomendacion general", doctype::kGeneralComment},
    {"замечание общего порядка", doctype::kGeneralComment},
    {"общая рекомендация", doctype::kGeneralComment},
    {"التعليق العام", doctype::kGeneralComment},
    {"التوصيه العامه", doctype::kGeneralComment},
    {"一般性意见", doctype::kGeneralComment},
    {"一般性建议", doctype::kGeneralComment},
    {"views adopted", doctype::kDecision},
    {"decision adopted", doctype::kDecision},
    {"constatations adoptees", doctype::kDecision},
    {"decision adoptee", doctype::kDecision},
    {"dictamen aprobado", doctype::kDecision},
    {"decision adoptada", doctype::kDecision},
    {"соображения, принятые", doctype::kDecision},
    {"решение, принятое", doctype::kDecision},
    {"الاراء التي اعتمدتها", doctype::kDecision},
    {"قرار اعتمدته", doctype::kDecision},
};

// Chinese puts the kind of document last ("孟加拉国对问题清单的答复": Bangladesh's replies to the
// list of issues), so its titles are read for these endings.
constexpr TitleOpening kChineseEndings[] = {
    {"问题清单的答复", doctype::kReplyToListOfIssues},
    {"后续行动的资料", doctype::kFollowUpInformation},
    {"后续行动的报告", doctype::kInquiryFollowUpReport},
    {"来文的意见", doctype::kDecision},
    {"来文的决定", doctype::kDecision},
};

// State reports: a report word and a "submitted" word ("Initial report submitted by Andorra
// under article 35", "Rapport initial soumis par ...", "Первоначальный доклад, представленный").
constexpr std::string_view kReportWords[] = {"initial report",
                                             "periodic report",
                                             "rapport initial",
                                             "rapport periodique",
                                             "informe inicial",
                                             "informe periodico",
                                             "первоначальный доклад",
                                             "периодический доклад",
                                             "التقرير الاولي",
                                             "التقرير الدوري",
                                             "初次报告",
                                             "定期报告"};
// The older title of a State report: "Initial reports of States parties due in 2012".
constexpr std::string_view kStatesPartiesReports[] = {
    "report of states parties",       "reports of states parties",
    "rapports des etats parties",     "rapport des etats parties",
    "informes de los estados partes", "доклады государств-участников",
    "تقارير الدول الاطراف",           "缔约国的报告"};
constexpr std::string_view kSubmittedWords[] = {"submitted by",   "soumis par", "presentado por",
                                                "представленный", "المقدم",     "提交"};

bool starts_title(std::string_view folded) {
  if (!type_from_title_any_language(folded).empty()) return true;
  if (folded.starts_with("combined")) return true;  // "Combined second and third periodic ..."
  return std::ranges::any_of(
      kReportWords, [folded](std::string_view words) { return folded.starts_with(words); });
}

// Lines between the committee's name and the title of a reply or report: "Twenty-ninth
// session", "14 August–8 September 2023", "Item 7 of the provisional agenda", "Consideration of
// reports submitted by parties to the Convention under article 35".
bool is_agenda_line(std::string_view line) {
  if (!session_heading(line).empty()) return true;
  const std::string folded = fold_words(line);
  for (std::string_view opening :
       {"item ", "point ", "tema ", "пункт ", "البند ", "consideration of reports",
        "examen des rapports", "examen de los informes", "рассмотрение докладов",
        "النظر في التقارير", "审议", "临时议程"}) {
    if (std::string_view(folded).starts_with(opening)) return true;
  }
  // A date range: digits and a month, nothing long.
  return std::ranges::any_of(folded, core::is_ascii_digit) && core::count_words(folded) <= 6 &&
         (folded.find("\xE2\x80\x93") != std::string::npos ||
          folded.find('-') != std::string::npos);
}

bool ends_with_footnote_mark(std::string_view line) {
  line = core::trim(line);
  return line.ends_with('*') || line.ends_with("\xE2\x80\xA0") || line.ends_with("*,");
}

// "... under article 35 of the" / "Convention, due in 2013": a line ending in a word that
// cannot end a title goes on in the next.
bool ends_with_function_word(std::string_view line) {
  const std::size_t space = line.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view last = line.substr(space + 1);
  static constexpr std::string_view kWords[] = {
      "of",    "the", "to",  "and", "in",  "on",  "for", "by", "de", "la", "le",
      "les",   "des", "du",  "del", "los", "las", "el",  "y",  "et", "en", "sur",
      "sobre", "au",  "aux", "a",   "à",   "в",   "и",   "о",  "по", "с",  "к"};
  return std::ranges::find(kWords, last) != std::end(kWords);
}

}  // namespace

std::string type_from_title_any_language(std::string_view title) {
  const std::string folded = fold_words(title);
  const std::string_view text = folded;
  for (const TitleOpening& opening : kOpenings) {
    if (!text.starts_with(opening.words)) continue;
    // "Information received from X" is follow-up information only when it says so.
    if (opening.type == std::string_view(doctype::kFollowUpInformation)) {
      const bool follow_up = std::ranges::any_of(
          std::initializer_list<std::string_view>{"follow-up", "suite donnee", "suivi",
                                                  "seguimiento", "последующ", "متابعه"},
          [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
      if (!follow_up) continue;
    }
    return opening.type;
  }
  for (const TitleOpening& ending : kChineseEndings) {
    if (text.find(ending.words) != std::string_view::npos) return ending.type;
  }
  for (std::string_view chinese : {"结论性意见", "问题清单", "一般性意见", "一般性建议"}) {
    if (text.find(chinese) != std::string_view::npos) {
      return type_from_title_any_language(chinese);
    }
  }
  const bool report = std::ranges::any_of(kReportWords, [text](std::string_view words) {
    return text.find(words) != std::string_view::npos;
  });
  const bool submitted = std::ranges::any_of(kSubmittedWords, [text](std::string_view words) {
    return text.find(words) != std::string_view::npos;
  });
  if (report && submitted) return doctype::kStateReport;
  if (std::ranges::any_of(kStatesPartiesReports, [text](std::string_view words) {
        return text.find(words) != std::string_view::npos;
      })) {
    return doctype::kStateReport;
  }
  return {};
}

std::string first_page_title(const std::vector<std::string>& header_lines, std::size_t start) {
  constexpr std::size_t kMaxTitleLines = 6;
  constexpr std::size_t kSearchLines = 10;
  // The title's first line: one with a known opening, else the first line after the agenda
  // lines.
  std::size_t first = header_lines.size();
  for (std::size_t i = start; i < header_lines.size() && i < start + kSearchLines; ++i) {
    if (starts_title(fold_words(header_lines[i]))) {
      first = i;
      break;
    }
  }
  if (first == header_lines.size()) {
    for (std::size_t i = start; i < header_lines.size(); ++i) {
      if (!is_agenda_line(header_lines[i])) {
        first = i;
        break;
      }
    }
  }
  if (first == header_lines.size()) return {};
  std::string title;
  for (std::size_t i = first; i < header_lines.size() && i < first + kMaxTitleLines; ++i) {
    const std::string_view line = core::trim(header_lines[i]);
    if (i > first && (line.starts_with("[") || line.starts_with("*") || is_agenda_line(line) ||
                      committee_for_name_line(line).size() > 0 ||
                      (std::ranges::none_of(title, [](char c) { return c == '*'; }) &&
                       !parse_date_line(line).empty()))) {
      break;
    }
    if (!title.empty()) title += ' ';
    title += line;
    if (ends_with_footnote_mark(line)) break;
    // Without a footnote mark the title is one line unless the next one continues it.
    if (i + 1 < header_lines.size()) {
      const std::string_view next = core::trim(header_lines[i + 1]);
      const char32_t next_first = core::first_code_point(next);
      const bool continues =
          core::is_lower_letter(next_first) || ends_with_function_word(line) ||
          std::ranges::any_of(
              header_lines.begin() + static_cast<long>(i) + 1,
              header_lines.begin() +
                  static_cast<long>(std::min(header_lines.size(), first + kMaxTitleLines)),
              [](const std::string& later) { return later.find('*') != std::string::npos; });
      if (!continues) break;
    }
  }
  // The footnote marks are not part of the title ("Bangladesh*, **").
  std::string_view trimmed = title;
  while (true) {
    const std::string_view before = trimmed;
    trimmed = strip_trailing_marks(trimmed);
    while (!trimmed.empty() && trimmed.back() == ',') {
      trimmed = strip_trailing_marks(trimmed.substr(0, trimmed.size() - 1));
    }
    if (trimmed == before) break;
  }
  // Footnote marks inside it too ("Information received from Czechia* on follow-up").
  std::string without_marks(trimmed);
  std::erase(without_marks, '*');
  return core::collapse_whitespace(without_marks);
}

}  // namespace treatysearch::ingest::metadata_detail

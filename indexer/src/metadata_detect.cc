#include "metadata_detect.h"

#include <string>
#include <string_view>
#include <utility>

#include "language_detect.h"
#include "metadata_rules.h"
#include "text.h"

namespace treatysearch::ingest {

using namespace metadata_detail;  // NOLINT: the rules detect_metadata() combines

bool is_document_type(std::string_view type) {
  for (std::string_view known :
       {doctype::kConcludingObservations, doctype::kFollowUpLetter, doctype::kNgoCommentary,
        doctype::kStateReport, doctype::kListOfIssues, doctype::kGeneralComment, doctype::kDecision,
        doctype::kOther}) {
    if (type == known) return true;
  }
  return false;
}

DocumentInfo detect_metadata(std::string_view text) {
  DocumentInfo info;
  const std::string_view front = front_matter(text, kFrontMatterBytes);
  const Header header = read_header(front);
  const Labels labels = read_labels(header.lines);
  const std::string normalized_front = normalize_spaces(front);
  const std::string lowered_front = core::ascii_lowercase(normalized_front);

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
          is_salutation(core::trim(std::string_view(normalized_front).substr(start, end - start)));
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

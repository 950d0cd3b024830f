#include "metadata_detect.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "language_detect.h"
#include "metadata_rules.h"
#include "text.h"

namespace treatysearch::ingest {

using namespace metadata_detail;  // NOLINT: the rules detect_metadata() combines

bool is_document_type(std::string_view type) {
  // One list of codes (types.h), which filters and the manifest both check against.
  return std::ranges::any_of(doctype::kAll,
                             [type](std::string_view known) { return type == known; });
}

namespace {

// The text the adoption note is looked for in, folded (fold_words()): the front matter, where a
// first page's footnotes are, and the end, where a Word text export puts them.
std::string folded_notes(std::string_view text) {
  constexpr std::size_t kTailBytes = 16 * 1024;
  const std::string_view front = front_matter(text, 2 * kFrontMatterBytes);
  std::string folded = fold_words(front);
  if (text.size() > front.size()) {
    std::size_t tail_start =
        std::max(front.size(), text.size() - std::min(text.size(), kTailBytes));
    tail_start = text.find('\n', tail_start);
    if (tail_start != std::string_view::npos) {
      folded += '\n';
      folded += fold_words(text.substr(tail_start));
    }
  }
  return folded;
}

}  // namespace

DocumentInfo detect_metadata(std::string_view text) {
  DocumentInfo info;
  const std::string_view front = front_matter(text, kFrontMatterBytes);
  const Header header = read_header(front);
  const Labels labels = read_labels(header.lines);
  const FirstPage page = read_first_page(header.lines);
  const std::string normalized_front = normalize_spaces(front);
  const std::string lowered_front = core::ascii_lowercase(normalized_front);

  // Symbol: a labelled one; else a reference line (a letter is cited by it); else the first
  // page's symbol (read_first_page(): the one above "Distr.", or the first standing alone in a
  // header line or cell). `symbol` is what the type and State rules read.
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
    symbol = page.symbol;
  }
  if (!labels.symbol.empty()) {
    info.symbol = labels.symbol;
  } else {
    info.symbol = !reference.empty() ? reference : symbol;
  }

  // Title: on a UN first page, the lines after the committee's name up to the footnote mark.
  info.title = labels.title;
  if (info.title.empty() && page.distribution && !page.committee.empty()) {
    info.title = first_page_title(header.lines, page.committee_line + 1);
  }
  if (info.title.empty()) {
    // A UN first page whose committee line was not read (a right-to-left version whose text
    // layer mangles its letters) gives no title rather than a stray line such as a job number,
    // unless a line opens like a title.
    info.title = find_title(header);
    if (page.distribution && page.committee.empty() &&
        type_from_title_any_language(info.title).empty() && type_from_title(info.title).empty()) {
      info.title.clear();
    }
  }

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
    } else if (is_un_symbol(symbol)) {
      // Only a treaty body's symbol says its type: "A/HRC/WG.6/48/SVN/2" ends in a number too.
      info.type = type_from_symbol(symbol);
    }
    if (info.type.empty() && !info.title.empty()) info.type = type_from_title(info.title);
    if (info.type.empty() && !info.title.empty()) {
      info.type = type_from_title_any_language(info.title);
    }
    if (info.type.empty() && has_ngo_wording(lowered_front)) info.type = doctype::kNgoCommentary;
  }

  // Committee.
  info.committee = labels.committee;
  if (info.committee.empty()) info.committee = committee_for_symbol(info.symbol);
  if (info.committee.empty()) info.committee = page.committee;
  if (info.committee.empty()) info.committee = most_salient_committee(text, front.size());

  // State: the symbol's country code; else the State the title names (in any of the six
  // languages); else the State named most often.
  info.state = labels.state;
  if (info.state.empty() && !symbol.empty()) info.state = state_from_symbol(symbol);
  const bool about_a_state =
      info.type != doctype::kGeneralComment && info.type != doctype::kAnnualReport;
  if (info.state.empty() && about_a_state && !info.title.empty()) {
    info.state = state_in_title(info.title);
  }
  if (info.state.empty() && about_a_state) info.state = most_named_state(normalized_front);

  // Session. The text is read for it only in documents the committee wrote: NGO commentaries
  // and State reports mention earlier sessions (and quote "adopted by the Committee at its 84th
  // session") in passing.
  info.session = labels.session;
  if (info.session.empty() && !reference.empty()) info.session = session_in_reference(reference);
  const bool adopted_document =
      info.type == doctype::kConcludingObservations || info.type == doctype::kListOfIssues ||
      info.type == doctype::kDecision || info.type == doctype::kGeneralComment ||
      info.type == doctype::kInquiryFollowUpReport;
  if (info.session.empty() && adopted_document) {
    // The adoption note, wherever the export put it, in any of the six languages. Not for
    // letters: theirs mention the session that adopted the concluding observations they follow.
    info.session = session_in_adoption_note(folded_notes(text));
  }
  if (info.session.empty() && !info.committee.empty() && info.type != doctype::kAnnualReport) {
    // "Twenty-ninth session" above the title of a reply or report: the committee session it is
    // for (an annual report lists several; another body's heading is not a committee's).
    for (const std::string& line : header.lines) {
      info.session = session_heading(line);
      if (!info.session.empty()) break;
    }
  }
  if (info.session.empty() && (adopted_document || info.type == doctype::kFollowUpLetter)) {
    info.session = session_after(lowered_front, {"during its ", "at its "});
  }

  // Date: the first page's (below "Distr."), else the first header line that is a date and
  // nothing else.
  info.date = labels.date;
  if (info.date.empty()) info.date = page.date;
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
    if (date.empty()) date = parse_date_other_scripts(line);
    info.date = std::move(date);
  }

  // Language: the label's, which spares reading the text; else the first page's language line;
  // else detect_language(); else the original language (a document in its original language
  // prints no language line). The text is asked before the "Original:" line, since a
  // translation whose language line the layout garbled would otherwise take the original's
  // language (CRPD/C/RWA/CO/1 in Arabic says "Original: English").
  info.language = labels.language;
  if (info.language.empty()) info.language = page.language;
  if (info.language.empty()) info.language = detect_language(text);
  if (info.language.empty()) info.language = page.original_language;
  info.original_language = page.original_language;
  return info;
}

DocumentInfo detect_metadata(std::string_view text, const MetadataHints& hints) {
  DocumentInfo info = detect_metadata(text);
  // A symbol in the file's Subject or Title (UN PDFs often hold it there), when the text gave
  // none: then the type, committee and State it gives fill what the text left empty.
  if (info.symbol.empty()) {
    for (const std::string* hint : {&hints.subject, &hints.title}) {
      const std::string_view candidate = strip_trailing_marks(core::trim(*hint));
      if (is_un_symbol(candidate) && !symbol_has_unknown_country(candidate)) {
        info.symbol = std::string(candidate);
        if (info.type.empty()) info.type = type_from_symbol(candidate);
        if (info.committee.empty()) info.committee = committee_for_symbol(candidate);
        if (info.state.empty()) info.state = state_from_symbol(candidate);
        break;
      }
    }
  }
  // A title hint that reads as one: words, not a symbol, a job number ("1907297") or a file name.
  if (info.title.empty()) {
    const std::string title = core::collapse_whitespace(hints.title);
    constexpr std::size_t kMinTitleWords = 3;
    if (core::count_words(title) >= kMinTitleWords && !is_un_symbol(title) &&
        !core::starts_with_ascii_ci(title, "Microsoft ") && !title.ends_with(".doc") &&
        !title.ends_with(".docx")) {
      info.title = title;
    }
  }
  // "en-US" -> "en".
  if (info.language.empty() && !hints.language.empty()) {
    const std::string_view tag = core::trim(hints.language);
    const std::string primary = core::ascii_lowercase(tag.substr(0, tag.find_first_of("-_")));
    if (primary.size() >= 2 && primary.size() <= 3 &&
        std::all_of(primary.begin(), primary.end(), core::is_ascii_lower)) {
      info.language = primary;
    }
  }
  // The file's creation date is not used for the document's date: Word keeps it from the
  // template or the first draft, and a reissue gets a new one (CRPD/C/BGD/CO/1 was created on 8
  // December 2022 and is dated 11 October 2022).
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
  take(&merged.original_language, overrides.original_language);
  return merged;
}

}  // namespace treatysearch::ingest

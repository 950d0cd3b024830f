// Finds what a passage cites (references.h): "paragraphs 18 (b) and 32 of the Concluding
// Observations (CERD/C/KAZ/CO/8-10)", "CCPR/C/KAZ/CO/2, §37-38", "(paragraph 25 of the
// Report)", "párrafos 5 a 7", "п. 12", and the follow-up grade a letter gives.
//
// A reference is resolved from the citing document alone: the symbol written beside it, else
// what the document's own first passages name ("the Report" of an NGO commentary is the State
// report it names there; "the Concluding Observations" of a follow-up letter are those its
// opening paragraph names). What the text does not settle keeps what it says
// (Reference::document), never a guessed symbol. Paragraphs of treaties ("article 1, paragraph
// 1, of the Convention") and of resolutions are not references to documents and are skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "passage.h"
#include "references.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

// What a document says, once, about the documents its passages refer to without naming them.
struct ReferenceContext {
  std::string own_symbol;
  // A bare "para. 12" is a paragraph of this document (concluding observations, decisions,
  // reports number their own paragraphs); else (letters, NGO commentaries) it stays unresolved.
  bool bare_labels_are_own = false;
  // A follow-up document (letter, follow-up information): a bare "paragraph 5 (e)" or
  // "recommendation 6 (d)" is one of the concluding observations it follows up.
  bool follows_up = false;
  // The symbol "the concluding observations" stands for: named in the first passages, or, for
  // follow-up information .../FCO/n, the .../CO/n it answers (the UN's symbol rule).
  std::string concluding_observations;
  std::string report;  // the symbol "the Report" stands for
  // The last document symbol the passages before this one cited ("Ibid., para. 17" in a
  // footnote cites it); the caller updates it from passage to passage.
  std::string previous_symbol;
};

// How many leading passages are read for the symbols the document follows up or comments on.
inline constexpr std::size_t kContextPassages = 12;

ReferenceContext reference_context(const DocumentInfo& info, const std::vector<Passage>& passages);

// The references in `text`, in order of appearance: one per cited paragraph (a written range
// gives each paragraph), and one per document symbol mentioned without a paragraph (other than
// the document's own).
std::vector<core::Reference> find_references(std::string_view text,
                                             const ReferenceContext& context);

// UN treaty bodies' concluding observations carry country-code symbols
// (<committee>/C/<ISO3>/CO/<reports>) from this year on; older ones were numbered by session
// (CERD/C/65/CO/3), which no rule derives.
inline constexpr int kFirstCountryCodeYear = 2008;

// What a table column heading says its cells' references cite: "Recommendations of the CERD
// upon the results of the consideration of the fourth and fifth periodic reports (2010)" is
// CERD/C/KAZ/CO/4-5 for a Kazakhstan document (inferred); before kFirstCountryCodeYear, or when
// the committee or State is unknown, no symbol but the words ("concluding observations on the
// initial to third periodic reports (2004)"). Nothing when the heading names no reports.
std::optional<core::Reference> column_reference(std::string_view heading, const DocumentInfo& info);

// The assessment a follow-up letter's passage gives ("The Committee considers the response to
// this recommendation as partially satisfactory" -> "partially satisfactory"; "Assessment: B"
// -> "B"), or empty.
std::string find_grade(std::string_view text);

}  // namespace treatysearch::ingest

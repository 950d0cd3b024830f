// Pinpoint citations, the strings lawyers paste into briefs:
//   CERD/C/KAZ/CO/8-10, para. 18 (b)
//   CERD/110th session/2023/FU/AKB/ks, para. [3]
//   Commentaries of Kazakhstan human rights organisations ... (2022), para. 32, recommendation 1
//   CERD/C/KAZ/CO/8-10, footnote 12
//   Letter-OHCHR-HC-Slovenia.pdf, p. 2, para. [3]
#pragma once

#include <string>
#include <string_view>

#include "passage.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

// The document part of a citation: the symbol if known; else the title followed by the year
// of the date in parentheses ("Title (2022)"; the whole date if it has no leading year; nothing
// if there is no date); else the file name of `doc.source`; else "unidentified document".
std::string cite_document(const DocumentInfo& doc);

// The full citation of one passage: cite_document(doc), then ", para. <label>" for paragraphs,
// sub-paragraphs, recommendations, table entries and unnumbered ("[5]") passages (", p. 2,
// para. [3]" for the label "p. 2, para. [3]" of an unnumbered passage of a paged document), or
// ", <label>" for footnotes (label "footnote 12"; a bare "12" is cited as "footnote 12"). An
// empty label cites the document alone.
std::string build_citation(const DocumentInfo& doc, PassageKind kind, std::string_view label);

}  // namespace treatysearch::ingest

#pragma once

#include "treatysearch/export.h"

namespace treatysearch {

// The library version, "MAJOR.MINOR.PATCH".
TREATYSEARCH_API const char* version();

// The on-disk schema version this build reads and writes. An index written with another version
// is refused with ErrorCode::kVersionMismatch.
// 5: passages capped at 32 KiB (an index of version 4 may hold one giant passage).
// 6: passages record their pages; documents their format and whether OCR read them.
// 7: value slots for grouping and facets (file key, committee, State, type, language);
//    position lists record where sentences start (/s); paragraph label terms XP (para:).
// 8: a term's wdf is its impact (term_impact.h), not its count.
// 9: passages record what they cite (references, XR/XRE terms) and follow-up grades.
// 10: grading passages carry XG (grade) and XH (graded paragraph) terms.
// 11: unnumbered passages of a document with a symbol carry their place (XA terms); documents
//     whose format marks headings are sectioned by those headings.
// 12: the vocabulary (spellings, stems) in metadata keys rather than the synonym table, which
//     Xapian's remote backend does not serve; each shard records its place and a commit number.
// 13: passage records are a value (kRecordSlot), not document data.
// 14: words are posted under their folded form whatever the spelling (E-terms are position-list
//     terms only); the vocabulary's stems name the folded forms as well as the spellings.
inline constexpr int kSchemaVersion = 14;

}  // namespace treatysearch

// Running headers and footers of PDF pages (page furniture): the document symbol repeated at the
// top of every page after the first, UN job numbers ("GE.22-27770(E)"), page numbers, "Please
// recycle", bar codes, and any short line repeated at the same place on most pages. They are
// marked LineRole::kFurniture; the extractor leaves them out of the blocks.
#pragma once

#include <vector>

#include "pdf_layout.h"

namespace treatysearch::ingest::pdf {

void mark_furniture(std::vector<PageLayout>& pages);

// True for a line that is page furniture wherever it stands in a margin: a page number, a job
// number, a bar code, "Please recycle".
bool is_furniture_text(const Line& line);

}  // namespace treatysearch::ingest::pdf

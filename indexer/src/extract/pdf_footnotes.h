// Footnotes at the foot of PDF pages. A page's footnote zone is the run of lines at its foot set
// smaller than the running text, from the first of them that opens with a footnote number (or
// from the short rule above them); a zone that opens without a number continues the last
// footnote of the page before. The zone's lines are marked LineRole::kFootnote and become
// kFootnote blocks, labelled with their number, in the order printed.
#pragma once

#include <vector>

#include "extracted_document.h"
#include "pdf_layout.h"

namespace treatysearch::ingest::pdf {

void mark_footnotes(std::vector<PageLayout>& pages, double body_font);

// The kFootnote blocks of the marked lines, in order.
std::vector<Block> footnote_blocks(const std::vector<PageLayout>& pages);

// A line of underscores or dashes: the short rule Word draws above footnotes when it is text.
bool is_rule_text(std::string_view text);

}  // namespace treatysearch::ingest::pdf

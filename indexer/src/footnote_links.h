// Placing footnotes in the paragraphs that cite them when the file lost the reference marks.
//
// A Word text export drops the in-text footnote reference marks (and a PDF may print them so
// that no superscript is found). What survives is indirect: a line break inside a sentence where
// a mark stood (a "line-break site", reliable but incomplete: a mark after a paragraph's last
// word, in a heading or in a table leaves no break), and the ends of blocks, where a mark may or
// may not have stood ("block-end sites", weak). align_footnotes() aligns the footnotes, in
// order, onto these sites, in order, and keeps only the links that the evidence supports;
// infer_footnote_refs() does so for an extracted document and records the result as the blocks'
// footnote references, which the segmenter then follows as it follows the marks of a DOCX.
//
// Deterministic; never throws other than std::bad_alloc. Words and letter case come from the
// text module (text.h, ICU), so words of every script, caseless or not, are evidence.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extracted_document.h"

namespace treatysearch::ingest {

enum class FootnoteSiteKind {
  kLineBreak,  // a line break inside a sentence: a removed mark stood here
  kBlockEnd,   // the end of a block: a mark may have stood here
};

struct FootnoteSite {
  // Index of the unit of text the mark would belong to: a paragraph as the extractor read it
  // (the blocks between two blank lines), which is what a lawyer cites.
  std::size_t unit = 0;
  std::size_t offset = 0;  // byte offset in that unit's text: the mark followed text[0, offset)
  FootnoteSiteKind kind = FootnoteSiteKind::kLineBreak;
};

inline constexpr std::size_t kNoFootnoteSite = static_cast<std::size_t>(-1);

// Alignments larger than this many footnote x site cells are not attempted: the score table
// takes 4 bytes a cell, so this bounds it at 16 MB (e.g. 2,000 footnotes x 2,000 sites, more
// than any treaty-body document has); see align_footnotes for the fallback.
inline constexpr std::size_t kMaxAlignmentCells = std::size_t{4} * 1000 * 1000;

// For each footnote (in the order of their marks; an empty text for a footnote without a body),
// the index in `sites` of the place its mark stood, or kNoFootnoteSite when the evidence does not
// single out a unit. `sites` must be in document order; `units` holds the texts of the units
// the sites point into and is read for the words around each site.
//
// Order-preserving alignment (dynamic programming, like Needleman-Wunsch): footnote i may take
// site j only if the footnotes before it took sites before j. Line-break sites are expected to
// be used and footnotes to take them; block-end sites are a costly fallback for footnotes whose
// mark left no break; a footnote may also take no site (a mark in a title or a table). Words a
// footnote shares with the text around a site (citation words, law names, document symbols, the
// words of a transliterated URL path) favour the pair. A footnote is linked only when every
// alignment that puts it in another unit, or nowhere, scores clearly worse than the best one
// (and more clearly still when its place is a block end, which only words support); otherwise it
// stays unlinked: a wrong pinpoint costs a lawyer more than a missing one.
//
// Cost O(N x M) time and memory for N footnotes and M sites. Beyond kMaxAlignmentCells cells the
// alignment falls back to the exact rule: the k-th line-break site gets footnote k when the
// numbers of line-break sites and footnotes are equal, and nothing is linked otherwise.
std::vector<std::size_t> align_footnotes(const std::vector<std::string>& footnotes,
                                         const std::vector<FootnoteSite>& sites,
                                         const std::vector<std::string>& units);

// Places the footnotes of `document` (its kFootnote blocks, in order; those without a label get
// their ordinal, "1", "2", ...) by align_footnotes over the units of its body: each run of
// paragraph, heading and list blocks between blank lines (gap_before > 0) or table cells. The
// sites are the line breaks before the blocks that continue a sentence (continues_sentence),
// and the end of every block that ends its unit or is followed by a list item. A footnote whose
// place is settled gets its label added to the footnote_refs of the block its mark followed;
// the others are left unplaced. Never throws other than std::bad_alloc.
void infer_footnote_refs(ExtractedDocument& document);

}  // namespace treatysearch::ingest

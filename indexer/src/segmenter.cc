// Segmentation of treaty-body documents into citable passages.
//
// The segmenter labels the blocks of an extracted document, whatever its format: reading a
// format's artifacts (Word's text export included, text_blocks.h) is the extractors' job.
//
// Pipeline:
//  1. Blocks become lines (cleaned, text_cleanup.h), after their blank lines; table cells and
//     footnote bodies keep their kind.
//  2. The footnote zone is the trailing run of footnote bodies.
//  3. The main paragraph sequence is chosen globally (find_main_sequence): the best chain of
//     "N. " lines whose numbers increase by one, so that quoted law articles, recommendation
//     lists and other nested numbering never become paragraphs.
//  4. With a main sequence of at least kMinNumberedParagraphs, NumberedAssembler walks the lines
//     as a small state machine (body / recommendation block / table); otherwise
//     UnnumberedAssembler labels every blank-line separated block "[n]" (letters, prose).
//  5. Footnotes become "footnote k" passages, linked to the first passage whose blocks cite
//     them (marked by the format, or inferred by the extractor where the file lost its marks:
//     footnote_links.h).
//
// The steps live in files of their own, named in segmenter_parts.h.
#include "segmenter.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter_parts.h"
#include "text_blocks.h"

namespace treatysearch::ingest {

using segmenter_detail::add_footnotes;
using segmenter_detail::assemble_numbered;
using segmenter_detail::assemble_unnumbered;
using segmenter_detail::find_footnote_zone;
using segmenter_detail::find_main_sequence;
using segmenter_detail::label_by_page;
using segmenter_detail::Line;
using segmenter_detail::lines_from_blocks;
using segmenter_detail::link_footnotes;
using segmenter_detail::PassageSink;
using segmenter_detail::split_oversized_passages;

SegmentedText segment(std::string_view text) { return segment(document_from_text(text)); }

SegmentedText segment(const ExtractedDocument& document) {
  SegmentedText result;
  const std::vector<Line> lines = lines_from_blocks(document);
  const std::size_t body_end = find_footnote_zone(lines);
  const std::vector<int> main_numbers = find_main_sequence(lines, body_end);
  result.numbered =
      std::any_of(main_numbers.begin(), main_numbers.end(), [](int number) { return number > 0; });

  PassageSink sink(result.passages, lines);
  if (result.numbered) {
    assemble_numbered(lines, body_end, main_numbers, sink);
  } else {
    assemble_unnumbered(lines, body_end, sink, result);
  }
  if (!result.numbered) label_by_page(result.passages);
  const std::vector<std::size_t> footnotes = add_footnotes(lines, body_end, sink);
  link_footnotes(result.passages, sink, footnotes, result);
  result.footnote_sites = document.removed_mark_sites;
  split_oversized_passages(result.passages, kMaxPassageBytes);
  return result;
}

std::string_view passage_kind_name(PassageKind kind) {
  switch (kind) {
    case PassageKind::kParagraph:
      return "paragraph";
    case PassageKind::kSubParagraph:
      return "sub-paragraph";
    case PassageKind::kRecommendation:
      return "recommendation";
    case PassageKind::kTable:
      return "table";
    case PassageKind::kUnnumbered:
      return "unnumbered";
    case PassageKind::kFootnote:
      return "footnote";
  }
  return "unknown";
}

}  // namespace treatysearch::ingest

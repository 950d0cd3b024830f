// Footnotes: the footnote bodies at the end of a document, one passage per footnote, and the
// links from footnotes to the passages that cite them.
#include "segmenter_parts.h"

#include <string>
#include <vector>

namespace treatysearch::ingest::segmenter_detail {

// ---------------------------------------------------------------------------------------------
// Footnote zone

// Every format places the footnote bodies after the body (extracted_document.h): the zone is
// the trailing run of footnote lines and the blank lines between them.
std::size_t find_footnote_zone(const std::vector<Line>& lines) {
  std::size_t zone = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (lines[i].footnote_led) {
      zone = i;
    } else if (lines[i].has_text()) {
      break;
    }
  }
  return zone;
}

// ---------------------------------------------------------------------------------------------
// Footnotes

std::string footnote_passage_label(std::string_view number) {
  return "footnote " + std::string(number);
}

// Adds one "footnote k" passage per footnote mark: k is the footnote's printed number when the
// format gives it, else k counts every mark in order. A mark with no body keeps its number but
// yields no passage (kNone in the result), so the labels of the later footnotes still match
// the printed numbering and no empty passage reaches the index.
std::vector<std::size_t> add_footnotes(const std::vector<Line>& lines, std::size_t zone_begin,
                                       PassageSink& sink) {
  std::vector<std::size_t> footnotes;
  std::string text, number;
  std::size_t body_line = 0;
  const auto flush = [&] {
    if (footnotes.empty()) return;
    if (!text.empty()) {
      sink.set_line(body_line);
      const std::string label =
          footnote_passage_label(number.empty() ? std::to_string(footnotes.size()) : number);
      footnotes.back() = sink.add(PassageKind::kFootnote, label, text, "", {});
    }
    text.clear();
  };
  for (std::size_t i = zone_begin; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.footnote_led) {
      flush();
      footnotes.push_back(kNone);
      text = line.text;
      number = line.footnote_label;
      body_line = i;
    } else if (line.has_text() && !footnotes.empty()) {
      join_wrapped_text(text, line.text);
    }
  }
  flush();
  return footnotes;
}

// Linking: each passage cites the footnotes marked in its lines, whether the format placed the
// marks (DOCX, PDF superscripts) or the extractor inferred them (footnote_links.h). A mark whose
// footnote has no body, or a footnote marked again after its first citing passage, is left as
// it is: a footnote has one parent, the first passage citing it.
void link_footnotes(std::vector<Passage>& passages, const PassageSink& sink,
                    const std::vector<std::size_t>& footnotes, SegmentedText& result) {
  std::vector<bool> linked(passages.size(), false);
  for (std::size_t index = 0; index < passages.size(); ++index) {
    if (passages[index].kind == PassageKind::kFootnote) continue;
    for (const std::string& ref : sink.footnote_refs(index)) {
      const std::string label = footnote_passage_label(ref);
      for (const std::size_t note : footnotes) {
        if (note == kNone || passages[note].label != label || linked[note]) continue;
        Passage& citing = passages[index];
        citing.footnotes.push_back(label);
        passages[note].parent = citing.label;
        passages[note].section_path = citing.section_path;
        ++result.footnotes_linked;
        linked[note] = true;
        break;
      }
    }
  }
}

}  // namespace treatysearch::ingest::segmenter_detail

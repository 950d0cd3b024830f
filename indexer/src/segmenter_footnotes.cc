// Footnotes: the footnote zone at the end of a document, one passage per footnote, and the
// links from footnotes to the passages that cite them.
#include "segmenter_parts.h"

#include <string>
#include <vector>

namespace treatysearch::ingest::segmenter_detail {

// ---------------------------------------------------------------------------------------------
// Footnote zone

namespace {

bool opens_or_continues_block(const Line& line) { return line.has_text() || line.footnote_led; }

}  // namespace

// The footnote zone is the longest run of trailing blocks (blank-line separated) whose first
// line starts with the footnote mark U+FFFD. Lines inside such a block that do not start with
// the mark continue the footnote above them.
std::size_t find_footnote_zone(const std::vector<Line>& lines) {
  std::size_t zone = lines.size();
  std::size_t end = lines.size();
  while (end > 0) {
    while (end > 0 && !opens_or_continues_block(lines[end - 1])) --end;
    if (end == 0) break;
    std::size_t begin = end;
    while (begin > 0 && opens_or_continues_block(lines[begin - 1])) --begin;
    if (!lines[begin].footnote_led) break;
    zone = begin;
    end = begin;
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
      const std::string label = footnote_passage_label(
          number.empty() ? std::to_string(footnotes.size()) : number);
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

// Linking. The export removed the in-text reference marks; what is left is a line break where
// a mark stood in mid-sentence (is_removed_mark_site). Marks at the end of a paragraph, in a
// heading or in a table leave no trace, so these sites are a subset of the real ones and linking
// the k-th site to footnote k would shift every footnote after a missing site onto the wrong
// passage. align_footnotes (footnote_links.h) aligns the footnotes onto the line-break sites and
// the block ends, and links only the footnotes whose place the evidence settles; the others keep
// an empty parent, because a wrong pinpoint in a lawyer's brief costs more than a missing link.
namespace {

void link(Passage& citing, Passage& note, SegmentedText& result) {
  citing.footnotes.push_back(note.label);
  note.parent = citing.label;
  note.section_path = citing.section_path;
  ++result.footnotes_linked;
}

// The format placed the marks: each passage cites the footnotes marked in its lines. A mark
// whose footnote has no body, or a footnote marked twice after its first citing passage, is
// left as it is (a footnote has one parent: the first passage citing it).
void link_marked_footnotes(std::vector<Passage>& passages, const PassageSink& sink,
                           const std::vector<std::size_t>& footnotes, SegmentedText& result) {
  std::vector<bool> linked(passages.size(), false);
  for (std::size_t index = 0; index < passages.size(); ++index) {
    if (passages[index].kind == PassageKind::kFootnote) continue;
    for (const std::string& ref : sink.footnote_refs(index)) {
      const std::string label = footnote_passage_label(ref);
      for (const std::size_t note : footnotes) {
        if (note == kNone || passages[note].label != label || linked[note]) continue;
        link(passages[index], passages[note], result);
        linked[note] = true;
        break;
      }
    }
  }
}

}  // namespace

void link_footnotes(std::vector<Passage>& passages, const PassageSink& sink,
                    const std::vector<std::size_t>& footnotes, bool refs_known,
                    SegmentedText& result) {
  result.footnote_sites = sink.line_break_sites();
  if (refs_known) {
    link_marked_footnotes(passages, sink, footnotes, result);
    return;
  }
  std::vector<std::string> texts;
  texts.reserve(footnotes.size());
  for (const std::size_t footnote : footnotes) {
    texts.push_back(footnote == kNone ? std::string() : passages[footnote].text);
  }
  const std::vector<FootnoteSite> sites = sink.candidate_sites();
  const std::vector<std::size_t> links = align_footnotes(texts, sites, passages);
  for (std::size_t k = 0; k < footnotes.size(); ++k) {
    if (footnotes[k] == kNone || links[k] == kNoFootnoteSite) continue;
    link(passages[sites[links[k]].passage], passages[footnotes[k]], result);
  }
}

}  // namespace treatysearch::ingest::segmenter_detail

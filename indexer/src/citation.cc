#include "citation.h"

#include <algorithm>
#include <filesystem>

namespace treatysearch::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2023-09-12" -> "2023"; a date that does not start with a year is cited as written.
std::string_view citation_year(std::string_view date) {
  if (date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, is_digit) &&
      (date.size() == 4 || date[4] == '-')) {
    return date.substr(0, 4);
  }
  return date;
}

}  // namespace

std::string cite_document(const DocumentInfo& doc) {
  if (!doc.symbol.empty()) return doc.symbol;
  if (!doc.title.empty()) {
    std::string cited = doc.title;
    if (!doc.date.empty()) {
      cited += " (";
      cited += citation_year(doc.date);
      cited += ')';
    }
    return cited;
  }
  if (!doc.source.empty()) {
    std::string file_name = std::filesystem::path(doc.source).filename().string();
    if (!file_name.empty()) return file_name;
    return doc.source;
  }
  return "unidentified document";
}

std::string build_citation(const DocumentInfo& doc, PassageKind kind, std::string_view label) {
  std::string citation = cite_document(doc);
  if (label.empty()) return citation;
  switch (kind) {
    case PassageKind::kParagraph:
    case PassageKind::kSubParagraph:
    case PassageKind::kRecommendation:
    case PassageKind::kTable:
    case PassageKind::kUnnumbered:
      // A paged document without printed numbers is cited by page: the label already reads
      // "p. 2, para. [3]" (segmenter.h).
      citation += label.starts_with("p. ") ? ", " : ", para. ";
      citation += label;
      break;
    case PassageKind::kFootnote:
      citation += ", ";
      // The segmenter's labels already read "footnote 12"; a bare number would cite as
      // "CERD/C/KAZ/CO/8-10, 12", which reads as a paragraph.
      if (std::all_of(label.begin(), label.end(), is_digit)) citation += "footnote ";
      citation += label;
      break;
  }
  return citation;
}

}  // namespace treatysearch::ingest

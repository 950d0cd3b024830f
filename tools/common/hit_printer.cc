#include "hit_printer.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "cli_common.h"

namespace treatysearch::cli {

namespace {

using Json = nlohmann::ordered_json;

Json string_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// Code point index of every byte offset we report (JSON consumers count characters, not bytes).
std::size_t code_points_before(const std::string& s, std::size_t byte_offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte_offset && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++count;
  return count;
}

Json document_json(const DocumentInfo& d) {
  return Json{{"source", string_or_null(d.source)},
              {"symbol", string_or_null(d.symbol)},
              {"title", string_or_null(d.title)},
              {"type", string_or_null(d.type)},
              {"committee", string_or_null(d.committee)},
              {"state", string_or_null(d.state)},
              {"session", string_or_null(d.session)},
              {"date", string_or_null(d.date)},
              {"language", string_or_null(d.language)},
              {"format", string_or_null(d.format)},
              {"original_language", string_or_null(d.original_language)},
              {"ocr", d.ocr}};
}

// Every page the passage is on; empty when the document has no pages.
Json pages_json(const Hit& hit) {
  Json pages = Json::array();
  if (hit.first_page > 0)
    for (int page = hit.first_page; page <= hit.last_page; ++page) pages.push_back(page);
  return pages;
}

// Each piece between highlights is made printable on its own, so that the highlight offsets
// (into the raw text) stay right and the only escape sequences written are our own.
void print_snippet(const Snippet& snippet, const TextStyle& style, std::ostream& out) {
  const std::string_view text = snippet.text;
  std::size_t at = 0;
  for (const auto& span : snippet.highlights) {
    out << printable(text.substr(at, span.begin - at));
    if (style.bold) out << "\033[1m";
    out << printable(text.substr(span.begin, span.end - span.begin));
    if (style.bold) out << "\033[0m";
    at = span.end;
  }
  out << printable(text.substr(at));
}

// Headings in UN documents can run to several lines in capitals; on screen each level of the
// section path is cut to about kMaxHeadingChars characters at a word boundary (JSON keeps all).
constexpr std::size_t kMaxHeadingChars = 70;

std::string short_section(const std::string& section) {
  std::string out;
  std::size_t start = 0;
  while (start <= section.size()) {
    std::size_t end = section.find(" > ", start);
    if (end == std::string::npos) end = section.size();
    std::string heading = section.substr(start, end - start);
    if (code_points_before(heading, heading.size()) > kMaxHeadingChars) {
      std::size_t cut = 0, chars = 0;
      for (std::size_t i = 0; i < heading.size() && chars < kMaxHeadingChars; ++i)
        if ((static_cast<unsigned char>(heading[i]) & 0xC0) != 0x80) ++chars, cut = i;
      const std::size_t space = heading.rfind(' ', cut);
      heading = heading.substr(0, space == std::string::npos || space == 0 ? cut : space) +
                "\xE2\x80\xA6";
    }
    out += (out.empty() ? "" : " > ") + heading;
    start = end + 3;
  }
  return out;
}

// " (p. 5)", " (pp. 5-6)" after a citation that does not already name its page.
std::string page_note(const Hit& hit) {
  if (hit.first_page <= 0 || hit.paragraph.starts_with("p. ")) return {};
  if (hit.last_page > hit.first_page)
    return " (pp. " + std::to_string(hit.first_page) + "-" + std::to_string(hit.last_page) + ")";
  return " (p. " + std::to_string(hit.first_page) + ")";
}

// What later documents say of the passage, and what it cites, one short line each.
void print_links(const Hit& hit, const std::string& body, std::ostream& out) {
  for (const FollowUpGrade& grade : hit.grades)
    out << body << "Assessed \"" << printable(grade.grade) << "\" by " << printable(grade.citation)
        << (grade.date.empty() ? "" : " (" + printable(grade.date) + ")") << '\n';
  if (hit.cited_by > 0)
    out << body << "Cited by " << hit.cited_by << (hit.cited_by == 1 ? " passage" : " passages")
        << '\n';
  std::string cites;
  for (const CitedReference& cited : hit.cites) {
    if (cited.paragraph.empty()) continue;  // documents named in passing
    cites += (cites.empty() ? "" : "; ") + cited.citation;
    if (!cited.grade.empty()) cites += " (" + cited.grade + ")";
  }
  if (!cites.empty()) out << body << "Cites " << printable(cites) << '\n';
  for (const ParallelPassage& other : hit.parallel)
    out << body << '[' << printable(other.language) << "] " << printable(other.citation) << '\n';
}

void print_hit(const Hit& hit, const TextStyle& style, const std::string& indent,
               std::ostream& out) {
  out << indent << hit.rank << ". " << printable(hit.citation) << page_note(hit) << '\n';
  const std::string body(indent.size() + 3, ' ');
  if (!hit.section.empty()) out << body << printable(short_section(hit.section)) << '\n';
  print_links(hit, body, out);
  out << body;
  print_snippet(hit.snippet, style, out);
  out << "\n\n";
}

// A document's headline in grouped results: its symbol or title, State and date.
std::string document_line(const DocumentInfo& d) {
  std::string line = d.symbol.empty() ? (d.title.empty() ? d.source : d.title) : d.symbol;
  if (!d.state.empty()) line += " \xE2\x80\x94 " + d.state;
  if (!d.date.empty()) line += " (" + d.date + ")";
  return line;
}

// A facet as one line: "committee: CERD 12, CRPD 3" (the first kMaxFacetValuesShown values).
constexpr std::size_t kMaxFacetValuesShown = 8;

void print_facet(const char* name, const std::vector<FacetCount>& counts, std::ostream& out) {
  if (counts.empty()) return;
  out << "  " << name << ':';
  for (std::size_t i = 0; i < counts.size() && i < kMaxFacetValuesShown; ++i)
    out << (i == 0 ? " " : ", ") << printable(counts[i].value) << ' ' << counts[i].count;
  if (counts.size() > kMaxFacetValuesShown)
    out << ", \xE2\x80\xA6 (" << counts.size() - kMaxFacetValuesShown << " more)";
  out << '\n';
}

}  // namespace

void print_text(const SearchResult& result, const TextStyle& style, std::ostream& out) {
  if (!result.suggestion.empty()) out << "Did you mean: " << printable(result.suggestion) << "\n\n";
  for (const Hit& hit : result.hits) print_hit(hit, style, "", out);
  for (const DocumentGroup& group : result.groups) {
    out << group.rank << ". " << printable(document_line(group.document)) << " \xE2\x80\x94 "
        << group.hit_count << (group.hit_count == 1 ? " passage" : " passages") << '\n';
    for (const Hit& hit : group.passages) print_hit(hit, style, "   ", out);
  }
  if (result.facets) {
    out << "Facets (all " << result.total << " matching):\n";
    print_facet("committee", result.facets->committee, out);
    print_facet("state", result.facets->state, out);
    print_facet("type", result.facets->type, out);
    print_facet("year", result.facets->year, out);
    print_facet("language", result.facets->language, out);
    out << '\n';
  }
  if (!result.groups.empty()) {
    out << "Documents " << result.groups.front().rank << "-" << result.groups.back().rank << " of "
        << result.total << ".\n";
  } else if (result.hits.empty()) {
    out << "No passages match.\n";
  } else {
    out << "Passages " << result.hits.front().rank << "-" << result.hits.back().rank << " of about "
        << result.total << ".\n";
  }
}

void print_history_text(const History& history, const TextStyle& style, std::ostream& out) {
  out << "History of " << printable(history.citation) << "\n\n";
  for (const HistoryEntry& entry : history.entries) {
    const Hit& hit = entry.passage;
    out << (hit.document.date.empty() ? "undated" : printable(hit.document.date)) << "  "
        << entry.relation << "  " << printable(hit.citation) << page_note(hit) << '\n';
    const std::string body(3, ' ');
    print_links(hit, body, out);
    out << body;
    print_snippet(hit.snippet, style, out);
    out << "\n\n";
  }
  if (history.entries.empty()) out << "Nothing indexed is about it.\n";
}

void print_passage_text(const PassageInContext& shown, std::ostream& out) {
  const Hit& hit = shown.passage;
  const DocumentInfo& d = hit.document;
  out << printable(hit.citation) << page_note(hit) << '\n';
  out << printable(document_line(d)) << '\n';
  if (!hit.section.empty()) out << printable(hit.section) << '\n';
  out << '\n';
  const auto print_neighbour = [&out](const Hit& neighbour) {
    out << "   [" << printable(neighbour.paragraph) << "] " << printable(neighbour.text) << "\n\n";
  };
  for (const Hit& neighbour : shown.before) print_neighbour(neighbour);
  out << "\xE2\x96\xB6 [" << printable(hit.paragraph) << "] " << printable(hit.text) << "\n\n";
  for (const ParallelPassage& other : hit.parallel)
    out << "   [" << printable(other.language) << "] " << printable(other.citation) << '\n';
  if (!hit.parallel.empty()) out << '\n';
  for (const Hit& neighbour : shown.after) print_neighbour(neighbour);
}

namespace {

Json cites_json(const Hit& hit) {
  Json cites = Json::array();
  for (const CitedReference& cited : hit.cites)
    cites.push_back(Json{{"citation", cited.citation},
                         {"symbol", string_or_null(cited.symbol)},
                         {"paragraph", string_or_null(cited.paragraph)},
                         {"grade", string_or_null(cited.grade)},
                         {"inferred", cited.inferred}});
  return cites;
}

Json grades_json(const Hit& hit) {
  Json grades = Json::array();
  for (const FollowUpGrade& grade : hit.grades)
    grades.push_back(Json{{"grade", grade.grade},
                          {"citation", grade.citation},
                          {"date", string_or_null(grade.date)}});
  return grades;
}

Json parallel_json(const Hit& hit) {
  Json parallel = Json::array();
  for (const ParallelPassage& other : hit.parallel)
    parallel.push_back(Json{{"language", other.language},
                            {"citation", other.citation},
                            {"id", other.id},
                            {"text", other.text}});
  return parallel;
}

Json hit_json(const Hit& hit) {
  Json highlights = Json::array();
  for (const auto& span : hit.snippet.highlights)
    highlights.push_back({code_points_before(hit.snippet.text, span.begin),
                          code_points_before(hit.snippet.text, span.end)});
  return Json{{"rank", hit.rank},
              {"score", hit.score},
              {"id", hit.id},
              {"citation", hit.citation},
              {"paragraph", hit.paragraph},
              {"section", string_or_null(hit.section)},
              {"language", string_or_null(hit.language)},
              {"pages", pages_json(hit)},
              {"text", hit.text},
              {"snippet", hit.snippet.text},
              {"highlights", highlights},
              {"document", document_json(hit.document)},
              {"cites", cites_json(hit)},
              {"cited_by", hit.cited_by},
              {"grades", grades_json(hit)},
              {"parallel", parallel_json(hit)}};
}

Json facet_json(const std::vector<FacetCount>& counts) {
  Json field = Json::object();
  for (const FacetCount& count : counts) field[count.value] = count.count;
  return field;
}

// The JSON writer escapes C0 controls but writes DEL and the C1 controls (CSI among them) as
// they are: valid JSON, yet acted on by a terminal showing it. Those bytes occur in strings
// only, so \u escapes for them keep the JSON valid and its strings exact.
void write_json(const Json& doc, std::ostream& out) {
  out << escape_controls(doc.dump(2, ' ', false, Json::error_handler_t::replace),
                         EscapeStyle::kJson)
      << '\n';
}

}  // namespace

void print_json(const SearchResult& result, std::ostream& out) {
  Json hits = Json::array();
  for (const Hit& hit : result.hits) hits.push_back(hit_json(hit));
  Json doc{{"query", result.query}, {"total", result.total}, {"hits", hits}};
  if (!result.groups.empty() || result.hits.empty()) {
    Json groups = Json::array();
    for (const DocumentGroup& group : result.groups) {
      Json passages = Json::array();
      for (const Hit& hit : group.passages) passages.push_back(hit_json(hit));
      groups.push_back(Json{{"rank", group.rank},
                            {"file_id", group.file_id},
                            {"hit_count", group.hit_count},
                            {"document", document_json(group.document)},
                            {"passages", passages}});
    }
    doc["groups"] = groups;
  }
  if (result.facets) {
    const Facets& f = *result.facets;
    doc["facets"] = Json{{"committee", facet_json(f.committee)},
                         {"state", facet_json(f.state)},
                         {"type", facet_json(f.type)},
                         {"year", facet_json(f.year)},
                         {"language", facet_json(f.language)}};
  }
  doc["suggestion"] = string_or_null(result.suggestion);
  doc["warnings"] = result.warnings;
  write_json(doc, out);
}

void print_history_json(const History& history, std::ostream& out) {
  Json entries = Json::array();
  for (const HistoryEntry& entry : history.entries)
    entries.push_back(Json{{"relation", entry.relation}, {"passage", hit_json(entry.passage)}});
  write_json(Json{{"citation", history.citation}, {"history", entries}}, out);
}

void print_passage_json(const PassageInContext& shown, std::ostream& out) {
  Json before = Json::array(), after = Json::array();
  for (const Hit& hit : shown.before) before.push_back(hit_json(hit));
  for (const Hit& hit : shown.after) after.push_back(hit_json(hit));
  write_json(Json{{"passage", hit_json(shown.passage)}, {"before", before}, {"after", after}}, out);
}

}  // namespace treatysearch::cli

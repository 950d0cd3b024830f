#include "export_writers.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace treatysearch::cli {

namespace {

constexpr const char* kLineEnd = "\r\n";  // RFC 4180 and the RIS specification both ask for CRLF

// ---------------------------------------------------------------------------------------------
// CSV

// A value a spreadsheet would evaluate: "=1+1", "+CMD", "@SUM", "-2+3"; not a bullet "- text".
bool looks_like_formula(std::string_view value) {
  if (value.empty()) return false;
  const char first = value.front();
  if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') return true;
  return first == '-' && value.size() > 1 && value[1] != ' ';
}

std::string csv_field(std::string_view value) {
  std::string field;
  if (looks_like_formula(value)) field += '\'';
  field.append(value);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void write_row(const std::vector<std::string>& fields, std::ostream& out) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_field(fields[i]);
  }
  out << kLineEnd;
}

// "5", "5-6", or "" without pages.
std::string pages_text(const Hit& hit) {
  if (hit.first_page <= 0) return {};
  if (hit.last_page > hit.first_page)
    return std::to_string(hit.first_page) + "-" + std::to_string(hit.last_page);
  return std::to_string(hit.first_page);
}

// ---------------------------------------------------------------------------------------------
// RIS

// A RIS value is one line: CR, LF and other line breaks become spaces.
std::string one_line(std::string_view value) {
  std::string line;
  line.reserve(value.size());
  for (const char c : value) line += (c == '\r' || c == '\n') ? ' ' : c;
  return line;
}

void tag(std::ostream& out, const char* name, std::string_view value) {
  if (value.empty()) return;
  out << name << "  - " << one_line(value) << kLineEnd;
}

// "2023-09-12" -> "2023/09/12/", "2022-04" -> "2022/04//", "2022" -> "2022///" (RIS DA).
std::string ris_date(const std::string& iso) {
  std::string parts[3];
  std::size_t part = 0;
  for (const char c : iso) {
    if (c == '-') {
      if (++part == 3) break;
    } else {
      parts[part] += c;
    }
  }
  return parts[0] + "/" + parts[1] + "/" + parts[2] + "/";
}

// The passages of a result: its hits, or the passages of each document when grouped.
std::vector<const Hit*> passages_of(const SearchResult& result) {
  std::vector<const Hit*> passages;
  for (const Hit& hit : result.hits) passages.push_back(&hit);
  for (const DocumentGroup& group : result.groups)
    for (const Hit& hit : group.passages) passages.push_back(&hit);
  return passages;
}

}  // namespace

std::string committee_name(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kNames = {{
      {"CERD", "Committee on the Elimination of Racial Discrimination"},
      {"CCPR", "Human Rights Committee"},
      {"CESCR", "Committee on Economic, Social and Cultural Rights"},
      {"CEDAW", "Committee on the Elimination of Discrimination against Women"},
      {"CRC", "Committee on the Rights of the Child"},
      {"CAT", "Committee against Torture"},
      {"CRPD", "Committee on the Rights of Persons with Disabilities"},
      {"CMW", "Committee on Migrant Workers"},
      {"CED", "Committee on Enforced Disappearances"},
  }};
  for (const auto& [known, name] : kNames)
    if (known == code) return std::string(name);
  return std::string(code);
}

void print_csv(const SearchResult& result, std::ostream& out) {
  write_row({"rank", "score", "citation", "paragraph", "pages", "section", "symbol", "title",
             "type", "committee", "state", "session", "date", "language", "source", "text"},
            out);
  for (const Hit* passage : passages_of(result)) {
    const Hit& hit = *passage;
    const DocumentInfo& d = hit.document;
    write_row({std::to_string(hit.rank), std::to_string(hit.score), hit.citation, hit.paragraph,
               pages_text(hit), hit.section, d.symbol, d.title, d.type, d.committee, d.state,
               d.session, d.date, hit.language, d.source, hit.text},
              out);
  }
}

void print_ris(const SearchResult& result, std::ostream& out) {
  for (const Hit* passage : passages_of(result)) {
    const Hit& hit = *passage;
    const DocumentInfo& d = hit.document;
    tag(out, "TY", "GOVDOC");
    tag(out, "TI", d.title.empty() ? (d.symbol.empty() ? hit.citation : d.symbol) : d.title);
    tag(out, "AU", committee_name(d.committee));
    if (d.date.size() >= 4) {
      tag(out, "PY", d.date.substr(0, 4));
      tag(out, "DA", ris_date(d.date));
    }
    tag(out, "PB", "United Nations");
    tag(out, "M1", d.symbol);
    tag(out, "CN", d.symbol);
    if (hit.first_page > 0) {
      tag(out, "SP", std::to_string(hit.first_page));
      tag(out, "EP", std::to_string(std::max(hit.first_page, hit.last_page)));
    }
    tag(out, "N1", "Pinpoint citation: " + hit.citation);
    tag(out, "AB", hit.text);
    tag(out, "LA", hit.language);
    tag(out, "KW", d.committee);
    tag(out, "KW", d.state);
    tag(out, "KW", d.type);
    tag(out, "UR", d.source.find("://") != std::string::npos ? d.source : std::string());
    out << "ER  - " << kLineEnd;
  }
}

}  // namespace treatysearch::cli

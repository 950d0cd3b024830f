// CSV and RIS exports: the CSV is read back by an RFC 4180 reader written here, independently
// of the writer, and gives every field exactly; the RIS is checked tag by tag.
#include "export_writers.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace treatysearch::cli {
namespace {

// An RFC 4180 reader: records end at CRLF (or LF) outside quotes; a quoted field may hold
// commas, quotes (doubled) and line breaks.
std::vector<std::vector<std::string>> read_csv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && row.empty()) << "last record without a line end";
  return rows;
}

SearchResult sample() {
  Hit hit;
  hit.rank = 1;
  hit.score = 12.5;
  hit.citation = "CERD/C/KAZ/CO/8-10, para. 18 (b)";
  hit.paragraph = "18 (b)";
  hit.section = "C. Concerns and recommendations > Hate speech";
  hit.language = "en";
  hit.first_page = 4;
  hit.last_page = 5;
  hit.text = "The Committee, \"recalling\" its general recommendation No. 35,\nurges:";
  hit.document.symbol = "CERD/C/KAZ/CO/8-10";
  hit.document.title = "Concluding observations on the combined eighth to tenth reports";
  hit.document.committee = "CERD";
  hit.document.state = "Kazakhstan";
  hit.document.type = "concluding-observations";
  hit.document.date = "2022-04-29";
  hit.document.session = "106";
  hit.document.source = "/docs/kaz.pdf";
  Hit second = hit;
  second.rank = 2;
  second.citation = "NGO commentary (2022), para. 116";
  second.paragraph = "116";
  second.first_page = second.last_page = 0;
  second.text = "=HYPERLINK(\"http://x\") - calls for violence, -2+3";
  second.document = DocumentInfo{};
  second.document.title = "Commentaries, Kazakhstan";
  second.document.date = "2022";
  SearchResult result;
  result.hits = {hit, second};
  return result;
}

TEST(CsvExport, ReadsBackFieldByField) {
  std::ostringstream out;
  print_csv(sample(), out);
  const auto rows = read_csv(out.str());
  ASSERT_EQ(rows.size(), 3U);
  const std::vector<std::string> header = {
      "rank", "score",     "citation", "paragraph", "pages", "section",  "symbol", "title",
      "type", "committee", "state",    "session",   "date",  "language", "source", "text"};
  EXPECT_EQ(rows[0], header);
  for (const auto& row : rows) ASSERT_EQ(row.size(), header.size());
  EXPECT_EQ(rows[1][2], "CERD/C/KAZ/CO/8-10, para. 18 (b)");
  EXPECT_EQ(rows[1][3], "18 (b)");
  EXPECT_EQ(rows[1][4], "4-5");
  EXPECT_EQ(rows[1][5], "C. Concerns and recommendations > Hate speech");
  EXPECT_EQ(rows[1][10], "Kazakhstan");
  EXPECT_EQ(rows[1][12], "2022-04-29");
  // Quotes, commas and the line break inside the text survive.
  EXPECT_EQ(rows[1][15], sample().hits[0].text);
  EXPECT_EQ(rows[2][0], "2");
  EXPECT_EQ(rows[2][4], "");
  EXPECT_EQ(rows[2][6], "");
}

TEST(CsvExport, FormulasAreDefusedButBulletsKept) {
  SearchResult result = sample();
  result.hits.resize(1);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"=SUM(A1)", "'=SUM(A1)"},    {"+1", "'+1"},     {"@cmd", "'@cmd"}, {"-2+3", "'-2+3"},
      {"- a bullet", "- a bullet"}, {"plain", "plain"}};
  for (const auto& [text, expected] : cases) {
    result.hits[0].text = text;
    std::ostringstream out;
    print_csv(result, out);
    const auto rows = read_csv(out.str());
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[1].back(), expected) << text;
  }
}

// The value of every line with `tag` in one RIS record, in order.
std::vector<std::string> values(const std::string& record, const std::string& tag) {
  std::vector<std::string> found;
  std::istringstream in(record);
  std::string line;
  while (std::getline(in, line)) {
    EXPECT_TRUE(!line.empty() && line.back() == '\r') << "RIS lines end with CRLF: " << line;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind(tag + "  - ", 0) == 0) found.push_back(line.substr(tag.size() + 4));
  }
  return found;
}

TEST(RisExport, EveryFieldOfARecord) {
  std::ostringstream out;
  print_ris(sample(), out);
  const std::string ris = out.str();
  const std::size_t end = ris.find("ER  - \r\n");
  ASSERT_NE(end, std::string::npos);
  const std::string first = ris.substr(0, end + 8);
  EXPECT_EQ(first.rfind("TY  - GOVDOC\r\n", 0), 0U) << "a record starts with TY";
  using V = std::vector<std::string>;
  EXPECT_EQ(values(first, "TI"),
            V{"Concluding observations on the combined eighth to tenth reports"});
  EXPECT_EQ(values(first, "AU"), V{"Committee on the Elimination of Racial Discrimination"});
  EXPECT_EQ(values(first, "PY"), V{"2022"});
  EXPECT_EQ(values(first, "DA"), V{"2022/04/29/"});
  EXPECT_EQ(values(first, "M1"), V{"CERD/C/KAZ/CO/8-10"});
  EXPECT_EQ(values(first, "SP"), V{"4"});
  EXPECT_EQ(values(first, "EP"), V{"5"});
  EXPECT_EQ(values(first, "N1"), V{"Pinpoint citation: CERD/C/KAZ/CO/8-10, para. 18 (b)"});
  // The abstract is the passage on one line.
  EXPECT_EQ(values(first, "AB"),
            V{"The Committee, \"recalling\" its general recommendation No. 35, urges:"});
  EXPECT_EQ(values(first, "KW"), (V{"CERD", "Kazakhstan", "concluding-observations"}));
  EXPECT_TRUE(values(first, "UR").empty()) << "a local path is no URL";

  const std::string second = ris.substr(end + 8);
  EXPECT_EQ(values(second, "TI"), V{"Commentaries, Kazakhstan"});
  EXPECT_EQ(values(second, "DA"), V{"2022///"});
  EXPECT_TRUE(values(second, "SP").empty());
  EXPECT_EQ(values(second, "N1"), V{"Pinpoint citation: NGO commentary (2022), para. 116"});
  EXPECT_EQ(second.substr(second.size() - 8), "ER  - \r\n");
}

}  // namespace
}  // namespace treatysearch::cli

// HTML: visible block text only, headings with levels, lists and tables, entities, the charset,
// the depth limit at N and N + 1, and the UDHR pages of the shared corpus when present.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "extract_test_files.h"
#include "extractors.h"
#include "html_prescan.h"
#include "text.h"

namespace treatysearch::ingest {
namespace {

using test::fixture;

ExtractedDocument extract(const std::string& bytes, const ExtractLimits& limits = {}) {
  ExtractedDocument document;
  std::string error;
  EXPECT_TRUE(extract_html(bytes, limits, &document, &error)) << error;
  return document;
}

std::string html_failure(const std::string& bytes, const ExtractLimits& limits = {}) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(extract_html(bytes, limits, &document, &error));
  EXPECT_EQ(error.find('\n'), std::string::npos);
  return error;
}

struct Expected {
  BlockKind kind;
  std::string text;
  std::string label = "";
  int heading_level = 0;
  bool row_start = false;
  int gap_before = 1;
};

TEST(HtmlExtract, VisibleBlocksOnly) {
  const ExtractedDocument document = extract(fixture("html/structure.html"));
  using K = BlockKind;
  const std::vector<Expected> expected = {
      {K::kHeading, "Observations finales", "", 1},
      {K::kHeading, "A. Introduction", "", 2},
      // Entities decoded by gumbo (&nbsp; stays a no-break space for the segmenter to clean).
      {K::kParagraph,
       "1. Le Comit\u00e9 a examin\u00e9 le rapport & les r\u00e9ponses\u00a0\u00e9crites "
       "\u00e9crites \u2014 fin."},
      {K::kParagraph, "Une ligne coup\u00e9e en deux."},  // <br> as a space
      {K::kParagraph, "Texte directement dans un div"},
      {K::kParagraph, "Un paragraphe dans le div."},
      {K::kParagraph, "suite du div."},
      {K::kParagraph, "Une citation."},
      {K::kHeading, "Recommandations", "", 3},
      {K::kListItem, "1. Premier point ;", "1."},
      {K::kListItem, "2. Deuxi\u00e8me point,", "2."},
      {K::kParagraph, "en deux paragraphes.", "", 0, false, 0},
      {K::kListItem, "5. Cinqui\u00e8me.", "5."},
      {K::kListItem, "9. Neuvi\u00e8me.", "9."},
      {K::kListItem, "\u2022 Une puce.", "\u2022"},
      {K::kListItem, "a. Lettre.", "a."},  // <ol type="a">
      {K::kListItem, "b. Lettre.", "b."},
      {K::kListItem, "IV. Romain.", "IV."},  // <ol type="I" start="4">
      {K::kTableCell, "Recommandation", "", 0, true, 1},
      {K::kTableCell, "Position", "", 0, false, 0},
      {K::kTableCell, "115.1 Ratifier", "", 0, true, 1},
      {K::kTableCell, "Accept\u00e9e", "", 0, false, 0},
      {K::kParagraph, "Apr\u00e8s le tableau.", "", 0, false, 2},
      {K::kHeading, "Titre", "", 4},
      {K::kHeading, "Cinq", "", 5},
      {K::kHeading, "Six", "", 6},
  };
  ASSERT_EQ(document.blocks.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Block& block = document.blocks[i];
    SCOPED_TRACE("block " + std::to_string(i) + ": " + block.text);
    EXPECT_EQ(block.kind, expected[i].kind);
    EXPECT_EQ(block.text, expected[i].text);
    EXPECT_EQ(block.label, expected[i].label);
    EXPECT_EQ(block.heading_level, expected[i].heading_level);
    EXPECT_EQ(block.row_start, expected[i].row_start);
    EXPECT_EQ(block.gap_before, expected[i].gap_before);
  }
  EXPECT_EQ(document.format, "HTML");
  EXPECT_EQ(document.encoding, "UTF-8");
  EXPECT_EQ(document.hints.title, "Observations finales sur le rapport");
  EXPECT_EQ(document.hints.language, "fr-CH");
  // Script, style, noscript, template and SVG text never appear.
  for (const Block& block : document.blocks) {
    for (const char* hidden : {"secret", "color", "JavaScript", "Template", "SVG"}) {
      EXPECT_EQ(block.text.find(hidden), std::string::npos) << block.text;
    }
  }
}

TEST(HtmlExtract, DeclaredCharsetWhenTheBytesAreNotUtf8) {
  const ExtractedDocument document = extract(fixture("html/windows-1252.html"));
  EXPECT_EQ(document.encoding, "windows-1252");
  EXPECT_EQ(document.hints.title, "R\u00e9sum\u00e9");
  ASSERT_EQ(document.blocks.size(), 1u);
  EXPECT_EQ(document.blocks[0].text, "Le Comit\u00e9 \u201cnote\u201d avec pr\u00e9occupation.");
}

TEST(HtmlExtract, Utf16WithByteOrderMark) {
  const std::string text = "<p>\u00e9t\u00e9</p>";
  std::string utf16 = "\xFF\xFE";
  std::size_t offset = 0;
  while (offset < text.size()) {
    const char32_t cp = core::decode_utf8(text, &offset);
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
  }
  const ExtractedDocument document = extract(utf16);
  ASSERT_EQ(document.blocks.size(), 1u);
  EXPECT_EQ(document.blocks[0].text, "\u00e9t\u00e9");
  EXPECT_EQ(document.encoding, "UTF-16LE");
}

TEST(HtmlExtract, NotUtf8AndNoCharsetFails) {
  EXPECT_EQ(html_failure("<p>caf\xe9</p>"),
            "HTML is not valid UTF-8 (at byte 6) and declares no charset in a <meta> tag");
  EXPECT_EQ(html_failure("<meta charset=\"x-no-such-charset\"><p>caf\xe9</p>")
                .rfind("HTML declares the charset 'x-no-such-charset', which cannot be read", 0),
            0u);
}

TEST(HtmlExtract, NoVisibleTextFails) {
  EXPECT_EQ(
      html_failure("<html><head><title>Only a title</title><script>x()</script></head></html>"),
      "no visible text in the HTML");
}

std::string nested_divs(std::size_t depth) {
  std::string html = "<!DOCTYPE html><html><body>";  // html and body: depth 2
  for (std::size_t i = 2; i < depth; ++i) html += "<div>";
  html += "deep";
  for (std::size_t i = 2; i < depth; ++i) html += "</div>";
  return html + "</body></html>";
}

TEST(HtmlExtract, DepthLimitAtNAndNPlusOne) {
  ExtractLimits limits;
  limits.max_xml_depth = 40;
  const ExtractedDocument document = extract(nested_divs(40), limits);
  ASSERT_EQ(document.blocks.size(), 1u);
  EXPECT_EQ(document.blocks[0].text, "deep");
  EXPECT_EQ(html_failure(nested_divs(41), limits),
            "HTML nests elements deeper than the limit of 40");
}

TEST(HtmlExtract, HostileNestingFailsFast) {
  // A million unclosed <div>s: gumbo's scope checks would take a million squared steps; the
  // estimate refuses the file before gumbo sees it.
  std::string html;
  for (int i = 0; i < 1'000'000; ++i) html += "<div>";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(html_failure(html), "HTML nests elements deeper than the limit of 10000");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

std::size_t depth(std::string_view html, std::size_t limit = 100) {
  return estimate_html_nesting(html, limit, kMaxHtmlNestingWork).depth;
}

TEST(HtmlPrescan, DepthEstimateFollowsHowHtmlCloses) {
  // Void elements, self-closing tags, siblings closing each other, comments and script text.
  EXPECT_EQ(depth("<p>a<p>b<p>c"), 1u);
  EXPECT_EQ(depth("<ul><li>a<li>b</ul>"), 2u);
  EXPECT_EQ(depth("<div><br><img src=x><hr/></div>"), 1u);
  EXPECT_EQ(depth("<div><!-- <div><div> --></div>"), 1u);
  EXPECT_EQ(depth("<script>if (a<b) { '<div><div>' }</script><p>"), 1u);
  EXPECT_EQ(depth("<div title='a>b'><span>x</span></div>"), 2u);
  EXPECT_EQ(depth("<a><a><a><a>", 2), 3u);  // stops past the limit
}

TEST(HtmlPrescan, NestingWorkAtNAndNPlusOne) {
  // Start tags read with 0, 1, 2 elements open, then 3 siblings at depth 3: 0+1+2+3+3+3 = 12.
  const std::string html = "<div><div><div><p>a</p><p>b</p><p>c</p></div></div></div>";
  EXPECT_EQ(estimate_html_nesting(html, 100, 1000).work, 12u);
  EXPECT_EQ(estimate_html_nesting(html, 100, 12).work, 12u);  // at the limit: read through
  EXPECT_EQ(estimate_html_nesting(html, 100, 11).work, 12u);  // stops where it passes 11
  EXPECT_EQ(estimate_html_nesting(html, 100, 8).work, 9u);
}

TEST(HtmlExtract, ManyTagsInsideDeepNestingAreRefusedBeforeGumbo) {
  // Within the depth limit, but 200,000 paragraphs inside 9,000 open <div>s would cost gumbo
  // seconds of scope checks: 1.8e9 steps of work.
  std::string html;
  for (int i = 0; i < 9'000; ++i) html += "<div>";
  for (int i = 0; i < 200'000; ++i) html += "<p>x";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(html_failure(html),
            "HTML nests too many elements too deeply to parse in reasonable time (over 100000000 "
            "open elements summed over its tags)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(HtmlPrescan, DeclaredCharset) {
  EXPECT_EQ(declared_html_charset("<meta charset=\"windows-1251\">"), "windows-1251");
  EXPECT_EQ(declared_html_charset("<META HTTP-EQUIV='Content-Type' "
                                  "CONTENT='text/html; charset=ISO-8859-1'>"),
            "ISO-8859-1");
  EXPECT_EQ(declared_html_charset("<meta name=\"x\"><p>charset=koi8-r</p>"), "");
  EXPECT_EQ(declared_html_charset(std::string(2000, ' ') + "<meta charset=utf-8>"), "");
}

// The UDHR pages of the shared corpus against the text fixture made from them
// (tests/fixtures/udhr/udhr-en.txt: "N. text" per article).
TEST(HtmlShared, UdhrArticlesMatchTheTextFixture) {
  const auto html = test::read_bytes(test::shared_corpus("udhr-6-un-languages/eng.html"));
  if (!html) GTEST_SKIP() << "../shared/corpus is not present";
  const ExtractedDocument document = extract(*html);
  EXPECT_EQ(document.hints.language, "en");
  // Article texts: the blocks after each "Article N" heading, labels of list items dropped.
  std::vector<std::string> articles;
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kHeading) {
      if (block.text.rfind("Article ", 0) == 0) articles.emplace_back();
      continue;
    }
    if (articles.empty()) continue;
    std::string_view text = block.text;
    if (!block.label.empty()) text.remove_prefix(block.label.size() + 1);
    if (!articles.back().empty()) articles.back() += ' ';
    articles.back() += text;
  }
  ASSERT_EQ(articles.size(), 30u);
  const std::string udhr = fixture("udhr/udhr-en.txt");
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const std::string line = std::to_string(i + 1) + ". " + articles[i];
    EXPECT_NE(udhr.find(line), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace treatysearch::ingest

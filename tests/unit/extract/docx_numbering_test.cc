// Word's automatic numbering as the reader sees it: formats, level texts, restarts, overrides,
// numbering styles, and the numbering a paragraph inherits from its style.
#include "docx_numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "docx_styles.h"

namespace treatysearch::ingest {
namespace {

constexpr const char* kHeader =
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";

std::string level(int index, const std::string& format, const std::string& text, int start = 1,
                  const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(index) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + format + "\"/>" + extra +
         "<w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

struct Fixture {
  pugi::xml_document numbering_xml;
  pugi::xml_document styles_xml;
  DocxStyles styles;
  DocxNumbering numbering;

  Fixture(const std::string& numbering_body, const std::string& styles_body = "") {
    EXPECT_TRUE(numbering_xml.load_string((kHeader + numbering_body + "</w:numbering>").c_str()));
    EXPECT_TRUE(styles_xml.load_string(
        ("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
         styles_body + "</w:styles>")
            .c_str()));
    styles = DocxStyles(styles_xml);
    numbering = DocxNumbering(numbering_xml, styles);
  }

  std::string next(int num, std::optional<int> ilvl, const std::string& style = "") {
    const auto label = numbering.next(num, ilvl, style);
    return label ? label->text : "<none>";
  }
};

TEST(FormatNumber, Formats) {
  EXPECT_EQ(format_number(12, "decimal"), "12");
  EXPECT_EQ(format_number(1, "lowerLetter"), "a");
  EXPECT_EQ(format_number(26, "lowerLetter"), "z");
  EXPECT_EQ(format_number(27, "lowerLetter"), "aa");
  EXPECT_EQ(format_number(28, "upperLetter"), "BB");
  EXPECT_EQ(format_number(4, "lowerRoman"), "iv");
  EXPECT_EQ(format_number(1994, "upperRoman"), "MCMXCIV");
  EXPECT_EQ(format_number(0, "lowerRoman"), "0");  // not showable: digits
  EXPECT_EQ(format_number(7, "decimalZero"), "07");
  EXPECT_EQ(format_number(3, "ordinalText"), "3");  // unknown formats: digits
}

TEST(DocxNumbering, UnParagraphsAndSubParagraphs) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
            level(1, "lowerLetter", "(%2)") + level(2, "lowerRoman", "(%3)") +
            "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num>");
  const std::vector<std::string> labels = {f.next(3, 0), f.next(3, 1), f.next(3, 1), f.next(3, 2),
                                           f.next(3, 1), f.next(3, 0), f.next(3, 1), f.next(3, 2)};
  const std::vector<std::string> expected = {"1.", "(a)", "(b)", "(i)", "(c)", "2.", "(a)", "(i)"};
  EXPECT_EQ(labels, expected);
}

TEST(DocxNumbering, MultiLevelTextAndLegalNumbers) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "upperRoman", "%1.") +
            level(1, "decimal", "%1.%2", 1, "<w:isLgl/>") +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
  EXPECT_EQ(f.next(1, 0), "I.");
  EXPECT_EQ(f.next(1, 0), "II.");
  EXPECT_EQ(f.next(1, 1), "2.1");  // isLgl: the upper level in digits too
  EXPECT_EQ(f.next(1, 1), "2.2");
}

TEST(DocxNumbering, StartOverrideRestartsWhereTheInstanceIsFirstUsed) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1)") +
            "</w:abstractNum>"
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
            "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
            "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
            "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
            "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"12\"/></w:lvlOverride></w:num>");
  EXPECT_EQ(f.next(1, 0), "1)");
  EXPECT_EQ(f.next(1, 0), "2)");
  EXPECT_EQ(f.next(2, 0), "1)");  // restart
  EXPECT_EQ(f.next(2, 0), "2)");
  EXPECT_EQ(f.next(3, 0), "12)");  // restart at 12
  EXPECT_EQ(f.next(3, 0), "13)");
}

TEST(DocxNumbering, LevelOverrideReplacesTheLevel) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>"
            "<w:lvlOverride w:ilvl=\"0\">" +
            level(0, "upperLetter", "%1)", 3) + "</w:lvlOverride></w:num>");
  EXPECT_EQ(f.next(1, 0), "C)");
  EXPECT_EQ(f.next(1, 0), "D)");
}

TEST(DocxNumbering, LevelRestartZeroNeverRestarts) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
            level(1, "decimal", "[%2]", 1, "<w:lvlRestart w:val=\"0\"/>") +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
  EXPECT_EQ(f.next(1, 0), "1.");
  EXPECT_EQ(f.next(1, 1), "[1]");
  EXPECT_EQ(f.next(1, 0), "2.");
  EXPECT_EQ(f.next(1, 1), "[2]");
}

TEST(DocxNumbering, BulletsNoneAndRemovedNumbering) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "bullet", "\xEF\x82\xB7") +
            level(1, "none", "") +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
  EXPECT_EQ(f.next(1, 0), "\u2022");
  EXPECT_EQ(f.next(1, 1), "<none>");
  EXPECT_EQ(f.next(0, 0), "<none>");   // numId 0 removes numbering
  EXPECT_EQ(f.next(99, 0), "<none>");  // unknown list
}

TEST(DocxNumbering, LevelFoundByItsParagraphStyle) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
            level(1, "lowerLetter", "(%2)", 1, "<w:pStyle w:val=\"SubPara\"/>") +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
  EXPECT_EQ(f.next(1, std::nullopt, "Para"), "1.");
  EXPECT_EQ(f.next(1, std::nullopt, "SubPara"), "(a)");
}

TEST(DocxNumbering, NumberingStyleLinkIsFollowed) {
  Fixture f("<w:abstractNum w:abstractNumId=\"0\"><w:styleLink w:val=\"ListStyle\"/>" +
                level(0, "lowerRoman", "%1.") +
                "</w:abstractNum>"
                "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"ListStyle\"/>"
                "</w:abstractNum>"
                "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
                "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/></w:num>",
            "<w:style w:type=\"paragraph\" w:styleId=\"ListStyle\"><w:name w:val=\"List\"/>"
            "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>");
  EXPECT_EQ(f.next(6, 0), "i.");
  EXPECT_EQ(f.next(5, 0), "ii.");  // the same list
}

TEST(DocxStyles, HeadingLevelsAndInheritedNumbering) {
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Titre\"><w:name w:val=\"Title\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Custom\"><w:basedOn w:val=\"Outlined\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Outlined\"><w:pPr><w:outlineLvl "
      "w:val=\"3\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H1G\"><w:name w:val=\"_ H_1_G\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H23G\"><w:name w:val=\"_ H_2/3_G\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"HChG\"><w:name w:val=\"_ H _Ch_G\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:pPr><w:outlineLvl "
      "w:val=\"9\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"ParaNoG\"><w:pPr><w:numPr><w:numId "
      "w:val=\"3\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:basedOn w:val=\"ParaNoG\"/>"
      "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>"
      "</w:styles>"));
  const DocxStyles styles(xml);
  EXPECT_EQ(styles.default_paragraph_style(), "Normal");
  EXPECT_EQ(styles.heading_level("Heading3"), 3);
  EXPECT_EQ(styles.heading_level("Titre"), 1);
  EXPECT_EQ(styles.heading_level("Custom"), 4);
  EXPECT_EQ(styles.heading_level("HChG"), 1);
  EXPECT_EQ(styles.heading_level("H1G"), 2);
  EXPECT_EQ(styles.heading_level("H23G"), 3);
  EXPECT_EQ(styles.heading_level("Body"), 0);
  EXPECT_EQ(styles.heading_level("Normal"), 0);
  EXPECT_EQ(styles.heading_level("A"), 0);  // a loop ends
  EXPECT_EQ(styles.numbering("ParaNoG").num_id, 3);
  EXPECT_EQ(styles.numbering("Mine").num_id, 3);
  EXPECT_EQ(styles.numbering("Mine").level, 1);
  EXPECT_FALSE(styles.numbering("Normal").num_id.has_value());
}

}  // namespace
}  // namespace treatysearch::ingest

// XML parts: no DTD (so no entity expansion and no external entity), the depth limit at N and
// N + 1, and no recursion over deep trees.
#include "xml_safety.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace treatysearch::ingest {
namespace {

std::string nested(std::size_t depth) {
  std::string xml;
  for (std::size_t i = 0; i < depth; ++i) xml += "<e>";
  xml += "x";
  for (std::size_t i = 0; i < depth; ++i) xml += "</e>";
  return xml;
}

TEST(XmlSafety, PugixmlItselfNeverExpandsDeclaredOrExternalEntities) {
  // What the library does on its own, before our refusal of DTDs: declared entities stay as
  // written, and nothing is fetched.
  const std::string xml =
      "<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;\">]><d><a>&xxe;</a><b>&lol2;</b><c>&amp;&#233;</c></d>";
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str(), pugi::parse_default | pugi::parse_doctype));
  const pugi::xml_node root = document.document_element();
  EXPECT_STREQ(root.child_value("a"), "&xxe;");
  EXPECT_STREQ(root.child_value("b"), "&lol2;");
  EXPECT_STREQ(root.child_value("c"), "&\u00e9");  // predefined and numeric references only
}

TEST(XmlSafety, DocumentTypeDeclarationIsRefused) {
  const std::string xml = "<!DOCTYPE d [<!ENTITY lol \"lol\">]><d>&lol;</d>";
  pugi::xml_document document;
  std::string error;
  EXPECT_FALSE(parse_xml_part(xml, "word/document.xml", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error,
            "word/document.xml has a document type declaration (DTD), which Office files never "
            "have; entities are not expanded");
}

TEST(XmlSafety, MalformedXmlIsOneLine) {
  pugi::xml_document document;
  std::string error;
  EXPECT_FALSE(parse_xml_part("<a><b></a>", "word/styles.xml", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error.rfind("word/styles.xml is not well-formed XML: ", 0), 0u) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos);
}

TEST(XmlSafety, DepthLimitAtNAndNPlusOne) {
  ExtractLimits limits;
  limits.max_xml_depth = 25;
  pugi::xml_document document;
  std::string error;
  EXPECT_TRUE(parse_xml_part(nested(25), "part.xml", limits, &document, &error)) << error;
  EXPECT_FALSE(parse_xml_part(nested(26), "part.xml", limits, &document, &error));
  EXPECT_EQ(error, "part.xml nests elements 26 deep, over the limit of 25");
}

TEST(XmlSafety, DepthIsMeasuredWithoutRecursion) {
  // Deep enough that a recursive walk would exhaust the stack of a test thread.
  const std::size_t depth = 300'000;
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(nested(depth).c_str()));
  EXPECT_EQ(element_depth(document), depth);
  std::size_t entered = 0;
  std::size_t left = 0;
  walk_elements(
      document,
      [&](const pugi::xml_node& node) {
        entered += node.type() == pugi::node_element ? 1 : 0;
        return true;
      },
      [&](const pugi::xml_node& node) { left += node.type() == pugi::node_element ? 1 : 0; });
  EXPECT_EQ(entered, depth);
  EXPECT_EQ(left, depth);
}

TEST(XmlSafety, ElementDepthCountsSiblingsOnce) {
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string("<a><b/><c><d/>text</c><e><f><g/></f></e></a>"));
  EXPECT_EQ(element_depth(document), 4u);
}

TEST(XmlSafety, WalkVisitsInDocumentOrderAndSkipsWhatEnterDeclines) {
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string("<a><b><skip><x/></skip><c/></b><d/></a>"));
  std::vector<std::string> events;
  walk_elements(
      document,
      [&](const pugi::xml_node& node) {
        events.push_back(std::string("+") + node.name());
        return std::string_view(node.name()) != "skip";
      },
      [&](const pugi::xml_node& node) { events.push_back(std::string("-") + node.name()); });
  const std::vector<std::string> expected = {"+a", "+b", "+skip", "-skip", "+c",
                                             "-c", "-b", "+d",    "-d",    "-a"};
  EXPECT_EQ(events, expected);
}

}  // namespace
}  // namespace treatysearch::ingest

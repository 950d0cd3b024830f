#include "manifest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "metadata_detect.h"
#include "treatysearch/error.h"

namespace treatysearch::ingest {
namespace {

namespace fs = std::filesystem;

class ManifestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("treatysearch-manifest-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write_manifest(const std::string& xml) {
    const fs::path path = dir_ / "manifest.xml";
    std::ofstream(path, std::ios::binary) << xml;
    return path.string();
  }

  // Loads `xml` and returns the error message; fails the test if loading succeeds.
  std::string load_error(const std::string& xml, ErrorCode expected = ErrorCode::kInvalidArgument) {
    const std::string path = write_manifest(xml);
    try {
      Manifest::load(path);
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), expected) << error.what();
      return error.what();
    }
    ADD_FAILURE() << "no error for:\n" << xml;
    return {};
  }

  // "<dir>/manifest.xml: line N: "
  std::string at_line(int line) const {
    return (dir_ / "manifest.xml").string() + ": line " + std::to_string(line) + ": ";
  }

  fs::path dir_;
};

constexpr const char* kHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

TEST_F(ManifestTest, ValidManifestIsReadAndNormalized) {
  const std::string path =
      write_manifest(std::string(kHeader) +
                     "<treatysearch-manifest version=\"1\">\n"
                     "  <!-- a comment is fine -->\n"
                     "  <document file=\"letters/letter.txt\"\n"
                     "            symbol=\"CERD/110th session/2023/FU/AKB/ks\"\n"
                     "            type=\"follow-up-letter\" committee=\"cerd\"\n"
                     "            state=\"KAZ\" session=\"110\"\n"
                     "            date=\"2023-09-12\" language=\"EN\">\n"
                     "    <title>Follow-up letter\n"
                     "           to Kazakhstan</title>\n"
                     "  </document>\n"
                     "  <document file=\"ngo.txt\" date=\"2022\"/>\n"
                     "</treatysearch-manifest>\n");
  const Manifest manifest = Manifest::load(path);
  EXPECT_EQ(manifest.size(), 2u);
  EXPECT_EQ(manifest.folder(), dir_.string());

  const DocumentInfo* letter = manifest.find((dir_ / "letters" / "letter.txt").string());
  ASSERT_NE(letter, nullptr);
  EXPECT_EQ(letter->symbol, "CERD/110th session/2023/FU/AKB/ks");
  EXPECT_EQ(letter->type, "follow-up-letter");
  EXPECT_EQ(letter->committee, "CERD");    // upper-cased
  EXPECT_EQ(letter->state, "Kazakhstan");  // code resolved to the name
  EXPECT_EQ(letter->session, "110");
  EXPECT_EQ(letter->date, "2023-09-12");
  EXPECT_EQ(letter->language, "en");
  EXPECT_EQ(letter->title, "Follow-up letter to Kazakhstan");  // on one line
  EXPECT_EQ(letter->source, "");

  const DocumentInfo* ngo = manifest.find((dir_ / "ngo.txt").string());
  ASSERT_NE(ngo, nullptr);
  EXPECT_EQ(ngo->date, "2022");
  EXPECT_EQ(ngo->symbol, "");
  EXPECT_EQ(ngo->title, "");

  // Unnormalized spellings of the same path match; other files do not.
  EXPECT_EQ(manifest.find((dir_ / "letters" / ".." / "ngo.txt").string()), ngo);
  EXPECT_EQ(manifest.find((dir_ / "letters" / "." / "letter.txt").string()), letter);
  EXPECT_EQ(manifest.find((dir_ / "letter.txt").string()), nullptr);
  EXPECT_EQ(manifest.find((dir_ / "ngo.txt.bak").string()), nullptr);
  EXPECT_EQ(manifest.find(""), nullptr);

  ASSERT_EQ(manifest.files().size(), 2u);
  EXPECT_EQ(manifest.files()[0], (dir_ / "letters" / "letter.txt").string());
}

// Every code of doctype::kAll is accepted, the new ones of the UN first page included.
TEST_F(ManifestTest, EveryDocumentTypeIsAccepted) {
  for (const char* type : doctype::kAll) {
    const std::string path =
        write_manifest(std::string(kHeader) +
                       "<treatysearch-manifest version=\"1\">\n<document file=\"a.txt\" type=\"" +
                       type + "\"/>\n</treatysearch-manifest>\n");
    const Manifest manifest = Manifest::load(path);
    const DocumentInfo* info = manifest.find((dir_ / "a.txt").string());
    ASSERT_NE(info, nullptr) << type;
    EXPECT_EQ(info->type, type);
  }
}

TEST_F(ManifestTest, FindResolvesSymbolicLinks) {
  const std::string path = write_manifest(std::string(kHeader) +
                                          "<treatysearch-manifest version=\"1\">\n"
                                          "  <document file=\"a.txt\" committee=\"CCPR\"/>\n"
                                          "</treatysearch-manifest>\n");
  std::ofstream(dir_ / "a.txt") << "text";
  fs::create_directory_symlink(dir_, dir_ / "link");
  const Manifest manifest = Manifest::load(path);
  const DocumentInfo* found = manifest.find((dir_ / "link" / "a.txt").string());
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->committee, "CCPR");
}

TEST_F(ManifestTest, EmptyManifestFindsNothing) {
  const Manifest manifest;
  EXPECT_EQ(manifest.size(), 0u);
  EXPECT_EQ(manifest.find("/any/file.txt"), nullptr);
  const std::string path =
      write_manifest(std::string(kHeader) + "<treatysearch-manifest version=\"1\"/>\n");
  EXPECT_EQ(Manifest::load(path).size(), 0u);
}

TEST_F(ManifestTest, MissingFileIsNotFound) {
  try {
    Manifest::load((dir_ / "nope.xml").string());
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
    EXPECT_EQ(std::string(error.what()), (dir_ / "nope.xml").string() + ": manifest not found");
  }
}

TEST_F(ManifestTest, MalformedXmlNamesTheLine) {
  const std::string message = load_error(std::string(kHeader) +
                                         "<treatysearch-manifest version=\"1\">\n"
                                         "  <document file=\"a.txt\">\n"
                                         "  </documnt>\n"
                                         "</treatysearch-manifest>\n");
  EXPECT_EQ(message.rfind(at_line(4) + "not well-formed XML: ", 0), 0u) << message;
}

TEST_F(ManifestTest, WrongRootOrVersion) {
  EXPECT_EQ(load_error(std::string(kHeader) + "<manifest version=\"1\"/>\n"),
            at_line(2) + "root element is <manifest>, expected <treatysearch-manifest>");
  EXPECT_EQ(load_error(std::string(kHeader) + "<treatysearch-manifest/>\n"),
            at_line(2) + "<treatysearch-manifest> has no version attribute; write version=\"1\"");
  EXPECT_EQ(load_error(std::string(kHeader) + "\n<treatysearch-manifest version=\"2\"/>\n"),
            at_line(3) + "unsupported manifest version \"2\" (this treatysearch reads version 1)");
  EXPECT_EQ(load_error(std::string(kHeader) + "<treatysearch-manifest version=\"1\" lang=\"en\"/>"),
            at_line(2) + "<treatysearch-manifest>: unknown attribute \"lang\" (expected version)");
}

// Wraps one <document> line so that it is on line 3.
std::string with_document(const std::string& document_line) {
  return std::string(kHeader) + "<treatysearch-manifest version=\"1\">\n" + document_line +
         "\n</treatysearch-manifest>\n";
}

TEST_F(ManifestTest, UnknownAttributeOrElement) {
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" symbl=\"X/1/2\"/>")),
            at_line(3) +
                "<document>: unknown attribute \"symbl\" (expected file, symbol, type, committee, "
                "state, session, date, language)");
  EXPECT_EQ(load_error(with_document("<doc file=\"a.txt\"/>")),
            at_line(3) + "unknown element <doc> (expected <document>)");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\">\n<author>X</author></document>")),
            at_line(4) + "document \"a.txt\": unknown element <author> (expected <title>)");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\">loose text</document>")),
            at_line(3) +
                "document \"a.txt\": unexpected text inside <document>; put the title in "
                "<title>");
}

TEST_F(ManifestTest, AttributeGivenTwice) {
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" state=\"KAZ\" state=\"BRA\"/>")),
            at_line(3) + "<document>: attribute \"state\" is given twice");
}

TEST_F(ManifestTest, AttributeErrorsNameTheAttributesOwnLine) {
  const std::string start = std::string(kHeader) + "<treatysearch-manifest version=\"1\">\n";
  // A value containing '>' and the attribute's name must not confuse the search.
  EXPECT_EQ(load_error(start + "  <document file=\"a.txt\"\n"
                               "            symbol=\"A > committee=\"\n"
                               "            committee=\"CRED\"/>\n"
                               "</treatysearch-manifest>\n"),
            at_line(5) +
                "document \"a.txt\": unknown committee \"CRED\" (expected one of CERD, "
                "CCPR, CESCR, CEDAW, CRC, CAT, CRPD, CMW, CED)");
  EXPECT_EQ(load_error(start + "  <document file=\"a.txt\"\n"
                               "            state=\"KAZ\"\n"
                               "            state=\"BRA\"/>\n"
                               "</treatysearch-manifest>\n"),
            at_line(5) + "<document>: attribute \"state\" is given twice");
  EXPECT_EQ(load_error(start + "  <document\n"
                               "     file=\"../a.txt\"/>\n"
                               "</treatysearch-manifest>\n"),
            at_line(4) + "file \"../a.txt\" leaves the manifest's folder (\"..\" is not allowed)");
}

TEST_F(ManifestTest, MissingOrEmptyValues) {
  EXPECT_EQ(load_error(with_document("<document symbol=\"CERD/C/KAZ/CO/8-10\"/>")),
            at_line(3) + "<document> has no file attribute");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" symbol=\" \"/>")),
            at_line(3) +
                "<document>: attribute \"symbol\" is empty; leave it out if the value is unknown");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\"><title> </title></document>")),
            at_line(3) + "document \"a.txt\": <title> is empty");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\"><title>A</title><title>B</title>"
                                     "</document>")),
            at_line(3) + "document \"a.txt\": more than one <title>");
}

TEST_F(ManifestTest, InvalidCodes) {
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" type=\"concluding-observation\"/>")),
            at_line(3) +
                "document \"a.txt\": unknown type \"concluding-observation\" (expected one of "
                "concluding-observations, follow-up-letter, ngo-commentary, state-report, "
                "list-of-issues, general-comment, decision, follow-up-information, "
                "inquiry-follow-up-report, reply-to-list-of-issues, annual-report, other)");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" committee=\"CRED\"/>")),
            at_line(3) +
                "document \"a.txt\": unknown committee \"CRED\" (expected one of CERD, "
                "CCPR, CESCR, CEDAW, CRC, CAT, CRPD, CMW, CED)");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" state=\"Kazakstan\"/>")),
            at_line(3) +
                "document \"a.txt\": unknown state \"Kazakstan\" (give an ISO 3166-1 "
                "alpha-3 code such as KAZ, or the English name such as Kazakhstan)");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" session=\"110th\"/>")),
            at_line(3) +
                "document \"a.txt\": session \"110th\" is not a session number (write "
                "110, not \"110th\")");
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" language=\"english\"/>")),
            at_line(3) +
                "document \"a.txt\": language \"english\" is not a two- or three-letter "
                "language code such as \"en\"");
}

TEST_F(ManifestTest, InvalidDates) {
  for (const char* bad :
       {"12 September 2023", "2023-9-12", "2023-02-30", "2023-13", "23", "2023-09-12T10:00"}) {
    const std::string message =
        load_error(with_document(std::string("<document file=\"a.txt\" date=\"") + bad + "\"/>"));
    EXPECT_EQ(message, at_line(3) + "document \"a.txt\": date \"" + bad +
                           "\" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  // Leap day is valid in a leap year only.
  const std::string path =
      write_manifest(with_document("<document file=\"a.txt\" date=\"2024-02-29\"/>"));
  EXPECT_EQ(Manifest::load(path).size(), 1u);
  EXPECT_NE(load_error(with_document("<document file=\"a.txt\" date=\"2023-02-29\"/>")), "");
}

TEST_F(ManifestTest, PathsMustStayInsideTheFolder) {
  EXPECT_EQ(load_error(with_document("<document file=\"/etc/passwd\"/>")),
            at_line(3) +
                "file \"/etc/passwd\" is an absolute path; give it relative to the "
                "manifest's folder");
  EXPECT_EQ(load_error(with_document("<document file=\"../outside.txt\"/>")),
            at_line(3) +
                "file \"../outside.txt\" leaves the manifest's folder (\"..\" is not "
                "allowed)");
  EXPECT_EQ(load_error(with_document("<document file=\"sub/../../outside.txt\"/>")),
            at_line(3) +
                "file \"sub/../../outside.txt\" leaves the manifest's folder (\"..\" is "
                "not allowed)");
  EXPECT_EQ(load_error(with_document("<document file=\"sub\\a.txt\"/>")),
            at_line(3) + "file \"sub\\a.txt\": use / to separate folders, not \\");
  EXPECT_EQ(load_error(with_document("<document file=\"C:/a.txt\"/>")),
            at_line(3) +
                "file \"C:/a.txt\" is an absolute path; give it relative to the "
                "manifest's folder");
  EXPECT_EQ(load_error(with_document("<document file=\"./\"/>")),
            at_line(3) + "file \"./\" names a folder, not a file");
}

TEST_F(ManifestTest, DuplicateEntries) {
  EXPECT_EQ(load_error(std::string(kHeader) + "<treatysearch-manifest version=\"1\">\n"
                                              "  <document file=\"a.txt\"/>\n"
                                              "  <document file=\"b.txt\"/>\n"
                                              "  <document file=\"./a.txt\"/>\n"
                                              "</treatysearch-manifest>\n"),
            at_line(5) + "document \"./a.txt\" is already described at line 3");
}

TEST_F(ManifestTest, ErrorLineCountsCrLfFiles) {
  EXPECT_EQ(load_error("<?xml version=\"1.0\"?>\r\n<treatysearch-manifest version=\"1\">\r\n"
                       "\r\n<document file=\"a.txt\" type=\"memo\"/>\r\n</treatysearch-manifest>"),
            at_line(4) +
                "document \"a.txt\": unknown type \"memo\" (expected one of "
                "concluding-observations, follow-up-letter, ngo-commentary, "
                "state-report, list-of-issues, general-comment, decision, follow-up-information, "
                "inquiry-follow-up-report, reply-to-list-of-issues, annual-report, other)");
}

// pugixml skips a DOCTYPE and copies an undeclared reference such as "&xxe;" into the value as
// written: it would have reached a citation. Declarations and such references are errors.
TEST_F(ManifestTest, EntityReferencesAndDeclarationsAreRejected) {
  const std::string not_allowed =
      " is not allowed (only &amp; &lt; &gt; &quot; &apos; and character references such as "
      "&#233;)";
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\" symbol=\"&xxe;\"/>")),
            at_line(3) + "entity reference &xxe;" + not_allowed);
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\"><title>A &xxe; B</title>"
                                     "</document>")),
            at_line(3) + "entity reference &xxe;" + not_allowed);
  EXPECT_EQ(load_error(with_document("<document file=\"a.txt\"><title>Law &c</title></document>")),
            at_line(3) + "a bare & is not allowed; write &amp; for a literal &");
  const std::string declarations =
      "document type and entity declarations (<!DOCTYPE>, <!ENTITY>) are not allowed";
  EXPECT_EQ(load_error(std::string(kHeader) +
                       "<!DOCTYPE m [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                       "<treatysearch-manifest version=\"1\">\n"
                       "<document file=\"a.txt\" symbol=\"&xxe;\"/>\n"
                       "</treatysearch-manifest>\n"),
            at_line(2) + declarations);
  EXPECT_EQ(load_error(std::string(kHeader) + "<!DOCTYPE treatysearch-manifest>\n" +
                       "<treatysearch-manifest version=\"1\"/>\n"),
            at_line(2) + declarations);
}

TEST_F(ManifestTest, PredefinedAndCharacterReferencesAreRead) {
  const std::string path = write_manifest(with_document(
      "<document file=\"a.txt\" symbol=\"A&amp;B/&#67;&#x4F;/1\"><title>&lt;Rights&gt; &quot;of"
      "&quot; &apos;all&apos; <![CDATA[& more]]></title><!-- &bogus; --></document>"));
  const Manifest manifest = Manifest::load(path);
  const DocumentInfo* info = manifest.find((dir_ / "a.txt").string());
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->symbol, "A&B/CO/1");
  EXPECT_EQ(info->title, "<Rights> \"of\" 'all' & more");
}

TEST(BundledManifestTest, DescribesTheTextFilesAndTheDeclaration) {
  const std::string corpus = TREATYSEARCH_CORPUS_DIR;
  const Manifest manifest = Manifest::load(corpus + "/manifest.xml");
  EXPECT_EQ(manifest.size(), 9u);
  for (const std::string& file : manifest.files()) {
    EXPECT_TRUE(fs::exists(file)) << file;
  }

  const DocumentInfo* letter = manifest.find(corpus + "/cerd-follow-up-letter-kazakhstan-2023.txt");
  ASSERT_NE(letter, nullptr);
  EXPECT_EQ(letter->symbol, "CERD/110th session/2023/FU/AKB/ks");
  EXPECT_EQ(letter->type, "follow-up-letter");
  EXPECT_EQ(letter->committee, "CERD");
  EXPECT_EQ(letter->state, "Kazakhstan");
  EXPECT_EQ(letter->session, "110");
  EXPECT_EQ(letter->date, "2023-09-12");
  EXPECT_EQ(letter->language, "en");
  EXPECT_NE(letter->title.find("CERD/C/KAZ/CO/8-10"), std::string::npos) << letter->title;

  const DocumentInfo* ngo =
      manifest.find(corpus + "/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt");
  ASSERT_NE(ngo, nullptr);
  EXPECT_EQ(ngo->symbol, "");  // it has none; CERD/C/KAZ/8-11 is the State report it comments on
  EXPECT_EQ(ngo->title,
            "Commentaries of Kazakhstan human rights organisations on the eighth to eleventh "
            "periodic reports of Kazakhstan (CERD/C/KAZ/8-11) on the implementation of the ICERD");
  EXPECT_EQ(ngo->type, "ngo-commentary");
  EXPECT_EQ(ngo->committee, "CERD");
  EXPECT_EQ(ngo->state, "Kazakhstan");
  EXPECT_EQ(ngo->session, "106");
  EXPECT_EQ(ngo->date, "2022");
  EXPECT_EQ(ngo->language, "en");

  // Every language of the Declaration carries the resolution's symbol: translations align.
  for (const char* language : {"eng", "fra", "spa", "rus", "arb", "cmn_hans", "kaz"}) {
    const DocumentInfo* udhr = manifest.find(corpus + "/udhr/" + language + ".html");
    ASSERT_NE(udhr, nullptr) << language;
    EXPECT_EQ(udhr->symbol, "A/RES/217(III)");
    EXPECT_EQ(udhr->date, "1948-12-10");
    EXPECT_EQ(udhr->title, "") << "each file's own <h1> is its title";
  }
}

TEST(MergeTest, NonEmptyOverridesWin) {
  DocumentInfo detected;
  detected.source = "corpus/a.txt";
  detected.symbol = "CERD/C/KAZ/8-11";  // wrongly detected
  detected.type = "state-report";
  detected.committee = "CERD";
  detected.state = "Kazakhstan";
  detected.language = "en";

  DocumentInfo overrides;
  overrides.symbol = "CERD/C/KAZ/CO/8-10";
  overrides.type = "concluding-observations";
  overrides.title = "Concluding observations";
  overrides.date = "2022-05-20";

  const DocumentInfo merged = merge(detected, overrides);
  EXPECT_EQ(merged.source, "corpus/a.txt");
  EXPECT_EQ(merged.symbol, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(merged.type, "concluding-observations");
  EXPECT_EQ(merged.title, "Concluding observations");
  EXPECT_EQ(merged.committee, "CERD");
  EXPECT_EQ(merged.state, "Kazakhstan");
  EXPECT_EQ(merged.session, "");
  EXPECT_EQ(merged.date, "2022-05-20");
  EXPECT_EQ(merged.language, "en");

  overrides.source = "other.txt";
  overrides.language = "fr";
  EXPECT_EQ(merge(detected, overrides).source, "other.txt");
  EXPECT_EQ(merge(detected, overrides).language, "fr");
  EXPECT_EQ(merge(detected, DocumentInfo{}).symbol, "CERD/C/KAZ/8-11");
}

}  // namespace
}  // namespace treatysearch::ingest

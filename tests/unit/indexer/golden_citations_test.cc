// Golden citations over the bundled corpus: the exact strings a lawyer pastes into a brief, built
// from the segmenter's labels and the corpus manifest's metadata, as the indexer builds them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "citation.h"
#include "manifest.h"
#include "metadata_detect.h"
#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

const std::string kCorpus = TREATYSEARCH_CORPUS_DIR;
const std::string kNgoFile = kCorpus + "/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt";
const std::string kLetterFile = kCorpus + "/cerd-follow-up-letter-kazakhstan-2023.txt";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// label -> citation for every passage of a corpus file, as indexed.
std::map<std::string, std::string> citations(const std::string& path) {
  const Manifest manifest = Manifest::load(kCorpus + "/manifest.xml");
  const DocumentInfo* listed =
      manifest.find(std::filesystem::absolute(path).lexically_normal().string());
  EXPECT_NE(listed, nullptr) << path;
  const std::string text = read(path);
  const DocumentInfo info = merge(detect_metadata(text), listed ? *listed : DocumentInfo{});
  std::map<std::string, std::string> out;
  for (const Passage& passage : segment(text).passages)
    out[passage.label] = build_citation(info, passage.kind, passage.label);
  return out;
}

TEST(GoldenCitations, NgoCommentary) {
  const std::string doc =
      "Commentaries of Kazakhstan human rights organisations on the eighth to eleventh periodic "
      "reports of Kazakhstan (CERD/C/KAZ/8-11) on the implementation of the ICERD (2022)";
  const auto cited = citations(kNgoFile);
  const char* const paragraphs[] = {"1",   "6",   "14",  "15",  "16",  "17",  "28",
                                    "31",  "33",  "35",  "56",  "57",  "63",  "100",
                                    "126", "159", "175", "191", "195", "221", "262"};
  for (const char* label : paragraphs)
    EXPECT_EQ(cited.at(label), doc + ", para. " + label) << label;
  EXPECT_EQ(cited.at("35 (a)"), doc + ", para. 35 (a)");
  EXPECT_EQ(cited.at("35 (b)"), doc + ", para. 35 (b)");
  EXPECT_EQ(cited.at("6, recommendation"), doc + ", para. 6, recommendation");
  EXPECT_EQ(cited.at("32, recommendation 1"), doc + ", para. 32, recommendation 1");
  EXPECT_EQ(cited.at("32, recommendation 4"), doc + ", para. 32, recommendation 4");
  EXPECT_EQ(cited.at("32, table entry 1"), doc + ", para. 32, table entry 1");
  EXPECT_EQ(cited.at("footnote 1"), doc + ", footnote 1");
  EXPECT_EQ(cited.at("footnote 77"), doc + ", footnote 77");
}

TEST(GoldenCitations, EveryPassageOfTheFollowUpLetter) {
  const auto cited = citations(kLetterFile);
  ASSERT_EQ(cited.size(), 15u);
  for (int n = 1; n <= 15; ++n) {
    const std::string label = "[" + std::to_string(n) + "]";
    EXPECT_EQ(cited.at(label), "CERD/110th session/2023/FU/AKB/ks, para. " + label);
  }
}

}  // namespace
}  // namespace treatysearch::ingest

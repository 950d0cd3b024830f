// Passages Xapian would refuse: the limits checked before the writer (document_builder.h), and
// what a refusal the writer still meets does to the run, the index and the next run.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "document_builder.h"
#include "index_writer.h"
#include "passage_record.h"
#include "schema.h"
#include "segmenter.h"
#include "shard_pool.h"
#include "temp_dir.h"
#include "treatysearch/error.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using ingest::PassageLimits;
using testing::TempDir;

TEST(PassageLimits, RecordPositionListAndTermAtNAndNPlusOne) {
  EXPECT_EQ(ingest::passage_limit_error("18", PassageLimits::kMaxRecordBytes,
                                        PassageLimits::kMaxPositionListBytes,
                                        PassageLimits::kMaxTermBytes),
            "");
  EXPECT_EQ(ingest::passage_limit_error("18", PassageLimits::kMaxRecordBytes + 1, 0, 0),
            "passage \"18\": its record is 1048577 bytes, over the limit of 1048576");
  EXPECT_EQ(ingest::passage_limit_error("[2]", 0, PassageLimits::kMaxPositionListBytes + 1, 0),
            "passage \"[2]\": its position list is 1048577 bytes, over the limit of 1048576");
  EXPECT_EQ(ingest::passage_limit_error("footnote 1", 0, 0, PassageLimits::kMaxTermBytes + 1),
            "passage \"footnote 1\": a term is 246 bytes, over the limit of 245");
}

TEST(PassageLimits, ASegmentedPassageIsFarWithinThem) {
  // The passage cap keeps every document far from the limits, so they only ever stop passages
  // that did not come from the segmenter.
  static_assert(ingest::kMaxPassageBytes * 4 < PassageLimits::kMaxRecordBytes);
  static_assert(ingest::kMaxPassageBytes * 4 < PassageLimits::kMaxPositionListBytes);
}

TEST(PassageLimits, TheBuilderRefusesAPassageOverALimitInsteadOfHandingItToXapian) {
  ingest::DocumentBuilder builder;
  DocumentInfo info;
  info.language = "en";
  ingest::Passage passage;
  passage.label = "7";
  passage.text = "words ";
  while (passage.text.size() <= PassageLimits::kMaxRecordBytes) passage.text += "words ";
  std::vector<ingest::PassageDocument> docs;
  ingest::DocumentBuilder::Variants variants;
  const std::string error = builder.build("k", info, {passage}, &docs, &variants);
  EXPECT_NE(error.find("passage \"7\": its record is"), std::string::npos) << error;

  // A file key so long that the id term would pass Xapian's limit.
  passage.text = "short text";
  docs.clear();
  const std::string long_key(PassageLimits::kMaxTermBytes, 'k');
  EXPECT_NE(builder.build(long_key, info, {passage}, &docs, &variants).find("a term is"),
            std::string::npos);

  docs.clear();
  EXPECT_EQ(builder.build("k", info, {passage}, &docs, &variants), "");
  EXPECT_EQ(docs.size(), 1u);

  // A title (from a manifest) so long that the file's DocumentInfo would pass the limit.
  info.title = std::string(PassageLimits::kMaxRecordBytes, 't');
  docs.clear();
  EXPECT_NE(builder.build("k", info, {passage}, &docs, &variants).find("document information"),
            std::string::npos);
}

// Writes files through a ShardPool, as the Indexer does, with a hook that makes Xapian refuse
// every passage whose text holds "poisoned": a term over its limit, which the checks before the
// writer would have stopped (a stand-in for any refusal they do not foresee).
class PoisonedPassages : public ::testing::Test {
 protected:
  void SetUp() override {
    ingest::set_document_hook_for_testing([](const std::string&, ingest::PassageDocument& doc) {
      if (doc.value(core::schema::kRecordSlot).find("poisoned") != std::string::npos)
        doc.add_term(std::string(PassageLimits::kMaxTermBytes + 1, 'x'), 1);
    });
  }
  void TearDown() override { ingest::set_document_hook_for_testing({}); }

  // Writes (name, text) files with one shard, commits; returns the error, or "" on success.
  std::string write_files(const std::vector<std::pair<std::string, std::string>>& files) {
    try {
      ingest::ShardPool pool(index(), 512 << 10, 1, false);
      for (const auto& [name, text] : files) {
        auto docs = std::make_shared<std::vector<ingest::PassageDocument>>();
        ingest::DocumentBuilder::Variants variants;
        ingest::Passage passage;
        passage.label = "[1]";
        passage.text = text;
        DocumentInfo info;
        info.language = "en";
        EXPECT_EQ(builder_.build(name, info, {passage}, docs.get(), &variants), "");
        core::FileRecord record;
        record.path = record.display_path = name;
        record.passages = 1;
        pool.submit(name, [name, record, info, docs](ingest::IndexWriter& writer) {
          writer.replace_file(name, record, info, std::move(*docs), 100);
        });
      }
      pool.commit();
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }

  std::string index() const { return dir_ / "index"; }

  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_.path()))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  Xapian::doccount documents() const { return Xapian::Database(index()).get_doccount(); }

  TempDir dir_;
  ingest::DocumentBuilder builder_;
};

TEST_F(PoisonedPassages, AFirstBuildNamesTheFileAndTheReasonAndLeavesNothingBehind) {
  dir_.write("keep", "");
  const std::string error = write_files(
      {{"a.txt", "Alpha asylum."}, {"b.txt", "Beta poisoned."}, {"c.txt", "Gamma refugees."}});
  // Before: "InvalidOperationError: cancel() not supported under Xapian::DB_DANGEROUS".
  EXPECT_NE(error.find("b.txt: cannot be written to the index"), std::string::npos) << error;
  EXPECT_NE(error.find("over Xapian's limit of 245"), std::string::npos) << error;
  EXPECT_EQ(entries(), (std::vector<std::string>{"keep"}));  // no index, no leftover folder

  // The next run is not poisoned by the first: it builds the index from scratch.
  TearDown();
  EXPECT_EQ(
      write_files(
          {{"a.txt", "Alpha asylum."}, {"b.txt", "Beta poisoned."}, {"c.txt", "Gamma refugees."}}),
      "");
  EXPECT_EQ(documents(), 3u);
}

TEST_F(PoisonedPassages, AnExistingIndexKeepsItsLastCommitAndTheNextRunCompletesIt) {
  ASSERT_EQ(write_files({{"a.txt", "Alpha asylum."}}), "");
  const std::string error =
      write_files({{"c.txt", "Gamma refugees."}, {"b.txt", "Beta poisoned."}});
  EXPECT_NE(error.find("b.txt: cannot be written to the index"), std::string::npos) << error;
  EXPECT_NE(error.find("over Xapian's limit of 245"), std::string::npos) << error;
  EXPECT_EQ(documents(), 1u);  // the last commit: nothing of the failed run
  EXPECT_EQ(Xapian::Database(index()).get_metadata("file:c.txt"), "");

  TearDown();
  EXPECT_EQ(write_files({{"c.txt", "Gamma refugees."}, {"b.txt", "Beta poisoned."}}), "");
  EXPECT_EQ(documents(), 3u);
}

}  // namespace
}  // namespace treatysearch

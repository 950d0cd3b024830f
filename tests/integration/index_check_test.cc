// check_index (check.h) on a healthy index and on copies damaged in Xapian's tables and in
// treatysearch's own records. The damage is made with Xapian directly, by the on-disk layout
// documented in search/core/schema.h (stated here as literals: the test sees only public headers).
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "schema.h"
#include "shard_documents.h"
#include "temp_dir.h"
#include "treatysearch/check.h"
#include "treatysearch/error.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr unsigned kPositionsSlot = 1;                     // schema.h
constexpr const char* kSchemaKey = "treatysearch.schema";  // schema.h

bool mentions(const CheckReport& report, const std::string& text) {
  return std::any_of(report.problems.begin(), report.problems.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

std::string joined(const CheckReport& report) {
  std::string out;
  for (const auto& p : report.problems) out += p + '\n';
  return out;
}

class IndexCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexerOptions options;
    options.shards = 1;  // the damage below is made in the one shard
    Indexer indexer = Indexer::open(index_, options);
    indexer.add_text("a",
                     "1. The Committee is concerned about police violence.\n\n"
                     "2. It recommends training for police officers.\n");
    indexer.add_text("b", "1. The Committee welcomes the new law on education.\n");
    indexer.commit();
  }

  // Changes the shard with Xapian, as damage from outside would.
  template <typename Change>
  void damage(Change&& change) {
    testing::give_term_lists(shard_);  // Xapian replaces and deletes only with them
    Xapian::WritableDatabase db(shard_, Xapian::DB_OPEN);
    change(db);
    db.commit();
  }

  TempDir dir_;
  const std::string index_ = dir_ / "index";
  const std::string shard_ = index_ + "/shard0";
};

TEST_F(IndexCheck, AHealthyIndexHasNoProblems) {
  const CheckReport report = check_index(index_);
  EXPECT_TRUE(report.healthy()) << joined(report);
  EXPECT_EQ(report.shards, 1u);
  EXPECT_EQ(report.passages, Searcher::open(index_).passage_count());
  EXPECT_EQ(report.passages, 3u);
  EXPECT_EQ(report.files, 2u);
}

TEST_F(IndexCheck, ATruncatedTableIsFoundByXapiansCheck) {
  fs::resize_file(shard_ + "/postlist.glass", 0);
  const CheckReport report = check_index(index_);
  EXPECT_FALSE(report.healthy());
  EXPECT_TRUE(mentions(report, shard_ + ": Xapian's check")) << joined(report);
}

TEST_F(IndexCheck, APassageRecordThatDoesNotDecode) {
  damage([](Xapian::WritableDatabase& db) {
    Xapian::Document document = db.get_document(2);
    document.add_value(core::schema::kRecordSlot, "\x7f garbage");
    db.replace_document(2, document);
  });
  const CheckReport report = check_index(index_);
  EXPECT_EQ(report.problems.size(), 2u) << joined(report);
  EXPECT_TRUE(mentions(report, shard_ + ": passage 2: record does not decode")) << joined(report);
  // and so its file's record counts one passage more than the shard holds
  EXPECT_TRUE(mentions(report, "file a: the shard holds 1 of its passages, its record says 2"))
      << joined(report);
}

TEST_F(IndexCheck, APositionListThatDoesNotDecode) {
  damage([](Xapian::WritableDatabase& db) {
    Xapian::Document document = db.get_document(1);
    document.add_value(kPositionsSlot, std::string("\x01\x05", 2));  // 5 terms, none there
    db.replace_document(1, document);
  });
  const CheckReport report = check_index(index_);
  EXPECT_EQ(report.problems.size(), 1u) << joined(report);
  EXPECT_TRUE(mentions(report, shard_ + ": passage 1: position list does not decode"))
      << joined(report);
}

TEST_F(IndexCheck, APositionListNamingATermNumberTheShardNeverGave) {
  // Version 3 (position_list.h): one sentence, one position, the term number 1000 (plus one).
  const std::string numbered = std::string("\x03\x00\x01", 3) + "\xe9\x07";
  damage([&](Xapian::WritableDatabase& db) {
    Xapian::Document document = db.get_document(1);
    // The writer stores numbered lists: what it wrote is the format damaged here.
    ASSERT_EQ(document.get_value(kPositionsSlot).substr(0, 1), "\x03");
    document.add_value(kPositionsSlot, numbered);
    db.replace_document(1, document);
  });
  const CheckReport report = check_index(index_);
  EXPECT_EQ(report.problems.size(), 1u) << joined(report);
  EXPECT_TRUE(mentions(report, shard_ + ": passage 1: position list names term number 1000"))
      << joined(report);
}

TEST_F(IndexCheck, APassageMissingFromItsFile) {
  damage([](Xapian::WritableDatabase& db) { db.delete_document(3); });
  const CheckReport report = check_index(index_);
  EXPECT_EQ(report.problems.size(), 1u) << joined(report);
  EXPECT_TRUE(mentions(report, "file b: the shard holds 0 of its passages, its record says 1"))
      << joined(report);
}

TEST_F(IndexCheck, AnotherSchemaVersion) {
  damage([](Xapian::WritableDatabase& db) { db.set_metadata(kSchemaKey, "999"); });
  const CheckReport report = check_index(index_);
  EXPECT_FALSE(report.healthy());
  EXPECT_TRUE(mentions(report, "schema version 999")) << joined(report);
}

TEST_F(IndexCheck, NoIndexIsAnError) {
  for (const std::string& path : {dir_ / "nowhere", dir_.path().string()}) {
    try {
      check_index(path);
      ADD_FAILURE() << "no error for " << path;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kNotFound) << e.what();
      EXPECT_EQ(std::string(e.what()).rfind(path + ": ", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace treatysearch

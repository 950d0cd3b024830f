// Only the indexer's own commits publish changes: Xapian 1.4 would commit by itself every
// 10,000 changed documents (index_writer.h), which must never happen between our commits, and the
// library may not change the process environment to prevent it.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

// More than Xapian's default of 10,000 changed documents between two of our commits.
constexpr int kFiles = 3;
constexpr int kParagraphsPerFile = 3500;

std::string numbered_paragraphs(int count) {
  std::string text;
  for (int n = 1; n <= count; ++n)
    text += std::to_string(n) + ". The Committee notes item " + std::to_string(n) + ".\n\n";
  return text;
}

Xapian::doccount committed_passages(const std::string& index) {
  return Xapian::Database(index).get_doccount();
}

IndexerOptions one_writer_never_flushing() {
  IndexerOptions options;
  options.shards = 1;                // every passage goes to the one shard
  options.flush_bytes = 1ull << 40;  // only commit() commits
  return options;
}

class CommitBoundary : public ::testing::Test {
 protected:
  // Xapian's own default, whatever the environment of the test run says.
  void SetUp() override { ::unsetenv("XAPIAN_FLUSH_THRESHOLD"); }
};

TEST_F(CommitBoundary, AReaderSeesNoPartOfABatchOfMoreThan10000Passages) {
  TempDir dir;
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index, one_writer_never_flushing());
  indexer.add_text("first", "1. The first commit.\n");
  indexer.commit();
  ASSERT_EQ(committed_passages(index), 1u);

  for (int f = 0; f < kFiles; ++f)
    indexer.add_text("batch" + std::to_string(f), numbered_paragraphs(kParagraphsPerFile));
  // add_text waits until the shard has written what was queued before, so all of the batch is
  // in the writer (not in a queue) before the reader opens.
  indexer.add_text("last", "1. The last file.\n");
  EXPECT_EQ(committed_passages(index), 1u) << "Xapian committed part of the batch by itself";
  EXPECT_EQ(std::getenv("XAPIAN_FLUSH_THRESHOLD"), nullptr) << "the library set the environment";

  indexer.commit();
  EXPECT_EQ(committed_passages(index), 2u + kFiles * kParagraphsPerFile);
}

TEST_F(CommitBoundary, ANewIndexOfMoreThan10000PassagesIsBuiltWhole) {
  TempDir dir;
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index, one_writer_never_flushing());
    for (int f = 0; f < kFiles; ++f)
      indexer.add_text("batch" + std::to_string(f), numbered_paragraphs(kParagraphsPerFile));
    indexer.commit();
  }
  EXPECT_EQ(committed_passages(index), static_cast<Xapian::doccount>(kFiles * kParagraphsPerFile));
  EXPECT_EQ(Searcher::open(index).search("\"item 3499\"").hits.size(),
            static_cast<std::size_t>(kFiles));
}

}  // namespace
}  // namespace treatysearch

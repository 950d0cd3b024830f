// The Searcher/Snapshot contract (search.h): one Searcher and one Snapshot shared by many
// threads; a snapshot sees one commit while a writer commits (pages of one query agree) and
// says so, with kSnapshotExpired, once the index no longer keeps that commit; a Searcher sees
// each new commit.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

constexpr int kFiles = 6;
constexpr int kParagraphs = 80;
const char* const kTopics[] = {"lighthouse", "harbour", "anchor", "compass", "rudder"};

// File `file` in edition `edition`: numbered paragraphs naming the edition, each about one
// topic; long enough that rewriting them frees and reuses many blocks of the index (of 32 KiB:
// shard_pool.cc), so that no table fits in the one block a reader keeps in memory.
std::string text_of(int file, int edition) {
  std::string text;
  for (int p = 1; p <= kParagraphs; ++p) {
    text += std::to_string(p) + ". The " + kTopics[(file + p) % 5] + " keeper " +
            std::to_string(file) + " writes edition " + std::to_string(edition) + " of paragraph " +
            std::to_string(p) + ".";
    for (int w = 0; w < 30; ++w) text += " tide" + std::to_string((file * p + w) % 89);
    text += "\n\n";
  }
  return text;
}

void write_edition(Indexer& indexer, int edition) {
  for (int f = 0; f < kFiles; ++f)
    indexer.add_text("file-" + std::to_string(f), text_of(f, edition));
  indexer.commit();
}

int edition_of(const std::string& text) {
  const auto at = text.find("edition ");
  return at == std::string::npos ? -1 : std::atoi(text.c_str() + at + 8);
}

std::vector<std::string> ids(const SearchResult& result) {
  std::vector<std::string> out;
  for (const Hit& hit : result.hits) out.push_back(hit.id);
  return out;
}

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexerOptions options;
    options.shards = 2;
    Indexer indexer = Indexer::open(index_, options);
    write_edition(indexer, 0);
  }
  TempDir dir_;
  const std::string index_ = dir_ / "index";
};

// Each thread runs every query many times and must get what one thread alone got.
template <typename Reader>
void expect_same_answers_from_many_threads(const Reader& reader) {
  const std::vector<std::string> queries = {"lighthouse keeper", "harbour", "\"compass keeper\"",
                                            "anchor OR rudder", "tide7 tide8"};
  std::map<std::string, std::vector<std::string>> expected;
  SearchOptions options;
  options.limit = 20;
  options.facets = true;
  for (const auto& query : queries) expected[query] = ids(reader.search(query, options));
  std::atomic<int> failures{0}, searches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 25; ++round) {
        const std::string& query = queries[static_cast<std::size_t>(t + round) % queries.size()];
        try {
          if (ids(reader.search(query, options)) != expected[query]) ++failures;
          if (round % 5 == 0) {
            const SearchResult first = reader.search(query, options);
            if (!first.hits.empty() &&
                reader.passage(first.hits[0].id, 1).passage.id != first.hits[0].id)
              ++failures;
          }
        } catch (const Error&) {
          ++failures;
        }
        ++searches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(searches.load(), 8 * 25);
}

TEST_F(SnapshotTest, ManyThreadsShareOneSearcher) {
  const Searcher searcher = Searcher::open(index_);
  expect_same_answers_from_many_threads(searcher);
}

TEST_F(SnapshotTest, ManyThreadsShareOneSnapshot) {
  const Searcher searcher = Searcher::open(index_);
  const Snapshot snapshot = searcher.snapshot();
  expect_same_answers_from_many_threads(snapshot);
}

// More threads at once than a snapshot keeps handles for: the others wait for one.
TEST_F(SnapshotTest, MoreThreadsThanHandlesWaitForOne) {
  const Searcher searcher = Searcher::open(index_);
  const Snapshot snapshot = searcher.snapshot();
  const std::vector<std::string> expected = ids(snapshot.search("harbour keeper"));
  ASSERT_FALSE(expected.empty());
  constexpr int kThreads = 40;  // over SnapshotImpl::kMaxHandles (32)
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 3; ++round)
        if (ids(snapshot.search("harbour keeper")) != expected) ++wrong;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

// Once the index has moved on, a new handle would see the new commit: threads of the old
// snapshot share the handles it has rather than open one.
TEST_F(SnapshotTest, AfterACommitAnOldSnapshotsThreadsShareItsHandles) {
  const Searcher searcher = Searcher::open(index_);
  const Snapshot snapshot = searcher.snapshot();
  SearchOptions all;
  all.limit = 100;
  {
    Indexer indexer = Indexer::open(index_);
    write_edition(indexer, 1);
  }
  std::atomic<int> wrong{0}, searches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 5; ++round) {
        try {
          for (const Hit& hit : snapshot.search("keeper", all).hits)
            if (edition_of(hit.text) != 0) ++wrong;
          ++searches;
        } catch (const Error& e) {
          ADD_FAILURE() << e.what();
        }
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(searches.load(), 30);
}

TEST_F(SnapshotTest, PagesOfASnapshotSeeOneCommitWhileTheSearcherSeesTheNext) {
  const Searcher searcher = Searcher::open(index_);
  const Snapshot snapshot = searcher.snapshot();
  SearchOptions page;
  page.limit = 10;
  const SearchResult first = snapshot.search("keeper", page);
  ASSERT_EQ(first.hits.size(), 10u);

  {
    Indexer indexer = Indexer::open(index_);
    write_edition(indexer, 1);  // one commit between the pages
  }
  page.offset = 10;
  const SearchResult second = snapshot.search("keeper", page);
  ASSERT_EQ(second.hits.size(), 10u);
  EXPECT_EQ(second.total, first.total);
  std::set<std::string> seen;
  for (const SearchResult* result : {&first, &second}) {
    for (const Hit& hit : result->hits) {
      EXPECT_EQ(edition_of(hit.text), 0) << hit.citation;
      EXPECT_TRUE(seen.insert(hit.id).second) << "on both pages: " << hit.id;
    }
  }
  EXPECT_EQ(second.hits.front().rank, 11u);
  // The Searcher itself refreshes: it sees the new commit.
  for (const Hit& hit : searcher.search("keeper", page).hits)
    EXPECT_EQ(edition_of(hit.text), 1) << hit.citation;
  // A new snapshot too.
  for (const Hit& hit : searcher.snapshot().search("keeper", page).hits)
    EXPECT_EQ(edition_of(hit.text), 1) << hit.citation;
}

TEST_F(SnapshotTest, ASnapshotWhoseCommitIsGoneSaysSo) {
  const Searcher searcher = Searcher::open(index_);
  const Snapshot snapshot = searcher.snapshot();
  ASSERT_FALSE(snapshot.search("keeper").hits.empty());
  {
    Indexer indexer = Indexer::open(index_);
    for (int edition = 1; edition <= 4; ++edition) write_edition(indexer, edition);
  }
  SearchOptions all;
  all.limit = 100;
  // Four commits rewriting every passage reuse the blocks the snapshot's revision was read
  // from (as in searcher_retry_test.cc), so the collision is certain, not a matter of timing.
  try {
    snapshot.search("keeper tide3", all);
    FAIL() << "a snapshot answered from a commit the index no longer keeps";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kSnapshotExpired) << e.what();
    EXPECT_NE(std::string(e.what()).find("take a new snapshot"), std::string::npos);
  }
  // The Searcher moves on.
  for (const Hit& hit : searcher.search("keeper tide3", all).hits)
    EXPECT_EQ(edition_of(hit.text), 4);
}

TEST_F(SnapshotTest, ASharedSearcherAnswersWithWholeFilesWhileAWriterCommits) {
  const Searcher searcher = Searcher::open(index_);
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    Indexer indexer = Indexer::open(index_);
    // Four commits at least, however slow the build (a sanitizer's is), and three seconds.
    const auto stop = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    for (int edition = 1; edition <= 4 || std::chrono::steady_clock::now() < stop; ++edition)
      write_edition(indexer, edition);
    writing = false;
  });
  std::atomic<int> searches{0};
  auto reader = [&] {
    SearchOptions page;
    page.limit = 100;
    while (writing) {
      SearchResult result;
      try {
        result = searcher.search("keeper", page);
      } catch (const Error& e) {
        ADD_FAILURE() << "a search failed during commits: " << e.what();
        return;
      }
      ++searches;
      ASSERT_EQ(result.hits.size(), 100u);
      // Each shard commits on its own (a file lives in one): each file is whole, from one
      // commit.
      std::map<std::string, std::set<int>> editions;
      for (const Hit& hit : result.hits) editions[hit.document.source].insert(edition_of(hit.text));
      for (const auto& [file, seen] : editions)
        ASSERT_EQ(seen.size(), 1u) << file << " mixes passages of two commits";
    }
  };
  std::thread a(reader), b(reader), c(reader);
  a.join();
  b.join();
  c.join();
  writer.join();
  EXPECT_GT(searches.load(), 10);
}

}  // namespace
}  // namespace treatysearch

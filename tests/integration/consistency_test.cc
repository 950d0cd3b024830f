// Promises of the public API that only show under concurrency or configuration changes:
//   - a Searcher keeps answering, with whole files only, while a writer commits;
//   - the ranking is the same whatever the number of shards (Xapian merges the statistics);
//   - the index is the same whatever the number of analysis threads.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <thread>

#include "schema.h"
#include "shard_documents.h"
#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

// File `file` as written in round `round`: kPassages numbered paragraphs, each naming the round.
constexpr int kFiles = 5;
constexpr int kPassages = 12;
std::string versioned_text(int file, int round) {
  std::string text;
  for (int p = 1; p <= kPassages; ++p)
    text += std::to_string(p) + ". The lighthouse keeper of file " + std::to_string(file) +
            " writes edition " + std::to_string(round) + " of paragraph " + std::to_string(p) +
            ".\n\n";
  return text;
}

int edition_of(const std::string& text) {
  const auto at = text.find("edition ");
  return at == std::string::npos ? -1 : std::atoi(text.c_str() + at + 8);
}

// Two readers search while a writer rewrites every file and commits, for four seconds or
// `max_rounds` commits, whichever comes first.
void search_while_a_writer_commits(bool term_lists, int max_rounds) {
  TempDir dir;
  const std::string index = dir / "index";
  IndexerOptions options;
  options.shards = 2;
  options.term_lists = term_lists;
  {
    Indexer indexer = Indexer::open(index, options);
    for (int f = 0; f < kFiles; ++f)
      indexer.add_text("file-" + std::to_string(f), versioned_text(f, 0));
    indexer.commit();
  }

  std::atomic<bool> writing{true};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    Indexer indexer = Indexer::open(index, options);
    const auto stop = std::chrono::steady_clock::now() + std::chrono::seconds(4);
    for (int round = 1; round <= max_rounds && std::chrono::steady_clock::now() < stop; ++round) {
      for (int f = 0; f < kFiles; ++f)
        indexer.add_text("file-" + std::to_string(f), versioned_text(f, round));
      indexer.commit();
      ++commits;
    }
    writing = false;
  });

  // Readers, each with its own Searcher (a Searcher is not shared between threads). A search
  // that meets a revision the writer has discarded must reopen and retry; only when every retry
  // is discarded too, which a writer committing without pause can do to a reader the host
  // starves (search.h), may it give up, and then it says so (kLocked). Nothing else may fail.
  std::atomic<int> searches{0};
  std::atomic<int> locked{0};
  auto reader = [&] {
    const Searcher searcher = Searcher::open(index);
    SearchOptions page;
    page.limit = 100;
    while (writing) {
      SearchResult result;
      try {
        result = searcher.search("lighthouse keeper", page);
      } catch (const Error& e) {
        if (e.code() == ErrorCode::kLocked) {
          ++locked;
          continue;
        }
        ADD_FAILURE() << "a search failed during commits: " << e.what();
        return;
      }
      ++searches;
      // Every file is there, whole, and all its passages come from one commit.
      ASSERT_EQ(result.hits.size(), static_cast<std::size_t>(kFiles * kPassages));
      std::map<std::string, std::set<int>> editions;
      for (const auto& hit : result.hits)
        editions[hit.document.source].insert(edition_of(hit.text));
      ASSERT_EQ(editions.size(), static_cast<std::size_t>(kFiles));
      for (const auto& [file, seen] : editions)
        ASSERT_EQ(seen.size(), 1u) << file << " mixes passages of two commits";
    }
  };
  std::thread reader_a(reader), reader_b(reader);
  reader_a.join();
  reader_b.join();
  writer.join();
  EXPECT_GT(commits.load(), 10);
  EXPECT_GT(searches.load(), 10);
  // Giving up is the exception: retries must carry almost every search through the commits.
  EXPECT_LT(locked.load() * 10, searches.load()) << locked.load() << " searches gave up";
}

TEST(Consistency, SearcherAnswersWithWholeFilesWhileAWriterCommits) {
  // Updates delete the old passages: as many commits as four seconds allow (about 500).
  search_while_a_writer_commits(true, std::numeric_limits<int>::max());
}

TEST(Consistency, SearcherAnswersWithWholeFilesWhileAWriterLeavesTombstones) {
  // Updates leave the old passages dead (tombstones.h), so each commit makes every search
  // longer: after 500 rewrites of every file, 30,000 dead passages beside 60 live ones, a
  // search took 4 times as long and one in three runs saw a search outlive its retries (a
  // reader must finish within two of the writer's commits). 100 rewrites, still each commit a
  // few milliseconds apart, test the same atomicity.
  search_while_a_writer_commits(false, 100);
}

// Corpus files plus generated ones, so that threads and shards have work to share.
std::string make_documents(const TempDir& dir) {
  const std::string docs = dir / "docs";
  fs::create_directories(docs);
  for (const auto& entry : fs::directory_iterator(TREATYSEARCH_QUICK_CORPUS_DIR))
    fs::copy(entry.path(), fs::path(docs) / entry.path().filename());
  const char* topics[] = {"torture", "detention", "hate speech", "asylum", "language rights"};
  for (int f = 0; f < 24; ++f) {
    std::string text = "Observations " + std::to_string(f) + "\n\n";
    for (int p = 1; p <= 12; ++p)
      text += std::to_string(p) + ". The Committee is concerned about " + topics[(f + p) % 5] +
              " and " + topics[(f * p) % 5] + " in region " + std::to_string(f * 13 % 7) +
              ", paragraph " + std::to_string(p) + ".\n\n";
    dir.write("docs/generated-" + std::to_string(f) + ".txt", text);
  }
  return docs;
}

std::string build(const TempDir& dir, const std::string& name, const std::string& docs,
                  unsigned shards, unsigned threads) {
  IndexerOptions options;
  options.shards = shards;
  options.threads = threads;
  const std::string index = dir / name;
  Indexer indexer = Indexer::open(index, options);
  const IngestReport report = indexer.add_paths({docs});
  EXPECT_EQ(report.failed, 0u);
  return index;
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", score);
  return buffer;
}

TEST(Consistency, SameRankingWithOneAndManyShards) {
  TempDir dir;
  const std::string docs = make_documents(dir);
  const Searcher one = Searcher::open(build(dir, "one", docs, 1, 2));
  const Searcher three = Searcher::open(build(dir, "three", docs, 3, 2));
  ASSERT_EQ(one.passage_count(), three.passage_count());
  SearchOptions page;
  page.limit = 40;
  for (const char* query : {"torture", "hate speech", "\"hate speech\" Kazakhstan",
                            "detention AND asylum", "language NOT rights", "discrimination"}) {
    const SearchResult a = one.search(query, page);
    const SearchResult b = three.search(query, page);
    ASSERT_EQ(a.hits.size(), b.hits.size()) << query;
    // `total` is exact when the page is not filled. Otherwise it is an estimate, which each
    // shard makes from the candidates it looked at (shard_match.h): of the same size, not equal.
    // (Xapian's estimates of an AND_NOT or of a checked phrase were measured here up to 2.6
    // times the exact count, with one shard as with three.)
    if (a.hits.size() < page.limit) {
      EXPECT_EQ(a.total, b.total) << query;
    } else {
      EXPECT_GE(std::min(a.total, b.total), page.limit) << query;
      EXPECT_LE(std::max(a.total, b.total), 2 * std::min(a.total, b.total)) << query;
    }
    // Scores rank for rank. Passages of equal score may come in another order (their docids
    // differ), so a full page's last group of equal scores may be cut elsewhere: the passages
    // are compared above that group.
    const bool full = a.hits.size() == page.limit;
    std::vector<std::pair<std::string, std::string>> ranked_a, ranked_b;
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_NEAR(a.hits[i].score, b.hits[i].score, 1e-9 * std::max(1.0, a.hits[i].score))
          << query << " rank " << i + 1;
      if (full && score_text(a.hits[i].score) == score_text(a.hits.back().score)) continue;
      ranked_a.emplace_back(score_text(a.hits[i].score), a.hits[i].citation);
      ranked_b.emplace_back(score_text(b.hits[i].score), b.hits[i].citation);
    }
    EXPECT_GT(ranked_a.size(), 3u) << query;
    std::sort(ranked_a.begin(), ranked_a.end());
    std::sort(ranked_b.begin(), ranked_b.end());
    EXPECT_EQ(ranked_a, ranked_b) << query;
  }
}

// Everything Xapian holds for one shard, as comparable text. The vocabulary is metadata too
// (vocabulary.h). The commit number names commits, which depend on how the work was divided, not
// what was written.
std::map<std::string, std::string> shard_contents(const std::string& shard) {
  std::map<std::string, std::string> out = testing::shard_contents(Xapian::Database(shard));
  out.erase(std::string("meta ") + core::schema::kCommitKey);
  return out;
}

TEST(Consistency, SameIndexWithOneAndManyThreads) {
  TempDir dir;
  const std::string docs = make_documents(dir);
  const std::string serial = build(dir, "serial", docs, 2, 1);
  const std::string parallel = build(dir, "parallel", docs, 2, 4);
  for (const char* shard : {"/shard0", "/shard1"}) {
    const auto a = shard_contents(serial + shard);
    const auto b = shard_contents(parallel + shard);
    ASSERT_EQ(a.size(), b.size()) << shard;
    for (const auto& [key, value] : a) {
      const auto it = b.find(key);
      ASSERT_NE(it, b.end()) << shard << ": " << key << " only with one thread";
      EXPECT_EQ(value, it->second) << shard << ": " << key;
    }
  }
}

}  // namespace
}  // namespace treatysearch

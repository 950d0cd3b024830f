// Updates of an index without Xapian's term lists (the default; search/core/tombstones.h) leave
// the passages they replace or remove in place, marked dead. Every way of reading the index must
// then answer exactly as an index with term lists, whose updates delete: each test runs on both.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.h"
#include "treatysearch/check.h"
#include "treatysearch/error.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

class Superseded : public ::testing::TestWithParam<bool> {
 protected:
  // Indexes the folder docs/ as it is now into `index` (the updated one by default).
  IngestReport index_docs(const std::string& index = {}) {
    IndexerOptions options;
    options.shards = 2;
    options.term_lists = GetParam();
    Indexer indexer = Indexer::open(index.empty() ? index_ : index, options);
    IngestReport report = indexer.add_paths({dir_ / "docs"});
    indexer.commit();
    return report;
  }
  // The same queries on an index built afresh from docs/ as it is now: what the updated index
  // must answer.
  void build_fresh() { index_docs(fresh_); }
  // Rewrites a file so that its size and time change.
  void rewrite(const std::string& name, const std::string& text) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    dir_.write("docs/" + name, text);
  }
  std::vector<std::string> citations(const std::string& query, const std::string& index = {}) {
    SearchOptions options;
    options.limit = 50;
    std::vector<std::string> out;
    for (const Hit& hit :
         Searcher::open(index.empty() ? index_ : index).search(query, options).hits)
      out.push_back(hit.citation);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::uint64_t total(const std::string& query, bool facets = false) {
    SearchOptions options;
    options.limit = 0;
    options.facets = facets;
    return Searcher::open(index_).search(query, options).total;
  }

  TempDir dir_;
  const std::string index_ = dir_ / "index";
  const std::string fresh_ = dir_ / "fresh";
};

constexpr const char* kFirst =
    "1. The Committee is concerned about lighthouses on the coast.\n\n"
    "2. The Committee recommends that the State party protect lighthouses.\n\n"
    "3. The Committee notes the harbour lighthouses of the capital.\n";

TEST_P(Superseded, ReplacedAndRemovedPassagesAreGoneEverywhere) {
  dir_.write("docs/a.txt", kFirst);
  dir_.write("docs/b.txt", "1. The Committee welcomes the windmills of the lighthouses region.\n");
  dir_.write("docs/c.txt", "1. Lighthouses again, in a file that stays.\n");
  ASSERT_EQ(index_docs().passages, 5u);
  // Three updates of a (each with fewer or more passages), b removed.
  rewrite("a.txt", "1. The Committee is concerned about lanterns.\n");
  index_docs();
  rewrite("a.txt",
          "1. The Committee is concerned about lanterns and lighthouses.\n\n"
          "2. It recommends new lanterns.\n");
  std::filesystem::remove(dir_ / "docs/b.txt");
  const IngestReport update = index_docs();
  EXPECT_EQ(update.updated, 1u);
  EXPECT_EQ(update.removed, 1u);

  build_fresh();
  EXPECT_EQ(Searcher::open(index_).passage_count(), 3u);
  for (const char* query : {"lighthouses", "windmills", "harbour", "lanterns",
                            "\"protect lighthouses\"", "lanterns w/3 lighthouses", "committee"})
    EXPECT_EQ(citations(query), citations(query, fresh_)) << query;
  EXPECT_EQ(citations("lighthouses").size(), 2u);
  EXPECT_EQ(citations("lanterns").size(), 2u);
  EXPECT_TRUE(citations("windmills").empty());
  EXPECT_TRUE(citations("harbour").empty());
  // Totals: estimated (no page), exact (facets), and the facet counts themselves.
  EXPECT_EQ(total("lighthouses"), 2u);
  EXPECT_EQ(total("lighthouses", true), 2u);
  EXPECT_EQ(total("lanterns"), 2u);
  SearchOptions faceted;
  faceted.facets = true;
  const SearchResult with_facets = Searcher::open(index_).search("lighthouses", faceted);
  ASSERT_TRUE(with_facets.facets.has_value());
  std::uint64_t counted = 0;
  for (const FacetCount& language : with_facets.facets->language) counted += language.count;
  EXPECT_EQ(counted, 2u);
  // Grouped by document: a's live passages only.
  SearchOptions grouped;
  grouped.group = true;
  for (const DocumentGroup& group : Searcher::open(index_).search("lighthouses", grouped).groups)
    EXPECT_EQ(group.hit_count, 1u) << group.document.source;

  // Passages by id: the live ones.
  const Searcher searcher = Searcher::open(index_);
  const SearchResult found = searcher.search("lanterns");
  ASSERT_FALSE(found.hits.empty());
  const std::string file_id = found.hits.front().id.substr(0, found.hits.front().id.find(':'));
  EXPECT_NE(searcher.passage(file_id + ":0", 0).passage.text.find("lanterns and lighthouses"),
            std::string::npos);
  EXPECT_THROW(searcher.passage(file_id + ":2", 0), Error);  // the first version's third
  std::string second_citation;
  for (const Hit& hit : found.hits)
    if (hit.id == file_id + ":1") second_citation = hit.citation;
  ASSERT_FALSE(second_citation.empty());
  EXPECT_NE(searcher.passage(file_id + ":1", 0).passage.text.find("new lanterns"),
            std::string::npos);
  // Passages like one: never a superseded copy.
  SearchOptions like;
  like.limit = 50;
  for (const Hit& hit : searcher.similar(file_id + ":0", like).hits)
    EXPECT_TRUE(hit.citation == second_citation || hit.id.rfind(file_id, 0) != 0)
        << hit.citation << " " << hit.text;
  std::vector<std::string> like_fresh, like_updated;
  const Searcher fresh = Searcher::open(fresh_);
  for (const Hit& hit : fresh.similar(file_id + ":0", like).hits) like_fresh.push_back(hit.text);
  for (const Hit& hit : searcher.similar(file_id + ":0", like).hits)
    like_updated.push_back(hit.text);
  EXPECT_EQ(like_updated, like_fresh);

  // The check counts live passages and finds the tombstones consistent.
  const CheckReport report = check_index(index_);
  EXPECT_TRUE(report.healthy()) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_EQ(report.passages, 3u);
  EXPECT_EQ(report.files, 2u);
}

TEST_P(Superseded, ARemovedFileAddedAgainIsThereOnce) {
  dir_.write("docs/a.txt", kFirst);
  index_docs();
  const std::string moved = dir_ / "a.txt.away";
  std::filesystem::rename(dir_ / "docs/a.txt", moved);
  index_docs();
  EXPECT_TRUE(citations("lighthouses").empty());
  EXPECT_EQ(Searcher::open(index_).passage_count(), 0u);
  std::filesystem::rename(moved, dir_ / "docs/a.txt");
  index_docs();
  build_fresh();
  EXPECT_EQ(citations("lighthouses"), citations("lighthouses", fresh_));
  EXPECT_EQ(citations("lighthouses").size(), 3u);
  EXPECT_EQ(total("lighthouses"), 3u);
  EXPECT_EQ(Searcher::open(index_).passage_count(), 3u);
  EXPECT_TRUE(check_index(index_).healthy());
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutTermLists, Superseded, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& param) {
                           return param.param ? "WithTermLists" : "WithoutTermLists";
                         });

}  // namespace
}  // namespace treatysearch

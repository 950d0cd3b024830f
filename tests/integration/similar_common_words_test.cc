// similar() leaves out of its query the words found in a large share of a large index's
// passages (searcher_similar.cc): they say what the index is about, not the passage.
#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

// An index of `passages` filler passages in documents of 100 numbered paragraphs, every
// `common_every`-th of which repeats "committee" (more telling than any other word by its
// count); "reference" holds the passage whose likes are asked for, "target" the one passage
// sharing its rare words.
std::string build(const testing::TempDir& dir, int passages, int common_every) {
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  for (int d = 0; d * 100 < passages; ++d) {
    std::string text;
    for (int p = 1; p <= 100 && d * 100 + p <= passages; ++p)
      text += std::to_string(p) + ". " +
              ((d * 100 + p) % common_every == 0
                   ? "Committee committee committee committee committee observed."
                   : "Progress was reported.") +
              "\n";
    indexer.add_text("filler-" + std::to_string(d), text);
  }
  indexer.add_text("reference",
                   "1. Committee committee committee committee committee zorblat quintessa.\n");
  indexer.add_text("target", "1. Zorblat and quintessa again.\n");
  indexer.commit();
  return index;
}

bool shares_a_rare_word(const Hit& hit) {
  return hit.text.find("orblat") != std::string::npos ||
         hit.text.find("uintessa") != std::string::npos;
}

TEST(SimilarCommonWords, AWordInOverATenthOfALargeIndexIsLeftOut) {
  // 1,200 filler passages, "committee" in 1 of 6 (200 passages + the reference: over 10 %, but
  // not over 1,000): kept. 6,000 passages, "committee" in 1,001 of them: left out.
  for (const auto& [passages, common_every, kept] :
       {std::tuple{1200, 6, true}, std::tuple{6000, 6, false}}) {
    testing::TempDir case_dir;
    const Searcher searcher = Searcher::open(build(case_dir, passages, common_every));
    SearchOptions options;
    options.limit = 5;
    std::string reference, target;
    for (const Hit& hit : searcher.search("zorblat").hits)
      (hit.citation.starts_with("reference") ? reference : target) = hit.id;
    ASSERT_FALSE(reference.empty());
    const SearchResult like = searcher.similar(reference, options);
    ASSERT_FALSE(like.hits.empty()) << passages;
    EXPECT_EQ(like.hits.front().id, target) << passages;
    std::size_t on_rare_words = 0;
    for (const Hit& hit : like.hits) on_rare_words += shares_a_rare_word(hit);
    if (kept) {
      EXPECT_GT(like.total, 100u) << "committee kept: its passages are similar too";
    } else {
      EXPECT_EQ(like.total, 1u) << "committee left out: only the target shares a word";
      EXPECT_EQ(on_rare_words, like.hits.size());
    }
  }
}

}  // namespace
}  // namespace treatysearch

// Phrases of common words in an index with W-terms (pair_terms.h): the same passages and
// facet counts as the check alone gives, which is how an index made before W-terms (without
// schema::kPairWordsKey) is searched.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index_layout.h"
#include "pair_terms.h"
#include "schema.h"
#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

// Passages where the phrase's pairs are together, apart, across a full stop, or one missing.
const std::vector<std::string> kDocuments = {
    "1. The State party should report.\n\n2. The state and the party.\n",
    "1. A party of the State. The State. Party.\n\n2. State party and the State party.\n",
    "1. The State, party to the Convention.\n\n2. Under the State party law.\n",
    "1. The state of the party.\n\n2. The States parties.\n"};

std::vector<std::string> citations(const Searcher& searcher, const std::string& query) {
  SearchOptions options;
  options.limit = 50;
  std::vector<std::string> out;
  for (const Hit& hit : searcher.search(query, options).hits) out.push_back(hit.citation);
  std::sort(out.begin(), out.end());
  return out;
}

std::uint64_t facet_total(const Searcher& searcher, const std::string& query) {
  SearchOptions options;
  options.facets = true;
  const SearchResult result = searcher.search(query, options);
  std::uint64_t total = 0;
  for (const FacetCount& count : result.facets.value().language) total += count.count;
  return total;
}

const std::vector<std::string> kPhrases = {"\"the State party\"", "\"State party\"",
                                           "\"the State\"",       "\"the party\"",
                                           "\"of the State\"",    "\"the State party\" report",
                                           "\"party to the\""};

TEST(PhrasePairs, AnIndexWithPairsAnswersAsTheCheckAloneDoes) {
  testing::TempDir dir;
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index);
    for (std::size_t d = 0; d < kDocuments.size(); ++d)
      indexer.add_text("doc" + std::to_string(d), kDocuments[d]);
    indexer.commit();
  }
  {
    const Xapian::Database first(core::layout::shard_dir(index, 0));
    ASSERT_TRUE(core::has_pair_terms(first.get_metadata(core::schema::kPairWordsKey)));
    ASSERT_GT(Xapian::Database(index).get_termfreq(core::pair_term("state", "party")), 0u);
  }
  std::vector<std::vector<std::string>> with_pairs;
  std::vector<std::uint64_t> with_pairs_facets;
  {
    const Searcher searcher = Searcher::open(index);
    for (const std::string& phrase : kPhrases) {
      with_pairs.push_back(citations(searcher, phrase));
      with_pairs_facets.push_back(facet_total(searcher, phrase));
    }
  }
  // A phrase's words are consecutive positions: punctuation and full stops are not words.
  EXPECT_EQ(with_pairs[0],
            (std::vector<std::string>{"doc0, para. [1]", "doc1, para. [1]", "doc1, para. [2]",
                                      "doc2, para. [1]", "doc2, para. [2]"}));
  EXPECT_EQ(with_pairs_facets[0], 5u);
  // The same index read as one made before W-terms: every phrase is the check's alone.
  {
    Xapian::WritableDatabase first(core::layout::shard_dir(index, 0), Xapian::DB_OPEN);
    first.set_metadata(core::schema::kPairWordsKey, "");
    first.commit();
  }
  const Searcher searcher = Searcher::open(index);
  for (std::size_t i = 0; i < kPhrases.size(); ++i) {
    EXPECT_EQ(citations(searcher, kPhrases[i]), with_pairs[i]) << kPhrases[i];
    EXPECT_EQ(facet_total(searcher, kPhrases[i]), with_pairs_facets[i]) << kPhrases[i];
  }
}

}  // namespace
}  // namespace treatysearch

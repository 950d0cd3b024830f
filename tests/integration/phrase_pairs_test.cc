// Phrases of common words in an index with W-terms (pair_terms.h): the same passages and
// facet counts as the check alone gives, which is how an index made before W-terms (without
// schema::kPairWordsKey) is searched, and as the pairs alone give (an index of version 1).
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
    "1. The state of the party.\n\n2. The States parties.\n",
    "1. The State is a State party.\n\n2. Of the State party and the State.\n"};

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

// Phrases that are one W-term (of two or three words), of several, beside words, in an OR or
// under a NOT with phrases the check decides, and spelled (#).
const std::vector<std::string> kPhrases = {"\"the State party\"",
                                           "\"State party\"",
                                           "\"the State\"",
                                           "\"the party\"",
                                           "\"of the State\"",
                                           "\"the State party\" report",
                                           "\"party to the\"",
                                           "\"a State party\"",
                                           "\"of the State party\"",
                                           "\"State party\" OR \"state of\"",
                                           "\"the State party\" OR \"States parties\"",
                                           "party -\"the State party\"",
                                           "state NOT (\"State party\" OR \"of the State\")",
                                           "#\"the State party\"",
                                           "\"the State party\" w/3 report"};

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
    ASSERT_EQ(core::pair_term_words(first.get_metadata(core::schema::kPairWordsKey)), 3u);
    const Xapian::Database all(index);
    ASSERT_GT(all.get_termfreq(core::pair_term("state", "party")), 0u);
    ASSERT_GT(all.get_termfreq(core::triple_term("the", "state", "party")), 0u);
  }
  std::vector<std::vector<std::string>> with_triples;
  std::vector<std::uint64_t> with_triples_facets;
  {
    const Searcher searcher = Searcher::open(index);
    for (const std::string& phrase : kPhrases) {
      with_triples.push_back(citations(searcher, phrase));
      with_triples_facets.push_back(facet_total(searcher, phrase));
    }
  }
  // A phrase's words are consecutive positions: punctuation and full stops are not words.
  EXPECT_EQ(with_triples[0],
            (std::vector<std::string>{"doc0, para. [1]", "doc1, para. [1]", "doc1, para. [2]",
                                      "doc2, para. [1]", "doc2, para. [2]", "doc4, para. [2]"}));
  EXPECT_EQ(with_triples_facets[0], 6u);
  // "The State is a State party": both pairs of "the State party", not the phrase.
  EXPECT_EQ(with_triples[7], std::vector<std::string>{"doc4, para. [1]"});
  // party, its forms ("parties") included, without the phrase.
  EXPECT_EQ(with_triples[11], (std::vector<std::string>{"doc0, para. [2]", "doc3, para. [1]",
                                                        "doc3, para. [2]", "doc4, para. [1]"}));
  // The same index read as one of version 1 (its pairs only), then as one made before W-terms
  // (the check alone): every phrase finds the same passages.
  for (const char* version : {"1", ""}) {
    {
      Xapian::WritableDatabase first(core::layout::shard_dir(index, 0),
                                     Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
      first.set_metadata(core::schema::kPairWordsKey, version);
      first.commit();
    }
    const Searcher searcher = Searcher::open(index);
    for (std::size_t i = 0; i < kPhrases.size(); ++i) {
      EXPECT_EQ(citations(searcher, kPhrases[i]), with_triples[i]) << kPhrases[i] << " " << version;
      EXPECT_EQ(facet_total(searcher, kPhrases[i]), with_triples_facets[i])
          << kPhrases[i] << " " << version;
    }
  }
}

}  // namespace
}  // namespace treatysearch

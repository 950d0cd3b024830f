// Similar passages found through the words' scores (like_matcher.h, similarity_scores.h) give
// the page Xapian's OR gives: the same passages, weights to the last bit, the same totals.
#include "like_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "ranking.h"
#include "temp_dir.h"

namespace treatysearch::search {
namespace {

class LikeMatcherTest : public ::testing::Test {
 protected:
  static constexpr int kWords = 30;
  static constexpr int kCopies = 60;  // of one passage: ties past LikeMatcher::kSpareCandidates

  void SetUp() override {
    std::mt19937 random(20261203);
    for (int k = 0; k < 2; ++k) {
      Xapian::WritableDatabase shard(dir_ / ("shard" + std::to_string(k)), Xapian::DB_CREATE);
      for (int i = 0; i < 400; ++i) add_passage(shard, random, i % 7, i % 3);
      // Copies of one passage, in both shards and in several files and States.
      for (int i = 0; i < kCopies / 2; ++i) add_copy(shard, i % 5, i % 2);
      shard.commit();
      shards_.push_back(Xapian::Database(dir_ / ("shard" + std::to_string(k))));
    }
  }

  static std::string word(int w) { return "w" + std::to_string(w); }

  void add_passage(Xapian::WritableDatabase& shard, std::mt19937& random, int file, int state) {
    Xapian::Document doc;
    // Lower words are commoner, as in text.
    std::uniform_int_distribution<int> pick(0, kWords * kWords - 1);
    std::uniform_int_distribution<int> impact(1, 100);
    for (int n = 0; n < 12; ++n) {
      const int w = kWords - 1 - static_cast<int>(std::sqrt(pick(random)));
      doc.add_term(word(w), static_cast<Xapian::termcount>(impact(random)));
    }
    doc.add_boolean_term("F" + std::to_string(file));
    doc.add_boolean_term("S" + std::to_string(state));
    doc.add_boolean_term("Q" + std::to_string(next_id_++));
    shard.add_document(doc);
  }

  void add_copy(Xapian::WritableDatabase& shard, int file, int state) {
    Xapian::Document doc;
    for (int w : {3, 5, 8, 13, 21}) doc.add_term(word(w), static_cast<Xapian::termcount>(40 + w));
    doc.add_term("copied", 77);  // a word of the copies only
    doc.add_boolean_term("F" + std::to_string(file));
    doc.add_boolean_term("S" + std::to_string(state));
    doc.add_boolean_term("Q" + std::to_string(next_id_++));
    shard.add_document(doc);
  }

  // Words 0..count-1 as a similarity query: word w has forms "w<w>" and its plural, with a
  // scale that is no round number.
  void make_query(int count) {
    words_.clear();
    for (int w = 0; w < count; ++w)
      words_.push_back({{word(w), word(w) + "s"}, 0.37 + 1.0 / (w + 1.3)});
  }

  // The page through the scores and through the OR, compared in full.
  void expect_same_page(const SimilarTier& tier, std::size_t first, std::size_t maxitems) {
    const LikeMatcher by_scores(shards_, words_, /*remote=*/false);
    const LikeMatcher by_or(shards_, words_, /*remote=*/true);
    const ShardedMSet fast = by_scores.match(tier, first, maxitems, first + maxitems);
    const ShardedMSet plain = by_or.match(tier, first, maxitems, first + maxitems);
    const std::string where = tier_query(by_or.like(), tier).get_description() + " from " +
                              std::to_string(first) + ", " + std::to_string(maxitems);
    EXPECT_EQ(fast.estimated, plain.estimated) << where;
    ASSERT_EQ(fast.matches.size(), plain.matches.size()) << where;
    for (std::size_t i = 0; i < fast.matches.size(); ++i) {
      EXPECT_EQ(fast.matches[i].shard, plain.matches[i].shard) << where << " rank " << i;
      EXPECT_EQ(fast.matches[i].docid, plain.matches[i].docid) << where << " rank " << i;
      EXPECT_EQ(fast.matches[i].weight, plain.matches[i].weight) << where << " rank " << i;
    }
  }

  testing::TempDir dir_;
  int next_id_ = 0;
  std::vector<Xapian::Database> shards_;
  std::vector<WeighedWord> words_;
};

TEST_F(LikeMatcherTest, ScoresAreXapiansWeightsButForRounding) {
  make_query(25);
  for (const Xapian::Database& shard : shards_) {
    const auto scores = ShardScores::add_up(shard, words_);
    // The thread's arrays are left clean for the next call.
    const auto again = ShardScores::add_up(shard, words_);
    EXPECT_EQ(again->docids, scores->docids);
    EXPECT_EQ(again->scores, scores->scores);
    Xapian::Enquire enquire(shard);
    enquire.set_query(similarity_query(words_));
    enquire.set_weighting_scheme(ranking_weight());
    const Xapian::MSet all = enquire.get_mset(0, shard.get_doccount());
    ASSERT_EQ(scores->docids.size(), all.size());  // every passage holding a word, none else
    for (auto it = all.begin(); it != all.end(); ++it) {
      const auto at = std::lower_bound(scores->docids.begin(), scores->docids.end(), *it);
      ASSERT_TRUE(at != scores->docids.end() && *at == *it);
      const double score = scores->scores[static_cast<std::size_t>(at - scores->docids.begin())];
      EXPECT_NEAR(score, it.get_weight(), it.get_weight() * 1e-13) << *it;
      EXPECT_LE(score, scores->max_score);
    }
  }
}

TEST_F(LikeMatcherTest, PagesAreTheOrsWithFiltersExclusionsAndOffsets) {
  for (int count : {1, 4, 25}) {
    make_query(count);
    const Xapian::Query own("Q7");
    const Xapian::Query state("S1");
    const Xapian::Query file("F2");
    const std::vector<SimilarTier> tiers = {
        {Xapian::Query(), own},
        {Xapian::Query(), Xapian::Query(Xapian::Query::OP_OR, own, state)},
        {state, Xapian::Query(Xapian::Query::OP_OR, own, file)},
        {Xapian::Query(Xapian::Query::OP_AND, state, file), own},
        {Xapian::Query("Fnone"), own},  // an empty tier
    };
    for (const SimilarTier& tier : tiers)
      for (const auto& [first, maxitems] : std::vector<std::pair<std::size_t, std::size_t>>{
               {0, 10}, {0, 1}, {5, 10}, {30, 20}, {0, 0}, {200, 50}, {0, 500}, {1500, 10}})
        expect_same_page(tier, first, maxitems);
  }
}

TEST_F(LikeMatcherTest, EstimatesAreTheOrsAndCanBeLeftToTheCaller) {
  make_query(25);
  const Xapian::Query own("Q7");
  const Xapian::Query state("S1");
  for (const bool remote : {false, true}) {
    const LikeMatcher matcher(shards_, words_, remote);
    for (const SimilarTier& tier : {SimilarTier{Xapian::Query(), own}, SimilarTier{state, own},
                                    SimilarTier{Xapian::Query("Fnone"), own}}) {
      const std::string where = tier_query(matcher.like(), tier).get_description();
      const std::uint64_t estimate =
          match_shards(shards_, tier_query(matcher.like(), tier), MatchSettings{}, {}, 0, 0, 0)
              .estimated;
      EXPECT_EQ(matcher.estimate(tier), estimate) << where;
      EXPECT_EQ(matcher.match(tier, 0, 0, 0).estimated, estimate) << where;
      EXPECT_EQ(matcher.match(tier, 0, 0, 0, false).estimated, 0u) << where;
      // A full page: no estimate unless asked; a page past the end: the exact count either way.
      const ShardedMSet full = matcher.match(tier, 0, 10, 10, false);
      const ShardedMSet asked = matcher.match(tier, 0, 10, 10);
      if (full.matches.size() == 10) {
        EXPECT_EQ(full.estimated, 0u) << where;
        EXPECT_EQ(asked.estimated, estimate) << where;
      }
      const ShardedMSet past = matcher.match(tier, 5000, 10, 5010, false);
      EXPECT_TRUE(past.matches.empty()) << where;
      EXPECT_EQ(past.estimated, matcher.match(tier, 5000, 10, 5010).estimated) << where;
    }
  }
}

TEST_F(LikeMatcherTest, CopiesTiedAtTheLastPlaceAreAllWeighed) {
  // The copies' own word and two of theirs: the copies lead, all with one score, far more of
  // them than the page and its spare candidates; their order is Xapian's (by document id),
  // however many tie.
  make_query(22);
  words_ = {{{"copied"}, 2.5}, words_[8], words_[13]};
  ASSERT_GT(kCopies, static_cast<int>(10 + LikeMatcher::kSpareCandidates));
  for (const auto& [first, maxitems] :
       std::vector<std::pair<std::size_t, std::size_t>>{{0, 10}, {25, 10}, {55, 10}})
    expect_same_page({Xapian::Query(), Xapian::Query("Q0")}, first, maxitems);
}

// Passages whose scores tie while their weights differ by the rounding of a sum (or the
// reverse): those tied past the passages scored are weighed too.
TEST(LikeMatcher, ScoresTiedButForRoundingAreAllWeighed) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase shard(dir / "shard0", Xapian::DB_CREATE);
    const auto add = [&](const std::vector<std::string>& terms, int copies) {
      for (int i = 0; i < copies; ++i) {
        Xapian::Document doc;
        for (const std::string& term : terms) doc.add_term(term, 1);
        shard.add_document(doc);
      }
    };
    add({"x", "y", "z"}, 20);  // first: the lowest document ids
    add({"u"}, 20);
    add({"v"}, 20);
    shard.commit();
  }
  const std::vector<Xapian::Database> shards = {Xapian::Database(dir / "shard0")};
  // 0.1 + 0.2 + 0.3 is 0.6 or the double after it, by the order of the sum: u weighs the one, v
  // the other.
  const double after = std::nextafter(0.6, 1.0);
  std::vector<WeighedWord> xyz = {{{"x"}, 0.1}, {{"y"}, 0.2}, {{"z"}, 0.3}};
  std::sort(xyz.begin(), xyz.end(),
            [](const WeighedWord& a, const WeighedWord& b) { return a.scale < b.scale; });
  bool differ = false;
  do {
    std::vector<WeighedWord> words = xyz;
    words.push_back({{"u"}, after});
    words.push_back({{"v"}, 0.6});
    const Xapian::Query like = similarity_query(words);
    Xapian::Enquire enquire(shards[0]);
    enquire.set_query(like);
    enquire.set_weighting_scheme(ranking_weight());
    const Xapian::MSet mset = enquire.get_mset(0, 60);
    double xyz_weight = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      if (*it == 1) xyz_weight = it.get_weight();
    const double xyz_score = ShardScores::add_up(shards[0], words)->scores.front();
    if (xyz_score == xyz_weight) continue;
    differ = true;
    const LikeMatcher by_scores(shards, words, false);
    const LikeMatcher by_or(shards, words, true);
    const SimilarTier all{Xapian::Query(), Xapian::Query("none")};
    const ShardedMSet fast = by_scores.match(all, 0, 10, 10);
    const ShardedMSet plain = by_or.match(all, 0, 10, 10);
    ASSERT_EQ(fast.matches.size(), plain.matches.size());
    for (std::size_t i = 0; i < fast.matches.size(); ++i) {
      EXPECT_EQ(fast.matches[i].docid, plain.matches[i].docid) << i;
      EXPECT_EQ(fast.matches[i].weight, plain.matches[i].weight) << i;
    }
  } while (std::next_permutation(
      xyz.begin(), xyz.end(),
      [](const WeighedWord& a, const WeighedWord& b) { return a.scale < b.scale; }));
  EXPECT_TRUE(differ) << "no order of the sum tells a score from a weight";
}

TEST(ListedPassages, SkipsPassagesBelowTheWeightXapianNeeds) {
  auto scores = std::make_shared<ShardScores>();
  scores->docids = {2, 5, 9, 14, 20};
  scores->scores = {1.0, 4.0, 2.0, 8.0, 3.0};
  scores->max_score = 8.0;
  ListedPassages source(scores);
  source.init(Xapian::Database());
  EXPECT_EQ(source.get_maxweight(), 8.0);
  source.next(0);
  EXPECT_EQ(source.get_docid(), 2u);
  source.next(3.5);  // 9 (2.0) is below: skipped
  EXPECT_EQ(source.get_docid(), 5u);
  EXPECT_EQ(source.get_weight(), 4.0);
  source.skip_to(6, 0);
  EXPECT_EQ(source.get_docid(), 9u);
  source.skip_to(9, 0);  // never backwards, nor past what it is on
  EXPECT_EQ(source.get_docid(), 9u);
  source.skip_to(10, 5.0);
  EXPECT_EQ(source.get_docid(), 14u);
  source.next(9.0);
  EXPECT_TRUE(source.at_end());

  // Listed only: every passage, weighing nothing.
  ListedPassages listed(ShardScores::listing({3, 4}));
  listed.init(Xapian::Database());
  listed.next(0);
  EXPECT_EQ(listed.get_weight(), 0.0);
  listed.next(0);
  EXPECT_EQ(listed.get_docid(), 4u);
  listed.next(0);
  EXPECT_TRUE(listed.at_end());
}

}  // namespace
}  // namespace treatysearch::search

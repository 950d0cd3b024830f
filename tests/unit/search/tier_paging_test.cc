// Paging through tiers (searcher_hits.h): ranks carried from tier to tier, and a full page's
// total taken from one estimate of the tiers left when a tier offers it.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "searcher_hits.h"

namespace treatysearch::search {
namespace {

// A tier of `count` matches (weights count, count-1, ...), which reports an exact count when
// the page is not full and `full_estimate` when it is, and counts the calls made to it.
struct FakeTier {
  std::size_t count = 0;
  std::uint64_t full_estimate = 0;
  std::uint64_t from_here = 0;  // what estimate_from_here gives
  int matched = 0;              // calls of match
  int estimated = 0;            // calls of estimate_from_here

  Tier tier(bool with_estimate_from_here) {
    Tier t;
    t.match = [this](std::size_t first, std::size_t maxitems, std::size_t) {
      ++matched;
      ShardedMSet mset;
      for (std::size_t i = first; i < count && mset.matches.size() < maxitems; ++i) {
        ShardedMatch match;
        match.docid = static_cast<Xapian::docid>(i + 1);
        match.weight = static_cast<double>(count - i);
        mset.matches.push_back(match);
      }
      mset.estimated = maxitems > 0 && mset.matches.size() < maxitems ? count : full_estimate;
      return mset;
    };
    if (with_estimate_from_here)
      t.estimate_from_here = [this] {
        ++estimated;
        return from_here;
      };
    return t;
  }
};

TieredPage page_of(std::vector<FakeTier>& fakes, bool estimate_from_here, std::size_t offset,
                   std::size_t limit) {
  std::vector<Tier> tiers;
  for (FakeTier& fake : fakes) tiers.push_back(fake.tier(estimate_from_here));
  return page_through_tiers({}, MatchSettings{}, tiers, offset, limit);
}

std::size_t shown(const TieredPage& page) {
  std::size_t n = 0;
  for (const PageSlice& slice : page.slices) n += slice.matches.size();
  return n;
}

TEST(TierPaging, AFullFirstTierTakesTheTotalFromOneEstimateOfAllTiers) {
  std::vector<FakeTier> fakes = {{500, 480, 900}, {300, 310, 420}, {50, 50, 50}};
  const TieredPage page = page_of(fakes, true, 0, 10);
  EXPECT_EQ(shown(page), 10u);
  EXPECT_EQ(page.total, 900u);
  EXPECT_EQ(fakes[0].estimated, 1);
  for (const std::size_t later : {1, 2}) {
    EXPECT_EQ(fakes[later].matched, 0) << later;
    EXPECT_EQ(fakes[later].estimated, 0) << later;
  }
}

TEST(TierPaging, EachTierEstimatedAloneWithoutIt) {
  std::vector<FakeTier> fakes = {{500, 480, 900}, {300, 310, 420}, {50, 50, 50}};
  const TieredPage page = page_of(fakes, false, 0, 10);
  EXPECT_EQ(page.total, 480u + 310u + 50u);
  EXPECT_EQ(fakes[1].matched, 1);
  EXPECT_EQ(fakes[2].matched, 1);
}

TEST(TierPaging, ATierThatDoesNotFillThePageCountsExactlyBeforeTheEstimate) {
  // Tier 1 has 4 matches, tier 2 fills the page from its first: ranks 5.. come from tier 2.
  std::vector<FakeTier> fakes = {{4, 999, 999}, {300, 310, 420}, {50, 50, 50}};
  const TieredPage page = page_of(fakes, true, 0, 10);
  ASSERT_EQ(page.slices.size(), 2u);
  EXPECT_EQ(page.slices[0].matches.size(), 4u);
  EXPECT_EQ(page.slices[1].first_rank, 5u);
  EXPECT_EQ(page.total, 4u + 420u);
  EXPECT_EQ(fakes[0].estimated, 0);
  EXPECT_EQ(fakes[2].matched, 0);
}

TEST(TierPaging, TheTotalIsNeverBelowThePassagesRanked) {
  // An estimate below what was already ranked (offset 20 + 10 shown in tier 2, after tier 1's 4).
  std::vector<FakeTier> fakes = {{4, 4, 4}, {300, 310, 7}};
  const TieredPage page = page_of(fakes, true, 20, 10);
  EXPECT_EQ(shown(page), 10u);
  EXPECT_EQ(page.slices[0].first_rank, 21u);
  EXPECT_EQ(page.total, 4u + 16u + 10u);
}

TEST(TierPaging, ACountAloneIsOneEstimate) {
  std::vector<FakeTier> fakes = {{500, 480, 900}, {300, 310, 420}};
  const TieredPage page = page_of(fakes, true, 0, 0);
  EXPECT_TRUE(page.slices.empty());
  EXPECT_EQ(page.total, 900u);
  EXPECT_EQ(fakes[0].matched, 0);
  EXPECT_EQ(fakes[1].matched + fakes[1].estimated, 0);
}

TEST(TierPaging, APageAfterEveryTierCountsThemAll) {
  // Offset past all matches: every tier counted exactly, no estimate asked.
  std::vector<FakeTier> fakes = {{4, 999, 999}, {6, 999, 999}};
  const TieredPage page = page_of(fakes, true, 20, 10);
  EXPECT_EQ(shown(page), 0u);
  EXPECT_EQ(page.total, 10u);
  EXPECT_EQ(fakes[0].estimated + fakes[1].estimated, 0);
}

}  // namespace
}  // namespace treatysearch::search

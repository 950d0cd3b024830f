// Term impacts (term_impact.h): BM25's term-frequency part, quantised into a wdf.
#include <gtest/gtest.h>

#include <cmath>

#include "term_impact.h"

namespace treatysearch::core {
namespace {

using M = ImpactModel;

// BM25's term-frequency part, written out independently of the implementation.
double bm25_part(double count, double words) {
  return count * (M::kK1 + 1) / (count + M::kK1 * (1 - M::kB + M::kB * words / M::kPivotWords));
}

TEST(TermImpact, IsBm25sTermPartScaledToTheImpactRange) {
  for (std::uint32_t count : {1u, 2u, 5u, 40u})
    for (std::uint32_t words : {count, 20u, 100u, 250u, 1000u}) {
      const double expected = bm25_part(count, words) / (M::kK1 + 1) * M::kMaxImpact;
      EXPECT_NEAR(term_impact(count, words), expected, 0.5 + 1e-9) << count << " in " << words;
    }
  // One occurrence in a passage of the pivot length is BM25's 1.0 of its 2.2.
  EXPECT_EQ(term_impact(1, 100), static_cast<std::uint32_t>(std::lround(100 / 2.2)));
}

TEST(TermImpact, GrowsWithTheCountAndShrinksWithTheLength) {
  for (std::uint32_t count = 1; count < 50; ++count)
    EXPECT_LE(term_impact(count, 200), term_impact(count + 1, 200)) << count;
  EXPECT_LT(term_impact(1, 200), term_impact(3, 200));
  for (std::uint32_t words = 1; words < 2000; words += 7)
    EXPECT_GE(term_impact(1, words), term_impact(1, words + 7)) << words;
  EXPECT_GT(term_impact(1, 30), term_impact(1, 300));
}

TEST(TermImpact, StaysWithinOneAndTheMaximum) {
  // Never 0, which would make a word term look boolean, however long the passage.
  EXPECT_EQ(term_impact(1, 4'000'000'000u), 1u);
  EXPECT_EQ(term_impact(0, 10), term_impact(1, 10));  // a count of 0 is read as 1
  // A passage that is one word repeated comes near the maximum, and never over it.
  EXPECT_LE(term_impact(4'000'000'000u, 4'000'000'000u), M::kMaxImpact);
  EXPECT_GE(term_impact(1000, 1000), M::kMaxImpact - 1);
  EXPECT_EQ(term_impact(1000, 1), M::kMaxImpact);
  static_assert(M::kMaxImpact < 128, "a wdf above 127 takes two bytes in a glass posting");
}

}  // namespace
}  // namespace treatysearch::core

// The pair signature (pair_signature.h): never rules out a pair it was given, rules out most
// others. (How the indexer builds one: pair_signature_build_test.cc.)
#include "pair_signature.h"
#include "analyzer.h"
#include "pair_terms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace treatysearch::core {
namespace {

std::uint64_t pair_of(std::string_view first, std::string_view second) {
  return pair_hash(pair_word_hash(first), pair_word_hash(second));
}

TEST(PairSignature, HoldsEveryPairGivenAndRulesOutMostOthers) {
  std::vector<std::uint64_t> given;
  for (int i = 0; i < 100; ++i) given.push_back(pair_of("w" + std::to_string(i), "next"));
  std::string signature;
  encode_pair_signature(given, &signature);
  EXPECT_EQ(signature.size() * 8, 256u);  // at least two bits per pair, a power of two
  for (const std::uint64_t pair : given) EXPECT_TRUE(may_hold_pair(signature, pair));
  int passed = 0;
  for (int i = 0; i < 1000; ++i)
    passed += may_hold_pair(signature, pair_of("x" + std::to_string(i), "y"));
  // 100 pairs set at most 100 of 256 bits: about a third of absent pairs get through.
  EXPECT_LT(passed, 500);
  EXPECT_GT(passed, 0);
}

TEST(PairSignature, SizeIsBoundedAndNothingIsRuledOutWithoutOne) {
  std::string signature;
  encode_pair_signature({}, &signature);
  EXPECT_TRUE(signature.empty());
  EXPECT_TRUE(may_hold_pair(signature, pair_of("a", "b")));
  encode_pair_signature({pair_of("a", "b")}, &signature);
  EXPECT_EQ(signature.size(), 8u);  // 64 bits at least
  encode_pair_signature(std::vector<std::uint64_t>(100000, pair_of("a", "b")), &signature);
  EXPECT_EQ(signature.size(), 512u);  // 4096 bits at most
  // A size the format never has proves nothing.
  EXPECT_TRUE(may_hold_pair(std::string(3, '\0'), pair_of("a", "b")));
  EXPECT_TRUE(may_hold_pair(std::string(1024, '\0'), pair_of("a", "b")));
}

TEST(PairSignature, PairsAreOrderedWords) {
  std::string signature;
  encode_pair_signature({pair_of("state", "party")}, &signature);
  EXPECT_TRUE(may_hold_pair(signature, pair_of("state", "party")));
  EXPECT_FALSE(may_hold_pair(signature, pair_of("party", "state")));
}

// The W-terms' list (pair_terms.h): each word is written as the analyzer folds it, once, so that
// a passage's word and the query's word meet in the same term.
TEST(PairWords, AreFoldedFormsListedOnce) {
  Analyzer analyzer;
  const auto words = pair_words();
  ASSERT_GT(words.size(), 100u);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(words[i - 1], words[i]);
    }
    struct Tokens : TokenSink {
      std::vector<std::string> surfaces;
      void on_token(const Token& token) override { surfaces.emplace_back(token.surface); }
    } tokens;
    analyzer.analyze(words[i], "", tokens);
    EXPECT_EQ(tokens.surfaces, std::vector<std::string>{std::string(words[i])}) << words[i];
    EXPECT_TRUE(is_pair_word(words[i]));
  }
  EXPECT_FALSE(is_pair_word("report"));
  EXPECT_FALSE(is_pair_word("The"));  // a folded form is lower case
  // Neither a listed word's prefix nor a word it begins, nor nothing, nor a long word.
  for (const char* other : {"", "th", "thee", "states", "disabilitiess", "partie ", "и в"})
    EXPECT_FALSE(is_pair_word(other)) << other;
  EXPECT_FALSE(is_pair_word(std::string(300, 'a')));
  EXPECT_EQ(pair_term("state", "party"), "Wstate party");
  EXPECT_EQ(triple_term("the", "state", "party"), "Wthe state party");
}

}  // namespace
}  // namespace treatysearch::core

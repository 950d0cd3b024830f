// Passage position lists (position_list.h): the encoding and the phrase check on it.
#include "position_list.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace treatysearch::core {
namespace {

using Decoded = std::vector<std::pair<std::string, std::vector<std::uint32_t>>>;

// Encodes a passage given as its tokens in order (position i + 1 for tokens[i]).
std::string encode(const std::vector<std::string>& tokens) {
  PositionListBuilder builder;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    builder.add(tokens[i], static_cast<std::uint32_t>(i + 1));
  std::string out;
  builder.encode(&out);
  return out;
}

bool phrase(const std::string& encoded, const std::vector<std::vector<std::string>>& groups) {
  PassagePositions passage;
  return passage.assign(encoded) && passage.in_sequence(groups);
}

TEST(PositionList, DecodesEveryTermWithItsPositionsInTermOrder) {
  PositionListBuilder builder;
  builder.add("discrimination", 4);
  builder.add("racial", 3);
  builder.add("discriminated", 1);
  builder.add("racial", 9);
  builder.add("discrimination", 2);
  builder.add("EDiscrimination", 300);
  std::string encoded;
  builder.encode(&encoded);
  std::vector<std::pair<std::string, std::uint32_t>> counts;
  for (const auto& [term, count] : builder.terms()) counts.emplace_back(term, count);
  EXPECT_EQ(
      counts,
      (std::vector<std::pair<std::string, std::uint32_t>>{
          {"EDiscrimination", 1}, {"discriminated", 1}, {"discrimination", 2}, {"racial", 2}}));
  builder.clear();
  EXPECT_TRUE(builder.empty());
  EXPECT_TRUE(builder.terms().empty());

  Decoded decoded;
  ASSERT_TRUE(decode_position_list(encoded, &decoded));
  const Decoded expected = {{"EDiscrimination", {300}},
                            {"discriminated", {1}},
                            {"discrimination", {2, 4}},
                            {"racial", {3, 9}}};
  EXPECT_EQ(decoded, expected);
}

TEST(PositionList, BuilderStartsAfreshAfterClear) {
  PositionListBuilder builder;
  builder.add("first", 1);
  std::string encoded;
  builder.encode(&encoded);
  builder.clear();
  builder.add("second", 1);
  builder.encode(&encoded);
  Decoded decoded;
  ASSERT_TRUE(decode_position_list(encoded, &decoded));
  EXPECT_EQ(decoded, (Decoded{{"second", {1}}}));
}

TEST(PositionList, LargePositionsAndLongTermsRoundTrip) {
  PositionListBuilder builder;
  const std::string long_term(200, 'x');
  builder.add(long_term, 1);
  builder.add(long_term, 100000);
  builder.add("y", 4000000000u);
  std::string encoded;
  builder.encode(&encoded);
  Decoded decoded;
  ASSERT_TRUE(decode_position_list(encoded, &decoded));
  EXPECT_EQ(decoded, (Decoded{{long_term, {1, 100000}}, {"y", {4000000000u}}}));
}

TEST(PassagePositions, MatchesWordsInSequenceOnly) {
  const std::string text = encode({"combat", "hate", "speech", "and", "speech", "crimes"});
  EXPECT_TRUE(phrase(text, {{"hate"}, {"speech"}}));
  EXPECT_TRUE(phrase(text, {{"speech"}, {"crimes"}}));
  EXPECT_TRUE(phrase(text, {{"hate"}, {"speech"}, {"and"}, {"speech"}}));
  EXPECT_FALSE(phrase(text, {{"speech"}, {"hate"}}));    // reversed
  EXPECT_FALSE(phrase(text, {{"hate"}, {"and"}}));       // a word between
  EXPECT_FALSE(phrase(text, {{"hate"}, {"missing"}}));   // a word absent
  EXPECT_FALSE(phrase(text, {{"crimes"}, {"combat"}}));  // no wrap-around
  EXPECT_TRUE(phrase(text, {{"combat"}}));
  EXPECT_FALSE(phrase(text, {}));
}

TEST(PassagePositions, AnyFormOfAWordFillsItsPlace) {
  const std::string text = encode({"EHate", "speech", "and", "hate", "Ecrimes"});
  EXPECT_TRUE(phrase(text, {{"hate", "EHate"}, {"speech"}}));
  EXPECT_FALSE(phrase(text, {{"hate"}, {"speech"}}));  // only the capitalised form precedes
  EXPECT_TRUE(phrase(text, {{"hate", "EHate"}, {"crimes", "Ecrimes"}}));
}

TEST(PassagePositions, RepeatedWordsAndTermsSharedByGroups) {
  const std::string text = encode({"the", "state", "of", "the", "state", "party"});
  EXPECT_TRUE(phrase(text, {{"the"}, {"state"}, {"of"}, {"the"}, {"state"}}));
  EXPECT_TRUE(phrase(text, {{"state"}, {"of", "state"}, {"the", "state"}}));
  EXPECT_FALSE(phrase(text, {{"the"}, {"the"}}));
  EXPECT_FALSE(phrase(text, {{"state"}, {"state"}}));
}

TEST(PassagePositions, FindsTermsAndTheirPositions) {
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(encode({"b", "a", "c", "a"})));
  EXPECT_TRUE(passage.has("a"));
  EXPECT_FALSE(passage.has("d"));
  EXPECT_FALSE(passage.has(""));
  std::vector<std::uint32_t> positions;
  passage.positions("a", &positions);
  passage.positions("d", &positions);
  EXPECT_EQ(positions, (std::vector<std::uint32_t>{2, 4}));
  ASSERT_TRUE(passage.assign(encode({"x"})));  // reused for another passage
  EXPECT_FALSE(passage.has("a"));
}

TEST(PassagePositions, ReadsOnlyTheWantedTerms) {
  PassagePositions passage;
  const std::vector<std::string> wanted = {"Ehate", "b", "speech", "zz"};
  ASSERT_TRUE(passage.assign(encode({"speech", "b", "a", "Ehate", "b", "c"}), &wanted));
  EXPECT_TRUE(passage.has("Ehate"));
  EXPECT_TRUE(passage.has("b"));
  EXPECT_TRUE(passage.has("speech"));
  EXPECT_FALSE(passage.has("a"));  // present, but not wanted
  EXPECT_FALSE(passage.has("c"));
  EXPECT_FALSE(passage.has("zz"));  // wanted, absent
  std::vector<std::uint32_t> positions;
  passage.positions("b", &positions);
  EXPECT_EQ(positions, (std::vector<std::uint32_t>{2, 5}));
  positions.clear();
  passage.positions("speech", &positions);
  EXPECT_EQ(positions, (std::vector<std::uint32_t>{1}));
  // The walk ends after the last wanted term: bytes after it are not read.
  const std::vector<std::string> only_a = {"a"};
  std::string text = encode({"a", "b"});
  text.pop_back();  // "b"'s positions cut short
  EXPECT_FALSE(passage.assign(text));
  EXPECT_TRUE(passage.assign(text, &only_a));
  EXPECT_TRUE(passage.has("a"));
}

TEST(PassagePositions, WantedTermsFoundAsAFullReadFindsThem) {
  // Terms sharing prefixes in every way front coding meets: equal heads, one a prefix of
  // another, capitalised forms sorting first.
  const std::vector<std::string> vocabulary = {
      "Estate", "Estates", "a", "ab", "abc", "abd", "b", "ba", "state", "stated", "states",
      "statesman", "the", "then", "there", "x", "xa", "xab", "xb"};
  std::mt19937 random(12345);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> tokens;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) tokens.push_back(vocabulary[random() % vocabulary.size()]);
    std::vector<std::string> wanted;
    for (const auto& term : vocabulary)
      if (random() % 3 == 0) wanted.push_back(term);
    wanted.push_back("zz");  // absent, after every term
    const std::string text = encode(tokens);
    PassagePositions full, partial;
    ASSERT_TRUE(full.assign(text));
    ASSERT_TRUE(partial.assign(text, &wanted));
    for (const auto& term : wanted) {
      ASSERT_EQ(partial.has(term), full.has(term)) << term << " in round " << round;
      std::vector<std::uint32_t> a, b;
      full.positions(term, &a);
      partial.positions(term, &b);
      ASSERT_EQ(a, b) << term;
    }
  }
}

TEST(PassagePositions, MalformedBytesAreRefusedWithoutReadingOutOfBounds) {
  const std::string text = encode({"hate", "speech", "online", "hate", "speech"});
  ASSERT_TRUE(phrase(text, {{"hate"}, {"speech"}}));
  PassagePositions passage;
  Decoded decoded;
  // Every truncation (under the sanitizers this also shows no read past the end).
  for (std::size_t n = 0; n < text.size(); ++n) {
    const std::string cut = text.substr(0, n);
    EXPECT_FALSE(decode_position_list(cut, &decoded)) << n;
    EXPECT_FALSE(passage.assign(cut)) << n;
    EXPECT_FALSE(passage.has("hate")) << n;  // a refused encoding has no terms
  }
  std::string other_version = text;
  other_version[0] = '\x7f';
  EXPECT_FALSE(passage.assign(other_version));
  EXPECT_FALSE(decode_position_list(other_version, &decoded));
  std::string zero_gap = encode({"hate"});
  zero_gap.back() = '\0';  // a gap of 0 would repeat a position
  EXPECT_FALSE(decode_position_list(zero_gap, &decoded));
  ASSERT_TRUE(passage.assign(zero_gap));  // the term directory is sound; its positions are not
  std::vector<std::uint32_t> positions;
  passage.positions("hate", &positions);
  EXPECT_TRUE(positions.empty());
}

// Encodes tokens with sentences starting at `starts`.
std::string encode_sentences(const std::vector<std::string>& tokens,
                             const std::vector<std::uint32_t>& starts) {
  PositionListBuilder builder;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    builder.add(tokens[i], static_cast<std::uint32_t>(i + 1));
  for (const std::uint32_t start : starts) builder.add_sentence_start(start);
  std::string out;
  builder.encode(&out);
  return out;
}

TEST(PositionList, SentenceStartsRoundTripAndIgnoreTheFirstAndRepeats) {
  const std::string encoded =
      encode_sentences({"a", "b", "c", "d", "e", "f"}, {1, 3, 3, 2, 5});  // 2 is not increasing
  Decoded decoded;
  std::vector<std::uint32_t> starts;
  ASSERT_TRUE(decode_position_list(encoded, &decoded, &starts));
  EXPECT_EQ(starts, (std::vector<std::uint32_t>{3, 5}));
  EXPECT_EQ(decoded.size(), 6u);
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(encoded));
  EXPECT_EQ(passage.sentence_first(1), 1u);
  EXPECT_EQ(passage.sentence_last(2), 2u);
  EXPECT_EQ(passage.sentence_first(4), 3u);
  EXPECT_EQ(passage.sentence_last(4), 4u);
  EXPECT_EQ(passage.sentence_first(6), 5u);
  EXPECT_EQ(passage.sentence_last(6), UINT32_MAX);
}

TEST(PositionList, AListWithoutSentenceStartsIsOneSentence) {
  // Version 1 (before sentences were stored): read as one sentence per passage.
  std::string v1 = encode({"a", "b"});
  ASSERT_EQ(v1[0], 2);  // version 2 with no sentence start: a zero count after the version
  ASSERT_EQ(v1[1], 0);
  v1.erase(1, 1);
  v1[0] = 1;
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(v1));
  EXPECT_TRUE(passage.has("b"));
  EXPECT_EQ(passage.sentence_first(2), 1u);
  EXPECT_EQ(passage.sentence_last(1), UINT32_MAX);
}

TEST(PositionList, MalformedSentenceStartsAreRefused) {
  std::string encoded = encode_sentences({"a", "b", "c"}, {2});
  PassagePositions passage;
  EXPECT_FALSE(passage.assign(encoded.substr(0, 2)));  // the count without its gaps
  encoded[2] = 0;  // a zero gap: a sentence cannot start where the last one did
  EXPECT_FALSE(passage.assign(encoded));
  Decoded decoded;
  EXPECT_FALSE(decode_position_list(encoded, &decoded));  // checked without asking for them
  encoded[1] = 100;                                       // more starts than bytes
  EXPECT_FALSE(passage.assign(encoded));
  EXPECT_FALSE(passage.assign(std::string("\x03\x00\x00", 3)));  // an unknown version
}

TEST(PassagePositions, OccurrencesSpanFromFirstToLastWord) {
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(encode({"hate", "speech", "and", "hate", "speech", "hate"})));
  std::vector<WordSpan> spans;
  passage.occurrences({{"hate"}, {"speech"}}, &spans);
  EXPECT_EQ(spans, (std::vector<WordSpan>{{1, 2}, {4, 5}}));
  spans.clear();
  passage.occurrences({{"hate"}}, &spans);
  EXPECT_EQ(spans, (std::vector<WordSpan>{{1, 1}, {4, 4}, {6, 6}}));
  spans.clear();
  passage.occurrences({{"absent"}}, &spans);
  EXPECT_TRUE(spans.empty());
}

}  // namespace
}  // namespace treatysearch::core

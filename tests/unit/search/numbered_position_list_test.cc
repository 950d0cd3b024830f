// Position lists whose terms are numbers of their shard (position_list.h, version 3) and the
// numbering itself (term_numbers.h).
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "position_list.h"
#include "temp_dir.h"
#include "term_numbers.h"
#include "varint.h"

namespace treatysearch::core {
namespace {

using Numbered = std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>;
using Decoded = std::vector<std::pair<std::string, std::vector<std::uint32_t>>>;

// A spelled-out (version 2) list of tokens in order, with sentence starts.
std::string spelled(const std::vector<std::string>& tokens,
                    const std::vector<std::uint32_t>& sentence_starts = {}) {
  PositionListBuilder builder;
  for (const std::uint32_t start : sentence_starts) builder.add_sentence_start(start);
  for (std::size_t i = 0; i < tokens.size(); ++i)
    builder.add(tokens[i], static_cast<std::uint32_t>(i + 1));
  std::string out;
  builder.encode(&out);
  return out;
}

// Numbers terms in the order first asked, as a shard's writer does.
struct Numbers {
  std::map<std::string, std::uint32_t, std::less<>> given;
  std::uint32_t operator()(std::string_view term) {
    return given.emplace(std::string(term), static_cast<std::uint32_t>(given.size())).first->second;
  }
  std::vector<std::uint32_t> of(const std::vector<std::string>& wanted) const {
    std::vector<std::uint32_t> out;
    for (const auto& term : wanted) {
      const auto it = given.find(term);
      out.push_back(it == given.end() ? kNoTermNumber : it->second);
    }
    return out;
  }
};

std::string numbered(const std::string& spelled_list, Numbers* numbers) {
  std::string out;
  EXPECT_TRUE(number_position_list(spelled_list, std::ref(*numbers), &out));
  return out;
}

TEST(NumberedPositionList, KeepsEveryPositionAndSentenceStartUnderTheTermsNumbers) {
  Numbers numbers;
  numbers("of");  // an earlier passage's word: number 0
  const std::string list =
      numbered(spelled({"the", "right", "of", "the", "child", "EState", "party"}, {4}), &numbers);
  ASSERT_TRUE(is_numbered_position_list(list));
  Numbered decoded;
  std::vector<std::uint32_t> starts;
  ASSERT_TRUE(decode_numbered_position_list(list, &decoded, &starts));
  // The spelled list walks terms in byte order (EState, child, of, party, right, the).
  const Numbered expected{{0, {3}}, {1, {6}}, {2, {5}}, {3, {7}}, {4, {2}}, {5, {1, 4}}};
  EXPECT_EQ(decoded, expected);
  EXPECT_EQ(starts, std::vector<std::uint32_t>{4});
  EXPECT_LT(list.size(),
            spelled({"the", "right", "of", "the", "child", "EState", "party"}, {4}).size());
}

TEST(NumberedPositionList, PhrasesAndSentencesAreCheckedWithTheWantedTermsNumbers) {
  Numbers numbers;
  const std::string list =
      numbered(spelled({"hate", "speech", "is", "EHate", "crime", "speech"}, {4}), &numbers);
  const std::vector<std::string> wanted{"EHate", "crime", "hate", "speech"};  // sorted
  const std::vector<std::uint32_t> wanted_numbers = numbers.of(wanted);
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(list, &wanted, &wanted_numbers));
  EXPECT_TRUE(passage.has("crime"));
  EXPECT_TRUE(passage.in_sequence({{"hate", "EHate"}, {"speech"}}));
  EXPECT_TRUE(passage.in_sequence({{"EHate"}, {"crime"}, {"speech"}}));
  EXPECT_FALSE(passage.in_sequence({{"speech"}, {"hate"}}));
  std::vector<std::uint32_t> positions;
  passage.positions("speech", &positions);
  EXPECT_EQ(positions, (std::vector<std::uint32_t>{2, 6}));
  EXPECT_EQ(passage.sentence_first(5), 4u);
  EXPECT_EQ(passage.sentence_last(2), 3u);
}

TEST(NumberedPositionList, ATermTheShardHasNoNumberForIsAbsent) {
  Numbers numbers;
  const std::string list = numbered(spelled({"hate", "speech"}), &numbers);
  const std::vector<std::string> wanted{"hate", "racism"};
  const std::vector<std::uint32_t> wanted_numbers{numbers.given.at("hate"), kNoTermNumber};
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(list, &wanted, &wanted_numbers));
  EXPECT_TRUE(passage.has("hate"));
  EXPECT_FALSE(passage.has("racism"));
  EXPECT_FALSE(passage.has("speech"));  // not wanted: not read
}

TEST(NumberedPositionList, OnePassagePositionsReadsShardsWithOtherNumbersInTurn) {
  // A rare word's number is large (past the table frequent words are looked up in); each
  // shard numbers the same words otherwise, and a check reading passages of both in turn
  // must follow the numbers it is given.
  Numbers first, second;
  for (std::uint32_t n = 0; n < 70000; ++n) second("filler" + std::to_string(n));
  const std::string first_list = numbered(spelled({"hate", "speech", "is", "rare"}), &first);
  const std::string second_list = numbered(spelled({"speech", "hate", "rare", "is"}), &second);
  const std::vector<std::string> wanted{"hate", "rare", "speech"};
  const std::vector<std::uint32_t> first_numbers = first.of(wanted);
  const std::vector<std::uint32_t> second_numbers = second.of(wanted);
  ASSERT_GE(second_numbers[1], 1u << 16);
  PassagePositions passage;
  for (int round = 0; round < 2; ++round) {
    ASSERT_TRUE(passage.assign(first_list, &wanted, &first_numbers));
    EXPECT_TRUE(passage.in_sequence({{"hate"}, {"speech"}}));
    EXPECT_FALSE(passage.in_sequence({{"speech"}, {"hate"}}));
    ASSERT_TRUE(passage.assign(second_list, &wanted, &second_numbers));
    EXPECT_TRUE(passage.in_sequence({{"speech"}, {"hate"}, {"rare"}}));
    EXPECT_FALSE(passage.in_sequence({{"hate"}, {"speech"}}));
    std::vector<std::uint32_t> positions;
    passage.positions("rare", &positions);
    EXPECT_EQ(positions, std::vector<std::uint32_t>{3});
  }
}

TEST(NumberedPositionList, IsRefusedWithoutTheShardsNumbers) {
  Numbers numbers;
  const std::string list = numbered(spelled({"hate", "speech"}), &numbers);
  const std::vector<std::string> wanted{"hate"};
  PassagePositions passage;
  EXPECT_FALSE(passage.assign(list));
  EXPECT_FALSE(passage.assign(list, &wanted));
  EXPECT_FALSE(passage.has("hate"));
}

TEST(NumberedPositionList, StaysSpelledWhereNumbersCannotSayIt) {
  std::string out;
  // Two terms at one position: a sequence of numbers holds one per position.
  PositionListBuilder builder;
  builder.add("hate", 1);
  builder.add("EHate", 1);
  std::string shared;
  builder.encode(&shared);
  Numbers numbers;
  EXPECT_FALSE(number_position_list(shared, std::ref(numbers), &out));
  // No number left to give.
  EXPECT_FALSE(number_position_list(
      spelled({"hate"}), [](std::string_view) { return kNoTermNumber; }, &out));
  // A position past the limit, and at it.
  PositionListBuilder far;
  far.add("hate", kMaxNumberedPositions + 1);
  std::string beyond;
  far.encode(&beyond);
  EXPECT_FALSE(number_position_list(beyond, std::ref(numbers), &out));
  PositionListBuilder edge;
  edge.add("hate", kMaxNumberedPositions);
  std::string at_limit;
  edge.encode(&at_limit);
  EXPECT_TRUE(number_position_list(at_limit, std::ref(numbers), &out));
  // Malformed spelled bytes.
  EXPECT_FALSE(number_position_list("\x02\x00\x05", std::ref(numbers), &out));
}

// The analysis threads' form of the same tokens (version 4); false where it cannot hold them.
bool sequence(const std::vector<std::pair<std::string, std::uint32_t>>& occurrences,
              const std::vector<std::uint32_t>& sentence_starts, std::string* out) {
  PositionListBuilder builder;
  for (const std::uint32_t start : sentence_starts) builder.add_sentence_start(start);
  for (const auto& [term, position] : occurrences) builder.add(term, position);
  return builder.encode_sequence(out);
}

TEST(PositionSequence, NumbersAndSpellsAsTheSpelledListOfTheSameTokens) {
  // Out of order, with a gap (position 5 holds no word) and sentence starts.
  const std::vector<std::pair<std::string, std::uint32_t>> occurrences{
      {"the", 1}, {"child", 4}, {"right", 2}, {"EState", 6}, {"the", 3}, {"party", 7}};
  std::string seq;
  ASSERT_TRUE(sequence(occurrences, {3, 6}, &seq));
  ASSERT_TRUE(is_position_sequence(seq));
  EXPECT_FALSE(is_numbered_position_list(seq));
  PositionListBuilder builder;
  for (const std::uint32_t start : {3u, 6u}) builder.add_sentence_start(start);
  for (const auto& [term, position] : occurrences) builder.add(term, position);
  std::string expected_spelled;
  builder.encode(&expected_spelled);

  std::string spelled_out;
  ASSERT_TRUE(spell_position_list(seq, &spelled_out));
  EXPECT_EQ(spelled_out, expected_spelled);
  Decoded decoded, expected;
  std::vector<std::uint32_t> starts;
  ASSERT_TRUE(decode_position_list(seq, &decoded, &starts));
  ASSERT_TRUE(decode_position_list(expected_spelled, &expected));
  EXPECT_EQ(decoded, expected);
  EXPECT_EQ(starts, (std::vector<std::uint32_t>{3, 6}));

  // Numbered from either form, the same list, whatever order the terms are numbered in.
  Numbers from_sequence, from_spelled;
  from_sequence("party");  // numbers given before: 0 to "party" here, to "of" there
  from_spelled("of");
  const std::string a = numbered(seq, &from_sequence);
  const std::string b = numbered(expected_spelled, &from_spelled);
  Numbered numbered_a, numbered_b;
  std::vector<std::uint32_t> starts_a;
  ASSERT_TRUE(decode_numbered_position_list(a, &numbered_a, &starts_a));
  ASSERT_TRUE(decode_numbered_position_list(b, &numbered_b));
  EXPECT_EQ(starts_a, (std::vector<std::uint32_t>{3, 6}));
  const auto by_term = [](const Numbered& list, const Numbers& numbers) {
    std::map<std::string, std::vector<std::uint32_t>> out;
    for (const auto& [term, number] : numbers.given)
      for (const auto& [n, positions] : list)
        if (n == number) out[term] = positions;
    return out;
  };
  EXPECT_EQ(by_term(numbered_a, from_sequence), by_term(numbered_b, from_spelled));
  EXPECT_EQ(by_term(numbered_a, from_sequence).at("the"), (std::vector<std::uint32_t>{1, 3}));
  // The builder's terms are in the order first added, with their counts.
  builder.clear();
  for (const auto& [term, position] : occurrences) builder.add(term, position);
  ASSERT_TRUE(builder.encode_sequence(&seq));
  std::vector<std::pair<std::string, std::uint32_t>> counts;
  for (const auto& [term, count] : builder.terms()) counts.emplace_back(term, count);
  EXPECT_EQ(counts, (std::vector<std::pair<std::string, std::uint32_t>>{
                        {"the", 2}, {"child", 1}, {"right", 1}, {"EState", 1}, {"party", 1}}));
}

TEST(PositionSequence, WhatASequenceCannotHoldIsLeftToTheSpelledList) {
  std::string seq;
  EXPECT_FALSE(sequence({{"hate", 1}, {"EHate", 1}}, {}, &seq));  // two terms at one position
  EXPECT_FALSE(sequence({{"hate", kMaxNumberedPositions + 1}}, {}, &seq));
  EXPECT_TRUE(sequence({{"hate", kMaxNumberedPositions}}, {}, &seq));
  // No number left to give: the writer spells the sequence out instead.
  std::string out;
  ASSERT_TRUE(sequence({{"hate", 1}, {"speech", 2}}, {}, &seq));
  EXPECT_FALSE(number_position_list(
      seq, [](std::string_view) { return kNoTermNumber; }, &out));
  ASSERT_TRUE(spell_position_list(seq, &out));
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(out));
  EXPECT_TRUE(passage.in_sequence({{"hate"}, {"speech"}}));
}

TEST(PositionSequence, MalformedBytesAreRefused) {
  std::string seq;
  ASSERT_TRUE(sequence({{"hate", 1}, {"speech", 2}, {"online", 4}}, {2}, &seq));
  Numbers numbers;
  std::string out;
  for (std::size_t cut = 1; cut < seq.size(); ++cut) {
    const std::string truncated = seq.substr(0, cut);
    EXPECT_FALSE(number_position_list(truncated, std::ref(numbers), &out)) << cut;
    EXPECT_FALSE(spell_position_list(truncated, &out)) << cut;
  }
  EXPECT_FALSE(number_position_list(seq + "\x01", std::ref(numbers), &out));  // trailing bytes
  std::string bad_index = seq;
  bad_index.back() = 9;  // the last position names a fourth term of three
  EXPECT_FALSE(number_position_list(bad_index, std::ref(numbers), &out));
  EXPECT_FALSE(spell_position_list(bad_index, &out));
  EXPECT_FALSE(spell_position_list(numbered(seq, &numbers), &out));  // not a sequence
}

TEST(NumberedPositionList, MalformedBytesAreRefusedWithoutReadingOutOfBounds) {
  Numbers numbers;
  const std::string list = numbered(spelled({"hate", "speech", "online"}, {2}), &numbers);
  const std::vector<std::string> wanted{"hate", "online", "speech"};
  const std::vector<std::uint32_t> wanted_numbers = numbers.of(wanted);
  Numbered decoded;
  PassagePositions passage;
  for (std::size_t cut = 1; cut < list.size(); ++cut) {
    const std::string truncated = list.substr(0, cut);
    EXPECT_FALSE(decode_numbered_position_list(truncated, &decoded)) << cut;
    EXPECT_FALSE(passage.assign(truncated, &wanted, &wanted_numbers)) << cut;
    // Nothing of the list refused, nor of the one before it, is found.
    EXPECT_FALSE(passage.has("hate")) << cut;
    EXPECT_FALSE(passage.in_sequence(PassagePositions::wanted_sequence(wanted, {{"hate"}}))) << cut;
    ASSERT_TRUE(passage.assign(list, &wanted, &wanted_numbers));
  }
  EXPECT_FALSE(decode_numbered_position_list(list + "\x01", &decoded));  // trailing bytes
  EXPECT_TRUE(decode_numbered_position_list(list, &decoded));
}

TEST(NumberedPositionList, APhraseScanFindsWhatTheGroupsFind) {
  // Random passages over a small vocabulary (some words numbered past one byte), random
  // phrases of one to four words of one to three forms: the scan of the wanted terms and the
  // gathering of each group's positions agree.
  Numbers numbers;
  for (std::uint32_t n = 0; n < 300; ++n) numbers("filler" + std::to_string(n));
  const std::vector<std::string> vocabulary{"a", "b", "c", "d", "e", "Ea", "Eb"};
  std::mt19937 random(20261203);
  std::uniform_int_distribution<std::size_t> word(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> length(0, 40), phrase_length(1, 4), forms(1, 3);
  int found = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<std::string> tokens;
    for (int n = length(random); n > 0; --n) tokens.push_back(vocabulary[word(random)]);
    if (tokens.empty()) continue;
    const std::string list = numbered(spelled(tokens, {3}), &numbers);
    std::vector<std::vector<std::string>> groups(static_cast<std::size_t>(phrase_length(random)));
    std::vector<std::string> wanted;
    for (auto& group : groups) {
      for (int f = forms(random); f > 0; --f) group.push_back(vocabulary[word(random)]);
      wanted.insert(wanted.end(), group.begin(), group.end());
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    const std::vector<std::uint32_t> wanted_numbers = numbers.of(wanted);
    const PassagePositions::WantedSequence sequence =
        PassagePositions::wanted_sequence(wanted, groups);
    ASSERT_EQ(sequence.size(), groups.size());
    PassagePositions by_scan, by_groups;
    ASSERT_TRUE(by_scan.assign(list, &wanted, &wanted_numbers));
    ASSERT_TRUE(by_groups.assign(list, &wanted, &wanted_numbers));
    ASSERT_TRUE(by_scan.numbered());
    const bool expected = by_groups.in_sequence(groups);
    EXPECT_EQ(by_scan.in_sequence(sequence), expected) << trial;
    EXPECT_FALSE(by_scan.malformed());
    found += expected ? 1 : 0;
  }
  EXPECT_GT(found, 100);  // both outcomes were tried
  EXPECT_LT(found, 1900);
}

TEST(NumberedPositionList, AWantedSequenceNamesTheFirst64WantedTermsOnly) {
  std::vector<std::string> wanted;
  for (int n = 100; n < 170; ++n) wanted.push_back("w" + std::to_string(n));  // sorted
  EXPECT_EQ(PassagePositions::wanted_sequence(wanted, {{"w100"}, {"w163", "w101"}}),
            (PassagePositions::WantedSequence{1, (std::uint64_t{1} << 63) | 2}));
  EXPECT_TRUE(PassagePositions::wanted_sequence(wanted, {{"w100"}, {"w164"}}).empty());
  // A form not wanted is never held: its group may be empty.
  EXPECT_EQ(PassagePositions::wanted_sequence(wanted, {{"other"}}),
            (PassagePositions::WantedSequence{0}));
}

TEST(NumberedPositionList, APhraseFoundEarlyLeavesAMalformedEndUnread) {
  // Words numbered past one byte, so that a cut list can still claim its count of positions.
  Numbers numbers;
  for (std::uint32_t n = 0; n < 300; ++n) numbers("filler" + std::to_string(n));
  std::vector<std::string> tokens{"hate", "speech"};
  for (int n = 0; n < 200; ++n) tokens.push_back("online");
  const std::string list = numbered(spelled(tokens), &numbers);
  const std::vector<std::string> wanted{"hate", "online", "speech"};
  const std::vector<std::uint32_t> wanted_numbers = numbers.of(wanted);
  const auto hate_speech = PassagePositions::wanted_sequence(wanted, {{"hate"}, {"speech"}});
  const auto speech_hate = PassagePositions::wanted_sequence(wanted, {{"speech"}, {"hate"}});
  const std::string cut = list.substr(0, list.size() - 100);
  PassagePositions passage;
  ASSERT_TRUE(passage.assign(cut, &wanted, &wanted_numbers));  // 200 bytes for 202 positions
  EXPECT_TRUE(passage.in_sequence(hate_speech));
  EXPECT_FALSE(passage.malformed());  // not read that far
  EXPECT_FALSE(passage.in_sequence(speech_hate));
  EXPECT_TRUE(passage.malformed());
  ASSERT_TRUE(passage.assign(cut, &wanted, &wanted_numbers));
  EXPECT_TRUE(passage.has("online"));  // the positions before the fault
  EXPECT_TRUE(passage.malformed());
  // Whole, and with a byte too many.
  ASSERT_TRUE(passage.assign(list, &wanted, &wanted_numbers));
  EXPECT_FALSE(passage.in_sequence(speech_hate));
  EXPECT_FALSE(passage.malformed());
  ASSERT_TRUE(passage.assign(list + "\x01", &wanted, &wanted_numbers));
  EXPECT_FALSE(passage.in_sequence(speech_hate));
  EXPECT_TRUE(passage.malformed());
}

TEST(TermNumbering, GivesNumbersInOrderOfFirstUseAndKeepsThemAcrossWriters) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir / "shard", Xapian::DB_CREATE_OR_OPEN);
    TermNumbering numbering(db);
    EXPECT_EQ(numbering.number_of("the"), 0u);
    EXPECT_EQ(numbering.number_of("right"), 1u);
    EXPECT_EQ(numbering.number_of("the"), 0u);
    numbering.record_count();
    db.commit();
    EXPECT_EQ(TermNumbering::numbers_given(db), 2u);
  }
  Xapian::WritableDatabase db(dir / "shard", Xapian::DB_OPEN);
  TermNumbering numbering(db);
  EXPECT_EQ(numbering.number_of("right"), 1u);
  EXPECT_EQ(numbering.number_of("child"), 2u);
  numbering.record_count();
  db.commit();
  const Xapian::Database reader(dir / "shard");
  EXPECT_EQ(term_number(reader, "child"), 2u);
  EXPECT_EQ(term_number(reader, "absent"), kNoTermNumber);
  EXPECT_EQ(TermNumbering::numbers_given(reader), 3u);
}

TEST(TermNumbering, ANumberForgottenByTheCacheIsReadBackUncommitted) {
  for (const int flags : {Xapian::DB_CREATE_OR_OPEN,
                          Xapian::DB_CREATE_OR_OPEN | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC}) {
    testing::TempDir dir;
    Xapian::WritableDatabase db(dir / "shard", flags);
    db.begin_transaction();
    TermNumbering numbering(db, /*max_remembered=*/2);  // forgets all at the third term
    const std::vector<std::string> words{"a", "b", "c", "d", "e"};
    for (std::size_t i = 0; i < words.size(); ++i) EXPECT_EQ(numbering.number_of(words[i]), i);
    for (std::size_t i = 0; i < words.size(); ++i)
      EXPECT_EQ(numbering.number_of(words[i]), i) << words[i];
  }
}

// Writes T<term> -> number straight into a shard's metadata, as a writer would have.
void give_number(Xapian::WritableDatabase& db, const std::string& term, std::uint64_t number) {
  std::string stored;
  put_varint(number, &stored);
  db.set_metadata(kTermNumberPrefix + term, stored);
  db.commit();
}

TEST(RememberedTermNumbers, AreRememberedByShardAndAskedAgainWhenAbsent) {
  testing::TempDir dir;
  Xapian::WritableDatabase first(dir / "first", Xapian::DB_CREATE_OR_OPEN);
  give_number(first, "child", 7);
  Xapian::WritableDatabase second(dir / "second", Xapian::DB_CREATE_OR_OPEN);
  give_number(second, "child", 3);
  const std::vector<std::string> terms{"child", "labour"};
  EXPECT_EQ(remembered_term_numbers(Xapian::Database(dir / "first"), terms),
            (std::vector<std::uint32_t>{7, kNoTermNumber}));
  // Each shard has its own numbers (told apart by UUID, whatever the path).
  EXPECT_EQ(remembered_term_numbers(Xapian::Database(dir / "second"), terms),
            (std::vector<std::uint32_t>{3, kNoTermNumber}));
  // A number once read is not read again: it never changes in its shard (this rewrite is what
  // no writer does, made only to see that the shard was not asked).
  give_number(first, "child", 9);
  // A term without a number is asked again: an update may have given it one since.
  give_number(first, "labour", 8);
  EXPECT_EQ(remembered_term_numbers(Xapian::Database(dir / "first"), terms),
            (std::vector<std::uint32_t>{7, 8}));
  // A shard built again at the same path is another database: its own numbers count.
  first.close();
  Xapian::WritableDatabase rebuilt(dir / "first", Xapian::DB_CREATE_OR_OVERWRITE);
  give_number(rebuilt, "child", 1);
  EXPECT_EQ(remembered_term_numbers(Xapian::Database(dir / "first"), terms),
            (std::vector<std::uint32_t>{1, kNoTermNumber}));
}

}  // namespace
}  // namespace treatysearch::core

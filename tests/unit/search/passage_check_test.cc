// The per-passage check of a query's exact meaning (passage_check.h), on in-memory documents.
#include "passage_check.h"

#include <gtest/gtest.h>

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "position_list.h"
#include "schema.h"
#include "temp_dir.h"
#include "term_numbers.h"

namespace treatysearch::search {
namespace {

// A passage document as the indexer makes it: word terms and their position list.
Xapian::Document passage(const std::vector<std::string>& words) {
  core::PositionListBuilder builder;
  for (std::size_t i = 0; i < words.size(); ++i)
    builder.add(words[i], static_cast<std::uint32_t>(i + 1));
  std::string encoded;
  builder.encode(&encoded);
  Xapian::Document doc;
  for (const auto& [term, count] : builder.terms()) doc.add_term(std::string(term), count);
  if (!words.empty()) doc.add_value(core::schema::kPositionsSlot, encoded);
  return doc;
}

const Predicate kHateSpeech = Predicate::sequence({{"hate", "EHate"}, {"speech"}});

TEST(PassageCheck, PhrasesAndTheirNegation) {
  const auto adjacent = passage({"EHate", "speech", "online"});
  const auto apart = passage({"speech", "about", "hate"});
  EXPECT_TRUE(PassageCheck(kHateSpeech).accepts(adjacent));
  EXPECT_FALSE(PassageCheck(kHateSpeech).accepts(apart));
  EXPECT_FALSE(PassageCheck(Predicate::negate(kHateSpeech)).accepts(adjacent));
  EXPECT_TRUE(PassageCheck(Predicate::negate(kHateSpeech)).accepts(apart));
}

TEST(PassageCheck, MustNotExcludesWhatTheOtherPageShows) {
  const Predicate crimes = Predicate::any_term({"crimes"}, /*positional=*/true);
  const Predicate either = Predicate::combine(Predicate::Kind::kAny, {kHateSpeech, crimes});
  const Predicate both = Predicate::combine(Predicate::Kind::kAll, {kHateSpeech, crimes});
  const PassageCheck rest(either, &both);
  EXPECT_FALSE(rest.accepts(passage({"hate", "speech", "crimes"})));  // shown with all the words
  EXPECT_TRUE(rest.accepts(passage({"hate", "speech"})));
  EXPECT_TRUE(rest.accepts(passage({"speech", "hate", "crimes"})));
  EXPECT_FALSE(rest.accepts(passage({"speech", "hate"})));
}

TEST(PassageCheck, TermsWithoutPositionsAreLookedUpInTheTermList) {
  auto doc = passage({"report"});
  doc.add_term("Ycerd/c/kaz/co/8-10");
  const Predicate symbol = Predicate::any_term({"Ycerd/c/kaz/co/8-10"}, /*positional=*/false);
  const Predicate other = Predicate::any_term({"Ye/c.12/kaz/2"}, /*positional=*/false);
  EXPECT_TRUE(PassageCheck(symbol).accepts(doc));
  EXPECT_FALSE(PassageCheck(other).accepts(doc));
}

// A candidate given by its id in a shard (facet counts, docid_set.h) is opened only when the
// check needs its term list; read in order, its position list comes from the value stream.
TEST(PassageCheck, CandidatesGivenByIdAreOpenedForTheirTermListOnly) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto with_symbol = passage({"hate", "speech"});
  with_symbol.add_term("Ycerd/c/kaz/co/8-10");
  db.add_document(with_symbol);                         // 1
  db.add_document(passage({"speech", "hate"}));         // 2
  db.add_document(passage({"hate", "speech", "now"}));  // 3
  const Predicate symbol = Predicate::any_term({"Ycerd/c/kaz/co/8-10"}, /*positional=*/false);
  const Predicate phrase_and_symbol =
      Predicate::combine(Predicate::Kind::kAll, {kHateSpeech, symbol});
  std::vector<Xapian::docid> accepted_phrase, accepted_both;
  PassageCheck phrase(kHateSpeech), both(phrase_and_symbol);
  for (PassageCheck* check : {&phrase, &both}) {
    check->on_shard(db);
    check->read_in_order_from(db);
  }
  for (Xapian::docid id = 1; id <= 3; ++id) {
    if (phrase.accepts(CandidateDocument(db, id), id)) accepted_phrase.push_back(id);
    if (both.accepts(CandidateDocument(db, id), id)) accepted_both.push_back(id);
  }
  EXPECT_EQ(accepted_phrase, (std::vector<Xapian::docid>{1, 3}));
  EXPECT_EQ(accepted_both, (std::vector<Xapian::docid>{1}));
  // Out of order, the value is read from the opened document.
  EXPECT_TRUE(phrase.accepts(CandidateDocument(db, 1), 1));
}

TEST(PassageCheck, PassagesWithoutWordsAndUnreadableLists) {
  const auto no_words = passage({});
  EXPECT_FALSE(PassageCheck(kHateSpeech).accepts(no_words));
  EXPECT_TRUE(PassageCheck(Predicate::negate(kHateSpeech)).accepts(no_words));
  Xapian::Document damaged;
  damaged.add_value(core::schema::kPositionsSlot, "\x01\x05");  // five terms promised, none
  EXPECT_FALSE(PassageCheck(Predicate::negate(kHateSpeech)).accepts(damaged));
}

// A shard whose passages' lists are numbered by its own writer (term_numbers.h), as the index
// writer stores them; `first` is numbered first, so two shards number the same words apart.
void write_numbered_shard(const std::string& path, const std::vector<std::string>& first,
                          const std::vector<std::vector<std::string>>& passages) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  core::TermNumbering numbering(db);
  for (const auto& word : first) numbering.number_of(word);
  for (const auto& words : passages) {
    Xapian::Document doc = passage(words);
    std::string numbered;
    EXPECT_TRUE(core::number_position_list(
        doc.get_value(core::schema::kPositionsSlot),
        [&](std::string_view term) { return numbering.number_of(term); }, &numbered));
    doc.add_value(core::schema::kPositionsSlot, numbered);
    db.add_document(doc);
  }
  numbering.record_count();
  db.commit();
}

TEST(PassageCheck, NumberedListsAreReadWithTheNumbersOfTheCandidatesShard) {
  testing::TempDir dir;
  write_numbered_shard(dir / "a", {}, {{"hate", "speech"}, {"speech", "hate"}});
  write_numbered_shard(dir / "b", {"speech", "online", "hate"}, {{"online", "hate", "speech"}});
  const std::vector<Xapian::Database> shards{Xapian::Database(dir / "a"),
                                             Xapian::Database(dir / "b")};
  Xapian::Database combined;
  for (const auto& shard : shards) combined.add_database(shard);
  // Combined ids interleave the shards': 1 = a#1, 2 = b#1, 3 = a#2.
  PassageCheck check(kHateSpeech);
  check.on_shards(shards);
  EXPECT_TRUE(check.accepts(combined.get_document(1), 1));
  EXPECT_TRUE(check.accepts(combined.get_document(2), 2));
  EXPECT_FALSE(check.accepts(combined.get_document(3), 3));
  // One shard's own documents.
  PassageCheck in_b(kHateSpeech);
  in_b.on_shard(shards[1]);
  EXPECT_TRUE(in_b.accepts(shards[1].get_document(1)));
  // Unbound, a numbered list cannot be read: refused, never guessed.
  EXPECT_FALSE(PassageCheck(kHateSpeech).accepts(shards[0].get_document(1)));
}

TEST(PassageCheck, ANumberedListWithAMalformedEndIsRefusedOnceReadThere) {
  // Numbers past one byte, so that the cut list still has a byte for each position it claims.
  testing::TempDir dir;
  std::vector<std::string> fillers;
  for (int n = 0; n < 300; ++n) fillers.push_back("filler" + std::to_string(n));
  std::vector<std::string> words{"hate", "speech"};
  for (int n = 0; n < 200; ++n) words.push_back("online");
  write_numbered_shard(dir / "a", fillers, {words});
  const Xapian::Database shard(dir / "a");
  Xapian::Document damaged = shard.get_document(1);
  const std::string list = damaged.get_value(core::schema::kPositionsSlot);
  damaged.add_value(core::schema::kPositionsSlot, list.substr(0, list.size() - 100));
  const Predicate speech_hate = Predicate::sequence({{"speech"}, {"hate"}});
  for (const Predicate* predicate : {&kHateSpeech, &speech_hate}) {
    PassageCheck check(*predicate);
    check.on_shard(shard);
    EXPECT_EQ(check.accepts(shard.get_document(1)), predicate == &kHateSpeech);
  }
  // The phrase found before the fault: accepted. Its negation holds no more; another phrase
  // and its negation read the list to its end: refused, never guessed.
  const std::vector<std::pair<Predicate, bool>> cases = {{kHateSpeech, true},
                                                         {Predicate::negate(kHateSpeech), false},
                                                         {speech_hate, false},
                                                         {Predicate::negate(speech_hate), false}};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    PassageCheck check(cases[i].first);
    check.on_shard(shard);
    EXPECT_EQ(check.accepts(damaged, 1), cases[i].second) << i;
  }
}

TEST(Predicate, OnlyPhrasesNeedPositions) {
  const Predicate words = Predicate::combine(
      Predicate::Kind::kAll,
      {Predicate::any_term({"a"}, true), Predicate::negate(Predicate::any_term({"b"}, true))});
  EXPECT_FALSE(words.needs_positions());
  EXPECT_TRUE(Predicate::combine(Predicate::Kind::kAny, {words, Predicate::negate(kHateSpeech)})
                  .needs_positions());
  EXPECT_EQ(words.describe(), "ALL(TERMS(a) NOT(TERMS(b)))");
}

}  // namespace
}  // namespace treatysearch::search

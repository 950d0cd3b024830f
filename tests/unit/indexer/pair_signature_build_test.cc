// The pair signature the document builder stores for a passage (pair_signature.h): each two
// consecutive words by their folded forms, whatever the case or accents they are written in.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "document_builder.h"
#include "pair_signature.h"
#include "pair_terms.h"
#include "schema.h"

namespace treatysearch {
namespace {

// The document the builder makes of one English passage of `text`.
Xapian::Document built(const std::string& text) {
  ingest::Passage passage;
  passage.label = "1";
  passage.text = text;
  ingest::DocumentBuilder builder;
  DocumentInfo info;
  info.language = "en";
  std::vector<ingest::PassageDocument> docs;
  ingest::DocumentBuilder::Variants variants;
  EXPECT_EQ(builder.build("k", info, {passage}, &docs, &variants), "");
  return docs.at(0).to_xapian();
}

std::string signature_of(const std::string& text) {
  return built(text).get_value(core::schema::kPairSignatureSlot);
}

bool may_hold(const std::string& signature, const std::string& first, const std::string& second) {
  return core::may_hold_pair(
      signature, core::pair_hash(core::pair_word_hash(first), core::pair_word_hash(second)));
}

TEST(PairSignatureBuild, ConsecutiveWordsByTheirFoldedForms) {
  const std::string signature = signature_of("The State party, Égalité: should report.");
  ASSERT_FALSE(signature.empty());
  EXPECT_TRUE(may_hold(signature, "the", "state"));
  EXPECT_TRUE(may_hold(signature, "state", "party"));
  EXPECT_TRUE(may_hold(signature, "party", "egalite"));  // punctuation is no word
  EXPECT_TRUE(may_hold(signature, "egalite", "should"));
  EXPECT_TRUE(may_hold(signature, "should", "report"));
  EXPECT_FALSE(may_hold(signature, "party", "state"));
  EXPECT_FALSE(may_hold(signature, "the", "party"));
}

TEST(PairSignatureBuild, APassageOfOneWordHasNone) {
  EXPECT_TRUE(signature_of("Alone.").empty());
  // Each passage's pairs are its own: a second passage built by the same builder does not
  // start with the last word of the first.
  ingest::DocumentBuilder builder;
  DocumentInfo info;
  info.language = "en";
  std::vector<ingest::Passage> passages(2);
  passages[0].label = "1";
  passages[0].text = "first words";
  passages[1].label = "2";
  passages[1].text = "second";
  std::vector<ingest::PassageDocument> docs;
  ingest::DocumentBuilder::Variants variants;
  ASSERT_EQ(builder.build("k", info, passages, &docs, &variants), "");
  EXPECT_TRUE(
      may_hold(std::string(docs.at(0).value(core::schema::kPairSignatureSlot)), "first", "words"));
  EXPECT_TRUE(docs.at(1).value(core::schema::kPairSignatureSlot).empty());
}

// The W-terms (pair_terms.h): two or three common words at consecutive positions, by folded
// form.
std::vector<std::string> pair_terms_of(const std::string& text) {
  const Xapian::Document doc = built(text);
  std::vector<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if ((*it).starts_with(core::schema::kPairPrefix)) {
      terms.push_back(*it);
      EXPECT_EQ(it.get_wdf(), 0u) << *it;  // boolean: they never weigh
    }
  return terms;
}

TEST(PairTermsBuild, TwoAndThreeCommonWordsInARowByTheirFoldedForms) {
  EXPECT_EQ(pair_terms_of("The STATE party, Égalité: should report to the State party."),
            (std::vector<std::string>{"Wstate party", "Wthe state", "Wthe state party", "Wto the",
                                      "Wto the state"}));
  // Not adjacent: a number or an uncommon word between them (punctuation is no word: "state;
  // of" are adjacent, as a phrase's check sees them).
  EXPECT_EQ(pair_terms_of("the 2 state; of report the report of"),
            std::vector<std::string>{"Wstate of"});
  EXPECT_EQ(pair_terms_of("of the 2 state party report"),
            (std::vector<std::string>{"Wof the", "Wstate party"}));
  // In French, Russian and Kazakh too.
  EXPECT_EQ(pair_terms_of("l’État partie devrait report dans les report и в report және мен"),
            (std::vector<std::string>{"Wdans les", "Wetat partie", "Wжәне мен", "Wи в"}));
  // The analyzer takes the elided article off "l’État": "de" and "État" are adjacent words.
  EXPECT_EQ(pair_terms_of("report de l’État partie"),
            (std::vector<std::string>{"Wde etat", "Wde etat partie", "Wetat partie"}));
}

}  // namespace
}  // namespace treatysearch

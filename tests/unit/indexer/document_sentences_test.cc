// What the indexer writes for the query language: the sentence starts in each passage's position
// list (for /s) and the paragraph label terms (for para:); and for ranking, term impacts as wdf.
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "document_builder.h"
#include "position_list.h"
#include "schema.h"
#include "term_impact.h"

namespace treatysearch {
namespace {

Xapian::Document build(const ingest::Passage& passage, const std::string& language = "en") {
  ingest::DocumentBuilder builder;
  DocumentInfo info;
  info.language = language;
  std::vector<ingest::PassageDocument> docs;
  ingest::DocumentBuilder::Variants variants;
  EXPECT_EQ(builder.build("k", info, {passage}, &docs, &variants), "");
  EXPECT_EQ(docs.size(), 1u);
  return docs.front().to_xapian();
}

std::vector<std::uint32_t> sentence_starts(const std::string& text, const std::string& language) {
  ingest::Passage passage;
  passage.label = "1";
  passage.text = text;
  const Xapian::Document doc = build(passage, language);
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> list;
  std::vector<std::uint32_t> starts;
  EXPECT_TRUE(
      core::decode_position_list(doc.get_value(core::schema::kPositionsSlot), &list, &starts));
  return starts;
}

std::set<std::string> paragraph_terms(const ingest::Passage& passage) {
  const Xapian::Document doc = build(passage);
  std::set<std::string> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if ((*it).rfind(core::schema::kParagraphPrefix, 0) == 0) out.insert(*it);
  return out;
}

TEST(DocumentSentences, TheFirstWordOfEachSentenceIsStored) {
  // Words: The(1) police(2) came(3) . Torture(4) followed(5) . It(6) ended(7) .
  EXPECT_EQ(sentence_starts("The police came. Torture followed. It ended.", "en"),
            (std::vector<std::uint32_t>{4, 6}));
  EXPECT_TRUE(sentence_starts("One sentence only.", "en").empty());
}

TEST(DocumentSentences, AbbreviationsKeepTheSentence) {
  // para.(4) 18(5) The(6) ...: no start at 6.
  EXPECT_TRUE(sentence_starts("As said in para. 18 The Committee notes it.", "en").empty());
  EXPECT_TRUE(sentence_starts("Согласно ст. 5 Конвенции государство обязано.", "ru").empty());
}

ingest::Passage passage_of(ingest::PassageKind kind, std::string label, std::string parent) {
  ingest::Passage passage;
  passage.kind = kind;
  passage.label = std::move(label);
  passage.parent = std::move(parent);
  passage.text = "Text.";
  return passage;
}

TEST(DocumentSentences, ParagraphTermsForTheLabelItsParentAndItsNumber) {
  EXPECT_EQ(paragraph_terms(passage_of(ingest::PassageKind::kSubParagraph, "18 (b)", "18")),
            (std::set<std::string>{"XP18", "XP18(b)"}));
  EXPECT_EQ(
      paragraph_terms(passage_of(ingest::PassageKind::kRecommendation, "32, recommendation 1", "")),
      (std::set<std::string>{"XP32", "XP32,recommendation1"}));
  // The Views' dotted numbers: para:6 finds 6.1 to 6.4.
  EXPECT_EQ(paragraph_terms(passage_of(ingest::PassageKind::kParagraph, "6.4", "")),
            (std::set<std::string>{"XP6", "XP6.4"}));
  EXPECT_EQ(paragraph_terms(passage_of(ingest::PassageKind::kSubParagraph, "3.5.1 (a)", "3.5.1")),
            (std::set<std::string>{"XP3", "XP3.5", "XP3.5.1", "XP3.5.1(a)"}));
  // A footnote is cited by its own label only, not under the paragraph citing it.
  EXPECT_EQ(paragraph_terms(passage_of(ingest::PassageKind::kFootnote, "footnote 3", "18")),
            (std::set<std::string>{"XPfootnote3"}));
}

// The wdf of each word, gram and symbol term is its impact, against the passage's length in
// words; boolean terms keep a wdf of 0.
TEST(DocumentImpacts, EachTermsWdfIsItsImpactInThePassage) {
  ingest::Passage passage;
  passage.label = "1";
  // 8 words; "torture" three times, once capitalised: one posting, the folded form's, with
  // the impact of all three (the position list keeps the spelling apart, as ETorture).
  passage.text = "Torture and torture again, see CERD/C/KAZ/CO/8-10 on torture.";
  const Xapian::Document doc = build(passage);
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> list;
  std::vector<std::uint32_t> starts;
  ASSERT_TRUE(
      core::decode_position_list(doc.get_value(core::schema::kPositionsSlot), &list, &starts));
  std::uint32_t words = 0;
  for (const auto& [term, positions] : list) words += static_cast<std::uint32_t>(positions.size());
  std::map<std::string, Xapian::termcount> wdf;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) wdf[*it] = it.get_wdf();
  for (const auto& [term, positions] : list) {
    if (core::schema::is_exact_term(term)) continue;
    EXPECT_EQ(wdf.count(term), 1u) << term;
  }
  for (const std::string word : {"and", "again", "see", "on"})
    EXPECT_EQ(wdf.at(word), core::term_impact(1, words)) << word;
  EXPECT_EQ(wdf.at("torture"), core::term_impact(3, words));
  EXPECT_EQ(wdf.count("ETorture"), 0u);
  const auto spelled = std::find_if(list.begin(), list.end(),
                                    [](const auto& entry) { return entry.first == "ETorture"; });
  ASSERT_NE(spelled, list.end());
  EXPECT_EQ(spelled->second, (std::vector<std::uint32_t>{1}));
  // The symbol mention has no position but an impact all the same.
  const auto symbol = std::find_if(wdf.begin(), wdf.end(), [](const auto& entry) {
    return entry.first.starts_with(core::schema::kSymbolMentionPrefix);
  });
  ASSERT_NE(symbol, wdf.end());
  EXPECT_EQ(symbol->second, core::term_impact(1, words));
  EXPECT_EQ(wdf.at(core::schema::file_term("k")), 0u);
  EXPECT_EQ(wdf.at("XP1"), 0u);
}

TEST(DocumentImpacts, TheSameCountWeighsMoreInAShorterPassage) {
  ingest::Passage shorter;
  shorter.label = "1";
  shorter.text = "On refoulement of asylum seekers.";
  ingest::Passage longer = shorter;
  longer.text =
      "The Committee is concerned about reports of refoulement of asylum seekers at the "
      "border, about the length of their detention, and about the lack of legal aid "
      "for those held in the transit zones of the international airports.";
  const auto wdf_of = [](const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0u;
  };
  EXPECT_GT(wdf_of(build(shorter), "refoulement"), wdf_of(build(longer), "refoulement"));
  EXPECT_GT(wdf_of(build(longer), "refoulement"), 0u);
}

}  // namespace
}  // namespace treatysearch

// Index and query analysis are one code path: the same strings fed to the indexer's document
// builder and to the query compiler give the same terms.
#include <gtest/gtest.h>

#include <xapian.h>

#include <set>
#include <string>

#include "document_builder.h"
#include "position_list.h"
#include "query_parser.h"
#include "schema.h"

namespace treatysearch {
namespace {

// The terms with positions: those of the passage's position list (position_list.h): a word's
// folded form, or its spelling (E-term) when written otherwise.
std::set<std::string> positional_terms(const Xapian::Document& doc) {
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> list;
  EXPECT_TRUE(core::decode_position_list(doc.get_value(core::schema::kPositionsSlot), &list));
  std::set<std::string> out;
  for (const auto& entry : list) out.insert(entry.first);
  return out;
}

// The folded forms the positional terms are posted under: the term itself, or for an E-term
// the surface the indexer recorded it under (schema.h). Each must be a term of the document,
// and no E-term may be.
std::set<std::string> posted_terms(const Xapian::Document& doc,
                                   const ingest::DocumentBuilder::Variants& variants) {
  std::set<std::string> out;
  for (const std::string& term : positional_terms(doc)) {
    std::string posted = term;
    if (core::schema::is_exact_term(term))
      for (const auto& [key, variant] : variants)
        if (variant == term && key[0] != 'Z') posted = key;
    EXPECT_FALSE(core::schema::is_exact_term(posted)) << term << ": no folded form recorded";
    auto it = doc.termlist_begin();
    it.skip_to(posted);
    EXPECT_TRUE(it != doc.termlist_end() && *it == posted) << posted;
    out.insert(posted);
  }
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    EXPECT_FALSE(core::schema::is_exact_term(*it)) << *it << " is posted";
  return out;
}

// The word terms a compiled query's check looks for in position lists.
void checked_terms(const search::Predicate& p, std::set<std::string>* out) {
  out->insert(p.terms.begin(), p.terms.end());
  for (const auto& group : p.groups) out->insert(group.begin(), group.end());
  for (const auto& child : p.children) checked_terms(child, out);
}

// The stems the indexer recorded: vocabulary keys Z<stem> (stems are not terms; schema.h).
std::set<std::string> stem_keys(const ingest::DocumentBuilder::Variants& variants) {
  std::set<std::string> out;
  for (const auto& entry : variants)
    if (entry.first[0] == 'Z') out.insert(entry.first);
  return out;
}

bool has_stem_terms(const Xapian::Document& doc) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if ((*it)[0] == 'Z') return true;
  return false;
}

std::set<std::string> query_terms(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

struct Sample {
  const char* language;
  const char* text;
};

const Sample kSamples[] = {
    // (A hyphenated word is a phrase of its parts at query time, so it asks for no stems: the
    // exact-phrase check below covers it.)
    {"en", "The Committee’s Concluding Observations on Kazakhstan's Cooperation"},
    {"en", "co-operation and follow-up"},
    {"fr", "L'Élimination des discriminations raciales à l’égard des Roms"},
    {"es", "La Discriminación Racial y la educación de los niños"},
    {"ru", "Ёлки, РАСОВОЙ дискриминации в Республике Казахстан"},
    {"ar", "اللجنة المعنية بالقضاء على التمييز العنصري أحمد ٢٠٢٣"},
    {"zh", "消除种族歧视委员会审议了哈萨克斯坦的报告"},
    {"kk", "Қазақстан Республикасының азаматтарының құқықтары"},
};

TEST(OneAnalyzer, IndexAndQueryProduceTheSameTerms) {
  ingest::DocumentBuilder builder;
  core::Analyzer analyzer;
  for (const auto& sample : kSamples) {
    SCOPED_TRACE(sample.language);
    ingest::Passage passage;
    passage.label = "1";
    passage.text = sample.text;
    DocumentInfo info;
    info.language = sample.language;
    std::vector<ingest::PassageDocument> built;
    ingest::DocumentBuilder::Variants variants;
    builder.build("k", info, {passage}, &built, &variants);
    ASSERT_EQ(built.size(), 1u);
    const std::vector<Xapian::Document> docs{built[0].to_xapian()};

    // The exact-form phrase of the whole text asks Xapian for precisely the folded forms
    // posted, and its check for precisely the positional terms indexed.
    const std::string exact = std::string("#\"") + sample.text + "\"";
    search::QueryContext context{{sample.language}, {}};
    const auto exact_query =
        search::compile_query(search::parse_query(exact), analyzer, context, exact);
    EXPECT_EQ(query_terms(exact_query.query), posted_terms(docs[0], variants));
    std::set<std::string> exact_checked;
    checked_terms(exact_query.query_check, &exact_checked);
    EXPECT_EQ(exact_checked, positional_terms(docs[0]));

    // A default query of the same words, with the vocabulary entries the indexer recorded, looks
    // up the stems the indexer recorded and finds every positional term among its alternatives.
    EXPECT_FALSE(has_stem_terms(docs[0]));
    std::set<std::string> looked_up;
    context.variants = [&](const std::string& key, std::vector<std::string>* terms) {
      looked_up.insert(key);
      for (const auto& [k, term] : variants)
        if (k == key) terms->push_back(term);
    };
    const auto plain =
        search::compile_query(search::parse_query(sample.text), analyzer, context, sample.text);
    const std::set<std::string> asked = query_terms(plain.query);
    for (const auto& term : posted_terms(docs[0], variants))
      EXPECT_EQ(asked.count(term), 1u) << term;
    std::set<std::string> checked;
    checked_terms(plain.query_check, &checked);
    for (const auto& term : positional_terms(docs[0])) EXPECT_EQ(checked.count(term), 1u) << term;
    if (std::string(sample.text).find('-') == std::string::npos) {
      for (const auto& key : stem_keys(variants)) EXPECT_EQ(looked_up.count(key), 1u) << key;
    }
  }
}

}  // namespace
}  // namespace treatysearch

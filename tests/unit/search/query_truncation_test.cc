// Truncated words (truncation.h): patterns, their expansion against an index's own words, the
// expansion limit and its warning, and truncation inside phrases and connectors.
#include "truncation.h"

#include <gtest/gtest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzer.h"
#include "query_parser.h"
#include "query_tree.h"
#include "temp_dir.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {
namespace {

using test_support::mentions;

class Truncation : public ::testing::Test {
 protected:
  // A glass database, as the index's shards are.
  Truncation() : db_(dir_ / "db", Xapian::DB_CREATE) {
    add("discrimination", 3);
    add("discriminatory", 2);
    add("discriminate", 1);
    add("discretion", 4);
    add("organisation", 1);
    add("organization", 2);
    add("racial", 3);
    // A word only ever written capitalised: posted under its folded form, as every word is
    // (schema.h), with its spelling in the vocabulary for the position lists.
    add("kazakhstan", 2);
    core::Vocabulary::add(db_, "kazakhstan", "EKazakhstan");
    db_.commit();
  }

  void add(const std::string& term, int passages) {
    for (int i = 0; i < passages; ++i) {
      Xapian::Document doc;
      doc.add_term(term);
      db_.add_document(doc);
    }
  }

  CompiledQuery compile(const std::string& q, bool with_index = true) {
    QueryContext context{{"en"},
                         [this](const std::string& surface, std::vector<std::string>* terms) {
                           for (std::string& term : vocabulary_.terms_of(surface))
                             terms->push_back(std::move(term));
                         }};
    if (with_index) {
      context.database = &db_;
      context.vocabulary = &vocabulary_;
    }
    return compile_query(parse_query(q), analyzer_, context, q);
  }

  std::string error_of(const std::string& q) {
    try {
      compile(q);
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }

  testing::TempDir dir_;
  core::Analyzer analyzer_;
  Xapian::WritableDatabase db_;
  const std::vector<Xapian::Database> shards_{db_};
  const core::Vocabulary vocabulary_{shards_, core::Backend::kLocal};
};

TEST_F(Truncation, RecognisesWildcardsOnlyInWords) {
  EXPECT_TRUE(is_truncation("discriminat*"));
  EXPECT_TRUE(is_truncation("discriminat!"));
  EXPECT_TRUE(is_truncation("organi?ation"));
  EXPECT_FALSE(is_truncation("?"));
  EXPECT_FALSE(is_truncation("!!!"));
  EXPECT_FALSE(is_truncation("discrimination"));
}

TEST_F(Truncation, PatternsFoldAndMatchOneCharacterPerQuestionMark) {
  WildcardPattern pattern;
  ASSERT_EQ(parse_wildcard("Organi?ation", analyzer_, &pattern), "");
  EXPECT_EQ(pattern.pieces, (std::vector<std::string>{"organi", "ation"}));
  EXPECT_FALSE(pattern.open_end);
  EXPECT_TRUE(wildcard_matches(pattern, "organisation"));
  EXPECT_TRUE(wildcard_matches(pattern, "organization"));
  EXPECT_FALSE(wildcard_matches(pattern, "organiation"));
  EXPECT_FALSE(wildcard_matches(pattern, "organisations"));
  ASSERT_EQ(parse_wildcard("égal*", analyzer_, &pattern), "");
  EXPECT_EQ(pattern.pieces.front(), "egal");  // folded as indexed words are
  EXPECT_TRUE(wildcard_matches(pattern, "egalite"));
}

TEST_F(Truncation, MinimumPrefixAtNAndNMinusOne) {
  WildcardPattern pattern;
  const std::string n(QueryLimits::kMinTruncationPrefix, 'd');
  EXPECT_EQ(parse_wildcard(n + "*", analyzer_, &pattern), "");
  const std::string error = parse_wildcard(n.substr(1) + "*", analyzer_, &pattern);
  EXPECT_TRUE(mentions(error, "at least 3 letters")) << error;
  EXPECT_TRUE(mentions(error_of("police di*"), "\"di*\" at 8: needs at least 3 letters"));
  EXPECT_TRUE(mentions(error_of("?rganisation"), "needs at least 3 letters"));
}

TEST_F(Truncation, StarOnlyEndsAWordAndHashDoesNotTruncate) {
  EXPECT_TRUE(mentions(error_of("dis*crim"), "* and ! may only end a word"));
  EXPECT_TRUE(mentions(error_of("#discrim*"), "# (exact form) and truncation"));
  EXPECT_TRUE(mentions(error_of("co-op*"), "must be one word"));
}

TEST_F(Truncation, ExpandsToTheIndexWordsMostFrequentFirst) {
  WildcardPattern pattern;
  ASSERT_EQ(parse_wildcard("discrimin*", analyzer_, &pattern), "");
  const Expansion all = expand_wildcard(db_, vocabulary_, pattern, 10, 1000);
  EXPECT_EQ(all.surfaces,
            (std::vector<std::string>{"discrimination", "discriminatory", "discriminate"}));
  EXPECT_EQ(all.matched, 3u);
  // The limit at N keeps all; at N - 1 the least frequent goes.
  EXPECT_EQ(expand_wildcard(db_, vocabulary_, pattern, 3, 1000).surfaces.size(), 3u);
  const Expansion cut = expand_wildcard(db_, vocabulary_, pattern, 2, 1000);
  EXPECT_EQ(cut.surfaces, (std::vector<std::string>{"discrimination", "discriminatory"}));
  EXPECT_EQ(cut.matched, 3u);
  // The scan bound: 3 words with the prefix, scanned with a bound of 3 and of 2.
  EXPECT_FALSE(expand_wildcard(db_, vocabulary_, pattern, 10, 3).scan_cut);
  EXPECT_TRUE(expand_wildcard(db_, vocabulary_, pattern, 10, 2).scan_cut);
}

TEST_F(Truncation, FindsWordsWrittenOnlyWithCapitals) {
  const auto c = compile("kazakh*");
  EXPECT_EQ(c.query.get_description(), "Query(kazakhstan)");
  EXPECT_EQ(c.query_check.describe(), "TERMS(kazakhstan EKazakhstan)");
  EXPECT_FALSE(c.needs_check);
  EXPECT_TRUE(c.highlights.surfaces.count("kazakhstan"));
}

TEST_F(Truncation, StarAndBangMeanTheSame) {
  EXPECT_EQ(compile("discriminat*").query_check.describe(),
            "TERMS(discrimination discriminatory discriminate)");
  EXPECT_EQ(compile("discriminat!").query_check.describe(),
            compile("discriminat*").query_check.describe());
  EXPECT_EQ(compile("organi?ation").query_check.describe(), "TERMS(organization organisation)");
  EXPECT_TRUE(compile("discriminat*").warnings.empty());
}

TEST_F(Truncation, ExpansionLimitAtNAndNPlusOneIsWarned) {
  auto add_words = [this](std::size_t n, const std::string& prefix) {
    for (std::size_t i = 0; i < n; ++i) add(prefix + std::to_string(1000 + i), 1);
    db_.commit();
  };
  add_words(QueryLimits::kMaxExpansions, "limitn");
  add_words(QueryLimits::kMaxExpansions + 1, "limito");
  const auto at_n = compile("limitn*");
  EXPECT_TRUE(at_n.warnings.empty());
  EXPECT_EQ(at_n.query_check.terms.size(), QueryLimits::kMaxExpansions);
  const auto over = compile("limito*");
  ASSERT_EQ(over.warnings.size(), 1u);
  EXPECT_EQ(over.warnings.front(),
            "\"limito*\" matches 201 words; only the 200 most frequent are searched (type more "
            "letters)");
  EXPECT_EQ(over.query_check.terms.size(), QueryLimits::kMaxExpansions);
}

TEST_F(Truncation, NoMatchAndNoIndexAreWarnedAndMatchNothing) {
  const auto none = compile("zzzyx*");
  ASSERT_EQ(none.warnings.size(), 1u);
  EXPECT_EQ(none.warnings.front(), "\"zzzyx*\" matches no word in the index");
  EXPECT_TRUE(none.query.empty());  // an empty Xapian query matches nothing
  EXPECT_EQ(compile("racial zzzyx*").query.get_description(), "Query(racial)");
  EXPECT_FALSE(compile("discriminat*", /*with_index=*/false).warnings.empty());
}

TEST_F(Truncation, WorksInsidePhrasesAndConnectors) {
  EXPECT_EQ(compile("\"racial discriminat*\"").query_check.describe(),
            "SEQ(racial discrimination|discriminatory|discriminate)");
  EXPECT_EQ(compile("discriminat* w/3 racial").query_check.describe(),
            "NEAR/3(discrimination|discriminatory|discriminate ; racial)");
  EXPECT_EQ(compile("(organi?ation OR kazakh*) /s racial").query_check.describe(),
            "SENT(organization|organisation, kazakhstan|EKazakhstan ; racial)");
}

}  // namespace
}  // namespace treatysearch::search

#include "query_parser.h"
#include "query_tree.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "ranking.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {
namespace {

using Type = QueryNode::Type;

using test_support::error_of;
using test_support::parsed;
using test_support::show;

TEST(QueryParser, PlainWordsAreASoftConjunction) {
  EXPECT_EQ(parsed("hate speech"), "all(hate speech)");
  EXPECT_EQ(parsed("torture"), "torture");
}

TEST(QueryParser, OperatorsPrecedenceAndGrouping) {
  EXPECT_EQ(parsed("a OR b AND c"), "or(a and(b c))");
  EXPECT_EQ(parsed("(a OR b) AND c"), "and(or(a b) c)");
  EXPECT_EQ(parsed("a b OR c"), "or(all(a b) c)");
  EXPECT_EQ(parsed("police NOT riots"), "all(police not(riots))");
  EXPECT_EQ(parsed("police -riots"), "all(police not(riots))");
  EXPECT_EQ(parsed("co-operation"), "co-operation");  // a hyphen inside a word is no operator
}

TEST(QueryParser, LowercaseOperatorsAreWords) {
  EXPECT_EQ(parsed("law and order"), "all(law and order)");
}

TEST(QueryParser, PhrasesIncludingTypographicQuotesAndAMissingClosingQuote) {
  EXPECT_EQ(parsed("\"hate speech\" police"), "all(\"hate speech\" police)");
  EXPECT_EQ(parsed("“racial discrimination”"), "\"racial discrimination\"");
  EXPECT_EQ(parsed("«droits de l'homme»"), "\"droits de l'homme\"");
  EXPECT_EQ(parsed("\"stateless persons"), "\"stateless persons\"");
}

TEST(QueryParser, ErrorsNameTheQueryAndTheProblem) {
  EXPECT_NE(error_of("   ").find("empty query"), std::string::npos);
  EXPECT_NE(error_of("(a OR b").find("unbalanced parenthesis at 1: '(' is never closed"),
            std::string::npos);
  EXPECT_NE(error_of("a OR b)").find("unbalanced parenthesis at 7: ')' closes nothing"),
            std::string::npos);
  EXPECT_NE(error_of("police AND (torture OR ill-treatment").find("unbalanced parenthesis at 12"),
            std::string::npos);
  EXPECT_NE(error_of("a AND").find("missing a word after it at 6"), std::string::npos);
  EXPECT_NE(error_of("OR b").find("'OR' needs a word before it at 1"), std::string::npos);
  EXPECT_NE(error_of("a ()").find("empty parentheses at 3"), std::string::npos);
  EXPECT_NE(error_of("a AND").find("query \"a AND\""), std::string::npos);
  EXPECT_NE(error_of("bad \xFF").find("not valid UTF-8"), std::string::npos);
}

TEST(QueryParser, LengthLimitAtNAndNPlusOne) {
  const std::string at_limit(QueryLimits::kMaxQueryBytes, 'a');
  EXPECT_NO_THROW(parse_query(at_limit));
  EXPECT_NE(error_of(at_limit + "a").find("longer than 4096 bytes"), std::string::npos);
}

std::string nested(std::size_t depth) {
  return std::string(depth, '(') + "a" + std::string(depth, ')');
}

TEST(QueryParser, NestingLimitAtNAndNPlusOne) {
  EXPECT_NO_THROW(parse_query(nested(QueryLimits::kMaxNesting)));
  EXPECT_NE(error_of(nested(QueryLimits::kMaxNesting + 1)).find("nested more than 32"),
            std::string::npos);
  std::string nots;
  for (std::size_t i = 0; i <= QueryLimits::kMaxNesting; ++i) nots += "NOT ";
  EXPECT_NE(error_of(nots + "a").find("nested"), std::string::npos);
  // A deep query far over the limit fails fast instead of overflowing the stack.
  EXPECT_NE(error_of(std::string(2000, '(') + "a").find("nested"), std::string::npos);
}

class CompileTest : public test_support::CompileFixture {};

TEST_F(CompileTest, WordsMatchSurfaceOrStemAsOneSynonymGroup) {
  // The vocabulary maps a stem to the folded forms indexed with it and their spellings
  // (schema.h); only folded forms are posted, so only they reach Xapian.
  QueryContext context{
      {"en"}, [](const std::string& key, std::vector<std::string>* terms) {
        if (key == "Zdiscrimin")
          terms->insert(terms->end(), {"discrimination", "discriminatory", "EDiscriminatory"});
      }};
  const std::string q = "Discriminated";
  const auto c = compile_query(parse_query(q), analyzer_, context, q);
  const std::string d = c.query.get_description();
  EXPECT_EQ(d,
            "Query((discriminated SYNONYM discrimination SYNONYM discriminatory SYNONYM "
            "discrimin))");
  EXPECT_TRUE(c.all_words.empty());
  EXPECT_FALSE(c.needs_check);  // the postings of the folded forms prove a word
  EXPECT_EQ(c.highlights.stems.count("discrimin"), 1u);
}

TEST_F(CompileTest, PhrasesUseExactSurfaceFormsInOrder) {
  const auto c = compile("\"Hate Speech\"");
  const std::string d = c.query.get_description();
  // Xapian matches and ranks the AND of the words; their order is checked per passage.
  EXPECT_EQ(d, "Query((hate AND speech))");
  EXPECT_TRUE(c.needs_check);
  EXPECT_EQ(c.query_check.describe(), "SEQ(hate speech)");
  EXPECT_EQ(d.find("Z"), std::string::npos) << d;  // no stems inside quotes
}

// In an index with W-terms (pair_terms.h), a phrase's consecutive common words also filter by
// their pairs' or triples' terms: weighing nothing, so the ranking is the AND's.
TEST_F(CompileTest, PhrasesOfCommonWordsAreFilteredByTheirPairsWhereTheIndexHasThem) {
  QueryContext context{{"en"}, {}};
  context.pair_term_words = 2;  // an index of version 1: pairs only
  const auto compile_with = [&](const std::string& q) {
    return compile_query(parse_query(q), analyzer_, context, q);
  };
  const auto all_common = compile_with("\"the State party\"");
  // Every word in a pair: the pairs decide the match, the words weigh.
  EXPECT_EQ(all_common.query.get_description(),
            "Query((0 * (Wthe state AND Wstate party) AND_MAYBE (the AND state AND party)))");
  EXPECT_TRUE(all_common.needs_check);  // the pairs may be in two places: the order is checked
  EXPECT_EQ(all_common.query_check.describe(), "SEQ(the state party)");
  const auto partly = compile_with("\"the State party report\"");
  EXPECT_EQ(partly.query.get_description(),
            "Query(((the AND state AND party AND report) FILTER (Wthe state AND Wstate party)))");
  // No pair of common words, or an index without W-terms: the AND alone.
  EXPECT_EQ(compile_with("\"hate speech\"").query.get_description(), "Query((hate AND speech))");
  EXPECT_EQ(compile("\"the State party\"").query.get_description(),
            "Query((the AND state AND party))");
}

// With triples (version 2), a run of three or more common words is filtered by its triples,
// and a phrase that is one W-term is matched by it alone: nothing is checked.
TEST_F(CompileTest, APhraseThatIsOneWTermNeedsNoCheck) {
  QueryContext context{{"en"}, {}};
  context.pair_term_words = 3;
  const auto compile_with = [&](const std::string& q) {
    return compile_query(parse_query(q), analyzer_, context, q);
  };
  const auto triple = compile_with("\"the State party\"");
  EXPECT_EQ(triple.query.get_description(),
            "Query((0 * Wthe state party AND_MAYBE (the AND state AND party)))");
  EXPECT_FALSE(triple.needs_check);
  EXPECT_EQ(triple.query_check.describe(), "TERMS(Wthe state party)");
  const auto pair = compile_with("\"State party\"");
  EXPECT_EQ(pair.query.get_description(), "Query((0 * Wstate party AND_MAYBE (state AND party)))");
  EXPECT_FALSE(pair.needs_check);
  // Four common words: two triples, which may be apart.
  const auto four = compile_with("\"of the State party\"");
  EXPECT_EQ(four.query.get_description(),
            "Query((0 * (Wof the state AND Wthe state party) AND_MAYBE "
            "(of AND the AND state AND party)))");
  EXPECT_TRUE(four.needs_check);
  // Runs of two and of three in one phrase, apart: each by its own term(s), and checked.
  const auto runs = compile_with("\"the State report to the Committee\"");
  EXPECT_EQ(runs.query.get_description(),
            "Query(((the AND state AND report AND to AND the AND committee) FILTER "
            "(Wthe state AND Wto the committee)))");
  EXPECT_TRUE(runs.needs_check);
  // A #spelling: the W-term of folded forms only narrows; the spelling is checked.
  const auto spelled = compile_with("#\"the State party\"");
  EXPECT_TRUE(spelled.needs_check);
  EXPECT_EQ(spelled.query_check.describe(), "SEQ(the EState party)");
  // Beside a phrase that must be checked, the W-term is asked of the passage.
  const auto either = compile_with("\"State party\" OR \"hate speech\"");
  EXPECT_TRUE(either.needs_check);
  EXPECT_EQ(either.query_check.describe(), "ANY(TERMS(Wstate party) SEQ(hate speech))");
}

// With the index's frequencies (a weighed compilation), a phrase's words in more than half the
// passages are left to the check: Xapian neither matches nor weighs them, unless no word would
// be left. Side-by-side words keep them all.
TEST_F(CompileTest, APhrasesWordsInMostPassagesAreLeftToTheCheck) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 10; ++i) {
    Xapian::Document doc;
    doc.add_term("of");                  // every passage
    if (i < 6) doc.add_term("the");      // more than half
    if (i < 5) doc.add_term("state");    // half: kept
    if (i < 2) doc.add_term("freedom");  // rare
    if (i < 3) doc.add_term("expression");
    db.add_document(doc);
  }
  TermFrequencies frequencies;
  for (const char* term : {"of", "the", "state", "freedom", "expression"})
    frequencies[term] = db.get_termfreq(term);
  QueryContext context{{"en"}, {}};
  context.database = &db;
  context.frequencies = &frequencies;
  context.weigh_by_idf = true;
  const auto compile_with = [&](const std::string& q) {
    return compile_query(parse_query(q), analyzer_, context, q);
  };
  const auto terms_of = [&](const std::string& q) {
    const Xapian::Query query = compile_with(q).query;
    return std::vector<std::string>(query.get_unique_terms_begin(), query.get_unique_terms_end());
  };
  EXPECT_EQ(terms_of("\"freedom of the expression\""),
            (std::vector<std::string>{"expression", "freedom"}));
  const auto phrase = compile_with("\"freedom of the expression\"");
  EXPECT_TRUE(phrase.needs_check);
  EXPECT_EQ(phrase.query_check.describe(), "SEQ(freedom of the expression)");
  EXPECT_EQ(terms_of("\"of the state\""), std::vector<std::string>{"state"});
  EXPECT_EQ(terms_of("\"of the\""), (std::vector<std::string>{"of", "the"}));
  EXPECT_EQ(terms_of("freedom of the expression"),
            (std::vector<std::string>{"expression", "freedom", "of", "the"}));
  // Unweighed (the first compilation, which names the terms whose frequencies are looked up).
  context.weigh_by_idf = false;
  EXPECT_EQ(terms_of("\"freedom of the expression\""),
            (std::vector<std::string>{"expression", "freedom", "of", "the"}));
}

TEST_F(CompileTest, SideBySideWordsGetAStrictAndARelaxedQuery) {
  const auto c = compile("hate speech -riots");
  const std::string strict = c.all_words.get_description();
  const std::string relaxed = c.query.get_description();
  EXPECT_NE(strict.find(" AND "), std::string::npos) << strict;
  EXPECT_NE(relaxed.find(" OR "), std::string::npos) << relaxed;
  EXPECT_NE(strict.find("AND_NOT"), std::string::npos) << strict;
  EXPECT_NE(relaxed.find("AND_NOT"), std::string::npos) << relaxed;
}

TEST_F(CompileTest, SymbolsAreOneExactTermInAnyCase) {
  EXPECT_EQ(compile("CERD/C/KAZ/CO/8-10").query.get_description(), "Query(Ycerd/c/kaz/co/8-10)");
  EXPECT_EQ(compile("e/c.12/aus/co/6").query.get_description(), "Query(Ye/c.12/aus/co/6)");
}

TEST_F(CompileTest, ExactMarkMatchesTheWrittenFormOnly) {
  // A word is posted under its folded form whatever its spelling: Xapian finds the folded
  // form, and the position list must show the spelling written.
  const auto capitalised = compile("#Égalité");
  EXPECT_EQ(capitalised.query.get_description(), "Query(egalite)");
  EXPECT_TRUE(capitalised.needs_check);
  EXPECT_EQ(capitalised.query_check.describe(), "TERMS(EÉgalité)");
  const auto folded = compile("#egalite");
  EXPECT_EQ(folded.query.get_description(), "Query(egalite)");
  EXPECT_TRUE(folded.needs_check);  // "Egalite" is posted as egalite too
  EXPECT_EQ(folded.query_check.describe(), "TERMS(egalite)");
  const std::string phrase = compile("#\"Hate speech\"").query.get_description();
  EXPECT_EQ(phrase, "Query((hate AND speech))");
  EXPECT_EQ(compile("#\"Hate speech\"").query_check.describe(), "SEQ(EHate speech)");
  EXPECT_TRUE(compile("#\"Hate\"").needs_check);
  EXPECT_FALSE(compile("\"Hate\"").needs_check);
  EXPECT_EQ(compile("#égalité").highlights.originals.count("égalité"), 1u);
}

TEST_F(CompileTest, DefaultWordsIncludeEverySpellingFromTheIndex) {
  QueryContext context{{"fr"}, [](const std::string& surface, std::vector<std::string>* terms) {
                         if (surface == "egalite")
                           terms->insert(terms->end(), {"EÉgalité", "Eégalité"});
                         if (surface == "Zegalit") terms->push_back("egalites");
                       }};
  const std::string q = "egalite";
  const std::string d =
      compile_query(parse_query(q), analyzer_, context, q).query.get_description();
  EXPECT_NE(d.find("egalite SYNONYM egalites SYNONYM egalit"), std::string::npos) << d;
  EXPECT_EQ(d.find("EÉgalité"), std::string::npos) << d;  // spellings are not posted
  const std::string p = "\"l'égalité des\"";
  const std::string pd =
      compile_query(parse_query(p), analyzer_, context, p).query.get_description();
  EXPECT_EQ(pd, "Query((egalite AND des))");
  EXPECT_EQ(compile_query(parse_query(p), analyzer_, context, p).query_check.describe(),
            "SEQ(egalite|EÉgalité|Eégalité des)");
}

TEST_F(CompileTest, ChineseMatchesAsAPhraseOfSegmentsOrAllItsBigrams) {
  const std::string d = compile("哈萨克斯坦").query.get_description();
  EXPECT_NE(d.find("(哈萨克 AND 斯坦) OR "), std::string::npos) << d;
  EXPECT_EQ(compile("哈萨克斯坦").query_check.describe(),
            "ANY(SEQ(哈萨克 斯坦) ALL(TERMS(B哈萨) TERMS(B萨克) TERMS(B克斯) TERMS(B斯坦)))");
  EXPECT_NE(d.find("B哈萨 AND B萨克 AND B克斯 AND B斯坦"), std::string::npos) << d;
}

TEST_F(CompileTest, QueriesWithoutPhrasesNeedNoCheck) {
  const auto c = compile("hate OR (speech -riots) CERD/C/KAZ/CO/8-10");
  EXPECT_FALSE(c.needs_check);
}

TEST_F(CompileTest, NegatedPhrasesRemoveNothingBeforeTheCheck) {
  // Passages with both words out of order must survive Xapian's query: the check decides.
  const auto c = compile("crimes -\"hate speech\"");
  EXPECT_EQ(c.query.get_description(), "Query(crimes)");
  EXPECT_EQ(c.query_check.describe(), "ALL(TERMS(crimes) NOT(SEQ(hate speech)))");
  const auto n = compile("NOT \"hate speech\"");
  EXPECT_EQ(n.query.get_description(), "Query(<alldocuments>)");
  EXPECT_EQ(n.query_check.describe(), "NOT(SEQ(hate speech))");
}

TEST_F(CompileTest, PassagesWithAPhraseAndMoreWordsAreNotSurelyAllWords) {
  const auto c = compile("\"hate speech\" crimes");
  EXPECT_EQ(c.all_words.get_description(), "Query(((hate AND speech) AND crimes))");
  EXPECT_TRUE(c.all_words_sure.empty());  // nothing is subtracted from the rest unchecked
  EXPECT_EQ(c.all_words_check.describe(), "ALL(SEQ(hate speech) TERMS(crimes))");
  EXPECT_EQ(c.query_check.describe(), "ANY(SEQ(hate speech) TERMS(crimes))");
  const auto plain = compile("hate speech");
  EXPECT_EQ(plain.all_words_sure.get_description(), plain.all_words.get_description());
}

TEST_F(CompileTest, PunctuationOnlyQueryIsAnError) { EXPECT_THROW(compile("!!! ---"), Error); }

TEST_F(CompileTest, TermLimitAtNAndNPlusOne) {
  std::string at_limit, over;
  for (std::size_t i = 0; i < QueryLimits::kMaxTerms; ++i)
    at_limit += "w" + std::to_string(i) + " ";
  over = at_limit + "extra";
  EXPECT_NO_THROW(compile(at_limit));
  try {
    compile(over);
    FAIL() << "expected the term limit";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("more than 64 words"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace treatysearch::search

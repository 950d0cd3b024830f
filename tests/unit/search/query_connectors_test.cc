// Proximity connectors (w/N, pre/N, /s, /p): how they parse, compile and are checked against
// passages' position lists.
#include <gtest/gtest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzer.h"
#include "passage_check.h"
#include "position_list.h"
#include "query_parser.h"
#include "query_tree.h"
#include "schema.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {
namespace {

using Type = QueryNode::Type;

using test_support::error_of;
using test_support::mentions;
using test_support::parsed;
using test_support::show;

TEST(Connectors, EachConnectorParsesInAnyCase) {
  EXPECT_EQ(parsed("police w/5 torture"), "w/5(police torture)");
  EXPECT_EQ(parsed("police W/5 torture"), "w/5(police torture)");
  EXPECT_EQ(parsed("police pre/3 torture"), "pre/3(police torture)");
  EXPECT_EQ(parsed("police PRE/3 torture"), "pre/3(police torture)");
  EXPECT_EQ(parsed("police /s torture"), "/s(police torture)");
  EXPECT_EQ(parsed("police /S torture"), "/s(police torture)");
  EXPECT_EQ(parsed("police /p torture"), "/p(police torture)");
  EXPECT_EQ(parsed("police /P torture"), "/p(police torture)");
}

TEST(Connectors, WestlawAndLexisSpellings) {
  EXPECT_EQ(parsed("police /5 torture"), "/5(police torture)");
  EXPECT_EQ(parse_query("police /5 torture").connector, Connector::kWithin);
  EXPECT_EQ(parse_query("police +3 torture").connector, Connector::kPrecedes);
  EXPECT_EQ(parse_query("police +3 torture").width, 3u);
  EXPECT_EQ(parse_query("police W/S torture").connector, Connector::kSentence);
  EXPECT_EQ(parse_query("police w/p torture").connector, Connector::kParagraph);
  EXPECT_EQ(parse_query("police +s torture").connector, Connector::kSentenceInOrder);
  EXPECT_EQ(parse_query("police +S torture").connector, Connector::kSentenceInOrder);
  EXPECT_EQ(parse_query("police +p torture").connector, Connector::kParagraphInOrder);
  EXPECT_EQ(parse_query("police +P torture").connector, Connector::kParagraphInOrder);
  EXPECT_EQ(parsed("police & torture"), "and(police torture)");
  EXPECT_EQ(parsed("police % riots"), "all(police not(riots))");
  EXPECT_EQ(parsed("police BUT NOT riots"), "all(police not(riots))");
  EXPECT_EQ(parsed("police AND NOT riots"), "and(police not(riots))");
  EXPECT_TRUE(mentions(error_of("a /256 b"), "/256 at 3: the width must be 1..255"));
  EXPECT_TRUE(mentions(error_of("a +0 b"), "+0 at 3: the width must be 1..255"));
}

TEST(Connectors, BindTighterThanWordsAndOperators) {
  EXPECT_EQ(parsed("a w/3 b c"), "all(w/3(a b) c)");
  EXPECT_EQ(parsed("a OR b w/3 c"), "or(a w/3(b c))");
  EXPECT_EQ(parsed("a AND b /s c"), "and(a /s(b c))");
  EXPECT_EQ(parsed("NOT a w/3 b"), "not(w/3(a b))");
  EXPECT_EQ(parsed("x -a w/3 b"), "all(x not(w/3(a b)))");
}

TEST(Connectors, OperandsAreWordsPhrasesTruncationsOrOrGroups) {
  EXPECT_EQ(parsed("(police OR militia) w/5 (torture OR ill-treatment)"),
            "w/5(or(police militia) or(torture ill-treatment))");
  EXPECT_EQ(parsed("\"hate speech\" /s discriminat*"), "/s(\"hate speech\" discriminat*)");
  EXPECT_EQ(parsed("(a OR (b OR \"c d\")) pre/2 e"), "pre/2(or(a or(b \"c d\")) e)");
  const std::string and_group = error_of("(a AND b) w/3 c");
  EXPECT_TRUE(mentions(and_group, "w/3 at 11: what stands before it (at 1) must be a word"))
      << and_group;
  EXPECT_TRUE(mentions(error_of("a w/3 (b c)"), "what stands after it (at 7)"));
  EXPECT_TRUE(mentions(error_of("a w/3 -b"), "w/3 at 3 needs a word"));
  EXPECT_TRUE(mentions(error_of("a w/3"), "w/3 at 3 needs a word"));
  EXPECT_TRUE(mentions(error_of("w/3 b"), "'w/3' needs a word before it at 1"));
  EXPECT_TRUE(mentions(error_of("a w/3 committee:CERD"), "what stands after it (at 7)"));
}

TEST(Connectors, AChainIsTheConjunctionOfItsLinks) {
  EXPECT_EQ(parsed("a w/3 b /s c"), "and(w/3(a b) /s(b c))");
}

TEST(Connectors, WidthLimitAtNAndNPlusOne) {
  const std::string n = std::to_string(QueryLimits::kMaxProximity);
  const std::string over = std::to_string(QueryLimits::kMaxProximity + 1);
  EXPECT_EQ(parsed("a w/" + n + " b"), "w/" + n + "(a b)");
  EXPECT_EQ(parsed("a pre/" + n + " b"), "pre/" + n + "(a b)");
  EXPECT_TRUE(
      mentions(error_of("a w/" + over + " b"), "w/" + over + " at 3: the width must be 1.." + n));
  EXPECT_TRUE(mentions(error_of("a pre/" + over + " b"), "the width must be 1.."));
  EXPECT_EQ(parsed("a w/1 b"), "w/1(a b)");
  EXPECT_TRUE(mentions(error_of("police w/0 b"), "w/0 at 8: the width must be 1..255"));
  EXPECT_TRUE(mentions(error_of("a w/99999999999999999999 b"), "the width must be 1..255"));
}

TEST(Connectors, AConnectorWithoutANumberNamesItsPosition) {
  EXPECT_TRUE(mentions(error_of("torture w/ police"), "w/ needs a number at 9"));
  EXPECT_TRUE(mentions(error_of("a pre/x b"), "pre/ needs a number at 3"));
}

// A passage document as the indexer makes it, with sentences starting at `sentences`.
Xapian::Document passage(const std::vector<std::string>& words,
                         const std::vector<std::uint32_t>& sentences = {}) {
  core::PositionListBuilder builder;
  for (std::size_t i = 0; i < words.size(); ++i)
    builder.add(words[i], static_cast<std::uint32_t>(i + 1));
  for (const std::uint32_t start : sentences) builder.add_sentence_start(start);
  std::string encoded;
  builder.encode(&encoded);
  Xapian::Document doc;
  for (const auto& [term, count] : builder.terms()) doc.add_term(std::string(term), count);
  doc.add_value(core::schema::kPositionsSlot, encoded);
  return doc;
}

Operand word(const std::string& term) { return {{{term}}}; }

bool holds(const Predicate& p, const Xapian::Document& doc) { return PassageCheck(p).accepts(doc); }

TEST(ConnectorCheck, WithinCountsWordsEitherWay) {
  const auto doc = passage({"police", "x", "y", "torture", "z"});
  const auto near = [](std::uint32_t n) {
    return Predicate::connector(Predicate::Kind::kNear, word("police"), word("torture"), n);
  };
  EXPECT_TRUE(holds(near(3), doc));   // torture is 3 words after police
  EXPECT_FALSE(holds(near(2), doc));  // N and N+1 around the distance
  const auto reversed =
      Predicate::connector(Predicate::Kind::kNear, word("torture"), word("police"), 3);
  EXPECT_TRUE(holds(reversed, doc));
}

TEST(ConnectorCheck, PrecedesNeedsTheOrder) {
  const auto doc = passage({"torture", "by", "police"});
  EXPECT_TRUE(holds(
      Predicate::connector(Predicate::Kind::kPrecedes, word("torture"), word("police"), 2), doc));
  EXPECT_FALSE(holds(
      Predicate::connector(Predicate::Kind::kPrecedes, word("police"), word("torture"), 2), doc));
  EXPECT_TRUE(
      holds(Predicate::connector(Predicate::Kind::kNear, word("police"), word("torture"), 2), doc));
}

TEST(ConnectorCheck, PhrasesSpanTheirWordsAndAlternativesAreAny) {
  // "hate speech" occupies 1..2; "online" is 1 word after its last word.
  const auto doc = passage({"hate", "speech", "online", "a", "b", "militia"});
  const Operand phrase = {{{"hate"}, {"speech"}}};
  EXPECT_TRUE(
      holds(Predicate::connector(Predicate::Kind::kPrecedes, phrase, word("online"), 1), doc));
  EXPECT_FALSE(
      holds(Predicate::connector(Predicate::Kind::kPrecedes, word("online"), phrase, 5), doc));
  const Operand forces = {{{"police"}}, {{"militia"}}};
  EXPECT_TRUE(holds(Predicate::connector(Predicate::Kind::kNear, forces, word("online"), 3), doc));
  EXPECT_FALSE(holds(Predicate::connector(Predicate::Kind::kNear, forces, word("online"), 2), doc));
}

TEST(ConnectorCheck, TheSameWordTwiceNeedsTwoOccurrences) {
  const auto once = passage({"police", "x"});
  const auto twice = passage({"police", "x", "police"});
  const auto p = Predicate::connector(Predicate::Kind::kNear, word("police"), word("police"), 5);
  EXPECT_FALSE(holds(p, once));
  EXPECT_TRUE(holds(p, twice));
  const auto s =
      Predicate::connector(Predicate::Kind::kSameSentence, word("police"), word("police"), 0);
  EXPECT_FALSE(holds(s, once));
  EXPECT_TRUE(holds(s, twice));
}

TEST(ConnectorCheck, SameSentenceUsesTheStoredSentenceStarts) {
  // Sentences: [1..3] [4..6].
  const auto doc = passage({"police", "used", "force", "torture", "was", "alleged"}, {4});
  const auto p =
      Predicate::connector(Predicate::Kind::kSameSentence, word("police"), word("torture"), 0);
  EXPECT_FALSE(holds(p, doc));
  EXPECT_TRUE(holds(
      Predicate::connector(Predicate::Kind::kSameSentence, word("torture"), word("alleged"), 0),
      doc));
  // Without sentence starts the passage is one sentence.
  EXPECT_TRUE(holds(p, passage({"police", "used", "force", "torture", "was", "alleged"})));
}

TEST(ConnectorCheck, InOrderInTheSameSentence) {
  // Sentences: [1..3] [4..7]: "torture" (4) comes before "alleged" (6) in the second.
  const auto doc = passage({"police", "used", "force", "torture", "was", "alleged", "police"}, {4});
  const auto in_order = [&](const char* a, const char* b) {
    return holds(Predicate::connector(Predicate::Kind::kPrecedesInSentence, word(a), word(b)), doc);
  };
  EXPECT_TRUE(in_order("torture", "alleged"));
  EXPECT_FALSE(in_order("alleged", "torture"));  // /s would accept it
  EXPECT_TRUE(holds(
      Predicate::connector(Predicate::Kind::kSameSentence, word("alleged"), word("torture")), doc));
  EXPECT_TRUE(in_order("torture", "police"));  // the second "police", in the same sentence
  EXPECT_FALSE(in_order("force", "torture"));  // in order, but across the full stop
  EXPECT_FALSE(in_order("police", "police"));  // never the same occurrence
  EXPECT_TRUE(Predicate::connector(Predicate::Kind::kPrecedesInSentence, word("a"), word("b"))
                  .needs_positions());
}

TEST(ConnectorCheck, NeedsPositionsAndDescribes) {
  const auto p =
      Predicate::connector(Predicate::Kind::kNear, {{{"a", "Ea"}}, {{"b"}, {"c"}}}, word("d"), 4);
  EXPECT_TRUE(p.needs_positions());
  EXPECT_EQ(p.describe(), "NEAR/4(a|Ea, b c ; d)");
  EXPECT_EQ(Predicate::connector(Predicate::Kind::kPrecedes, word("a"), word("b"), 2).describe(),
            "PRE/2(a ; b)");
  EXPECT_EQ(Predicate::connector(Predicate::Kind::kSameSentence, word("a"), word("b")).describe(),
            "SENT(a ; b)");
  EXPECT_EQ(
      Predicate::connector(Predicate::Kind::kPrecedesInSentence, word("a"), word("b")).describe(),
      "SENT+(a ; b)");
}

class ConnectorCompile : public test_support::CompileFixture {};

TEST_F(ConnectorCompile, XapianGetsTheAndOfTheOperandsAndTheCheckTheConnector) {
  const auto c = compile("police w/5 torture");
  EXPECT_TRUE(c.needs_check);
  EXPECT_EQ(c.query_check.describe(), "NEAR/5(police ; torture)");
  const std::string xapian = c.query.get_description();
  EXPECT_TRUE(mentions(xapian, "AND")) << xapian;
  EXPECT_EQ(compile("\"hate speech\" pre/2 online").query_check.describe(),
            "PRE/2(hate speech ; online)");
  EXPECT_EQ(compile("(police OR militia) /s torture").query_check.describe(),
            "SENT(police, militia ; torture)");
  // Westlaw's in-order forms: +s in the same sentence, +p anywhere after it in the passage.
  EXPECT_EQ(compile("police +s torture").query_check.describe(), "SENT+(police ; torture)");
  EXPECT_EQ(compile("police +p torture").query_check.describe(), "PRE/any(police ; torture)");
}

TEST_F(ConnectorCompile, SameParagraphIsBothInThePassage) {
  const auto c = compile("police /p torture");
  EXPECT_FALSE(c.needs_check);  // the AND of the words decides it without positions
  EXPECT_EQ(c.query_check.describe(), "ALL(TERMS(police) TERMS(torture))");
}

TEST_F(ConnectorCompile, AnOperandWithoutWordsIsAnError) {
  EXPECT_THROW(compile("police w/3 \"...\""), Error);
}

}  // namespace
}  // namespace treatysearch::search

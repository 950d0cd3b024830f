// Fields written in the query (committee:CERD ... para:18): parsing, their values as Filters,
// merging with the options' filters (filters.h) and the boolean query they give.
#include <gtest/gtest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzer.h"
#include "filters.h"
#include "query_parser.h"
#include "query_tree.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {
namespace {

using test_support::mentions;

class Fields : public test_support::CompileFixture {};

TEST_F(Fields, EveryFieldFillsItsFilter) {
  const auto c = compile(
      "police COMMITTEE:CERD State:Kazakhstan type:concluding-observations year:2014..2023 "
      "lang:ru symbol:CERD/C/KAZ/CO/8-10/Add.1 para:18");
  const Filters& f = c.fields;
  EXPECT_EQ(f.committees, (std::vector<std::string>{"CERD"}));
  EXPECT_EQ(f.states, (std::vector<std::string>{"Kazakhstan"}));
  EXPECT_EQ(f.types, (std::vector<std::string>{"concluding-observations"}));
  EXPECT_EQ(f.year_from, 2014);
  EXPECT_EQ(f.year_to, 2023);
  EXPECT_EQ(f.languages, (std::vector<std::string>{"ru"}));
  EXPECT_EQ(f.symbols, (std::vector<std::string>{"CERD/C/KAZ/CO/8-10/Add.1"}));  // exactly it
  EXPECT_EQ(f.paragraphs, (std::vector<std::string>{"18"}));
  EXPECT_EQ(c.query.get_description(), "Query(police)");  // fields are no words
}

TEST_F(Fields, QuotedValuesAndRepeatedFields) {
  const auto c = compile("state:\"Cote d'Ivoire\" committee:CERD committee:CCPR police");
  EXPECT_EQ(c.fields.states, (std::vector<std::string>{"Cote d'Ivoire"}));
  EXPECT_EQ(c.fields.committees, (std::vector<std::string>{"CERD", "CCPR"}));
}

TEST_F(Fields, YearForms) {
  EXPECT_EQ(compile("year:2019 x").fields.year_from, 2019);
  EXPECT_EQ(compile("year:2019 x").fields.year_to, 2019);
  EXPECT_EQ(compile("year:2019.. x").fields.year_to, std::nullopt);
  EXPECT_EQ(compile("year:..2019 x").fields.year_from, std::nullopt);
  EXPECT_TRUE(mentions(compile_error_of("x year:20x"), "year:20x at 3: a year is four digits"));
  EXPECT_TRUE(mentions(compile_error_of("year:2020..2019"), "the year range is empty"));
  EXPECT_TRUE(mentions(compile_error_of("year:..."), "a year range is YEAR..YEAR"));
  EXPECT_TRUE(mentions(compile_error_of("year:2019 year:2020"), "the year is already given"));
}

TEST_F(Fields, ASymbolIsKeptAsTyped) {
  // What it finds is the filter's business (FilterQuery below), the same as --symbol's.
  EXPECT_EQ(compile("symbol:CERD/C/KAZ/CO/8-10").fields.symbols,
            (std::vector<std::string>{"CERD/C/KAZ/CO/8-10"}));
  EXPECT_EQ(compile("symbol:CERD/C/KAZ/*").fields.symbols,
            (std::vector<std::string>{"CERD/C/KAZ/*"}));
}

TEST(FilterQuery, ABaseSymbolAlsoFindsItsAddendaRevisionsAndCorrigenda) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Filters f;
  f.symbols = {"CERD/C/KAZ/CO/8-10"};
  const std::string base = filter_query(db, f).get_description();
  for (const char* part : {"XYcerd/c/kaz/co/8-10 ", "WILDCARD SYNONYM XYcerd/c/kaz/co/8-10/add.",
                           "WILDCARD SYNONYM XYcerd/c/kaz/co/8-10/rev.",
                           "WILDCARD SYNONYM XYcerd/c/kaz/co/8-10/corr."})
    EXPECT_NE(base.find(part), std::string::npos) << part << " in " << base;
  // One naming a supplement is exactly that one; a prefix is a prefix.
  for (const char* exact : {"CERD/C/KAZ/CO/8-10/Corr.1", "cerd/c/kaz/rev.2"}) {
    f.symbols = {exact};
    EXPECT_EQ(filter_query(db, f).get_description().find("WILDCARD"), std::string::npos) << exact;
  }
  f.symbols = {"CERD/C/KAZ/*"};
  EXPECT_NE(filter_query(db, f).get_description().find("WILDCARD SYNONYM XYcerd/c/kaz/"),
            std::string::npos);
}

TEST_F(Fields, AQueryOfFieldsAloneMatchesEveryPassageTheyAllow) {
  const auto c = compile("committee:CERD year:2020");
  EXPECT_EQ(c.query.get_description(), Xapian::Query(Xapian::Query::MatchAll).get_description());
  EXPECT_FALSE(c.needs_check);
  EXPECT_EQ(c.fields.committees, (std::vector<std::string>{"CERD"}));
}

TEST_F(Fields, FieldsStandOnlyInTheTopLevelConjunction) {
  EXPECT_NO_THROW(compile("police AND committee:CERD"));
  EXPECT_NO_THROW(compile("(police committee:CERD) AND torture"));
  EXPECT_TRUE(mentions(compile_error_of("police OR committee:CERD"),
                       "committee:CERD at 11: a field restricts the whole query"));
  EXPECT_TRUE(mentions(compile_error_of("police -committee:CERD"), "a field restricts the whole query"));
  EXPECT_TRUE(mentions(compile_error_of("committee:"), "committee: at 1 needs a value"));
}

TEST_F(Fields, UnknownNamesAreWords) {
  // Only the fields listed are fields: anything else with a colon is text.
  EXPECT_EQ(compile("article:5").query_check.describe(), "SEQ(article 5)");
}

TEST_F(Fields, FieldCountLimitAtNAndNPlusOne) {
  std::string q = "police";
  for (std::size_t i = 0; i < QueryLimits::kMaxFields; ++i) q += " lang:en";
  EXPECT_NO_THROW(compile(q));
  EXPECT_TRUE(mentions(compile_error_of(q + " lang:fr"), "more than 16 fields"));
}

TEST_F(Fields, ValueLengthLimitAtNAndNPlusOne) {
  const std::string n(QueryLimits::kMaxFieldValueBytes, 'a');
  EXPECT_NO_THROW(compile("police para:" + n));
  EXPECT_TRUE(mentions(compile_error_of("police para:" + n + "a"), "the value is longer than 200 bytes"));
}

TEST(EffectiveFilters, QueryFieldsAddToTheOptionsAndNarrowTheSameField) {
  Filters given;
  given.committees = {"CERD", "CCPR"};
  given.year_from = 2010;
  CompiledQuery compiled;
  compiled.fields.committees = {"cerd"};
  compiled.fields.states = {"KAZ"};
  compiled.fields.year_from = 2015;
  compiled.fields.year_to = 2020;
  const Filters f = effective_filters(given, compiled);
  EXPECT_EQ(f.committees, (std::vector<std::string>{"cerd"}));  // both must hold: CERD
  EXPECT_EQ(f.states, (std::vector<std::string>{"KAZ"}));
  EXPECT_EQ(f.year_from, 2015);
  EXPECT_EQ(f.year_to, 2020);
  // Without query fields, the options' filters are used as they are.
  const Filters same = effective_filters(given, CompiledQuery{});
  EXPECT_EQ(same.committees, given.committees);
  EXPECT_EQ(same.year_from, 2010);
}

TEST(EffectiveFilters, StatesMatchByNameOrCode) {
  Filters given;
  given.states = {"Kazakhstan"};
  CompiledQuery compiled;
  compiled.fields.states = {"KAZ"};
  EXPECT_EQ(effective_filters(given, compiled).states, (std::vector<std::string>{"KAZ"}));
}

TEST(EffectiveFilters, NothingInCommonIsAnErrorNamingBoth) {
  Filters given;
  given.committees = {"CERD"};
  CompiledQuery compiled;
  compiled.fields.committees = {"CCPR"};
  try {
    effective_filters(given, compiled);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "committee:\"CCPR\" in the query and the committee filter \"CERD\" have no value in "
              "common");
  }
  Filters years;
  years.year_to = 2010;
  CompiledQuery later;
  later.fields.year_from = 2015;
  EXPECT_THROW(effective_filters(years, later), Error);
}

TEST(EffectiveFilters, SymbolPrefixesNarrowToTheDocumentsBothAllow) {
  Filters given;
  given.symbols = {"CERD/C/KAZ/*"};
  CompiledQuery compiled;
  compiled.fields.symbols = {"CERD/C/KAZ/CO/8-10", "CERD/C/KAZ/CO/8-10/Add.*"};
  EXPECT_EQ(effective_filters(given, compiled).symbols, compiled.fields.symbols);
  Filters exact;
  exact.symbols = {"CERD/C/KAZ/CO/8-10/Add.1"};
  EXPECT_EQ(effective_filters(exact, compiled).symbols,
            (std::vector<std::string>{"CERD/C/KAZ/CO/8-10/Add.1"}));
}

TEST(FilterQuery, ParagraphsAreLabelTermsIgnoringSpacesAndCase) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Filters f;
  f.paragraphs = {"18 (B)", "6.4"};
  EXPECT_EQ(filter_query(db, f).get_description(), "Query((XP18(b) OR XP6.4))");
}

}  // namespace
}  // namespace treatysearch::search

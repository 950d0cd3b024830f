// treaty-serve's query strings: decoding and the checks that name a bad request.
#include "query_string.h"

#include <gtest/gtest.h>

#include <string>

namespace treatysearch::serve {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlus) {
  EXPECT_EQ(percent_decode("hate+speech", true), "hate speech");
  EXPECT_EQ(percent_decode("hate+speech", false), "hate+speech");
  EXPECT_EQ(percent_decode("CERD%2FC%2fKAZ", true), "CERD/C/KAZ");
  EXPECT_EQ(percent_decode("%D0%BF%D1%80%D0%B0%D0%B2%D0%BE", true), "право");
  EXPECT_EQ(percent_decode("%25", true), "%");
  EXPECT_EQ(percent_decode("", true), "");
}

TEST(PercentDecode, RefusesMalformedEscapes) {
  EXPECT_EQ(percent_decode("%", true), std::nullopt);
  EXPECT_EQ(percent_decode("%4", true), std::nullopt);
  EXPECT_EQ(percent_decode("a%4", true), std::nullopt);
  EXPECT_EQ(percent_decode("%G1", true), std::nullopt);
  EXPECT_EQ(percent_decode("%1G", true), std::nullopt);
}

TEST(Parameters, RepeatedLastAndEmptyValues) {
  const Parameters p("q=a+b&committee=CERD&committee=CRPD&state=&n=5&&facets",
                     {"q", "committee", "state", "n", "facets"});
  EXPECT_EQ(p.last("q"), "a b");
  EXPECT_EQ(p.all("committee"), (std::vector<std::string>{"CERD", "CRPD"}));
  EXPECT_EQ(p.last("committee"), "CRPD");
  EXPECT_TRUE(p.all("state").empty());  // empty values are left out
  EXPECT_EQ(p.last("state"), std::nullopt);
  EXPECT_EQ(p.number("n", 10, 1, 100), 5u);
  EXPECT_TRUE(p.flag("facets"));  // present without a value
}

TEST(Parameters, UnknownNamesAreListed) {
  try {
    const Parameters p("q=x&bogus=1", {"q", "n"});
    FAIL() << "accepted";
  } catch (const BadRequest& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "unknown parameter 'bogus' (expected q, n)");
  }
}

TEST(Parameters, NumbersAtTheirLimits) {
  const Parameters at("n=100", {"n"});
  EXPECT_EQ(at.number("n", 10, 1, 100), 100u);
  const Parameters over("n=101", {"n"});
  EXPECT_THROW(over.number("n", 10, 1, 100), BadRequest);
  for (const char* bad : {"n=0", "n=-1", "n=1e3", "n=+5", "n=%205", "n=99999999999999999999"}) {
    const Parameters p(bad, {"n"});
    EXPECT_THROW(p.number("n", 10, 1, 100), BadRequest) << bad;
  }
  const Parameters absent("", {"n"});
  EXPECT_EQ(absent.number("n", 10, 1, 100), 10u);
}

TEST(Parameters, Flags) {
  EXPECT_TRUE(Parameters("f=1", {"f"}).flag("f"));
  EXPECT_TRUE(Parameters("f=true", {"f"}).flag("f"));
  EXPECT_FALSE(Parameters("f=0", {"f"}).flag("f"));
  EXPECT_FALSE(Parameters("f=false", {"f"}).flag("f"));
  EXPECT_FALSE(Parameters("", {"f"}).flag("f"));
  EXPECT_THROW(Parameters("f=yes", {"f"}).flag("f"), BadRequest);
}

TEST(Parameters, AtMostKMaxParameters) {
  std::string query;
  for (std::size_t i = 0; i < kMaxParameters; ++i) query += (i ? "&" : "") + std::string("n=1");
  EXPECT_NO_THROW(Parameters(query, {"n"}));
  EXPECT_THROW(Parameters(query + "&n=1", {"n"}), BadRequest);
}

}  // namespace
}  // namespace treatysearch::serve

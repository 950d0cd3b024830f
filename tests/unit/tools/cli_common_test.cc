// The pieces both tools share: reading numeric options, showing untrusted text on a terminal.
#include "cli_common.h"

#include <gtest/gtest.h>

#include <limits>

namespace treatysearch::cli {
namespace {

constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();

std::string number_error(std::string_view text, std::uint64_t min, std::uint64_t max) {
  try {
    read_number("--offset", text, min, max);
  } catch (const boost::program_options::error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReadNumber, AcceptsWholeNumbersInRangeAtTheLimits) {
  EXPECT_EQ(read_number("--offset", "0", 0, 100), 0u);
  EXPECT_EQ(read_number("--offset", "100", 0, 100), 100u);
  EXPECT_EQ(read_number("--offset", "007", 0, 100), 7u);
  EXPECT_EQ(read_number("--offset", "18446744073709551615", 0, kMax64), kMax64);
}

TEST(ReadNumber, RefusesNegativeMalformedAndOutOfRangeNamingTheOption) {
  const std::string expected = "expected a whole number from 1 to 100";
  for (const char* bad : {"-1", "101", "0", "", "+5", " 5", "5 ", "5x", "1e3", "0x10", "1.0",
                          "99999999999999999999999"}) {
    const std::string message = number_error(bad, 1, 100);
    EXPECT_EQ(message, "--offset '" + std::string(bad) + "': " + expected) << bad;
  }
  EXPECT_EQ(number_error("18446744073709551616", 0, kMax64),
            "--offset '18446744073709551616': expected a whole number from 0 to "
            "18446744073709551615");
}

TEST(Printable, ShowsControlCharactersAsEscapes) {
  EXPECT_EQ(printable("x\033]0;pwned\007.txt"), "x\\x1B]0;pwned\\x07.txt");
  EXPECT_EQ(printable(std::string("a\0b\tc\nd\x7F", 8)), "a\\x00b\\x09c\\x0Ad\\x7F");
  EXPECT_EQ(printable("\xC2\x9B"
                      "31m"),
            "\\u009B31m");                                                     // C1 CSI
  EXPECT_EQ(printable("\xC2\x80\xC2\x9F\xC2\xA0"), "\\u0080\\u009F\xC2\xA0");  // NBSP stays
}

TEST(EscapeControls, JsonStyleWritesJsonEscapes) {
  EXPECT_EQ(escape_controls("\"a\x7F\xC2\x9B"
                            "b\"",
                            EscapeStyle::kJson),
            "\"a\\u007f\\u009bb\"");
  EXPECT_EQ(escape_controls("{\n  \"a\": 1\n}", EscapeStyle::kJson), "{\n  \"a\": 1\n}");
  EXPECT_EQ(escape_controls("Côte 平等", EscapeStyle::kJson), "Côte 平等");
}

TEST(Printable, KeepsOrdinaryUtf8AndInvalidBytesAsTheyAre) {
  EXPECT_EQ(printable("Côte d’Ivoire — Türkiye 平等 😀"), "Côte d’Ivoire — Türkiye 平等 😀");
  EXPECT_EQ(printable("caf\xE9 \xC2"), "caf\xE9 \xC2");
}

}  // namespace
}  // namespace treatysearch::cli

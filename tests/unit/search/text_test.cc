// The text module: UTF-8 through ICU's macros, letter case from ICU's properties, and the small
// helpers that have one home there.
#include "text.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {
namespace {

// --- UTF-8 decoding --------------------------------------------------------------------------

TEST(Utf8, DecodesEveryLengthAndAdvances) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::size_t i = 0;
  EXPECT_EQ(decode_utf8(text, &i), U'a');
  EXPECT_EQ(decode_utf8(text, &i), U'é');
  EXPECT_EQ(decode_utf8(text, &i), U'€');
  EXPECT_EQ(decode_utf8(text, &i), char32_t{0x1F600});
  EXPECT_EQ(i, text.size());
}

TEST(Utf8, DecodeAtGivesValueAndLength) {
  EXPECT_EQ(decode_at("\xD0\x96", 0).value, U'\u0416');
  EXPECT_EQ(decode_at("\xD0\x96", 0).length, 2U);
  EXPECT_EQ(decode_at("x\xF0\x9F\x98\x80", 1).value, U'\U0001F600');
  EXPECT_EQ(decode_at("x\xF0\x9F\x98\x80", 1).length, 4U);
  // A genuine U+FFFD is a code point like any other, not an error.
  EXPECT_EQ(decode_at("\xEF\xBF\xBD", 0).value, kReplacementChar);
  EXPECT_EQ(decode_at("\xEF\xBF\xBD", 0).length, 3U);
}

struct Malformed {
  const char* name;
  std::string bytes;
  std::size_t length;  // bytes the first error consumes
};

class Utf8Malformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(Utf8Malformed, IsOneErrorOfItsMaximalSubpart) {
  const Malformed& bad = GetParam();
  const DecodedCodePoint decoded = decode_at(bad.bytes, 0);
  EXPECT_EQ(decoded.value, kInvalidCodePoint) << bad.name;
  EXPECT_EQ(decoded.length, bad.length) << bad.name;
  std::size_t offset = 0;
  EXPECT_EQ(decode_utf8(bad.bytes, &offset), kReplacementChar) << bad.name;
  EXPECT_EQ(offset, bad.length) << bad.name;
}

INSTANTIATE_TEST_SUITE_P(Table, Utf8Malformed,
                         ::testing::Values(Malformed{"overlong NUL", std::string("\xC0\x80", 2), 1},
                                           Malformed{"overlong slash, 3 bytes", "\xE0\x80\xAF", 1},
                                           Malformed{"overlong, 4 bytes", "\xF0\x80\x80\xAF", 1},
                                           Malformed{"surrogate D800", "\xED\xA0\x80", 1},
                                           Malformed{"surrogate DFFF", "\xED\xBF\xBF", 1},
                                           Malformed{"above U+10FFFF", "\xF4\x90\x80\x80", 1},
                                           Malformed{"F5 lead", "\xF5\x80\x80\x80", 1},
                                           Malformed{"lone continuation", "\x80z", 1},
                                           Malformed{"truncated 3-byte at end", "\xE2\x82", 2},
                                           Malformed{"truncated 3-byte before ASCII",
                                                     "\xE2\x82"
                                                     "A",
                                                     2},
                                           Malformed{"truncated 4-byte", "\xF0\x9F\x98", 3},
                                           Malformed{"cp1252 e-acute", "\xE9 ok", 1}));

struct BadSequence {
  const char* name;
  std::string bytes;
  std::size_t error_at;
};

class Utf8Invalid : public ::testing::TestWithParam<BadSequence> {};

TEST_P(Utf8Invalid, IsRejectedAtTheRightByte) {
  const auto& bad = GetParam();
  std::size_t at = 999;
  EXPECT_FALSE(is_valid_utf8(bad.bytes, &at)) << bad.name;
  EXPECT_EQ(at, bad.error_at) << bad.name;
  // Decoding never loops forever and never reads past the end.
  std::size_t i = 0, steps = 0;
  while (i < bad.bytes.size()) decode_utf8(bad.bytes, &i), ++steps;
  EXPECT_LE(steps, bad.bytes.size());
  EXPECT_EQ(i, bad.bytes.size());
}

INSTANTIATE_TEST_SUITE_P(Table, Utf8Invalid,
                         ::testing::Values(BadSequence{"overlong NUL", std::string("ab\xC0\x80", 4),
                                                       2},
                                           BadSequence{"surrogate", "x\xED\xA0\x80", 1},
                                           BadSequence{"above U+10FFFF", "\xF4\x90\x80\x80", 0},
                                           BadSequence{"truncated tail", "abc\xE2\x82", 3},
                                           BadSequence{"lone continuation", "\x80z", 0},
                                           BadSequence{"cp1252 in utf8", "caf\xE9 ok", 3}));

TEST(Utf8, AcceptsValidTextIncludingReplacementCharacter) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Қазақстан 哈萨克斯坦 كازاخستان \xEF\xBF\xBD \xF4\x8F\xBF\xBF"));
}

TEST(Utf8, CountsCodePointsAndEachErrorOnce) {
  EXPECT_EQ(count_code_points("aé€😀"), 4U);
  EXPECT_EQ(count_code_points("a\xE2\x82"
                              "b"),
            3U);  // a, one error, b
  EXPECT_EQ(count_code_points("\x80\x80"), 2U);
}

// --- UTF-8 encoding --------------------------------------------------------------------------

TEST(Utf8, AppendEncodesEveryLength) {
  std::string out;
  for (const char32_t cp : {U'a', U'é', U'€', U'\U0001F600', U'\U0010FFFF'}) append_utf8(cp, &out);
  EXPECT_EQ(out, "aé€😀\xF4\x8F\xBF\xBF");
  EXPECT_EQ(utf8_length(U'a'), 1U);
  EXPECT_EQ(utf8_length(U'é'), 2U);
  EXPECT_EQ(utf8_length(U'€'), 3U);
  EXPECT_EQ(utf8_length(U'\U0001F600'), 4U);
}

TEST(Utf8, AppendReplacesSurrogatesAndValuesAboveTheRange) {
  std::string out;
  append_utf8(U'ё', &out);
  append_utf8(0xD800, &out);
  append_utf8(0xDFFF, &out);
  append_utf8(0x110000, &out);
  append_utf8(kInvalidCodePoint, &out);
  EXPECT_EQ(out, "ё\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(Utf8, RoundTripsEveryScalarValue) {
  std::string text;
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x800 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    text.clear();
    append_utf8(cp, &text);
    ASSERT_EQ(text.size(), utf8_length(cp)) << std::hex << static_cast<unsigned>(cp);
    const DecodedCodePoint decoded = decode_at(text, 0);
    ASSERT_EQ(decoded.value, cp);
    ASSERT_EQ(decoded.length, text.size());
  }
}

TEST(Utf8, PrefixLengthNeverCutsASequence) {
  const std::string text = "aé€";  // 1 + 2 + 3 bytes
  EXPECT_EQ(utf8_prefix_length(text, 2), 1u);
  EXPECT_EQ(utf8_prefix_length(text, 3), 3u);
  EXPECT_EQ(utf8_prefix_length(text, 4), 3u);
  EXPECT_EQ(utf8_prefix_length(text, 100), text.size());
  EXPECT_EQ(count_code_points(text), 3u);
}

TEST(Utf8, FirstAndLastCodePoint) {
  EXPECT_EQ(last_code_point("abc\u2019"), U'\u2019');
  EXPECT_EQ(first_code_point("\u00ABx"), U'\u00AB');
  EXPECT_EQ(first_code_point(""), kInvalidCodePoint);
  EXPECT_EQ(last_code_point(""), kInvalidCodePoint);
  EXPECT_EQ(last_code_point("ab\xE2\x80"), kInvalidCodePoint);  // truncated at the end
  EXPECT_EQ(first_code_point("\x80"
                             "a"),
            kInvalidCodePoint);
}

// --- letter case -----------------------------------------------------------------------------

TEST(LetterCase, AgreesWithIcuOnEveryCodePointBelowArmenian) {
  // The range the hand-written tables covered, and disagreed with ICU on in 444 places.
  for (char32_t cp = 0; cp < 0x530; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    ASSERT_EQ(is_upper_letter(cp), static_cast<bool>(u_isupper(c))) << std::hex << c;
    ASSERT_EQ(is_lower_letter(cp), static_cast<bool>(u_islower(c))) << std::hex << c;
  }
}

TEST(LetterCase, ScriptsWithAndWithoutCase) {
  EXPECT_TRUE(is_upper_letter(U'K'));
  EXPECT_TRUE(is_upper_letter(U'Ж'));
  EXPECT_TRUE(is_lower_letter(U'ж'));
  EXPECT_TRUE(is_upper_letter(U'Ά'));
  EXPECT_TRUE(is_lower_letter(U'ώ'));
  EXPECT_TRUE(is_upper_letter(U'Ә'));  // Kazakh
  EXPECT_TRUE(is_lower_letter(U'ә'));
  EXPECT_TRUE(is_upper_letter(U'Ա'));   // Armenian, past the old tables
  EXPECT_FALSE(is_upper_letter(U'ا'));  // Arabic alef: a letter without case
  EXPECT_FALSE(is_lower_letter(U'ا'));
  EXPECT_TRUE(is_letter(U'ا'));
  EXPECT_TRUE(is_letter(U'中'));
  EXPECT_FALSE(is_upper_letter(U'ǅ'));  // titlecase
  EXPECT_FALSE(is_lower_letter(U'1'));
  EXPECT_FALSE(is_letter(U'1'));
  EXPECT_FALSE(is_upper_letter(kInvalidCodePoint));
  EXPECT_FALSE(is_lower_letter(kInvalidCodePoint));
  EXPECT_FALSE(is_letter(kInvalidCodePoint));
}

TEST(LetterCase, OtherClasses) {
  EXPECT_TRUE(is_mark(0x0301));  // combining acute
  EXPECT_TRUE(is_mark(0x064E));  // Arabic fatha
  EXPECT_FALSE(is_mark(U'a'));
  EXPECT_TRUE(is_word_character(U'٣'));  // Arabic-Indic digit
  EXPECT_TRUE(is_word_character(U'é'));
  EXPECT_FALSE(is_word_character(U'-'));
  EXPECT_FALSE(is_word_character(U'\u2019'));
  EXPECT_TRUE(is_ideograph(U'中'));
  EXPECT_FALSE(is_ideograph(U'か'));
  EXPECT_FALSE(is_ideograph(U'a'));
}

TEST(LetterCase, LowerCasesEveryScript) {
  EXPECT_EQ(to_lower(U'Ά'), U'ά');
  EXPECT_EQ(to_lower(U'Ӂ'), U'ӂ');
  EXPECT_EQ(to_lower(U'ا'), U'ا');
  EXPECT_EQ(to_lower(kInvalidCodePoint), kInvalidCodePoint);
  EXPECT_EQ(to_lower(std::string_view("ЗАКОН Éé ΆΣ ABC 中")), "закон éé άσ abc 中");
  EXPECT_EQ(to_lower(std::string_view("a\x80z")), "a\uFFFDz");
}

// --- ASCII -----------------------------------------------------------------------------------

TEST(Ascii, LowerCaseAndComparisonsTouchAsciiOnly) {
  EXPECT_EQ(ascii_lowercase("CERD/C/KAZ É"), "cerd/c/kaz É");
  EXPECT_EQ(ascii_lower('Q'), 'q');
  EXPECT_EQ(ascii_lower('['), '[');
  EXPECT_EQ(ascii_upper('q'), 'Q');
  EXPECT_TRUE(starts_with_ascii_ci("Yours sincerely", "YOURS"));
  EXPECT_FALSE(starts_with_ascii_ci("You", "yours"));
  EXPECT_TRUE(equals_ascii_ci("Recommendations", "RECOMMENDATIONS"));
  EXPECT_FALSE(equals_ascii_ci("Recommendation", "RECOMMENDATIONS"));
  EXPECT_FALSE(equals_ascii_ci("É", "é"));
}

// --- lines and words -------------------------------------------------------------------------

TEST(Lines, TrimRemovesAsciiWhiteSpaceOnly) {
  EXPECT_EQ(trim(" \t\r\n\fa b\f\n\r\t "), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\u00A0a\u00A0"), "\u00A0a\u00A0");  // no-break spaces are text here
}

TEST(Lines, CollapseWhitespace) {
  EXPECT_EQ(collapse_whitespace("  a\t\tb \r\n c  "), "a b c");
  EXPECT_EQ(collapse_whitespace(""), "");
}

TEST(Lines, SplitLinesAcceptsLfCrLfAndLoneCr) {
  const std::vector<std::string_view> expected = {"a", "b", "c", "", "d"};
  EXPECT_EQ(split_lines("a\nb\r\nc\r\rd\n"), expected);
  EXPECT_TRUE(split_lines("").empty());
  EXPECT_EQ(split_lines("\n"), std::vector<std::string_view>{""});
  EXPECT_EQ(split_lines("no end"), std::vector<std::string_view>{"no end"});
  EXPECT_EQ(split_lines("a\n\nb"), (std::vector<std::string_view>{"a", "", "b"}));
}

TEST(Lines, CountWords) {
  EXPECT_EQ(count_words(""), 0U);
  EXPECT_EQ(count_words("   "), 0U);
  EXPECT_EQ(count_words("one"), 1U);
  EXPECT_EQ(count_words(" two\twords\n"), 2U);
  EXPECT_EQ(count_words("Права человека, 人权"), 3U);
}

// --- dates and hashing -----------------------------------------------------------------------

TEST(Months, EnglishFrenchAndSpanishInAnyAsciiCase) {
  EXPECT_EQ(month_number("January"), 1);
  EXPECT_EQ(month_number("march"), 3);
  EXPECT_EQ(month_number("MARZO"), 3);
  EXPECT_EQ(month_number("février"), 2);
  EXPECT_EQ(month_number("Fevrier"), 2);
  EXPECT_EQ(month_number("août"), 8);
  EXPECT_EQ(month_number("setiembre"), 9);
  EXPECT_EQ(month_number("diciembre"), 12);
  EXPECT_EQ(month_number("Mayday"), 0);
  EXPECT_EQ(month_number(""), 0);
}

TEST(Hash, Fnv1aMatchesThePublishedVectors) {
  // The FNV reference test vectors (64-bit FNV-1a).
  EXPECT_EQ(fnv1a(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a("foobar"), 0x85944171f73967e8ULL);
  static_assert(fnv1a("a") == 0xaf63dc4c8601ec8cULL);
  std::uint64_t stepped = kFnv1aOffset;
  for (const char c : std::string_view("foobar")) {
    stepped = fnv1a_step(stepped, static_cast<unsigned char>(c));
  }
  EXPECT_EQ(stepped, fnv1a("foobar"));
}

}  // namespace
}  // namespace treatysearch::core

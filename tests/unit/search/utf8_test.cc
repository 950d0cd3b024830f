#include "utf8.h"

#include <gtest/gtest.h>

namespace treatysearch::core {
namespace {

TEST(Utf8, DecodesEveryLengthAndAdvances) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::size_t i = 0;
  EXPECT_EQ(decode_utf8(text, &i), U'a');
  EXPECT_EQ(decode_utf8(text, &i), U'é');
  EXPECT_EQ(decode_utf8(text, &i), U'€');
  EXPECT_EQ(decode_utf8(text, &i), char32_t{0x1F600});
  EXPECT_EQ(i, text.size());
}

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
  EXPECT_TRUE(is_valid_utf8("Қазақстан 哈萨克斯坦 كازاخستان \xEF\xBF\xBD"));
}

TEST(Utf8, AppendEncodesAndReplacesInvalidCodePoints) {
  std::string out;
  append_utf8(U'ё', &out);
  append_utf8(0xD800, &out);
  EXPECT_EQ(out, "ё\xEF\xBF\xBD");
}

TEST(Utf8, PrefixLengthNeverCutsASequence) {
  const std::string text = "aé€";  // 1 + 2 + 3 bytes
  EXPECT_EQ(utf8_prefix_length(text, 2), 1u);
  EXPECT_EQ(utf8_prefix_length(text, 3), 3u);
  EXPECT_EQ(utf8_prefix_length(text, 4), 3u);
  EXPECT_EQ(utf8_prefix_length(text, 100), text.size());
  EXPECT_EQ(count_code_points(text), 3u);
}

}  // namespace
}  // namespace treatysearch::core

// The ICU-free word scanner (simple_words.h) against ICU's root word break iterator: the same
// word segments and statuses wherever the scanner answers.
#include "simple_words.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace treatysearch::core {
namespace {

// ICU's word segments of `text` (status 100 and over), as the analyzer reads them.
std::vector<WordSegment> icu_segments(std::string_view text) {
  static std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    EXPECT_TRUE(U_SUCCESS(status));
    return made;
  }();
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  breaker->setText(&utext, status);
  std::vector<WordSegment> out;
  for (int32_t begin = breaker->first(), end = breaker->next(); end != icu::BreakIterator::DONE;
       begin = end, end = breaker->next())
    if (breaker->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
      out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                     breaker->getRuleStatus()});
  utext_close(&utext);
  return out;
}

std::vector<WordSegment> simple(std::string_view text) {
  std::vector<WordSegment> out;
  EXPECT_TRUE(simple_word_segments(text, &out)) << text;
  return out;
}

TEST(SimpleWords, JoinAndStatusAsICUHas) {
  using S = std::vector<WordSegment>;
  EXPECT_EQ(simple("State party’s 1,000.5 e.g. can't"),
            (S{{0, 5, 200}, {6, 15, 200}, {16, 23, 100}, {24, 27, 200}, {29, 34, 200}}));
  EXPECT_EQ(simple("a1 1a a_1 1_a _ __ a:b"), (S{{0, 2, 100},
                                                 {3, 5, 200},
                                                 {6, 9, 100},
                                                 {10, 13, 200},
                                                 {16, 18, 200},
                                                 {19, 20, 200},
                                                 {21, 22, 200}}));
  EXPECT_EQ(simple("a..b 1;2 a;b"),
            (S{{0, 1, 200}, {3, 4, 200}, {5, 8, 100}, {9, 10, 200}, {11, 12, 200}}));
  EXPECT_EQ(simple(""), S{});
  for (const std::string_view text : {std::string_view("State party’s 1,000.5 e.g. can't"),
                                      std::string_view("a1 1a a_1 1_a _ __ a:b")})
    EXPECT_EQ(simple(text), icu_segments(text)) << text;
}

TEST(SimpleWords, DeclinesWhatItDoesNotKnow) {
  std::vector<WordSegment> out;
  for (const char* text : {"Etat partie: État", "Комитет", "日本", "a\xcc\x81", "\xff", "a\xe2\x80",
                           "x\xe2\x80\x8d", "\xc2\xa9 2024", "emoji \xf0\x9f\x98\x80"})
    EXPECT_FALSE(simple_word_segments(text, &out)) << text;
}

// Random strings of `alphabet`'s pieces: wherever the scanner answers, ICU agrees. Returns how
// many it answered and how many it declined.
std::pair<int, int> compare_random(const std::vector<std::string>& alphabet, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> piece(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  int answered = 0, declined = 0;
  std::vector<WordSegment> out;
  for (int trial = 0; trial < 200000; ++trial) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += alphabet[piece(random)];
    if (!simple_word_segments(text, &out)) {
      ++declined;
      continue;
    }
    ++answered;
    EXPECT_EQ(out, icu_segments(text)) << '"' << text << '"';
    if (::testing::Test::HasFailure()) break;
  }
  return {answered, declined};
}

TEST(SimpleWords, RandomTextSegmentsAsICUDoes) {
  // Every ASCII character, the marks the scanner knows, and characters it must decline.
  std::vector<std::string> everything{"’",
                                      "‘",
                                      "“",
                                      "”",
                                      "«",
                                      "»",
                                      "–",
                                      "—",
                                      "•",
                                      "…",
                                      "\xc2\xa0",
                                      "\xef\xbf\xbd",
                                      "é",
                                      "ж",
                                      "\xcc\x81",
                                      "\xe2\x80\x8d",
                                      "\xe2\x80\xa8",
                                      "\xc2\x85",
                                      "\xe2\x80\xa4"};
  for (char c = 1; c > 0; ++c) everything.emplace_back(1, c);
  const auto [answered, declined] = compare_random(everything, 20261204);
  EXPECT_GT(answered, 20000);
  EXPECT_GT(declined, 20000);
  // Few characters, most of them joining words: the chains of the rules.
  const auto [joined, none_declined] = compare_random(
      {"a", "Z", "1", "9", "_", ".", ",", ";", "'", "’", "‘", "@", ":", " ", "-"}, 20261205);
  EXPECT_EQ(joined, 200000);
  EXPECT_EQ(none_declined, 0);
}

TEST(SimpleWords, CorpusLinesSegmentAsICUDoes) {
  int answered = 0;
  std::vector<WordSegment> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(TREATYSEARCH_CORPUS_DIR)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".txt" && extension != ".html")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (!simple_word_segments(line, &out)) continue;
      ++answered;
      ASSERT_EQ(out, icu_segments(line)) << entry.path() << ": " << line;
    }
  }
  EXPECT_GT(answered, 1000);
}

}  // namespace
}  // namespace treatysearch::core

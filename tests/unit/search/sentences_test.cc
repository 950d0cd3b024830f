// Sentence boundaries for /s (sentences.h): ICU's rules, with the abbreviations of legal texts
// not ending a sentence.
#include "sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace treatysearch::core {
namespace {

// The sentences of `text` as strings, cut where starts() says.
std::vector<std::string> sentences(const std::string& text, const std::string& language) {
  SentenceBreaker breaker;
  std::vector<std::uint32_t> starts;
  breaker.starts(text, language, &starts);
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (const std::uint32_t at : starts) {
    out.push_back(text.substr(begin, at - begin));
    begin = at;
  }
  out.push_back(text.substr(begin));
  return out;
}

TEST(SentenceBreaker, FullStopsEndSentences) {
  EXPECT_EQ(sentences("The police used force. The Committee is concerned.", "en"),
            (std::vector<std::string>{"The police used force. ", "The Committee is concerned."}));
  EXPECT_EQ(sentences("Is it torture? Yes! It is.", "en").size(), 3u);
}

TEST(SentenceBreaker, LegalAbbreviationsDoNotEndSentences) {
  for (const char* text : {
           "See para. 18 Of the report the Committee takes note.",
           "See paras. 18 And 19 of the report.",
           "Communication No. 5 The author claims a violation.",
           "Under art. 4 The State party must act.",
           "Mr. Kemal Said the Committee.",
           "Cf. General Recommendation No. 35 On hate speech.",
           "See e.g. Article 5 And its travaux.",
           "The reports (vol. 2 Annex) are late.",
           "At pp. 3-4 The Committee notes it.",
       })
    EXPECT_EQ(sentences(text, "en").size(), 1u) << text;
}

TEST(SentenceBreaker, AbbreviationsPerLanguage) {
  EXPECT_EQ(sentences("Selon l'al. 2 La loi interdit la torture.", "fr").size(), 1u);
  EXPECT_EQ(sentences("Согласно ст. 5 Конвенции государство обязано.", "ru").size(), 1u);
  EXPECT_EQ(sentences("Según el núm. 3 La ley prohíbe la tortura.", "es").size(), 1u);
  // Russian "ст." is no abbreviation in English text: the common list applies there.
  EXPECT_EQ(sentences("Согласно ст. 5 Конвенции государство обязано.", "en").size(), 2u);
  // A real sentence end in French still ends the sentence.
  EXPECT_EQ(sentences("La loi est adoptée. Le Comité la salue.", "fr").size(), 2u);
}

TEST(SentenceBreaker, LowerCaseNoStillEndsASentence) {
  // Suppressions are case-sensitive: "No." before a number is an abbreviation, "no." is a word.
  EXPECT_EQ(sentences("The answer was no. The Committee regrets it.", "en").size(), 2u);
}

TEST(SentenceBreaker, EmptyAndUnknownLanguages) {
  EXPECT_EQ(sentences("", "en"), (std::vector<std::string>{""}));
  EXPECT_EQ(sentences("One. Two.", "xx").size(), 2u);
  EXPECT_EQ(sentences("One. Two.", "").size(), 2u);
}

}  // namespace
}  // namespace treatysearch::core

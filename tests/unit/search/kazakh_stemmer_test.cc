#include "kazakh_stemmer.h"

#include <gtest/gtest.h>

namespace treatysearch::core {
namespace {

TEST(KazakhStemmer, InflectionsOfANounMeetOneStem) {
  for (const char* word : {"құқық", "құқығы", "құқығын", "құқықтары", "құқықтарының"})
    EXPECT_EQ(kazakh_stem(word), "құқық") << word;
  for (const char* word : {"адамдар", "адамдарға", "адамның"}) EXPECT_EQ(kazakh_stem(word), "адам");
  EXPECT_EQ(kazakh_stem("бостандықтарына"), "бостандық");
  EXPECT_EQ(kazakh_stem("республикасының"), "республика");
}

TEST(KazakhStemmer, LeavesRootsAndCountryNamesAlone) {
  EXPECT_EQ(kazakh_stem("білім"), "білім");  // not the possessive -ім
  EXPECT_EQ(kazakh_stem("білімге"), "білім");
  EXPECT_EQ(kazakh_stem("қазақстан"), "қазақстан");  // not the ablative -тан
  EXPECT_EQ(kazakh_stem("қазақстаннан"), "қазақстан");
  EXPECT_EQ(kazakh_stem("тіл"), "тіл");
  EXPECT_EQ(kazakh_stem("ел"), "ел");  // too short to strip anything
  EXPECT_EQ(kazakh_stem(""), "");
}

}  // namespace
}  // namespace treatysearch::core

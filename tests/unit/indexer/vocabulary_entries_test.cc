// The vocabulary entries a DocumentBuilder lists (document_builder.h): each word's once per
// build, and with a shard, once per shard across builds.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "document_builder.h"

namespace treatysearch {
namespace {

using Entries = std::set<std::pair<std::string, std::string>>;

// The entries one build of `text` (one passage, English) lists, and how many times it lists the
// most repeated one.
Entries build(ingest::DocumentBuilder& builder, const std::string& text, std::size_t shard,
              std::size_t* most_repeated = nullptr) {
  ingest::Passage first, second;
  first.label = "1";
  first.text = text;
  second.label = "2";
  second.text = text;  // a second passage with the same words: listed once all the same
  DocumentInfo info;
  info.language = "en";
  std::vector<ingest::PassageDocument> docs;
  ingest::DocumentBuilder::Variants variants;
  EXPECT_EQ(builder.build("k", info, {first, second}, &docs, &variants, shard), "");
  EXPECT_EQ(docs.size(), 2u);
  if (most_repeated) {
    *most_repeated = 0;
    for (const auto& entry : variants)
      *most_repeated = std::max<std::size_t>(
          *most_repeated,
          static_cast<std::size_t>(std::count(variants.begin(), variants.end(), entry)));
  }
  return Entries(variants.begin(), variants.end());
}

TEST(VocabularyEntries, EachWordsEntriesOncePerBuildAndWithAShardOncePerShard) {
  const std::string text = "The Committee recommends that States parties ensure remedies.";
  ingest::DocumentBuilder builder;
  std::size_t repeated = 0;
  const Entries all = build(builder, text, ingest::DocumentBuilder::kAnyShard, &repeated);
  EXPECT_EQ(repeated, 1u);
  EXPECT_TRUE(all.count({"the", "EThe"}));               // written other than folded
  EXPECT_TRUE(all.count({"Zrecommend", "recommends"}));  // a stem apart from the form
  EXPECT_TRUE(all.count({"Zremedi", "remedies"}));
  // Without a shard, every build lists them all.
  EXPECT_EQ(build(builder, text, ingest::DocumentBuilder::kAnyShard), all);
  // With one, the first build for a shard lists them, later ones only new words' ...
  EXPECT_EQ(build(builder, text, 0), all);
  EXPECT_TRUE(build(builder, text, 0).empty());
  const Entries more = build(builder, text + " Remedial measures.", 0);
  EXPECT_TRUE(more.count({"Zremedi", "remedial"}));
  EXPECT_FALSE(more.count({"Zremedi", "remedies"}));
  // ... and each shard gets its own.
  EXPECT_EQ(build(builder, text, 1), all);
  // A word analysed in another language is another word.
  ingest::Passage french;
  french.label = "1";
  french.text = "recommends";
  french.language = "fr";
  DocumentInfo info;
  info.language = "en";
  std::vector<ingest::PassageDocument> docs;
  ingest::DocumentBuilder::Variants variants;
  ASSERT_EQ(builder.build("k", info, {french}, &docs, &variants, 0), "");
  EXPECT_FALSE(variants.empty());
}

}  // namespace
}  // namespace treatysearch

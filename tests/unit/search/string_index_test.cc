// The flat string table of indexing's hot look-ups (string_index.h).
#include "string_index.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

namespace treatysearch::core {
namespace {

TEST(StringIndex, NumbersDistinctStringsInTheOrderFirstAdded) {
  StringIndex index;
  EXPECT_EQ(index.find("rights"), StringIndex::kNotFound);  // empty: nothing found
  bool added = false;
  EXPECT_EQ(index.insert("rights", &added), 0u);
  EXPECT_TRUE(added);
  EXPECT_EQ(index.insert("", &added), 1u);  // the empty string is a key like any other
  EXPECT_TRUE(added);
  EXPECT_EQ(index.insert("rights", &added), 0u);
  EXPECT_FALSE(added);
  EXPECT_EQ(index.insert(std::string("rights\0x", 8)), 2u);  // bytes, not C strings
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.key(0), "rights");
  EXPECT_EQ(index.key(2), std::string_view("rights\0x", 8));
  EXPECT_EQ(index.find(""), 1u);
  EXPECT_EQ(index.find("right"), StringIndex::kNotFound);
  index.clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.find("rights"), StringIndex::kNotFound);
  EXPECT_EQ(index.insert("state"), 0u);  // ids start again after clear()
}

TEST(StringIndex, AFewKeysAfterManyAreFoundAndClearedAlone) {
  StringIndex index;
  for (int n = 0; n < 5000; ++n) index.insert("term" + std::to_string(n));
  index.clear();  // a large table, cleared whole
  for (int round = 0; round < 3; ++round) {
    for (int n = 0; n < 20; ++n) EXPECT_EQ(index.insert("w" + std::to_string(n)), n);
    EXPECT_EQ(index.find("term7"), StringIndex::kNotFound);
    index.clear();  // few keys in a large table: only their slots are zeroed
    for (int n = 0; n < 20; ++n)
      EXPECT_EQ(index.find("w" + std::to_string(n)), StringIndex::kNotFound);
  }
}

TEST(StringIndex, AgreesWithAMapThroughGrowthAndClears) {
  // Enough keys to grow the table many times over, with keys that share long prefixes.
  StringIndex index;
  std::unordered_map<std::string, std::uint32_t> expected;
  for (int round = 0; round < 2; ++round) {
    for (int n = 0; n < 20000; ++n) {
      const std::string key = "Qfile-key-shared-prefix#" + std::to_string((n * 7919) % 15000);
      const auto [it, is_new] = expected.emplace(key, static_cast<std::uint32_t>(expected.size()));
      bool added = false;
      ASSERT_EQ(index.insert(key, &added), it->second) << key;
      ASSERT_EQ(added, is_new) << key;
    }
    for (const auto& [key, id] : expected) {
      ASSERT_EQ(index.find(key), id);
      ASSERT_EQ(index.key(id), key);
    }
    EXPECT_EQ(index.find("Qfile-key-shared-prefix#15000"), StringIndex::kNotFound);
    index.clear();
    expected.clear();
  }
}

}  // namespace
}  // namespace treatysearch::core

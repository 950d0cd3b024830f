// Passage records compressed with a shard's dictionary (record_compression.h) and read back
// through the shards' metadata (record_reader.h).
#include "record_compression.h"

#include <gtest/gtest.h>

#include <xapian.h>

#include <random>
#include <string>
#include <vector>

#include "passage_record.h"
#include "record_reader.h"
#include "temp_dir.h"

namespace treatysearch::core {
namespace {

// Stored records of passages in the treaty bodies' manner, varied by a seeded generator.
std::vector<std::string> records(unsigned seed, std::size_t count) {
  static const std::vector<std::string> phrases{
      "The Committee recommends that the State party ",
      "take all necessary measures to ",
      "ensure that victims of racial discrimination have access to effective remedies ",
      "the Committee is concerned about reports of ",
      "hate speech and incitement to violence against minorities ",
      "including in the media and on the Internet, ",
      "and to provide information in its next periodic report on ",
      "the number of complaints, investigations, prosecutions and convictions. "};
  std::mt19937 random(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    PassageRecord record;
    record.file_key = "43fb1c0f54c1915d";
    record.ordinal = static_cast<std::uint32_t>(i);
    record.label = std::to_string(i % 40 + 1);
    record.citation = "CERD/C/KAZ/CO/8-10, para. " + record.label;
    for (int k = 0; k < 6; ++k) record.text += phrases[random() % phrases.size()];
    record.text += "(" + std::to_string(random()) + ")";
    record.language = "en";
    out.push_back(encode_passage(record));
  }
  return out;
}

TEST(RecordCompression, RecordsComeBackWholeAndSmaller) {
  const std::vector<std::string> samples = records(1, 2000);
  const auto dictionary = RecordDictionary::train(samples);
  ASSERT_TRUE(dictionary);
  EXPECT_NE(dictionary->id(), 0u);
  std::size_t raw = 0, stored = 0;
  std::string back;
  for (const std::string& record : records(2, 500)) {
    const std::string compressed = dictionary->compress(record);
    std::uint32_t id = 0;
    ASSERT_TRUE(is_compressed_record(compressed, &id));
    EXPECT_EQ(id, dictionary->id());
    ASSERT_TRUE(dictionary->decompress(compressed, &back, kMaxRecordBytes));
    EXPECT_EQ(back, record);
    raw += record.size();
    stored += compressed.size();
  }
  EXPECT_LT(stored * 4, raw);  // phrases the dictionary knows cost a few bytes each
  std::uint32_t id = 0;
  EXPECT_FALSE(is_compressed_record(records(3, 1).front(), &id));  // a raw record
}

TEST(RecordCompression, DamagedOrForeignFramesAreRefused) {
  const auto dictionary = RecordDictionary::train(records(1, 2000));
  const auto other = RecordDictionary::train(records(7, 3000));
  ASSERT_TRUE(dictionary && other);
  ASSERT_NE(dictionary->id(), other->id());
  const std::string record = records(2, 1).front();
  const std::string compressed = dictionary->compress(record);
  std::string back;
  EXPECT_FALSE(other->decompress(compressed, &back, kMaxRecordBytes));
  for (std::size_t cut = 1; cut < compressed.size(); ++cut)
    EXPECT_FALSE(dictionary->decompress(compressed.substr(0, cut), &back, kMaxRecordBytes)) << cut;
  // The size limit, at N and N + 1 bytes.
  EXPECT_FALSE(dictionary->decompress(compressed, &back, record.size() - 1));
  EXPECT_TRUE(dictionary->decompress(compressed, &back, record.size()));
  EXPECT_FALSE(RecordDictionary::from_bytes("not a dictionary"));
  EXPECT_FALSE(RecordDictionary::train({"too", "few"}));
}

TEST(RecordReader, FindsEachDictionaryInTheShardsMetadata) {
  testing::TempDir dir;
  const auto dictionary = RecordDictionary::train(records(1, 2000));
  ASSERT_TRUE(dictionary);
  {
    Xapian::WritableDatabase with(dir / "b", Xapian::DB_CREATE_OR_OPEN);
    with.set_metadata(dictionary_key(dictionary->id()), dictionary->bytes());
    with.commit();
    Xapian::WritableDatabase(dir / "a", Xapian::DB_CREATE_OR_OPEN).commit();
  }
  const std::vector<Xapian::Database> shards{Xapian::Database(dir / "a"),
                                             Xapian::Database(dir / "b")};
  RecordReader reader(shards);
  const std::string raw = records(5, 1).front();
  PassageRecord expected, read;
  ASSERT_TRUE(decode_passage(raw, &expected));
  ASSERT_TRUE(reader.decode(raw, &read));  // raw records are read as they are
  EXPECT_EQ(read.text, expected.text);
  read = {};
  ASSERT_TRUE(reader.decode(dictionary->compress(raw), &read));
  EXPECT_EQ(read.text, expected.text);
  EXPECT_EQ(read.citation, expected.citation);
  // A record whose dictionary no shard has cannot be read.
  const auto missing = RecordDictionary::train(records(9, 2500));
  ASSERT_TRUE(missing);
  EXPECT_FALSE(reader.decode(missing->compress(raw), &read));
}

}  // namespace
}  // namespace treatysearch::core

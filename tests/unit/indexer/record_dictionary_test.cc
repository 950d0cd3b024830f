// A shard's writer trains its record dictionary from its first passages and compresses the rest
// with it (index_writer.h, record_compression.h); every record reads back whole.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "document_builder.h"
#include "index_writer.h"
#include "passage_record.h"
#include "record_reader.h"
#include "schema.h"
#include "temp_dir.h"

namespace treatysearch {
namespace {

using testing::TempDir;

class RecordDictionaryWriting : public ::testing::Test {
 protected:
  void SetUp() override {
    ingest::set_dictionary_sample_bytes_for_testing(4096);
    Xapian::WritableDatabase(shard_, Xapian::DB_CREATE).commit();
  }
  void TearDown() override { ingest::set_dictionary_sample_bytes_for_testing(0); }

  // Writes files of `passages` passages each, named prefix0, prefix1...; returns their texts.
  std::vector<std::string> write(const std::string& prefix, int files, int passages) {
    std::vector<std::string> texts;
    ingest::IndexWriter writer(shard_, dir_ / "index", 1 << 20, ingest::WriteMode::kSafe);
    for (int f = 0; f < files; ++f) {
      const std::string key = prefix + std::to_string(f);
      std::vector<ingest::Passage> parts;
      for (int p = 0; p < passages; ++p) {
        ingest::Passage passage;
        passage.label = std::to_string(p + 1);
        passage.text = "The Committee recommends that the State party " + key +
                       " take measures to combat hate speech, paragraph " + passage.label + ".";
        texts.push_back(passage.text);
        parts.push_back(passage);
      }
      DocumentInfo info;
      info.language = "en";
      std::vector<ingest::PassageDocument> docs;
      ingest::DocumentBuilder::Variants variants;
      EXPECT_EQ(builder_.build(key, info, parts, &docs, &variants), "");
      core::FileRecord record;
      record.path = record.display_path = key;
      record.passages = static_cast<std::uint64_t>(passages);
      writer.replace_file(key, record, info, std::move(docs), 100);
    }
    writer.commit();
    return texts;
  }

  // Each passage's text in document id order, and how many records are stored compressed.
  std::vector<std::string> read_back(std::size_t* compressed) const {
    const std::vector<Xapian::Database> shards{Xapian::Database(shard_)};
    core::RecordReader reader(shards);
    std::vector<std::string> texts;
    *compressed = 0;
    for (auto it = shards[0].postlist_begin(""); it != shards[0].postlist_end(""); ++it) {
      const std::string stored = shards[0].get_document(*it).get_value(core::schema::kRecordSlot);
      std::uint32_t id = 0;
      if (core::is_compressed_record(stored, &id)) ++*compressed;
      core::PassageRecord record;
      EXPECT_TRUE(reader.decode(stored, &record)) << *it;
      texts.push_back(record.text);
    }
    return texts;
  }

  TempDir dir_;
  const std::string shard_ = dir_ / "shard0";
  ingest::DocumentBuilder builder_;
};

TEST_F(RecordDictionaryWriting, RecordsAfterTheSampleAreCompressedAndReadBackWhole) {
  const std::vector<std::string> written = write("a", 40, 10);
  std::size_t compressed = 0;
  EXPECT_EQ(read_back(&compressed), written);
  // The files until the sample reached 4 KiB stay raw; the rest are compressed.
  EXPECT_GT(compressed, written.size() / 2);
  EXPECT_LT(compressed, written.size());
  const Xapian::Database shard(shard_);
  const std::string id = shard.get_metadata(core::kCurrentDictionaryKey);
  ASSERT_FALSE(id.empty());
  EXPECT_FALSE(shard.get_metadata(core::kCurrentDictionaryKey + std::string(".") + id).empty());
}

TEST_F(RecordDictionaryWriting, ALaterWriterCompressesWithTheShardsDictionary) {
  std::vector<std::string> written = write("a", 40, 10);
  const std::string id = Xapian::Database(shard_).get_metadata(core::kCurrentDictionaryKey);
  const std::vector<std::string> more = write("b", 3, 10);
  written.insert(written.end(), more.begin(), more.end());
  std::size_t compressed = 0;
  EXPECT_EQ(read_back(&compressed), written);
  EXPECT_EQ(Xapian::Database(shard_).get_metadata(core::kCurrentDictionaryKey), id);
  // Every record of the second run is compressed from its first.
  const Xapian::Database shard(shard_);
  for (Xapian::docid d = shard.get_lastdocid() - 29; d <= shard.get_lastdocid(); ++d) {
    std::uint32_t used = 0;
    ASSERT_TRUE(core::is_compressed_record(
        shard.get_document(d).get_value(core::schema::kRecordSlot), &used))
        << d;
    EXPECT_EQ(std::to_string(used), id);
  }
}

}  // namespace
}  // namespace treatysearch

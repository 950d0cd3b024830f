// A new index's passages are written to build segments and merged into their shards when the
// build is published (build_segments.h): the published index must hold exactly what a build
// straight into the shards holds, whatever the number of segments and merge rounds, and nothing
// of the segments may be left behind.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "build_segments.h"
#include "document_builder.h"
#include "index_publish.h"
#include "index_writer.h"
#include "passage_record.h"
#include "shard_documents.h"
#include "shard_pool.h"
#include "temp_dir.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr unsigned kShards = 2;
constexpr int kFiles = 48;

// File `n` of the test corpus: numbered paragraphs whose words vary with n, so that posting
// lists run across many segments.
std::string file_text(int n) {
  std::string text;
  for (int p = 1; p <= 6; ++p)
    text += std::to_string(p) + ". The Committee recommends that the State party " +
            std::to_string(n % 7) + " adopt measures on item " + std::to_string(n * 10 + p) +
            (p % 2 ? " concerning indigenous peoples" : " against hate speech") + ".\n\n";
  return text;
}

std::vector<std::size_t> segments_per_shard(const std::string& index);

// Writes `files` (name, text: one passage a paragraph) through a ShardPool as the Indexer does,
// committing each shard after every file (many segments), then publishes; returns the segments
// each shard had before publication when the index was new.
std::vector<std::size_t> write_files(
    const std::string& index, const std::vector<std::pair<std::string, std::string>>& files) {
  ingest::DocumentBuilder builder;
  ingest::ShardPool pool(index, /*flush_bytes=*/1, kShards, /*term_lists=*/false);
  for (const auto& [name, text] : files) {
    std::vector<ingest::Passage> passages;
    std::istringstream paragraphs(text);
    for (std::string line; std::getline(paragraphs, line);) {
      if (line.empty()) continue;
      ingest::Passage passage;
      passage.label = line.substr(0, line.find('.'));
      passage.text = line;
      passages.push_back(std::move(passage));
    }
    DocumentInfo info;
    info.language = "en";
    auto docs = std::make_shared<std::vector<ingest::PassageDocument>>();
    ingest::DocumentBuilder::Variants variants;
    EXPECT_EQ(builder.build(name, info, passages, docs.get(), &variants), "");
    core::FileRecord record;
    record.path = record.display_path = name;
    record.passages = passages.size();
    pool.submit(name, [name, record, info, docs](ingest::IndexWriter& writer) {
      writer.replace_file(name, record, info, std::move(*docs), 100);
      writer.maybe_commit();
    });
  }
  pool.drain();
  const std::vector<std::size_t> segments = segments_per_shard(index);
  pool.commit();
  return segments;
}

// How many segments each shard of the unpublished build of `index` has.
std::vector<std::size_t> segments_per_shard(const std::string& index) {
  std::vector<std::size_t> counts;
  for (unsigned k = 0; k < kShards; ++k)
    counts.push_back(
        ingest::build_segments_of(ingest::build_folder_for(index) + "/shard" + std::to_string(k))
            .size());
  return counts;
}

// Builds `index` from the test corpus (file5 given twice: its second version supersedes the
// first inside the build); returns the segments each shard had before publication.
std::vector<std::size_t> build(const std::string& index) {
  std::vector<std::pair<std::string, std::string>> files;
  for (int n = 0; n < kFiles; ++n) files.emplace_back("file" + std::to_string(n), file_text(n));
  files.emplace_back("file5", file_text(5) + "7. A second version of the file.\n");
  return write_files(index, files);
}

// Replaces file7 and adds a file in the published index `index` (written in place).
void update(const std::string& index) {
  EXPECT_EQ(write_files(index, {{"file7", "1. The Committee welcomes the new ombudsman.\n"},
                                {"new", "1. A file added after the build.\n"}}),
            std::vector<std::size_t>(kShards, 0));
}

void expect_same_shards(const std::string& expected_index, const std::string& actual_index) {
  for (unsigned k = 0; k < kShards; ++k) {
    SCOPED_TRACE("shard " + std::to_string(k));
    const Xapian::Database expected(expected_index + "/shard" + std::to_string(k));
    const Xapian::Database actual(actual_index + "/shard" + std::to_string(k));
    EXPECT_EQ(actual.get_doccount(), expected.get_doccount());
    EXPECT_EQ(actual.get_lastdocid(), expected.get_lastdocid());
    EXPECT_EQ(actual.get_avlength(), expected.get_avlength());
    for (Xapian::valueno slot = 0; slot <= testing::kLastSlot; ++slot) {
      EXPECT_EQ(actual.get_value_freq(slot), expected.get_value_freq(slot)) << "slot " << slot;
      EXPECT_EQ(actual.get_value_lower_bound(slot), expected.get_value_lower_bound(slot));
      EXPECT_EQ(actual.get_value_upper_bound(slot), expected.get_value_upper_bound(slot));
    }
    EXPECT_EQ(testing::shard_contents(actual), testing::shard_contents(expected));
  }
}

// Entries of the published index folder other than its stub and shards.
std::vector<std::string> leftovers(const std::string& index) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(index)) {
    const std::string name = entry.path().filename().string();
    const bool shard = name.rfind("shard", 0) == 0 && name.find('.') == std::string::npos;
    if (name != "XAPIANDB" && !shard) names.push_back(name);
  }
  return names;
}

class BuildSegmentsTest : public ::testing::Test {
 protected:
  void TearDown() override {
    ingest::set_flushes_per_segment_for_testing(ingest::kFlushesPerSegment);
    ingest::set_max_merge_sources_for_testing(0);
  }

  // The test corpus built straight into its shards, without segments.
  std::string build_without_segments() {
    ingest::set_flushes_per_segment_for_testing(0);
    const std::string index = dir_ / "plain";
    EXPECT_EQ(build(index), std::vector<std::size_t>(kShards, 0));
    ingest::set_flushes_per_segment_for_testing(ingest::kFlushesPerSegment);
    return index;
  }

  // The test corpus built with segments of `flushes` flushes, each shard having had at least
  // `min_segments` of them.
  std::string build_with_segments(unsigned flushes, std::size_t min_segments) {
    ingest::set_flushes_per_segment_for_testing(flushes);
    const std::string index = dir_ / "segmented";
    for (const std::size_t segments : build(index)) EXPECT_GE(segments, min_segments);
    return index;
  }

  TempDir dir_;
};

TEST_F(BuildSegmentsTest, ManySegmentsMergeIntoTheSameShardsAsABuildWithout) {
  const std::string plain = build_without_segments();
  const std::string segmented = build_with_segments(2, 8);
  expect_same_shards(plain, segmented);
  EXPECT_EQ(leftovers(segmented), std::vector<std::string>{});
}

TEST_F(BuildSegmentsTest, MoreSegmentsThanOneMergeMayOpenAreMergedInRounds) {
  const std::string plain = build_without_segments();
  // About 25 segments a shard: three rounds of merges before the one into the shard.
  ingest::set_max_merge_sources_for_testing(3);
  const std::string segmented = build_with_segments(1, 16);
  expect_same_shards(plain, segmented);
  EXPECT_EQ(leftovers(segmented), std::vector<std::string>{});
}

TEST_F(BuildSegmentsTest, ABuildWithMoreSegmentsThanTheDescriptorLimitAllowsOpenIsPublished) {
  const std::string plain = build_without_segments();
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit low = saved;
  // Merging all of each shard's segments at once (two shards at a time) fails with 48
  // descriptors or fewer.
  low.rlim_cur = 32;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  std::string segmented;
  EXPECT_NO_THROW(segmented = build_with_segments(1, 16));
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
  expect_same_shards(plain, segmented);
}

TEST_F(BuildSegmentsTest, MergesOpenNoMoreDatabasesThanTheDescriptorLimitAllows) {
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit low = saved;
  low.rlim_cur = 256;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  // A quarter of the limit, shared by the merges running at once, four descriptors a database.
  EXPECT_EQ(ingest::max_merge_sources(1), 16u);
  EXPECT_EQ(ingest::max_merge_sources(2), 8u);
  EXPECT_EQ(ingest::max_merge_sources(64), 2u);
  low.rlim_cur = 1u << 20;
  if (low.rlim_cur <= saved.rlim_max) {
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
    EXPECT_EQ(ingest::max_merge_sources(1), 256u);
  }
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
}

TEST_F(BuildSegmentsTest, AnIndexBuiltWithSegmentsTakesUpdatesInPlaceAsOneBuiltWithout) {
  const std::string plain = build_without_segments();
  const std::string segmented = build_with_segments(2, 8);
  update(plain);
  update(segmented);
  expect_same_shards(plain, segmented);
  EXPECT_GT(Xapian::Database(segmented).get_doccount(), static_cast<Xapian::doccount>(kFiles));
}

// A segment is held in memory until its flushes are done or the build ends; one that cannot be
// written says where, and the passages that follow still get the ids after it.
TEST(BuildSegments, HoldsASegmentUntilItsFlushesAreDoneAndNamesOneItCannotWrite) {
  TempDir dir;
  const std::string shard = (dir.path() / "shard0").string();
  ingest::set_flushes_per_segment_for_testing(2);
  ingest::BuildSegments segments(shard, 41, ingest::kShardBlockBytes, ingest::kSegmentsMemoryBytes);
  ingest::set_flushes_per_segment_for_testing(ingest::kFlushesPerSegment);
  ingest::PassageDocument passage;
  passage.add_term("asylum", 1);
  passage.set_value(0, "record");
  segments.add(passage);
  segments.commit();
  EXPECT_FALSE(fs::exists(shard + ".seg1"));  // one flush of two: still in memory
  segments.add(passage);
  segments.commit();
  ASSERT_TRUE(fs::exists(shard + ".seg1"));
  const Xapian::Database first(shard + ".seg1");
  EXPECT_EQ(first.get_doccount(), 2u);
  EXPECT_EQ(first.get_lastdocid(), 42u);
  EXPECT_EQ(first.get_document(41).get_value(0), "record");

  // The next segment's folder is taken: finishing the build fails naming it.
  fs::create_directory(shard + ".seg2");
  segments.add(passage);
  EXPECT_EQ(segments.next_docid(), 44u);
  try {
    segments.finish();
    ADD_FAILURE() << "finish() wrote over an existing folder";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("shard0.seg2"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::is_empty(shard + ".seg2"));  // what was there is left as it was
  EXPECT_EQ(ingest::build_segments_of(shard).size(), 2u);
}

// With many shards each holds a small share of the memory: a segment is written out as soon as
// it holds its share, whatever its flushes, and the passages after it go on in the next.
TEST(BuildSegments, WritesASegmentOutOnceItHoldsItsShareOfMemory) {
  TempDir dir;
  const std::string shard = (dir.path() / "shard0").string();
  constexpr std::size_t kShare = 64u << 10;
  ingest::BuildSegments segments(shard, 1, ingest::kShardBlockBytes, kShare);
  ingest::PassageDocument passage;
  for (int word = 0; word < 50; ++word) passage.add_term("word" + std::to_string(word), 1);
  passage.set_value(0, std::string(1000, 'r'));
  for (int n = 0; n < 200; ++n) segments.add(passage);  // about 1,300 bytes each: 4 shares
  segments.finish();
  const std::vector<std::string> written = ingest::build_segments_of(shard);
  EXPECT_GE(written.size(), 3u);
  Xapian::doccount total = 0;
  Xapian::docid last = 0;
  for (const std::string& segment : written) {
    const Xapian::Database db(segment);
    EXPECT_EQ(db.get_doccount(), db.get_lastdocid() - last) << segment;  // ids run on
    total += db.get_doccount();
    last = db.get_lastdocid();
  }
  EXPECT_EQ(total, 200u);
  EXPECT_EQ(last, 200u);
}

}  // namespace
}  // namespace treatysearch

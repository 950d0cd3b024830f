// The same bytes under two names are indexed once; the copy is reported with its original.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include <xapian.h>

#include "index_layout.h"
#include "schema.h"
#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"
#include "vocabulary.h"

namespace treatysearch {
namespace {

using testing::TempDir;

constexpr const char* kText =
    "1. The Committee recommends lighthouses.\n\n2. The Committee welcomes harbours.\n";

const FileReport* find(const IngestReport& report, const std::string& name) {
  const auto it = std::find_if(report.files.begin(), report.files.end(),
                               [&](const FileReport& f) { return f.path.ends_with(name); });
  return it == report.files.end() ? nullptr : &*it;
}

std::size_t hits(const std::string& index, const std::string& query) {
  return Searcher::open(index).search(query).hits.size();
}

// Whether `shard` of `index` has a vocabulary entry under `key`, and the file record of `file`.
bool has_entry(const std::string& index, unsigned shard, const std::string& key) {
  const Xapian::Database db(core::layout::shard_dir(index, shard));
  // Vocabulary::entry_key(key, ""), spelled out: the test sees the library's public symbols only.
  const std::string prefix = std::string(1, core::Vocabulary::kPrefix) + key + std::string(1, '\0');
  return db.metadata_keys_begin(prefix) != db.metadata_keys_end(prefix);
}
bool holds_file(const std::string& index, unsigned shard, const std::string& file) {
  const Xapian::Database db(core::layout::shard_dir(index, shard));
  return !db.get_metadata(core::schema::kFileRecordPrefix + core::schema::file_key(file)).empty();
}

TEST(Duplicates, ACopysVocabularyEntriesStillReachItsShard) {
  // One analysis thread lists a word's vocabulary entries once per shard (DocumentBuilder::
  // build): the copy lists them for its shard, and a later file of that shard relies on them,
  // so the copy's entries must be written there although its passages are not.
  TempDir dir;
  const auto shard_of = [&](const std::string& name) {
    return core::layout::shard_of(core::schema::file_key(dir / name), 2);
  };
  const auto named = [&](const std::string& stem, auto wanted) {
    for (int n = 0;; ++n)
      if (const std::string name = "docs/" + stem + std::to_string(n) + ".txt"; wanted(name))
        return name;
  };
  const std::string original = named("a", [&](const std::string& n) { return shard_of(n) == 0; });
  const std::string copy = named("b", [&](const std::string& n) { return shard_of(n) == 1; });
  const std::string later = named("c", [&](const std::string& n) { return shard_of(n) == 1; });
  dir.write(original, kText);
  dir.write(copy, kText);
  dir.write(later, "1. Lighthouses and harbours are welcome.\n");
  const std::string index = dir / "index";
  IndexerOptions options;
  options.threads = 1;
  options.shards = 2;
  {
    Indexer indexer = Indexer::open(index, options);
    const IngestReport report = indexer.add_paths({dir / "docs"});
    EXPECT_EQ(report.added, 2u);
    EXPECT_EQ(report.duplicates, 1u);
  }
  ASSERT_TRUE(holds_file(index, 0, dir / original));  // the premise: shards as chosen
  ASSERT_TRUE(holds_file(index, 1, dir / later));
  EXPECT_TRUE(has_entry(index, 0, "Zlighthous"));
  EXPECT_TRUE(has_entry(index, 1, "Zlighthous"));
  EXPECT_TRUE(has_entry(index, 1, "Zharbour"));
  EXPECT_EQ(hits(index, "lighthouse"), 2u);  // by its stem, in both files
}

TEST(Duplicates, SameBytesUnderTwoNamesAreIndexedOnce) {
  TempDir dir;
  dir.write("docs/a.txt", kText);
  dir.write("docs/b.txt", kText);
  dir.write("docs/c.txt", "1. Other text about windmills.\n");
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport report = indexer.add_paths({dir / "docs"});
    EXPECT_EQ(report.added, 2u);
    EXPECT_EQ(report.duplicates, 1u);
    EXPECT_EQ(report.failed, 0u);
    const FileReport* copy = find(report, "b.txt");
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(copy->status, FileStatus::kDuplicate);
    EXPECT_TRUE(copy->duplicate_of.ends_with("a.txt")) << copy->duplicate_of;
    EXPECT_EQ(copy->passages, 0u);
  }
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 3u);

  // Again: the original is unchanged and the copy still a copy (not extracted again).
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport report = indexer.add_paths({dir / "docs"});
    EXPECT_EQ(report.unchanged, 2u);
    EXPECT_EQ(report.duplicates, 1u);
    EXPECT_EQ(find(report, "b.txt")->status, FileStatus::kDuplicate);
  }

  // The original goes: the copy is indexed in its place.
  std::filesystem::remove(dir / "docs/a.txt");
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport report = indexer.add_paths({dir / "docs"});
    EXPECT_EQ(report.removed, 1u);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(report.duplicates, 0u);
    EXPECT_EQ(find(report, "b.txt")->status, FileStatus::kAdded);
  }
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 3u);
}

TEST(Duplicates, AFileThatBecomesACopyLosesItsPassages) {
  TempDir dir;
  dir.write("docs/a.txt", kText);
  dir.write("docs/b.txt", "1. Different text about beacons.\n");
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index);
    EXPECT_EQ(indexer.add_paths({dir / "docs"}).added, 2u);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir.write("docs/b.txt", kText);
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport report = indexer.add_paths({dir / "docs"});
    EXPECT_EQ(report.duplicates, 1u);
    EXPECT_EQ(find(report, "b.txt")->status, FileStatus::kDuplicate);
  }
  EXPECT_EQ(hits(index, "beacons"), 0u);
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 2u);

  // And it is indexed again once it differs.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir.write("docs/b.txt", "1. Different again, about lanterns.\n");
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport report = indexer.add_paths({dir / "docs"});
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(report.duplicates, 0u);
  }
  EXPECT_EQ(hits(index, "lanterns"), 1u);
}

}  // namespace
}  // namespace treatysearch

// The same bytes under two names are indexed once; the copy is reported with its original.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

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

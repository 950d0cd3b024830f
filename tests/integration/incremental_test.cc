// Incremental indexing through the public API: unchanged, changed, deleted files.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

std::size_t hits(const std::string& index, const std::string& query) {
  return Searcher::open(index).search(query).hits.size();
}

TEST(Incremental, UnchangedChangedAndDeletedFiles) {
  TempDir dir;
  const std::string docs = dir / "docs";
  dir.write("docs/a.txt", "1. Alpha paragraph about lighthouses.\n\n2. Second about harbours.\n");
  dir.write("docs/sub/b.txt", "1. Beta paragraph about windmills.\n");
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport first = indexer.add_paths({docs});
    EXPECT_EQ(first.added, 2u);
    EXPECT_EQ(first.failed, 0u);
    EXPECT_EQ(first.passages, 3u);
    const IngestReport again = indexer.add_paths({docs});
    EXPECT_EQ(again.unchanged, 2u);
    EXPECT_EQ(again.added + again.updated + again.removed, 0u);
  }
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 3u);

  // A changed file replaces its passages: fewer passages leave no stale ones behind.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir.write("docs/a.txt", "1. Alpha rewritten about lanterns.\n");
  std::filesystem::remove(dir / "docs/sub/b.txt");
  {
    Indexer indexer = Indexer::open(index);
    const IngestReport report = indexer.add_paths({docs});
    EXPECT_EQ(report.updated, 1u);
    EXPECT_EQ(report.removed, 1u);
  }
  EXPECT_EQ(hits(index, "lighthouses"), 0u);
  EXPECT_EQ(hits(index, "harbours"), 0u);
  EXPECT_EQ(hits(index, "windmills"), 0u);
  EXPECT_EQ(hits(index, "lanterns"), 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 1u);
}

TEST(Incremental, SameBytesWithNewTimeIsUnchanged) {
  TempDir dir;
  const std::string file = dir.write("a.txt", "1. Text about beacons.\n");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  EXPECT_EQ(indexer.add_paths({file}).added, 1u);
  std::filesystem::last_write_time(
      file, std::filesystem::last_write_time(file) + std::chrono::seconds(5));
  const IngestReport report = indexer.add_paths({file});
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(report.bytes, 0u);  // nothing analysed
}

TEST(Incremental, FilesNamedDirectlyAreNotRemovedByAFolderRun) {
  TempDir dir;
  const std::string single = dir.write("single.txt", "1. Only about pylons.\n");
  dir.write("folder/c.txt", "1. About canals.\n");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  indexer.add_paths({single});
  const IngestReport report = indexer.add_paths({dir / "folder"});
  EXPECT_EQ(report.removed, 0u);
  EXPECT_EQ(hits(index, "pylons"), 1u);
}

TEST(Incremental, ASecondWriterIsRefusedWithLocked) {
  TempDir dir;
  const std::string index = dir / "index";
  Indexer first = Indexer::open(index);
  try {
    Indexer second = Indexer::open(index);
    FAIL() << "second writer opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLocked);
    EXPECT_NE(std::string(e.what()).find(index), std::string::npos);
  }
}

TEST(Incremental, StemsStaySearchableWhenTheFileThatBroughtThemIsRemoved) {
  // The synonym entries stay in the shards' tables when a file goes (an entry leading to no
  // passage costs a query one empty posting list); searchers read the union of the tables.
  TempDir dir;
  for (int i = 0; i < 8; ++i)
    dir.write("docs/f" + std::to_string(i) + ".txt",
              "1. Women were discriminated against in file " + std::to_string(i) + ".\n");
  const std::string index = dir / "index";
  IndexerOptions options;
  options.threads = 1;
  options.shards = 4;
  {
    Indexer indexer = Indexer::open(index, options);
    EXPECT_EQ(indexer.add_paths({dir / "docs"}).added, 8u);
  }
  EXPECT_EQ(hits(index, "discrimination"), 8u);
  for (int i = 0; i < 7; ++i)
    std::filesystem::remove(dir / ("docs/f" + std::to_string(i) + ".txt"));
  {
    Indexer indexer = Indexer::open(index, options);
    EXPECT_EQ(indexer.add_paths({dir / "docs"}).removed, 7u);
  }
  EXPECT_EQ(hits(index, "discrimination"), 1u);
}

}  // namespace
}  // namespace treatysearch

// Incremental indexing through the public API: unchanged, changed, deleted files.
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
  // The vocabulary entries stay in the shards when a file goes (an entry leading to no
  // passage costs a query one empty posting list); searchers read every shard's entries.
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

// A file that changes into something that cannot be indexed loses its old passages (a first
// build would not have them) and says so; the run still fails for it.
struct Unindexable {
  const char* name;
  std::string content;
  friend void PrintTo(const Unindexable& u, std::ostream* os) { *os << u.name; }
};

class BecomesUnindexable : public ::testing::TestWithParam<Unindexable> {};

TEST_P(BecomesUnindexable, ItsOldPassagesAreRemovedAndReported) {
  TempDir dir;
  dir.write("docs/keep.txt", "1. Kept about harbours.\n");
  const std::string changing =
      dir.write("docs/x.txt", "1. First about lighthouses.\n\n2. Second about lighthouses.\n");
  const std::string index = dir / "index";
  IndexerOptions options;
  options.max_file_bytes = 256;  // the "too large" case writes more
  {
    Indexer indexer = Indexer::open(index, options);
    EXPECT_EQ(indexer.add_paths({dir / "docs"}).added, 2u);
  }
  EXPECT_EQ(hits(index, "lighthouses"), 2u);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir.write("docs/x.txt", GetParam().content);
  IngestReport report;
  {
    Indexer indexer = Indexer::open(index, options);
    report = indexer.add_paths({dir / "docs"});
  }
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(report.failed_removed, 1u);
  EXPECT_EQ(report.removed, 0u);
  const auto file = std::find_if(report.files.begin(), report.files.end(),
                                 [&](const FileReport& f) { return f.path == changing; });
  ASSERT_NE(file, report.files.end());
  EXPECT_EQ(file->status, FileStatus::kFailed);
  EXPECT_FALSE(file->error.empty());
  EXPECT_TRUE(file->old_passages_removed);
  EXPECT_EQ(file->passages, 2u);
  EXPECT_EQ(hits(index, "lighthouses"), 0u);
  EXPECT_EQ(hits(index, "harbours"), 1u);

  // The same as a first build of the folder as it is now.
  const std::string clean = dir / "clean";
  {
    Indexer indexer = Indexer::open(clean, options);
    indexer.add_paths({dir / "docs"});
  }
  EXPECT_EQ(Searcher::open(index).passage_count(), Searcher::open(clean).passage_count());

  // Once gone, a later run has nothing more to remove; it still fails the file.
  Indexer indexer = Indexer::open(index, options);
  const IngestReport again = indexer.add_paths({dir / "docs"});
  EXPECT_EQ(again.failed, 1u);
  EXPECT_EQ(again.failed_removed, 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Incremental, BecomesUnindexable,
    ::testing::Values(Unindexable{"Emptied", ""}, Unindexable{"Blank", " \n\t\n"},
                      Unindexable{"Rtf", "{\\rtf1\\ansi 1. lighthouses}"},
                      Unindexable{"Binary", std::string("1. ab\0cd lighthouses\n", 22)},
                      Unindexable{"OverTheLimit",
                                  "1. Grown about lighthouses. " + std::string(300, 'x') + "\n"}),
    [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace treatysearch

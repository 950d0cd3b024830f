// A new index is built in a temporary folder and appears whole at its first commit
// (indexer.h); an abandoned build never leaves anything that can be opened.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "temp_dir.h"
#include "treatysearch/error.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::size_t hits(const std::string& index, const std::string& query) {
  return Searcher::open(index).search(query).hits.size();
}

bool opens(const std::string& index) {
  try {
    Searcher::open(index);
    return true;
  } catch (const Error&) {
    return false;
  }
}

// The pid of a process that has exited (a child reaped here).
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

TEST(NewIndex, AppearsWholeAtTheFirstCommitOnly) {
  TempDir dir;
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  indexer.add_text("a", "1. About lighthouses.\n");
  EXPECT_FALSE(opens(index));  // nothing half-built to read
  indexer.commit();
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
  // Later changes go to the published index.
  indexer.add_text("b", "1. About windmills.\n");
  indexer.commit();
  EXPECT_EQ(hits(index, "windmills"), 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 2u);
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find("index.tmp-"), std::string::npos)
        << entry.path();
}

TEST(NewIndex, ACrashedBuildLeavesNoIndexAndIsCleanedUpByTheNextRun) {
  TempDir dir;
  const std::string index = dir / "index";
  const pid_t child = ::fork();
  if (child == 0) {
    Indexer indexer = Indexer::open(index);
    indexer.add_text("a", "1. About lighthouses.\n");
    ::_exit(0);  // no destructor, no commit: a crash
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  const std::string abandoned = index + ".tmp-" + std::to_string(child);
  EXPECT_TRUE(fs::is_directory(abandoned));
  EXPECT_FALSE(opens(index));

  Indexer indexer = Indexer::open(index);
  EXPECT_FALSE(fs::exists(abandoned));
  indexer.add_text("b", "1. About windmills.\n");
  indexer.commit();
  EXPECT_EQ(hits(index, "windmills"), 1u);
  EXPECT_EQ(hits(index, "lighthouses"), 0u);
}

TEST(NewIndex, OnlyBuildsOfDeadProcessesAreRemoved) {
  TempDir dir;
  const std::string index = dir / "index";
  const std::string dead = index + ".tmp-" + std::to_string(dead_pid());
  const std::string live = index + ".tmp-" + std::to_string(::getppid());
  const std::string other = index + ".tmp-notapid";
  for (const auto& folder : {dead, live, other}) fs::create_directories(folder);
  Indexer indexer = Indexer::open(index);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(other));
}

TEST(NewIndex, AnEmptyFolderBecomesTheIndex) {
  TempDir dir;
  const std::string index = dir / "index";
  fs::create_directories(index);
  {
    Indexer indexer = Indexer::open(index);
    indexer.add_text("a", "1. About lighthouses.\n");
  }  // the destructor commits
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
}

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

TEST(NewIndex, AFirstBuildIsCompactedBeforeItIsPublished) {
  // The same corpus twice: built new (compacted when published), and added to an empty index
  // by an update (written in place, as every update is).
  TempDir dir;
  {
    Indexer indexer = Indexer::open(dir / "built");
    ASSERT_EQ(indexer.add_paths({TREATYSEARCH_QUICK_CORPUS_DIR}).failed, 0u);
    indexer.commit();
  }
  {
    Indexer empty = Indexer::open(dir / "updated");
    empty.commit();
  }
  {
    Indexer update = Indexer::open(dir / "updated");
    ASSERT_EQ(update.add_paths({TREATYSEARCH_QUICK_CORPUS_DIR}).failed, 0u);
    update.commit();
  }
  const Searcher built = Searcher::open(dir / "built");
  const Searcher updated = Searcher::open(dir / "updated");
  EXPECT_EQ(built.passage_count(), updated.passage_count());
  EXPECT_EQ(built.search("\"hate speech\"").total, updated.search("\"hate speech\"").total);
  EXPECT_LT(folder_bytes(dir / "built") * 10, folder_bytes(dir / "updated") * 9)
      << "a compacted build is at least 10% smaller";
  // And it takes updates like any index.
  {
    Indexer more = Indexer::open(dir / "built");
    more.add_text("late.txt", "A late passage on lighthouse keepers.", DocumentInfo{});
    more.commit();
  }
  EXPECT_EQ(hits(dir / "built", "\"lighthouse keepers\""), 1u);
}

TEST(NewIndex, ASecondWriterIsRefusedWhileTheFirstBuilds) {
  TempDir dir;
  const std::string index = dir / "index";
  Indexer first = Indexer::open(index);
  first.add_text("a", "1. About lighthouses.\n");
  try {
    Indexer second = Indexer::open(index);
    FAIL() << "second writer opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLocked);
  }
  first.commit();
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
}

}  // namespace
}  // namespace treatysearch

// Walking folders through the public API: what cannot be read stays indexed and is reported;
// symbolic links, FIFOs, sockets and hidden names are skipped with a reason; links are followed
// only when asked and only inside the folders given.
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <thread>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"
#include "without_permission_override.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WithoutPermissionOverride;

std::size_t hits(const std::string& index, const std::string& query) {
  return Searcher::open(index).search(query).hits.size();
}

const FileReport* report_for(const IngestReport& report, const std::string& path) {
  for (const auto& f : report.files)
    if (f.path == path) return &f;
  return nullptr;
}

const SkippedPath* skipped(const IngestReport& report, const std::string& path) {
  for (const auto& s : report.skipped)
    if (s.path == path) return &s;
  return nullptr;
}

bool can_list(const std::string& folder) {
  DIR* d = ::opendir(folder.c_str());
  if (d) ::closedir(d);
  return d != nullptr;
}

bool can_open(const std::string& file) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd >= 0) ::close(fd);
  return fd >= 0;
}

// Three files, two of them in c/sub, indexed once.
struct IndexedFolder {
  IndexedFolder() {
    dir.write("c/a.txt", "1. Alpha about lighthouses.\n");
    dir.write("c/sub/b.txt", "1. Beta about windmills.\n\n2. More about harbours.\n");
    dir.write("c/sub/g.txt", "1. Gamma about canals.\n");
    Indexer indexer = Indexer::open(index);
    EXPECT_EQ(indexer.add_paths({folder}).added, 3u);
  }
  TempDir dir;
  const std::string folder = dir / "c";
  const std::string index = dir / "index";
};

TEST(Walk, AnUnreadableSubfolderFailsAndKeepsWhatItHeld) {
  IndexedFolder f;
  fs::permissions(f.dir / "c/sub", fs::perms::none);
  IngestReport report;
  {
    WithoutPermissionOverride as_a_user;
    if (can_list(f.dir / "c/sub")) {
      fs::permissions(f.dir / "c/sub", fs::perms::owner_all);
      GTEST_SKIP() << "file permissions cannot be enforced here";
    }
    Indexer indexer = Indexer::open(f.index);
    report = indexer.add_paths({f.folder});
  }
  fs::permissions(f.dir / "c/sub", fs::perms::owner_all);
  EXPECT_EQ(report.removed, 0u);
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(report.failed_removed, 0u);
  const FileReport* sub = report_for(report, f.folder + "/sub");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->status, FileStatus::kFailed);
  EXPECT_NE(sub->error.find("cannot read folder"), std::string::npos) << sub->error;
  EXPECT_FALSE(sub->old_passages_removed);
  EXPECT_EQ(hits(f.index, "windmills"), 1u);
  EXPECT_EQ(hits(f.index, "canals"), 1u);
  EXPECT_EQ(Searcher::open(f.index).passage_count(), 4u);
}

TEST(Walk, AnUnreadableGivenFolderFailsAndKeepsWhatItHeld) {
  IndexedFolder f;
  fs::permissions(f.folder, fs::perms::none);
  IngestReport report;
  {
    WithoutPermissionOverride as_a_user;
    if (can_list(f.folder)) {
      fs::permissions(f.folder, fs::perms::owner_all);
      GTEST_SKIP() << "file permissions cannot be enforced here";
    }
    Indexer indexer = Indexer::open(f.index);
    report = indexer.add_paths({f.folder});
  }
  fs::permissions(f.folder, fs::perms::owner_all);
  EXPECT_EQ(report.removed, 0u);
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(Searcher::open(f.index).passage_count(), 4u);
}

TEST(Walk, AnUnreadableFileFailsAndKeepsItsPassagesChangedOrNot) {
  IndexedFolder f;
  // b.txt changed (so it must be read), g.txt did not (its size and time match the record).
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  f.dir.write("c/sub/b.txt", "1. Beta rewritten about weathervanes.\n");
  fs::permissions(f.dir / "c/sub/b.txt", fs::perms::none);
  fs::permissions(f.dir / "c/sub/g.txt", fs::perms::none);
  IngestReport report;
  {
    WithoutPermissionOverride as_a_user;
    if (can_open(f.dir / "c/sub/g.txt")) GTEST_SKIP() << "file permissions cannot be enforced here";
    Indexer indexer = Indexer::open(f.index);
    report = indexer.add_paths({f.folder});
  }
  EXPECT_EQ(report.failed, 2u);
  EXPECT_EQ(report.failed_removed, 0u);
  EXPECT_EQ(report.removed, 0u);
  for (const std::string name : {"/sub/b.txt", "/sub/g.txt"}) {
    const FileReport* file = report_for(report, f.folder + name);
    ASSERT_NE(file, nullptr) << name;
    EXPECT_EQ(file->status, FileStatus::kFailed) << name;
    EXPECT_FALSE(file->old_passages_removed) << name;
  }
  EXPECT_EQ(hits(f.index, "windmills"), 1u);
  EXPECT_EQ(hits(f.index, "canals"), 1u);
  EXPECT_EQ(hits(f.index, "weathervanes"), 0u);
}

TEST(Walk, SymbolicLinksAreNotFollowedByDefault) {
  TempDir dir;
  const std::string outside = dir.write("outside/secret.txt", "1. Secret about passwords.\n");
  dir.write("c/a.txt", "1. Alpha about lighthouses.\n");
  fs::create_symlink(outside, dir / "c/p.txt");
  fs::create_symlink(dir / "c/a.txt", dir / "c/inside.txt");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({dir / "c"});
  indexer.commit();
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.failed, 0u);
  for (const std::string name : {"p.txt", "inside.txt"}) {
    const SkippedPath* link = skipped(report, dir / "c/" + name);
    ASSERT_NE(link, nullptr) << name;
    EXPECT_EQ(link->reason, SkipReason::kSymlink);
    EXPECT_FALSE(link->detail.empty());
  }
  EXPECT_EQ(hits(index, "passwords"), 0u);
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
}

TEST(Walk, FollowLinksFollowsOnlyLinksLeadingInsideTheFoldersGiven) {
  TempDir dir;
  const std::string outside = dir.write("outside/secret.txt", "1. Secret about passwords.\n");
  dir.write("c/a.txt", "1. Alpha about lighthouses.\n");
  dir.write("other/o.txt", "1. Other about orchards.\n");
  fs::create_symlink(outside, dir / "c/p.txt");
  fs::create_symlink("../other/o.txt", dir / "c/o.txt");  // inside "other", also given
  fs::create_symlink("a.txt", dir / "c/inside.txt");
  fs::create_symlink("../outside/../c/../outside/secret.txt", dir / "c/dotdot.txt");
  fs::create_symlink(dir / "outside", dir / "c/folder-link");
  const std::string index = dir / "index";
  IndexerOptions options;
  options.follow_links = true;
  Indexer indexer = Indexer::open(index, options);
  const IngestReport report = indexer.add_paths({dir / "c", dir / "other"});
  indexer.commit();
  EXPECT_EQ(report.failed, 0u);
  // a.txt and other/o.txt; the links inside.txt and c/o.txt are followed and read, and found to
  // be copies of them (the same bytes are indexed once).
  EXPECT_EQ(report.added, 2u);
  EXPECT_EQ(report.duplicates, 2u);
  ASSERT_NE(report_for(report, dir / "c/inside.txt"), nullptr);
  ASSERT_NE(report_for(report, dir / "c/o.txt"), nullptr);
  EXPECT_EQ(report_for(report, dir / "c/inside.txt")->status, FileStatus::kDuplicate);
  for (const std::string name : {"p.txt", "dotdot.txt"}) {
    const SkippedPath* link = skipped(report, dir / "c/" + name);
    ASSERT_NE(link, nullptr) << name;
    EXPECT_EQ(link->reason, SkipReason::kSymlinkOutside) << name;
  }
  const SkippedPath* folder = skipped(report, dir / "c/folder-link");
  ASSERT_NE(folder, nullptr);
  EXPECT_EQ(folder->reason, SkipReason::kSymlinkToFolder);
  EXPECT_EQ(hits(index, "passwords"), 0u);
  EXPECT_EQ(hits(index, "lighthouses"), 1u);
}

TEST(Walk, ALinkNamedExplicitlyIsRead) {
  TempDir dir;
  const std::string target = dir.write("elsewhere/t.txt", "1. Named about telescopes.\n");
  fs::create_symlink(target, dir / "named.txt");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({dir / "named.txt"});
  indexer.commit();
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(hits(index, "telescopes"), 1u);
}

TEST(Walk, DanglingLinksFifosSocketsAndHiddenNamesAreSkippedWithAReason) {
  TempDir dir;
  dir.write("c/a.txt", "1. Alpha about lighthouses.\n");
  dir.write("c/.hidden.txt", "1. Hidden about zeppelins.\n");
  dir.write("c/.git/x.txt", "1. Hidden folder about dirigibles.\n");
  fs::create_symlink(dir / "c/nothing.txt", dir / "c/dangling.txt");
  ASSERT_EQ(::mkfifo((dir / "c/pipe.txt").c_str(), 0600), 0);
  const std::string socket_path = dir / "c/sock.txt";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.size(), sizeof(address.sun_path));
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  const std::string index = dir / "index";
  IngestReport report;
  {
    Indexer indexer = Indexer::open(index);
    report = indexer.add_paths({dir / "c"});  // would block on the FIFO if it opened it
  }
  ::close(fd);
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.failed, 0u);
  const std::pair<const char*, SkipReason> expected[] = {
      {"c/.hidden.txt", SkipReason::kHidden},           {"c/.git", SkipReason::kHidden},
      {"c/dangling.txt", SkipReason::kDanglingSymlink}, {"c/pipe.txt", SkipReason::kSpecialFile},
      {"c/sock.txt", SkipReason::kSpecialFile},
  };
  for (const auto& [name, reason] : expected) {
    const SkippedPath* entry = skipped(report, dir / name);
    ASSERT_NE(entry, nullptr) << name;
    EXPECT_EQ(entry->reason, reason) << name;
    EXPECT_FALSE(entry->detail.empty()) << name;
    EXPECT_EQ(entry->detail.find('\n'), std::string::npos) << name;
  }
  EXPECT_EQ(report.skipped.size(), std::size(expected));
  EXPECT_EQ(hits(index, "zeppelins"), 0u);
  EXPECT_EQ(hits(index, "dirigibles"), 0u);
}

TEST(Walk, AFileThatBecameALinkIsRemovedLikeInAFirstBuild) {
  TempDir dir;
  dir.write("c/a.txt", "1. Alpha about lighthouses.\n");
  const std::string outside = dir.write("outside/o.txt", "1. Outside about passwords.\n");
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index);
    EXPECT_EQ(indexer.add_paths({dir / "c"}).added, 1u);
  }
  fs::remove(dir / "c/a.txt");
  fs::create_symlink(outside, dir / "c/a.txt");
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({dir / "c"});
  indexer.commit();
  EXPECT_EQ(report.removed, 1u);
  EXPECT_EQ(Searcher::open(index).passage_count(), 0u);
}

TEST(Walk, AnEmptyIndexPathIsRefused) {
  try {
    Indexer::open("");
    FAIL() << "opened an index at an empty path";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace treatysearch

#include "index_publish.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "treatysearch/error.h"

namespace treatysearch::ingest {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBuildSuffix = ".tmp-";

// fsync of a file or folder; false (errno set) on failure.
bool sync_path(const fs::path& path, bool folder) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return synced;
}

[[noreturn]] void fail(const std::string& dir, const std::string& what) {
  throw Error(ErrorCode::kIo, dir + ": cannot publish the new index: " + what);
}

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

}  // namespace

int claim_new_index(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::kIo, dir + ": cannot create index folder: " + ec.message());
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorCode::kIo, dir + ": cannot open: " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int saved = errno;
    ::close(fd);
    if (saved == EWOULDBLOCK)
      throw Error(ErrorCode::kLocked,
                  dir + ": index is locked: another treaty-index is creating it");
    throw Error(ErrorCode::kIo, dir + ": cannot lock: " + std::strerror(saved));
  }
  return fd;
}

std::string build_folder_for(const std::string& dir) {
  return dir + std::string(kBuildSuffix) + std::to_string(::getpid());
}

void remove_abandoned_builds(const std::string& dir) {
  std::error_code ec;
  const fs::path target(dir);
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = target.filename().string() + std::string(kBuildSuffix);
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    if (process_alive(std::stol(digits))) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

void publish_build(const std::string& build, const std::string& dir) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(build, ec), end; !ec && it != end; it.increment(ec)) {
    const bool folder = it->is_directory(ec);
    if (!sync_path(it->path(), folder))
      fail(dir, it->path().string() + ": " + std::strerror(errno));
  }
  if (ec) fail(dir, ec.message());
  if (!sync_path(build, true)) fail(dir, build + ": " + std::strerror(errno));
  // rename(2) replaces the empty folder claim_new_index locked; one with content is another
  // writer's index (made without our lock: an older treatysearch), which is left alone.
  fs::rename(build, dir, ec);
  if (ec == std::errc::directory_not_empty || ec == std::errc::file_exists)
    throw Error(ErrorCode::kLocked,
                dir + ": another writer created this index meanwhile; run treaty-index again");
  if (ec) fail(dir, ec.message());
  const fs::path parent =
      fs::path(dir).parent_path().empty() ? fs::path(".") : fs::path(dir).parent_path();
  if (!sync_path(parent, true)) fail(dir, parent.string() + ": " + std::strerror(errno));
}

}  // namespace treatysearch::ingest

// Writes all of a buffer to a file descriptor, through short writes and interrupted calls: the
// one loop the process runner (a child's input file) and the segment writer (B-tree blocks) share.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <string_view>

namespace treatysearch::ingest {

// True once every byte is written; false on the first failed write, with errno as write() left
// it.
inline bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace treatysearch::ingest

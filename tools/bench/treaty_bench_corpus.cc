// The corpus treaty-bench indexes: the files the indexer reads, their bytes (the denominator of
// every MB/s figure), and the sizes of what the engines write.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "treaty_bench.h"
#include "treatysearch/indexer.h"

namespace fs = std::filesystem;

namespace treatysearch::bench {
namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// The files the indexer reads: visible files of the formats it indexes, recursively, decided by
// the indexer's own rule (as its file walker does).
bool is_indexed_file(const fs::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_regular_file(ec)) return false;
  return !format_for_file_name(entry.path().string()).empty();
}

}  // namespace

Corpus scan_corpus(const fs::path& dir) {
  Corpus corpus;
  corpus.path = dir;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_indexed_file(*it)) continue;
    corpus.paths.push_back(it->path());
    corpus.bytes += it->file_size(ec);
  }
  if (ec) throw BenchError("--corpus " + dir.string() + ": cannot read: " + ec.message());
  corpus.files = corpus.paths.size();
  if (corpus.files == 0)
    throw BenchError("--corpus " + dir.string() + ": no files of a format indexed there");
  return corpus;
}

// Reads every file once so that all engines start from the page cache: the benchmark measures
// indexing, not the disk.
void warm_page_cache(const Corpus& corpus) {
  std::vector<char> buffer(1 << 20);
  for (const auto& path : corpus.paths) {
    std::ifstream in(path, std::ios::binary);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()))) {
    }
  }
}

std::uint64_t disk_bytes(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

}  // namespace treatysearch::bench

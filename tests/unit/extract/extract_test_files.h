// Files the extractor tests read: fixtures and the bundled corpus (always present), and the
// shared corpus beside the project (optional: tests that need it skip when it is absent).
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace treatysearch::ingest::test {

inline std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::string fixture(const std::string& name) {
  return read_bytes(std::filesystem::path(TREATYSEARCH_FIXTURES_DIR) / name).value_or("");
}

inline std::string corpus_file(const std::string& name) {
  return read_bytes(std::filesystem::path(TREATYSEARCH_CORPUS_DIR) / name).value_or("");
}

// ../shared/corpus/<name> beside the source tree, for reading only.
inline std::filesystem::path shared_corpus(const std::string& name) {
  return std::filesystem::path(TREATYSEARCH_SOURCE_DIR) / ".." / "shared" / "corpus" / name;
}

}  // namespace treatysearch::ingest::test

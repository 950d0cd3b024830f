#include "index_digest.h"

#include <xapian.h>

#include <filesystem>
#include <stdexcept>

namespace treatysearch::crash {

namespace fs = std::filesystem;

namespace {

// The on-disk names this tool relies on (search/core/schema.h, index_layout.h). They are
// repeated here on purpose: the tool reads an index as a stranger would.
constexpr const char* kFilePassagesPrefix = "K";
constexpr const char* kFileRecordPrefix = "file:";
// Tombstones of files replaced or removed in shards without term lists
// (search/core/tombstones.h): the prefix, the file key, "/<docid>/<dead passages>". Those
// passages still carry the file's K-term and count in the database's documents.
constexpr const char* kTombstonePrefix = "treatysearch.dead:";

std::vector<fs::path> shard_dirs(const std::string& index_dir) {
  std::vector<fs::path> shards;
  for (unsigned k = 0;; ++k) {
    const fs::path shard = fs::path(index_dir) / ("shard" + std::to_string(k));
    std::error_code ec;
    if (!fs::is_directory(shard, ec)) break;
    shards.push_back(shard);
  }
  return shards;
}

}  // namespace

IndexDigest read_digest(const std::string& index_dir) {
  IndexDigest digest;
  std::size_t superseded = 0;
  try {
    for (const fs::path& shard : shard_dirs(index_dir)) {
      Xapian::Database db(shard.string());
      const std::string prefix = kFileRecordPrefix;
      for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key)
        digest[(*key).substr(prefix.size())].recorded = true;
      for (auto term = db.allterms_begin(kFilePassagesPrefix);
           term != db.allterms_end(kFilePassagesPrefix); ++term)
        digest[(*term).substr(1)].passages += term.get_termfreq();
      const std::string dead = kTombstonePrefix;
      for (auto key = db.metadata_keys_begin(dead); key != db.metadata_keys_end(dead); ++key) {
        const std::string tombstone = (*key).substr(dead.size());
        const std::size_t slash = tombstone.find('/');
        const std::size_t last_slash = tombstone.rfind('/');
        if (slash == std::string::npos || last_slash == slash)
          throw std::runtime_error(index_dir + ": unreadable tombstone " + *key);
        const auto passages = std::stoull(tombstone.substr(last_slash + 1));
        digest[tombstone.substr(0, slash)].passages -= passages;
        superseded += passages;
      }
    }
    // A removed file's tombstone leaves it neither record nor passages: as if never indexed.
    std::erase_if(digest, [](const auto& entry) {
      return !entry.second.recorded && entry.second.passages == 0;
    });
    // The stub must open the shards as one database, as a searcher does.
    Xapian::Database whole(index_dir);
    std::size_t total = 0;
    for (const auto& [key, state] : digest) total += state.passages;
    if (whole.get_doccount() != total + superseded)
      throw std::runtime_error(index_dir + ": the stub sees " +
                               std::to_string(whole.get_doccount()) + " passages, the shards " +
                               std::to_string(total) + " and " + std::to_string(superseded) +
                               " superseded");
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(index_dir + ": " + e.get_description());
  }
  return digest;
}

std::vector<std::string> check_shards(const std::string& index_dir) {
  std::vector<std::string> failures;
  const auto shards = shard_dirs(index_dir);
  if (shards.empty()) failures.push_back(index_dir + ": no shard folders");
  for (const fs::path& shard : shards) {
    try {
      const std::size_t errors = Xapian::Database::check(shard.string(), 0, nullptr);
      if (errors != 0)
        failures.push_back(shard.string() + ": Xapian's check found " + std::to_string(errors) +
                           " errors");
    } catch (const Xapian::Error& e) {
      failures.push_back(shard.string() + ": " + e.get_description());
    }
  }
  return failures;
}

std::vector<std::string> unexpected_files(const IndexDigest& actual,
                                          const std::vector<const IndexDigest*>& allowed) {
  auto state_in = [](const IndexDigest& digest, const std::string& key) {
    const auto it = digest.find(key);
    return it == digest.end() ? FileState{} : it->second;
  };
  auto describe = [](const FileState& s) {
    return std::string(s.recorded ? "recorded" : "unrecorded") + " with " +
           std::to_string(s.passages) + " passages";
  };
  // Every file any digest knows of: a file missing from `actual` must be allowed to be absent.
  IndexDigest keys = actual;
  for (const IndexDigest* digest : allowed) keys.insert(digest->begin(), digest->end());

  std::vector<std::string> lines;
  for (const auto& entry : keys) {
    const FileState state = state_in(actual, entry.first);
    bool ok = false;
    std::string wanted;
    for (const IndexDigest* digest : allowed) {
      const FileState expected = state_in(*digest, entry.first);
      ok = ok || state == expected;
      wanted += (wanted.empty() ? "" : " or ") + describe(expected);
    }
    if (!ok)
      lines.push_back("file " + entry.first + " is " + describe(state) + ", expected " + wanted);
  }
  return lines;
}

}  // namespace treatysearch::crash

#include "tombstones.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "schema.h"

namespace treatysearch::core {

namespace {

// The ids in `shard` of `term`'s postings, in increasing order.
std::vector<Xapian::docid> postings_of(const Xapian::Database& shard, const std::string& term) {
  std::vector<Xapian::docid> ids;
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it)
    ids.push_back(*it);
  return ids;
}

// The tombstone a key names, or nullopt when it is not one of ours.
std::optional<Tombstone> parse_key(std::string_view key) {
  const std::string_view prefix = kTombstonePrefix;
  if (!key.starts_with(prefix)) return std::nullopt;
  key.remove_prefix(prefix.size());
  const std::size_t first = key.find('/');
  const std::size_t second = key.rfind('/');
  if (first == std::string_view::npos || first == second) return std::nullopt;
  Tombstone tombstone;
  tombstone.file_key = std::string(key.substr(0, first));
  const std::string live(key.substr(first + 1, second - first - 1));
  const std::string dead(key.substr(second + 1));
  tombstone.live = static_cast<Xapian::docid>(std::strtoul(live.c_str(), nullptr, 10));
  tombstone.dead = std::strtoull(dead.c_str(), nullptr, 10);
  return tombstone;
}

}  // namespace

std::string version_term(std::string_view file_key, Xapian::docid first) {
  return kVersionPrefix + std::string(file_key) + ":" + std::to_string(first);
}

std::string Tombstone::key() const {
  return kTombstonePrefix + file_key + "/" + std::to_string(live) + "/" + std::to_string(dead);
}

Xapian::Query Tombstone::query() const {
  const Xapian::Query file(schema::file_term(file_key));
  if (live == 0) return file;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, file,
                       Xapian::Query(version_term(file_key, live)));
}

std::vector<Tombstone> read_tombstones(const Xapian::Database& shard, Backend backend) {
  std::vector<Tombstone> out;
  visit_metadata_keys(shard, backend, kTombstonePrefix, [&](const std::string& key) {
    if (auto tombstone = parse_key(key)) out.push_back(std::move(*tombstone));
    return true;
  });
  return out;
}

std::optional<Tombstone> read_tombstone(const Xapian::Database& shard, std::string_view file_key) {
  const std::string prefix = kTombstonePrefix + std::string(file_key) + "/";
  auto it = shard.metadata_keys_begin(prefix);
  if (it == shard.metadata_keys_end(prefix)) return std::nullopt;
  return parse_key(*it);
}

std::vector<Xapian::docid> superseded_docids(const Xapian::Database& shard,
                                             const Tombstone& tombstone) {
  std::vector<Xapian::docid> dead = postings_of(shard, schema::file_term(tombstone.file_key));
  if (tombstone.live == 0) return dead;
  const std::vector<Xapian::docid> live =
      postings_of(shard, version_term(tombstone.file_key, tombstone.live));
  std::erase_if(dead,
                [&](Xapian::docid id) { return std::binary_search(live.begin(), live.end(), id); });
  return dead;
}

bool has_term_list(const std::string& shard_dir) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(shard_dir) / "termlist.glass", ec);
}

}  // namespace treatysearch::core

// Checking an index for damage: what `treaty-index --check` runs.
//
//   treatysearch::CheckReport report = treatysearch::check_index("/path/to/index");
//   for (const auto& problem : report.problems) std::cerr << problem << '\n';
//   return report.healthy() ? 0 : 2;
//
// It runs Xapian's own consistency check on every shard's tables, then reads what treatysearch
// stores: the schema and analyzer versions and the shard count, every passage's record and
// position list, every file's record and document information, and whether each file's record
// counts the passages the shard holds for it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "treatysearch/export.h"

namespace treatysearch {

struct CheckReport {
  // One line per problem, naming the shard (or the index) and what is wrong, e.g.
  // "/srv/index/shard2: passage 118: record does not decode". Empty when the index is healthy.
  std::vector<std::string> problems;
  unsigned shards = 0;         // shards listed by the index
  std::uint64_t passages = 0;  // passages whose record and positions were read
  std::uint64_t files = 0;     // file records read
  bool healthy() const { return problems.empty(); }
};

// Checks the index in `index_dir` without changing it (it may be checked while a writer or
// searchers use it; a commit made during the check can show as a problem, so check again).
// Damage is reported in the CheckReport, never thrown. Throws Error kNotFound if there is no
// treatysearch index at `index_dir` (no folder, or a folder without the index's stub file).
// Thread-safe: it shares nothing between calls.
TREATYSEARCH_API CheckReport check_index(const std::string& index_dir);

}  // namespace treatysearch

// Finding one passage by its Hit::id ("<file key>:<ordinal>") or by its citation, for
// Searcher::similar and Searcher::passage.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "passage_record.h"
#include "searcher_snapshot.h"

namespace treatysearch::search {

struct FoundPassage {
  Xapian::docid docid = 0;
  Xapian::Document document;  // its values beyond the record, without fetching it again
  core::PassageRecord record;
};

// The record of a passage's document (of `handle`'s database or of one of its shards). Throws
// Error(kCorrupt), naming the index and the passage, when it cannot be read; Xapian errors.
core::PassageRecord decode_or_throw(IndexHandle& handle, const Xapian::Document& doc,
                                    const std::string& index_dir);

// The file key and ordinal of a Hit::id, or nullopt when `text` is not one.
std::optional<std::pair<std::string, std::uint32_t>> parse_passage_id(std::string_view text);

// The passage of `file_key` with `ordinal`, or nullopt. Throws Error(kCorrupt) for an
// unreadable record.
std::optional<FoundPassage> passage_at(IndexHandle& handle, const std::string& index_dir,
                                       const std::string& file_key, std::uint32_t ordinal);

// The passage `reference` names: a Hit::id, or a citation as Hit::citation prints it (compared
// with spaces collapsed and ASCII case ignored). The pieces of one long passage split at
// indexing share a citation: it names the first piece.
// Throws Error kNotFound when nothing matches, kInvalidArgument when a citation names passages
// of several documents (translations share a symbol; the message lists their ids), kCorrupt.
FoundPassage find_passage(IndexHandle& handle, const std::string& index_dir,
                          const std::string& reference);

}  // namespace treatysearch::search

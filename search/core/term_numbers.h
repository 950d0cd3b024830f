// Each word term's number in one shard: what a version 3 position list (position_list.h) names
// its terms by.
//
// Kept as metadata of the shard: T<term> -> the number (a varint), and kTermCountKey -> how
// many numbers are given (the next one). Numbers are given in the order words are first met by
// the shard's writer, so the frequent words get the small ones (a byte in the lists); they are
// never reused nor changed, so a searcher may remember them for as long as it reads the shard.
// Metadata, not a table of our own, so that a shard stays one Xapian database: served as it is
// by xapian-tcpsrv, compacted and copied by Xapian's tools, committed atomically with the
// passages that use the numbers.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "position_list.h"  // kNoTermNumber
#include "string_index.h"

namespace treatysearch::core {

inline constexpr const char* kTermNumberPrefix = "T";
inline constexpr const char* kTermCountKey = "treatysearch.terms";

// The number of `term` in `shard`, or kNoTermNumber if the shard has none (no passage of it has
// the word, or the shard predates numbering). Throws Xapian errors.
std::uint32_t term_number(const Xapian::Database& shard, const std::string& term);

// The numbers of `terms` in `shard` (kNoTermNumber where it has none), as term_number() gives
// them, remembered for the process by the shard's UUID: a number once given never changes, and
// a rebuilt shard has a new UUID. So a query asks a remote shard (an exchange per term) only
// for the words no query has asked it before. A term without a number is asked again each
// time (an update may give it one). At most kMaxRememberedNumbers are kept, then all are
// forgotten at once. Thread-safe. Throws Xapian errors.
inline constexpr std::size_t kMaxRememberedNumbers = 1u << 18;
std::vector<std::uint32_t> remembered_term_numbers(const Xapian::Database& shard,
                                                   const std::vector<std::string>& terms);

// Gives numbers to new terms in the shard a writer writes. Not thread-safe: the writer's own.
class TermNumbering {
 public:
  // How many numbers the shard has given (the numbers below it are taken). Throws Xapian errors.
  static std::uint32_t numbers_given(const Xapian::Database& db);

  // Reads the count of numbers given. `db` must outlive this. At most `max_remembered` numbers
  // are kept in memory (tests lower it). Throws Xapian errors.
  static constexpr std::size_t kMaxRemembered = 1u << 19;
  explicit TermNumbering(Xapian::WritableDatabase& db, std::size_t max_remembered = kMaxRemembered);

  // The number of `term`, given now (recorded at the writer's next commit) if it has none.
  // Throws Xapian errors; kNoTermNumber when every number is taken (then keep the terms
  // spelled out).
  std::uint32_t number_of(std::string_view term);
  // Writes the count if numbers were given since the last call (before each commit).
  void record_count();

 private:
  Xapian::WritableDatabase& db_;
  std::uint32_t count_ = 0;
  bool count_changed_ = false;
  // Numbers already looked up or given: the next passage mostly repeats the last ones' words.
  // Emptied when it reaches max_remembered_ (numbers are then read back from the metadata,
  // where a writer sees what it has not committed yet), which bounds the writer's memory
  // whatever the vocabulary.
  std::size_t max_remembered_;
  StringIndex known_;                   // the terms
  std::vector<std::uint32_t> numbers_;  // by id in known_
  std::string key_;                     // reused
};

}  // namespace treatysearch::core

// The word positions of one passage, stored as one value of its Xapian document
// (schema::kPositionsSlot) rather than in Xapian's position table.
//
// Why: Xapian 1.4 keeps one position-table entry per (term, passage), built through a map keyed
// by term and passage and then inserted entry by entry into a B-tree. With a document per
// passage that was a quarter of all indexing CPU and half the index. One value per passage is
// appended in docid order instead. A phrase is checked by reading that one value, and only for
// the passages that could enter the results (passage_check.h), as Xapian 1.4 also defers its
// position checks. It leaves room for what Xapian's position table cannot hold: the sentence
// of each position, which the /s and /p connectors will need.
//
// Format (version 1): a version byte; varint term count; then, for each distinct term in byte
// order: varint bytes shared with the previous term, varint length of the rest, the rest, varint
// byte length of the positions, then the positions as varint gaps (the first from 0). Positions
// are 1-based and strictly increasing per term.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// Collects (term, position) pairs of one passage and encodes them. Reusable after clear().
// Not thread-safe; one builder per thread.
class PositionListBuilder {
 public:
  struct TermCount {
    std::string_view term;  // valid until clear()
    std::uint32_t count;    // number of positions
  };

  // `position` must not repeat for the same term; order does not matter.
  void add(std::string_view term, std::uint32_t position);
  bool empty() const { return entries_.empty(); }
  // Encodes the pairs added since the last clear() into *out (replacing its contents).
  void encode(std::string* out);
  // After encode(): each distinct term with its number of positions, in byte order (what a
  // Xapian document needs as terms and wdfs).
  const std::vector<TermCount>& terms() const { return distinct_; }
  void clear();

 private:
  struct Entry {
    std::uint32_t offset;  // into arena_
    std::uint32_t length;
    std::uint32_t position;
  };
  std::string_view term_of(const Entry& e) const { return {arena_.data() + e.offset, e.length}; }

  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> order_;
  std::vector<TermCount> distinct_;
  std::string gaps_;
};

// Reads an encoding term by term, in byte order. A malformed encoding ends the walk with
// ok() false; nothing is read out of bounds.
class PositionListCursor {
 public:
  explicit PositionListCursor(std::string_view encoded);
  // Moves to the next term; false at the end or on malformed bytes.
  bool next();
  const std::string& term() const { return term_; }
  // The current term's positions, appended to *out in increasing order; false if malformed.
  bool positions(std::vector<std::uint32_t>* out) const;
  // The current term's positions, still encoded (varint gaps).
  std::string_view gaps() const { return gaps_; }
  bool ok() const { return ok_; }

 private:
  std::string_view encoded_;
  std::size_t pos_ = 0;
  std::uint64_t remaining_ = 0;
  std::string term_;
  std::string_view gaps_;
  bool ok_ = true;
};

// Every term with its positions (tests and diagnostics); false on malformed bytes.
bool decode_position_list(std::string_view encoded,
                          std::vector<std::pair<std::string, std::vector<std::uint32_t>>>* out);

// The positions of one passage's terms, for checking phrases. assign() decodes the term
// directory (positions are decoded on request). Not thread-safe; reusable across passages.
class PassagePositions {
 public:
  // False (and no terms) if `encoded` is malformed.
  bool assign(std::string encoded);
  bool has(std::string_view term) const;
  // Appends the term's positions to *out (nothing if absent).
  void positions(std::string_view term, std::vector<std::uint32_t>* out) const;

  // True if, for some p, position p + i is among the positions of the terms of groups[i], for
  // every i: the words in sequence. A group lists the terms one word may be (its forms). No
  // groups never match.
  bool in_sequence(const std::vector<std::vector<std::string>>& groups);

 private:
  struct Entry {
    std::uint32_t offset, length;  // of the term in arena_
    std::string_view gaps;         // into the encoded bytes
  };
  std::string_view term_of(const Entry& e) const { return {arena_.data() + e.offset, e.length}; }
  const Entry* find(std::string_view term) const;

  std::string encoded_;  // owned: the entries point into it
  std::string arena_;
  std::vector<Entry> entries_;  // in term order
  std::vector<std::vector<std::uint32_t>> scratch_;
};

}  // namespace treatysearch::core

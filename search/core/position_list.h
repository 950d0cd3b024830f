// The word positions of one passage, stored as one value of its Xapian document
// (schema::kPositionsSlot) rather than in Xapian's position table.
//
// Why: Xapian 1.4 keeps one position-table entry per (term, passage), built through a map keyed
// by term and passage and then inserted entry by entry into a B-tree. With a document per
// passage that was a quarter of all indexing CPU and half the index. One value per passage is
// appended in docid order instead. A phrase is checked by reading that one value, and only for
// the passages that could enter the results (passage_check.h), as Xapian 1.4 also defers its
// position checks. It also holds what Xapian's position table cannot: where each sentence
// starts, for the /s connector.
//
// Format (version 2): a version byte; varint count of sentence starts, then the word positions
// where a sentence other than the first starts, as varint gaps (the first from 1: position 1
// always starts the first sentence); varint term count; then, for each distinct term in byte
// order: varint bytes shared with the previous term, varint length of the rest, the rest, varint
// byte length of the positions, then the positions as varint gaps (the first from 0). Positions
// are 1-based and strictly increasing per term. Version 1 (no sentence starts) is still read,
// as one sentence per passage.
//
// Version 3, what the index writer stores (number_position_list): the terms named by their
// number in the shard (term_numbers.h) instead of spelled out. A version byte 3; the sentence
// starts as in version 2; varint count n of positions; then for each position 1..n, the varint
// number of its term plus one (0: no word term there). Why: in version 2 the spelled-out terms were
// three quarters of every list, and the lists a third of the index (98 of 290 MB per shard of
// the 200 MB benchmark corpus); a word's number is a byte or two, the frequent words' one. The
// analyzer gives each position one term, so a passage is its sequence of numbers, which a check
// scans once for the numbers it wants. Reading one needs the wanted terms' numbers in the
// passage's shard (PassagePositions::assign).
//
// Version 4, a sequence: what the analysis threads hand the index writer, never stored (the
// writer numbers it as version 3, or spells it out as version 2 when it cannot). A version
// byte 4; the sentence starts as in version 2; varint count of distinct terms, then each term
// (varint length, bytes) in the order first met; varint count n of positions; then for each
// position 1..n, the varint index of its term plus one (0: none). Why: it is version 3 with
// the terms in place of their numbers, so the writer numbers each distinct term once and
// rewrites the sequence, where a version 2 list cost a sort by term to make and a decoding of
// every position to number (together a tenth of the indexing CPU).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "string_index.h"

namespace treatysearch::core {

// Collects (term, position) pairs of one passage and encodes them. Reusable after clear().
// Not thread-safe; one builder per thread.
class PositionListBuilder {
 public:
  struct TermCount {
    std::string_view term;  // valid until clear()
    std::uint32_t count;    // number of positions
  };

  // `position` must not repeat for the same term; order does not matter. True if `term` is new
  // since the last clear().
  bool add(std::string_view term, std::uint32_t position);
  // Marks `position` as the first word of a sentence. Positions must increase from call to
  // call; 1 (the first sentence's start) and repeats are ignored.
  void add_sentence_start(std::uint32_t position);
  bool empty() const { return occurrences_.empty(); }
  // Encodes the pairs added since the last clear() into *out (replacing its contents), as
  // version 2.
  void encode(std::string* out);
  // Encodes them as a version 4 sequence instead. False (*out unspecified) when a sequence
  // cannot hold them: two terms at one position, or a position past kMaxNumberedPositions
  // (then encode()).
  bool encode_sequence(std::string* out);
  // After encode() or encode_sequence(): each distinct term with its number of positions (what
  // a Xapian document needs as terms and wdfs), in byte order after encode(), in the order
  // first added after encode_sequence().
  const std::vector<TermCount>& terms() const { return distinct_; }
  void clear();

 private:
  struct Occurrence {
    std::uint32_t term;  // id in terms_
    std::uint32_t position;
  };

  StringIndex terms_;                     // distinct, in the order first added
  std::vector<std::uint32_t> counts_;     // positions added, by term id
  std::vector<Occurrence> occurrences_;   // in the order added
  bool in_order_ = true;                  // positions were added increasing
  std::vector<std::uint32_t> order_;      // encode(): term indexes in byte order
  std::vector<std::uint32_t> first_;      // encode(): where each term's positions end
  std::vector<std::uint32_t> positions_;  // encode(): grouped by term
  std::vector<TermCount> distinct_;
  std::vector<std::uint32_t> sentence_starts_;
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
  // How many leading bytes the current term shares with the previous one (front coding).
  std::size_t shared() const { return shared_; }
  // The current term's positions, appended to *out in increasing order; false if malformed.
  bool positions(std::vector<std::uint32_t>* out) const;
  // The current term's positions, still encoded (varint gaps).
  std::string_view gaps() const { return gaps_; }
  // Appends the word positions where a sentence after the first starts, increasing; false if
  // malformed. None for version 1.
  bool sentence_starts(std::vector<std::uint32_t>* out) const;
  bool ok() const { return ok_; }

 private:
  std::string_view encoded_;
  std::string_view sentence_gaps_;
  std::size_t pos_ = 0;
  std::uint64_t remaining_ = 0;
  std::string term_;
  std::size_t shared_ = 0;
  std::string_view gaps_;
  bool ok_ = true;
};

// Every term of a version 1, 2 or 4 list with its positions, in term order (tests and
// diagnostics); false on malformed bytes, sentence starts included. With `sentence_starts`, also
// those.
bool decode_position_list(std::string_view encoded,
                          std::vector<std::pair<std::string, std::vector<std::uint32_t>>>* out,
                          std::vector<std::uint32_t>* sentence_starts = nullptr);

// No term's number (a term the shard has none for).
inline constexpr std::uint32_t kNoTermNumber = UINT32_MAX;

// True if `encoded` is a version 3 list (its terms numbered, not spelled out).
bool is_numbered_position_list(std::string_view encoded);

// Rewrites a version 1, 2 or 4 list as version 3, each term numbered by `number_of`. False, with
// *out unspecified, if `spelled` does not decode, or puts two terms at one position, or reaches
// past kMaxNumberedPositions, or `number_of` gives kNoTermNumber: then keep a version 1 or 2
// list as it is (every stored version is read), and spell a version 4 one out
// (spell_position_list).
inline constexpr std::uint32_t kMaxNumberedPositions = 1u << 24;
bool number_position_list(std::string_view spelled,
                          const std::function<std::uint32_t(std::string_view)>& number_of,
                          std::string* out);

// True if `encoded` is a version 4 sequence (encode_sequence()).
bool is_position_sequence(std::string_view encoded);
// Rewrites a version 4 sequence as version 2. False (*out unspecified) if it does not decode.
bool spell_position_list(std::string_view sequence, std::string* out);

// Every numbered term of a version 3 list with its positions, by increasing number (tests and
// diagnostics); false on malformed bytes. With `sentence_starts`, also those.
bool decode_numbered_position_list(
    std::string_view encoded,
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>* out,
    std::vector<std::uint32_t>* sentence_starts = nullptr);

// The words one occurrence of a word or phrase covers: positions first..last.
struct WordSpan {
  std::uint32_t first = 0, last = 0;
  bool operator==(const WordSpan&) const = default;
};

// The positions of one passage's terms, for checking phrases. assign() decodes the term
// directory (positions are decoded on request). Not thread-safe; reusable across passages.
class PassagePositions {
 public:
  // False (and no terms) if `encoded` is malformed. With `wanted` (sorted, unique; must
  // outlive the next assign), only those terms are looked up in the directory, and its walk
  // stops after the last of them: has() and positions() then know only the wanted terms.
  // A version 3 list is read only with `wanted` and `numbers`: each wanted term's number in
  // the passage's shard (same order; kNoTermNumber where the shard has none); else it is
  // refused.
  bool assign(std::string encoded, const std::vector<std::string>* wanted = nullptr,
              const std::vector<std::uint32_t>* numbers = nullptr);
  bool has(std::string_view term) const;
  // Appends the term's positions to *out (nothing if absent).
  void positions(std::string_view term, std::vector<std::uint32_t>* out) const;

  // True if, for some p, position p + i is among the positions of the terms of groups[i], for
  // every i: the words in sequence. A group lists the terms one word may be (its forms). No
  // groups never match.
  bool in_sequence(const std::vector<std::vector<std::string>>& groups);

  // A phrase's groups as sets of the `wanted` terms a version 3 list is assigned with (bit i:
  // wanted[i]), made once for all the passages a check reads. Empty when a group names a term
  // past the 64th wanted one: then in_sequence(groups) serves.
  using WantedSequence = std::vector<std::uint64_t>;
  static WantedSequence wanted_sequence(const std::vector<std::string>& wanted,
                                        const std::vector<std::vector<std::string>>& groups);
  // True if the assigned list is version 3 (read with wanted terms).
  bool numbered() const { return wanted_ != nullptr; }
  // True if reading a version 3 list's positions met malformed bytes. Its positions are read
  // as far as the questions asked needed (a phrase found early stops the reading), so a list
  // whose end is malformed may pass: what was read of it was well formed.
  bool malformed() const { return numbers_bad_; }
  // in_sequence(groups) for a version 3 list assigned with the `wanted` that `sequence` was
  // made from (numbered(), and `sequence` not empty): one scan of the positions, stopped at the
  // first occurrence, instead of gathering and sorting each group's positions.
  bool in_sequence(const WantedSequence& sequence) const;

  // Appends to *out every occurrence of the sequence `groups` (as in_sequence), its span from
  // its first word to its last, by increasing first position.
  void occurrences(const std::vector<std::vector<std::string>>& groups, std::vector<WordSpan>* out);

  // The first and last word positions of the sentence holding `position`: the passage when it
  // has no sentence starts (the last of the last sentence is UINT32_MAX).
  std::uint32_t sentence_first(std::uint32_t position) const;
  std::uint32_t sentence_last(std::uint32_t position) const;

 private:
  // Fills scratch_ with the positions of each group; false if some group has none.
  bool gather(const std::vector<std::vector<std::string>>& groups);

  struct Entry {
    std::uint32_t offset, length;  // of the term in arena_
    std::string_view gaps;         // into the encoded bytes
  };
  std::string_view term_of(const Entry& e) const { return {arena_.data() + e.offset, e.length}; }
  const Entry* find(std::string_view term) const;
  // Version 3: the positions of a wanted term, or null if it is not wanted.
  const std::vector<std::uint32_t>* numbered_positions(std::string_view term) const;

  // A version 3 list: the positions of each wanted term (in the order of *wanted_).
  bool assign_numbered(const std::vector<std::string>& wanted,
                       const std::vector<std::uint32_t>& numbers);

  std::string encoded_;  // owned: the entries point into it
  std::string arena_;
  std::vector<Entry> entries_;  // in term order
  // Version 3 (set only then): the wanted terms, and which of them each position holds
  // (kNotWanted: none), up to the last one held (entries_ stay empty). Each wanted term's
  // positions are gathered from it when first asked for (has(), positions()).
  // The positions' numbers are read lazily (read_numbers: up to position `upto`, false once
  // malformed bytes are met), so they are mutable.
  static constexpr std::uint32_t kNotWanted = UINT32_MAX;
  const std::vector<std::string>* wanted_ = nullptr;
  bool read_numbers(std::uint32_t upto) const;
  mutable std::vector<std::uint32_t> wanted_at_;
  std::uint32_t positions_total_ = 0;
  mutable std::uint32_t positions_read_ = 0;
  mutable std::size_t numbers_at_ = 0;  // the next number's byte in encoded_
  mutable bool numbers_bad_ = false;
  mutable std::vector<std::vector<std::uint32_t>> wanted_positions_;
  mutable bool wanted_positions_made_ = false;
  // Version 3: which wanted term a number is, for the numbers `table_numbers_` gives (of
  // table_wanted_ terms): numbers below kMaxTabledNumber by a table (kNone: not wanted),
  // larger ones as sorted pairs.
  static constexpr std::uint32_t kMaxTabledNumber = 1u << 16;
  static constexpr std::uint16_t kNone = UINT16_MAX;
  std::vector<std::uint32_t> table_numbers_;
  std::size_t table_wanted_ = 0;  // how many terms were wanted when the table was made
  std::vector<std::uint16_t> wanted_by_number_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> number_to_wanted_;  // sorted by number
  std::vector<std::uint32_t> sentence_starts_;                             // increasing, all > 1
  std::vector<std::vector<std::uint32_t>> scratch_;
};

}  // namespace treatysearch::core

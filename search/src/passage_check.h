// What a query means exactly, checked passage by passage: the part of matching that Xapian's
// postings cannot decide because the index keeps positions in its own lists
// (position_list.h), not in Xapian's position table.
//
// The query compiler gives Xapian a query that finds a superset of the matches (a phrase becomes
// the AND of its words, which also ranks it as Xapian's OP_PHRASE would) and, when the query has
// a phrase, a Predicate for the exact meaning. PassageCheck applies the predicate to the
// candidates Xapian ranks, in rank order, until a page is full (shard_match.h: checked_mset), so
// a common phrase costs a check per passage that could be shown rather than one per passage
// with all its words. It runs in the searching process, not in Xapian (no MatchDecider), so that
// shards served by a stock xapian-tcpsrv are checked exactly as local ones.
//
// The connectors (w/N, pre/N, /s) are predicates too: Xapian matches the AND of their operands,
// and the check finds each operand's occurrences (a word: its position; a phrase: its first to
// last word) in the position list and compares them.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "position_list.h"
#include "schema.h"

namespace treatysearch::search {

// A connector width that any distance within the passage satisfies (+p: before it in the same
// paragraph).
inline constexpr std::uint32_t kAnyDistance = UINT32_MAX;

// The terms one word position may be (a word's forms, a truncation's expansions).
using TermGroup = std::vector<std::string>;
// A word (one group) or a phrase (a group per word), occupying consecutive positions.
using WordSequence = std::vector<TermGroup>;
// An operand of a connector: any of these sequences ("(police OR "armed forces")").
using Operand = std::vector<WordSequence>;

struct Predicate {
  enum class Kind {
    kTerms,               // any of `terms` occurs in the passage
    kSequence,            // the words of `groups` occur in sequence (a phrase)
    kAll,                 // every child holds (none: true)
    kAny,                 // some child holds
    kNot,                 // the one child does not hold
    kNear,                // w/N: occurrences of both operands, N words apart at most, either order
    kPrecedes,            // pre/N: the left operand's occurrence ends before the right's starts,
                          // at most N words before it
    kSameSentence,        // /s: occurrences of both operands in one sentence
    kPrecedesInSentence,  // +s: the left operand's occurrence ends before the right's starts,
                          // in one sentence
  };
  Kind kind = Kind::kAll;
  std::vector<std::string> terms;  // kTerms
  bool positional = true;          // kTerms: the terms are word terms, found in the position list
  // kTerms: spellings (#word) the postings cannot tell apart, since a word is posted under its
  // folded form whatever its spelling (schema.h): checked in the position list, as a phrase is.
  bool spelling = false;
  WordSequence groups;  // kSequence: the forms of each word
  // kSequence: each word's folded form (Token::surface), where the query compiler knows it
  // (a phrase of typed words; not a truncation's expansions): what a passage's pair signature
  // is made of (pair_signature.h). Empty, or an empty entry: not known.
  std::vector<std::string> surfaces;
  std::vector<Predicate> children;
  // kNear, kPrecedes, kSameSentence, kPrecedesInSentence: the two operands and the width.
  // Occurrences that share a word never satisfy a connector ("police w/3 police" needs the word
  // twice). Distance is counted from the last word of the first occurrence to the first word of the
  // second: 1 for adjacent words.
  std::vector<Operand> operands;
  std::uint32_t width = 0;

  static Predicate any_term(std::vector<std::string> terms, bool positional, bool spelling = false);
  static Predicate sequence(std::vector<std::vector<std::string>> groups,
                            std::vector<std::string> surfaces = {});
  static Predicate connector(Kind kind, Operand left, Operand right, std::uint32_t width = 0);
  static Predicate combine(Kind kind, std::vector<Predicate> children);
  static Predicate negate(Predicate child);

  // True if some kSequence, connector or spelling is in the tree: only then does a query need
  // checking.
  bool needs_positions() const;
  // For tests and debugging: SEQ(a|b c), ALL(...), ANY(...), NOT(...), TERMS(a b),
  // NEAR/3(a ; b|c d), PRE/3(...), SENT(...) (alternatives of an operand joined by ", ").
  std::string describe() const;
};

// The passage a check reads: a Document the caller already has, or a document id of a shard,
// opened only if the check needs more than the value streams it reads in order give (its term
// list, or a value out of order). Opening costs an allocation, which a facet count over a
// quarter of a million candidates would pay for each. Refers to what it is given, which must
// outlive it.
class CandidateDocument {
 public:
  explicit CandidateDocument(const Xapian::Document& doc) : given_(&doc) {}
  CandidateDocument(const Xapian::Database& shard, Xapian::docid id) : shard_(&shard), id_(id) {}
  const Xapian::Document& get() const {
    if (given_) return *given_;
    if (!opened_) opened_ = shard_->get_document(id_, Xapian::DOC_ASSUME_VALID);
    return *opened_;
  }

 private:
  const Xapian::Document* given_ = nullptr;
  const Xapian::Database* shard_ = nullptr;
  Xapian::docid id_ = 0;
  mutable std::optional<Xapian::Document> opened_;
};

// Accepts the passages where `must` holds and, if given, `must_not` does not. Not thread-safe
// (one thread at a time); refers to the predicates, which must outlive it.
class PassageCheck {
 public:
  PassageCheck(const Predicate& must, const Predicate* must_not = nullptr);
  // Where the passages checked come from, which a numbered position list needs (position_list.h,
  // version 3: its terms are numbers of the shard): one shard, the documents of its own
  // database, or the shards of the database that combines them (whose document ids interleave
  // theirs). The shards must outlive the check. Each shard's numbers of the wanted terms are
  // looked up once, at its first numbered list (remembered for the process: remotely, an
  // exchange per term the shard was never asked for; term_numbers.h). Unbound, a
  // check refuses numbered lists.
  void on_shard(const Xapian::Database& shard);
  void on_shards(const std::vector<Xapian::Database>& shards);
  // Whether the check accepts a candidate: `id` is its id in the database the match ran on (the
  // MSet's; a document of a combined database knows only its id in its shard). The first form
  // serves a document of one shard's own database. Throw Xapian errors (reading the passage,
  // or a shard's numbers).
  bool accepts(const CandidateDocument& doc, Xapian::docid id) const;
  bool accepts(const Xapian::Document& doc, Xapian::docid id) const {
    return accepts(CandidateDocument(doc), id);
  }
  bool accepts(const Xapian::Document& doc) const { return accepts(doc, doc.get_docid()); }

  // Passages of `shard` (a local one: a remote value stream would send every value) checked in
  // increasing document id order then read their position lists from one value stream, which
  // stays on a block while a lookup per passage reads it again: most of a phrase's facet
  // counting was the kernel's pread. Out of order, a passage is looked up as before.
  void read_in_order_from(const Xapian::Database& shard);
  bool reads_in_order() const { return positions_in_.streaming; }

 private:
  bool holds(const Predicate& p, const CandidateDocument& doc) const;
  bool has_unpositioned(const std::string& term, const CandidateDocument& doc) const;
  bool connected(const Predicate& p) const;
  void find(const Operand& operand, std::vector<core::WordSpan>* out) const;

  // The wanted terms' numbers in shards_[k] (looked up at the first numbered list of shard k).
  const std::vector<std::uint32_t>& numbers_in(std::size_t k) const;

  const Predicate& must_;
  const Predicate* must_not_;
  std::vector<const Xapian::Database*> shards_;
  bool combined_ = false;  // candidates' ids are those of the database combining shards_
  mutable std::vector<std::optional<std::vector<std::uint32_t>>> numbers_;
  // Every word term the predicates ask the position list about, sorted: a passage's list is
  // read only as far as these (PassagePositions::assign).
  std::vector<std::string> wanted_;
  mutable core::PassagePositions positions_;
  // The pairs of consecutive words `must_` cannot hold without (pair_signature.h's hashes).
  std::vector<std::uint64_t> pairs_needed_;
  // Each phrase of the predicates (kSequence) as the wanted terms its words may be, for the
  // scan of a version 3 list (PassagePositions::in_sequence); made once per check.
  std::vector<std::pair<const Predicate*, core::PassagePositions::WantedSequence>> sequences_;
  void add_sequences(const Predicate& p);
  // Null when the phrase has no usable WantedSequence.
  const core::PassagePositions::WantedSequence* wanted_sequence_of(const Predicate& p) const;
  bool may_hold_pairs(std::string_view signature) const;

  // One value slot of the passages checked, read from a value stream while their ids increase
  // (read_in_order_from), else from each passage.
  struct SlotReader {
    explicit SlotReader(Xapian::valueno read) : slot(read) {}
    Xapian::valueno slot;
    bool streaming = false;
    Xapian::ValueIterator it, end;
    Xapian::docid at = 0;  // the last document id the stream was moved to
    std::string read(const CandidateDocument& doc, Xapian::docid id);
  };
  mutable SlotReader positions_in_{core::schema::kPositionsSlot};
  mutable SlotReader signatures_in_{core::schema::kPairSignatureSlot};
  mutable std::vector<core::WordSpan> left_, right_;  // reused: no allocation per passage

  // The posting lists of the unpositioned terms asked about, per shard and term, moved forward
  // as the candidates' ids increase (reopened when one goes back).
  struct PostingCursor {
    Xapian::PostingIterator it, end;
    Xapian::docid asked = 0;  // the last id looked for
  };
  mutable std::map<std::pair<std::size_t, std::string>, PostingCursor> postings_;
  mutable Xapian::docid candidate_ = 0;  // the id accepts() was given
};

}  // namespace treatysearch::search

// What a query means exactly, checked passage by passage: the part of matching that Xapian's
// postings cannot decide because the index keeps positions in its own lists
// (position_list.h), not in Xapian's position table.
//
// The query compiler gives Xapian a query that finds a superset of the matches (a phrase becomes
// the AND of its words, which also ranks it as Xapian's OP_PHRASE would) and, when the query has
// a phrase, a Predicate for the exact meaning. PassageCheck, a Xapian::MatchDecider, applies the
// predicate. Xapian 1.4 consults a match decider only for a passage whose weight could still
// enter the requested page, after the weight check, so a common phrase costs a check per
// passage that could be shown rather than one per passage with all its words. Xapian scales its
// match-count estimate by the share of checked passages accepted.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "position_list.h"

namespace treatysearch::search {

struct Predicate {
  enum class Kind {
    kTerms,     // any of `terms` occurs in the passage
    kSequence,  // the words of `groups` occur in sequence (a phrase)
    kAll,       // every child holds (none: true)
    kAny,       // some child holds
    kNot,       // the one child does not hold
  };
  Kind kind = Kind::kAll;
  std::vector<std::string> terms;  // kTerms
  bool positional = true;          // kTerms: the terms are word terms, found in the position list
  std::vector<std::vector<std::string>> groups;  // kSequence: the forms of each word
  std::vector<Predicate> children;

  static Predicate any_term(std::vector<std::string> terms, bool positional);
  static Predicate sequence(std::vector<std::vector<std::string>> groups);
  static Predicate combine(Kind kind, std::vector<Predicate> children);
  static Predicate negate(Predicate child);

  // True if some kSequence is in the tree: only then does a query need checking.
  bool needs_positions() const;
  // For tests and debugging: SEQ(a|b c), ALL(...), ANY(...), NOT(...), TERMS(a b).
  std::string describe() const;
};

// Accepts the passages where `must` holds and, if given, `must_not` does not. Not thread-safe
// (one per Enquire::get_mset call at a time); refers to the predicates, which must outlive it.
class PassageCheck : public Xapian::MatchDecider {
 public:
  explicit PassageCheck(const Predicate& must, const Predicate* must_not = nullptr)
      : must_(must), must_not_(must_not) {}
  bool operator()(const Xapian::Document& doc) const override;

 private:
  bool holds(const Predicate& p, const Xapian::Document& doc) const;
  bool has_unpositioned(const std::string& term, const Xapian::Document& doc) const;

  const Predicate& must_;
  const Predicate* must_not_;
  mutable core::PassagePositions positions_;
};

}  // namespace treatysearch::search

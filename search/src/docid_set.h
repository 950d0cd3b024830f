// The documents of one local shard that a query matches, as a set of document ids, computed
// from the query's posting lists without Xapian's matcher. For counting (facets), where every
// match is visited and none is ranked.
//
// Why: Xapian 1.4's matcher hands each candidate to a MatchDecider as a Xapian::Document it
// creates, through its weighting machinery even under BoolWeight; counting the facets of a word
// that a quarter of a million passages hold spent most of its time there, not in reading
// postings. A set of ids, one bit per document of the shard, evaluates AND, OR and NOT as
// whole-word operations on bits after one pass over each posting list (a rare term ANDed with
// common ones is probed for with skip_to instead of read whole).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace treatysearch::search {

// A set of document ids 1..last of one database. A value type; not thread-safe to modify.
class DocidSet {
 public:
  explicit DocidSet(Xapian::docid last = 0);

  Xapian::docid last() const { return last_; }
  // Ids above last() are never in the set (inserting one is ignored).
  void insert(Xapian::docid id) {
    if (id <= last_) words_[id >> 6] |= std::uint64_t{1} << (id & 63);
  }
  void erase(Xapian::docid id) {
    if (id <= last_) words_[id >> 6] &= ~(std::uint64_t{1} << (id & 63));
  }
  bool contains(Xapian::docid id) const {
    return id <= last_ && (words_[id >> 6] >> (id & 63) & 1) != 0;
  }
  std::size_t size() const;
  bool empty() const;

  // In place, against a set of the same database (the same last()).
  void intersect(const DocidSet& other);
  void unite(const DocidSet& other);
  void subtract(const DocidSet& other);
  void symmetric_difference(const DocidSet& other);

  // Calls f(id) for each id of the set, in increasing order. f must not modify the set.
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w)
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
        f(static_cast<Xapian::docid>((w << 6) | static_cast<std::size_t>(__builtin_ctzll(bits))));
  }

 private:
  Xapian::docid last_;
  std::vector<std::uint64_t> words_;  // bit id % 64 of words_[id / 64]
};

// Every document of `shard` (a local database: a remote one would send every posting) that
// `query` matches, as Xapian's matcher would under BoolWeight: weights, scale factors and
// OP_AND_MAYBE's optional side change nothing. Terms, MatchAll, MatchNothing and the boolean
// operators (AND, FILTER, OR, SYNONYM, MAX, AND_NOT, XOR, AND_MAYBE, SCALE_WEIGHT) are read from
// postings here; any other subquery (value ranges, wildcards, ELITE_SET, NEAR, PHRASE, posting
// sources) is matched by Xapian alone and joined in. Throws Xapian errors.
DocidSet matching_documents(const Xapian::Database& shard, const Xapian::Query& query);

}  // namespace treatysearch::search

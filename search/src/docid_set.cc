#include "docid_set.h"

#include <algorithm>
#include <string>
#include <utility>

namespace treatysearch::search {

DocidSet::DocidSet(Xapian::docid last) : last_(last), words_((std::size_t{last} >> 6) + 1, 0) {}

std::size_t DocidSet::size() const {
  std::size_t n = 0;
  for (const std::uint64_t word : words_) n += static_cast<std::size_t>(__builtin_popcountll(word));
  return n;
}

bool DocidSet::empty() const {
  return std::all_of(words_.begin(), words_.end(), [](std::uint64_t word) { return word == 0; });
}

void DocidSet::intersect(const DocidSet& other) {
  for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= other.words_[w];
}

void DocidSet::unite(const DocidSet& other) {
  for (std::size_t w = 0; w < words_.size(); ++w) words_[w] |= other.words_[w];
}

void DocidSet::subtract(const DocidSet& other) {
  for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= ~other.words_[w];
}

void DocidSet::symmetric_difference(const DocidSet& other) {
  for (std::size_t w = 0; w < words_.size(); ++w) words_[w] ^= other.words_[w];
}

namespace {

using Query = Xapian::Query;

// A term ANDed with a set this many times smaller than its posting list is probed for with
// skip_to at each id of the set instead of being read whole (a skip costs about a chunk's
// decoding; reading a posting, a few nanoseconds).
constexpr std::size_t kProbeRatio = 16;

// Xapian's matcher over one subquery, each candidate put into the set (the decider keeps none
// for a result set).
class Collector : public Xapian::MatchDecider {
 public:
  explicit Collector(DocidSet* set) : set_(set) {}
  bool operator()(const Xapian::Document& doc) const override {
    set_->insert(doc.get_docid());
    return false;
  }

 private:
  DocidSet* set_;
};

class Evaluator {
 public:
  explicit Evaluator(const Xapian::Database& db) : db_(db), last_(db.get_lastdocid()) {}

  DocidSet evaluate(const Query& query) {
    switch (query.get_type()) {
      case Query::LEAF_TERM: {
        DocidSet set(last_);
        add_postings(term_of(query), &set);
        return set;
      }
      case Query::LEAF_MATCH_ALL: {
        DocidSet set(last_);
        add_postings(std::string(), &set);  // the empty term: every document
        return set;
      }
      case Query::LEAF_MATCH_NOTHING:
        return DocidSet(last_);
      case Query::OP_AND:
      case Query::OP_FILTER:
        return all_of(query);
      case Query::OP_OR:
      case Query::OP_SYNONYM:
      case Query::OP_MAX:
        return any_of(query);
      case Query::OP_AND_NOT:
        return first_but_not_rest(query);
      case Query::OP_XOR: {
        DocidSet set(last_);
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
          set.symmetric_difference(evaluate(query.get_subquery(i)));
        return set;
      }
      case Query::OP_AND_MAYBE:     // the optional side only adds weight
      case Query::OP_SCALE_WEIGHT:  // a factor on the weight
        return evaluate(query.get_subquery(0));
      default:
        return by_xapian(query);
    }
  }

 private:
  static std::string term_of(const Query& leaf) { return *leaf.get_terms_begin(); }

  template <typename F>
  void for_each_posting(const std::string& term, F&& f) const {
    for (auto it = db_.postlist_begin(term), end = db_.postlist_end(term); it != end; ++it) f(*it);
  }
  void add_postings(const std::string& term, DocidSet* set) const {
    for_each_posting(term, [set](Xapian::docid id) { set->insert(id); });
  }
  void remove_postings(const std::string& term, DocidSet* set) const {
    for_each_posting(term, [set](Xapian::docid id) { set->erase(id); });
  }

  // Keeps the ids of `set` that `term` is posted for, skipping to each along its list.
  void keep_posted(const std::string& term, DocidSet* set) const {
    Xapian::PostingIterator it = db_.postlist_begin(term);
    const Xapian::PostingIterator end = db_.postlist_end(term);
    std::vector<Xapian::docid> unposted;
    set->for_each([&](Xapian::docid id) {
      if (it != end && *it < id) it.skip_to(id);
      if (it == end || *it != id) unposted.push_back(id);
    });
    for (const Xapian::docid id : unposted) set->erase(id);
  }

  // What a subquery of an AND costs to read whole: a term its posting list; anything else, the
  // whole database (read last, once the set is as small as the terms make it).
  Xapian::doccount cost(const Query& query) const {
    switch (query.get_type()) {
      case Query::LEAF_TERM:
        return db_.get_termfreq(term_of(query));
      case Query::LEAF_MATCH_NOTHING:
        return 0;
      default:
        return db_.get_doccount() + 1;
    }
  }

  // The conjuncts of an AND (or FILTER), those of the ANDs inside it included: a phrase's words
  // filtered by its pairs (pair_terms.h) are one AND of terms, whose rarest term comes first.
  // MatchAll changes nothing beside another conjunct; scale factors and AND_MAYBE's optional
  // side change no match.
  static void add_conjuncts(const Query& query, std::vector<Query>* out) {
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      Query part = query.get_subquery(i);
      while (part.get_type() == Query::OP_SCALE_WEIGHT || part.get_type() == Query::OP_AND_MAYBE)
        part = part.get_subquery(0);
      if (part.get_type() == Query::OP_AND || part.get_type() == Query::OP_FILTER)
        add_conjuncts(part, out);
      else if (part.get_type() != Query::LEAF_MATCH_ALL)
        out->push_back(std::move(part));
    }
  }

  DocidSet all_of(const Query& query) {
    std::vector<Query> conjuncts;
    add_conjuncts(query, &conjuncts);
    // Nothing but MatchAll: every document.
    if (conjuncts.empty()) return evaluate(Query(std::string()));  // not the shared MatchAll
    std::vector<std::pair<Xapian::doccount, Query>> parts;
    for (Query& part : conjuncts) parts.emplace_back(cost(part), std::move(part));
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    DocidSet set = evaluate(parts.front().second);
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const auto& [part_cost, part] = parts[i];
      if (set.empty()) break;
      if (part.get_type() == Query::LEAF_TERM && set.size() * kProbeRatio < part_cost)
        keep_posted(term_of(part), &set);
      else
        set.intersect(evaluate(part));
    }
    return set;
  }

  DocidSet any_of(const Query& query) {
    DocidSet set(last_);
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      const Query part = query.get_subquery(i);
      if (part.get_type() == Query::LEAF_TERM)
        add_postings(term_of(part), &set);
      else
        set.unite(evaluate(part));
    }
    return set;
  }

  DocidSet first_but_not_rest(const Query& query) {
    DocidSet set = evaluate(query.get_subquery(0));
    for (std::size_t i = 1; i < query.get_num_subqueries() && !set.empty(); ++i) {
      const Query part = query.get_subquery(i);
      if (part.get_type() == Query::LEAF_TERM)
        remove_postings(term_of(part), &set);
      else
        set.subtract(evaluate(part));
    }
    return set;
  }

  DocidSet by_xapian(const Query& query) const {
    DocidSet set(last_);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Collector collector(&set);
    // Xapian asks the decider about every candidate when check_at_least covers the whole match.
    enquire.get_mset(0, 0, db_.get_doccount(), nullptr, &collector);
    return set;
  }

  const Xapian::Database& db_;
  const Xapian::docid last_;
};

}  // namespace

DocidSet matching_documents(const Xapian::Database& shard, const Xapian::Query& query) {
  return Evaluator(shard).evaluate(query);
}

}  // namespace treatysearch::search

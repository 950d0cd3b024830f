// Precedent search's scores, added up word by word over a local shard's postings, and a
// PostingSource that hands Xapian a list of passages (with or without scores).
//
// Why: similar() asks for the passages most like one passage: a weighted OR of its most telling
// words (searcher_similar.cc). Xapian 1.4 matches an OR a passage at a time through a tree of
// all its words, and cannot skip any: its bound on a word's weight is the index's largest wdf,
// so every passage holding any word goes through the whole tree. On the 200 MB benchmark
// corpus that was 16 ms a passage (median of 90; p95 26). Adding each word's postings into an
// array of scores (term at a time, as PISA and Lucene's old BooleanScorer do) costs only the
// reading of the postings; Xapian then ranks those scores under the filters and tiers like any
// query, skipping passages below the page's lowest score (PostingSource::next's min_wt).
//
// The scores only choose which passages Xapian weighs: the page itself comes from Xapian's own
// OR over them (like_matcher.h), so a local index answers to the last bit as a remote one,
// whose stock xapian-tcpsrv runs nothing of ours.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace treatysearch::search {

// One word of a similarity query: its forms (a synonym group) and the factor its wdf is
// weighed by (ranking.h: ranking_weight() inside OP_SCALE_WEIGHT).
struct WeighedWord {
  std::vector<std::string> forms;
  double scale = 0;
};

// The similarity query of `words`: OP_OR, in their order, of OP_SCALE_WEIGHT(OP_SYNONYM(forms),
// scale). What ShardScores::add_up adds up.
Xapian::Query similarity_query(const std::vector<WeighedWord>& words);

// The passages of one shard holding some word, by increasing document id, with their scores.
// Immutable once made: shared by the threads and queries of one similar() call.
struct ShardScores {
  std::vector<Xapian::docid> docids;
  std::vector<double> scores;  // of docids[i]; empty: the passages are only listed
  double max_score = 0;

  // Each passage's score is the sum, over the words it holds, of its forms' wdfs times the
  // word's scale: what Xapian gives similarity_query(words) under ranking_weight() (which is
  // linear in the wdf), but for the order the products are added in (so equal up to
  // rounding).
  // Throws Xapian errors.
  static std::shared_ptr<const ShardScores> add_up(const Xapian::Database& shard,
                                                   const std::vector<WeighedWord>& words);
  // A list of passages (`docids` increasing), each of weight 0.
  static std::shared_ptr<const ShardScores> listing(std::vector<Xapian::docid> docids);
};

// The passages of `scores` as a Xapian posting list, weighed by their scores (0 when only
// listed). Valid for the shard the scores were made from, in one Enquire (one thread) at a time;
// clone() shares the scores. Not serialisable: for local shards only.
class ListedPassages : public Xapian::PostingSource {
 public:
  explicit ListedPassages(std::shared_ptr<const ShardScores> scores);

  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  double get_weight() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_ >= scores_->docids.size(); }
  Xapian::docid get_docid() const override { return scores_->docids[at_]; }
  ListedPassages* clone() const override { return new ListedPassages(scores_); }
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(scores_->docids.size()); }
  // Moves past the passages scored below `min_wt`, which Xapian says cannot reach the page.
  void skip_below(double min_wt);

  std::shared_ptr<const ShardScores> scores_;
  std::size_t at_ = 0;
  bool started_ = false;
};

}  // namespace treatysearch::search

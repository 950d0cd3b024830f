#include "similarity_scores.h"

#include <algorithm>

namespace treatysearch::search {

Xapian::Query similarity_query(const std::vector<WeighedWord>& words) {
  std::vector<Xapian::Query> terms;
  for (const WeighedWord& word : words)
    terms.emplace_back(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query(Xapian::Query::OP_SYNONYM, word.forms.begin(), word.forms.end()), word.scale);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::shared_ptr<const ShardScores> ShardScores::add_up(const Xapian::Database& shard,
                                                       const std::vector<WeighedWord>& words) {
  const std::size_t size = static_cast<std::size_t>(shard.get_lastdocid()) + 1;
  // An array of a score per passage of the shard, kept by each thread from call to call and
  // left all zero: allocated anew, its pages cost the kernel as much as the adding.
  thread_local std::vector<double> score_of;
  if (score_of.size() < size) score_of.resize(size, 0.0);
  // A plain pointer: in a shared library, each use of a thread_local looks its block up.
  double* const scores_at = score_of.data();
  // Each form's wdfs weighed on their own: OP_SYNONYM sums a word's forms' wdfs first, but the
  // weight is linear in the wdf (ranking_weight()), so only the rounding differs, and a second
  // array and pass per word would cost more than they decide.
  for (const WeighedWord& word : words)
    for (const std::string& form : word.forms)
      for (auto it = shard.postlist_begin(form); it != shard.postlist_end(form); ++it)
        if (*it < size) scores_at[*it] += static_cast<double>(it.get_wdf()) * word.scale;
  // The scored passages, gathered without a branch per passage (whether one holds a word is a
  // coin toss the branch predictor loses: a third of this function's time went there) into
  // buffers kept like the array above, then copied out at their size.
  thread_local std::vector<Xapian::docid> docid_buffer;
  thread_local std::vector<double> score_buffer;
  if (docid_buffer.size() < size) {
    docid_buffer.resize(size);
    score_buffer.resize(size);
  }
  Xapian::docid* const docids_out = docid_buffer.data();
  double* const scores_out = score_buffer.data();
  std::size_t kept = 0;
  double max_score = 0;
  for (std::size_t docid = 1; docid < size; ++docid) {
    const double score = scores_at[docid];
    scores_at[docid] = 0;
    docids_out[kept] = static_cast<Xapian::docid>(docid);
    scores_out[kept] = score;
    kept += score > 0 ? 1 : 0;
    max_score = std::max(max_score, score);
  }
  auto scores = std::make_shared<ShardScores>();
  scores->docids.assign(docids_out, docids_out + kept);
  scores->scores.assign(scores_out, scores_out + kept);
  scores->max_score = max_score;
  return scores;
}

std::shared_ptr<const ShardScores> ShardScores::listing(std::vector<Xapian::docid> docids) {
  auto scores = std::make_shared<ShardScores>();
  scores->docids = std::move(docids);
  return scores;
}

ListedPassages::ListedPassages(std::shared_ptr<const ShardScores> scores)
    : scores_(std::move(scores)) {}

void ListedPassages::init(const Xapian::Database&) {
  at_ = 0;
  started_ = false;
  set_maxweight(scores_->max_score);
}

double ListedPassages::get_weight() const {
  return scores_->scores.empty() ? 0.0 : scores_->scores[at_];
}

void ListedPassages::skip_below(double min_wt) {
  if (scores_->scores.empty() || min_wt <= 0) return;
  const std::size_t end = scores_->docids.size();
  while (at_ < end && scores_->scores[at_] < min_wt) ++at_;
}

void ListedPassages::next(double min_wt) {
  if (started_) ++at_;
  started_ = true;
  skip_below(min_wt);
}

void ListedPassages::skip_to(Xapian::docid did, double min_wt) {
  started_ = true;
  const auto& docids = scores_->docids;
  if (at_ < docids.size() && docids[at_] < did)
    at_ = static_cast<std::size_t>(
        std::lower_bound(docids.begin() + static_cast<std::ptrdiff_t>(at_), docids.end(), did) -
        docids.begin());
  skip_below(min_wt);
}

std::string ListedPassages::get_description() const {
  return "ListedPassages(" + std::to_string(scores_->docids.size()) +
         (scores_->scores.empty() ? " passages)" : " scored passages)");
}

}  // namespace treatysearch::search

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
  // Arrays of a score and a wdf per passage of the shard, kept by each thread from call to
  // call and left all zero: allocated anew, their pages cost the kernel as much as the adding.
  thread_local std::vector<double> score_of;
  thread_local std::vector<Xapian::termcount> wdf_of;
  if (score_of.size() < size) {
    score_of.resize(size, 0.0);
    wdf_of.resize(size, 0);
  }
  // Plain pointers: in a shared library, each use of a thread_local looks its block up.
  double* const scores_at = score_of.data();
  Xapian::termcount* const wdfs_at = wdf_of.data();
  // A word of several forms has its forms' wdfs summed first (as OP_SYNONYM sums them), then
  // weighed once; `held` lists the passages it is in, to weigh and clear them.
  std::vector<Xapian::docid> held;
  for (const WeighedWord& word : words) {
    if (word.forms.size() == 1) {
      const std::string& form = word.forms.front();
      for (auto it = shard.postlist_begin(form); it != shard.postlist_end(form); ++it)
        if (*it < size) scores_at[*it] += static_cast<double>(it.get_wdf()) * word.scale;
      continue;
    }
    held.clear();
    for (const std::string& form : word.forms) {
      for (auto it = shard.postlist_begin(form); it != shard.postlist_end(form); ++it) {
        const Xapian::docid docid = *it;
        if (docid >= size) continue;  // never in a shard read at one revision
        if (wdfs_at[docid] == 0) held.push_back(docid);
        wdfs_at[docid] += it.get_wdf();
      }
    }
    for (const Xapian::docid docid : held) {
      scores_at[docid] += static_cast<double>(wdfs_at[docid]) * word.scale;
      wdfs_at[docid] = 0;
    }
  }
  auto scores = std::make_shared<ShardScores>();
  for (std::size_t docid = 1; docid < size; ++docid) {
    const double score = scores_at[docid];
    if (score <= 0) continue;
    scores_at[docid] = 0;
    scores->docids.push_back(static_cast<Xapian::docid>(docid));
    scores->scores.push_back(score);
    scores->max_score = std::max(scores->max_score, score);
  }
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

#include "shard_match.h"

#include <algorithm>
#include <set>
#include <string>

#include "index_layout.h"
#include "ranking.h"
#include "result_values.h"
#include "schema.h"

namespace treatysearch::search {

namespace {

struct Candidate {
  ShardedMatch match;
  std::string date;        // MatchOrder by date only
  Xapian::docid combined;  // the id the shards opened as one database give it
};

struct ShardResult {
  std::vector<Candidate> candidates;
  std::uint64_t estimated = 0;
};

// Before `b` in the combined database's order.
bool ranks_before(const Candidate& a, const Candidate& b, MatchOrder order) {
  if (order != MatchOrder::kRelevance && a.date != b.date)
    return order == MatchOrder::kDateDescending ? a.date > b.date : a.date < b.date;
  if (a.match.weight != b.match.weight) return a.match.weight > b.match.weight;
  return a.combined < b.combined;
}

// The first window of candidates checked, for `wanted` accepted: most phrases are accepted in
// most passages holding their words, so a little more than the page.
std::size_t first_window(std::size_t wanted) { return wanted + wanted / 2 + 4; }
constexpr std::size_t kWindowGrowth = 4;
// Growth when no candidate was accepted yet: a share below one in the window, so the next
// window is made large enough to find a few at a share of a few percent.
constexpr std::size_t kBlindGrowth = 16;

// At most this many candidates more per window: a window's documents are held (and, remote,
// fetched) at once.
constexpr std::size_t kMaxWindowStep = 8192;

// The next window: at least kWindowGrowth times the last, and as far as the share accepted so
// far says the page needs, with a quarter more; kBlindGrowth times the last when none was
// accepted; kMaxWindowStep more at most. Each round re-runs the match, so few rounds matter
// more than a window a little too large; but a window of every candidate when the first held no
// match, as this did before, checked all 20,000 candidates of "national minority" (734 matches,
// 33 ms on the 200 MB benchmark corpus) where 300 find the page.
std::size_t next_window(std::size_t window, std::size_t checked, std::size_t accepted,
                        std::size_t wanted) {
  std::size_t next = window * kBlindGrowth;
  if (accepted > 0) {
    const double projected = static_cast<double>(checked) * static_cast<double>(wanted) /
                             static_cast<double>(accepted) * 1.25;
    next = std::max(window * kWindowGrowth, static_cast<std::size_t>(projected));
  }
  return std::min(next, checked + kMaxWindowStep);
}
// Candidates checked at least, even for a count alone: the share accepted scales the estimate.
constexpr std::size_t kEstimateSample = 16;
// A window at least this large is checked in document id order when the check can stream.
constexpr Xapian::doccount kInOrderFrom = 64;

}  // namespace

CheckedMSet checked_mset(Xapian::Enquire& enquire, const PassageCheck* check, std::size_t wanted,
                         std::size_t check_at_least, Xapian::valueno collapse_slot) {
  CheckedMSet result;
  const auto count = [](std::size_t n) { return static_cast<Xapian::doccount>(n); };
  if (!check) {
    if (collapse_slot != Xapian::BAD_VALUENO) enquire.set_collapse_key(collapse_slot, 1);
    const Xapian::MSet mset = enquire.get_mset(0, count(wanted), count(check_at_least));
    mset.fetch(mset.begin(), mset.end());  // remote shards: the page's documents in one exchange
    result.estimated = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it)
      result.matches.push_back({it.get_document(), it.get_weight(), *it});
    return result;
  }
  const std::size_t at_least = std::max(check_at_least, kEstimateSample);
  std::size_t checked = 0, accepted = 0;
  std::set<std::string> collapsed;  // values of collapse_slot already given a match
  std::uint64_t candidates = 0;     // Xapian's estimate of the unchecked query's matches
  bool exhausted = false;           // every candidate was checked
  const auto done = [&] { return accepted >= wanted && checked >= at_least; };
  for (std::size_t window = std::max(first_window(wanted), at_least); !done() && !exhausted;
       window = next_window(window, checked, accepted, std::max(wanted, at_least))) {
    // Only the part of the window not checked yet: Xapian ranks the same candidates again.
    const std::size_t asked = window - checked;
    const Xapian::MSet mset = enquire.get_mset(count(checked), count(asked), count(window));
    candidates = mset.get_matches_estimated();
    // Remote shards: every document of the window in one exchange. (Xapian 1.4's MSet::fetch()
    // without iterators crashes on an MSet that does not start at the first match.)
    mset.fetch(mset.begin(), mset.end());
    // A large window of a check that streams (passage_check.h) is checked in document id
    // order first; the walk below then takes the verdicts in rank order.
    std::vector<char> verdicts;  // per rank in the window: 1 accepted, 0 not
    if (check->reads_in_order() && mset.size() >= kInOrderFrom) {
      std::vector<std::pair<Xapian::docid, Xapian::doccount>> by_id;
      for (Xapian::doccount i = 0; i < mset.size(); ++i) by_id.emplace_back(*mset[i], i);
      std::sort(by_id.begin(), by_id.end());
      verdicts.resize(mset.size());
      for (const auto& [id, i] : by_id) verdicts[i] = check->accepts(mset[i].get_document(), id);
    }
    std::size_t seen = 0;
    for (auto it = mset.begin(); it != mset.end() && !done(); ++it, ++seen) {
      ++checked;
      Xapian::Document document = it.get_document();
      if (verdicts.empty() ? !check->accepts(document, *it) : !verdicts[seen]) continue;
      if (collapse_slot != Xapian::BAD_VALUENO &&
          !collapsed.insert(document.get_value(collapse_slot)).second)
        continue;
      ++accepted;
      if (result.matches.size() < wanted)
        result.matches.push_back({std::move(document), it.get_weight(), *it});
    }
    exhausted = mset.size() < asked && seen == mset.size();
  }
  if (exhausted || checked == 0) {
    result.estimated = accepted;
  } else {
    // The unchecked candidates are taken to be accepted in the same share as the checked ones.
    const double share = static_cast<double>(accepted) / static_cast<double>(checked);
    const auto scaled = static_cast<std::uint64_t>(static_cast<double>(candidates) * share + 0.5);
    result.estimated = std::max<std::uint64_t>(scaled, accepted);
  }
  return result;
}

ShardedMSet match_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& query,
                         const MatchSettings& settings, const CheckFactory& make_check,
                         std::size_t first, std::size_t maxitems, std::size_t check_at_least) {
  const std::string serialised = query.serialise();
  return match_shards(
      shards, [&serialised](std::size_t) { return Xapian::Query::unserialise(serialised); },
      settings, make_check, first, maxitems, check_at_least);
}

ShardedMSet match_shards(const std::vector<Xapian::Database>& shards, const ShardQueries& query_of,
                         const MatchSettings& settings, const CheckFactory& make_check,
                         std::size_t first, std::size_t maxitems, std::size_t check_at_least) {
  const std::size_t count = shards.size();
  const auto match_shard = [&](std::size_t k) {
    Xapian::Enquire enquire(shards[k]);
    enquire.set_query(query_of(k));
    enquire.set_weighting_scheme(ranking_weight());
    if (settings.order != MatchOrder::kRelevance)
      enquire.set_sort_by_value_then_relevance(core::schema::kDateSlot,
                                               settings.order == MatchOrder::kDateDescending);
    const std::unique_ptr<PassageCheck> check = make_check ? make_check() : nullptr;
    if (check) check->on_shard(shards[k]);
    if (check && !settings.remote) check->read_in_order_from(shards[k]);
    CheckedMSet mset =
        checked_mset(enquire, check.get(), first + maxitems, check_at_least,
                     settings.one_per_file ? core::schema::kFileKeySlot : Xapian::BAD_VALUENO);
    ShardResult result;
    result.estimated = mset.estimated;
    for (CheckedMatch& match : mset.matches) {
      Candidate candidate;
      candidate.match.document = std::move(match.document);
      candidate.match.weight = match.weight;
      candidate.match.shard = k;
      candidate.match.docid = match.docid;
      if (settings.order != MatchOrder::kRelevance)
        candidate.date = candidate.match.document.get_value(core::schema::kDateSlot);
      candidate.combined = core::layout::combined_docid(k, match.docid, count);
      result.candidates.push_back(std::move(candidate));
    }
    return result;
  };

  // An estimate alone (nothing to look at) is too cheap to be worth a thread.
  std::vector<ShardResult> results =
      on_each_shard(count, match_shard, maxitems > 0 || check_at_least > 0);

  ShardedMSet merged;
  std::vector<Candidate> all;
  for (ShardResult& result : results) {
    merged.estimated += result.estimated;
    for (Candidate& candidate : result.candidates) all.push_back(std::move(candidate));
  }
  std::sort(all.begin(), all.end(), [&settings](const Candidate& a, const Candidate& b) {
    return ranks_before(a, b, settings.order);
  });
  for (std::size_t i = first; i < all.size() && i < first + maxitems; ++i)
    merged.matches.push_back(std::move(all[i].match));
  return merged;
}

}  // namespace treatysearch::search

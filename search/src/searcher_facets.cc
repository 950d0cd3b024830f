#include "searcher_facets.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "docid_set.h"
#include "result_values.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

using Tally = std::map<std::string, std::uint64_t>;

// The fields in FacetColumns order, and the slot each is read from (year: the date's first four
// characters).
constexpr std::array<unsigned, FacetColumns::kFields> kSlots = {
    schema::kCommitteeSlot, schema::kStateSlot, schema::kTypeSlot, schema::kDateSlot,
    schema::kLanguageSlot};
constexpr std::size_t kYearField = 3;

std::string field_value(std::size_t field, const std::string& value) {
  if (field != kYearField) return value;
  return value.size() >= 4 ? value.substr(0, 4) : std::string();
}

// Counts the fields of the passages a check accepted: by the columns when they are usable,
// else by reading each passage's values.
class FacetCounter {
 public:
  explicit FacetCounter(const FacetColumns* columns)
      : columns_(columns && columns->usable ? columns : nullptr) {
    if (columns_)
      for (std::size_t f = 0; f < FacetColumns::kFields; ++f)
        counts_[f].assign(columns_->values[f].size(), 0);
  }

  // Counts the fields of one accepted passage, `id` in its shard.
  void count(Xapian::docid id, const CandidateDocument& doc) {
    ++accepted;
    if (columns_) {
      for (std::size_t f = 0; f < FacetColumns::kFields; ++f) {
        const auto& column = columns_->ordinals[f];
        if (id < column.size()) ++counts_[f][column[id]];
      }
      return;
    }
    for (std::size_t f = 0; f < FacetColumns::kFields; ++f) {
      const std::string value = field_value(f, doc.get().get_value(kSlots[f]));
      if (!value.empty()) ++tallies_[f][value];
    }
  }

  // Counts `n` passages whose slot of field `f` holds `value` (as stored: a date for the year).
  void add(std::size_t f, const std::string& value, std::uint64_t n) {
    const std::string shown = field_value(f, value);
    if (!shown.empty()) tallies_[f][shown] += n;
  }

  // The counts of field `f`, by value.
  Tally tally(std::size_t f) const {
    if (!columns_) return tallies_[f];
    Tally tally;
    for (std::size_t ordinal = 1; ordinal < counts_[f].size(); ++ordinal)
      if (counts_[f][ordinal] > 0) tally[columns_->values[f][ordinal]] = counts_[f][ordinal];
    return tally;
  }

  std::uint64_t accepted = 0;

 private:
  const FacetColumns* columns_;
  std::array<std::vector<std::uint64_t>, FacetColumns::kFields> counts_;
  std::array<Tally, FacetColumns::kFields> tallies_;
};

std::vector<FacetCount> ordered(const Tally& tally) {
  std::vector<FacetCount> out;
  out.reserve(tally.size());
  for (const auto& [value, count] : tally) out.push_back({value, count});
  std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count > b.count;  // the map already ordered equal counts by value
  });
  return out;
}

}  // namespace

FacetColumns FacetColumns::build(const Xapian::Database& db) {
  FacetColumns columns;
  const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
  for (std::size_t f = 0; f < kFields; ++f) {
    columns.values[f] = {std::string()};
    columns.ordinals[f].assign(size, 0);
    std::unordered_map<std::string, std::uint16_t> ordinal_of;
    for (auto it = db.valuestream_begin(kSlots[f]); it != db.valuestream_end(kSlots[f]); ++it) {
      std::string value = field_value(f, *it);
      if (value.empty() || it.get_docid() >= size) continue;
      std::uint16_t ordinal = 0;
      if (const auto found = ordinal_of.find(value); found != ordinal_of.end()) {
        ordinal = found->second;
      } else {
        if (columns.values[f].size() > kMaxValues) return FacetColumns{};  // not usable
        ordinal = static_cast<std::uint16_t>(columns.values[f].size());
        ordinal_of.emplace(value, ordinal);
        columns.values[f].push_back(std::move(value));
      }
      columns.ordinals[f][it.get_docid()] = ordinal;
    }
  }
  columns.usable = true;
  return columns;
}

namespace {

struct ShardCount {
  std::uint64_t accepted = 0;
  std::array<Tally, FacetColumns::kFields> tallies;
};

ShardCount counted(const FacetCounter& counter) {
  ShardCount count;
  count.accepted = counter.accepted;
  for (std::size_t f = 0; f < FacetColumns::kFields; ++f) count.tallies[f] = counter.tally(f);
  return count;
}

// A local shard: its matches as a set of ids from the postings (docid_set.h), each checked and
// counted in increasing id order, so the check's value streams never step back.
void count_matches(const Xapian::Database& shard, const Xapian::Query& query,
                   const PassageCheck* check, FacetCounter& counter) {
  matching_documents(shard, query).for_each([&](Xapian::docid id) {
    const CandidateDocument candidate(shard, id);
    if (!check || check->accepts(candidate, id)) counter.count(id, candidate);
  });
}

// A remote shard without a check: Xapian's ValueCountMatchSpy, which the stock server runs.
void count_by_spies(Xapian::Enquire& enquire, Xapian::doccount all, FacetCounter* counter) {
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (const unsigned slot : kSlots) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
    enquire.add_matchspy(spies.back().get());
  }
  counter->accepted += enquire.get_mset(0, 0, all).get_matches_estimated();
  for (std::size_t f = 0; f < FacetColumns::kFields; ++f)
    for (auto it = spies[f]->values_begin(); it != spies[f]->values_end(); ++it)
      counter->add(f, *it, it.get_termfreq());
  enquire.clear_matchspies();
}

// A remote shard with a check: every candidate fetched, checked and counted here, a batch at a
// time (a batch's documents come in one exchange).
void count_candidates(Xapian::Enquire& enquire, Xapian::doccount all, const PassageCheck& check,
                      FacetCounter& counter) {
  constexpr Xapian::doccount kBatch = 2000;
  for (Xapian::doccount first = 0;; first += kBatch) {
    const Xapian::MSet mset = enquire.get_mset(first, kBatch, all);
    mset.fetch(mset.begin(), mset.end());  // not fetch(): see checked_mset
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document document = it.get_document();
      const CandidateDocument candidate(document);
      if (check.accepts(candidate, *it)) counter.count(document.get_docid(), candidate);
    }
    if (mset.size() < kBatch) return;
  }
}

}  // namespace

Facets count_facets(const std::vector<Xapian::Database>& shards, bool remote,
                    const Xapian::Query& query, const CheckFactory& make_check,
                    const std::vector<FacetColumns>& columns, std::uint64_t* accepted) {
  // Each shard is counted in a thread of its own (on_each_shard), with its own query copy.
  const std::string serialised = query.serialise();
  const auto count_shard = [&](std::size_t k) {
    const Xapian::Query own_query = Xapian::Query::unserialise(serialised);
    const std::unique_ptr<PassageCheck> check = make_check ? make_check() : nullptr;
    if (check) check->on_shard(shards[k]);
    if (!remote) {
      if (check) check->read_in_order_from(shards[k]);
      FacetCounter counter(k < columns.size() ? &columns[k] : nullptr);
      count_matches(shards[k], own_query, check.get(), counter);
      return counted(counter);
    }
    // Remote shards count from the values the server or the fetched documents give.
    Xapian::Enquire enquire(shards[k]);
    enquire.set_query(own_query);
    // No ranking is needed to count, and boolean weights let Xapian skip the weight arithmetic.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetCounter counter(nullptr);
    const Xapian::doccount all = shards[k].get_doccount();
    if (check)
      count_candidates(enquire, all, *check, counter);
    else
      count_by_spies(enquire, all, &counter);
    return counted(counter);
  };
  const std::vector<ShardCount> counts = on_each_shard(shards.size(), count_shard);

  std::array<Tally, FacetColumns::kFields> tallies;
  *accepted = 0;
  for (const ShardCount& count : counts) {
    *accepted += count.accepted;
    for (std::size_t f = 0; f < FacetColumns::kFields; ++f)
      for (const auto& [value, n] : count.tallies[f]) tallies[f][value] += n;
  }
  Facets facets;
  facets.committee = ordered(tallies[0]);
  facets.state = ordered(tallies[1]);
  facets.type = ordered(tallies[2]);
  facets.year = ordered(tallies[kYearField]);
  facets.language = ordered(tallies[4]);
  return facets;
}

}  // namespace treatysearch::search

#include "searcher_facets.h"

#include <algorithm>
#include <vector>

#include "result_values.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

using Tally = std::map<std::string, std::uint64_t>;

// Accepts what `inner` accepts, counting the slots of each passage it accepts. Xapian 1.4 asks
// a decider about every candidate when check_at_least covers the whole match, as here.
class FacetCounter : public Xapian::MatchDecider {
 public:
  explicit FacetCounter(const Xapian::MatchDecider* inner) : inner_(inner) {}

  bool operator()(const Xapian::Document& doc) const override {
    if (inner_ && !(*inner_)(doc)) return false;
    ++accepted;
    add(committee, doc.get_value(schema::kCommitteeSlot));
    add(state, doc.get_value(schema::kStateSlot));
    add(type, doc.get_value(schema::kTypeSlot));
    add(language, doc.get_value(schema::kLanguageSlot));
    const std::string date = doc.get_value(schema::kDateSlot);
    if (date.size() >= 4) add(year, date.substr(0, 4));
    return true;
  }

  mutable Tally committee, state, type, year, language;
  mutable std::uint64_t accepted = 0;

 private:
  static void add(Tally& tally, const std::string& value) {
    if (!value.empty()) ++tally[value];
  }
  const Xapian::MatchDecider* inner_;
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

Facets count_facets(const Xapian::Database& db, const Xapian::Query& query,
                    const Xapian::MatchDecider* decider, std::uint64_t* accepted) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  // No ranking is needed to count, and boolean weights let Xapian skip the weight arithmetic.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  FacetCounter counter(decider);
  enquire.get_mset(0, 0, db.get_doccount(), nullptr, &counter);
  *accepted = counter.accepted;
  Facets facets;
  facets.committee = ordered(counter.committee);
  facets.state = ordered(counter.state);
  facets.type = ordered(counter.type);
  facets.year = ordered(counter.year);
  facets.language = ordered(counter.language);
  return facets;
}

}  // namespace treatysearch::search

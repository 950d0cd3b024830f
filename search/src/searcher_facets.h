// Facets: counts by committee, State, type, year and language over every passage a query
// accepts, whatever page is shown.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>

#include "treatysearch/types.h"

namespace treatysearch::search {

// Counts the passages `query` matches and `decider` (may be null: all) accepts, in one pass over
// every match. Counting happens inside a MatchDecider, after the decider given has accepted the
// passage, so a phrase's rejected candidates are never counted. Sets *accepted to the number of
// passages counted. Throws Xapian errors.
Facets count_facets(const Xapian::Database& db, const Xapian::Query& query,
                    const Xapian::MatchDecider* decider, std::uint64_t* accepted);

}  // namespace treatysearch::search

// Restricting a search: the options' Filters and the fields written in the query
// (committee:CERD, year:2014..2023, ...) as one Xapian boolean query.
#pragma once

#include <xapian.h>

#include "query_parser.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

// The filters a search applies: `given` (SearchOptions::filters) with the fields of the query
// (CompiledQuery::fields) added.
Filters effective_filters(const Filters& given, const CompiledQuery& compiled);

// The boolean query of `filters` over `db`; an empty query when nothing is filtered.
// Throws Error(kInvalidArgument) for an unknown committee, type or State (a typo must not read
// as "no passage matches"), naming the value and what is accepted.
Xapian::Query filter_query(const Xapian::Database& db, const Filters& filters);

}  // namespace treatysearch::search

// Fields written in the query (committee:CERD, year:2014..2023, symbol:..., para:18): their
// values into a treatysearch::Filters, which filters.h merges with the options' filters.
#pragma once

#include <string_view>

#include "query_parser.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

// Adds the field `node` (QueryNode::Type::kField) to *out. Throws Error(kInvalidArgument),
// naming the field and its position in `query`, for a year that is not a year or a range
// (2014, 2014..2023, 2014.., ..2019) or a second year field. Committee, type and State values
// are checked later, against the index (filter_query). A symbol without /Add., /Rev. or /Corr.
// also finds its addenda, revisions and corrigenda.
void add_field(const QueryNode& node, std::string_view query, Filters* out);

}  // namespace treatysearch::search

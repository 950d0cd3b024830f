// The links between passages at query time: who cites a passage, what a passage cites, the
// follow-up grades a paragraph was given. The links themselves are terms on the citing
// passages (core/references.h), so these are term lookups, never a scan of the index.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "searcher_snapshot.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

// How many passages cite `label` of the document `symbol` (a part of it or the paragraph holding
// it included), exactly; 0 for an empty symbol.
std::uint64_t count_citing(const Xapian::Database& db, const std::string& symbol,
                           const std::string& label);

// The grades given to exactly `label` of `symbol`, oldest first. Throws Error kCorrupt for an
// unreadable record.
std::vector<FollowUpGrade> grades_of(IndexHandle& handle, const std::string& index_dir,
                                     const std::string& symbol, const std::string& label);

// The boolean query of Filters::cited_by and Filters::grades (an empty query when neither is
// given): the passages the named passages cite; the paragraphs graded so and the passages
// grading them. Throws Error kNotFound / kInvalidArgument for a passage that cannot be found
// (find_passage), kCorrupt.
Xapian::Query link_filter(IndexHandle& handle, const std::string& index_dir,
                          const Filters& filters);

// Every filter: filter_query (filters.h) and link_filter together.
Xapian::Query all_filters(IndexHandle& handle, const std::string& index_dir,
                          const Filters& filters);

}  // namespace treatysearch::search

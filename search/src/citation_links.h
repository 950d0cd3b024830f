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

// Fills Hit::cited_by (how many passages cite the hit's paragraph, a part of it or the
// paragraph holding it included, exactly; 0 without a symbol) and Hit::grades (the grades
// given to exactly that paragraph, oldest first) of every hit, looking up the terms of all of
// them in one match. Throws Error kCorrupt for an unreadable record.
void add_citation_links(IndexHandle& handle, const std::string& index_dir,
                        const std::vector<Hit*>& hits);

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

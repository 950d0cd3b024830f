// Reading the values of a search request, shared by treaty-search's options and treaty-serve's
// URL parameters, so that the same words mean the same thing in both.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "treatysearch/search.h"

namespace treatysearch::cli {

// "2020", "2020..2023", "2020..", "..2023" into *from and *to (left unset where open). False for
// anything else ("20", "2023..2020" is accepted here and refused by the library as empty).
bool parse_year_range(std::string_view text, std::optional<int>* from, std::optional<int>* to);

inline constexpr const char* kYearRangeExpected = "expected YEAR or FROM..TO, e.g. 2020..2023";

// "relevance", "date" (oldest first) or "-date" (newest first).
std::optional<SortOrder> parse_sort(std::string_view text);

inline constexpr const char* kSortExpected = "expected relevance, date or -date";

}  // namespace treatysearch::cli

#include "search_request.h"

namespace treatysearch::cli {

namespace {

bool parse_year(std::string_view text, std::optional<int>* out) {
  if (text.empty()) return true;
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string_view::npos)
    return false;
  *out = std::stoi(std::string(text));
  return true;
}

}  // namespace

bool parse_year_range(std::string_view text, std::optional<int>* from, std::optional<int>* to) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos)
    return !text.empty() && parse_year(text, from) && parse_year(text, to);
  if (text.size() == 2) return false;
  return parse_year(text.substr(0, dots), from) && parse_year(text.substr(dots + 2), to);
}

std::optional<SortOrder> parse_sort(std::string_view text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDateAscending;
  if (text == "-date") return SortOrder::kDateDescending;
  return std::nullopt;
}

}  // namespace treatysearch::cli

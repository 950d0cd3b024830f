#include "query_fields.h"

#include "text.h"

namespace treatysearch::search {

namespace {

// A year of four digits (what documents are dated with); false otherwise.
bool read_year(std::string_view text, int* year) {
  if (text.size() != 4) return false;
  int value = 0;
  for (char c : text) {
    if (!core::is_ascii_digit(c)) return false;
    value = value * 10 + (c - '0');
  }
  *year = value;
  return true;
}

}  // namespace

void add_field(const QueryNode& node, std::string_view query, Filters* out) {
  const std::string where =
      node.text + ":" + node.value + " at " + std::to_string(column(query, node.at));
  const std::string& value = node.value;
  if (node.text == "committee") {
    out->committees.push_back(value);
  } else if (node.text == "state") {
    out->states.push_back(value);
  } else if (node.text == "type") {
    out->types.push_back(value);
  } else if (node.text == "lang") {
    out->languages.push_back(value);
  } else if (node.text == "para") {
    out->paragraphs.push_back(value);
  } else if (node.text == "symbol") {
    // As --symbol takes it (filters.h: a base symbol stands for its addenda too).
    out->symbols.push_back(value);
  } else if (node.text == "year") {
    if (out->year_from || out->year_to) fail(query, where + ": the year is already given");
    const std::size_t dots = value.find("..");
    int from = 0, to = 0;
    if (dots == std::string::npos) {
      if (!read_year(value, &from))
        fail(query, where + ": a year is four digits (year:2019, year:2014..2023)");
      out->year_from = out->year_to = from;
      return;
    }
    const std::string_view first = std::string_view(value).substr(0, dots);
    const std::string_view second = std::string_view(value).substr(dots + 2);
    if ((first.empty() && second.empty()) || (!first.empty() && !read_year(first, &from)) ||
        (!second.empty() && !read_year(second, &to)))
      fail(query, where + ": a year range is YEAR..YEAR, YEAR.. or ..YEAR (year:2014..2023)");
    if (!first.empty()) out->year_from = from;
    if (!second.empty()) out->year_to = to;
    if (out->year_from && out->year_to && from > to)
      fail(query, where + ": the year range is empty");
  } else {
    fail(query, where + ": unknown field");
  }
}

}  // namespace treatysearch::search

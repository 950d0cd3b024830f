#include "api.h"

#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "hit_printer.h"
#include "query_string.h"
#include "search_request.h"
#include "treatysearch/error.h"
#include "web_assets.h"

namespace treatysearch::serve {

namespace {

// The parameters every listing takes to narrow its passages (Filters), and its own.
std::vector<std::string_view> with_filters(std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> names(own);
  for (const std::string_view filter : {"committee", "state", "type", "year", "lang", "symbol",
                                        "para", "cites", "cited_by", "grade"})
    names.push_back(filter);
  return names;
}

HttpResponse json_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse error_json(int status, const std::string& message) {
  HttpResponse response = error_response(status, message);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kSnapshotExpired:
    case ErrorCode::kLocked:
      return 503;
    case ErrorCode::kUnavailable:
      return 502;  // a remote shard failed: the server is a gateway to it
    default:
      return 500;
  }
}

Filters read_filters(const Parameters& parameters) {
  Filters filters;
  filters.committees = parameters.all("committee");
  filters.states = parameters.all("state");
  filters.types = parameters.all("type");
  filters.languages = parameters.all("lang");
  filters.symbols = parameters.all("symbol");
  filters.paragraphs = parameters.all("para");
  filters.cites = parameters.all("cites");
  filters.cited_by = parameters.all("cited_by");
  filters.grades = parameters.all("grade");
  if (const auto year = parameters.last("year"))
    if (!cli::parse_year_range(*year, &filters.year_from, &filters.year_to))
      throw BadRequest("year '" + *year + "': " + cli::kYearRangeExpected);
  return filters;
}

// Page size and offset, within the library's limits (QueryLimits).
void read_page(const Parameters& parameters, SearchOptions* options) {
  options->limit = parameters.number("n", options->limit, 1, QueryLimits::kMaxPageSize);
  options->offset = parameters.number("offset", 0, 0, QueryLimits::kMaxWindow - 1);
}

std::string required(const Parameters& parameters, const char* name) {
  const auto value = parameters.last(name);
  if (!value) throw BadRequest(std::string("parameter '") + name + "' is required");
  return *value;
}

HttpResponse search(const Searcher& searcher, const HttpRequest& request) {
  const Parameters parameters(request.query, with_filters({"q", "n", "offset", "sort", "facets",
                                                           "group", "parallel", "suggest"}));
  SearchOptions options;
  options.filters = read_filters(parameters);
  read_page(parameters, &options);
  if (const auto sort = parameters.last("sort")) {
    const auto order = cli::parse_sort(*sort);
    if (!order) throw BadRequest("sort '" + *sort + "': " + cli::kSortExpected);
    options.sort = *order;
  }
  options.facets = parameters.flag("facets");
  options.group = parameters.flag("group");
  options.parallel = parameters.flag("parallel");
  options.suggest = !parameters.last("suggest") || parameters.flag("suggest");
  std::ostringstream out;
  cli::print_json(searcher.search(parameters.last("q").value_or(""), options), out);
  return json_response(200, out.str());
}

HttpResponse show(const Searcher& searcher, const HttpRequest& request) {
  const Parameters parameters(request.query, {"citation", "context"});
  const std::size_t context = parameters.number("context", 0, 0, ResultLimits::kMaxContext);
  std::ostringstream out;
  cli::print_passage_json(searcher.passage(required(parameters, "citation"), context), out);
  return json_response(200, out.str());
}

HttpResponse like(const Searcher& searcher, const HttpRequest& request) {
  const Parameters parameters(request.query, with_filters({"citation", "n", "offset"}));
  SearchOptions options;
  options.filters = read_filters(parameters);
  read_page(parameters, &options);
  std::ostringstream out;
  cli::print_json(searcher.similar(required(parameters, "citation"), options), out);
  return json_response(200, out.str());
}

HttpResponse history(const Searcher& searcher, const HttpRequest& request) {
  const Parameters parameters(request.query, with_filters({"citation"}));
  SearchOptions options;
  options.filters = read_filters(parameters);
  std::ostringstream out;
  cli::print_history_json(searcher.history(required(parameters, "citation"), options), out);
  return json_response(200, out.str());
}

HttpResponse asset(const WebAsset& file) {
  HttpResponse response;
  response.content_type = file.content_type;
  response.body.assign(file.bytes, file.size);
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

// A library message without the "<index folder>: " it starts with.
std::string without_index(const std::string& message, const std::string& index_dir) {
  const std::string prefix = index_dir + ": ";
  return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

}  // namespace

HttpResponse answer(const Searcher& searcher, const std::string& index_dir,
                    const HttpRequest& request) {
  const std::string& path = request.path;
  try {
    if (path == "/api/search") return search(searcher, request);
    if (path == "/api/show") return show(searcher, request);
    if (path == "/api/like") return like(searcher, request);
    if (path == "/api/history") return history(searcher, request);
    if (path.starts_with("/api/")) return error_json(404, "no API at " + path);
    // Files are looked up by exact name among those built in: no path reaches the file system.
    if (const WebAsset* file = find_web_asset(path)) return asset(*file);
    return error_json(404, "nothing at " + path);
  } catch (const BadRequest& e) {
    return error_json(e.status(), e.what());
  } catch (const Error& e) {
    return error_json(status_of(e.code()), without_index(e.what(), index_dir));
  }
}

}  // namespace treatysearch::serve

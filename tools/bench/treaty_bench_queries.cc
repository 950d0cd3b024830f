// treaty-bench's queries: the query file, mapped to our syntax, and their latency through the
// public Searcher (one untimed warm-up pass, then the timed passes).
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "treaty_bench.h"
#include "treatysearch/search.h"

namespace fs = std::filesystem;

namespace treatysearch::bench {
namespace {

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The same mapping bench_query.py applies for the other engines, in our syntax.
std::string to_our_syntax(const std::string& kind, const std::vector<std::string>& words) {
  if (kind == "term") return join(words, " ");
  if (kind == "and") return join(words, " AND ");
  if (kind == "or") return join(words, " OR ");
  if (kind == "phrase") return "\"" + join(words, " ") + "\"";
  return {};
}

}  // namespace

std::vector<QuerySpec> load_queries(const fs::path& file) {
  std::ifstream in(file);
  std::vector<QuerySpec> queries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    const std::string where = file.string() + ":" + std::to_string(number) + ": ";
    const auto tab = line.find('\t');
    if (tab == std::string::npos) throw BenchError(where + "expected kind<TAB>words");
    QuerySpec q{line.substr(0, tab), line.substr(tab + 1), {}};
    std::istringstream split(q.words);
    std::vector<std::string> words{std::istream_iterator<std::string>(split), {}};
    if (words.empty()) throw BenchError(where + "no words");
    q.words = join(words, " ");
    q.text = to_our_syntax(q.kind, words);
    if (q.text.empty())
      throw BenchError(where + "unknown kind '" + q.kind + "' (term, and, or, phrase)");
    queries.push_back(std::move(q));
  }
  if (queries.empty()) throw BenchError(file.string() + ": no queries");
  return queries;
}

Latency latency_of(const std::vector<double>& ms) {
  return {ms.size(), nearest_rank(ms, 50), nearest_rank(ms, 95), mean(ms), maximum(ms)};
}

namespace {

// Runs one query, recording its first error instead of throwing so the others still run.
std::optional<SearchResult> try_search(const Searcher& searcher, QueryRow& row) {
  SearchOptions options;
  options.limit = kTopK;
  try {
    return searcher.search(row.spec.text, options);
  } catch (const Error& e) {
    if (row.error.empty()) row.error = e.what();
    return std::nullopt;
  }
}

}  // namespace

QueryRun run_our_queries(const Config& config, const std::vector<QuerySpec>& specs,
                         const Searcher& searcher, const std::string& where) {
  std::fprintf(stderr, "%s: querying treatysearch%s (%zu queries x %u passes)...\n", kTool,
               where.c_str(), specs.size(), config.query_passes);
  QueryRun run;
  for (const auto& spec : specs) run.rows.push_back({spec, 0, 0, {}, {}});
  for (auto& row : run.rows) {  // warm-up pass: untimed, gives hits and top hit
    if (auto result = try_search(searcher, row)) {
      row.hits = result->total;
      if (!result->hits.empty()) row.top = result->hits.front().citation;
    }
  }
  std::vector<std::vector<double>> per_query(specs.size());
  std::vector<double> all;
  for (unsigned pass = 0; pass < config.query_passes; ++pass) {
    for (std::size_t i = 0; i < run.rows.size(); ++i) {
      if (!run.rows[i].error.empty()) continue;
      const auto start = Clock::now();
      const bool ok = try_search(searcher, run.rows[i]).has_value();
      const double ms = seconds_since(start) * 1000.0;
      if (!ok) continue;
      per_query[i].push_back(ms);
      all.push_back(ms);
    }
  }
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    run.rows[i].median_ms = median(per_query[i]);
    if (!run.rows[i].error.empty()) ++run.failed;
  }
  run.latency = latency_of(all);
  return run;
}

}  // namespace treatysearch::bench

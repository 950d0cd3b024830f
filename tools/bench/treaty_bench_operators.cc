// treaty-bench --operators: query latency per operator class (words, phrase, proximity,
// sentence, truncation, fields, facets, group, similar passages, date sort), ours through the
// public Searcher and SQLite FTS5's through fts5_operators.py where FTS5 has the operator.
#include <cstdio>
#include <fstream>
#include <map>
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

// Leading "--facets", "--group", "--like", "--sort=date" of our column, as SearchOptions.
OperatorSpec parse_spec(std::string cls, const std::string& ours, std::string fts5,
                        const std::string& where) {
  OperatorSpec spec;
  spec.cls = std::move(cls);
  spec.fts5 = fts5 == "-" ? std::string() : std::move(fts5);
  std::istringstream words(ours);
  std::string word, query;
  bool options_done = false;
  while (words >> word) {
    if (!options_done && word == "--facets") {
      spec.options.facets = true;
    } else if (!options_done && word == "--group") {
      spec.options.group = true;
    } else if (!options_done && word == "--like") {
      spec.like = true;
    } else if (!options_done && word == "--sort=date") {
      spec.options.sort = SortOrder::kDateAscending;
    } else if (!options_done && word == "--sort=-date") {
      spec.options.sort = SortOrder::kDateDescending;
    } else if (!options_done && word.starts_with("--")) {
      throw BenchError(where + "unknown option '" + word + "'");
    } else {
      options_done = true;
      query += (query.empty() ? "" : " ") + word;
    }
  }
  if (query.empty()) throw BenchError(where + "no query");
  spec.query = std::move(query);
  spec.options.limit = kTopK;
  spec.options.suggest = false;  // measured on its own by the words class when it applies
  return spec;
}

// One timed operation; the error of the first failure is kept in *error.
bool run_once(const Searcher& searcher, const OperatorSpec& spec, const std::string& like_id,
              std::string* error) {
  try {
    if (spec.like) {
      searcher.similar(like_id, spec.options);
    } else {
      searcher.search(spec.query, spec.options);
    }
    return true;
  } catch (const Error& e) {
    if (error->empty()) *error = e.what();
    return false;
  }
}

// "CLASS\tname\truns=N\tp50_ms=X\tp95_ms=Y" lines of fts5_operators.py.
std::map<std::string, Latency> parse_fts5_classes(const std::string& output) {
  std::map<std::string, Latency> classes;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("CLASS\t", 0) != 0) continue;
    std::istringstream cols(line);
    std::string tag, name, field;
    std::getline(cols, tag, '\t');
    std::getline(cols, name, '\t');
    Latency latency;
    while (std::getline(cols, field, '\t')) {
      const auto eq = field.find('=');
      if (eq == std::string::npos) continue;
      const std::string key = field.substr(0, eq), value = field.substr(eq + 1);
      if (key == "runs") latency.executions = std::stoul(value);
      if (key == "p50_ms") latency.p50 = std::stod(value);
      if (key == "p95_ms") latency.p95 = std::stod(value);
    }
    classes[name] = latency;
  }
  return classes;
}

}  // namespace

std::vector<OperatorSpec> load_operator_queries(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw BenchError(file.string() + ": cannot read");
  std::vector<OperatorSpec> specs;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    const std::string where = file.string() + ":" + std::to_string(number) + ": ";
    std::vector<std::string> cols;
    std::istringstream split(line);
    for (std::string col; std::getline(split, col, '\t');) cols.push_back(col);
    if (cols.size() != 3) throw BenchError(where + "expected class<TAB>ours<TAB>fts5 or -");
    specs.push_back(parse_spec(cols[0], cols[1], cols[2], where));
  }
  if (specs.empty()) throw BenchError(file.string() + ": no queries");
  return specs;
}

std::vector<OperatorClass> run_operator_classes(const Config& config,
                                                const std::vector<OperatorSpec>& specs,
                                                const Searcher& searcher) {
  std::fprintf(stderr, "%s: operator classes (%zu queries x %u passes)...\n", kTool, specs.size(),
               config.query_passes);
  std::vector<OperatorClass> classes;
  std::map<std::string, std::size_t> index_of;
  std::vector<std::string> like_ids(specs.size());
  std::vector<std::vector<double>> times(specs.size());
  std::vector<std::string> errors(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const OperatorSpec& spec = specs[i];
    if (!index_of.count(spec.cls)) {
      index_of[spec.cls] = classes.size();
      classes.push_back({spec.cls, {}, std::nullopt, 0, {}});
    }
    ++classes[index_of[spec.cls]].queries;
    if (spec.like) {  // the passage to find similar ones to: the query's top hit
      SearchOptions top;
      top.limit = 1;
      top.suggest = false;
      try {
        const SearchResult result = searcher.search(spec.query, top);
        if (result.hits.empty())
          errors[i] = "no passage to start from: '" + spec.query + "'";
        else
          like_ids[i] = result.hits.front().id;
      } catch (const Error& e) {
        errors[i] = e.what();
      }
    }
    if (errors[i].empty()) run_once(searcher, spec, like_ids[i], &errors[i]);  // warm-up
  }
  for (unsigned pass = 0; pass < config.query_passes; ++pass) {
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (!errors[i].empty()) continue;
      const auto start = Clock::now();
      if (run_once(searcher, specs[i], like_ids[i], &errors[i]))
        times[i].push_back(seconds_since(start) * 1000.0);
    }
  }
  std::vector<std::vector<double>> per_class(classes.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    OperatorClass& cls = classes[index_of[specs[i].cls]];
    if (!errors[i].empty() && cls.error.empty()) cls.error = specs[i].query + ": " + errors[i];
    auto& all = per_class[index_of[specs[i].cls]];
    all.insert(all.end(), times[i].begin(), times[i].end());
  }
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const auto& ms = per_class[c];
    classes[c].ours = latency_of(ms);
  }
  return classes;
}

void add_fts5_operator_classes(const Config& config, std::vector<OperatorClass>* classes) {
  std::fprintf(stderr, "%s: operator classes on FTS5 (fts5_operators.py)...\n", kTool);
  const fs::path script = fs::path(TREATYSEARCH_BENCH_SOURCE_DIR) / "fts5_operators.py";
  const ChildOutcome child =
      run_program({config.python, script.string(), (config.work / kFts5Db).string(),
                   config.operators.string(), std::to_string(config.query_passes)});
  if (!child.failure.empty()) throw BenchError("fts5_operators.py failed: " + child.failure);
  std::map<std::string, Latency> fts5;
  try {
    fts5 = parse_fts5_classes(child.output);
  } catch (const std::logic_error&) {
    throw BenchError("fts5_operators.py: unexpected output");
  }
  for (OperatorClass& cls : *classes) {
    const auto it = fts5.find(cls.name);
    if (it != fts5.end()) cls.fts5 = it->second;
  }
}

}  // namespace treatysearch::bench

// The SQLite FTS5 peer of treaty-bench: runs ../shared/bench's index_fts5.py and bench_query.py
// (from --fts5) with --python, each in a measured child process, and reads their output.
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

#include "treaty_bench.h"

namespace fs = std::filesystem;

namespace treatysearch::bench {
namespace {

// "indexed N docs, B bytes" from index_fts5.py.
void parse_fts5_index_output(const std::string& output, IndexRun* run) {
  const auto at = output.find("indexed ");
  if (at == std::string::npos ||
      std::sscanf(output.c_str() + at, "indexed %zu docs, %" SCNu64 " bytes", &run->documents,
                  &run->input_bytes) != 2)
    throw BenchError("index_fts5.py: unexpected output: " + output);
}

}  // namespace

IndexRun index_fts5_once(const Config& config, const Corpus& corpus) {
  const fs::path db = config.work / kFts5Db;
  std::error_code ec;
  fs::remove(db, ec);
  const ChildOutcome child =
      run_program({config.python, (config.fts5_dir / "index_fts5.py").string(),
                   config.corpus.string(), db.string()});
  if (!child.failure.empty()) throw BenchError("index_fts5.py failed: " + child.failure);
  IndexRun run;
  parse_fts5_index_output(child.output, &run);
  // index_fts5.py reads only the top level of the folder; a difference means the engines did
  // not index the same text, and the comparison is void.
  if (run.input_bytes != corpus.bytes)
    warn("FTS5 indexed " + std::to_string(run.input_bytes) + " bytes, the corpus has " +
         std::to_string(corpus.bytes) + " (index_fts5.py does not descend into folders)");
  record_child(child, db, &run);
  return run;
}

namespace {

// Splits "key=value" fields of a tab-separated line.
std::map<std::string, std::string> fields_of(const std::string& line) {
  std::map<std::string, std::string> fields;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) {
    const auto eq = field.find('=');
    if (eq != std::string::npos) fields[field.substr(0, eq)] = field.substr(eq + 1);
  }
  return fields;
}

// bench_query.py prints "Q\tkind\twords\thits=N\tmed_ms=X\ttop=NAME" per query and one
// "SUMMARY\t...\tp50_ms=..\tp95_ms=..\tmean_ms=..\tmax_ms=.." line.
QueryRun parse_bench_query_output(const std::string& output) {
  QueryRun run;
  bool summary = false;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    auto f = fields_of(line);
    if (line.rfind("Q\t", 0) == 0) {
      std::istringstream cols(line);
      QueryRow row;
      std::string tag;
      std::getline(cols, tag, '\t');
      std::getline(cols, row.spec.kind, '\t');
      std::getline(cols, row.spec.words, '\t');
      row.hits = std::stoull(f["hits"]);
      row.median_ms = std::stod(f["med_ms"]);
      row.top = f["top"];
      run.rows.push_back(std::move(row));
    } else if (line.rfind("SUMMARY\t", 0) == 0) {
      run.latency = {std::stoul(f.at("runs")), std::stod(f.at("p50_ms")), std::stod(f.at("p95_ms")),
                     std::stod(f.at("mean_ms")), std::stod(f.at("max_ms"))};
      summary = true;
    }
  }
  if (!summary) throw BenchError("bench_query.py: no SUMMARY line in its output");
  return run;
}

}  // namespace

QueryRun run_fts5_queries(const Config& config, std::size_t expected_queries) {
  std::fprintf(stderr, "%s: querying FTS5 (bench_query.py, %u passes)...\n", kTool,
               config.query_passes);
  const ChildOutcome child =
      run_program({config.python, (config.fts5_dir / "bench_query.py").string(), "fts5",
                   (config.work / kFts5Db).string(), config.queries.string(),
                   std::to_string(config.query_passes)});
  if (!child.failure.empty()) throw BenchError("bench_query.py failed: " + child.failure);
  QueryRun run;
  try {
    run = parse_bench_query_output(child.output);
  } catch (const std::logic_error&) {  // std::stod & co., map::at
    throw BenchError("bench_query.py: unexpected output");
  }
  if (run.rows.size() != expected_queries)
    warn("bench_query.py ran " + std::to_string(run.rows.size()) + " queries, we ran " +
         std::to_string(expected_queries));
  return run;
}

}  // namespace treatysearch::bench

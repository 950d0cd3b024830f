// Internal to treaty-bench (included by its .cc files only): the settings, results and steps
// its files share. One file per concern: treaty_bench.cc (main and the order of a run),
// treaty_bench_options.cc (the command line), treaty_bench_corpus.cc (what is indexed),
// child_process.cc (the measured child processes), treaty_bench_indexing.cc (the indexing runs
// of treatysearch and the Xapian peer), fts5_peer.cc (driving the SQLite FTS5 peer's scripts),
// treaty_bench_queries.cc (our query latency), treaty_bench_serve.cc (treaty-serve under load),
// treaty_bench_remote.cc (the same queries through xapian-tcpsrv) and treaty_bench_report.cc
// (text and JSON output).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "treatysearch/search.h"

#include "bench_common.h"

namespace treatysearch::bench {

inline constexpr const char* kTool = "treaty-bench";
inline constexpr std::size_t kTopK = 10;  // what the peers fetch, so latencies compare
inline constexpr const char* kIndexFolder = "treatysearch-index";
inline constexpr const char* kFts5Db = "fts5.db";
inline constexpr const char* kXapianFolder = "xapian-termgenerator";

// A failure the user can act on; main() prints it as one line and exits 2.
class BenchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string errno_text();  // strerror(errno)

// Prints "treaty-bench: warning: MESSAGE" on standard error; the run goes on.
void warn(const std::string& message);

// ---------------------------------------------------------------------------------------------
// Settings and results

struct Config {
  std::filesystem::path corpus, queries, work, fts5_dir;
  std::filesystem::path operators;  // --operators: the operator-class query file, or empty
  unsigned repeat = 3;
  unsigned query_passes = 10;
  unsigned threads = 0;
  unsigned shards = 0;
  std::string python;
  double flush_mb = 0;         // 0: the library's default; fractions too (0.25: 256 KiB)
  unsigned xapian_repeat = 0;  // runs of the Xapian TermGenerator peer (0: not measured)
  unsigned serve_seconds = 0;  // --serve: seconds of load on treaty-serve (0: not measured)
  unsigned serve_clients = 8;
  bool reuse_index = false;  // query what an earlier run left in --work; no indexing
  bool remote = false;       // --remote: also query through xapian-tcpsrv, one per shard
  bool term_lists = false;   // --term-lists (or --remote): IndexerOptions::term_lists
  std::string tcpsrv = "xapian-tcpsrv";
  bool json = false;
  std::string json_out;  // also write the JSON record here
  bool verbose = false;
};

struct Corpus {
  std::filesystem::path path;
  std::size_t files = 0;
  std::uint64_t bytes = 0;  // the denominator of every MB/s figure
  std::vector<std::filesystem::path> paths;
};

// What one measured child process did (child_process.cc).
struct ChildOutcome {
  double seconds = 0;       // fork to reap
  double cpu_seconds = 0;   // user + system, all threads: less sensitive than wall time to
                            // other work on a shared machine
  double peak_rss_mib = 0;  // ru_maxrss of the child (KiB on Linux)
  std::string output;       // what the child wrote to the pipe
  std::string failure;      // empty on exit status 0
};

struct IndexRun {
  double seconds = 0;
  double cpu_seconds = 0;
  double peak_rss_mib = 0;
  std::uint64_t index_bytes = 0;
  std::uint64_t input_bytes = 0;
  std::size_t documents = 0;
  std::size_t passages = 0;  // 0 when the engine has no passages (FTS5: one row per file)

  double mb_per_s() const { return static_cast<double>(input_bytes) / kMB / seconds; }
  double files_per_s() const { return static_cast<double>(documents) / seconds; }
  double passages_per_s() const { return static_cast<double>(passages) / seconds; }
};

// Medians over the runs, metric by metric.
struct IndexSummary {
  double seconds = 0, cpu_seconds = 0, mb_per_s = 0, files_per_s = 0, passages_per_s = 0,
         peak_rss_mib = 0;
  double index_bytes = 0;
};

struct QuerySpec {
  std::string kind;   // term, and, or, phrase
  std::string words;  // as in the file, space separated
  std::string text;   // in our query syntax
};

struct QueryRow {
  QuerySpec spec;
  std::uint64_t hits = 0;  // first pass; passages for us, files for FTS5
  double median_ms = 0;
  std::string top;  // first hit: citation for us, file name for FTS5
  std::string error;
};

struct Latency {
  std::size_t executions = 0;
  double p50 = 0, p95 = 0, mean = 0, max = 0;
};

// p50, p95, mean and max of latencies in ms (nearest rank, as the peers compute them).
Latency latency_of(const std::vector<double>& ms);

struct QueryRun {
  Latency latency;
  std::vector<QueryRow> rows;
  std::size_t failed = 0;
};

// One line of the --operators file: an operation of one operator class.
struct OperatorSpec {
  std::string cls;    // "words", "phrase", "proximity", "facets", ...
  std::string query;  // in our syntax, without the leading options
  treatysearch::SearchOptions options;
  bool like = false;  // similar(top hit of `query`) rather than search(query)
  std::string fts5;   // FTS5 MATCH expression; empty where FTS5 has no such operator
};

struct OperatorClass {
  std::string name;
  Latency ours;
  std::optional<Latency> fts5;
  std::size_t queries = 0;
  std::string error;  // the first failure, if any
};

struct EngineResult {
  std::string name;
  std::vector<IndexRun> runs;
  IndexSummary index;
  QueryRun queries;
};

// treaty-serve under load while treaty-index updates its index (--serve).
struct ServeRun {
  unsigned clients = 0;
  double seconds = 0;
  std::size_t requests = 0;  // answered with 200
  std::size_t errors = 0;    // any other status, or a failed connection
  std::string first_error;
  Latency latency;  // of the answered requests, ms
  double server_peak_rss_mib = 0;
  std::size_t index_updates = 0;  // treaty-index runs that committed during the load

  double requests_per_s() const { return static_cast<double>(requests) / seconds; }
};

// The same queries through the index's shards served by xapian-tcpsrv on 127.0.0.1 (--remote).
struct RemoteRun {
  unsigned shards = 0;
  QueryRun queries;
  std::vector<OperatorClass> operators;
};

struct Report {
  MachineInfo machine;
  std::string date;
  Corpus corpus;
  const Config* config = nullptr;
  EngineResult ours;
  std::optional<EngineResult> fts5;
  std::optional<EngineResult> xapian;    // indexing only
  std::vector<OperatorClass> operators;  // --operators
  std::optional<ServeRun> serve;         // --serve
  std::optional<RemoteRun> remote;       // --remote
};

// ---------------------------------------------------------------------------------------------
// Steps, by the file that defines them

// treaty_bench_options.cc
std::optional<Config> parse_options(int argc, char** argv);
// The IndexerOptions::flush_bytes a run uses (--flush-mb, else the library's default).
std::uint64_t flush_bytes(const Config& c);

// treaty_bench_corpus.cc
Corpus scan_corpus(const std::filesystem::path& dir);
void warm_page_cache(const Corpus& corpus);
std::uint64_t disk_bytes(const std::filesystem::path& path);  // a file's, or a folder's files'

// child_process.cc
void write_all(int fd, const std::string& text);
ChildOutcome run_in_child(const std::function<int(int)>& body);
ChildOutcome run_program(const std::vector<std::string>& args);

// treaty_bench_indexing.cc
IndexSummary summarize(const std::vector<IndexRun>& runs);
void record_child(const ChildOutcome& child, const std::filesystem::path& output, IndexRun* run);
// Fills the engines' indexing results of `report` (its corpus already scanned): runs every
// engine the options ask for, or with --reuse-index only sizes what an earlier run left.
void index_both(const Config& config, Report* report);

// fts5_peer.cc
IndexRun index_fts5_once(const Config& config, const Corpus& corpus);
QueryRun run_fts5_queries(const Config& config, std::size_t expected_queries);

// treaty_bench_queries.cc
std::vector<QuerySpec> load_queries(const std::filesystem::path& file);
// On `searcher` (the benchmark index, local or remote); `where` names it in progress lines.
QueryRun run_our_queries(const Config& config, const std::vector<QuerySpec>& specs,
                         const Searcher& searcher, const std::string& where);

// treaty_bench_operators.cc
std::vector<OperatorSpec> load_operator_queries(const std::filesystem::path& file);
std::vector<OperatorClass> run_operator_classes(const Config& config,
                                                const std::vector<OperatorSpec>& specs,
                                                const Searcher& searcher);

// treaty_bench_remote.cc: serves each shard of the benchmark index with its own xapian-tcpsrv
// on 127.0.0.1 and runs the benchmark queries (and operator classes) through them.
RemoteRun run_remote(const Config& config, const std::vector<QuerySpec>& queries,
                     const std::vector<OperatorSpec>& operators);
// Fills OperatorClass::fts5 from fts5_operators.py over the FTS5 database of this run.
void add_fts5_operator_classes(const Config& config, std::vector<OperatorClass>* classes);

// treaty_bench_serve.cc
ServeRun run_serve_load(const Config& config, const std::vector<QuerySpec>& specs,
                        const Corpus& corpus);

// treaty_bench_report.cc
void print_text(const Report& r);
nlohmann::json to_json(const Report& r);

}  // namespace treatysearch::bench

// treaty-bench: indexing throughput, peak memory, index size and query latency of treatysearch
// over a corpus, optionally side by side with the SQLite FTS5 peer of ../shared/bench, in the
// same run on the same machine (the machine is shared and noisy, so only same-run ratios mean
// much). Exit codes: 0 done, 2 error (bad option or path, an engine failed, a query failed).
// The steps live in the files treaty_bench.h lists; this one orders a run.
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "treaty_bench.h"
#include "treatysearch/error.h"

using namespace treatysearch;
using namespace treatysearch::bench;

namespace treatysearch::bench {

void warn(const std::string& message) { cli::print_error(kTool, "warning: " + message); }

}  // namespace treatysearch::bench

namespace {

int run(const Config& config) {
  Report report;
  report.config = &config;
  report.machine = read_machine_info();
  report.date = local_date_time();
  report.corpus = scan_corpus(config.corpus);
  const std::vector<QuerySpec> queries = load_queries(config.queries);
  std::vector<OperatorSpec> operators;
  if (!config.operators.empty()) operators = load_operator_queries(config.operators);
  warm_page_cache(report.corpus);

  // Both engines index before anything is searched: the children are forked from this process,
  // and a parent holding an open index would lend them its memory at fork time.
  index_both(config, &report);
  {
    const Searcher searcher = Searcher::open((config.work / kIndexFolder).string());
    report.ours.queries = run_our_queries(config, queries, searcher, "");
    if (!operators.empty()) report.operators = run_operator_classes(config, operators, searcher);
  }
  if (report.fts5) report.fts5->queries = run_fts5_queries(config, queries.size());
  if (!operators.empty() && report.fts5) add_fts5_operator_classes(config, &report.operators);
  if (config.remote) report.remote = run_remote(config, queries, operators);

  if (config.serve_seconds > 0) report.serve = run_serve_load(config, queries, report.corpus);

  if (!config.json_out.empty()) {
    std::ofstream out(config.json_out);
    out << to_json(report).dump(2) << '\n';
    if (!out) cli::print_error(kTool, "--json-out " + config.json_out + ": cannot write");
  }
  if (config.json)
    std::cout << to_json(report).dump(2) << '\n';
  else
    print_text(report);
  if (report.ours.queries.failed > 0) {
    for (const auto& row : report.ours.queries.rows)
      if (!row.error.empty()) cli::print_error(kTool, "query " + row.spec.text + ": " + row.error);
    cli::print_error(kTool, std::to_string(report.ours.queries.failed) +
                                " queries failed; their latencies are left out");
    return cli::kExitError;
  }
  return cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::optional<Config> config = parse_options(argc, argv);
    return config ? run(*config) : cli::kExitOk;
  } catch (const BenchError& e) {
    cli::print_error(kTool, e.what());
  } catch (const Error& e) {
    cli::print_error(kTool, e.what());
  } catch (const std::exception& e) {
    cli::print_error(kTool, std::string("internal error: ") + e.what());
  }
  return cli::kExitError;
}

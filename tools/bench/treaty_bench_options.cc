// treaty-bench's command line: the options, their checks, and the --help text.
#include <unistd.h>

#include <boost/program_options.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>

#include "treaty_bench.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace treatysearch::bench {
namespace {

constexpr const char* kUsage =
    R"usage(Usage: treaty-bench --corpus DIR --queries FILE --work DIR [OPTIONS]

Indexes DIR into a fresh index under --work (--repeat times, a new index each time, each run in
its own child process so its peak RSS is its own), then runs the queries of FILE
(kind<TAB>words, kind = term/and/or/phrase, '#' comments): one untimed warm-up pass, then
--query-passes timed passes, top 10, snippets and citations included. With --fts5 DIR (the
folder holding index_fts5.py and bench_query.py), the SQLite FTS5 peer is measured the same way
in the same run and both are printed side by side. With --xapian-peer, Xapian's own
TermGenerator path (one document per file, English stemming, positions, default flush) indexes
the same files too: the baseline of the indexing-speed target. MB = 10^6 bytes, MiB = 2^20.

Example:
  treaty-bench --corpus /tmp/corpus-200 --queries ../shared/bench/queries.txt \
      --work /tmp/tb-work --repeat 3 --fts5 ../shared/bench --xapian-peer

Options)usage";

fs::path existing_folder(const std::string& given, const char* option) {
  std::error_code ec;
  if (!fs::is_directory(given, ec))
    throw BenchError(std::string(option) + " " + given +
                     (fs::exists(given, ec) ? ": not a folder" : ": no such folder"));
  return fs::canonical(given);
}

fs::path readable_file(const std::string& given, const char* option) {
  std::error_code ec;
  if (!fs::is_regular_file(given, ec))
    throw BenchError(std::string(option) + " " + given +
                     (fs::exists(given, ec) ? ": not a regular file" : ": no such file"));
  if (access(given.c_str(), R_OK) != 0)
    throw BenchError(std::string(option) + " " + given + ": " + errno_text());
  return fs::canonical(given);
}

// Creates the work folder; refuses one inside the corpus (checked before creating anything),
// which would index our own output.
fs::path prepare_work(const std::string& given, const fs::path& corpus) {
  std::error_code ec;
  const fs::path wanted = fs::weakly_canonical(fs::absolute(given), ec);
  const auto [c, w] = std::mismatch(corpus.begin(), corpus.end(), wanted.begin(), wanted.end());
  if (c == corpus.end())
    throw BenchError("--work " + given + ": inside the corpus folder; choose another place");
  fs::create_directories(wanted, ec);
  if (ec || !fs::is_directory(wanted))
    throw BenchError("--work " + given + ": cannot create folder" +
                     (ec ? ": " + ec.message() : std::string()));
  if (access(wanted.c_str(), W_OK) != 0) throw BenchError("--work " + given + ": " + errno_text());
  return fs::canonical(wanted);
}

void check_fts5_dir(const fs::path& dir) {
  for (const char* script : {"index_fts5.py", "bench_query.py"})
    if (!fs::is_regular_file(dir / script))
      throw BenchError("--fts5 " + dir.string() + ": no " + script + " there");
}

// Debian's interpreter when present: a python3 found first on PATH may be a pyenv shim, which
// adds a shell script's start-up to every FTS5 figure and may carry another SQLite.
std::string default_python() {
  return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

}  // namespace

// Returns nullopt when the program should exit 0 (--help).
std::optional<Config> parse_options(int argc, char** argv) {
  Config config;
  std::string corpus, queries, work, fts5, operators;
  po::options_description visible(kUsage);
  // One option a line reads better than the formatter's layout of this chain.
  // clang-format off
  visible.add_options()
      ("help,h", "print this help and exit")
      ("corpus", po::value(&corpus)->required(), "folder of documents to index")
      ("queries", po::value(&queries)->required(), "query file (kind<TAB>words)")
      ("work", po::value(&work)->required(),
       "scratch folder for the indexes (created; the index inside is replaced each run)")
      ("repeat", po::value(&config.repeat)->default_value(3), "indexing runs (median reported)")
      ("query-passes", po::value(&config.query_passes)->default_value(10),
       "timed passes over the queries")
      ("threads", po::value(&config.threads)->default_value(0),
       "indexer analysis threads (0: one per core)")
      ("fts5", po::value(&fts5), "folder of index_fts5.py and bench_query.py: measure FTS5 too")
      ("xapian-peer", po::value(&config.xapian_repeat)->implicit_value(1),
       "--xapian-peer[=N]: also index with Xapian's TermGenerator (one document per file), N runs (default 1)")
      ("python", po::value(&config.python)->default_value(default_python()),
       "Python for --fts5 (Debian's, as ../shared/bench/README.md asks)")
      ("shards", po::value(&config.shards)->default_value(0),
       "shards of the new index (0: one per core)")
      ("flush-mb", po::value(&config.flush_mb)->default_value(0),
       "IndexerOptions::flush_bytes in MiB, fractions too (0: the library's default)")
      ("reuse-index",
       "skip indexing: query the index (and FTS5 database) an earlier run left in --work")
      ("operators", po::value(&operators),
       "also time each operator class of this file (tools/bench/operator_queries.tsv), and "
       "FTS5's where it has the operator")
      ("serve", po::value(&config.serve_seconds)->implicit_value(60),
       "also load treaty-serve on the index for this many seconds (60) with --serve-clients "
       "clients while treaty-index updates the index")
      ("serve-clients", po::value(&config.serve_clients)->default_value(8),
       "concurrent clients of --serve")
      ("remote", "also run the queries (and --operators) through the index's shards, each "
       "served by its own xapian-tcpsrv on 127.0.0.1 (the index is then built with term lists, "
       "which xapian-tcpsrv needs: see --term-lists)")
      ("term-lists", "build the index with Xapian's term lists (IndexerOptions::term_lists)")
      ("tcpsrv", po::value(&config.tcpsrv)->default_value(config.tcpsrv),
       "the xapian-tcpsrv program of --remote")
      ("json", "print one JSON record instead of tables")
      ("json-out", po::value(&config.json_out), "also write the JSON record to this file")
      ("verbose,v", "also print hits and median latency per query");
  // clang-format on
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, visible), vm);
    if (vm.count("help")) {
      std::cout << visible << '\n';
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw BenchError(std::string(e.what()) + " (see treaty-bench --help)");
  }
  if (config.repeat == 0) throw BenchError("--repeat must be at least 1");
  if (config.query_passes == 0) throw BenchError("--query-passes must be at least 1");
  if (config.serve_clients == 0) throw BenchError("--serve-clients must be at least 1");
  config.corpus = existing_folder(corpus, "--corpus");
  config.queries = readable_file(queries, "--queries");
  if (!operators.empty()) config.operators = readable_file(operators, "--operators");
  config.work = prepare_work(work, config.corpus);
  if (!fts5.empty()) {
    config.fts5_dir = existing_folder(fts5, "--fts5");
    check_fts5_dir(config.fts5_dir);
  }
  config.reuse_index = vm.count("reuse-index") > 0;
  config.remote = vm.count("remote") > 0;
  config.term_lists = config.remote || vm.count("term-lists") > 0;
  config.json = vm.count("json") > 0;
  config.verbose = vm.count("verbose") > 0;
  return config;
}

}  // namespace treatysearch::bench

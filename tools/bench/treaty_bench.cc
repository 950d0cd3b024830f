// treaty-bench: indexing throughput, peak memory, index size and query latency of treatysearch
// over a corpus, optionally side by side with the SQLite FTS5 peer of ../shared/bench, in the
// same run on the same machine (the machine is shared and noisy, so only same-run ratios mean
// much). Exit codes: 0 done, 2 error (bad option or path, an engine failed, a query failed).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_common.h"
#include "cli_common.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"
#include "treatysearch/version.h"
#include "xapian_peer.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using json = nlohmann::json;
using namespace treatysearch;
using namespace treatysearch::bench;

namespace {

constexpr const char* kTool = "treaty-bench";
constexpr std::size_t kTopK = 10;  // what the peers fetch, so latencies compare
constexpr const char* kIndexFolder = "treatysearch-index";
constexpr const char* kFts5Db = "fts5.db";
constexpr const char* kXapianFolder = "xapian-termgenerator";

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

// A failure the user can act on; main() prints it as one line and exits 2.
class BenchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string errno_text() { return std::strerror(errno); }

// ---------------------------------------------------------------------------------------------
// Options

struct Config {
  fs::path corpus, queries, work, fts5_dir;
  unsigned repeat = 3;
  unsigned query_passes = 10;
  unsigned threads = 0;
  unsigned shards = 0;
  std::string python;
  std::uint64_t flush_mb = 0;  // 0: the library's default
  unsigned xapian_repeat = 0;  // runs of the Xapian TermGenerator peer (0: not measured)
  bool reuse_index = false;    // query what an earlier run left in --work; no indexing
  bool json = false;
  std::string json_out;  // also write the JSON record here
  bool verbose = false;
};

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

// Returns nullopt when the program should exit 0 (--help).
std::optional<Config> parse_options(int argc, char** argv) {
  Config config;
  std::string corpus, queries, work, fts5;
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
       "IndexerOptions::flush_bytes in MiB (0: the library's default)")
      ("reuse-index",
       "skip indexing: query the index (and FTS5 database) an earlier run left in --work")
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
  config.corpus = existing_folder(corpus, "--corpus");
  config.queries = readable_file(queries, "--queries");
  config.work = prepare_work(work, config.corpus);
  if (!fts5.empty()) {
    config.fts5_dir = existing_folder(fts5, "--fts5");
    check_fts5_dir(config.fts5_dir);
  }
  config.reuse_index = vm.count("reuse-index") > 0;
  config.json = vm.count("json") > 0;
  config.verbose = vm.count("verbose") > 0;
  return config;
}

// ---------------------------------------------------------------------------------------------
// The corpus

struct Corpus {
  fs::path path;
  std::size_t files = 0;
  std::uint64_t bytes = 0;  // the denominator of every MB/s figure
  std::vector<fs::path> paths;
};

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// The files the indexer reads: visible .txt/.text files, recursively (as its file walker does).
bool is_indexed_file(const fs::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_regular_file(ec)) return false;
  std::string ext = entry.path().extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".text";
}

Corpus scan_corpus(const fs::path& dir) {
  Corpus corpus;
  corpus.path = dir;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_indexed_file(*it)) continue;
    corpus.paths.push_back(it->path());
    corpus.bytes += it->file_size(ec);
  }
  if (ec) throw BenchError("--corpus " + dir.string() + ": cannot read: " + ec.message());
  corpus.files = corpus.paths.size();
  if (corpus.files == 0) throw BenchError("--corpus " + dir.string() + ": no .txt files there");
  return corpus;
}

// Reads every file once so that all engines start from the page cache: the benchmark measures
// indexing, not the disk.
void warm_page_cache(const Corpus& corpus) {
  std::vector<char> buffer(1 << 20);
  for (const auto& path : corpus.paths) {
    std::ifstream in(path, std::ios::binary);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()))) {
    }
  }
}

std::uint64_t disk_bytes(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Child processes: every measured engine run happens in one, so that its peak RSS (from wait4)
// is its own and no run inherits another's heap or caches.

struct ChildOutcome {
  double seconds = 0;       // fork to reap
  double cpu_seconds = 0;   // user + system, all threads: less sensitive than wall time to
                            // other work on a shared machine
  double peak_rss_mib = 0;  // ru_maxrss of the child (KiB on Linux)
  std::string output;       // what the child wrote to the pipe
  std::string failure;      // empty on exit status 0
};

std::string read_all(int fd) {
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      return out;
    }
  }
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string describe_status(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status) == 0 ? "" : "exit status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
  return "stopped";
}

double timeval_seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// Runs `body(fd)` in a forked child, `fd` being the write end of a pipe the parent reads to EOF.
// The child ends with _exit(body's result) so that it never runs the parent's exit handlers.
ChildOutcome run_in_child(const std::function<int(int)>& body) {
  int fds[2];
  if (pipe(fds) != 0) throw BenchError("pipe: " + errno_text());
  std::fflush(nullptr);  // or buffered output would be written twice
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw BenchError("fork: " + errno_text());
  if (pid == 0) {
    close(fds[0]);
    int code = 127;
    try {
      code = body(fds[1]);
    } catch (...) {
    }
    _exit(code);
  }
  close(fds[1]);
  ChildOutcome outcome;
  outcome.output = read_all(fds[0]);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0)
    if (errno != EINTR) throw BenchError("wait4: " + errno_text());
  outcome.seconds = seconds_since(start);
  outcome.cpu_seconds = timeval_seconds(usage.ru_utime) + timeval_seconds(usage.ru_stime);
  outcome.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  outcome.failure = describe_status(status);
  return outcome;
}

// Runs a program with its standard output captured (its standard error stays ours).
ChildOutcome run_program(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return run_in_child([&argv](int fd) {
    dup2(fd, STDOUT_FILENO);
    close(fd);
    execvp(argv[0], argv.data());
    std::fprintf(stderr, "%s: cannot run %s: %s\n", kTool, argv[0], std::strerror(errno));
    return 127;
  });
}

// ---------------------------------------------------------------------------------------------
// Indexing

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

IndexSummary summarize(const std::vector<IndexRun>& runs) {
  auto med = [&runs](auto metric) {
    std::vector<double> values;
    for (const auto& r : runs) values.push_back(metric(r));
    return median(std::move(values));
  };
  IndexSummary s;
  s.seconds = med([](const IndexRun& r) { return r.seconds; });
  s.cpu_seconds = med([](const IndexRun& r) { return r.cpu_seconds; });
  s.mb_per_s = med([](const IndexRun& r) { return r.mb_per_s(); });
  s.files_per_s = med([](const IndexRun& r) { return r.files_per_s(); });
  s.passages_per_s = med([](const IndexRun& r) { return r.passages_per_s(); });
  s.peak_rss_mib = med([](const IndexRun& r) { return r.peak_rss_mib; });
  s.index_bytes = med([](const IndexRun& r) { return static_cast<double>(r.index_bytes); });
  return s;
}

// The child's side of one treatysearch run: index, commit, report "ok PASSAGES BYTES FAILED
// FIRST_FAILURE" or "error MESSAGE" on the pipe.
int index_in_child(const Config& config, const fs::path& index_dir, int fd) {
  try {
    IndexerOptions options;
    options.threads = config.threads;
    options.shards = config.shards;
    if (config.flush_mb > 0) options.flush_bytes = config.flush_mb << 20;
    Indexer indexer = Indexer::open(index_dir.string(), options);
    const IngestReport report = indexer.add_paths({config.corpus.string()});
    indexer.commit();
    std::string first_failure;
    for (const auto& f : report.files)
      if (f.status == FileStatus::kFailed && first_failure.empty())
        first_failure = f.path + ": " + f.error;
    write_all(fd, "ok " + std::to_string(report.passages) + " " + std::to_string(report.bytes) +
                      " " + std::to_string(report.failed) + " " + first_failure);
    return 0;
  } catch (const std::exception& e) {
    write_all(fd, std::string("error ") + e.what());
    return 2;
  }
}

void warn(const std::string& message) { cli::print_error(kTool, "warning: " + message); }

// What every engine's run reports the same way: the child's wall and CPU time, its peak RSS,
// and the size of what it wrote at `output`.
void record_child(const ChildOutcome& child, const fs::path& output, IndexRun* run) {
  run->seconds = child.seconds;
  run->cpu_seconds = child.cpu_seconds;
  run->peak_rss_mib = child.peak_rss_mib;
  run->index_bytes = disk_bytes(output);
}

IndexRun index_treatysearch_once(const Config& config, const Corpus& corpus) {
  const fs::path index_dir = config.work / kIndexFolder;
  std::error_code ec;
  fs::remove_all(index_dir, ec);
  if (ec) throw BenchError(index_dir.string() + ": cannot remove old index: " + ec.message());
  const ChildOutcome child =
      run_in_child([&](int fd) { return index_in_child(config, index_dir, fd); });
  std::istringstream out(child.output);
  std::string word;
  out >> word;
  if (word != "ok") {
    std::string message;
    std::getline(out, message);
    throw BenchError("treatysearch indexing failed: " +
                     (word == "error" ? message.substr(1) : child.failure));
  }
  IndexRun run;
  std::uint64_t report_bytes = 0;
  std::size_t failed = 0;
  std::string first_failure;
  out >> run.passages >> report_bytes >> failed;
  std::getline(out, first_failure);
  if (failed > 0) warn(std::to_string(failed) + " files failed to index, e.g." + first_failure);
  if (report_bytes != corpus.bytes)
    warn("the indexer read " + std::to_string(report_bytes) + " bytes, the corpus has " +
         std::to_string(corpus.bytes));
  run.input_bytes = corpus.bytes;
  run.documents = corpus.files;
  record_child(child, index_dir, &run);
  return run;
}

// "indexed N docs, B bytes" from index_fts5.py.
void parse_fts5_index_output(const std::string& output, IndexRun* run) {
  const auto at = output.find("indexed ");
  if (at == std::string::npos ||
      std::sscanf(output.c_str() + at, "indexed %zu docs, %" SCNu64 " bytes", &run->documents,
                  &run->input_bytes) != 2)
    throw BenchError("index_fts5.py: unexpected output: " + output);
}

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

IndexRun index_xapian_once(const Config& config, const Corpus& corpus) {
  const fs::path db = config.work / kXapianFolder;
  std::error_code ec;
  fs::remove_all(db, ec);
  const ChildOutcome child = run_in_child([&](int fd) {
    try {
      write_all(fd, "ok " + std::to_string(index_with_termgenerator(corpus.paths, db)));
      return 0;
    } catch (const std::exception& e) {
      write_all(fd, std::string("error ") + e.what());
      return 2;
    }
  });
  if (child.output.rfind("ok ", 0) != 0)
    throw BenchError("Xapian TermGenerator peer failed: " +
                     (child.output.empty() ? child.failure : child.output));
  IndexRun run;
  run.input_bytes = std::stoull(child.output.substr(3));
  run.documents = corpus.files;
  record_child(child, db, &run);
  return run;
}

std::vector<IndexRun> repeat_indexing(const char* engine, unsigned repeat,
                                      const std::function<IndexRun()>& once) {
  std::vector<IndexRun> runs;
  for (unsigned i = 1; i <= repeat; ++i) {
    std::fprintf(stderr, "%s: indexing with %s, run %u/%u...\n", kTool, engine, i, repeat);
    runs.push_back(once());
    std::fprintf(stderr, "%s:   %.2f s, %.2f MB/s, peak RSS %.1f MiB\n", kTool, runs.back().seconds,
                 runs.back().mb_per_s(), runs.back().peak_rss_mib);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Queries

struct QuerySpec {
  std::string kind;   // term, and, or, phrase
  std::string words;  // as in the file, space separated
  std::string text;   // in our query syntax
};

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

Latency latency_of(const std::vector<double>& ms) {
  return {ms.size(), nearest_rank(ms, 50), nearest_rank(ms, 95), mean(ms), maximum(ms)};
}

struct QueryRun {
  Latency latency;
  std::vector<QueryRow> rows;
  std::size_t failed = 0;
};

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

QueryRun run_our_queries(const Config& config, const std::vector<QuerySpec>& specs) {
  std::fprintf(stderr, "%s: querying treatysearch (%zu queries x %u passes)...\n", kTool,
               specs.size(), config.query_passes);
  const Searcher searcher = Searcher::open((config.work / kIndexFolder).string());
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

// ---------------------------------------------------------------------------------------------
// Results

struct EngineResult {
  std::string name;
  std::vector<IndexRun> runs;
  IndexSummary index;
  QueryRun queries;
};

struct Report {
  MachineInfo machine;
  std::string date;
  Corpus corpus;
  const Config* config = nullptr;
  EngineResult ours;
  std::optional<EngineResult> fts5;
  std::optional<EngineResult> xapian;  // indexing only
};

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

// The environment variable Xapian reads for its own document-count flush. The indexer never
// lets Xapian commit by itself (index_writer.h), but Xapian still writes its pending postings
// out at that count, so a set value can change the results and is printed with them.
std::string xapian_flush_env() {
  const char* value = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  return value ? value : "";
}

std::uint64_t flush_bytes(const Config& c) {
  return c.flush_mb ? c.flush_mb << 20 : IndexerOptions{}.flush_bytes;
}

std::string count_or_default(unsigned n) { return n == 0 ? "0 (one per core)" : std::to_string(n); }

void print_header(const Report& r) {
  const Config& c = *r.config;
  std::printf("treaty-bench (treatysearch %s), %s\n", version(), r.date.c_str());
  std::printf("machine : %s\n", describe(r.machine).c_str());
  std::printf("corpus  : %s: %zu files, %.1f MB\n", r.corpus.path.c_str(), r.corpus.files,
              static_cast<double>(r.corpus.bytes) / kMB);
  if (c.reuse_index)
    std::printf("settings: no indexing (--reuse-index): querying the index left in %s\n",
                c.work.c_str());
  else
    std::printf("settings: %u indexing run(s), fresh index each, corpus in page cache\n", c.repeat);
  std::printf("          indexer threads %s, shards %s\n", count_or_default(c.threads).c_str(),
              count_or_default(c.shards).c_str());
  std::printf(
      "          %zu queries x %u timed passes after 1 warm-up, top %zu (snippets, "
      "citations)\n",
      r.ours.queries.rows.size(), c.query_passes, kTopK);
  std::printf(
      "          flush every %.0f KiB of analysed text%s%s\n",
      static_cast<double>(flush_bytes(c)) / 1024, c.flush_mb ? "" : " (library default)",
      xapian_flush_env().empty() ? "" : ("; XAPIAN_FLUSH_THRESHOLD=" + xapian_flush_env()).c_str());
  if (r.fts5) std::printf("peer    : SQLite FTS5 via %s\n", c.python.c_str());
  if (r.xapian)
    std::printf("peer    : Xapian %s TermGenerator, %u run(s), indexing only\n",
                Xapian::version_string(), c.xapian_repeat);
}

// A figure, or "-" when it was not measured (no passages for FTS5; no runs with --reuse-index).
std::string figure(double value, int decimals, bool measured = true) {
  if (!measured || !(value > 0)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

void print_run_row(const std::string& label, const IndexSummary& m) {
  std::printf("%-7s %9.2f %9.2f %8.2f %9.1f %11s %13.1f %10.1f\n", label.c_str(), m.seconds,
              m.cpu_seconds, m.mb_per_s, m.files_per_s, figure(m.passages_per_s, 0).c_str(),
              m.peak_rss_mib, m.index_bytes / kMB);
}

void print_runs(const EngineResult& e) {
  if (e.runs.empty()) return;  // --reuse-index
  std::printf("\nIndexing, %s (wall seconds; CPU seconds = user + system of all threads)\n",
              e.name.c_str());
  std::printf("%-7s %9s %9s %8s %9s %11s %13s %10s\n", "run", "seconds", "CPU s", "MB/s", "files/s",
              "passages/s", "peak RSS MiB", "index MB");
  for (std::size_t i = 0; i < e.runs.size(); ++i)
    print_run_row(std::to_string(i + 1), summarize({e.runs[i]}));
  print_run_row("median", e.index);
}

void print_engine_row(const EngineResult& e, double corpus_bytes) {
  const IndexSummary& m = e.index;
  const Latency& l = e.queries.latency;
  const bool ran = !e.runs.empty();
  const bool queried = l.executions > 0;
  std::printf("%-13s %7s %8s %10s %9s %9.1f %7.2f %8s %8s %8s %8s\n", e.name.c_str(),
              figure(m.mb_per_s, 2, ran).c_str(), figure(m.files_per_s, 1, ran).c_str(),
              figure(m.passages_per_s, 0, ran).c_str(), figure(m.peak_rss_mib, 1, ran).c_str(),
              m.index_bytes / kMB, m.index_bytes / corpus_bytes, figure(l.p50, 2, queried).c_str(),
              figure(l.p95, 2, queried).c_str(), figure(l.mean, 2, queried).c_str(),
              figure(l.max, 2, queried).c_str());
}

void print_side_by_side(const Report& r) {
  std::printf(
      "\nSummary (indexing: medians of %zu runs; queries: nearest-rank over %zu timed "
      "executions)\n",
      r.ours.runs.size(), r.ours.queries.latency.executions);
  std::printf("%-13s %7s %8s %10s %9s %9s %7s %8s %8s %8s %8s\n", "engine", "MB/s", "files/s",
              "passages/s", "peak MiB", "index MB", "idx/cor", "p50 ms", "p95 ms", "mean ms",
              "max ms");
  const auto corpus_bytes = static_cast<double>(r.corpus.bytes);
  print_engine_row(r.ours, corpus_bytes);
  if (r.xapian) {
    print_engine_row(*r.xapian, corpus_bytes);
    if (!r.ours.runs.empty())
      std::printf("ratios: indexing MB/s ours / Xapian TermGenerator = %.2f\n",
                  ratio(r.ours.index.mb_per_s, r.xapian->index.mb_per_s));
  }
  if (!r.fts5) return;
  print_engine_row(*r.fts5, corpus_bytes);
  if (!r.ours.runs.empty() && !r.fts5->runs.empty())
    std::printf("ratios: indexing MB/s ours / FTS5 = %.2f; peak RSS ours / FTS5 = %.2f\n",
                ratio(r.ours.index.mb_per_s, r.fts5->index.mb_per_s),
                ratio(r.ours.index.peak_rss_mib, r.fts5->index.peak_rss_mib));
  std::printf("ratios: query p95 FTS5 / ours = %.2f (p50 %.2f)\n",
              ratio(r.fts5->queries.latency.p95, r.ours.queries.latency.p95),
              ratio(r.fts5->queries.latency.p50, r.ours.queries.latency.p50));
  std::printf(
      "(FTS5 stores one row per file and its text; hits below count passages for us, "
      "files for FTS5)\n");
}

void print_query_rows(const Report& r) {
  const auto& ours = r.ours.queries.rows;
  const auto* theirs = r.fts5 ? &r.fts5->queries.rows : nullptr;
  std::printf("\nPer query (hits of the first pass; median ms of the timed passes)\n");
  std::printf("%-6s %-36s %8s %8s", "kind", "words", "hits", "med ms");
  if (theirs) std::printf(" %9s %9s", "FTS5 hits", "FTS5 ms");
  std::printf("  top hit\n");
  for (std::size_t i = 0; i < ours.size(); ++i) {
    const QueryRow& q = ours[i];
    std::printf("%-6s %-36s %8" PRIu64 " %8.3f", q.spec.kind.c_str(), q.spec.words.c_str(), q.hits,
                q.median_ms);
    if (theirs && i < theirs->size())
      std::printf(" %9" PRIu64 " %9.3f", (*theirs)[i].hits, (*theirs)[i].median_ms);
    std::printf("  %s\n", q.error.empty() ? q.top.c_str() : ("ERROR: " + q.error).c_str());
  }
}

void print_text(const Report& r) {
  print_header(r);
  print_runs(r.ours);
  if (r.fts5) print_runs(*r.fts5);
  if (r.xapian) print_runs(*r.xapian);
  print_side_by_side(r);
  if (r.config->verbose) print_query_rows(r);
}

json to_json(const IndexRun& r) {
  return {{"seconds", r.seconds},           {"cpu_seconds", r.cpu_seconds},
          {"mb_per_s", r.mb_per_s()},       {"files_per_s", r.files_per_s()},
          {"passages", r.passages},         {"passages_per_s", r.passages_per_s()},
          {"peak_rss_mib", r.peak_rss_mib}, {"index_bytes", r.index_bytes},
          {"input_bytes", r.input_bytes}};
}

json to_json(const EngineResult& e) {
  json runs = json::array();
  for (const auto& r : e.runs) runs.push_back(to_json(r));
  const IndexSummary& m = e.index;
  const Latency& l = e.queries.latency;
  json rows = json::array();
  for (const auto& q : e.queries.rows)
    rows.push_back({{"kind", q.spec.kind},
                    {"words", q.spec.words},
                    {"query", q.spec.text.empty() ? json() : json(q.spec.text)},
                    {"hits", q.hits},
                    {"median_ms", q.median_ms},
                    {"top", q.top},
                    {"error", q.error.empty() ? json() : json(q.error)}});
  return {{"engine", e.name},
          {"index_runs", runs},
          {"index_median",
           {{"seconds", m.seconds},
            {"cpu_seconds", m.cpu_seconds},
            {"mb_per_s", m.mb_per_s},
            {"files_per_s", m.files_per_s},
            {"passages_per_s", m.passages_per_s},
            {"peak_rss_mib", m.peak_rss_mib},
            {"index_bytes", m.index_bytes}}},
          {"query_latency_ms",
           {{"executions", l.executions},
            {"p50", l.p50},
            {"p95", l.p95},
            {"mean", l.mean},
            {"max", l.max}}},
          {"queries", rows}};
}

json to_json(const Report& r) {
  const Config& c = *r.config;
  json out = {
      {"tool", kTool},
      {"treatysearch_version", version()},
      {"date", r.date},
      {"machine",
       {{"cpus", r.machine.cpus},
        {"cpu_model", r.machine.cpu_model},
        {"memory_bytes", r.machine.memory_bytes},
        {"kernel", r.machine.kernel}}},
      {"corpus",
       {{"path", r.corpus.path.string()}, {"files", r.corpus.files}, {"bytes", r.corpus.bytes}}},
      {"settings",
       {{"repeat", c.repeat},
        {"query_passes", c.query_passes},
        {"threads", c.threads},
        {"shards", c.shards},
        {"reuse_index", c.reuse_index},
        {"flush_bytes", flush_bytes(c)},
        {"xapian_flush_threshold_env",
         xapian_flush_env().empty() ? json() : json(xapian_flush_env())},
        {"top", kTopK},
        {"python", c.fts5_dir.empty() ? json() : json(c.python)},
        {"queries_file", c.queries.string()},
        {"mb", kMB}}},
      {"engines", json::array({to_json(r.ours)})}};
  if (r.fts5) {
    out["engines"].push_back(to_json(*r.fts5));
    out["ratios"] = {
        {"index_mb_per_s_ours_over_fts5", ratio(r.ours.index.mb_per_s, r.fts5->index.mb_per_s)},
        {"p95_fts5_over_ours", ratio(r.fts5->queries.latency.p95, r.ours.queries.latency.p95)},
        {"p50_fts5_over_ours", ratio(r.fts5->queries.latency.p50, r.ours.queries.latency.p50)}};
  }
  if (r.xapian) {
    out["engines"].push_back(to_json(*r.xapian));
    out["ratios"]["index_mb_per_s_ours_over_xapian_termgenerator"] =
        ratio(r.ours.index.mb_per_s, r.xapian->index.mb_per_s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

EngineResult index_engine(const std::string& name, unsigned repeat,
                          const std::function<IndexRun()>& once) {
  EngineResult e;
  e.name = name;
  e.runs = repeat_indexing(name.c_str(), repeat, once);
  e.index = summarize(e.runs);
  return e;
}

// With --reuse-index: no runs, only the size of what is there.
EngineResult existing_index(const std::string& name, const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw BenchError("--reuse-index: no " + path.string() + "; run without --reuse-index first");
  EngineResult e;
  e.name = name;
  e.index.index_bytes = static_cast<double>(disk_bytes(path));
  return e;
}

void index_both(const Config& config, Report* report) {
  const bool fts5 = !config.fts5_dir.empty();
  if (config.reuse_index) {
    report->ours = existing_index("treatysearch", config.work / kIndexFolder);
    if (fts5) report->fts5 = existing_index("SQLite FTS5", config.work / kFts5Db);
    return;
  }
  report->ours = index_engine("treatysearch", config.repeat,
                              [&] { return index_treatysearch_once(config, report->corpus); });
  if (fts5)
    report->fts5 = index_engine("SQLite FTS5", config.repeat,
                                [&] { return index_fts5_once(config, report->corpus); });
  if (config.xapian_repeat > 0)
    report->xapian = index_engine("Xapian TG", config.xapian_repeat,
                                  [&] { return index_xapian_once(config, report->corpus); });
}

int run(const Config& config) {
  Report report;
  report.config = &config;
  report.machine = read_machine_info();
  report.date = local_date_time();
  report.corpus = scan_corpus(config.corpus);
  const std::vector<QuerySpec> queries = load_queries(config.queries);
  warm_page_cache(report.corpus);

  // Both engines index before anything is searched: the children are forked from this process,
  // and a parent holding an open index would lend them its memory at fork time.
  index_both(config, &report);
  report.ours.queries = run_our_queries(config, queries);
  if (report.fts5) report.fts5->queries = run_fts5_queries(config, queries.size());

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

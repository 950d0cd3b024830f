// treaty-bench's indexing runs: treatysearch through its public API and Xapian's TermGenerator
// peer, each in a child process, repeated and summarised; or, with --reuse-index, the size of
// what an earlier run left. (The FTS5 peer's run is in fts5_peer.cc.)
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "treaty_bench.h"
#include "treatysearch/indexer.h"
#include "xapian_peer.h"

namespace fs = std::filesystem;

namespace treatysearch::bench {

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

// What every engine's run reports the same way: the child's wall and CPU time, its peak RSS,
// and the size of what it wrote at `output`.
void record_child(const ChildOutcome& child, const fs::path& output, IndexRun* run) {
  run->seconds = child.seconds;
  run->cpu_seconds = child.cpu_seconds;
  run->peak_rss_mib = child.peak_rss_mib;
  run->index_bytes = disk_bytes(output);
}

namespace {

// The child's side of one treatysearch run: index, commit, report "ok PASSAGES BYTES FAILED
// FIRST_FAILURE" or "error MESSAGE" on the pipe.
int index_in_child(const Config& config, const fs::path& index_dir, int fd) {
  try {
    IndexerOptions options;
    options.threads = config.threads;
    options.shards = config.shards;
    options.term_lists = config.term_lists;
    options.flush_bytes = flush_bytes(config);
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

}  // namespace

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

}  // namespace treatysearch::bench

// treaty-bench's output: the tables (with the machine and settings the figures are quoted with)
// and the JSON record.
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "treaty_bench.h"
#include "treatysearch/indexer.h"
#include "treatysearch/version.h"

using json = nlohmann::json;

namespace treatysearch::bench {

std::uint64_t flush_bytes(const Config& c) {
  return c.flush_mb > 0 ? static_cast<std::uint64_t>(c.flush_mb * (1u << 20))
                        : IndexerOptions{}.flush_bytes;
}

namespace {

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

// The environment variable Xapian reads for its own document-count flush. The indexer never
// lets Xapian commit by itself (index_writer.h), but Xapian still writes its pending postings
// out at that count, so a set value can change the results and is printed with them.
std::string xapian_flush_env() {
  const char* value = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  return value ? value : "";
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
  std::printf("          indexer threads %s, shards %s, %s\n", count_or_default(c.threads).c_str(),
              count_or_default(c.shards).c_str(),
              c.term_lists ? "with term lists" : "without term lists");
  std::printf(
      "          %zu queries x %u timed passes after 1 warm-up, top %zu (snippets, "
      "citations)\n",
      r.ours.queries.rows.size(), c.query_passes, kTopK);
  std::printf(
      "          flush every %.0f KiB of analysed text%s%s\n",
      static_cast<double>(flush_bytes(c)) / 1024, c.flush_mb > 0 ? "" : " (library default)",
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

void print_operator_classes(const Report& r) {
  if (r.operators.empty()) return;
  std::printf("\nOperator classes (ms over every query of the class and every timed pass)\n");
  std::printf("%-11s %7s %9s %9s %9s %9s %12s\n", "class", "queries", "p50", "p95", "FTS5 p50",
              "FTS5 p95", "p95 FTS5/us");
  for (const OperatorClass& c : r.operators) {
    std::printf("%-11s %7zu %9.3f %9.3f", c.name.c_str(), c.queries, c.ours.p50, c.ours.p95);
    if (c.fts5)
      std::printf(" %9.3f %9.3f %12.2f", c.fts5->p50, c.fts5->p95, ratio(c.fts5->p95, c.ours.p95));
    else
      std::printf(" %9s %9s %12s", "-", "-", "-");
    if (!c.error.empty()) std::printf("  ERROR: %s", c.error.c_str());
    std::printf("\n");
  }
}

void print_serve(const Report& r) {
  if (!r.serve) return;
  const ServeRun& s = *r.serve;
  std::printf(
      "\ntreaty-serve under load: %u clients, %.1f s, treaty-index updating the index "
      "(%zu commits)\n",
      s.clients, s.seconds, s.index_updates);
  std::printf(
      "requests %zu (%.1f/s), errors %zu, latency ms p50 %.3f p95 %.3f max %.3f, "
      "server peak RSS %.1f MiB\n",
      s.requests, s.requests_per_s(), s.errors, s.latency.p50, s.latency.p95, s.latency.max,
      s.server_peak_rss_mib);
  if (!s.first_error.empty()) std::printf("first error: %s\n", s.first_error.c_str());
}

}  // namespace

void print_remote(const Report& r) {
  if (!r.remote) return;
  const RemoteRun& remote = *r.remote;
  const Latency& here = r.ours.queries.latency;
  const Latency& there = remote.queries.latency;
  std::printf("\nRemote: the same index through %u xapian-tcpsrv on 127.0.0.1 (ms)\n",
              remote.shards);
  std::printf("%-11s %9s %9s %9s %9s %14s\n", "queries", "local p50", "local p95", "remote p50",
              "remote p95", "p95 remote/loc");
  std::printf("%-11s %9.3f %9.3f %10.3f %10.3f %14.2f\n", "benchmark", here.p50, here.p95,
              there.p50, there.p95, ratio(there.p95, here.p95));
  for (std::size_t i = 0; i < remote.operators.size() && i < r.operators.size(); ++i) {
    const OperatorClass& local = r.operators[i];
    const OperatorClass& served = remote.operators[i];
    std::printf("%-11s %9.3f %9.3f %10.3f %10.3f %14.2f", served.name.c_str(), local.ours.p50,
                local.ours.p95, served.ours.p50, served.ours.p95,
                ratio(served.ours.p95, local.ours.p95));
    if (!served.error.empty()) std::printf("  ERROR: %s", served.error.c_str());
    std::printf("\n");
  }
  if (remote.queries.failed > 0)
    std::printf("%zu benchmark queries failed remotely\n", remote.queries.failed);
}

void print_text(const Report& r) {
  print_header(r);
  print_runs(r.ours);
  if (r.fts5) print_runs(*r.fts5);
  if (r.xapian) print_runs(*r.xapian);
  print_side_by_side(r);
  print_operator_classes(r);
  print_serve(r);
  print_remote(r);
  if (r.config->verbose) print_query_rows(r);
}

namespace {

json to_json(const IndexRun& r) {
  return {{"seconds", r.seconds},           {"cpu_seconds", r.cpu_seconds},
          {"mb_per_s", r.mb_per_s()},       {"files_per_s", r.files_per_s()},
          {"passages", r.passages},         {"passages_per_s", r.passages_per_s()},
          {"peak_rss_mib", r.peak_rss_mib}, {"index_bytes", r.index_bytes},
          {"input_bytes", r.input_bytes}};
}

json to_json(const Latency& l) {
  return {{"executions", l.executions},
          {"p50", l.p50},
          {"p95", l.p95},
          {"mean", l.mean},
          {"max", l.max}};
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
          {"query_latency_ms", to_json(l)},
          {"queries", rows}};
}

}  // namespace

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
        {"term_lists", c.term_lists},
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
  if (!r.operators.empty()) {
    json classes = json::array();
    for (const OperatorClass& op : r.operators)
      classes.push_back({{"class", op.name},
                         {"queries", op.queries},
                         {"ours_ms", to_json(op.ours)},
                         {"fts5_ms", op.fts5 ? to_json(*op.fts5) : json()},
                         {"error", op.error.empty() ? json() : json(op.error)}});
    out["operator_classes"] = classes;
    out["settings"]["operators_file"] = c.operators.string();
  }
  if (r.serve) {
    const ServeRun& s = *r.serve;
    out["serve"] = {{"clients", s.clients},
                    {"seconds", s.seconds},
                    {"requests", s.requests},
                    {"requests_per_s", s.requests_per_s()},
                    {"errors", s.errors},
                    {"first_error", s.first_error.empty() ? json() : json(s.first_error)},
                    {"latency_ms", to_json(s.latency)},
                    {"server_peak_rss_mib", s.server_peak_rss_mib},
                    {"index_updates", s.index_updates}};
  }
  if (r.remote) {
    json classes = json::array();
    for (const OperatorClass& served : r.remote->operators)
      classes.push_back({{"class", served.name}, {"latency_ms", to_json(served.ours)}});
    out["remote"] = {{"shards", r.remote->shards},
                     {"latency_ms", to_json(r.remote->queries.latency)},
                     {"failed", r.remote->queries.failed},
                     {"operator_classes", classes},
                     {"p95_remote_over_local",
                      ratio(r.remote->queries.latency.p95, r.ours.queries.latency.p95)}};
  }
  if (r.xapian) {
    out["engines"].push_back(to_json(*r.xapian));
    out["ratios"]["index_mb_per_s_ours_over_xapian_termgenerator"] =
        ratio(r.ours.index.mb_per_s, r.xapian->index.mb_per_s);
  }
  return out;
}

}  // namespace treatysearch::bench

// analyzer-bench: throughput of the text analyzer (ICU word segmentation + folding + Snowball
// stemming), single thread, per language. This is the floor under indexing speed: the indexer
// runs this exact code over every passage, so MB/s here bounds MB/s per indexing thread.
// Exit codes: 0 done, 2 error.
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "bench_common.h"
#include "cli_common.h"
#include "treatysearch/error.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using json = nlohmann::json;
using namespace treatysearch;
using namespace treatysearch::bench;

namespace {

constexpr const char* kTool = "analyzer-bench";

constexpr const char* kUsage = R"usage(Usage: analyzer-bench [--text LANG=FILE]... [OPTIONS]

Measures the analyzer (segmentation + folding + stemming) in MB/s and tokens/s, one thread, per
language. Without --text, uses the bundled corpus (corpus/*.txt, as English). Each file is cut
at blank lines into paragraphs and each paragraph analysed with one call, as the indexer
analyses passages (--whole-files: one call per file). After one untimed pass (which also fills
the analyzer's stem cache, as a long indexing run does), each run repeats passes over the text
until --min-seconds have passed; the median of --runs runs is reported. MB = 10^6 bytes.

Examples:
  analyzer-bench
  analyzer-bench --text en=eng.txt --text fr=fra.txt --text ru=rus.txt

Options)usage";

class BenchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Config {
  std::vector<std::string> texts;  // LANG=FILE
  double min_seconds = 2.0;
  unsigned runs = 5;
  bool whole_files = false;
  bool fresh_analyzer = false;
  bool json = false;
};

std::optional<Config> parse_options(int argc, char** argv) {
  Config config;
  po::options_description visible(kUsage);
  // One option a line reads better than the formatter's layout of this chain.
  // clang-format off
  visible.add_options()
      ("help,h", "print this help and exit")
      ("text", po::value(&config.texts)->composing(),
       "LANG=FILE: a UTF-8 text file and its language (repeatable)")
      ("min-seconds", po::value(&config.min_seconds)->default_value(2.0),
       "minimum duration of one run, per language")
      ("runs", po::value(&config.runs)->default_value(5), "runs per language (median reported)")
      ("whole-files", "analyse each file with one call instead of one call per paragraph")
      ("fresh-analyzer",
       "a new Analyzer for every pass, so each pass starts with an empty stem cache")
      ("json", "print one JSON record instead of a table");
  // clang-format on
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, visible), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw BenchError(std::string(e.what()) + " (see analyzer-bench --help)");
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return std::nullopt;
  }
  if (config.runs == 0) throw BenchError("--runs must be at least 1");
  if (!(config.min_seconds > 0)) throw BenchError("--min-seconds must be positive");
  config.whole_files = vm.count("whole-files") > 0;
  config.fresh_analyzer = vm.count("fresh-analyzer") > 0;
  config.json = vm.count("json") > 0;
  return config;
}

// ---------------------------------------------------------------------------------------------
// Input

// All the text of one language, cut into the units handed to analyze() one at a time.
struct LanguageText {
  std::string language;
  std::vector<std::string> files;
  std::vector<std::string> units;
  std::uint64_t bytes = 0;  // sum of the units' sizes: what analyze() is given per pass
};

std::string read_text_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw BenchError(path + (fs::exists(path, ec) ? ": not a regular file" : ": no such file"));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!(text << in.rdbuf())) throw BenchError(path + ": cannot read (or empty)");
  return text.str();
}

// Paragraphs: runs of text between blank lines, as passages mostly are.
void split_paragraphs(const std::string& text, std::vector<std::string>* units) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t blank = text.find("\n\n", start);
    if (blank == std::string::npos) blank = text.size();
    if (blank > start) units->push_back(text.substr(start, blank - start));
    start = blank + 2;
  }
}

void add_file(LanguageText* lang, const std::string& path, bool whole_files) {
  std::string text = read_text_file(path);
  lang->files.push_back(path);
  if (whole_files)
    lang->units.push_back(std::move(text));
  else
    split_paragraphs(text, &lang->units);
}

LanguageText& language_entry(std::vector<LanguageText>* langs, const std::string& language) {
  for (auto& l : *langs)
    if (l.language == language) return l;
  langs->push_back({language, {}, {}, 0});
  return langs->back();
}

std::vector<std::string> bundled_corpus() {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(TREATYSEARCH_BUNDLED_CORPUS, ec), end; !ec && it != end;
       it.increment(ec))
    if (it->path().extension() == ".txt") files.push_back("en=" + it->path().string());
  if (files.empty())
    throw BenchError(std::string("no .txt files in ") + TREATYSEARCH_BUNDLED_CORPUS +
                     "; give --text LANG=FILE");
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<LanguageText> load_texts(const Config& config) {
  const std::vector<std::string> specs = config.texts.empty() ? bundled_corpus() : config.texts;
  std::vector<LanguageText> langs;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      throw BenchError("--text " + spec + ": expected LANG=FILE, e.g. en=report.txt");
    add_file(&language_entry(&langs, spec.substr(0, eq)), spec.substr(eq + 1), config.whole_files);
  }
  for (auto& l : langs)
    for (const auto& u : l.units) l.bytes += u.size();
  return langs;
}

// ---------------------------------------------------------------------------------------------
// Measuring

// Counts tokens and touches every view, so the work cannot be judged unused.
class CountingSink : public core::TokenSink {
 public:
  void on_token(const core::Token& token) override {
    ++tokens_;
    checksum_ += token.surface.size() + token.stem.size() + token.position;
  }
  std::uint64_t tokens() const { return tokens_; }
  std::uint64_t checksum() const { return checksum_; }

 private:
  std::uint64_t tokens_ = 0;
  std::uint64_t checksum_ = 0;
};

void one_pass(core::Analyzer& analyzer, const LanguageText& text, CountingSink& sink) {
  for (const auto& unit : text.units) analyzer.analyze(unit, text.language, sink);
}

struct RunResult {
  double mb_per_s = 0;
  double tokens_per_s = 0;
};

struct LanguageResult {
  const LanguageText* text = nullptr;
  std::uint64_t tokens_per_pass = 0;
  std::vector<RunResult> runs;
  double mb_per_s = 0, tokens_per_s = 0, min_mb_per_s = 0, max_mb_per_s = 0;
};

RunResult timed_run(const Config& config, core::Analyzer& shared, const LanguageText& text) {
  CountingSink sink;
  std::uint64_t passes = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    if (config.fresh_analyzer) {
      core::Analyzer fresh;
      one_pass(fresh, text, sink);
    } else {
      one_pass(shared, text, sink);
    }
    ++passes;
    elapsed = seconds_since(start);
  } while (elapsed < config.min_seconds);
  return {static_cast<double>(passes * text.bytes) / kMB / elapsed,
          static_cast<double>(sink.tokens()) / elapsed};
}

LanguageResult measure(const Config& config, const LanguageText& text) {
  if (!core::Analyzer::has_stemmer(text.language))
    cli::print_error(
        kTool, "warning: no stemmer for '" + text.language + "': segmentation and folding only");
  std::fprintf(stderr, "%s: %s: %zu units, %.2f MB, %u runs of >= %.1f s...\n", kTool,
               text.language.c_str(), text.units.size(), static_cast<double>(text.bytes) / kMB,
               config.runs, config.min_seconds);
  core::Analyzer analyzer;
  LanguageResult result;
  result.text = &text;
  CountingSink warm_up;  // also creates the stemmer and fills the stem cache
  one_pass(analyzer, text, warm_up);
  result.tokens_per_pass = warm_up.tokens();
  std::vector<double> mbs, tps;
  for (unsigned i = 0; i < config.runs; ++i) {
    result.runs.push_back(timed_run(config, analyzer, text));
    mbs.push_back(result.runs.back().mb_per_s);
    tps.push_back(result.runs.back().tokens_per_s);
  }
  result.mb_per_s = median(mbs);
  result.tokens_per_s = median(tps);
  result.min_mb_per_s = *std::min_element(mbs.begin(), mbs.end());
  result.max_mb_per_s = maximum(mbs);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output

void print_text(const Config& config, const MachineInfo& machine,
                const std::vector<LanguageResult>& results) {
  std::printf("analyzer-bench, %s\n", local_date_time().c_str());
  std::printf("machine : %s\n", describe(machine).c_str());
  std::printf("settings: 1 thread; %s; median of %u runs of >= %.1f s after 1 warm-up pass%s\n",
              config.whole_files ? "one call per file" : "one call per paragraph", config.runs,
              config.min_seconds, config.fresh_analyzer ? "; fresh Analyzer per pass" : "");
  std::printf("%-5s %5s %7s %9s %10s %8s %15s %12s %9s\n", "lang", "files", "units", "MB", "tokens",
              "MB/s", "MB/s min-max", "Mtokens/s", "ns/token");
  for (const auto& r : results) {
    char range[32];
    std::snprintf(range, sizeof range, "%.2f-%.2f", r.min_mb_per_s, r.max_mb_per_s);
    std::printf("%-5s %5zu %7zu %9.3f %10lu %8.2f %15s %12.3f %9.1f\n", r.text->language.c_str(),
                r.text->files.size(), r.text->units.size(),
                static_cast<double>(r.text->bytes) / kMB,
                static_cast<unsigned long>(r.tokens_per_pass), r.mb_per_s, range,
                r.tokens_per_s / 1e6, r.tokens_per_s > 0 ? 1e9 / r.tokens_per_s : 0.0);
  }
}

void print_json(const Config& config, const MachineInfo& machine,
                const std::vector<LanguageResult>& results) {
  json langs = json::array();
  for (const auto& r : results) {
    json runs = json::array();
    for (const auto& run : r.runs)
      runs.push_back({{"mb_per_s", run.mb_per_s}, {"tokens_per_s", run.tokens_per_s}});
    langs.push_back({{"language", r.text->language},
                     {"files", r.text->files},
                     {"units", r.text->units.size()},
                     {"bytes", r.text->bytes},
                     {"tokens_per_pass", r.tokens_per_pass},
                     {"mb_per_s", r.mb_per_s},
                     {"tokens_per_s", r.tokens_per_s},
                     {"runs", runs}});
  }
  const json out = {{"tool", kTool},
                    {"date", local_date_time()},
                    {"machine",
                     {{"cpus", machine.cpus},
                      {"cpu_model", machine.cpu_model},
                      {"memory_bytes", machine.memory_bytes},
                      {"kernel", machine.kernel}}},
                    {"settings",
                     {{"runs", config.runs},
                      {"min_seconds", config.min_seconds},
                      {"whole_files", config.whole_files},
                      {"fresh_analyzer", config.fresh_analyzer},
                      {"mb", kMB}}},
                    {"languages", langs}};
  std::cout << out.dump(2) << '\n';
}

int run(const Config& config) {
  const std::vector<LanguageText> texts = load_texts(config);
  for (const auto& t : texts)
    if (t.bytes == 0) throw BenchError("no text for language '" + t.language + "'");
  std::vector<LanguageResult> results;
  for (const auto& t : texts) results.push_back(measure(config, t));
  const MachineInfo machine = read_machine_info();
  if (config.json)
    print_json(config, machine, results);
  else
    print_text(config, machine, results);
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

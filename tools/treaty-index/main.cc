// treaty-index: add files and folders to a treatysearch index, incrementally.
// Exit codes: 0 all files indexed (or unchanged), 1 some files failed, 2 fatal error (bad
// option, index locked, damaged or unwritable).
#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "cli_common.h"
#include "report_output.h"
#include "treatysearch/check.h"
#include "treatysearch/indexer.h"

namespace po = boost::program_options;
using namespace treatysearch;

namespace {

constexpr const char* kTool = "treaty-index";

// The most shards an index can have (the library's layout::kMaxShards, which it would otherwise
// apply silently), and a bound on analysis threads far above any machine this runs on.
constexpr unsigned kMaxShards = 64;
constexpr unsigned kMaxThreads = 256;

constexpr const char* kUsage = R"usage(Usage: treaty-index [OPTIONS] PATH...
       treaty-index --check [--index DIR]

Splits treaty-body documents into the passages lawyers cite (numbered paragraphs, lettered
sub-paragraphs, recommendations, footnotes, ...) and indexes each with its pinpoint citation.
Reads PDF (scanned pages by OCR), DOCX, Word 97-2003 (.doc), HTML and text (UTF-8, UTF-16 or a
legacy code page), recognised by their content. Folders are walked recursively for files with
those extensions (.pdf .docx .doc .html .htm .xhtml .txt .text); hidden files and folders,
symbolic links (unless --follow-links), FIFOs and sockets found there are skipped (-v lists
them). Running it again only re-reads files whose size, time or manifest entry changed; files
deleted from an indexed folder are removed from the index. A manifest.xml in a folder gives or
overrides metadata per file (see corpus/README.md).

Examples:
  treaty-index corpus/
  treaty-index --index /srv/treaties/index reports/ letters/cerd-kaz-2023.txt
  treaty-index --manifest my-manifest.xml --threads 2 documents/

Options)usage";

// --check: one line per problem on stderr, a summary on stdout; 0 healthy, 2 damaged.
int run_check(const std::string& index_dir) {
  const CheckReport report = check_index(index_dir);
  for (const auto& problem : report.problems) cli::print_error(kTool, problem);
  const auto count = [](std::uint64_t n, const std::string& what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  const std::string checked = count(report.shards, "shard") + ", " +
                              count(report.passages, "passage") + ", " +
                              count(report.files, "file") + " checked";
  if (report.healthy()) {
    std::cout << index_dir << ": healthy (" << checked << ")\n";
    return cli::kExitOk;
  }
  std::cout << index_dir << ": damaged, " << count(report.problems.size(), "problem") << " ("
            << checked << "); delete the folder and run treaty-index again to rebuild it\n";
  return cli::kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index_dir;
  IndexerOptions options;
  std::vector<std::string> paths;

  po::options_description visible(kUsage);
  visible.add_options()("help,h", "print this help and exit")("index", po::value(&index_dir),
                                                              cli::kIndexHelp)(
      "manifest", po::value(&options.manifest_path),
      "manifest XML giving metadata per file (default: manifest.xml in each folder given)")(
      "threads", cli::number_value("--threads", &options.threads, 0u, kMaxThreads),
      "analysis threads (0: one per core)")(
      "shards", cli::number_value("--shards", &options.shards, 0u, kMaxShards),
      "shards of a new index, written in parallel (0: one per core; at most 64; an existing "
      "index keeps its own)")(
      "term-lists",
      "give a new index Xapian's term lists, which xapian-tcpsrv needs to serve its shards "
      "(treaty-search --remote); a third longer to index, 65% more disk")(
      "max-file-size",
      cli::number_value("--max-file-size", &options.max_file_bytes, std::uint64_t{1},
                        std::numeric_limits<std::uint64_t>::max()),
      "fail files larger than this many bytes")(
      "follow-links",
      "follow symbolic links to files found in the folders when they lead inside the folders "
      "given (a link named as a PATH is always read)")(
      "no-ocr", "do not OCR scanned PDF pages (a PDF with no text layer then fails)")(
      "ocr-languages", po::value(&options.ocr_languages),
      "Tesseract languages for OCR, e.g. eng+fra (default: chosen per page from its script)")(
      "ocr-page-seconds",
      cli::number_value("--ocr-page-seconds", &options.ocr_page_seconds, 1, 3600),
      "time limit of OCR per page; a slower page is left out with a note")(
      "extract-seconds", cli::number_value("--extract-seconds", &options.extract_seconds, 1, 86400),
      "time limit for reading one PDF or Word 97-2003 file")(
      "json", "print the report as JSON on stdout (failures still go to stderr)")(
      "verbose,v",
      "print one line per file (format, encoding, pages, OCR), and per thing skipped in the "
      "folders")("quiet,q", "print only errors");
  visible.add_options()("check",
                        "check the index for damage instead of indexing: one line per "
                        "problem; exit 0 healthy, 2 damaged");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&paths)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    cli::print_error(kTool, std::string(e.what()) + " (see treaty-index --help)");
    return cli::kExitError;
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return cli::kExitOk;
  }
  if (vm.count("check")) {
    if (!paths.empty()) {
      cli::print_error(kTool, "--check takes no files or folders (see treaty-index --help)");
      return cli::kExitError;
    }
    try {
      return run_check(index_dir.empty() ? cli::default_index_dir() : index_dir);
    } catch (const Error& e) {
      cli::print_error(kTool, e.what());
      return cli::kExitError;
    }
  }
  if (paths.empty()) {
    cli::print_error(kTool, "no files or folders given (see treaty-index --help)");
    return cli::kExitError;
  }
  if (vm.count("index") && index_dir.empty()) {
    cli::print_error(kTool, "--index: the index folder path is empty");
    return cli::kExitError;
  }
  if (index_dir.empty()) index_dir = cli::default_index_dir();
  options.follow_links = vm.count("follow-links") > 0;
  options.term_lists = vm.count("term-lists") > 0;
  options.ocr = vm.count("no-ocr") == 0;
  const bool json = vm.count("json") > 0;
  const bool verbose = vm.count("verbose") > 0 && !json;
  const bool quiet = vm.count("quiet") > 0;
  const bool show_progress = !quiet && cli::is_terminal(2);
  if (show_progress) options.on_progress = cli::print_progress;

  try {
    Indexer indexer = Indexer::open(index_dir, options);
    const IngestReport report = indexer.add_paths(paths);
    if (show_progress) std::fputs("\r\033[K", stderr);
    for (const auto& file : report.files)
      if (file.status == FileStatus::kFailed) cli::print_error(kTool, cli::failure_line(file));
    if (json) {
      cli::print_report_json(report, std::cout);
    } else {
      if (verbose) cli::print_files(report, std::cout);
      if (verbose) cli::print_skipped(report, std::cout);
      if (!quiet) cli::print_summary(report, verbose, std::cout);
    }
    return report.failed > 0 ? cli::kExitNoHits : cli::kExitOk;
  } catch (const Error& e) {
    if (show_progress) std::fputs("\n", stderr);
    cli::print_error(kTool, e.what());
  } catch (const std::exception& e) {
    cli::print_error(kTool, std::string("internal error: ") + e.what());
  }
  return cli::kExitError;
}

// treaty-search: query a treatysearch index and print ranked, cited passages.
// Exit codes: 0 hits, 1 no hits, 2 error (bad option, bad query, missing or broken index).
#include <boost/program_options.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli_common.h"
#include "export_writers.h"
#include "hit_printer.h"
#include "search_request.h"
#include "treatysearch/search.h"

namespace po = boost::program_options;
using namespace treatysearch;

namespace {

constexpr const char* kTool = "treaty-search";

constexpr const char* kUsage = R"usage(Usage: treaty-search [OPTIONS] QUERY...
       treaty-search [OPTIONS] --like CITATION|ID     passages similar to that one
       treaty-search [OPTIONS] --show CITATION|ID     that passage in its document

Searches the passages of indexed treaty-body documents and prints them ranked, each with a
pinpoint citation such as "CERD/C/KAZ/CO/8-10, para. 18 (b)".

Query syntax:
  hate speech              passages with every word rank first; passages with some still come
  "hate speech"            the exact phrase (quotes; no stemming inside)
  police AND torture       both;  asylum OR refugees  either;  NOT, or -word, excludes
  (asylum OR refugees) AND "ethnic minorities"        parentheses group
Words match their inflected forms (discriminated finds discrimination), ignoring case and
accents. Operators are written in capitals. After the first query word, a word starting with
one '-' is a query word (police -riots): give short options such as -n before the query; long
options (--json, --limit 5) work anywhere; -- ends the options.

Examples:
  treaty-search "hate speech" --committee CERD --state Kazakhstan
  treaty-search --json -n 5 'education AND (minority OR minorities)'
  treaty-search --year 2020..2023 --type follow-up-letter refugees
  treaty-search --group --facets --sort -date discrimination
  treaty-search --like "CERD/C/KAZ/CO/8-10, para. 18 (b)" --committee CERD
  treaty-search --show "CERD/C/KAZ/CO/8-10, para. 18 (b)" --context 2

Options)usage";

// The command line split into options for Boost and query words. Boost would take the "-riots"
// of `treaty-search police -riots` for an option, so query words are picked out first: the
// first word that is neither an option nor an option's value starts the query, and from there
// on only long options ("--json", "--committee CERD") are options. "--" ends the options.
struct Arguments {
  std::vector<std::string> options;
  std::vector<std::string> query_words;
};

Arguments split_arguments(int argc, char** argv, const po::options_description& known) {
  Arguments split;
  // Whether option word `arg` (without an attached "=value") takes the next word as its value.
  auto takes_value = [&known](const std::string& arg) {
    const bool is_long = arg.rfind("--", 0) == 0;
    if (!is_long && arg.size() != 2) return false;  // "-n5": the value is attached
    if (is_long && arg.find('=') != std::string::npos) return false;
    const po::option_description* option =
        is_long ? known.find_nothrow(arg.substr(2), true) : known.find_nothrow(arg, false);
    return option != nullptr && option->semantic()->max_tokens() > 0;
  };
  bool in_query = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) split.query_words.emplace_back(argv[i]);
      break;
    }
    const bool option_word = arg.size() > 1 && arg[0] == '-' && (!in_query || arg[1] == '-');
    if (!option_word) {
      split.query_words.push_back(arg);
      in_query = true;
      continue;
    }
    split.options.push_back(arg);
    if (takes_value(arg) && i + 1 < argc) split.options.emplace_back(argv[++i]);
  }
  return split;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  cli::IndexChoice index;
  std::string year, color, format = "text", sort = "relevance", like, show, history;
  std::size_t context = 0;
  SearchOptions options;

  po::options_description visible(kUsage);
  visible.add_options()("help,h", "print this help and exit");
  cli::add_index_options(&visible, &index);
  visible.add_options()(
      "limit,n",
      cli::number_value("--limit", &options.limit, std::size_t{0}, QueryLimits::kMaxPageSize),
      "number of passages to print (at most 100)")(
      "offset",
      cli::number_value("--offset", &options.offset, std::size_t{0}, QueryLimits::kMaxWindow),
      "skip this many passages first (paging; offset + limit at most 10000)")(
      "format", po::value(&format),
      "output: text (for people), json (one object), csv (a row per passage), ris (a record "
      "per passage, for Zotero or EndNote)")("json", "the same as --format json")(
      "committee", po::value(&options.filters.committees)->composing(),
      "only this committee: CERD, CCPR, CESCR, CEDAW, CRC, CAT, CRPD, CMW, CED (repeatable)")(
      "state", po::value(&options.filters.states)->composing(),
      "only this State, by name or ISO code: Kazakhstan, KAZ (repeatable)")(
      "type", po::value(&options.filters.types)->composing(),
      "only this document type: concluding-observations, follow-up-letter, ngo-commentary, "
      "state-report, list-of-issues, general-comment, decision (repeatable)")(
      "year", po::value(&year),
      "only documents dated in YEAR or FROM..TO (2020..2023, 2020.., ..2019)")(
      "symbol", po::value(&options.filters.symbols)->composing(),
      "only this document symbol (with its /Add., /Rev. and /Corr. documents); end it with / or * "
      "for a prefix: CERD/C/KAZ/* (repeatable)")(
      "cites", po::value(&options.filters.cites)->composing(),
      "only passages that cite this document or paragraph: \"CERD/C/KAZ/CO/8-10, para. 18 (b)\" "
      "(a part of it or a range holding it included; with no query, all of them; repeatable)")(
      "cited-by", po::value(&options.filters.cited_by)->composing(),
      "only the passages this passage (a citation as printed, or a JSON \"id\") cites, each "
      "reference resolved to its indexed passages (with no query, all of them; repeatable)")(
      "grade", po::value(&options.filters.grades)->composing(),
      "only paragraphs a follow-up letter assessed so, and the passages assessing them: "
      "\"partially satisfactory\", \"insufficient\", \"B1\" (repeatable)")(
      "lang", po::value(&options.filters.languages)->composing(),
      "only passages in this language: en, fr, es, ru, ar, zh, kk (repeatable)")(
      "sort", po::value(&sort),
      "order: relevance (default), date (oldest first) or -date (newest first); ties always "
      "in the same order")("group",
                           "one entry per document, with its best passages and its "
                           "number of matching passages")(
      "facets", "also count the matches by committee, State, type, year and language")(
      "parallel",
      "with each hit, the same paragraph in the other indexed languages (same symbol and "
      "paragraph number; unnumbered text: same place in the same structure)")(
      "no-suggest", "no \"Did you mean\" for rare or unknown words")(
      "like", po::value(&like),
      "the passages most similar to this one (a citation as printed, or a JSON \"id\"), other "
      "States' first; filters apply")(
      "history", po::value(&history),
      "every indexed passage about this recommendation (a citation: \"CERD/C/KAZ/CO/8-10, para. "
      "18 (b)\"), oldest first: the paragraph, its follow-up assessments, the State's follow-up "
      "information, NGO commentaries, the next cycle (--lang limits the languages)")(
      "show", po::value(&show),
      "print this passage (a citation or id) whole, in its document (see --context)")(
      "context",
      cli::number_value("--context", &context, std::size_t{0}, ResultLimits::kMaxContext),
      "with --show: also this many passages before and after it (at most 20)")(
      "color", po::value(&color)->default_value("auto"),
      "bold matched words: auto (on a terminal, unless NO_COLOR is set), always, never");
  Arguments arguments;
  po::variables_map vm;
  try {
    arguments = split_arguments(argc, argv, visible);
    po::store(po::command_line_parser(arguments.options).options(visible).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    cli::print_error(kTool, std::string(e.what()) + " (see treaty-search --help)");
    return cli::kExitError;
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return cli::kExitOk;
  }
  const std::string query = join(arguments.query_words);
  const bool by_passage = !like.empty() || !show.empty() || !history.empty();
  if (!like.empty() + !show.empty() + !history.empty() > 1) {
    cli::print_error(kTool, "--like, --show and --history cannot be used together");
    return cli::kExitError;
  }
  if (by_passage && !query.empty()) {
    const char* option = !like.empty() ? "--like" : !show.empty() ? "--show" : "--history";
    cli::print_error(
        kTool, std::string(option) + " takes a passage, not a query: '" + query + "' is left over");
    return cli::kExitError;
  }
  const Filters& links = options.filters;
  if (!by_passage && query.empty() && links.cites.empty() && links.cited_by.empty() &&
      links.grades.empty()) {
    cli::print_error(kTool, "no query given (see treaty-search --help)");
    return cli::kExitError;
  }
  if (const auto order = cli::parse_sort(sort)) {
    options.sort = *order;
  } else {
    cli::print_error(kTool, "--sort '" + sort + "': " + cli::kSortExpected);
    return cli::kExitError;
  }
  options.group = vm.count("group") > 0;
  options.facets = vm.count("facets") > 0;
  options.parallel = vm.count("parallel") > 0;
  options.suggest = vm.count("no-suggest") == 0;
  if (!year.empty() &&
      !cli::parse_year_range(year, &options.filters.year_from, &options.filters.year_to)) {
    cli::print_error(kTool, "--year '" + year + "': " + cli::kYearRangeExpected);
    return cli::kExitError;
  }
  if (vm.count("json")) format = "json";
  if (format != "text" && format != "json" && format != "csv" && format != "ris") {
    cli::print_error(kTool, "--format '" + format + "': expected text, json, csv or ris");
    return cli::kExitError;
  }
  if (color != "auto" && color != "always" && color != "never") {
    cli::print_error(kTool, "--color '" + color + "': expected auto, always or never");
    return cli::kExitError;
  }
  if (const std::string conflict = cli::settle_index_choice(&index); !conflict.empty()) {
    cli::print_error(kTool, conflict);
    return cli::kExitError;
  }

  try {
    const Searcher searcher = cli::open_searcher(index);
    if (!history.empty()) {
      const History found = searcher.history(history, options);
      if (format == "json") {
        cli::print_history_json(found, std::cout);
      } else if (format == "csv" || format == "ris") {
        SearchResult as_result;
        for (const HistoryEntry& entry : found.entries) as_result.hits.push_back(entry.passage);
        if (format == "csv") cli::print_csv(as_result, std::cout);
        if (format == "ris") cli::print_ris(as_result, std::cout);
      } else {
        cli::TextStyle style;
        style.bold = color == "always" ||
                     (color == "auto" && cli::is_terminal(1) && std::getenv("NO_COLOR") == nullptr);
        cli::print_history_text(found, style, std::cout);
      }
      std::cout.flush();
      return found.entries.empty() ? cli::kExitNoHits : cli::kExitOk;
    }
    if (!show.empty()) {
      const PassageInContext shown = searcher.passage(show, context);
      if (format == "json") {
        cli::print_passage_json(shown, std::cout);
      } else if (format == "text") {
        cli::print_passage_text(shown, std::cout);
      } else {
        SearchResult as_result;
        as_result.hits = shown.before;
        as_result.hits.push_back(shown.passage);
        as_result.hits.insert(as_result.hits.end(), shown.after.begin(), shown.after.end());
        if (format == "csv") cli::print_csv(as_result, std::cout);
        if (format == "ris") cli::print_ris(as_result, std::cout);
      }
      std::cout.flush();
      return cli::kExitOk;
    }
    const SearchResult result =
        like.empty() ? searcher.search(query, options) : searcher.similar(like, options);
    for (const std::string& warning : result.warnings)
      cli::print_error(kTool, "warning: " + warning);
    if (format == "json") {
      cli::print_json(result, std::cout);
    } else if (format == "csv") {
      cli::print_csv(result, std::cout);
    } else if (format == "ris") {
      cli::print_ris(result, std::cout);
    } else {
      cli::TextStyle style;
      style.bold = color == "always" ||
                   (color == "auto" && cli::is_terminal(1) && std::getenv("NO_COLOR") == nullptr);
      cli::print_text(result, style, std::cout);
    }
    std::cout.flush();
    return result.hits.empty() && result.groups.empty() ? cli::kExitNoHits : cli::kExitOk;
  } catch (const Error& e) {
    cli::print_error(kTool, e.what());
  } catch (const std::exception& e) {
    cli::print_error(kTool, std::string("internal error: ") + e.what());
  }
  return cli::kExitError;
}

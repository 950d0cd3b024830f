// treaty-crashtest: kills treaty-index with SIGKILL at random moments inside first builds and
// inside updates of a real corpus, and checks after every kill that the index is sound:
//   - Xapian's own check passes on every shard, and the index opens as one database and through
//     the library;
//   - every file is whole: its record and passage count are those of the state before the run or
//     of the state the run was writing (a file is never half replaced, never orphaned);
//   - the next run completes, leaves no abandoned build folder, and gives exactly the passage
//     counts of a clean build of the same files;
//   - while a run goes on until its kill, a process of this tool searches the index through the
//     library over and over, and every search answers or is refused with a one-line message
//     naming the index (concurrent_search.h); after the kill, one search on what is left
//     answers (with no index yet: is refused with kNotFound).
// An update alternates the folder between two states of the corpus: A (as given) and B (one file
// cut, one deleted, some extended, one added), so both directions of every change are killed.
// Exit: 0 when every cycle passed, 1 when one failed, 2 when the test could not run.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/program_options.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include "concurrent_search.h"
#include "corpus_states.h"
#include "index_digest.h"
#include "treatysearch/search.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace treatysearch;
using namespace treatysearch::crash;
using Clock = std::chrono::steady_clock;

namespace {

struct Run {
  int exit_code = -1;          // when it finished
  bool killed_inside = false;  // SIGKILL reached it while it was still running
  double seconds = 0;
};

// Runs treaty-index on `docs` into `index` (output to `log`), killing it after `kill_after`
// seconds when that is positive and it is still running.
Run run_indexer(const std::string& treaty_index, const std::string& index, const std::string& docs,
                const std::string& log, double kill_after) {
  // Built before fork: the searches' reader thread runs meanwhile, and the child of a process
  // with threads should do no more than exec.
  std::vector<std::string> args = {treaty_index, "-q", "--index", index, docs};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto start = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::execv(argv[0], argv.data());
    std::perror("execv");
    ::_exit(127);
  }
  Run run;
  int status = 0;
  const auto deadline = start + std::chrono::duration<double>(kill_after);
  while (true) {
    const pid_t done = ::waitpid(pid, &status, kill_after > 0 ? WNOHANG : 0);
    if (done == pid) break;
    if (Clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      run.killed_inside = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  return run;
}

std::string last_line(const std::string& file) {
  std::ifstream in(file);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last;
}

bool has_index(const std::string& index) { return fs::exists(fs::path(index) / "XAPIANDB"); }

// Folders "<index>.tmp-*" beside the index: builds that were abandoned and not cleaned up.
std::vector<std::string> leftover_builds(const std::string& index) {
  std::vector<std::string> found;
  const fs::path path(index);
  const std::string prefix = path.filename().string() + ".tmp-";
  for (const auto& entry : fs::directory_iterator(path.parent_path()))
    if (entry.path().filename().string().rfind(prefix, 0) == 0)
      found.push_back(entry.path().string());
  return found;
}

struct Figures {
  std::size_t cycles = 0, first_builds = 0, updates = 0;
  std::size_t killed_inside = 0, finished_before_kill = 0, no_index_yet = 0;
  std::size_t check_failures = 0, unopenable = 0, torn = 0, wedged = 0, wrong_counts = 0,
              leftovers = 0;
  // Searches while runs went on (the timed uninterrupted runs too), and after the kills.
  SearchTally first_build_searches, update_searches, after_kill_searches;
  std::size_t cycles_searched = 0;  // cycles whose killed run had a search beside it
  std::size_t unexercised = 0;      // 1 when no cycle had: the search check did nothing
  std::size_t search_failures() const {
    return first_build_searches.failures + update_searches.failures + after_kill_searches.failures +
           unexercised;
  }
  std::size_t failures() const {
    return check_failures + unopenable + torn + wedged + wrong_counts + leftovers +
           search_failures();
  }
};

// Failed searches printed per run: a search that always fails would otherwise print thousands.
constexpr std::size_t kSearchFailuresShown = 5;

// How a run is set up (main's options).
struct CrashSettings {
  bool verbose = false;
  double search_timeout = 5;       // seconds a search may take
  std::size_t extend_every = 2;    // an update extends one text file in this many
  double first_build_share = 0.5;  // the chance that a cycle is a first build, not an update
};

class CrashTest {
 public:
  CrashTest(std::string treaty_index, fs::path work, const fs::path& corpus,
            const CrashSettings& settings)
      : treaty_index_(std::move(treaty_index)),
        work_(std::move(work)),
        verbose_(settings.verbose),
        search_timeout_(settings.search_timeout),
        first_build_share_(settings.first_build_share) {
    states_ =
        make_corpus_states(corpus, work_ / "state-a", work_ / "state-b", settings.extend_every);
    docs_ = (work_ / "docs").string();
    index_ = (work_ / "index").string();
    log_ = (work_ / "treaty-index.log").string();
  }

  // Clean builds of both states and one uninterrupted update each way: the references every
  // cycle is compared with, and the durations kills are timed within. Searches run beside them
  // as beside the killed runs, so that the durations include their load.
  void measure_references(Figures& f) {
    for (int s = 0; s < 2; ++s) {
      sync_folder(states_.dirs[s], docs_);
      const std::string ref = (work_ / ("reference-" + std::string(1, "ab"[s]))).string();
      const Run run = run_searched(ref, 0, f.first_build_searches, "a first build");
      if (run.exit_code != 0 && run.exit_code != 1)
        throw std::runtime_error("clean build failed: " + last_line(log_));
      clean_exit_[s] = run.exit_code;
      first_seconds_[s] = run.seconds;
      reference_[s] = read_digest(ref);
      fs::remove_all(ref);
    }
    // Update each way, uninterrupted: it must agree with the clean build already.
    sync_folder(states_.dirs[0], docs_);
    run_indexer(treaty_index_, index_, docs_, log_, 0);
    for (int s : {1, 0}) {
      sync_folder(states_.dirs[s], docs_);
      const Run run = run_searched(index_, 0, f.update_searches, "an update");
      update_seconds_[s] = run.seconds;
      const auto differences = unexpected_files(read_digest(index_), {&reference_[s]});
      if (!differences.empty())
        throw std::runtime_error("an uninterrupted update differs from a clean build: " +
                                 differences.front());
    }
    state_ = 0;
  }

  void cycle(std::mt19937_64& rng, Figures& f) {
    ++f.cycles;
    const bool first_build =
        !has_index(index_) || std::bernoulli_distribution(first_build_share_)(rng);
    const int before = state_;
    int target = state_;
    double window;
    if (first_build) {
      ++f.first_builds;
      fs::remove_all(index_);
      window = first_seconds_[state_];
    } else {
      ++f.updates;
      target = 1 - state_;
      sync_folder(states_.dirs[target], docs_);
      window = update_seconds_[target];
    }
    const double delay = std::uniform_real_distribution<double>(0.0, window)(rng);
    SearchTally searched;
    const Run killed =
        run_searched(index_, delay, searched, first_build ? "a first build" : "an update");
    (first_build ? f.first_build_searches : f.update_searches) += searched;
    if (searched.attempts() > 0) ++f.cycles_searched;
    last_cycle_ = std::string(first_build ? "first build" : "update") + " killed at " +
                  std::to_string(delay) + " s, searches " + searched.describe();
    if (killed.killed_inside) {
      ++f.killed_inside;
    } else {
      // The run was faster than the window: later kills of this kind aim within this run's time.
      ++f.finished_before_kill;
      (first_build ? first_seconds_[state_] : update_seconds_[target]) = killed.seconds;
    }

    // The index as the kill left it.
    if (!has_index(index_)) {
      if (!first_build) fail(f.unopenable, "an update's kill left no index");
      ++f.no_index_yet;
    } else {
      inspect_after_kill(first_build ? std::vector<int>{} : std::vector<int>{before}, target, f);
    }
    search_after_kill(f);

    // The next run must finish and converge on the clean build.
    const Run recovery = run_indexer(treaty_index_, index_, docs_, log_, 0);
    state_ = target;
    if (recovery.exit_code != clean_exit_[target]) {
      fail(f.wedged, "the run after the kill exited " + std::to_string(recovery.exit_code) + ": " +
                         last_line(log_));
      return;
    }
    for (const auto& line : check_shards(index_)) fail(f.check_failures, "after recovery: " + line);
    try {
      if (read_digest(index_) != reference_[target])
        fail(f.wrong_counts, "after recovery the passage counts differ from a clean build");
    } catch (const std::exception& e) {
      fail(f.unopenable, std::string("after recovery: ") + e.what());
    }
    for (const auto& left : leftover_builds(index_))
      fail(f.leftovers, "abandoned build folder left: " + left);
  }

  void report_cycle(std::size_t n, const Figures& f) const {
    if (verbose_ || n % 25 == 0)
      std::cerr << "cycle " << n << ": " << f.killed_inside << " kills inside runs, "
                << f.failures() << " failures" << (verbose_ ? "; " + last_cycle_ : "") << '\n';
  }

  double first_seconds(int s) const { return first_seconds_[s]; }
  double update_seconds(int s) const { return update_seconds_[s]; }
  const CorpusStates& states() const { return states_; }

 private:
  // run_indexer with searches of `index` beside it until it ends or is killed, tallied in
  // `tally`; `during` names the kind of run in failures.
  Run run_searched(const std::string& index, double kill_after, SearchTally& tally,
                   const std::string& during) {
    ConcurrentSearch searches(index, search_timeout_);
    const Run run = run_indexer(treaty_index_, index, docs_, log_, kill_after);
    std::vector<std::string> failures;
    tally += searches.stop(failures);
    for (std::size_t k = 0; k < failures.size() && k < kSearchFailuresShown; ++k)
      report_failure("search during " + during + ": " + failures[k]);
    if (failures.size() > kSearchFailuresShown)
      report_failure(std::to_string(failures.size() - kSearchFailuresShown) +
                     " more searches failed during that run");
    return run;
  }

  // What a kill left must serve a search; when it left no index, the search must say so.
  void search_after_kill(Figures& f) {
    const bool published = has_index(index_);
    const SearchOutcome outcome = search_once(index_, f.cycles);
    const bool expected =
        published ? outcome.kind == SearchOutcome::Kind::kAnswered
                  : outcome.kind == SearchOutcome::Kind::kRefused && outcome.code == "kNotFound";
    if (expected) {
      f.after_kill_searches.add(outcome);
      return;
    }
    const std::string got = outcome.kind == SearchOutcome::Kind::kAnswered ? "answered"
                            : outcome.kind == SearchOutcome::Kind::kRefused
                                ? "was refused with " + outcome.code + ": " + outcome.detail
                                : outcome.detail;
    fail(f.after_kill_searches.failures, std::string("after kill: a search on ") +
                                             (published ? "the index" : "no index yet") + " " +
                                             got);
  }

  // `before` lists the states each file may still be in (none for a first build: absent), plus
  // the target state the run was writing.
  void inspect_after_kill(const std::vector<int>& before, int target, Figures& f) {
    for (const auto& line : check_shards(index_)) fail(f.check_failures, "after kill: " + line);
    try {
      const IndexDigest digest = read_digest(index_);
      std::vector<const IndexDigest*> allowed = {&reference_[target]};
      IndexDigest absent;
      if (before.empty())
        allowed.push_back(&absent);
      else
        for (int s : before) allowed.push_back(&reference_[s]);
      for (const auto& line : unexpected_files(digest, allowed)) fail(f.torn, line);
      std::size_t total = 0;
      for (const auto& [key, state] : digest) total += state.passages;
      const std::uint64_t seen = Searcher::open(index_).passage_count();
      if (seen != total)
        fail(f.unopenable, "the library sees " + std::to_string(seen) + " passages, Xapian " +
                               std::to_string(total));
    } catch (const std::exception& e) {
      fail(f.unopenable, std::string("after kill: ") + e.what());
    }
  }

  void fail(std::size_t& counter, const std::string& what) {
    ++counter;
    report_failure(what);
  }

  static void report_failure(const std::string& what) {
    std::cerr << "treaty-crashtest: FAIL: " << what << '\n';
  }

  std::string treaty_index_;
  fs::path work_;
  bool verbose_;
  double search_timeout_;
  double first_build_share_;
  std::string last_cycle_;  // what the last cycle's run and searches were, for -v
  CorpusStates states_;
  std::string docs_, index_, log_;
  IndexDigest reference_[2];
  int clean_exit_[2] = {0, 0};
  double first_seconds_[2] = {0, 0};
  double update_seconds_[2] = {0, 0};  // [s]: an update that ends in state s
  int state_ = 0;
};

std::string sibling_treaty_index(const char* argv0) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) self = argv0;
  return (self.parent_path() / "treaty-index").string();
}

// A check that ran no search passed nothing: it fails, so that it cannot silently do nothing.
void require_searches(Figures& f) {
  if (f.cycles == 0 || f.cycles_searched > 0) return;
  ++f.unexercised;
  std::cerr << "treaty-crashtest: FAIL: no search ran beside any killed run\n";
}

void print_searches(const char* when, const SearchTally& tally, bool examples) {
  std::cout << "searches " << when << ' ' << tally.attempts() << ": " << tally.describe() << '\n';
  if (examples)
    for (const auto& [code, message] : tally.example)
      std::cout << "  " << code << ", e.g.: " << message << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  // This program again, as the process that searches beside a run (concurrent_search.h).
  if (argc == 3 && std::string(argv[1]) == kSearchLoopFlag) return search_loop(argv[2]);

  std::string corpus, work, treaty_index;
  std::size_t cycles = 300;
  CrashSettings settings;
  std::uint64_t seed = 0;
  po::options_description options(
      "Usage: treaty-crashtest --corpus DIR [OPTIONS]\n\n"
      "Kills treaty-index (SIGKILL) at random moments inside first builds and updates of DIR,\n"
      "and checks every index it leaves (Xapian's check, whole files, convergence on a clean\n"
      "build) and every search run beside it through the library. Exit 0 when all cycles\n"
      "pass, 1 when one fails, 2 when it cannot run.\n\nOptions");
  options.add_options()("help,h", "print this help and exit")(
      "corpus", po::value(&corpus), "folder of documents to index (copied; never modified)")(
      "cycles", po::value(&cycles)->default_value(cycles),
      "kills that land inside a run (runs that finish before their kill are checked too, and "
      "do not count)")("seed", po::value(&seed), "random seed (default: from the clock; printed)")(
      "work", po::value(&work), "scratch folder (default: a new one under the temp folder)")(
      "treaty-index", po::value(&treaty_index),
      "the treaty-index program (default: the one beside this program)")(
      "search-timeout", po::value(&settings.search_timeout)->default_value(settings.search_timeout),
      "seconds a search may take before it counts as hung")(
      "extend-every", po::value(&settings.extend_every)->default_value(settings.extend_every),
      "an update extends one text file in this many (besides the file it cuts, the one it "
      "deletes and the one it adds)")(
      "first-builds",
      po::value(&settings.first_build_share)->default_value(settings.first_build_share),
      "the share of cycles that kill a first build rather than an update (0 to 1)")(
      "keep", "keep the scratch folder")("verbose,v", "a line per cycle");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "treaty-crashtest: " << e.what() << '\n';
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << '\n';
    return 0;
  }
  if (corpus.empty() || !fs::is_directory(corpus)) {
    std::cerr << "treaty-crashtest: --corpus must name a folder\n";
    return 2;
  }
  if (!(settings.search_timeout > 0)) {
    std::cerr << "treaty-crashtest: --search-timeout must be a positive number of seconds\n";
    return 2;
  }
  if (settings.extend_every == 0) {
    std::cerr << "treaty-crashtest: --extend-every must be 1 or more\n";
    return 2;
  }
  if (!(settings.first_build_share >= 0 && settings.first_build_share <= 1)) {
    std::cerr << "treaty-crashtest: --first-builds must be between 0 and 1\n";
    return 2;
  }
  if (!vm.count("seed")) seed = static_cast<std::uint64_t>(Clock::now().time_since_epoch().count());
  if (treaty_index.empty()) treaty_index = sibling_treaty_index(argv[0]);
  const fs::path scratch =
      work.empty() ? fs::temp_directory_path() / ("treaty-crashtest-" + std::to_string(::getpid()))
                   : fs::path(work);
  Figures f;
  try {
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    settings.verbose = vm.count("verbose") > 0;
    CrashTest test(treaty_index, scratch, corpus, settings);
    test.measure_references(f);
    std::cout << "corpus " << corpus << ": state A " << test.states().files[0] << " files, state B "
              << test.states().files[1] << " files (an update extends 1 in "
              << settings.extend_every << "); first build " << test.first_seconds(0)
              << " s, update A->B " << test.update_seconds(1) << " s; first builds "
              << settings.first_build_share << " of cycles; seed " << seed << '\n';
    std::mt19937_64 rng(seed);
    // A cycle counts when its kill landed inside the run; a run that finished first is checked
    // all the same, and the cycle is tried again.
    while (f.killed_inside < cycles) {
      test.cycle(rng, f);
      test.report_cycle(f.cycles, f);
    }
    require_searches(f);
  } catch (const std::exception& e) {
    std::cerr << "treaty-crashtest: " << e.what() << '\n';
    if (!vm.count("keep")) fs::remove_all(scratch);
    return 2;
  }
  if (!vm.count("keep")) fs::remove_all(scratch);
  std::cout << "cycles " << f.cycles << " (first builds " << f.first_builds << ", updates "
            << f.updates << "): killed inside a run " << f.killed_inside
            << ", run finished before its kill " << f.finished_before_kill
            << ", killed before the first commit (no index yet) " << f.no_index_yet << '\n'
            << "failures " << f.failures() << ": Xapian check " << f.check_failures
            << ", unopenable " << f.unopenable << ", torn files " << f.torn << ", wedged "
            << f.wedged << ", wrong counts after recovery " << f.wrong_counts
            << ", abandoned builds " << f.leftovers << ", searches " << f.search_failures() << '\n';
  print_searches("during first builds", f.first_build_searches, vm.count("verbose") > 0);
  print_searches("during updates", f.update_searches, vm.count("verbose") > 0);
  print_searches("after kills", f.after_kill_searches, vm.count("verbose") > 0);
  std::cout << "cycles with searches beside their run " << f.cycles_searched << " of " << f.cycles
            << '\n';
  return f.failures() == 0 ? 0 : 1;
}

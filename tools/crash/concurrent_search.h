// Searches the crash tool runs while treaty-index builds or updates an index and is killed, and
// the one it runs on what a kill left. Through the public library only (Searcher::open, then
// search), as a program serving the index would. Every attempt must end in one of two ways:
//   - answered: a SearchResult (one that finds nothing is still an answer);
//   - refused with a clear reason: a treatysearch::Error whose message is one line, not blank,
//     and names the index folder (kNotFound before a first build is published, kSnapshotExpired,
//     kIo or kCorrupt while a writer commits, ...).
// Anything else fails: a crash, an exception of another type, an unclear message, or a search
// that does not return within the time-out.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "treatysearch/search.h"

namespace treatysearch::crash {

// One attempt, classified.
struct SearchOutcome {
  enum class Kind { kAnswered, kRefused, kFailed };
  Kind kind = Kind::kAnswered;
  std::string code;    // kRefused: the error code's name ("kNotFound")
  std::string detail;  // kRefused: the error's message; kFailed: what went wrong (one line)
};

// The outcomes of many attempts.
struct SearchTally {
  std::size_t answered = 0;
  std::map<std::string, std::size_t> refused;  // error code name -> attempts
  std::map<std::string, std::string> example;  // error code name -> the first message seen
  std::size_t failures = 0;

  void add(const SearchOutcome& outcome);
  SearchTally& operator+=(const SearchTally& other);
  std::size_t refusals() const;
  std::size_t attempts() const { return answered + refusals() + failures; }
  // "answered 12, refused with a clear reason 3 (kNotFound 3), failures 0"
  std::string describe() const;
};

// A Searcher opened on first need and then kept, as a long-lived server keeps its own: it must
// follow the index through every commit (search.h).
struct HeldSearcher {
  std::optional<Searcher> searcher;
};

// Attempt number `n`: a query of a fixed list whose words are in the bundled corpus, in turn.
// Opens `index` afresh, or searches with `held` when given. Never throws.
SearchOutcome search_once(const std::string& index, std::size_t n, HeldSearcher* held = nullptr);

// The searching process: `treaty-crashtest --search-loop INDEX` searches INDEX until its
// standard input is closed, one line on standard output per attempt. Returns its exit code.
inline constexpr const char* kSearchLoopFlag = "--search-loop";
int search_loop(const std::string& index);

// Runs the searching process (this program again, by /proc/self/exe) beside a run of
// treaty-index, from construction to stop(), and reads its answers as they come: a search that
// gives no answer for `timeout_seconds` is a hang, and its process is killed. A child process
// rather than a thread, so that a crash or a hang of the library is a failure to report, not
// the end of the test.
class ConcurrentSearch {
 public:
  // Throws std::runtime_error when the process cannot be started.
  ConcurrentSearch(const std::string& index, double timeout_seconds);
  ~ConcurrentSearch();
  ConcurrentSearch(const ConcurrentSearch&) = delete;
  ConcurrentSearch& operator=(const ConcurrentSearch&) = delete;

  // Ends the searches (the attempt under way finishes), waits for the process and returns the
  // outcomes; `failures` receives one line per failed attempt.
  SearchTally stop(std::vector<std::string>& failures);

 private:
  void await_ready();
  void read_answers();
  void take_line(const std::string& line);
  void finish_process();

  double timeout_seconds_;
  pid_t pid_ = -1;
  int stop_fd_ = -1;    // its standard input: closed to say "stop"
  int answer_fd_ = -1;  // its standard output
  bool hung_ = false;   // killed for a hang (set by the reader, read after join)
  std::thread reader_;
  SearchTally tally_;
  std::vector<std::string> failures_;
};

}  // namespace treatysearch::crash

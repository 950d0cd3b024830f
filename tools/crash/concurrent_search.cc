#include "concurrent_search.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/core/demangle.hpp>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <typeinfo>

#include "treatysearch/error.h"

namespace treatysearch::crash {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Query {
  const char* text;
  bool facets;  // a pass over every match: more of the index is read while a writer commits
};

// Words, a phrase, a connector and a truncation (which reads the term list), all found in the
// bundled corpus.
constexpr Query kQueries[] = {{"discrimination", false},
                              {"\"State party\"", false},
                              {"rights w/5 women", false},
                              {"discriminat*", true}};
constexpr std::size_t kQueryCount = std::size(kQueries);

// Between two attempts: short, so that many attempts meet a commit, yet leaving treaty-index
// most of the CPU it had when its runs were timed.
constexpr int kPauseMilliseconds = 2;

const Query& query_of(std::size_t n) { return kQueries[n % kQueryCount]; }

// Each query in turn on a fresh Searcher, then each in turn on the long-lived one.
bool uses_held(std::size_t n) { return (n / kQueryCount) % 2 == 1; }

std::string describe_attempt(std::size_t n) {
  return "attempt " + std::to_string(n + 1) + ", query " + query_of(n).text + " on " +
         (uses_held(n) ? "the long-lived Searcher" : "a fresh Searcher");
}

const char* code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "kInvalidArgument";
    case ErrorCode::kNotFound:
      return "kNotFound";
    case ErrorCode::kCorrupt:
      return "kCorrupt";
    case ErrorCode::kVersionMismatch:
      return "kVersionMismatch";
    case ErrorCode::kLocked:
      return "kLocked";
    case ErrorCode::kIo:
      return "kIo";
    case ErrorCode::kUnsupportedFormat:
      return "kUnsupportedFormat";
    case ErrorCode::kInternal:
      return "kInternal";
    case ErrorCode::kSnapshotExpired:
      return "kSnapshotExpired";
    case ErrorCode::kUnavailable:
      return "kUnavailable";
  }
  return "an unknown code";
}

// The message on one line, its line breaks shown, so a report of it stays one line.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out;
}

// Whether `message` names the folder `index` as a whole path, not as the start of another name
// ("index.tmp-123" is the writer's private folder, which no reader is meant to see).
bool names_folder(const std::string& message, const std::string& index) {
  for (std::size_t at = message.find(index); at != std::string::npos;
       at = message.find(index, at + 1)) {
    const std::size_t end = at + index.size();
    if (end == message.size()) return true;
    const unsigned char next = static_cast<unsigned char>(message[end]);
    if (!std::isalnum(next) && next != '.' && next != '-' && next != '_') return true;
  }
  return false;
}

// Why a refusal does not say clearly why not, or "" when it does (error.h promises a one-line
// message naming the thing at fault: here, the index folder).
std::string unclear(const std::string& message, const std::string& index) {
  if (message.find_first_not_of(" \t\r\n") == std::string::npos) return "is empty";
  if (message.find_first_of("\r\n") != std::string::npos) return "is not one line";
  std::error_code ec;
  const std::string canonical = fs::weakly_canonical(index, ec).string();
  if (!names_folder(message, index) && (ec || !names_folder(message, canonical)))
    return "does not name the index folder " + index;
  return "";
}

SearchOutcome failed(std::size_t n, const std::string& what) {
  return {SearchOutcome::Kind::kFailed, "", describe_attempt(n) + ": " + what};
}

SearchOutcome refusal(std::size_t n, const Error& e, const std::string& index) {
  const std::string problem = unclear(e.what(), index);
  if (problem.empty()) return {SearchOutcome::Kind::kRefused, code_name(e.code()), e.what()};
  return failed(n, std::string("refused with ") + code_name(e.code()) + " but its message " +
                       problem + ": \"" + escaped(e.what()) + "\"");
}

// The child's first line: it has started, and searches from now on.
constexpr const char* kReady = "S\n";

// The child's report of one attempt, one line: "A", "R <code> <message>" or "F <what>".
std::string encode(const SearchOutcome& outcome) {
  switch (outcome.kind) {
    case SearchOutcome::Kind::kAnswered:
      return "A\n";
    case SearchOutcome::Kind::kRefused:
      return "R " + outcome.code + " " + escaped(outcome.detail) + "\n";
    case SearchOutcome::Kind::kFailed:
      return "F " + escaped(outcome.detail) + "\n";
  }
  return "F an outcome of no known kind\n";
}

SearchOutcome decode(const std::string& line) {
  const std::string rest = line.size() > 2 ? line.substr(2) : "";
  if (line == "A") return {SearchOutcome::Kind::kAnswered, "", ""};
  if (line.rfind("R ", 0) == 0) {
    const std::size_t space = rest.find(' ');
    return {SearchOutcome::Kind::kRefused, rest.substr(0, space),
            space == std::string::npos ? "" : rest.substr(space + 1)};
  }
  if (line.rfind("F ", 0) == 0) return {SearchOutcome::Kind::kFailed, "", rest};
  return {SearchOutcome::Kind::kFailed, "", "the searching process wrote \"" + line + "\""};
}

// The tool closes the child's standard input to say "stop"; the wait doubles as the pause
// between attempts.
bool stop_requested() {
  pollfd input{0, POLLIN, 0};
  return ::poll(&input, 1, kPauseMilliseconds) > 0;
}

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return true;
}

}  // namespace

void SearchTally::add(const SearchOutcome& outcome) {
  switch (outcome.kind) {
    case SearchOutcome::Kind::kAnswered:
      ++answered;
      break;
    case SearchOutcome::Kind::kRefused:
      if (refused[outcome.code]++ == 0) example[outcome.code] = outcome.detail;
      break;
    case SearchOutcome::Kind::kFailed:
      ++failures;
      break;
  }
}

SearchTally& SearchTally::operator+=(const SearchTally& other) {
  answered += other.answered;
  failures += other.failures;
  for (const auto& [code, count] : other.refused) {
    if (refused[code] == 0) example[code] = other.example.at(code);
    refused[code] += count;
  }
  return *this;
}

std::size_t SearchTally::refusals() const {
  std::size_t total = 0;
  for (const auto& entry : refused) total += entry.second;
  return total;
}

std::string SearchTally::describe() const {
  std::ostringstream out;
  out << "answered " << answered << ", refused with a clear reason " << refusals();
  if (!refused.empty()) {
    const char* separator = " (";
    for (const auto& [code, count] : refused) {
      out << separator << code << ' ' << count;
      separator = ", ";
    }
    out << ')';
  }
  out << ", failures " << failures;
  return out.str();
}

SearchOutcome search_once(const std::string& index, std::size_t n, HeldSearcher* held) {
  const Query& query = query_of(n);
  SearchOptions options;
  options.facets = query.facets;
  try {
    if (held == nullptr) {
      Searcher::open(index).search(query.text, options);
    } else {
      if (!held->searcher) held->searcher.emplace(Searcher::open(index));
      held->searcher->search(query.text, options);
    }
    return {SearchOutcome::Kind::kAnswered, "", ""};
  } catch (const Error& e) {
    return refusal(n, e, index);
  } catch (const std::exception& e) {
    return failed(n, "threw " + boost::core::demangle(typeid(e).name()) + " (not a " +
                         "treatysearch::Error): \"" + escaped(e.what()) + "\"");
  } catch (...) {
    return failed(n, "threw something that is not a std::exception");
  }
}

int search_loop(const std::string& index) {
  HeldSearcher held;
  if (!write_all(1, kReady)) return 3;
  for (std::size_t n = 0; !stop_requested(); ++n) {
    const SearchOutcome outcome = search_once(index, n, uses_held(n) ? &held : nullptr);
    if (!write_all(1, encode(outcome))) return 3;  // the tool is gone: nobody to tell
  }
  return 0;
}

ConcurrentSearch::ConcurrentSearch(const std::string& index, double timeout_seconds)
    : timeout_seconds_(timeout_seconds) {
  int to_child[2], from_child[2];
  if (::pipe2(to_child, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  if (::pipe2(from_child, O_CLOEXEC) != 0) {
    ::close(to_child[0]);
    ::close(to_child[1]);
    throw std::runtime_error("pipe failed");
  }
  // Built before fork: the child of a process with threads may only exec.
  std::string self = "/proc/self/exe", name = "treaty-crashtest", flag = kSearchLoopFlag,
              folder = index;
  char* argv[] = {name.data(), flag.data(), folder.data(), nullptr};
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    ::execv(self.c_str(), argv);
    ::_exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  stop_fd_ = to_child[1];
  answer_fd_ = from_child[0];
  if (pid_ < 0) {
    ::close(stop_fd_);
    ::close(answer_fd_);
    throw std::runtime_error("fork failed");
  }
  await_ready();
  reader_ = std::thread([this] { read_answers(); });
}

ConcurrentSearch::~ConcurrentSearch() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::close(stop_fd_);
  if (reader_.joinable()) reader_.join();
  ::waitpid(pid_, nullptr, 0);
  ::close(answer_fd_);
}

SearchTally ConcurrentSearch::stop(std::vector<std::string>& failures) {
  ::close(stop_fd_);
  reader_.join();
  finish_process();
  ::close(answer_fd_);
  pid_ = -1;
  failures.insert(failures.end(), failures_.begin(), failures_.end());
  return tally_;
}

// Starting the process (exec, loading the libraries) takes tens of milliseconds: waited for
// here, before the run it goes beside begins, so that even a run killed at once meets searches.
void ConcurrentSearch::await_ready() {
  std::string line;
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_seconds_);
  while (line.empty() || line.back() != '\n') {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd output{answer_fd_, POLLIN, 0};
    const int ready = left.count() > 0 ? ::poll(&output, 1, static_cast<int>(left.count())) : 0;
    if (ready < 0 && errno == EINTR) continue;
    char c = 0;
    // Byte by byte: what follows the line is the first attempt's, for the reader.
    if (ready <= 0 || ::read(answer_fd_, &c, 1) != 1) break;
    line += c;
  }
  if (line == kReady) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  ::close(stop_fd_);
  ::close(answer_fd_);
  pid_ = -1;
  throw std::runtime_error("the searching process (this program with " +
                           std::string(kSearchLoopFlag) + ") did not start within " +
                           std::to_string(timeout_seconds_) + " s");
}

// Runs on the reader thread until the process closes its output (it ends, or is killed here
// for a hang). Reading as the answers come keeps the pipe from filling, and times each attempt.
void ConcurrentSearch::read_answers() {
  std::string pending;
  char buffer[4096];
  auto last_heard = Clock::now();
  while (true) {
    pollfd output{answer_fd_, POLLIN, 0};
    const int ready = ::poll(&output, 1, 100);
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0) {
      const ssize_t got = ::read(answer_fd_, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      pending.append(buffer, static_cast<std::size_t>(got));
      for (std::size_t eol; (eol = pending.find('\n')) != std::string::npos;) {
        take_line(pending.substr(0, eol));
        pending.erase(0, eol + 1);
      }
      last_heard = Clock::now();
    } else if (!hung_ && std::chrono::duration<double>(Clock::now() - last_heard).count() >
                             timeout_seconds_) {
      hung_ = true;
      ++tally_.failures;
      std::ostringstream what;
      what << "a search gave no answer within " << timeout_seconds_ << " s ("
           << describe_attempt(tally_.attempts() - 1) << "): its process was killed";
      failures_.push_back(what.str());
      ::kill(pid_, SIGKILL);
    }
  }
}

void ConcurrentSearch::take_line(const std::string& line) {
  const SearchOutcome outcome = decode(line);
  tally_.add(outcome);
  if (outcome.kind == SearchOutcome::Kind::kFailed) failures_.push_back(outcome.detail);
}

// A process that crashed or exited with an error took its last attempt with it: a failure.
void ConcurrentSearch::finish_process() {
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  if (hung_) return;
  std::string what;
  if (WIFSIGNALED(status))
    what = "the searching process died of signal " + std::to_string(WTERMSIG(status)) + " (" +
           ::strsignal(WTERMSIG(status)) + ")";
  else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    what = "the searching process exited with " + std::to_string(WEXITSTATUS(status));
  if (what.empty()) return;
  ++tally_.failures;
  failures_.push_back(what + " during " + describe_attempt(tally_.attempts() - 1));
}

}  // namespace treatysearch::crash

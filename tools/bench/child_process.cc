// Child processes of treaty-bench: every measured engine run happens in one, so that its peak RSS
// (from wait4) is its own and no run inherits another's heap or caches.
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "treaty_bench.h"

namespace treatysearch::bench {

std::string errno_text() { return std::strerror(errno); }

namespace {

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

}  // namespace

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

namespace {

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

}  // namespace

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

}  // namespace treatysearch::bench

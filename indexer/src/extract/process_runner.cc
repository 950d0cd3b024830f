// run_child: fork + execve under limits, input from a memfd, output through pipes.
//
// The indexer is multithreaded, so between fork() and execve() the child calls only
// async-signal-safe system calls (no malloc, no locks, no C++): everything it needs (the
// program's path, argv and envp as char arrays, the limits) is prepared before the fork.
// posix_spawn cannot set resource limits, which is why this forks.
#include "process_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "text.h"
#include "write_all.h"

extern char** environ;

namespace treatysearch::ingest {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunk = 64 << 10;
// Standard error is kept only for its last line; a program that writes megabytes of warnings
// costs this much memory, no more.
constexpr std::size_t kStderrTail = 4 << 10;
constexpr std::size_t kMaxErrorLineBytes = 300;
// The descriptor through which a failed execve reports its errno (closed on exec).
constexpr int kExecErrorFd = 3;

// An owned file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

std::string errno_text(int error_number) { return std::strerror(error_number); }

// Moves `fd` to a number above the standard three (so that the child's dup2 onto 0, 1 and 2
// never overwrites a descriptor it still has to copy), keeping it close-on-exec.
bool move_above_stdio(Fd* fd) {
  if (fd->get() > 2) return true;
  const int moved = ::fcntl(fd->get(), F_DUPFD_CLOEXEC, 3);
  if (moved < 0) return false;
  fd->reset(moved);
  return true;
}

bool make_pipe(Fd* read_end, Fd* write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end->reset(fds[0]);
  write_end->reset(fds[1]);
  return move_above_stdio(read_end) && move_above_stdio(write_end);
}

// argv[0] as execve needs it: as given when it holds a '/', else the first executable of that
// name in PATH (execvp would search in the child, where allocating is not allowed).
std::string resolve_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path_variable = std::getenv("PATH");
  const std::string_view path = path_variable ? path_variable : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string_view::npos) end = path.size();
    std::string directory(path.substr(start, end - start));
    if (directory.empty()) directory = ".";
    std::string candidate = directory + "/" + name;
    if (is_executable_file(candidate)) return candidate;
    start = end + 1;
  }
  return {};
}

std::vector<std::string> child_environment(const std::vector<std::string>& overrides) {
  std::vector<std::string> result;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    const std::string_view name = variable.substr(0, variable.find('='));
    const bool overridden = std::any_of(overrides.begin(), overrides.end(), [&](const auto& o) {
      return std::string_view(o).substr(0, o.find('=')) == name;
    });
    if (!overridden) result.emplace_back(variable);
  }
  result.insert(result.end(), overrides.begin(), overrides.end());
  return result;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> result;
  result.reserve(strings.size() + 1);
  for (auto& s : strings) result.push_back(s.data());
  result.push_back(nullptr);
  return result;
}

// What the child does between fork and exec: async-signal-safe calls only.
struct ChildSetup {
  const char* program = nullptr;
  char** argv = nullptr;
  char** envp = nullptr;
  int input_fd = -1, output_fd = -1, stderr_fd = -1, exec_error_fd = -1;
  rlim_t address_space = RLIM_INFINITY;
  rlim_t cpu_seconds = RLIM_INFINITY;
  int max_fd = 1024;  // for closing descriptors when close_range is missing
};

// Reports execve's (or a set-up call's) errno to the parent through the error pipe.
[[noreturn]] void fail_exec(int error_fd, int error_number) {
  const ssize_t ignored = ::write(error_fd, &error_number, sizeof error_number);
  (void)ignored;
  ::_exit(127);
}

[[noreturn]] void exec_child(const ChildSetup& setup) {
  int error_fd = setup.exec_error_fd;  // kExecErrorFd once moved there
  ::setpgid(0, 0);
  // Signal mask and ignored signals survive exec: the program gets the defaults.
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction default_action;
  std::memset(&default_action, 0, sizeof default_action);
  default_action.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &default_action, nullptr);

  // Every source descriptor is above 2 (move_above_stdio), so no dup2 clobbers another.
  if (::dup2(setup.input_fd, 0) < 0 || ::dup2(setup.output_fd, 1) < 0 ||
      ::dup2(setup.stderr_fd, 2) < 0) {
    fail_exec(error_fd, errno);
  }
  if (setup.exec_error_fd != kExecErrorFd &&
      ::dup3(setup.exec_error_fd, kExecErrorFd, O_CLOEXEC) < 0) {
    fail_exec(error_fd, errno);
  }
  error_fd = kExecErrorFd;
  if (::close_range(kExecErrorFd + 1, ~0u, 0) != 0) {
    for (int fd = kExecErrorFd + 1; fd < setup.max_fd; ++fd) ::close(fd);
  }

  const struct rlimit address_space = {setup.address_space, setup.address_space};
  // The soft CPU limit sends SIGXCPU; the hard one, a second later, SIGKILL.
  const struct rlimit cpu = {setup.cpu_seconds, setup.cpu_seconds == RLIM_INFINITY
                                                    ? RLIM_INFINITY
                                                    : setup.cpu_seconds + 1};
  const struct rlimit zero = {0, 0};
  if (::setrlimit(RLIMIT_AS, &address_space) != 0 || ::setrlimit(RLIMIT_CPU, &cpu) != 0 ||
      ::setrlimit(RLIMIT_FSIZE, &zero) != 0 || ::setrlimit(RLIMIT_CORE, &zero) != 0) {
    fail_exec(error_fd, errno);
  }
  ::execve(setup.program, setup.argv, setup.envp);
  fail_exec(error_fd, errno);
}

// False only when the child cannot be waited for: a program that embeds the library and sets
// SIGCHLD to SIG_IGN has its children reaped by the kernel, and how they ended is lost.
bool wait_for_exit(pid_t pid, int* status, struct rusage* usage) {
  for (;;) {
    if (::wait4(pid, status, 0, usage) == pid) return true;
    if (errno != EINTR) return false;
  }
}

// Kills the child's process group. Called only while the child is not yet reaped (running or a
// zombie), so its process-group id cannot have been reused.
void kill_group(pid_t pid) {
  if (::kill(-pid, SIGKILL) != 0) ::kill(pid, SIGKILL);
}

// The last non-blank line of what the child wrote to standard error, on one line, capped.
std::string last_line(std::string_view text) {
  text = core::trim(text);
  const std::size_t newline = text.find_last_of('\n');
  if (newline != std::string_view::npos) text = core::trim(text.substr(newline + 1));
  std::string line(text.substr(0, core::utf8_prefix_length(text, kMaxErrorLineBytes)));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return line;
}

// Whether the last line on standard error says the program could not get memory: C++'s
// bad_alloc (std::terminate's "what():  std::bad_alloc"), glibc's and most C programs' wording,
// Perl, Python.
bool says_out_of_memory(std::string_view last_stderr_line) {
  const std::string lower = core::ascii_lowercase(last_stderr_line);
  for (const std::string_view sign : {"bad_alloc", "out of memory", "cannot allocate memory",
                                      "memoryerror", "memory exhausted", "failed to allocate"}) {
    if (lower.find(sign) != std::string::npos) return true;
  }
  return false;
}

std::string signal_description(int sig) {
  const char* description = ::sigdescr_np(sig);
  std::string text = "killed by signal " + std::to_string(sig);
  if (description != nullptr) text += std::string(" (") + description + ")";
  return text;
}

double cpu_seconds_used(const struct rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Fills ok and error from how the child ended.
void describe_end(int status, const struct rusage& usage, const std::string& stderr_tail,
                  const ChildLimits& limits, ChildOutcome* outcome) {
  if (WIFEXITED(status)) outcome->exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome->signal = WTERMSIG(status);
  outcome->stderr_line = last_line(stderr_tail);
  const bool memory_words = says_out_of_memory(outcome->stderr_line);
  const bool cpu_limit = limits.cpu_seconds > 0 &&
                         (outcome->signal == SIGXCPU ||
                          (outcome->signal == SIGKILL &&
                           cpu_seconds_used(usage) >= static_cast<double>(limits.cpu_seconds)));
  // A SIGKILL we did not send is the kernel's: the CPU hard limit (checked above) or the OOM
  // killer. A SIGSEGV or SIGABRT counts as memory only when the program said so (a stack that
  // cannot grow under RLIMIT_AS also ends in SIGSEGV, but so does any crash).
  outcome->out_of_memory = !outcome->timed_out && !outcome->output_too_large && !cpu_limit &&
                           (outcome->signal == SIGKILL ||
                            (memory_words && (outcome->signal != 0 || outcome->exit_status > 0)));

  if (outcome->timed_out) {
    outcome->error = "timed out after " + std::to_string(limits.wall_seconds) + " s";
  } else if (outcome->output_too_large) {
    outcome->error =
        "wrote more than " + std::to_string(limits.max_output_bytes) + " bytes of output";
  } else if (cpu_limit) {
    outcome->error = "ran out of CPU time (limit " + std::to_string(limits.cpu_seconds) + " s)";
  } else if (outcome->out_of_memory) {
    outcome->error =
        limits.address_space_bytes > 0
            ? "ran out of memory (limit " + std::to_string(limits.address_space_bytes) + " bytes)"
            : "ran out of memory";
  } else if (outcome->signal != 0) {
    outcome->error = signal_description(outcome->signal);
  } else if (outcome->exit_status != 0) {
    outcome->error = "exited with status " + std::to_string(outcome->exit_status);
    if (!outcome->stderr_line.empty()) outcome->error += ": " + outcome->stderr_line;
  } else {
    outcome->ok = true;
  }
}

// glibc 2.36's <sys/pidfd.h> lacks extern "C", and older glibc has no wrapper: the system call.
int pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
}

int milliseconds_until(Clock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  // Rounded up, so that poll does not spin in the last millisecond.
  return static_cast<int>(std::clamp<long long>(left + 1, 0, 60'000));
}

}  // namespace

bool is_executable_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

ChildOutcome run_child(const std::vector<std::string>& argv, std::string_view input,
                       const ChildLimits& limits, const std::vector<std::string>& environment) {
  ChildOutcome outcome;
  if (argv.empty()) {
    outcome.error = "no program to run";
    return outcome;
  }
  const std::string program = resolve_program(argv[0]);
  if (program.empty()) {
    outcome.error = "cannot run " + argv[0] + ": not found in PATH";
    return outcome;
  }

  Fd input_file(::memfd_create("treatysearch-input", MFD_CLOEXEC));
  if (input_file.get() < 0 || !move_above_stdio(&input_file) ||
      !write_all(input_file.get(), input) || ::lseek(input_file.get(), 0, SEEK_SET) != 0) {
    outcome.error = "cannot pass the input to " + argv[0] + ": " + errno_text(errno);
    return outcome;
  }
  Fd output_read, output_write, stderr_read, stderr_write, exec_error_read, exec_error_write;
  if (!make_pipe(&output_read, &output_write) || !make_pipe(&stderr_read, &stderr_write) ||
      !make_pipe(&exec_error_read, &exec_error_write)) {
    outcome.error = "cannot create pipes for " + argv[0] + ": " + errno_text(errno);
    return outcome;
  }

  std::vector<std::string> argv_strings = argv;
  std::vector<char*> argv_pointers = c_strings(argv_strings);
  std::vector<std::string> environment_strings = child_environment(environment);
  std::vector<char*> environment_pointers = c_strings(environment_strings);
  ChildSetup setup;
  setup.program = program.c_str();
  setup.argv = argv_pointers.data();
  setup.envp = environment_pointers.data();
  setup.input_fd = input_file.get();
  setup.output_fd = output_write.get();
  setup.stderr_fd = stderr_write.get();
  setup.exec_error_fd = exec_error_write.get();
  if (limits.address_space_bytes > 0) setup.address_space = limits.address_space_bytes;
  if (limits.cpu_seconds > 0) setup.cpu_seconds = static_cast<rlim_t>(limits.cpu_seconds);
  struct rlimit files;
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
    setup.max_fd = static_cast<int>(std::min<rlim_t>(files.rlim_cur, 1 << 20));
  }

  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(limits.wall_seconds);
  const pid_t pid = ::fork();
  if (pid < 0) {
    outcome.error = "cannot start " + argv[0] + ": " + errno_text(errno);
    return outcome;
  }
  if (pid == 0) exec_child(setup);
  // Set here too, so that the group exists before any kill (whichever of the two runs first).
  ::setpgid(pid, pid);

  input_file.reset();
  output_write.reset();
  stderr_write.reset();
  exec_error_write.reset();

  // The error pipe closes on a successful exec, or carries execve's errno.
  int exec_errno = 0;
  ssize_t got;
  while ((got = ::read(exec_error_read.get(), &exec_errno, sizeof exec_errno)) < 0 &&
         errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof exec_errno)) {
    int status = 0;
    struct rusage usage;
    wait_for_exit(pid, &status, &usage);
    outcome.error = "cannot run " + program + ": " + errno_text(exec_errno);
    return outcome;
  }

  // A descriptor that becomes readable when the child exits; without it (a kernel before 5.3),
  // the exit is polled with waitid(WNOWAIT), which does not reap.
  Fd exit_notice(pidfd_open(pid));
  bool exited = false;
  auto check_exited = [&] {
    if (exited) return true;
    siginfo_t info;
    info.si_pid = 0;
    const int got_exit =
        ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    // ECHILD: the child is gone already (reaped by the kernel when SIGCHLD is ignored).
    if ((got_exit == 0 && info.si_pid == pid) || (got_exit != 0 && errno == ECHILD)) {
      exited = true;
    }
    return exited;
  };

  std::string stderr_tail;
  std::vector<char> buffer(kReadChunk);
  bool output_open = true, stderr_open = true, killed = false;
  while ((output_open || stderr_open || !exited) && !killed) {
    struct pollfd fds[3];
    nfds_t count = 0;
    int output_index = -1, stderr_index = -1, exit_index = -1;
    if (output_open)
      output_index = static_cast<int>(count), fds[count++] = {output_read.get(), POLLIN, 0};
    if (stderr_open)
      stderr_index = static_cast<int>(count), fds[count++] = {stderr_read.get(), POLLIN, 0};
    if (!exited && exit_notice.get() >= 0) {
      exit_index = static_cast<int>(count), fds[count++] = {exit_notice.get(), POLLIN, 0};
    }
    int timeout = milliseconds_until(deadline);
    // Without a pidfd, look again for the exit now and then once the pipes are closed.
    if (!exited && exit_notice.get() < 0 && !output_open && !stderr_open) {
      timeout = std::min(timeout, 2);
    }
    const int ready = ::poll(fds, count, timeout);
    if (ready < 0 && errno != EINTR) {
      outcome.error = "cannot wait for " + argv[0] + ": " + errno_text(errno);
      kill_group(pid);
      killed = true;
      break;
    }
    if (Clock::now() >= deadline && !(exited && !output_open && !stderr_open)) {
      outcome.timed_out = true;
      kill_group(pid);
      killed = true;
      break;
    }
    if (ready <= 0) {
      if (exit_notice.get() < 0) check_exited();
      continue;
    }
    if (output_index >= 0 && fds[output_index].revents != 0) {
      const ssize_t n = ::read(output_read.get(), buffer.data(), buffer.size());
      if (n > 0) {
        const auto bytes = static_cast<std::size_t>(n);
        const std::uint64_t room = limits.max_output_bytes - outcome.output.size();
        if (bytes > room) {
          outcome.output.append(buffer.data(), static_cast<std::size_t>(room));
          outcome.output_too_large = true;
          kill_group(pid);
          killed = true;
          break;
        }
        outcome.output.append(buffer.data(), bytes);
      } else if (n == 0 || errno != EINTR) {
        output_open = false;
      }
    }
    if (stderr_index >= 0 && fds[stderr_index].revents != 0) {
      const ssize_t n = ::read(stderr_read.get(), buffer.data(), buffer.size());
      if (n > 0) {
        stderr_tail.append(buffer.data(), static_cast<std::size_t>(n));
        if (stderr_tail.size() > kStderrTail) {
          stderr_tail.erase(0, stderr_tail.size() - kStderrTail);
        }
      } else if (n == 0 || errno != EINTR) {
        stderr_open = false;
      }
    }
    if (exit_index >= 0 && fds[exit_index].revents != 0) {
      exited = true;
      // Whatever the child left running in its group would hold the pipes open.
      if (output_open || stderr_open) kill_group(pid);
    }
    if (exit_notice.get() < 0 && !output_open && !stderr_open) check_exited();
  }

  // Still unreaped here, so the group id is the child's: end whatever is left of the group.
  kill_group(pid);
  int status = 0;
  struct rusage usage;
  std::memset(&usage, 0, sizeof usage);
  const bool waited = wait_for_exit(pid, &status, &usage);
  if (!outcome.error.empty()) return outcome;  // poll failed
  if (!waited) {
    outcome.error = "cannot learn how " + argv[0] + " ended: " + errno_text(errno);
    return outcome;
  }
  describe_end(status, usage, stderr_tail, limits, &outcome);
  return outcome;
}

}  // namespace treatysearch::ingest

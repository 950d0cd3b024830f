// run_child: output, input as a re-openable file, exit status and stderr, the wall-clock,
// memory, CPU, file-size and output limits, crashes, descriptors, and no zombies.
#include "process_runner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace treatysearch::ingest {
namespace {

ChildLimits quick_limits() {
  ChildLimits limits;
  limits.wall_seconds = 20;
  limits.cpu_seconds = 20;
  return limits;
}

ChildOutcome sh(const std::string& script, std::string_view input = {},
                const ChildLimits& limits = quick_limits()) {
  return run_child({"sh", "-c", script}, input, limits);
}

// No child of this process is left, reaped or not.
void expect_no_children() {
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

// Whether `pid` is gone or a zombie (a grandchild is reaped by init, not by us).
bool is_gone(pid_t pid) {
  if (::kill(pid, 0) != 0) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const auto close = line.rfind(')');
  return close != std::string::npos && line.size() > close + 2 && line[close + 2] == 'Z';
}

TEST(ProcessRunner, CapturesStandardOutput) {
  const ChildOutcome outcome = sh("printf 'hello\\nworld'");
  EXPECT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.output, "hello\nworld");
  EXPECT_EQ(outcome.exit_status, 0);
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_TRUE(outcome.error.empty());
  expect_no_children();
}

TEST(ProcessRunner, FindsTheProgramInPath) {
  const ChildOutcome outcome = run_child({"cat"}, "through cat", quick_limits());
  EXPECT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.output, "through cat");
}

// The input is a file: /dev/stdin opened twice reads it twice from the start (antiword and
// other programs that want a path and seek get the same bytes).
TEST(ProcessRunner, InputIsAFileThatCanBeOpenedAgain) {
  const ChildOutcome outcome = sh("cat /dev/stdin; cat /dev/stdin", "abc");
  EXPECT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.output, "abcabc");
  EXPECT_EQ(sh("wc -c < /dev/stdin", std::string(100'000, 'x')).output, "100000\n");
  EXPECT_EQ(sh("wc -c", "").output, "0\n");
}

TEST(ProcessRunner, NonZeroExitGivesStatusAndLastStderrLine) {
  const ChildOutcome outcome =
      sh("echo partial; echo 'first line' >&2; printf 'bad\\tthing\\n\\n' >&2; exit 3");
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.exit_status, 3);
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.stderr_line, "bad thing");
  EXPECT_EQ(outcome.error, "exited with status 3: bad thing");
  EXPECT_EQ(outcome.output, "partial\n");
  EXPECT_EQ(sh("exit 4").error, "exited with status 4");
}

// Stderr is kept for its last line only, however much is written.
TEST(ProcessRunner, LongStderrKeepsItsLastLine) {
  const ChildOutcome outcome =
      sh("head -c 1000000 /dev/zero | tr '\\0' 'x' >&2; "
         "echo >&2; echo 'the end' >&2; exit 1");
  EXPECT_EQ(outcome.error, "exited with status 1: the end");
}

TEST(ProcessRunner, EnvironmentAddsAndReplacesVariables) {
  const ChildOutcome outcome = run_child({"sh", "-c", "echo \"$TS_A $HOME\""}, {}, quick_limits(),
                                         {"TS_A=one", "HOME=/elsewhere"});
  EXPECT_EQ(outcome.output, "one /elsewhere\n");
}

TEST(ProcessRunner, WallClockLimitKillsTheWholeGroupWithoutZombies) {
  ChildLimits limits = quick_limits();
  limits.wall_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  // The shell's pid, then a background grandchild's, then a wait that would last 30 s.
  const ChildOutcome outcome = sh("echo $$; sleep 30 & echo $!; wait", {}, limits);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_EQ(outcome.signal, SIGKILL);
  EXPECT_EQ(outcome.error, "timed out after 1 s");
  EXPECT_GE(seconds, 0.9);
  EXPECT_LT(seconds, 2.0);
  expect_no_children();
  const auto newline = outcome.output.find('\n');
  ASSERT_NE(newline, std::string::npos) << outcome.output;
  const pid_t shell = std::stoi(outcome.output.substr(0, newline));
  const pid_t grandchild = std::stoi(outcome.output.substr(newline + 1));
  EXPECT_TRUE(is_gone(shell));
  bool grandchild_gone = false;
  for (int i = 0; i < 100 && !grandchild_gone; ++i) {
    grandchild_gone = is_gone(grandchild);
    if (!grandchild_gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(grandchild_gone) << "the background sleep outlived its group";
}

// A child that exits while something it started still holds its output open is not waited
// for until the deadline: the rest of its group is ended when it exits.
TEST(ProcessRunner, LeftoverGrandchildDoesNotHoldTheRunOpen) {
  const auto start = std::chrono::steady_clock::now();
  const ChildOutcome outcome = sh("sleep 30 & echo done");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.output, "done\n");
  EXPECT_LT(seconds, 5.0);
  expect_no_children();
}

TEST(ProcessRunner, CrashGivesTheSignal) {
  const ChildOutcome outcome = sh("kill -SEGV $$");
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.signal, SIGSEGV);
  EXPECT_EQ(outcome.exit_status, -1);
  EXPECT_FALSE(outcome.out_of_memory);
  EXPECT_EQ(outcome.error, "killed by signal 11 (Segmentation fault)");
  expect_no_children();
}

TEST(ProcessRunner, AllocationBeyondAddressSpaceLimitIsOutOfMemory) {
  if (::access("/usr/bin/perl", X_OK) != 0) GTEST_SKIP() << "perl (Debian: perl-base) is missing";
  ChildLimits limits = quick_limits();
  limits.address_space_bytes = 256ull << 20;
  // 512 MiB in one string, under a 256 MiB address space (the size computed at run time: Perl
  // would fold a constant one at compile time and end in a panic instead).
  const ChildOutcome outcome = run_child(
      {"perl", "-e", "my $n = 512 * 1024 * 1024 + @ARGV; my $x = 'a' x $n; print length $x"}, {},
      limits);
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.out_of_memory) << outcome.error;
  EXPECT_EQ(outcome.error, "ran out of memory (limit 268435456 bytes)");

  // The same program within a larger limit succeeds: the limit, not the program, failed it.
  limits.address_space_bytes = 0;
  const ChildOutcome unlimited =
      run_child({"perl", "-e", "my $x = 'a' x (64 * 1024 * 1024); print length $x"}, {}, limits);
  EXPECT_TRUE(unlimited.ok) << unlimited.error;
  EXPECT_EQ(unlimited.output, "67108864");
}

// A SIGKILL nobody here sent is the kernel's out-of-memory killer.
TEST(ProcessRunner, ForeignSigkillIsOutOfMemory) {
  const ChildOutcome outcome = sh("kill -KILL $$");
  EXPECT_EQ(outcome.signal, SIGKILL);
  EXPECT_TRUE(outcome.out_of_memory);
  EXPECT_EQ(outcome.error, "ran out of memory (limit 2147483648 bytes)");
}

TEST(ProcessRunner, CpuLimit) {
  ChildLimits limits = quick_limits();
  limits.cpu_seconds = 1;
  const ChildOutcome outcome = sh("while :; do :; done", {}, limits);
  EXPECT_FALSE(outcome.ok);
  EXPECT_FALSE(outcome.timed_out);
  EXPECT_EQ(outcome.error, "ran out of CPU time (limit 1 s)");
}

TEST(ProcessRunner, WritesNoFiles) {
  const std::string path = ::testing::TempDir() + "/process_runner_fsize";
  ::unlink(path.c_str());
  const ChildOutcome outcome = sh("echo data > '" + path + "'");
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.signal, SIGXFSZ) << outcome.error;
  std::ifstream written(path);
  std::string content;
  std::getline(written, content);
  EXPECT_TRUE(content.empty());
  ::unlink(path.c_str());
}

TEST(ProcessRunner, OutputLimitAtNAndNPlusOne) {
  ChildLimits limits = quick_limits();
  limits.max_output_bytes = 100'000;
  const ChildOutcome at_limit = sh("head -c 100000 /dev/zero", {}, limits);
  EXPECT_TRUE(at_limit.ok) << at_limit.error;
  EXPECT_EQ(at_limit.output.size(), 100'000u);

  const ChildOutcome over = sh("head -c 100001 /dev/zero", {}, limits);
  EXPECT_FALSE(over.ok);
  EXPECT_TRUE(over.output_too_large);
  EXPECT_EQ(over.output.size(), 100'000u);
  EXPECT_EQ(over.error, "wrote more than 100000 bytes of output");

  // A child that would write for ever is stopped at the limit, not at the wall clock.
  const auto start = std::chrono::steady_clock::now();
  const ChildOutcome endless = sh("cat /dev/zero", {}, limits);
  EXPECT_TRUE(endless.output_too_large);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  expect_no_children();
}

TEST(ProcessRunner, ChildGetsOnlyTheStandardDescriptors) {
  const int ours = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  ASSERT_GE(ours, 3);
  // ls lists the shell's descriptors (a glob in the shell would count its own directory handle).
  const ChildOutcome outcome = sh("ls /proc/$$/fd");
  ::close(ours);
  EXPECT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.output, "0\n1\n2\n");
}

TEST(ProcessRunner, MissingProgramIsOneLine) {
  const ChildOutcome not_in_path = run_child({"treatysearch-no-such-program"}, {}, quick_limits());
  EXPECT_FALSE(not_in_path.ok);
  EXPECT_EQ(not_in_path.error, "cannot run treatysearch-no-such-program: not found in PATH");

  const ChildOutcome bad_path = run_child({"/nonexistent/program"}, {}, quick_limits());
  EXPECT_FALSE(bad_path.ok);
  EXPECT_EQ(bad_path.error, "cannot run /nonexistent/program: No such file or directory");
  expect_no_children();

  EXPECT_EQ(run_child({}, {}, quick_limits()).error, "no program to run");
}

// With SIGCHLD ignored the kernel reaps children itself, and their end is unknown: an error,
// never a success.
TEST(ProcessRunner, IgnoredSigchldIsAnErrorNotASuccess) {
  struct sigaction ignore {
  }, saved{};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGCHLD, &ignore, &saved), 0);
  const ChildOutcome outcome = sh("exit 0");
  ::sigaction(SIGCHLD, &saved, nullptr);
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "cannot learn how sh ended: No child processes");
}

TEST(ProcessRunner, ThreadsRunChildrenAtOnce) {
  constexpr int kThreads = 4;
  std::vector<std::string> outputs(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([i, &outputs] {
      for (int round = 0; round < 5; ++round) {
        const std::string input(1000 * (i + 1), static_cast<char>('a' + i));
        const ChildOutcome outcome = run_child({"cat"}, input, quick_limits());
        if (!outcome.ok || outcome.output != input) {
          outputs[i] = "round " + std::to_string(round) + ": " + outcome.error;
          return;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(outputs[i], "") << "thread " << i;
  expect_no_children();
}

}  // namespace
}  // namespace treatysearch::ingest

// Running a program in a child process under limits, with its input as a file and its output
// captured: the one place the indexer creates processes (the worker, worker.h; antiword from
// the worker).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::ingest {

struct ChildLimits {
  std::uint64_t address_space_bytes = 2ull << 30;  // RLIMIT_AS
  int cpu_seconds = 300;                           // RLIMIT_CPU
  int wall_seconds = 600;                          // then SIGKILL to the child's process group
  std::uint64_t max_output_bytes = 80ull << 20;    // more standard output is an error
};

struct ChildOutcome {
  bool ok = false;       // exited with status 0, within every limit
  std::string output;    // standard output (up to max_output_bytes)
  std::string error;     // when !ok, one line: "timed out after 600 s", "killed by signal 11
                         // (Segmentation fault)", "ran out of memory (limit N bytes)",
                         // "exited with status 2: <stderr's last line>"
  int exit_status = -1;  // when it exited
  int signal = 0;        // when a signal ended it
  bool timed_out = false;
  bool output_too_large = false;
  bool out_of_memory = false;  // as far as can be told (bad_alloc, "out of memory", OOM kill)
  std::string stderr_line;     // the last non-blank line of standard error, on one line
};

// Runs argv (argv[0] searched in PATH when it holds no '/') with `input` as its standard input.
// The input is a seekable in-memory file (memfd), so a program that needs a file path can be
// given "/dev/stdin". The child has its own process group, RLIMIT_AS, RLIMIT_CPU, RLIMIT_FSIZE 0
// (it writes no file) and RLIMIT_CORE 0, no descriptor of ours but its three standard ones, and
// is killed (the whole group, SIGKILL) at the wall-clock limit; no zombie is left.
// `environment` entries ("NAME=value") are added to the inherited environment, replacing a
// variable of the same name. An address_space_bytes or cpu_seconds of 0 leaves that limit off
// (an AddressSanitizer build cannot start under RLIMIT_AS: its shadow memory is terabytes of
// address space).
// Never throws but std::bad_alloc; thread-safe.
ChildOutcome run_child(const std::vector<std::string>& argv, std::string_view input,
                       const ChildLimits& limits, const std::vector<std::string>& environment = {});

// Whether `path` is a regular file this process may execute (what run_child looks for in PATH).
bool is_executable_file(const std::string& path);

}  // namespace treatysearch::ingest

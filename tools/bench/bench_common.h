// Pieces shared by the benchmark tools: the machine description every result is quoted with,
// the date, and the statistics (median, nearest-rank percentiles) they report.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace treatysearch::bench {

using Clock = std::chrono::steady_clock;

// What a result must be quoted with: figures are meaningless without the machine.
struct MachineInfo {
  unsigned cpus = 0;               // online processors
  std::string cpu_model;           // "model name" of /proc/cpuinfo, "unknown" if absent
  std::uint64_t memory_bytes = 0;  // MemTotal of /proc/meminfo
  std::string kernel;              // uname -sr
};

MachineInfo read_machine_info();

// One line for text output: "2 CPUs, Intel(R) Xeon(R) ..., 23.5 GiB RAM, Linux 6.1.0".
std::string describe(const MachineInfo& machine);

// Local time as "2024-05-01 13:45:12 +0200".
std::string local_date_time();

double seconds_since(Clock::time_point start);

// Median; the mean of the two middle values for an even count; 0 for none.
double median(std::vector<double> values);

// Nearest-rank percentile (the value at rank ceil(p/100 * n)), as bench_query.py computes it,
// so our figures and the peers' are comparable. 0 for none.
double nearest_rank(std::vector<double> values, double percentile);

double mean(const std::vector<double>& values);
double maximum(const std::vector<double>& values);

inline constexpr double kMB = 1e6;               // throughput is quoted in 10^6 bytes
inline constexpr double kMiB = 1024.0 * 1024.0;  // memory in 2^20 bytes

}  // namespace treatysearch::bench

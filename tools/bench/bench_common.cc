#include "bench_common.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <numeric>
#include <sstream>

namespace treatysearch::bench {

namespace {

// The value after "key<spaces>:" on the first line of `path` that starts with `key`.
std::string proc_field(const char* path, const std::string& key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto start = line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? std::string() : line.substr(start);
  }
  return {};
}

}  // namespace

MachineInfo read_machine_info() {
  MachineInfo machine;
  const long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  machine.cpus = cpus > 0 ? static_cast<unsigned>(cpus) : 0;
  machine.cpu_model = proc_field("/proc/cpuinfo", "model name");
  if (machine.cpu_model.empty()) machine.cpu_model = "unknown";
  // MemTotal is in kB (KiB) whatever the line says.
  std::istringstream mem(proc_field("/proc/meminfo", "MemTotal"));
  std::uint64_t kib = 0;
  mem >> kib;
  machine.memory_bytes = kib * 1024;
  utsname names{};
  if (uname(&names) == 0) machine.kernel = std::string(names.sysname) + " " + names.release;
  return machine;
}

std::string describe(const MachineInfo& machine) {
  char memory[32];
  std::snprintf(memory, sizeof memory, "%.1f GiB RAM",
                static_cast<double>(machine.memory_bytes) / (kMiB * 1024.0));
  return std::to_string(machine.cpus) + " CPUs, " + machine.cpu_model + ", " + memory +
         (machine.kernel.empty() ? "" : ", " + machine.kernel);
}

std::string local_date_time() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %z", &local);
  return text;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double nearest_rank(std::vector<double> values, double percentile) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto n = static_cast<double>(values.size());
  const double rank = std::clamp(std::ceil(percentile / 100.0 * n), 1.0, n);
  return values[static_cast<std::size_t>(rank) - 1];
}

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double maximum(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

}  // namespace treatysearch::bench

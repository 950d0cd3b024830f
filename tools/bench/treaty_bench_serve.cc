// treaty-serve under load (--serve SECONDS): the server on the benchmark's index, --serve-clients
// clients (8) each sending the benchmark queries to /api/search over one keep-alive connection
// for SECONDS, while treaty-index updates the same index in a loop (a few corpus files copied
// aside, changed and indexed again, each run a commit). Reported: requests per second, latency,
// errors (any answer but 200, any failed connection) and the server's peak RSS.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "treaty_bench.h"

namespace treatysearch::bench {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;

constexpr std::size_t kUpdatedFiles = 20;

std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The server as a child process; its first line of output gives the port.
struct ServerProcess {
  pid_t pid = -1;
  unsigned short port = 0;

  explicit ServerProcess(const fs::path& index) {
    int out[2];
    if (pipe(out) != 0) throw BenchError("pipe: " + errno_text());
    pid = fork();
    if (pid < 0) throw BenchError("fork: " + errno_text());
    if (pid == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execl(TREATYSEARCH_SERVE_PROGRAM, TREATYSEARCH_SERVE_PROGRAM, "--index", index.c_str(),
            "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
      std::fprintf(stderr, "%s: cannot run %s: %s\n", kTool, TREATYSEARCH_SERVE_PROGRAM,
                   std::strerror(errno));
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    close(out[0]);
    const std::size_t at = line.find("127.0.0.1:");
    if (at == std::string::npos) {
      stop();
      throw BenchError("treaty-serve printed no address: " + line);
    }
    port = static_cast<unsigned short>(std::stoi(line.substr(at + 10)));
  }

  // VmHWM of /proc/<pid>/status, in MiB.
  double peak_rss_mib() const {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    while (status >> key) {
      if (key == "VmHWM:") {
        double kib = 0;
        status >> kib;
        return kib / 1024.0;
      }
      status.ignore(1 << 20, '\n');
    }
    return 0;
  }

  void stop() {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
  }
  ~ServerProcess() { stop(); }
};

struct ClientTally {
  std::vector<double> ms;
  std::size_t errors = 0;
  std::string first_error;

  void error(const std::string& what) {
    if (errors++ == 0) first_error = what;
  }
};

// One client: the queries in turn, from its own starting point, until `stop`.
void run_client(unsigned short port, const std::vector<std::string>& targets, std::size_t first,
                const std::atomic<bool>& stop, ClientTally* tally) {
  asio::io_context io;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  for (std::size_t i = first; !stop; ++i) {
    const std::string& target = targets[i % targets.size()];
    try {
      if (!stream) {
        stream.emplace(io);
        stream->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
      }
      http::request<http::empty_body> request(http::verb::get, target, 11);
      request.set(http::field::host, "127.0.0.1");
      request.keep_alive(true);
      const auto start = Clock::now();
      http::write(*stream, request);
      http::response<http::string_body> response;
      http::read(*stream, buffer, response);
      const double ms = seconds_since(start) * 1000.0;
      if (response.result_int() == 200) {
        tally->ms.push_back(ms);
      } else {
        tally->error(std::to_string(response.result_int()) + " for " + target + ": " +
                     response.body().substr(0, 200));
      }
      if (!response.keep_alive()) stream.reset();
    } catch (const std::exception& e) {
      tally->error(std::string(e.what()) + " for " + target);
      stream.reset();
    }
  }
}

// Copies a few corpus files aside; each round changes them and indexes them into `index`.
std::size_t update_index_until(const fs::path& index, const fs::path& folder, const Corpus& corpus,
                               const std::atomic<bool>& stop, std::string* failure) {
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::vector<fs::path> copies;
  for (std::size_t k = 0; k < corpus.paths.size() && copies.size() < kUpdatedFiles; ++k) {
    const fs::path copy =
        folder / ("update-" + std::to_string(k) + corpus.paths[k].extension().string());
    fs::copy_file(corpus.paths[k], copy, fs::copy_options::overwrite_existing);
    if (copy.extension() == ".txt") copies.push_back(copy);
  }
  std::size_t updates = 0;
  while (!stop) {
    for (const fs::path& copy : copies) {
      std::ofstream(copy, std::ios::app) << "\n\nUpdate " << updates << " of this copy.\n";
    }
    const ChildOutcome run = run_program(
        {TREATYSEARCH_INDEX_PROGRAM, "--index", index.string(), "--quiet", folder.string()});
    if (!run.failure.empty()) {
      *failure = "treaty-index during the load: " + run.failure;
      break;
    }
    ++updates;
  }
  return updates;
}

}  // namespace

ServeRun run_serve_load(const Config& config, const std::vector<QuerySpec>& specs,
                        const Corpus& corpus) {
  std::fprintf(stderr,
               "%s: treaty-serve under load (%u clients, %u s, index updated meanwhile)...\n",
               kTool, config.serve_clients, config.serve_seconds);
  const fs::path index = config.work / kIndexFolder;
  std::vector<std::string> targets;
  for (const QuerySpec& spec : specs)
    targets.push_back("/api/search?n=" + std::to_string(kTopK) + "&q=" + url_encode(spec.text));
  if (targets.empty()) throw BenchError("--serve: no queries to send");

  ServerProcess server(index);
  std::atomic<bool> stop{false};
  std::vector<ClientTally> tallies(config.serve_clients);
  std::vector<std::thread> clients;
  const auto start = Clock::now();
  for (unsigned k = 0; k < config.serve_clients; ++k)
    clients.emplace_back(run_client, server.port, std::cref(targets),
                         k * targets.size() / config.serve_clients, std::cref(stop), &tallies[k]);
  std::string update_failure;
  std::atomic<bool> stop_updates{false};
  std::size_t updates = 0;
  std::thread updater([&] {
    updates = update_index_until(index, config.work / "serve-updates", corpus, stop_updates,
                                 &update_failure);
  });
  std::this_thread::sleep_for(std::chrono::seconds(config.serve_seconds));
  stop = true;
  for (std::thread& client : clients) client.join();
  ServeRun run;
  run.seconds = seconds_since(start);
  stop_updates = true;
  updater.join();
  run.server_peak_rss_mib = server.peak_rss_mib();
  server.stop();

  run.clients = config.serve_clients;
  run.index_updates = updates;
  std::vector<double> all;
  for (const ClientTally& tally : tallies) {
    all.insert(all.end(), tally.ms.begin(), tally.ms.end());
    if (run.first_error.empty()) run.first_error = tally.first_error;
    run.errors += tally.errors;
  }
  run.requests = all.size();
  run.latency = latency_of(all);
  if (!update_failure.empty()) warn(update_failure);
  return run;
}

}  // namespace treatysearch::bench

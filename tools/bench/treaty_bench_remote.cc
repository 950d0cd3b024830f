// treaty-bench --remote: the benchmark index's shards, each served as it is by its own stock
// xapian-tcpsrv on 127.0.0.1 (as README's "Several machines" deploys them, one machine here),
// and the benchmark queries and operator classes run again through Searcher::open_remote. The
// same index answers locally and remotely in one run, so the ratio is the cost of the network
// path (one TCP exchange per shard and step, documents fetched for the passage check).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "treaty_bench.h"

namespace fs = std::filesystem;

namespace treatysearch::bench {

namespace {

// A port of 127.0.0.1 free now (the kernel's choice for port 0).
unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw BenchError("cannot find a free port: " + errno_text());
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok =
      fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  if (fd >= 0) ::close(fd);
  return ok;
}

// One xapian-tcpsrv per shard folder, stopped (with the children it forks per connection: each
// is a process group of its own) when this goes.
class ShardServers {
 public:
  ShardServers(const std::string& tcpsrv, const fs::path& index) {
    for (unsigned k = 0; fs::is_directory(index / ("shard" + std::to_string(k))); ++k) {
      const unsigned port = free_port();
      const std::string folder = (index / ("shard" + std::to_string(k))).string();
      const pid_t pid = ::fork();
      if (pid < 0) throw BenchError("fork: " + errno_text());
      if (pid == 0) {
        ::setsid();
        // Its children report each connection the benchmark closes ("write failed"): not news.
        if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) ::dup2(null, 2);
        const std::string port_text = std::to_string(port);
        ::execlp(tcpsrv.c_str(), tcpsrv.c_str(), "--quiet", "--interface", "127.0.0.1", "--port",
                 port_text.c_str(), folder.c_str(), static_cast<char*>(nullptr));
        std::perror(tcpsrv.c_str());
        ::_exit(127);
      }
      pids_.push_back(pid);
      wait_for(port, pid, tcpsrv);
      remote_ += (remote_.empty() ? "" : ",") + std::string("127.0.0.1:") + std::to_string(port);
    }
    if (pids_.empty()) throw BenchError(index.string() + ": no shard folders to serve");
  }
  ~ShardServers() {
    for (const pid_t pid : pids_) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
  ShardServers(const ShardServers&) = delete;
  ShardServers& operator=(const ShardServers&) = delete;

  const std::string& remote() const { return remote_; }
  unsigned count() const { return static_cast<unsigned>(pids_.size()); }

 private:
  static void wait_for(unsigned port, pid_t pid, const std::string& tcpsrv) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!accepts_connections(port)) {
      if (::waitpid(pid, nullptr, WNOHANG) == pid)
        throw BenchError(tcpsrv + " exited at once (is xapian-tools installed?)");
      if (std::chrono::steady_clock::now() > deadline)
        throw BenchError(tcpsrv + " did not listen on port " + std::to_string(port));
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  std::vector<pid_t> pids_;
  std::string remote_;
};

}  // namespace

RemoteRun run_remote(const Config& config, const std::vector<QuerySpec>& queries,
                     const std::vector<OperatorSpec>& operators) {
  const ShardServers servers(config.tcpsrv, config.work / kIndexFolder);
  RemoteRun run;
  run.shards = servers.count();
  const Searcher searcher = Searcher::open_remote(parse_remote_shards(servers.remote()));
  run.queries = run_our_queries(
      config, queries, searcher,
      " through " + std::to_string(run.shards) + " xapian-tcpsrv (" + servers.remote() + ")");
  if (!operators.empty()) run.operators = run_operator_classes(config, operators, searcher);
  return run;
}

}  // namespace treatysearch::bench

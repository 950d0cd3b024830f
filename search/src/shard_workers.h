// The threads that run a call's per-shard work (shard_match.h: on_each_shard), kept for the
// life of the process.
//
// Why not a thread per shard and call (std::async, as before): a query makes several parallel
// steps (the match, facets), and each new thread starts cold: measured on the 200 MB benchmark
// corpus with the programs' jemalloc, each new thread's allocations came from another arena and
// the query's Xapian documents, made in one thread and freed in another, cost p50 2.8 / p95 9.7
// ms against 1.7 / 5.4 with glibc's malloc. Threads that stay keep their caches warm whatever
// the allocator, and a call no longer pays for starting and joining them.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace treatysearch::search {

class ShardWorkers {
 public:
  // The process's workers: one fewer than the machine's cores (at least one), started on first
  // use, never stopped (they end with the process).
  static ShardWorkers& instance();

  // A pool of its own (tests); the destructor waits for the threads, which must be idle.
  explicit ShardWorkers(std::size_t threads);
  ~ShardWorkers();
  ShardWorkers(const ShardWorkers&) = delete;
  ShardWorkers& operator=(const ShardWorkers&) = delete;

  // Runs task(k) for every k < count and returns when all have ended. The calling thread takes
  // tasks too, so a call always finishes even if no worker is free (a task may itself call
  // run(), and a child process forked from a searching one has no workers). What a task throws
  // is rethrown here (the first, once every task has ended). Thread-safe.
  void run(std::size_t count, const std::function<void(std::size_t)>& task);

 private:
  struct Job;
  // Takes and runs the tasks of `job` not taken yet.
  static void work_on(Job& job);
  void serve();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> jobs_;  // jobs with tasks not taken yet
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace treatysearch::search

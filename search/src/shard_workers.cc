#include "shard_workers.h"

#include <algorithm>
#include <atomic>
#include <exception>

namespace treatysearch::search {

struct ShardWorkers::Job {
  std::size_t count = 0;
  const std::function<void(std::size_t)>* task = nullptr;
  std::atomic<std::size_t> next{0};  // the next task not taken
  std::mutex mutex;                  // guards ended and error
  std::condition_variable all_ended;
  std::size_t ended = 0;
  std::exception_ptr error;
};

ShardWorkers& ShardWorkers::instance() {
  // Never destroyed: its threads end with the process. Joining them from a static destructor
  // would hang a child forked from a searching process (the threads are not in the child).
  static ShardWorkers* const workers = [] {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return new ShardWorkers(cores > 1 ? cores - 1 : 1);
  }();
  return *workers;
}

ShardWorkers::ShardWorkers(std::size_t threads) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { serve(); });
}

ShardWorkers::~ShardWorkers() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void ShardWorkers::work_on(Job& job) {
  for (std::size_t k; (k = job.next.fetch_add(1)) < job.count;) {
    std::exception_ptr error;
    try {
      (*job.task)(k);
    } catch (...) {
      error = std::current_exception();
    }
    const std::lock_guard lock(job.mutex);
    if (error && !job.error) job.error = error;
    if (++job.ended == job.count) job.all_ended.notify_all();
  }
}

void ShardWorkers::serve() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = jobs_.front();
      // A job leaves the queue once all its tasks are taken; until then others may help.
      if (job->next.load() + 1 >= job->count) jobs_.pop_front();
    }
    work_on(*job);
  }
}

void ShardWorkers::run(std::size_t count, const std::function<void(std::size_t)>& task) {
  if (count == 0) return;
  const auto job = std::make_shared<Job>();
  job->count = count;
  job->task = &task;
  if (count > 1 && !threads_.empty()) {
    {
      const std::lock_guard lock(mutex_);
      jobs_.push_back(job);
    }
    if (count > 2)
      wake_.notify_all();
    else
      wake_.notify_one();
  }
  work_on(*job);
  {
    std::unique_lock lock(job->mutex);
    job->all_ended.wait(lock, [&] { return job->ended == job->count; });
  }
  if (count > 1 && !threads_.empty()) {
    // Out of the queue if no worker took it there (the caller took every task).
    const std::lock_guard lock(mutex_);
    jobs_.erase(std::remove(jobs_.begin(), jobs_.end(), job), jobs_.end());
  }
  if (job->error) std::rethrow_exception(job->error);
}

}  // namespace treatysearch::search

// The threads that run a call's per-shard work (shard_workers.h).
#include "shard_workers.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace treatysearch::search {
namespace {

TEST(ShardWorkers, RunsEveryTaskOnceAndReturnsWhenAllHaveEnded) {
  ShardWorkers workers(2);
  for (std::size_t count : {0u, 1u, 2u, 3u, 8u}) {
    std::vector<std::atomic<int>> runs(count);
    workers.run(count, [&](std::size_t k) {
      std::this_thread::sleep_for(std::chrono::milliseconds(k % 3));
      ++runs[k];
    });
    for (std::size_t k = 0; k < count; ++k) EXPECT_EQ(runs[k].load(), 1) << count << " " << k;
  }
}

TEST(ShardWorkers, TheCallerAloneFinishesWithoutWorkers) {
  // As in a child forked from a searching process, whose workers stayed in the parent.
  ShardWorkers none(0);
  std::vector<int> runs(4, 0);
  none.run(4, [&](std::size_t k) { ++runs[k]; });
  EXPECT_EQ(runs, (std::vector<int>{1, 1, 1, 1}));
}

TEST(ShardWorkers, WhatATaskThrowsIsRethrownOnceEveryTaskHasEnded) {
  ShardWorkers workers(1);
  std::atomic<int> ended{0};
  EXPECT_THROW(workers.run(4,
                           [&](std::size_t k) {
                             std::this_thread::sleep_for(std::chrono::milliseconds(5));
                             ++ended;
                             if (k == 1) throw std::runtime_error("shard 1");
                           }),
               std::runtime_error);
  EXPECT_EQ(ended.load(), 4);
}

TEST(ShardWorkers, ATaskMayRunWorkOfItsOwnAndCallsFromManyThreadsAllFinish) {
  ShardWorkers workers(1);
  std::atomic<int> inner{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&] {
      workers.run(3, [&](std::size_t) { workers.run(2, [&](std::size_t) { ++inner; }); });
    });
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(inner.load(), 4 * 3 * 2);
}

}  // namespace
}  // namespace treatysearch::search

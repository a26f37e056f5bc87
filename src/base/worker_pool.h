// WorkerPool: runs an indexed loop on a fixed set of threads.
//
// sitrep processes documents in batches: the reader fills a batch, the pool processes its
// items in parallel, and the writer emits them in input order. Each worker has a stable
// index in [0, threads) so it can keep its own scratch state (see STYLE: shared read-only
// models, per-worker scratch).
//
// Thread safety: Run() must be called from one thread at a time. The callable is invoked
// concurrently from all workers and must only touch item `i` and worker `w`'s own state.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sitrep {

class WorkerPool {
 public:
  // `threads` <= 1 runs everything on the calling thread.
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int threads() const { return threads_; }

  // Calls fn(i, worker) for every i in [0, n) and returns when all calls have finished.
  void Run(size_t n, const std::function<void(size_t item, int worker)>& fn);

 private:
  void WorkerLoop(int worker);
  void Drain(int worker);

  int threads_;
  std::vector<std::thread> helpers_;
  std::mutex mu_;
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  const std::function<void(size_t, int)>* job_ = nullptr;
  size_t job_size_ = 0;
  size_t next_item_ = 0;
  size_t generation_ = 0;
  int busy_ = 0;
  bool stopping_ = false;
};

// Resolves a --threads value: 0 means "all cores".
int ResolveThreadCount(int requested);

}  // namespace sitrep

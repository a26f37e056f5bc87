#include "base/worker_pool.h"

namespace sitrep {

int ResolveThreadCount(int requested) {
  if (requested > 0) return requested;
  unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : static_cast<int>(hc);
}

WorkerPool::WorkerPool(int threads) : threads_(threads < 1 ? 1 : threads) {
  // The calling thread is worker 0; helpers are workers 1..threads-1.
  for (int w = 1; w < threads_; ++w) helpers_.emplace_back([this, w] { WorkerLoop(w); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  start_cv_.notify_all();
  for (auto& t : helpers_) t.join();
}

void WorkerPool::Drain(int worker) {
  for (;;) {
    size_t i;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (next_item_ >= job_size_) return;
      i = next_item_++;
    }
    (*job_)(i, worker);
  }
}

void WorkerPool::WorkerLoop(int worker) {
  size_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      start_cv_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      ++busy_;
    }
    Drain(worker);
    {
      std::lock_guard<std::mutex> lock(mu_);
      --busy_;
    }
    done_cv_.notify_all();
  }
}

void WorkerPool::Run(size_t n, const std::function<void(size_t, int)>& fn) {
  if (threads_ == 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    job_ = &fn;
    job_size_ = n;
    next_item_ = 0;
    ++generation_;
  }
  start_cv_.notify_all();
  Drain(0);
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return busy_ == 0 && next_item_ >= job_size_; });
  job_ = nullptr;
}

}  // namespace sitrep

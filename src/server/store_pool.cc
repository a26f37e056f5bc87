#include "server/store_pool.h"

#include <algorithm>

namespace sitrep::server {

namespace {

Result<std::unique_ptr<EventStore>> OpenReadOnly(const std::string& path) {
  StoreOptions options;
  options.read_only = true;
  options.busy_timeout_ms = 2000;
  SITREP_ASSIGN_OR_RETURN(auto store, EventStore::Open(path, options));
  // A connection reads the schema and the planner's statistics on its first statement;
  // done here, that cost is paid at start and not by the first burst of requests (the
  // page's six opening requests each took 60-110 ms on fresh connections, 10-40 warm).
  SITREP_RETURN_IF_ERROR(
      store->Query("SELECT 1 FROM events LIMIT 0", {}, [](const SqlRow&) { return Status::OK(); }));
  return store;
}

}  // namespace

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->Release(std::move(store_));
}

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path,
                                                   size_t max_connections) {
  std::unique_ptr<StorePool> pool(new StorePool(path));
  for (size_t i = 0; i < std::max<size_t>(max_connections, 1); ++i) {
    SITREP_ASSIGN_OR_RETURN(auto store, OpenReadOnly(path));
    pool->idle_.push_back(std::move(store));
  }
  return pool;
}

Result<StorePool::Lease> StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  std::unique_ptr<EventStore> store = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(store));
}

void StorePool::Release(std::unique_ptr<EventStore> store) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(store));
  available_.notify_one();
}

}  // namespace sitrep::server

#include "server/store_pool.h"

namespace sitrep::server {

namespace {

Result<std::unique_ptr<EventStore>> OpenReadOnly(const std::string& path) {
  StoreOptions options;
  options.read_only = true;
  options.busy_timeout_ms = 2000;
  return EventStore::Open(path, options);
}

}  // namespace

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->Release(std::move(store_));
}

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path,
                                                   size_t max_connections) {
  SITREP_ASSIGN_OR_RETURN(auto first, OpenReadOnly(path));
  std::unique_ptr<StorePool> pool(new StorePool(path, max_connections ? max_connections : 1));
  pool->idle_.push_back(std::move(first));
  pool->open_ = 1;
  return pool;
}

Result<StorePool::Lease> StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
  if (!idle_.empty()) {
    std::unique_ptr<EventStore> store = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(store));
  }
  ++open_;
  lock.unlock();
  auto store = OpenReadOnly(path_);
  if (!store.ok()) {
    std::lock_guard<std::mutex> relock(mu_);
    --open_;
    available_.notify_one();
    return store.status();
  }
  return Lease(this, std::move(store).value());
}

void StorePool::Release(std::unique_ptr<EventStore> store) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(store));
  available_.notify_one();
}

}  // namespace sitrep::server

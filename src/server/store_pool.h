// StorePool: read-only EventStore connections shared by the server's worker threads.
//
// An EventStore is single-threaded, so each request leases one connection for its duration
// and gives it back when the Lease goes out of scope. All `max_connections` connections are
// opened, and have read the schema, before Open returns, so that the first requests after
// start find them ready; a request that finds all of them leased waits for one.
//
// Thread safety: Acquire may be called from any number of threads; a Lease and the store it
// holds belong to the thread that acquired it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/event_store.h"

namespace sitrep::server {

class StorePool {
 public:
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<EventStore> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    EventStore* get() const { return store_.get(); }
    EventStore* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<EventStore> store_;
  };

  // Opens every connection at once, so a missing or foreign file is reported here.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, size_t max_connections);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  const std::string& path() const { return path_; }

  // A connection of its own for the caller; waits while every connection is leased.
  Result<Lease> Acquire();

 private:
  explicit StorePool(std::string path) : path_(std::move(path)) {}
  void Release(std::unique_ptr<EventStore> store);

  std::string path_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<EventStore>> idle_;
};

}  // namespace sitrep::server

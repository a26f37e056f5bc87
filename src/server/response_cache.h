// ResponseCache: recently computed API answers, kept by key up to a byte budget and
// dropped least-recently-used first. The key names the endpoint, the canonical parameters
// and the store's data signature, so an answer is never served after new data arrived.
//
// Thread safety: all calls may run concurrently (one mutex).
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sitrep::server {

class ResponseCache {
 public:
  // `max_bytes` of keys and answers together; 0 keeps nothing.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  std::optional<std::string> Get(const std::string& key);
  // Keeps `value` unless it alone is larger than a quarter of the budget.
  void Put(const std::string& key, std::string value);

  size_t hits() const;
  size_t misses() const;
  size_t bytes() const;

 private:
  using Entry = std::pair<std::string, std::string>;
  size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> order_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace sitrep::server

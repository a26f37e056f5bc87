#include "server/response_cache.h"

namespace sitrep::server {

std::optional<std::string> ResponseCache::Get(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void ResponseCache::Put(const std::string& key, std::string value) {
  size_t size = key.size() + value.size();
  if (size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it != index_.end()) {
    bytes_ -= it->second->first.size() + it->second->second.size();
    order_.erase(it->second);
    index_.erase(it);
  }
  order_.emplace_front(key, std::move(value));
  index_[key] = order_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !order_.empty()) {
    const Entry& last = order_.back();
    bytes_ -= last.first.size() + last.second.size();
    index_.erase(last.first);
    order_.pop_back();
  }
}

size_t ResponseCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

size_t ResponseCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

}  // namespace sitrep::server

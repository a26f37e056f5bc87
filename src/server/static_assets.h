// StaticAssets: the built dashboard page (index.html, scripts, styles, the base map), read
// into memory once when the server starts.
//
// Path safety by construction: a request path is only ever looked up as a key among the
// files found at load time; it never reaches the file system, so "..", encoded slashes or
// symbolic links cannot lead outside the folder. Only regular files are loaded (links are
// not followed), up to a total size.
//
// Thread safety: immutable after Load; Find may be called from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep::server {

struct StaticAsset {
  std::string content;
  std::string mime_type;
  // The content gzip-compressed once at load, for clients that accept it ("" when
  // compression would not pay). Compressing here, not per request, keeps a page load fast.
  std::string gzip;
};

class StaticAssets {
 public:
  StaticAssets() = default;

  // Loads every regular file under `dir`. NotFound when `dir` has no index.html;
  // ResourceExhausted past `max_total_bytes`.
  static Result<StaticAssets> Load(const std::string& dir, size_t max_total_bytes = 64u << 20);

  // The asset for a request path ("/" means "/index.html"), or nullptr.
  const StaticAsset* Find(std::string_view path) const;

  size_t size() const { return files_.size(); }

  // The page folder beside the running binary: "<dir of sitrep>/web".
  static std::string DefaultDir();

 private:
  std::map<std::string, StaticAsset, std::less<>> files_;
};

// "text/html; charset=utf-8" and so on, by file extension; application/octet-stream else.
std::string MimeTypeFor(std::string_view path);

}  // namespace sitrep::server

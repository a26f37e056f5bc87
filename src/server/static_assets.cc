#include "server/static_assets.h"

#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitrep::server {

namespace fs = std::filesystem;

std::string MimeTypeFor(std::string_view path) {
  struct Type { const char* ext; const char* mime; };
  static const Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},          {".svg", "image/svg+xml"},
      {".png", "image/png"},                  {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},  {".map", "application/json"},
      {".woff2", "font/woff2"}};
  for (const Type& t : kTypes) {
    std::string_view ext(t.ext);
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return t.mime;
  }
  return "application/octet-stream";
}

namespace {

// gzip (RFC 1952) of `data` at the best ratio, or "" when that does not make it smaller.
std::string Gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return "";
  }
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END && out.size() < data.size() * 9 / 10 ? out : "";
}

bool Compressible(const std::string& mime) {
  return mime.rfind("text/", 0) == 0 || mime == "application/json" || mime == "image/svg+xml";
}

}  // namespace

Result<StaticAssets> StaticAssets::Load(const std::string& dir, size_t max_total_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(dir) / "index.html", ec)) {
    return Status::NotFound("no built dashboard page in " + dir + " (index.html missing)");
  }
  StaticAssets assets;
  size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return Status::IOError("cannot read " + it->path().string());
    StaticAsset asset{content.str(), MimeTypeFor(it->path().string()), ""};
    if (Compressible(asset.mime_type)) asset.gzip = Gzip(asset.content);
    total += asset.content.size();
    if (total > max_total_bytes) {
      return Status::ResourceExhausted(dir + ": page files larger than " +
                                       std::to_string(max_total_bytes) + " bytes");
    }
    std::string key = "/" + fs::relative(it->path(), dir, ec).generic_string();
    assets.files_[key] = std::move(asset);
  }
  if (ec) return Status::IOError(dir + ": " + ec.message());
  return assets;
}

const StaticAsset* StaticAssets::Find(std::string_view path) const {
  if (path == "/") path = "/index.html";
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::string StaticAssets::DefaultDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "web";
  std::string exe(buf, static_cast<size_t>(n));
  size_t slash = exe.rfind('/');
  return (slash == std::string::npos ? std::string(".") : exe.substr(0, slash)) + "/web";
}

}  // namespace sitrep::server

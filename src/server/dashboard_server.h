// DashboardServer: `sitrep serve` — one process serving the JSON API (server/dashboard_api.h)
// and the dashboard page (server/static_assets.h) over HTTP.
//
// Routes
//   GET  /api/health  /api/events  /api/events/{id}  /api/aggregate  /api/map
//        /api/actors  /api/dyads  /api/places
//   POST /api/ingest  only with allow_ingest, and only with "Authorization: Bearer TOKEN"
//   GET  /, /index.html and the page's other files
//
// Safety
//   - binds to 127.0.0.1 unless told otherwise; on a loopback address, requests whose Host
//     header names another host are refused (403), which stops DNS-rebinding pages;
//   - read-only: the store is opened read-only; the one write path is ingest (above);
//   - limits: request body size, socket read/write time, query time and result rows
//     (ApiOptions), URI length (httplib: 8 KiB);
//   - every answer carries a Content-Security-Policy that allows only the page's own
//     scripts, styles and API, plus nosniff, no-referrer and frame-ancestors 'none';
//   - a bad parameter is a 400 with {"error": "..."}; an exception inside a handler is
//     caught and answered with a 500, never a crash.
//
// Lifecycle: Start() binds and serves on background threads; Stop() (or destruction)
// stops serving and joins them. Thread safety: Stop may be called from any thread.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "server/article_ingest.h"
#include "server/dashboard_api.h"

namespace sitrep::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;            // 0: any free port; see DashboardServer::port()
  int threads = 8;            // worker threads, and store connections
  std::string web_dir;        // the built page; "" = StaticAssets::DefaultDir()
  bool require_page = false;  // fail to start when the page is missing (else API only)
  ApiOptions api;
  IngestOptions ingest;
  bool allow_ingest = false;
  std::string ingest_token;      // required (at least 16 bytes) when allow_ingest
  size_t max_body_bytes = 8u << 20;
  int socket_timeout_seconds = 10;  // reading a request, writing an answer
};

class DashboardServer {
 public:
  // Opens `db_path` read-only, loads the page and starts serving. `coder` codes posted
  // articles; it is required when options.allow_ingest and unused otherwise.
  static Result<std::unique_ptr<DashboardServer>> Start(const std::string& db_path,
                                                         ServerOptions options,
                                                         ArticleCoder coder = nullptr);
  ~DashboardServer();
  DashboardServer(const DashboardServer&) = delete;
  DashboardServer& operator=(const DashboardServer&) = delete;

  int port() const;
  const std::string& host() const;
  // False when the page was missing and only the API is served.
  bool serves_page() const;

  // Blocks until Stop() is called (from another thread).
  void Wait();
  void Stop();

 private:
  struct Rep;
  explicit DashboardServer(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

}  // namespace sitrep::server

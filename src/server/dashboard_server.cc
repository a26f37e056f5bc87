#include "server/dashboard_server.h"

#include <httplib.h>

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "base/json_writer.h"
#include "server/static_assets.h"

namespace sitrep::server {

namespace {

// Scripts, styles, data and API from the page's own origin only; no inline script, no
// frames, no plug-ins. Inline style attributes are not allowed either; the page sets
// styles through the CSSOM, which CSP does not restrict.
const char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

int HttpStatusFor(const Status& st) {
  switch (st.code()) {
    case Status::Code::kInvalidArgument: return 400;
    case Status::Code::kNotFound: return 404;
    case Status::Code::kResourceExhausted: return 503;
    default: return 500;
  }
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  std::string body;
  JsonWriter json(&body);
  json.BeginObject().Field("error", message).Field("status", status).EndObject();
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

void SendResult(httplib::Response& res, const Result<std::string>& result) {
  if (!result.ok()) {
    SendError(res, HttpStatusFor(result.status()), result.status().message());
    return;
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_content(*result, "application/json; charset=utf-8");
}

ParamList ParamsOf(const httplib::Request& req) {
  ParamList list;
  for (const auto& [k, v] : req.params) list.emplace_back(k, v);
  return list;
}

// The host part of a Host header: "127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "::1".
std::string HostName(const std::string& header) {
  if (!header.empty() && header[0] == '[') {
    size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(1, close - 1);
  }
  return header.substr(0, header.find(':'));
}

// Compares every byte whatever the first difference, so timing tells nothing of the token.
bool SameSecret(std::string_view given, std::string_view token) {
  if (given.size() != token.size() || token.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < token.size(); ++i) diff |= given[i] ^ token[i];
  return diff == 0;
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct DashboardServer::Rep {
  ServerOptions options;
  std::unique_ptr<StorePool> pool;
  std::unique_ptr<DashboardApi> api;
  std::unique_ptr<ArticleIngest> ingest;
  StaticAssets assets;
  bool has_page = false;
  httplib::Server http;
  std::thread thread;
  int port = 0;
  std::mutex mu;
  std::condition_variable stopped_cv;
  bool stopped = false;

  void Routes();
  void Ingest(const httplib::Request& req, httplib::Response& res);
  void Static(const httplib::Request& req, httplib::Response& res);
  bool HostAllowed(const httplib::Request& req) const;
};

bool DashboardServer::Rep::HostAllowed(const httplib::Request& req) const {
  if (!IsLoopbackHost(options.host)) return true;
  std::string host = HostName(req.get_header_value("Host"));
  return host.empty() || IsLoopbackHost(host) || host == options.host;
}

void DashboardServer::Rep::Routes() {
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!HostAllowed(req)) {
      SendError(res, 403, "this server answers only to a loopback host name");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto get = [this](const char* path, auto call) {
    http.Get(path, [this, call](const httplib::Request& req, httplib::Response& res) {
      SendResult(res, call(*api, ParamsOf(req)));
    });
  };
  get("/api/events", [](DashboardApi& a, const ParamList& p) { return a.Events(p); });
  get("/api/aggregate", [](DashboardApi& a, const ParamList& p) { return a.Aggregate(p); });
  get("/api/map", [](DashboardApi& a, const ParamList& p) { return a.Map(p); });
  get("/api/actors", [](DashboardApi& a, const ParamList& p) { return a.Actors(p); });
  get("/api/dyads", [](DashboardApi& a, const ParamList& p) { return a.Dyads(p); });
  get("/api/places", [](DashboardApi& a, const ParamList& p) { return a.Places(p); });
  http.Get("/api/health", [this](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return SendError(res, 400, "health takes no parameters");
    SendResult(res, api->Health(ingest != nullptr));
  });
  http.Get(R"(/api/events/([^/]*))", [this](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return SendError(res, 400, "an event takes no parameters");
    SendResult(res, api->Event(req.matches[1].str()));
  });
  http.Post("/api/ingest", [this](const httplib::Request& req, httplib::Response& res) {
    Ingest(req, res);
  });
  http.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    SendError(res, 404, "no such API endpoint: " + req.path);
  });
  http.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    Static(req, res);
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) {
      SendError(res, res.status, res.status == 404 ? "not found: " + req.method + " " + req.path
                                                   : "the request was refused");
    }
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    SendError(res, 500, what);
  });
}

void DashboardServer::Rep::Ingest(const httplib::Request& req, httplib::Response& res) {
  if (!ingest) return SendError(res, 403, "ingest is off; start the server with --allow-ingest");
  std::string auth = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (auth.compare(0, prefix.size(), prefix) != 0 ||
      !SameSecret(std::string_view(auth).substr(prefix.size()), options.ingest_token)) {
    res.set_header("WWW-Authenticate", "Bearer");
    return SendError(res, 401, "ingest needs the header 'Authorization: Bearer TOKEN'");
  }
  ArticleMeta meta;
  bool store = true;
  for (const auto& [k, v] : req.params) {
    if (k == "id") meta.id = v;
    else if (k == "url") meta.url = v;
    else if (k == "title") meta.title = v;
    else if (k == "date") meta.date = v;
    else if (k == "store" && (v == "0" || v == "1")) store = v == "1";
    else return SendError(res, 400, "parameter '" + k + "': unknown, or store not 0 or 1");
  }
  SendResult(res, ingest->Ingest(req.get_header_value("Content-Type"), req.body, meta, store));
}

void DashboardServer::Rep::Static(const httplib::Request& req, httplib::Response& res) {
  if (!has_page) {
    res.status = 503;
    res.set_content("The dashboard page is not built (run make). The API is at /api/.\n",
                    "text/plain; charset=utf-8");
    return;
  }
  const StaticAsset* asset = assets.Find(req.path);
  if (!asset) {
    res.status = 404;
    res.set_content("not found\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Vary", "Accept-Encoding");
  // A content provider of known length: httplib then sends the bytes as they are, so the
  // gzip made at load is used instead of compressing (brotli: about a second for app.js)
  // on every request.
  bool gzip = !asset->gzip.empty() &&
              req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
  const std::string& body = gzip ? asset->gzip : asset->content;
  if (gzip) res.set_header("Content-Encoding", "gzip");
  res.set_content_provider(body.size(), asset->mime_type.c_str(),
                           [&body](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(body.data() + offset, length);
                           });
}

DashboardServer::DashboardServer(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}

DashboardServer::~DashboardServer() { Stop(); }

Result<std::unique_ptr<DashboardServer>> DashboardServer::Start(const std::string& db_path,
                                                                ServerOptions options,
                                                                ArticleCoder coder) {
  if (options.allow_ingest && options.ingest_token.size() < 16) {
    return Status::InvalidArgument("ingest needs a token of at least 16 characters");
  }
  if (options.allow_ingest && !coder) return Status::InvalidArgument("ingest needs a coder");
  if (options.threads < 1 || options.threads > 256) {
    return Status::InvalidArgument("threads must be within 1..256");
  }
  auto rep = std::make_unique<Rep>();
  rep->options = options;
  SITREP_ASSIGN_OR_RETURN(rep->pool, StorePool::Open(db_path, static_cast<size_t>(options.threads)));
  rep->api = std::make_unique<DashboardApi>(rep->pool.get(), options.api);
  if (options.allow_ingest) {
    rep->ingest = std::make_unique<ArticleIngest>(db_path, std::move(coder), options.ingest);
  }
  auto assets = StaticAssets::Load(options.web_dir.empty() ? StaticAssets::DefaultDir()
                                                           : options.web_dir);
  if (assets.ok()) {
    rep->assets = std::move(assets).value();
    rep->has_page = true;
  } else if (options.require_page) {
    return assets.status();
  }
  httplib::Server& http = rep->http;
  int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.socket_timeout_seconds, 0);
  http.set_write_timeout(options.socket_timeout_seconds, 0);
  // Answers go out as headers then body: without TCP_NODELAY, Nagle's algorithm and delayed
  // ACKs hold each keep-alive answer about 40 ms.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(10000);
  http.set_keep_alive_timeout(5);
  http.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"}});
  rep->Routes();
  if (options.port == 0) {
    rep->port = http.bind_to_any_port(options.host);
  } else {
    rep->port = http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (rep->port <= 0) {
    return Status::IOError("cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  Rep* r = rep.get();
  rep->thread = std::thread([r] { r->http.listen_after_bind(); });
  // stop() is a no-op until the loop runs, so Start returns only once it does.
  for (int i = 0; i < 5000 && !rep->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return std::unique_ptr<DashboardServer>(new DashboardServer(std::move(rep)));
}

int DashboardServer::port() const { return rep_->port; }
const std::string& DashboardServer::host() const { return rep_->options.host; }
bool DashboardServer::serves_page() const { return rep_->has_page; }

void DashboardServer::Wait() {
  std::unique_lock<std::mutex> lock(rep_->mu);
  rep_->stopped_cv.wait(lock, [&] { return rep_->stopped; });
}

void DashboardServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(rep_->mu);
    if (rep_->stopped) return;
    rep_->stopped = true;
  }
  rep_->http.stop();
  if (rep_->thread.joinable()) rep_->thread.join();
  rep_->stopped_cv.notify_all();
}

}  // namespace sitrep::server

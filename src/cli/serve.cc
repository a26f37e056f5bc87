// sitrep serve: the situation dashboard — a JSON API and a web page over one database
// (server/dashboard_server.h). Read-only unless --allow-ingest, which loads the coding
// pipeline (cli/pipeline.h) and hands it to the server as its ArticleCoder.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "server/dashboard_server.h"

namespace sitrep::cli {

namespace {

struct ServeFlags {
  std::string db;
  server::ServerOptions options;
  std::string token_file;
  std::string model = SyntaxModel::DefaultModelPath();
  std::string data = CodingResources::DefaultDataDir();
  std::string port_file;
  size_t cache_mb = 64;
};

// 32 hex characters from the system's random device.
std::string NewToken() {
  std::random_device rd;
  std::string token;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) token += hex[rd() % 16];
  return token;
}

// The coding pipeline behind a mutex: the server codes one posted batch at a time.
struct SharedPipeline {
  CodingPipeline pipeline;
  CodingPipeline::Worker worker;
  std::mutex mu;
};

Status PrepareIngest(ServeFlags* f, std::shared_ptr<SharedPipeline>* shared) {
  if (!f->token_file.empty()) {
    std::ifstream in(f->token_file);
    if (!(in >> f->options.ingest_token)) return Status::NotFound(f->token_file + ": no token");
  } else if (const char* env = std::getenv("SITREP_INGEST_TOKEN"); env && *env) {
    f->options.ingest_token = env;
  } else {
    f->options.ingest_token = NewToken();
    std::fprintf(stderr, "sitrep serve: ingest token (send as 'Authorization: Bearer ...'): %s\n",
                 f->options.ingest_token.c_str());
  }
  *shared = std::make_shared<SharedPipeline>();
  std::string warning;
  SITREP_RETURN_IF_ERROR((*shared)->pipeline.Load(f->model, f->data, "", &warning));
  if (!warning.empty()) std::fprintf(stderr, "sitrep serve: warning: %s\n", warning.c_str());
  return Status::OK();
}

int RunServe(ServeFlags flags) {
  flags.options.api.cache_bytes = flags.cache_mb << 20;
  // Signals are taken by one thread with sigwait, so no handler runs inside server code.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::shared_ptr<SharedPipeline> shared;
  server::ArticleCoder coder;
  if (flags.options.allow_ingest) {
    Status st = PrepareIngest(&flags, &shared);
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep serve: %s\n", st.ToString().c_str());
      return 2;
    }
    coder = [shared](RawDocument&& raw, Document* doc) {
      std::lock_guard<std::mutex> lock(shared->mu);
      return shared->pipeline.Process(std::move(raw), doc, &shared->worker);
    };
  }
  auto server = server::DashboardServer::Start(flags.db, flags.options, std::move(coder));
  if (!server.ok()) {
    std::fprintf(stderr, "sitrep serve: %s\n", server.status().ToString().c_str());
    return 2;
  }
  std::string host = (*server)->host();
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::fprintf(stderr, "sitrep serve: %s on http://%s:%d/ (%s)\n", flags.db.c_str(), host.c_str(),
               (*server)->port(), flags.options.allow_ingest ? "ingest on" : "read-only");
  if (!(*server)->serves_page()) {
    std::fprintf(stderr, "sitrep serve: warning: the page is not built; serving the API only\n");
  }
  if (!flags.port_file.empty()) {
    std::ofstream(flags.port_file) << (*server)->port() << "\n";
  }
  server::DashboardServer* s = server->get();
  std::thread waiter([&signals, s] {
    int sig = 0;
    sigwait(&signals, &sig);
    s->Stop();
  });
  s->Wait();
  // Wait returns only after a signal, so the waiter has finished or is finishing.
  waiter.join();
  std::fprintf(stderr, "sitrep serve: stopped\n");
  return 0;
}

}  // namespace

void RegisterServe(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app->add_subcommand(
      "serve", "Serve the situation dashboard (map, timelines, network, events) and a JSON API.");
  cmd->footer(
      "\nThe page needs no network: its scripts and base map are built into build/web.\n"
      "API: /api/health, /api/events, /api/events/ID, /api/aggregate, /api/map,\n"
      "/api/actors, /api/dyads, /api/places; filters as in 'sitrep query' (see README).\n"
      "Read-only unless --allow-ingest: then POST /api/ingest codes an article (text/plain,\n"
      "text/html) or a JSON Lines batch (application/x-ndjson) and stores it; it needs\n"
      "'Authorization: Bearer TOKEN' (--token-file, $SITREP_INGEST_TOKEN, or printed at start).\n\n"
      "Examples:\n"
      "  sitrep serve --db news.db\n"
      "  sitrep serve --db news.db --port 9000 --allow-ingest --token-file token.txt\n");
  auto& o = flags->options;
  cmd->add_option("--db", flags->db, "SQLite database written by 'sitrep ingest'")->required();
  cmd->add_option("--host", o.host, "Address to listen on (loopback by default)")
      ->capture_default_str();
  cmd->add_option("--port", o.port, "Port (0 = any free port)")->capture_default_str();
  cmd->add_option("--threads", o.threads, "Worker threads")->capture_default_str();
  cmd->add_option("--web", o.web_dir, "Folder of the built page (default: web/ beside sitrep)");
  cmd->add_option("--max-results", o.api.limits.max_results, "Most rows in one answer")
      ->capture_default_str();
  cmd->add_option("--query-ms", o.api.query_time_limit_ms, "Time limit of one query, ms")
      ->capture_default_str();
  cmd->add_option("--cache-mb", flags->cache_mb, "Answer cache in MB (0 = off)")
      ->capture_default_str();
  cmd->add_flag("--allow-ingest", o.allow_ingest, "Enable POST /api/ingest (needs a token)");
  cmd->add_option("--token-file", flags->token_file, "File holding the ingest token");
  cmd->add_option("--model", flags->model, "Syntax model file (for ingest)")->capture_default_str();
  cmd->add_option("--data", flags->data, "Dictionaries and tables (for ingest)")
      ->capture_default_str();
  cmd->add_option("--port-file", flags->port_file, "Write the port here once listening");
  cmd->callback([flags, exit_code] { *exit_code = RunServe(*flags); });
}

}  // namespace sitrep::cli

// sitrep ingest: codes documents (the same CodingPipeline as `sitrep code`) and stores
// them in an EventStore (SQLite). Documents are processed in batches: a batch is coded in
// parallel while the one before is written in one transaction, so a crash loses at most
// the batches in flight and the next run skips every document already stored.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "base/worker_pool.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "store/coded_events.h"
#include "store/event_store.h"

namespace sitrep::cli {

namespace {

struct IngestFlags {
  InputFlags input;
  std::string db;
  std::string model = SyntaxModel::DefaultModelPath();
  std::string data = CodingResources::DefaultDataDir();
  bool coded = false;
  int merge_days = 3;
  double merge_km = 100;
  bool stats = false;
};

struct Totals {
  size_t read = 0, added = 0, skipped = 0, errors = 0, events = 0, new_events = 0;
  size_t bytes = 0;
  double store_seconds = 0;  // spent writing batches (on the store thread)
};

// The progress line: documents per second, events, and time remaining (from input bytes).
class IngestProgress {
 public:
  IngestProgress(bool enabled, size_t total_bytes)
      : enabled_(enabled && isatty(STDERR_FILENO)), total_bytes_(total_bytes) {}
  void Update(const Totals& t, bool final) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? t.read / secs : 0;
    std::string eta = "?";
    if (total_bytes_ > 0 && t.bytes > 0 && secs > 0) {
      double left = secs * (static_cast<double>(total_bytes_) / t.bytes - 1);
      eta = std::to_string(static_cast<long>(std::max(0.0, left))) + " s";
    }
    std::fprintf(stderr, "\r\033[K%zu documents (%zu new), %.0f docs/s, %zu events, %s left",
                 t.read, t.added, rate, t.events, eta.c_str());
    if (final) std::fputc('\n', stderr);
  }

 private:
  bool enabled_;
  size_t total_bytes_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

size_t InputBytes(const std::vector<std::string>& operands) {
  namespace fs = std::filesystem;
  size_t total = 0;
  std::error_code ec;
  for (const std::string& op : operands) {
    if (op == "-") return 0;
    if (fs::is_directory(op, ec)) {
      for (auto& e : fs::recursive_directory_iterator(op, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
      }
    } else {
      total += fs::file_size(op, ec);
    }
  }
  return total;
}

// The key a document is stored under: its JSON Lines id ("feed.jsonl:12" origins), else its
// path, because file ids are base names only ("bbc/sport/001.txt" and "bbc/tech/001.txt"
// are both "001").
std::string DocumentKey(const RawDocument& raw) {
  size_t colon = raw.origin.rfind(':');
  bool jsonl = colon != std::string::npos && colon + 1 < raw.origin.size() &&
               raw.origin.find_first_not_of("0123456789", colon + 1) == std::string::npos;
  return jsonl && !raw.id.empty() ? raw.id : raw.origin;
}

void Report(const Status& st) { std::fprintf(stderr, "sitrep ingest: %s\n", st.ToString().c_str()); }

// Stores one batch of coded documents in one transaction.
Status StoreBatch(EventStore* store, std::vector<Document>& docs, std::vector<std::string>& keys,
                  std::vector<uint64_t>& hashes, Totals* t) {
  auto start = std::chrono::steady_clock::now();
  struct Clocked {
    std::chrono::steady_clock::time_point start;
    Totals* t;
    ~Clocked() {
      t->store_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  } clocked{start, t};
  SITREP_RETURN_IF_ERROR(store->Begin());
  for (size_t i = 0; i < docs.size(); ++i) {
    auto outcome = store->Add(docs[i], keys[i], hashes[i]);
    if (!outcome.ok()) {
      (void)store->Rollback();
      return outcome.status();
    }
    if (outcome->added) {
      ++t->added;
      t->events += docs[i].events.size();
      t->new_events += outcome->new_events;
    } else {
      ++t->skipped;
    }
  }
  return store->Commit();
}

// The --coded path: JSON Lines from `sitrep code`, no syntax model needed.
Status IngestCoded(const IngestFlags& flags, EventStore* store, Totals* t,
                   IngestProgress* progress) {
  std::vector<Document> docs;
  std::vector<std::string> keys;
  std::vector<uint64_t> hashes;
  auto flush = [&]() -> Status {
    Status st = StoreBatch(store, docs, keys, hashes, t);
    docs.clear();
    keys.clear();
    hashes.clear();
    progress->Update(*t, false);
    return st;
  };
  for (const std::string& path : flags.input.operands) {
    Status st = ReadCodedEvents(
        path,
        [&](Document&& doc) -> Status {
          ++t->read;
          t->bytes += doc.text.size();
          hashes.push_back(ContentHash(doc.text));
          keys.push_back(doc.id);
          docs.push_back(std::move(doc));
          return docs.size() >= flags.input.batch_size ? flush() : Status::OK();
        },
        [&](const Status& e) { Report(e); ++t->errors; });
    if (!st.ok()) return st;
  }
  return flush();
}

// Coded documents waiting to be stored, with their keys and content hashes.
struct CodedBatch {
  std::vector<Document> docs;
  std::vector<std::string> keys;
  std::vector<uint64_t> hashes;
};

// Adds what one StoreBatch counted to the run's totals.
void AddStored(const Totals& stored, Totals* t) {
  t->added += stored.added;
  t->skipped += stored.skipped;
  t->events += stored.events;
  t->new_events += stored.new_events;
  t->store_seconds += stored.store_seconds;
}

// The full path: raw documents through the coding pipeline. Batch k is written (one
// transaction, on its own thread) while batch k + 1 is coded on the worker pool, so the
// store costs no time unless it is slower than coding. The store is used by one thread at
// a time: batch k + 1 is read (which asks the store what it already holds) before batch k
// is written. A document repeating one of batch k is coded, then skipped by Add, as any
// duplicate is.
Status IngestRaw(const IngestFlags& flags, EventStore* store, Totals* t, IngestProgress* progress) {
  CodingPipeline pipeline;
  SITREP_RETURN_IF_ERROR(pipeline.Load(flags.model, flags.data));
  InputOptions input_options;
  input_options.max_document_bytes = static_cast<size_t>(flags.input.max_doc_mb * 1024 * 1024);
  InputReader reader(flags.input.operands, input_options);
  WorkerPool pool(ResolveThreadCount(flags.input.threads));
  std::vector<std::unique_ptr<CodingPipeline::Worker>> workers;
  for (int i = 0; i < pool.threads(); ++i) workers.push_back(std::make_unique<CodingPipeline::Worker>());
  std::vector<RawDocument> raws(flags.input.batch_size);
  std::vector<Status> statuses(flags.input.batch_size);
  CodedBatch coded;  // coded in the previous round, stored in this one
  for (bool end = false; !end;) {
    std::vector<std::string> keys;
    std::vector<uint64_t> hashes;
    size_t n = 0;
    while (n < raws.size()) {
      Status error;
      InputReader::Step step = reader.Next(&raws[n], &error);
      if (step == InputReader::Step::kEnd) { end = true; break; }
      if (step == InputReader::Step::kError) { Report(error); ++t->errors; continue; }
      ++t->read;
      uint64_t hash = ContentHash(raws[n].content);
      std::string key = DocumentKey(raws[n]);
      SITREP_ASSIGN_OR_RETURN(bool known, store->Contains(key, hash));
      if (known) { ++t->skipped; continue; }  // resumed runs skip coding entirely
      hashes.push_back(hash);
      keys.push_back(std::move(key));
      ++n;
    }
    // The previous batch is written while this one is coded.
    Totals written;
    std::future<Status> stored = std::async(std::launch::async, [&] {
      return StoreBatch(store, coded.docs, coded.keys, coded.hashes, &written);
    });
    std::vector<Document> docs(n);
    pool.Run(n, [&](size_t i, int w) {
      statuses[i] = pipeline.Process(std::move(raws[i]), &docs[i], workers[w].get());
    });
    Status st = stored.get();
    SITREP_RETURN_IF_ERROR(st);
    AddStored(written, t);
    t->bytes = reader.bytes_read();
    progress->Update(*t, false);
    coded = CodedBatch();
    for (size_t i = 0; i < n; ++i) {
      if (!statuses[i].ok()) { Report(statuses[i]); ++t->errors; continue; }
      coded.docs.push_back(std::move(docs[i]));
      coded.keys.push_back(std::move(keys[i]));
      coded.hashes.push_back(hashes[i]);
    }
  }
  return StoreBatch(store, coded.docs, coded.keys, coded.hashes, t);
}

int RunIngest(const IngestFlags& flags) {
  StoreOptions options;
  options.merge.max_days_apart = flags.merge_days;
  options.merge.max_km_apart = flags.merge_km;
  auto stop_words = LoadStopWords(flags.data + "/store/stopwords.txt");
  if (!stop_words.ok()) { Report(stop_words.status()); return 2; }
  options.merge.stop_words = std::move(stop_words).value();
  auto store = EventStore::Open(flags.db, options);
  if (!store.ok()) { Report(store.status()); return 2; }
  Totals t;
  IngestProgress progress(!flags.input.quiet, InputBytes(flags.input.operands));
  auto start = std::chrono::steady_clock::now();
  Status st = flags.coded ? IngestCoded(flags, store->get(), &t, &progress)
                          : IngestRaw(flags, store->get(), &t, &progress);
  progress.Update(t, true);
  // Fresh statistics for the query planner (analysis_limit bounds the work per index).
  if (st.ok()) st = (*store)->Execute("PRAGMA analysis_limit = 1000; ANALYZE;");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!st.ok()) { Report(st); return 2; }
  if (flags.stats) {
    std::fprintf(stderr,
                 "{\"documents\":%zu,\"added\":%zu,\"skipped\":%zu,\"errors\":%zu,\"mentions\":%zu,"
                 "\"new_events\":%zu,\"seconds\":%.3f,\"store_seconds\":%.3f,"
                 "\"documents_per_second\":%.1f}\n",
                 t.read, t.added, t.skipped, t.errors, t.events, t.new_events, secs,
                 t.store_seconds, secs > 0 ? t.read / secs : 0.0);
  }
  return t.read == 0 && t.errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterIngest(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app->add_subcommand(
      "ingest", "Code documents and store documents, sentences, actors, places and merged "
                "events in a SQLite database.");
  cmd->footer(
      "\nRe-ingesting a document already stored (same id, or same content) changes nothing.\n"
      "Documents are committed in batches (WAL mode); after a crash or kill, run the same\n"
      "command again and it completes what is left.\n\n"
      "Repeated reports of one event (same source and target codes, same CAMEO root, same\n"
      "modality, dates at most --merge-days apart, places compatible; for statements and\n"
      "other verbal events also the same speaker and the same document or shared content\n"
      "words) become one event with NumMentions, NumSources and NumArticles, kept up to\n"
      "date as reports arrive (data/store/README.md).\n\n"
      "Examples:\n"
      "  sitrep ingest --db news.db examples/\n"
      "  sitrep ingest --db news.db --threads 0 feed.jsonl.gz\n"
      "  sitrep code examples/ > events.jsonl && sitrep ingest --db news.db --coded events.jsonl\n");
  cmd->add_option("inputs", flags->input.operands,
                  "Files (.txt .html .htm .jsonl, optionally .gz), directories, or - for stdin")
      ->required();
  cmd->add_option("--db", flags->db, "SQLite database file (created when missing)")->required();
  cmd->add_option("-t,--threads", flags->input.threads, "Worker threads (0 = all cores)")
      ->capture_default_str();
  cmd->add_option("--batch", flags->input.batch_size, "Documents per transaction")
      ->capture_default_str();
  cmd->add_option("--max-doc-mb", flags->input.max_doc_mb, "Largest document accepted, in MB")
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "Syntax model file")->capture_default_str();
  cmd->add_option("--data", flags->data, "Directory of dictionaries and tables")
      ->capture_default_str();
  cmd->add_flag("--coded", flags->coded,
                "Inputs are JSON Lines written by 'sitrep code' (no syntax model needed)");
  cmd->add_option("--merge-days", flags->merge_days, "Most days between reports of one event")
      ->capture_default_str();
  cmd->add_option("--merge-km", flags->merge_km, "Most kilometres between reports of one event")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags->input.quiet, "No progress line on stderr");
  cmd->add_flag("--stats", flags->stats, "Print a JSON summary on stderr");
  cmd->callback([flags, exit_code] { *exit_code = RunIngest(*flags); });
}

}  // namespace sitrep::cli

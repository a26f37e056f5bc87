#include "cli/batch_runner.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "base/file_reader.h"
#include "base/worker_pool.h"

namespace sitrep::cli {

void AddInputFlags(CLI::App* cmd, InputFlags* flags) {
  cmd->add_option("inputs", flags->operands,
                  "Files (.txt .html .htm .jsonl, optionally .gz), directories (read "
                  "recursively), or - for JSON Lines on stdin")
      ->required();
  cmd->add_option("-o,--output", flags->output, "Write results here instead of stdout");
  cmd->add_option("-t,--threads", flags->threads, "Worker threads (0 = all cores)")
      ->capture_default_str();
  cmd->add_option("--max-doc-mb", flags->max_doc_mb,
                  "Largest single document accepted, in MB; larger ones are reported and skipped")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress line on stderr");
}

namespace {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void Update(size_t docs, size_t bytes, bool final) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\033[K%zu documents, %s read, %.0f docs/s, %.1f MB/s", docs,
                 FormatBytes(bytes).c_str(), secs > 0 ? docs / secs : 0.0,
                 secs > 0 ? bytes / secs / 1e6 : 0.0);
    if (final) std::fputc('\n', stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void ReportError(const std::string& command, const Status& st) {
  std::fprintf(stderr, "sitrep %s: %s\n", command.c_str(), st.ToString().c_str());
}

}  // namespace

int RunDocuments(const std::string& command, const InputFlags& flags, const DocumentFn& fn,
                 RunSummary* summary) {
  auto start = std::chrono::steady_clock::now();
  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> owned(nullptr, fclose);
  if (flags.output != "-") {
    owned.reset(std::fopen(flags.output.c_str(), "wb"));
    if (!owned) {
      ReportError(command, Status::IOError(flags.output + ": cannot open for writing"));
      return 2;
    }
    out = owned.get();
  }

  InputOptions input_options;
  input_options.max_document_bytes = static_cast<size_t>(flags.max_doc_mb * 1024 * 1024);
  InputReader reader(flags.operands, input_options);
  WorkerPool pool(ResolveThreadCount(flags.threads));
  Progress progress(!flags.quiet);

  struct Slot {
    RawDocument raw;
    Status status;
    std::string output;
  };
  std::vector<Slot> batch(flags.batch_size);
  RunSummary totals;
  bool end = false;
  while (!end) {
    size_t n = 0;
    while (n < batch.size()) {
      Status error;
      InputReader::Step step = reader.Next(&batch[n].raw, &error);
      if (step == InputReader::Step::kEnd) {
        end = true;
        break;
      }
      if (step == InputReader::Step::kError) {
        ReportError(command, error);
        ++totals.errors;
        continue;
      }
      ++n;
    }
    pool.Run(n, [&](size_t i, int worker) {
      batch[i].output.clear();
      batch[i].status = fn(batch[i].raw, worker, &batch[i].output);
    });
    for (size_t i = 0; i < n; ++i) {
      if (!batch[i].status.ok()) {
        ReportError(command, batch[i].status);
        ++totals.errors;
        continue;
      }
      ++totals.documents;
      if (!batch[i].output.empty() &&
          std::fwrite(batch[i].output.data(), 1, batch[i].output.size(), out) !=
              batch[i].output.size()) {
        ReportError(command, Status::IOError(flags.output + ": write failed"));
        return 2;
      }
    }
    std::fflush(out);
    progress.Update(totals.documents, reader.bytes_read(), false);
  }
  totals.bytes = reader.bytes_read();
  totals.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.Update(totals.documents, totals.bytes, true);
  if (summary) *summary = totals;
  if (std::fflush(out) != 0) {
    ReportError(command, Status::IOError(flags.output + ": write failed"));
    return 2;
  }
  return totals.documents == 0 && totals.errors > 0 ? 1 : 0;
}

}  // namespace sitrep::cli

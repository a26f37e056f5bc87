// The loop shared by every document-processing command: read inputs, process documents in
// parallel batches, write results in input order, report bad inputs and progress.
//
// Errors never stop the batch: each is printed to stderr as one line naming the file (and
// line), and the run goes on. Output is flushed after every batch, so a crash loses at most
// the batch in flight.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/status.h"
#include "text/input.h"

namespace sitrep::cli {

// Flags every document command accepts.
struct InputFlags {
  std::vector<std::string> operands;
  std::string output = "-";
  int threads = 1;
  double max_doc_mb = 32;
  bool quiet = false;
  size_t batch_size = 256;
};

// Registers operands, -o, --threads, --max-doc-mb and --quiet on `cmd`.
void AddInputFlags(CLI::App* cmd, InputFlags* flags);

// Processes one document: appends its output lines to *out. Called concurrently; `worker`
// identifies the calling thread's private scratch state, in [0, threads).
using DocumentFn = std::function<Status(RawDocument& raw, int worker, std::string* out)>;

struct RunSummary {
  size_t documents = 0;  // documents read and processed without error
  size_t errors = 0;     // inputs or documents reported as errors
  size_t bytes = 0;      // input bytes read
  double seconds = 0;
};

// Runs the loop for `command` (its name prefixes error lines). Returns the process exit code:
// 0 when at least one document was processed or the input was empty of errors, 1 when
// nothing could be read, 2 when the output cannot be written.
int RunDocuments(const std::string& command, const InputFlags& flags, const DocumentFn& fn,
                 RunSummary* summary = nullptr);

}  // namespace sitrep::cli

// Input: turns command-line operands (files, directories, "-") into a stream of raw documents.
//
// Accepted inputs
//   *.txt                 plain or scraped text, one document per file
//   *.html, *.htm         a web page, one document per file
//   *.jsonl (*.ndjson)    one JSON object per line: id, url, title, date, and text or html
//   any of these + .gz    gzip-compressed (detected by content, so a wrong name still works)
//   DIR                   read recursively, files sorted by path; unknown extensions skipped
//   -                     JSON Lines on standard input
//
// The stream is lazy: one file (or one JSON line) is held at a time, so memory stays flat as
// input grows. A bad input (empty, binary, truncated gzip, too large, malformed JSON line) is
// reported as an error Status naming the file and line, and reading goes on with the next.
//
// Not thread-safe: one InputReader is driven by one thread.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "base/status.h"

namespace sitrep {

// A document as read, before any cleaning.
struct RawDocument {
  enum class Format { kText, kHtml };
  Format format = Format::kText;
  // True for JSON Lines `text`: the text is kept byte for byte as the document text.
  bool verbatim = false;
  std::string id;
  std::string origin;  // "path" or "path:line", for messages
  std::string url;
  std::string title;
  std::string date;
  std::string content;  // raw bytes (HTML or text), not yet decoded or validated
};

struct InputOptions {
  // Largest single document (a .txt/.html file or one JSON line) accepted.
  size_t max_document_bytes = 32u << 20;
};

class InputReader {
 public:
  InputReader(std::vector<std::string> operands, InputOptions options = {});
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  enum class Step { kDocument, kError, kEnd };

  // Advances the stream. kDocument: *doc holds the next document. kError: *error explains
  // one input that was skipped (call Next again to go on). kEnd: nothing is left.
  Step Next(RawDocument* doc, Status* error);

  size_t documents() const { return documents_; }
  size_t errors() const { return errors_; }
  // Bytes of (decompressed) input consumed so far.
  size_t bytes_read() const { return bytes_read_; }

 private:
  struct JsonlState;
  Step NextFromJsonl(RawDocument* doc, Status* error);
  Step OpenNext(RawDocument* doc, Status* error);
  Step ReadWholeFile(const std::string& path, RawDocument::Format format, RawDocument* doc,
                     Status* error);
  Step Fail(Status status, Status* error);

  InputOptions options_;
  std::deque<std::string> pending_;  // operands and directory entries still to open
  std::deque<bool> pending_explicit_;
  std::unique_ptr<JsonlState> jsonl_;
  size_t documents_ = 0;
  size_t errors_ = 0;
  size_t bytes_read_ = 0;
};

// The document id for a file: its name without directories or extensions
// ("news/2016/abc.html.gz" -> "abc").
std::string DocumentIdFromPath(const std::string& path);

}  // namespace sitrep

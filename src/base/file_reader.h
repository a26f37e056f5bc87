// Byte sources for input files: plain or gzip-compressed, files or standard input.
//
// A ByteReader streams a file in chunks and decompresses gzip transparently, so memory stays
// flat however large the input. Errors (missing file, truncated gzip) come back as Status.
// Not thread-safe: one reader per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

class ByteReader {
 public:
  // Opens `path` ("-" is standard input). Gzip is detected by its magic bytes, not the name.
  static Result<std::unique_ptr<ByteReader>> Open(const std::string& path);
  ~ByteReader();
  ByteReader(const ByteReader&) = delete;
  ByteReader& operator=(const ByteReader&) = delete;

  // Appends up to `max_bytes` decoded bytes to *out. Returns the number appended; 0 means
  // end of input. A truncated or corrupt gzip stream yields a Corruption status after the
  // bytes that could be decoded have been returned.
  Result<size_t> Read(size_t max_bytes, std::string* out);

  // Reads the rest of the input, failing with ResourceExhausted once more than `limit`
  // bytes have been seen (the input is not read further).
  Status ReadAll(size_t limit, std::string* out);

  const std::string& path() const { return path_; }

 private:
  struct Rep;
  explicit ByteReader(std::unique_ptr<Rep> rep, std::string path);
  std::unique_ptr<Rep> rep_;
  std::string path_;
};

// Splits a ByteReader's stream into lines (without the trailing "\n" or "\r\n").
class LineReader {
 public:
  explicit LineReader(ByteReader* reader) : reader_(reader) {}

  // Sets *line to the next line, valid until the next call. Returns false at end of input;
  // then status() tells whether the end was clean. Lines longer than `max_line` are
  // returned truncated with *too_long set, and the rest of that line is skipped.
  bool Next(std::string_view* line, size_t max_line, bool* too_long);
  const Status& status() const { return status_; }
  size_t line_number() const { return line_number_; }

 private:
  bool Fill();
  ByteReader* reader_;
  std::string buffer_;
  std::string long_line_;
  size_t pos_ = 0;
  bool eof_ = false;
  Status status_;
  size_t line_number_ = 0;
};

// Human-readable byte counts: "1.5 MB".
std::string FormatBytes(double bytes);

}  // namespace sitrep

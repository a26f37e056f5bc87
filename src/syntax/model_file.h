// ModelFile: the container format of sitrep's trained models.
//
// Layout (all integers little-endian):
//   "SITREPMF"            8-byte magic
//   u32 version           kModelFileVersion; files of another version are refused
//   u32 section count
//   per section:          u32 name length, name bytes, u64 raw size, u64 stored size,
//                         u32 CRC-32 of the raw bytes, stored bytes (zlib-compressed)
// Sections are named blobs ("tagger", "parser", ...) that their owners encode; the
// container only compresses, checks sizes and checksums, and finds them by name.
//
// Errors: NotFound/IOError for the file; Corruption for a wrong magic, an unknown version,
// truncation, a failed decompression or a checksum mismatch. Never crashes on bad input.
// Thread safety: a ModelFile is an immutable value after Parse/Read.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

inline constexpr uint32_t kModelFileVersion = 1;

class ModelFileWriter {
 public:
  // Adds (or replaces) a section.
  void Add(std::string_view name, std::string_view bytes);
  // The complete file contents.
  std::string Serialize() const;
  // Writes the file atomically enough for our use (temporary file, then rename).
  Status WriteTo(const std::string& path) const;

 private:
  std::map<std::string, std::string> sections_;
};

class ModelFile {
 public:
  static Result<ModelFile> Parse(std::string_view bytes, std::string_view origin);
  static Result<ModelFile> Read(const std::string& path);

  bool Has(std::string_view name) const { return sections_.count(std::string(name)) > 0; }
  // The decompressed section, or NotFound naming the missing section.
  Result<std::string_view> Section(std::string_view name) const;

 private:
  std::string origin_;
  std::map<std::string, std::string> sections_;
};

}  // namespace sitrep

#include "syntax/model_file.h"

#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "syntax/binary_io.h"

namespace sitrep {

namespace {

constexpr std::string_view kMagic = "SITREPMF";

uint32_t Crc(std::string_view bytes) {
  return static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

std::string Compress(std::string_view raw) {
  uLongf size = compressBound(raw.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
            raw.size(), 9);
  out.resize(size);
  return out;
}

bool Decompress(std::string_view stored, uint64_t raw_size, std::string* out) {
  out->assign(raw_size, '\0');
  uLongf size = raw_size;
  int rc = uncompress(reinterpret_cast<Bytef*>(out->data()), &size,
                      reinterpret_cast<const Bytef*>(stored.data()), stored.size());
  return rc == Z_OK && size == raw_size;
}

}  // namespace

void ModelFileWriter::Add(std::string_view name, std::string_view bytes) {
  sections_[std::string(name)] = std::string(bytes);
}

std::string ModelFileWriter::Serialize() const {
  std::string out(kMagic);
  BinaryWriter w(&out);
  w.U32(kModelFileVersion);
  w.U32(static_cast<uint32_t>(sections_.size()));
  for (const auto& [name, raw] : sections_) {
    std::string stored = Compress(raw);
    w.U32(static_cast<uint32_t>(name.size()));
    out.append(name);
    w.U64(raw.size());
    w.U64(stored.size());
    w.U32(Crc(raw));
    out.append(stored);
  }
  return out;
}

Status ModelFileWriter::WriteTo(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IOError(tmp + ": cannot open for writing");
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return Status::IOError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::IOError(path + ": cannot rename " + tmp);
  }
  return Status::OK();
}

Result<ModelFile> ModelFile::Parse(std::string_view bytes, std::string_view origin) {
  auto corrupt = [&](std::string_view what) {
    return Status::Corruption(std::string(origin) + ": not a valid sitrep model (" +
                              std::string(what) + ")");
  };
  if (bytes.substr(0, kMagic.size()) != kMagic) return corrupt("wrong magic bytes");
  BinaryReader r(bytes.substr(kMagic.size()));
  uint32_t version = 0, count = 0;
  if (!r.U32(&version) || !r.U32(&count)) return corrupt("truncated header");
  if (version != kModelFileVersion) {
    return corrupt("format version " + std::to_string(version) + ", expected " +
                   std::to_string(kModelFileVersion));
  }
  ModelFile file;
  file.origin_ = std::string(origin);
  for (uint32_t s = 0; s < count; ++s) {
    uint32_t name_size = 0, crc = 0;
    uint64_t raw_size = 0, stored_size = 0;
    std::string_view name_view;
    if (!r.U32(&name_size) || name_size > 256 || !r.Bytes(name_size, &name_view)) {
      return corrupt("truncated section header");
    }
    std::string name(name_view);
    if (!r.U64(&raw_size) || !r.U64(&stored_size) || !r.U32(&crc)) {
      return corrupt("truncated section header");
    }
    if (stored_size > bytes.size() || raw_size > (uint64_t{1} << 30)) {
      return corrupt("section '" + name + "' has impossible sizes");
    }
    std::string_view stored;
    if (!r.Bytes(stored_size, &stored)) return corrupt("section '" + name + "' is truncated");
    std::string raw;
    if (!Decompress(stored, raw_size, &raw)) return corrupt("section '" + name + "' does not decompress");
    if (Crc(raw) != crc) return corrupt("section '" + name + "' fails its checksum");
    file.sections_[name] = std::move(raw);
  }
  return file;
}

Result<ModelFile> ModelFile::Read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound(path + ": model file not found (train one with 'sitrep train-parser' or pass --model)");
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad()) return Status::IOError(path + ": read failed");
  return Parse(ss.str(), path);
}

Result<std::string_view> ModelFile::Section(std::string_view name) const {
  auto it = sections_.find(std::string(name));
  if (it == sections_.end()) {
    return Status::NotFound(origin_ + ": model has no section '" + std::string(name) + "'");
  }
  return std::string_view(it->second);
}

}  // namespace sitrep

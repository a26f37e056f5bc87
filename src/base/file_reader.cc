#include "base/file_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sitrep {

// Plain files are read with read(2); gzip streams (and stdin, which cannot be peeked and
// rewound) go through zlib, which passes uncompressed data through unchanged.
struct ByteReader::Rep {
  gzFile file = nullptr;
  int fd = -1;
  ~Rep() {
    if (file) gzclose(file);
    if (fd >= 0) close(fd);
  }
};

ByteReader::ByteReader(std::unique_ptr<Rep> rep, std::string path)
    : rep_(std::move(rep)), path_(std::move(path)) {}
ByteReader::~ByteReader() = default;

Result<std::unique_ptr<ByteReader>> ByteReader::Open(const std::string& path) {
  auto rep = std::make_unique<Rep>();
  if (path == "-") {
    int fd = dup(STDIN_FILENO);
    if (fd < 0) return Status::IOError("cannot read standard input");
    rep->file = gzdopen(fd, "rb");
  } else {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT) return Status::NotFound(path + ": no such file");
      return Status::IOError(path + ": " + std::strerror(errno));
    }
    unsigned char magic[2] = {0, 0};
    ssize_t got = pread(fd, magic, 2, 0);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
      rep->file = gzdopen(fd, "rb");
    } else {
      rep->fd = fd;
      return std::unique_ptr<ByteReader>(new ByteReader(std::move(rep), path));
    }
  }
  if (!rep->file) return Status::IOError(path + ": cannot open");
  gzbuffer(rep->file, 1 << 16);
  return std::unique_ptr<ByteReader>(new ByteReader(std::move(rep), path));
}

Result<size_t> ByteReader::Read(size_t max_bytes, std::string* out) {
  size_t old = out->size();
  out->resize(old + max_bytes);
  if (rep_->fd >= 0) {
    ssize_t n;
    do {
      n = read(rep_->fd, out->data() + old, max_bytes);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      out->resize(old);
      return Status::IOError(path_ + ": " + std::strerror(errno));
    }
    out->resize(old + n);
    return static_cast<size_t>(n);
  }
  int n = gzread(rep_->file, out->data() + old, static_cast<unsigned>(max_bytes));
  if (n < 0) {
    out->resize(old);
    int err = 0;
    const char* msg = gzerror(rep_->file, &err);
    if (err == Z_ERRNO) return Status::IOError(path_ + ": " + std::strerror(errno));
    return Status::Corruption(path_ + ": corrupt gzip data (" + msg + ")");
  }
  out->resize(old + n);
  if (n == 0 || static_cast<size_t>(n) < max_bytes) {
    // zlib reports a stream cut short only after the last bytes were delivered.
    int err = 0;
    const char* msg = gzerror(rep_->file, &err);
    if (err == Z_BUF_ERROR || err == Z_DATA_ERROR) {
      if (n > 0) return static_cast<size_t>(n);  // hand over what we have first
      return Status::Corruption(path_ + ": truncated or corrupt gzip data (" + msg + ")");
    }
  }
  return static_cast<size_t>(n);
}

Status ByteReader::ReadAll(size_t limit, std::string* out) {
  struct stat st;
  if (rep_->fd >= 0 && fstat(rep_->fd, &st) == 0 && S_ISREG(st.st_mode)) {
    // A plain file of known size: read exactly that, then confirm the end with a probe into
    // a small stack buffer (no zero-filled slack that would cost page faults per file).
    size_t size = static_cast<size_t>(st.st_size);
    if (size > limit) {
      return Status::ResourceExhausted(path_ + ": " + FormatBytes(size) + ", larger than the " +
                                       FormatBytes(limit) + " limit for one document (see --max-doc-mb)");
    }
    size_t old = out->size();
    out->resize(old + size);
    size_t got = 0;
    while (got < size) {
      ssize_t n = read(rep_->fd, out->data() + old + got, size - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Status::IOError(path_ + ": " + std::strerror(errno));
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    out->resize(old + got);
    char probe[4096];
    for (;;) {  // the file may have grown since fstat
      ssize_t n = read(rep_->fd, probe, sizeof probe);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Status::OK();
      out->append(probe, static_cast<size_t>(n));
      if (out->size() - old > limit) {
        return Status::ResourceExhausted(path_ + ": larger than the " + FormatBytes(limit) +
                                         " limit for one document (see --max-doc-mb)");
      }
    }
  }
  for (;;) {
    auto n = Read(1 << 16, out);
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::OK();
    if (out->size() > limit) {
      return Status::ResourceExhausted(path_ + ": larger than the " + FormatBytes(limit) +
                                       " limit for one document (see --max-doc-mb)");
    }
  }
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  auto n = reader_->Read(1 << 16, &buffer_);
  if (!n.ok()) {
    status_ = n.status();
    eof_ = true;
    return false;
  }
  if (*n == 0) eof_ = true;
  return *n > 0;
}

bool LineReader::Next(std::string_view* line, size_t max_line, bool* too_long) {
  *too_long = false;
  size_t scan_from = pos_;
  for (;;) {
    const char* start = buffer_.data() + pos_;
    const void* nl = std::memchr(buffer_.data() + scan_from, '\n', buffer_.size() - scan_from);
    if (nl) {
      size_t len = static_cast<const char*>(nl) - start;
      pos_ += len + 1;
      if (len > max_line) {
        *too_long = true;
        len = max_line;
      }
      *line = std::string_view(start, len);
      break;
    }
    if (buffer_.size() - pos_ > max_line) {
      // Keep a truncated copy of the line and discard the rest of it.
      *too_long = true;
      long_line_.assign(start, max_line);
      pos_ = buffer_.size();
      for (;;) {
        if (!Fill()) break;
        const void* nl2 = std::memchr(buffer_.data(), '\n', buffer_.size());
        if (nl2) {
          pos_ = static_cast<const char*>(nl2) - buffer_.data() + 1;
          break;
        }
        pos_ = buffer_.size();
      }
      *line = long_line_;
      ++line_number_;
      return true;
    }
    size_t consumed = pos_;
    scan_from = buffer_.size() - consumed;
    if (!Fill()) {
      if (pos_ < buffer_.size()) {  // last line without a newline
        *line = std::string_view(buffer_.data() + pos_, buffer_.size() - pos_);
        pos_ = buffer_.size();
        break;
      }
      return false;
    }
    // Fill() moved the unread bytes to the front of the buffer.
  }
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  ++line_number_;
  return true;
}

std::string FormatBytes(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

}  // namespace sitrep

// Little-endian binary encoding for model sections: fixed-width integers, LEB128 varints,
// zigzag signed varints, floats and length-prefixed strings.
//
// BinaryWriter appends to a caller-owned std::string. BinaryReader reads from a view and
// never reads past its end: every getter returns false once the input is exhausted or
// malformed, and stays false (check ok() once at the end of a section).
// Thread safety: one object per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sitrep {

class BinaryWriter {
 public:
  explicit BinaryWriter(std::string* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      U8(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    U8(static_cast<uint8_t>(v));
  }
  void Signed(int64_t v) { Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void String(std::string_view s) {
    Varint(s.size());
    out_->append(s);
  }

 private:
  void Raw(const void* p, size_t n) { out_->append(static_cast<const char*>(p), n); }
  std::string* out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == in_.size(); }

  bool U8(uint8_t* v) { return Raw(v, 1); }
  bool U32(uint32_t* v) { return Raw(v, 4); }
  bool U64(uint64_t* v) { return Raw(v, 8); }
  bool F32(float* v) { return Raw(v, 4); }
  bool Varint(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = 0;
      if (!U8(&b)) return false;
      result |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        *v = result;
        return true;
      }
    }
    return Fail();
  }
  // A varint that must be <= limit (guards sizes read from untrusted files).
  bool Size(uint64_t limit, uint64_t* v) { return Varint(v) && (*v <= limit || Fail()); }
  bool Signed(int64_t* v) {
    uint64_t u = 0;
    if (!Varint(&u)) return false;
    *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return true;
  }
  // A view of the next n bytes (valid as long as the input).
  bool Bytes(uint64_t n, std::string_view* v) {
    if (!ok_ || n > in_.size() - pos_) return Fail();
    *v = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  // A length-prefixed string as a view into the input (no copy; valid while the input is).
  bool StringView(std::string_view* v) {
    uint64_t n = 0;
    if (!Varint(&n)) return false;
    return Bytes(n, v);
  }
  bool String(std::string* s) {
    uint64_t n = 0;
    if (!Varint(&n) || n > in_.size() - pos_) return Fail();
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }

 private:
  bool Fail() {
    ok_ = false;
    return false;
  }
  bool Raw(void* p, size_t n) {
    if (!ok_ || in_.size() - pos_ < n) return Fail();
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace sitrep

// JsonWriter: appends compact JSON to a caller-owned string.
//
// The writer tracks nesting and inserts commas itself. Strings must be valid UTF-8 (sitrep
// repairs input on reading); control characters and quotes are escaped, so the output is
// always one line. Not thread-safe; use one writer per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();

  // Inside an object: writes `"key":`. The next value call completes the member.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view value);
  // Writes null when `value` is empty: sitrep's convention for "unknown".
  JsonWriter& StringOrNull(std::string_view value);
  JsonWriter& Int(int64_t value);
  // Doubles are written with up to `digits` significant digits; NaN/inf become null.
  JsonWriter& Double(double value, int digits = 6);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Appends pre-serialised JSON as one value. The caller guarantees it is valid.
  JsonWriter& Raw(std::string_view json);

  // Shorthands for Key(k) followed by a value.
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, uint32_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, size_t value) { return Key(key).Int(static_cast<int64_t>(value)); }
  JsonWriter& Field(std::string_view key, double value) { return Key(key).Double(value); }
  JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }
  JsonWriter& FieldOrNull(std::string_view key, std::string_view value) {
    return Key(key).StringOrNull(value);
  }

 private:
  void BeforeValue();
  std::string* out_;
  std::vector<bool> first_;  // one entry per open container: no member written yet
  bool after_key_ = false;
};

// Appends `s` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace sitrep

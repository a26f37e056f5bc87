// Status and Result<T>: errors as values.
//
// Every fallible library call returns a Status (or a Result<T>, which holds either a value or
// a non-OK Status). No exception and no exit() crosses a stage boundary: a malformed article
// is an expected input, reported with a message that names where it came from, and the rest
// of the batch goes on.
//
// Thread safety: Status and Result are plain values; distinct objects may be used from
// distinct threads freely.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sitrep {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller's request is malformed (bad flag, bad option value)
    kNotFound,         // a named file or resource does not exist
    kCorruption,       // input exists but cannot be decoded (bad gzip, bad JSON, binary data)
    kIOError,          // the operating system refused a read or write
    kResourceExhausted,  // a size limit was exceeded
    kInternal,         // a broken invariant inside sitrep; a bug
  };

  // An OK status carries no message.
  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status ResourceExhausted(std::string msg) {
    return Status(Code::kResourceExhausted, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corruption: file.jsonl:3: malformed JSON ..." — one line, suitable for stderr.
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` and ": ".
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds a T or an error Status. Accessing value() on an error is a programming bug (asserts).
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {      // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { assert(ok()); return std::get<T>(data_); }
  const T& value() const& { assert(ok()); return std::get<T>(data_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace sitrep

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define SITREP_RETURN_IF_ERROR(expr)               \
  do {                                             \
    ::sitrep::Status sitrep_status_ = (expr);      \
    if (!sitrep_status_.ok()) return sitrep_status_; \
  } while (0)

#define SITREP_CONCAT_INNER_(a, b) a##b
#define SITREP_CONCAT_(a, b) SITREP_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result<T> expression, or returns its error Status.
#define SITREP_ASSIGN_OR_RETURN(lhs, expr)                                   \
  auto SITREP_CONCAT_(sitrep_result_, __LINE__) = (expr);                    \
  if (!SITREP_CONCAT_(sitrep_result_, __LINE__).ok())                        \
    return SITREP_CONCAT_(sitrep_result_, __LINE__).status();                \
  lhs = std::move(SITREP_CONCAT_(sitrep_result_, __LINE__)).value()

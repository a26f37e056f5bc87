#include "text/input.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/utf8.h"

namespace sitrep {

namespace fs = std::filesystem;

namespace {

enum class Kind { kText, kHtml, kJsonl, kUnknown };

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Kind KindFromName(const std::string& path) {
  std::string name = Lower(fs::path(path).filename().string());
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".txt") || EndsWith(name, ".text")) return Kind::kText;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return Kind::kHtml;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json")) return Kind::kJsonl;
  return Kind::kUnknown;
}

// Guesses the kind of an explicitly named file with an unknown extension from its content.
Kind SniffKind(std::string_view head) {
  head = StripBom(head);
  size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i < head.size() && head[i] == '{') return Kind::kJsonl;
  if (i < head.size() && head[i] == '<') return Kind::kHtml;
  return Kind::kText;
}

// Reads a string member; null or absent gives "". Numbers are accepted for ids.
bool GetString(simdjson::dom::object obj, std::string_view key, std::string* out) {
  auto field = obj[key];
  if (field.error()) return false;
  simdjson::dom::element el = field.value_unsafe();
  if (el.is_string()) {
    *out = std::string(el.get_string().value_unsafe());
    return true;
  }
  if (el.is_int64()) {
    *out = std::to_string(el.get_int64().value_unsafe());
    return true;
  }
  if (el.is_uint64()) {
    *out = std::to_string(el.get_uint64().value_unsafe());
    return true;
  }
  return false;
}

}  // namespace

std::string DocumentIdFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  std::string name = fs::path(path).filename().string();
  size_t dot = name.find('.', 1);
  if (dot != std::string::npos) name.resize(dot);
  return name;
}

struct InputReader::JsonlState {
  std::unique_ptr<ByteReader> reader;
  std::unique_ptr<LineReader> lines;
  std::string path;
  std::string file_id;
  simdjson::dom::parser parser;
  simdjson::padded_string buffer;
  size_t documents = 0;
  size_t line_errors = 0;
};

InputReader::InputReader(std::vector<std::string> operands, InputOptions options)
    : options_(options) {
  for (auto& op : operands) {
    pending_.push_back(std::move(op));
    pending_explicit_.push_back(true);
  }
}

InputReader::~InputReader() = default;

InputReader::Step InputReader::Fail(Status status, Status* error) {
  ++errors_;
  *error = std::move(status);
  return Step::kError;
}

InputReader::Step InputReader::Next(RawDocument* doc, Status* error) {
  for (;;) {
    if (jsonl_) {
      Step step = NextFromJsonl(doc, error);
      if (step != Step::kEnd) return step;
      jsonl_.reset();
    }
    if (pending_.empty()) return Step::kEnd;
    Step step = OpenNext(doc, error);
    if (step != Step::kEnd) return step;
  }
}

InputReader::Step InputReader::OpenNext(RawDocument* doc, Status* error) {
  std::string path = std::move(pending_.front());
  bool is_explicit = pending_explicit_.front();
  pending_.pop_front();
  pending_explicit_.pop_front();

  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> entries;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      entries.push_back(entry.path().string());
    }
    if (ec) return Fail(Status::IOError(path + ": cannot list directory: " + ec.message()), error);
    std::sort(entries.begin(), entries.end());
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      pending_.push_front(*it);
      pending_explicit_.push_front(false);
    }
    return Step::kEnd;  // nothing produced yet; the caller loops
  }
  if (path != "-" && !fs::exists(path, ec)) {
    return Fail(Status::NotFound(path + ": no such file or directory"), error);
  }

  Kind kind = path == "-" ? Kind::kJsonl : KindFromName(path);
  if (kind == Kind::kUnknown && !is_explicit) return Step::kEnd;  // skip stray files in dirs
  if (kind == Kind::kUnknown || kind == Kind::kJsonl) {
    auto reader = ByteReader::Open(path);
    if (!reader.ok()) return Fail(reader.status(), error);
    jsonl_ = std::make_unique<JsonlState>();
    jsonl_->reader = std::move(reader).value();
    if (kind == Kind::kUnknown) {
      // Sniff the content; a text or HTML file is re-read whole below.
      std::string head;
      auto n = jsonl_->reader->Read(4096, &head);
      jsonl_.reset();
      if (!n.ok()) return Fail(n.status(), error);
      kind = SniffKind(head);
      if (kind != Kind::kJsonl) {
        return ReadWholeFile(path, kind == Kind::kHtml ? RawDocument::Format::kHtml
                                                       : RawDocument::Format::kText,
                             doc, error);
      }
      jsonl_ = std::make_unique<JsonlState>();
      auto again = ByteReader::Open(path);
      if (!again.ok()) return Fail(again.status(), error);
      jsonl_->reader = std::move(again).value();
    }
    jsonl_->lines = std::make_unique<LineReader>(jsonl_->reader.get());
    jsonl_->path = path;
    jsonl_->file_id = DocumentIdFromPath(path);
    return Step::kEnd;  // the caller loops into NextFromJsonl
  }
  return ReadWholeFile(path, kind == Kind::kHtml ? RawDocument::Format::kHtml
                                                 : RawDocument::Format::kText,
                       doc, error);
}

InputReader::Step InputReader::ReadWholeFile(const std::string& path, RawDocument::Format format,
                                             RawDocument* doc, Status* error) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return Fail(reader.status(), error);
  *doc = RawDocument();
  Status st = (*reader)->ReadAll(options_.max_document_bytes, &doc->content);
  bytes_read_ += doc->content.size();
  if (!st.ok()) return Fail(st, error);
  if (StripBom(doc->content).find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return Fail(Status::Corruption(path + ": empty file"), error);
  }
  if (LooksBinary(doc->content)) {
    return Fail(Status::Corruption(path + ": binary data, not text or HTML"), error);
  }
  doc->format = format;
  doc->id = DocumentIdFromPath(path);
  doc->origin = path;
  ++documents_;
  return Step::kDocument;
}

InputReader::Step InputReader::NextFromJsonl(RawDocument* doc, Status* error) {
  JsonlState& js = *jsonl_;
  std::string_view line;
  bool too_long = false;
  while (js.lines->Next(&line, options_.max_document_bytes, &too_long)) {
    bytes_read_ += line.size() + 1;
    std::string where = js.path + ":" + std::to_string(js.lines->line_number());
    if (too_long) {
      ++js.line_errors;
      return Fail(Status::ResourceExhausted(where + ": line longer than the " +
                                            FormatBytes(options_.max_document_bytes) +
                                            " limit for one document (see --max-doc-mb)"),
                  error);
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++js.line_errors;  // undone below once the line yields a document
    simdjson::dom::element root;
    auto parse_error = js.parser.parse(line.data(), line.size(), true).get(root);
    if (parse_error) {
      return Fail(Status::Corruption(where + ": malformed JSON (" +
                                     simdjson::error_message(parse_error) + ")"),
                  error);
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      return Fail(Status::Corruption(where + ": expected a JSON object per line"), error);
    }
    *doc = RawDocument();
    doc->origin = where;
    if (GetString(obj, "html", &doc->content) && !doc->content.empty()) {
      doc->format = RawDocument::Format::kHtml;
    } else if (GetString(obj, "text", &doc->content)) {
      doc->format = RawDocument::Format::kText;
      doc->verbatim = true;
    } else {
      return Fail(Status::Corruption(where + ": the object has neither a \"text\" nor an \"html\" string"),
                  error);
    }
    if (!GetString(obj, "id", &doc->id) || doc->id.empty()) {
      doc->id = js.file_id + "-" + std::to_string(js.lines->line_number());
    }
    GetString(obj, "url", &doc->url);
    GetString(obj, "title", &doc->title);
    GetString(obj, "date", &doc->date);
    --js.line_errors;
    ++js.documents;
    ++documents_;
    return Step::kDocument;
  }
  if (!js.lines->status().ok()) {
    Status st = js.lines->status();
    st = Status::Corruption(st.message() + " (after line " +
                            std::to_string(js.lines->line_number()) + ")");
    jsonl_.reset();
    return Fail(st, error);
  }
  if (js.documents == 0 && js.line_errors == 0) {
    std::string path = js.path;
    jsonl_.reset();
    return Fail(Status::Corruption(path + ": empty file (no JSON lines)"), error);
  }
  return Step::kEnd;
}

}  // namespace sitrep

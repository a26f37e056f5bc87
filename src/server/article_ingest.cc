#include "server/article_ingest.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "base/json_writer.h"
#include "events/event_writer.h"
#include "server/evidence.h"

namespace sitrep::server {

namespace {

enum class BodyKind { kText, kHtml, kJsonl, kUnknown };

BodyKind KindOf(std::string_view content_type) {
  std::string_view t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t == "text/plain") return BodyKind::kText;
  if (t == "text/html") return BodyKind::kHtml;
  if (t == "application/x-ndjson" || t == "application/jsonl" || t == "application/jsonlines" ||
      t == "application/x-jsonlines") {
    return BodyKind::kJsonl;
  }
  return BodyKind::kUnknown;
}

std::string HexHash(std::string_view content) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(ContentHash(content)));
  return buf;
}

// A file in the temporary directory holding `body`, removed with the object.
class TempFile {
 public:
  static Result<TempFile> Write(const std::string& body) {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/sitrep-ingest-XXXXXX.jsonl";
    int fd = mkstemps(tmpl.data(), 6);
    if (fd < 0) return Status::IOError("cannot create a temporary file in " + tmpl);
    TempFile f(tmpl);
    size_t done = 0;
    while (done < body.size()) {
      ssize_t n = ::write(fd, body.data() + done, body.size() - done);
      if (n <= 0) {
        ::close(fd);
        return Status::IOError("cannot write the temporary file " + tmpl);
      }
      done += static_cast<size_t>(n);
    }
    ::close(fd);
    return f;
  }
  TempFile(TempFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

// Replaces the temporary file's name in a reader message with "line N".
std::string BatchMessage(const Status& st, const std::string& temp_path) {
  std::string m = st.message();
  if (m.compare(0, temp_path.size(), temp_path) == 0) m = "line " + m.substr(temp_path.size() + 1);
  return m;
}

// The article text with every event's trigger and actors marked, event by event.
std::vector<EvidenceSegment> ArticleSegments(const Document& doc) {
  std::vector<Highlight> spans;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    int index = static_cast<int>(i);
    spans.push_back({e.trigger.start, e.trigger.end, "trigger", index});
    if (e.source >= 0) {
      const Span& s = doc.actors[e.source].span;
      spans.push_back({s.start, s.end, "source", index});
    }
    if (e.target >= 0) {
      const Span& s = doc.actors[e.target].span;
      spans.push_back({s.start, s.end, "target", index});
    }
  }
  return SegmentEvidence(doc.text, spans);
}

void WriteDocument(JsonWriter& json, const Document& doc, const AddOutcome& outcome,
                   size_t max_segment_bytes) {
  json.BeginObject().Field("id", doc.id).FieldOrNull("title", doc.title)
      .FieldOrNull("date", doc.date).FieldOrNull("url", doc.url).Field("added", outcome.added)
      .Field("new_events", outcome.new_events).Field("text", doc.text);
  json.Key("segments");
  if (doc.text.size() > max_segment_bytes) {
    json.Null();
  } else {
    json.BeginArray();
    for (const EvidenceSegment& seg : ArticleSegments(doc)) {
      json.BeginObject().Field("text", seg.text);
      if (!seg.role.empty()) json.Field("role", seg.role).Field("event", seg.event);
      json.EndObject();
    }
    json.EndArray();
  }
  std::string lines;
  WriteEventsJsonl(doc, &lines);
  json.Key("events").BeginArray();
  for (size_t start = 0; start < lines.size();) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    if (end > start) json.Raw(std::string_view(lines).substr(start, end - start));
    start = end + 1;
  }
  json.EndArray().EndObject();
}

}  // namespace

ArticleIngest::ArticleIngest(std::string db_path, ArticleCoder coder, IngestOptions options)
    : db_path_(std::move(db_path)), coder_(std::move(coder)), options_(options) {}

ArticleIngest::~ArticleIngest() = default;

Result<EventStore*> ArticleIngest::Store() {
  if (!store_) {
    SITREP_ASSIGN_OR_RETURN(store_, EventStore::Open(db_path_));
  }
  return store_.get();
}

Status ArticleIngest::ReadBatch(std::string body, std::vector<RawDocument>* raws,
                                std::vector<std::string>* errors) {
  SITREP_ASSIGN_OR_RETURN(TempFile file, TempFile::Write(body));
  InputOptions input;
  input.max_document_bytes = options_.max_document_bytes;
  InputReader reader({file.path()}, input);
  for (;;) {
    RawDocument raw;
    Status error;
    InputReader::Step step = reader.Next(&raw, &error);
    if (step == InputReader::Step::kEnd) break;
    if (step == InputReader::Step::kError) {
      errors->push_back(BatchMessage(error, file.path()));
      continue;
    }
    if (raws->size() >= options_.max_documents) {
      return Status::InvalidArgument("a batch holds at most " +
                                     std::to_string(options_.max_documents) + " documents");
    }
    raw.origin = "line " + raw.origin.substr(raw.origin.rfind(':') + 1);
    raws->push_back(std::move(raw));
  }
  return Status::OK();
}

Result<std::string> ArticleIngest::Ingest(std::string_view content_type, std::string body,
                                          const ArticleMeta& meta, bool store) {
  BodyKind kind = KindOf(content_type);
  if (kind == BodyKind::kUnknown) {
    return Status::InvalidArgument("Content-Type must be text/plain, text/html or "
                                   "application/x-ndjson, got '" + std::string(content_type) + "'");
  }
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("the body is empty: post an article or JSON Lines");
  }
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<RawDocument> raws;
  std::vector<std::string> errors;
  if (kind == BodyKind::kJsonl) {
    SITREP_RETURN_IF_ERROR(ReadBatch(std::move(body), &raws, &errors));
  } else {
    RawDocument raw;
    raw.format = kind == BodyKind::kHtml ? RawDocument::Format::kHtml : RawDocument::Format::kText;
    raw.verbatim = kind == BodyKind::kText;  // offsets then point into exactly what was posted
    raw.id = meta.id;
    raw.url = meta.url;
    raw.title = meta.title;
    raw.date = meta.date;
    raw.origin = "posted article";
    raw.content = std::move(body);
    raws.push_back(std::move(raw));
  }
  EventStore* db = nullptr;
  if (store) {
    SITREP_ASSIGN_OR_RETURN(db, Store());
  }
  std::string out;
  JsonWriter json(&out);
  json.BeginObject().Field("stored", store).Key("documents").BeginArray();
  for (RawDocument& raw : raws) {
    std::string key = raw.id.empty() ? "serve-" + HexHash(raw.content) : raw.id;
    uint64_t hash = ContentHash(raw.content);
    if (raw.id.empty()) raw.id = key;
    std::string origin = raw.origin;
    Document doc;
    Status coded = coder_(std::move(raw), &doc);
    if (!coded.ok()) {
      errors.push_back(origin + ": " + coded.message());
      continue;
    }
    AddOutcome outcome;
    if (db) {
      SITREP_ASSIGN_OR_RETURN(outcome, db->Add(doc, key, hash));
    }
    WriteDocument(json, doc, outcome, options_.max_segment_text_bytes);
  }
  json.EndArray().Key("errors").BeginArray();
  for (const std::string& e : errors) json.String(e);
  json.EndArray().EndObject();
  return out;
}

}  // namespace sitrep::server

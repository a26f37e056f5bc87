#include "store/coded_events.h"

#include <simdjson.h>

#include <algorithm>
#include <vector>

#include "base/file_reader.h"

namespace sitrep {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string Str(object o, std::string_view key) {
  auto f = o[key];
  if (f.error() || !f.value_unsafe().is_string()) return "";
  return std::string(f.value_unsafe().get_string().value_unsafe());
}

int64_t Int(object o, std::string_view key) {
  auto f = o[key];
  if (f.error()) return 0;
  element e = f.value_unsafe();
  if (e.is_int64()) return e.get_int64().value_unsafe();
  if (e.is_uint64()) return static_cast<int64_t>(e.get_uint64().value_unsafe());
  return 0;
}

double Num(object o, std::string_view key) {
  auto f = o[key];
  if (f.error()) return 0;
  element e = f.value_unsafe();
  if (e.is_double()) return e.get_double().value_unsafe();
  if (e.is_int64()) return static_cast<double>(e.get_int64().value_unsafe());
  return 0;
}

bool Obj(object o, std::string_view key, object* out) {
  auto f = o[key];
  if (f.error() || !f.value_unsafe().is_object()) return false;
  *out = f.value_unsafe().get_object().value_unsafe();
  return true;
}

// Places `text` at byte offset `start` of doc->text, growing it with spaces.
void PlaceText(std::string_view text, uint32_t start, Document* doc) {
  if (doc->text.size() < start + text.size()) doc->text.resize(start + text.size(), ' ');
  doc->text.replace(start, text.size(), text);
}

int32_t AddActor(object a, uint32_t sentence, Document* doc) {
  ActorMention m;
  m.sentence = sentence;
  m.code = Str(a, "code");
  m.name = Str(a, "name");
  m.span = {static_cast<uint32_t>(Int(a, "start")), static_cast<uint32_t>(Int(a, "end"))};
  // A target the text leaves unsaid keeps its role ("location" or "domestic").
  std::string implicit = Str(a, "implicit");
  if (implicit == "location" || implicit == "domestic") m.kind = implicit;
  for (size_t i = 0; i < doc->actors.size(); ++i) {
    const ActorMention& b = doc->actors[i];
    if (b.span == m.span && b.code == m.code && b.kind == m.kind) return static_cast<int32_t>(i);
  }
  doc->actors.push_back(std::move(m));
  return static_cast<int32_t>(doc->actors.size() - 1);
}

Modality ParseModality(std::string_view s) {
  if (s == "negated") return Modality::kNegated;
  if (s == "hypothetical") return Modality::kHypothetical;
  return Modality::kAsserted;
}

void AddEventLine(object o, Document* doc) {
  uint32_t si = static_cast<uint32_t>(Int(o, "sentence_index"));
  Span span{static_cast<uint32_t>(Int(o, "start")), static_cast<uint32_t>(Int(o, "end"))};
  std::string sentence = Str(o, "sentence");
  span.end = span.start + static_cast<uint32_t>(sentence.size());
  PlaceText(sentence, span.start, doc);
  if (doc->sentences.size() <= si) doc->sentences.resize(si + 1);
  doc->sentences[si].span = span;
  doc->sentences[si].paragraph = si;
  Event e;
  e.sentence = si;
  object a;
  if (Obj(o, "source", &a)) e.source = AddActor(a, si, doc);
  if (Obj(o, "target", &a)) e.target = AddActor(a, si, doc);
  e.cameo = Str(o, "cameo");
  e.root = Str(o, "root");
  e.quad_class = static_cast<int>(Int(o, "quad_class"));
  e.goldstein = Num(o, "goldstein");
  e.plover = Str(o, "plover");
  if (Obj(o, "trigger", &a)) {
    e.trigger = {static_cast<uint32_t>(Int(a, "start")), static_cast<uint32_t>(Int(a, "end"))};
  }
  e.modality = ParseModality(Str(o, "modality"));
  e.date = Str(o, "date");
  e.date_precision = Str(o, "date_precision");
  if (Obj(o, "location", &a)) {
    e.has_location = true;
    e.location.name = Str(a, "name");
    e.location.country = Str(a, "country");
    e.location.lat = Num(a, "lat");
    e.location.lon = Num(a, "lon");
    e.location.precision = Str(a, "precision");
    e.location.geonames_id = Int(a, "geonames_id");
  }
  doc->events.push_back(std::move(e));
}

}  // namespace

Status ReadCodedEvents(const std::string& path, const std::function<Status(Document&&)>& fn,
                       const std::function<void(const Status&)>& error) {
  SITREP_ASSIGN_OR_RETURN(auto bytes, ByteReader::Open(path));
  LineReader lines(bytes.get());
  simdjson::dom::parser parser;
  Document doc;
  std::string_view line;
  bool too_long = false;
  auto flush = [&]() -> Status {
    if (doc.id.empty()) return Status::OK();
    Status st = fn(std::move(doc));
    doc = Document();
    return st;
  };
  while (lines.Next(&line, 64u << 20, &too_long)) {
    std::string where = path + ":" + std::to_string(lines.line_number());
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::padded_string padded(line);
    object o;
    if (too_long || parser.parse(padded).get_object().get(o)) {
      error(Status::Corruption(where + ": not a JSON object"));
      continue;
    }
    std::string id = Str(o, "doc_id");
    if (id != doc.id) {
      SITREP_RETURN_IF_ERROR(flush());
      doc.id = id;
      doc.origin = where;
      doc.date = Str(o, "doc_date");
      doc.url = Str(o, "url");
    }
    AddEventLine(o, &doc);
  }
  SITREP_RETURN_IF_ERROR(flush());
  return lines.status();
}

}  // namespace sitrep

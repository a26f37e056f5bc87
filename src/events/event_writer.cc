#include "events/event_writer.h"

#include "base/json_writer.h"

namespace sitrep {

namespace {

void WriteActor(const Document& doc, int index, JsonWriter* json) {
  if (index < 0) {
    json->Null();
    return;
  }
  const ActorMention& a = doc.actors[index];
  json->BeginObject()
      .Field("code", a.code)
      .Field("name", a.name)
      .Field("text", doc.Slice(a.span))
      .Field("start", a.span.start)
      .Field("end", a.span.end);
  // A target the text leaves unsaid: where the event happened, or the source's own state.
  if (a.kind == "location" || a.kind == "domestic") json->Field("implicit", a.kind);
  if (a.antecedent >= 0) {
    const ActorMention& ante = doc.actors[a.antecedent];
    json->Key("refers_to").BeginObject().Field("text", doc.Slice(ante.span))
        .Field("start", ante.span.start).Field("end", ante.span.end).EndObject();
  }
  json->EndObject();
}

void WriteLocation(const Event& e, JsonWriter* json) {
  if (!e.has_location) {
    json->Null();
    return;
  }
  const Location& l = e.location;
  json->BeginObject()
      .Field("name", l.name)
      .FieldOrNull("country", l.country)
      .Field("lat", l.lat)
      .Field("lon", l.lon)
      .Field("precision", l.precision);
  if (l.geonames_id) json->Field("geonames_id", static_cast<int64_t>(l.geonames_id));
  if (!l.span.empty()) json->Field("start", l.span.start).Field("end", l.span.end);
  json->EndObject();
}

}  // namespace

std::string EventId(const Document& doc, size_t index) {
  const Event& e = doc.events[index];
  size_t n = 0;
  for (size_t i = index; i > 0 && doc.events[i - 1].sentence == e.sentence; --i) ++n;
  return doc.id + ":" + std::to_string(e.sentence) + ":" + std::to_string(n);
}

void WriteEventsJsonl(const Document& doc, std::string* out) {
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    const Sentence& s = doc.sentences[e.sentence];
    JsonWriter json(out);
    json.BeginObject()
        .Field("event_id", EventId(doc, i))
        .Field("doc_id", doc.id)
        .FieldOrNull("doc_date", doc.date)
        .FieldOrNull("url", doc.url)
        .Field("sentence_index", e.sentence)
        .Field("sentence", doc.Slice(s.span))
        .Field("start", s.span.start)
        .Field("end", s.span.end);
    json.Key("source");
    WriteActor(doc, e.source, &json);
    json.Key("target");
    WriteActor(doc, e.target, &json);
    json.Field("cameo", e.cameo)
        .Field("root", e.root)
        .Field("quad_class", e.quad_class)
        .Field("goldstein", e.goldstein)
        .FieldOrNull("plover", e.plover);
    json.Key("trigger").BeginObject()
        .Field("text", doc.Slice(e.trigger))
        .Field("start", e.trigger.start)
        .Field("end", e.trigger.end)
        .EndObject();
    json.Field("modality", ModalityName(e.modality))
        .FieldOrNull("date", e.date)
        .FieldOrNull("date_precision", e.date_precision);
    json.Key("location");
    WriteLocation(e, &json);
    json.EndObject();
    out->push_back('\n');
  }
}

}  // namespace sitrep

// Test data for the server tests: a small store of hand-made coded documents (one of them
// with "<script>" in its evidence, one event reported twice), a fake article coder, and a
// throw-away folder. Header-only, for *_test.cc files.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "document/document.h"
#include "server/article_ingest.h"
#include "store/event_store.h"

namespace sitrep::server::testing {

// A fresh temporary folder, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = std::filesystem::temp_directory_path().string() + "/sitrep-server-XXXXXX";
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct EventSpec {
  const char* sentence;
  const char* source_text;  // must occur in the sentence
  const char* source_code;
  const char* target_text;
  const char* target_code;
  const char* trigger;
  const char* cameo;
  int quad;
  double goldstein;
  const char* plover;
  const char* place = "";  // "" for none
  double lat = 0, lon = 0;
};

inline Span Find(const std::string& text, size_t base, const char* needle) {
  size_t at = text.find(needle, base);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::string(needle).size())};
}

// A coded document with one sentence per event.
inline Document MakeDocument(const std::string& id, const std::string& date,
                             const std::vector<EventSpec>& events) {
  Document doc;
  doc.id = id;
  doc.date = date;
  doc.url = "https://news.example/" + id;
  doc.title = "Report " + id;
  for (const EventSpec& spec : events) {
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += spec.sentence;
    Sentence s;
    s.span = {start, static_cast<uint32_t>(doc.text.size())};
    s.paragraph = static_cast<uint32_t>(doc.sentences.size());
    doc.sentences.push_back(s);
    doc.text += " ";
    uint32_t sentence = static_cast<uint32_t>(doc.sentences.size() - 1);
    for (auto [text, code] : {std::pair{spec.source_text, spec.source_code},
                              std::pair{spec.target_text, spec.target_code}}) {
      ActorMention m;
      m.sentence = sentence;
      m.span = Find(doc.text, start, text);
      m.code = code;
      m.name = text;
      m.kind = "country";
      doc.actors.push_back(m);
    }
    Event e;
    e.sentence = sentence;
    e.source = static_cast<int32_t>(doc.actors.size() - 2);
    e.target = static_cast<int32_t>(doc.actors.size() - 1);
    e.cameo = spec.cameo;
    e.root = e.cameo.substr(0, 2);
    e.quad_class = spec.quad;
    e.goldstein = spec.goldstein;
    e.plover = spec.plover;
    e.trigger = Find(doc.text, start, spec.trigger);
    e.date = date;
    e.date_precision = "day";
    if (*spec.place) {
      e.has_location = true;
      e.location.name = spec.place;
      e.location.country = "SYR";
      e.location.lat = spec.lat;
      e.location.lon = spec.lon;
      e.location.precision = "city";
    }
    doc.events.push_back(e);
  }
  return doc;
}

// The test store: 4 documents, 4 distinct events (one reported by two documents).
inline void WriteTestStore(const std::string& path) {
  auto store = EventStore::Open(path).value();
  auto add = [&](const Document& doc) { store->Add(doc, doc.id, ContentHash(doc.text + doc.id)).value(); };
  add(MakeDocument("d1", "2016-03-10",
                   {{"Russian jets struck rebels near Aleppo.", "Russian jets", "RUSMIL", "rebels",
                     "SYRREB", "struck", "190", 4, -10.0, "ASSAULT", "Aleppo", 36.2, 37.15}}));
  add(MakeDocument("d2", "2016-03-12",
                   {{"Russia and Syria signed a deal in Damascus.", "Russia", "RUS", "Syria", "SYR",
                     "signed", "057", 1, 8.0, "AGREE", "Damascus", 33.51, 36.29}}));
  add(MakeDocument("d3", "2016-04-02",
                   {{"Washington criticised Moscow <script>alert(1)</script> over the strikes.",
                     "Washington", "USA", "Moscow", "RUS", "criticised", "111", 3, -2.0,
                     "ACCUSE"}}));
  add(MakeDocument("d4", "2016-03-11",
                   {{"Rebels said Russian jets struck them again near Aleppo.", "Russian jets",
                     "RUSMIL", "Rebels", "SYRREB", "struck", "190", 4, -10.0, "ASSAULT", "Aleppo",
                     36.2, 37.15}}));
}

// A stand-in for the coding pipeline: the whole text is one sentence, and the first and
// last words are the source (RUS) and target (SYR) of a "met" (040) event when "met" occurs.
inline Status FakeCoder(RawDocument&& raw, Document* doc) {
  doc->id = raw.id;
  doc->url = raw.url;
  doc->title = raw.title;
  doc->date = raw.date;
  doc->text = std::move(raw.content);
  if (doc->text.find("met") == std::string::npos) return Status::OK();
  size_t first_end = doc->text.find(' ');
  size_t last_start = doc->text.rfind(' ') + 1;
  std::vector<EventSpec> none;
  Sentence s;
  s.span = {0, static_cast<uint32_t>(doc->text.size())};
  doc->sentences.push_back(s);
  ActorMention a, b;
  a.span = {0, static_cast<uint32_t>(first_end)};
  a.code = "RUS";
  a.name = "Russia";
  b.span = {static_cast<uint32_t>(last_start), static_cast<uint32_t>(doc->text.size())};
  b.code = "SYR";
  b.name = "Syria";
  doc->actors = {a, b};
  Event e;
  e.source = 0;
  e.target = 1;
  e.cameo = "040";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1.0;
  e.plover = "CONSULT";
  e.trigger = Find(doc->text, 0, "met");
  e.date = doc->date;
  doc->events.push_back(e);
  return Status::OK();
}

// A minimal built page: index.html and app.js.
inline void WriteTestPage(const std::string& dir) {
  std::filesystem::create_directories(dir + "/assets");
  std::string index = "<!doctype html><title>sitrep</title><script src=app.js></script>\n";
  for (int i = 0; i < 20; ++i) index += "<!-- long enough to be worth compressing -->\n";
  std::ofstream(dir + "/index.html") << index;
  std::ofstream(dir + "/assets/app.js") << "console.log('sitrep');";
}

}  // namespace sitrep::server::testing

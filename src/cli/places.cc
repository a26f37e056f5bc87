// sitrep places: the place stage on its own: toponyms found and resolved to coordinates.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "places/gazetteer.h"
#include "places/gazetteer_builder.h"
#include "places/geoparser.h"
#include "base/worker_pool.h"
#include "syntax/syntax_model.h"
#include "text/article_reader.h"
#include "text/segmenter.h"

namespace sitrep::cli {

namespace {

struct PlacesFlags {
  InputFlags input;
  std::string gazetteer = Gazetteer::DefaultPath();
  std::string model = SyntaxModel::DefaultModelPath();
  bool syntax = true;
};

void WriteToponym(const Document& doc, const Gazetteer& g, const Toponym& t, std::string* out) {
  Place p = g.place(static_cast<uint32_t>(t.place));
  JsonWriter json(out);
  json.BeginObject()
      .Field("doc_id", doc.id)
      .Field("start", t.span.start)
      .Field("end", t.span.end)
      .Field("text", doc.Slice(t.span))
      .Field("name", p.name)
      .FieldOrNull("country", g.Alpha3(p.country))
      .Field("lat", static_cast<double>(p.record->lat))
      .Field("lon", static_cast<double>(p.record->lon));
  if (p.record->geonames_id > 0) {
    json.Field("geonames_id", static_cast<int64_t>(p.record->geonames_id));
  } else {
    json.FieldOrNull("geonames_id", std::string_view());
  }
  json.Field("feature", p.feature).Field("precision", PlacePrecision(p)).EndObject();
  out->push_back('\n');
}

int RunPlaces(const PlacesFlags& flags) {
  auto gazetteer = OpenGazetteer(flags.gazetteer);
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "sitrep places: %s\n", gazetteer.status().ToString().c_str());
    return 2;
  }
  std::unique_ptr<SyntaxModel> model;
  if (flags.syntax) {
    auto loaded = SyntaxModel::Load(flags.model);
    if (loaded.ok()) {
      model = std::move(*loaded);
    } else if (!flags.input.quiet) {
      std::fprintf(stderr, "sitrep places: no syntax model (%s); using capitalisation only\n",
                   loaded.status().ToString().c_str());
    }
  }
  const Gazetteer& g = **gazetteer;
  Geoparser geoparser(g);
  ArticleReaderOptions reader_options;
  Segmenter segmenter;
  std::vector<std::unique_ptr<SyntaxScratch>> scratch;
  for (int i = 0; i < ResolveThreadCount(flags.input.threads); ++i) {
    scratch.push_back(std::make_unique<SyntaxScratch>());
  }
  return RunDocuments("places", flags.input, [&](RawDocument& raw, int w, std::string* out) -> Status {
    Document doc;
    SITREP_RETURN_IF_ERROR(ReadArticle(std::move(raw), reader_options, &doc));
    segmenter.Segment(&doc);
    if (model) model->Annotate(&doc, scratch[w].get());
    std::vector<Toponym> toponyms;
    geoparser.Parse(doc, &toponyms);
    for (const Toponym& t : toponyms) WriteToponym(doc, g, t, out);
    return Status::OK();
  });
}

}  // namespace

void RegisterPlaces(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<PlacesFlags>();
  CLI::App* cmd = app->add_subcommand(
      "places", "Find place names and resolve them to coordinates (geoparsing), as JSON Lines.");
  cmd->footer(
      "\nOutput: one JSON object per toponym: doc_id, start, end (byte offsets into the\n"
      "document text), text, name (the gazetteer's name), country (ISO 3166-1 alpha-3), lat,\n"
      "lon, geonames_id (null for places that are not from GeoNames), feature (GeoNames\n"
      "feature code: PPLC capital, PPL town, ADM1 region, PCLI country, AIRB air base, ...)\n"
      "and precision (point, city, region or country).\n\n"
      "The gazetteer combines GeoNames cities1000 (CC BY, geonames.org), Debian iso-codes\n"
      "countries and regions, and sitrep's supplement (data/places/). Ambiguous names are\n"
      "resolved by population, the countries the document is about, and parent places\n"
      "named alongside (\"Al-Bab, Aleppo province\").\n\n"
      "Examples:\n"
      "  sitrep places examples/\n"
      "  echo '{\"id\":\"a\",\"text\":\"Clashes erupted in Tripoli, east of Benghazi.\"}' | "
      "sitrep places -\n"
      "  sitrep places --gazetteer allCountries.txt news/   # a full GeoNames dump (slow start)\n");
  AddInputFlags(cmd, &flags->input);
  cmd->add_option("--gazetteer", flags->gazetteer,
                  "Compiled gazetteer.bin, or a GeoNames dump (e.g. allCountries.txt) to compile")
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "Syntax model file (optional: named entities)")
      ->capture_default_str();
  cmd->add_flag("!--no-syntax", flags->syntax, "Skip the syntax model; capitalisation only");
  cmd->callback([flags, exit_code] { *exit_code = RunPlaces(*flags); });
}

}  // namespace sitrep::cli

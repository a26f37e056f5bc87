// Exports an EventStore in other formats, streaming row by row:
//
//   gdelt           GDELT 2.0's event table: 61 tab-separated columns in GDELT's order, one
//                   row per merged event. Actor*Geo fields come from the actor's country
//                   (the first three letters of a CAMEO actor code), ActionGeo from the
//                   event's place; *Geo_CountryCode are FIPS 10-4 codes, as in GDELT.
//   gdelt-mentions  GDELT 2.0's mentions table: 16 tab-separated columns, one row per report
//   csv             one row per event with a header line
//   jsonl           one JSON object per event, with every mention and its evidence sentence
//   plover          PLOVER/POLECAT-style JSON Lines (event_type, actor, recipient, ...)
//
// Events with no source (unnamed perpetrators) export an empty Actor1 in gdelt and csv and
// a null actor in jsonl and plover. A target the text leaves unsaid (events/
// implicit_targets.h) exports as its country code; jsonl says "target_implicit" and plover
// "recipient_implicit" ("location" or "domestic") when every report leaves it unsaid, each
// JSON mention says it on its "target", and a target with no text has a null span (and
// Actor2CharOffset -1 in gdelt-mentions).
//
// CountryCodes is loaded once from data/store/country_codes.tsv (ISO3 -> FIPS, name) and is
// immutable. Errors: a bad table line names the file and line; write errors come from `sink`.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "store/event_store.h"

namespace sitrep {

class CountryCodes {
 public:
  struct Country {
    std::string fips;
    std::string name;
  };
  // SITREP_SOURCE_DIR "/data/store/country_codes.tsv".
  static std::string DefaultPath();
  static Result<CountryCodes> Load(const std::string& path);
  // nullptr when `iso3` is unknown.
  const Country* Find(std::string_view iso3) const;

 private:
  std::unordered_map<std::string, Country> by_iso3_;
};

enum class ExportFormat { kGdelt, kGdeltMentions, kCsv, kJsonl, kPlover };
Result<ExportFormat> ParseExportFormat(std::string_view name);

// Writes the whole store in `format`; `sink` receives the output in pieces.
Status ExportStore(EventStore* store, ExportFormat format, const CountryCodes& countries,
                   const std::function<Status(std::string_view)>& sink);

}  // namespace sitrep

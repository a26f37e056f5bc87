// CodingResources: the compiled data the event coder reads — the CAMEO table, the event
// lexicon and the actor dictionaries — loaded once from a data directory laid out as
//
//   DATA/cameo/cameo_codes.tsv      codes, names, Goldstein, quad class, PLOVER
//   DATA/events/lexicon/*.txt       trigger lexicon (word classes, cues, one file per root)
//   DATA/events/recode.tsv          intent/threat/demand/reject recoding (optional)
//   DATA/actors/*.txt               actor dictionaries
//
// Errors name the file and line of the first problem found. Immutable once loaded; share it
// between threads freely.
#pragma once

#include <memory>
#include <string>

#include "actors/actor_dictionary.h"
#include "base/status.h"
#include "events/cameo_table.h"
#include "events/event_lexicon.h"

namespace sitrep {

struct CodingResources {
  std::unique_ptr<CameoTable> cameo;
  std::unique_ptr<EventLexicon> lexicon;
  std::unique_ptr<ActorDictionary> actors;

  // SITREP_SOURCE_DIR "/data", the directory shipped with the source tree.
  static std::string DefaultDataDir();
  static Result<std::unique_ptr<CodingResources>> Load(const std::string& data_dir);
};

}  // namespace sitrep

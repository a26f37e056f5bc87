#include "events/coding_resources.h"

#include <filesystem>

namespace sitrep {

std::string CodingResources::DefaultDataDir() { return std::string(SITREP_SOURCE_DIR) + "/data"; }

Result<std::unique_ptr<CodingResources>> CodingResources::Load(const std::string& data_dir) {
  auto res = std::make_unique<CodingResources>();
  SITREP_ASSIGN_OR_RETURN(res->cameo, CameoTable::Load(data_dir + "/cameo/cameo_codes.tsv"));
  std::string recode = data_dir + "/events/recode.tsv";
  if (!std::filesystem::exists(recode)) recode.clear();
  SITREP_ASSIGN_OR_RETURN(res->lexicon,
                          EventLexicon::LoadDirectory(data_dir + "/events/lexicon", recode, *res->cameo));
  SITREP_ASSIGN_OR_RETURN(res->actors, ActorDictionary::LoadDirectory(data_dir + "/actors"));
  return res;
}

}  // namespace sitrep

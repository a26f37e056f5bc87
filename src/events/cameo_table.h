// CameoTable: the CAMEO event ontology as data — each code's name, Goldstein value (ICEWS
// and GDELT variants), quad class, root and PLOVER 2.0 type.
//
// Loaded from data/cameo/cameo_codes.tsv (tab-separated, header line, "# version: N" line).
// Errors name the file and line. Immutable after loading; safe for concurrent reads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct CameoCode {
  std::string code;       // "190", "0874"
  std::string name;       // "Use conventional military force"
  double goldstein = 0;   // ICEWS value
  double goldstein_gdelt = 0;
  int quad_class = 0;     // 1..4, from the root
  std::string root;       // "19"
  std::string plover;     // PLOVER 2.0 type, "" when the code has none
};

class CameoTable {
 public:
  static Result<std::unique_ptr<CameoTable>> Load(const std::string& path);
  // Parses the table from memory; `origin` names it in error messages.
  static Result<std::unique_ptr<CameoTable>> Parse(std::string_view contents,
                                                   const std::string& origin);

  // nullptr when `code` is not a CAMEO event code.
  const CameoCode* Find(std::string_view code) const;
  int version() const { return version_; }
  size_t size() const { return codes_.size(); }
  const std::vector<CameoCode>& codes() const { return codes_; }

  // Quad class of a root ("01".."20"): 1 verbal cooperation (01-05), 2 material cooperation
  // (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20); 0 when not a root.
  static int QuadClassOfRoot(std::string_view root);

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
  int version_ = 0;
};

// Splits `s` on `sep`, without trimming.
std::vector<std::string_view> SplitString(std::string_view s, char sep);
// Removes leading and trailing ASCII whitespace.
std::string_view TrimWhitespace(std::string_view s);

}  // namespace sitrep

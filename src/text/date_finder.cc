#include "text/date_finder.h"

namespace sitrep {

// PLACEHOLDER: replaced by the real date finder.
std::string FindPublicationDate(std::string_view text, size_t scan_bytes) { return ""; }
std::string NormalizeDate(std::string_view value) {
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-') return std::string(value.substr(0, 10));
  return "";
}

}  // namespace sitrep

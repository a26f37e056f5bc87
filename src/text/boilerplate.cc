#include "text/boilerplate.h"

namespace sitrep {

// PLACEHOLDER: blank-line blocks, nothing marked. Replaced by the real classifier.
std::vector<TextBlock> ClassifyTextBlocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    size_t end = text.find("\n\n", i);
    if (end == std::string_view::npos) end = text.size();
    size_t e = end;
    while (e > i && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    blocks.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(e)}, false, ""});
    i = end;
  }
  return blocks;
}

}  // namespace sitrep

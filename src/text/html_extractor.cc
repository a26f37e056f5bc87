#include "text/html_extractor.h"

#include <gumbo.h>

namespace sitrep {

namespace {
void CollectText(GumboNode* node, std::string* out) {
  if (node->type == GUMBO_NODE_TEXT) {
    *out += node->v.text.text;
    *out += ' ';
  } else if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag != GUMBO_TAG_SCRIPT &&
             node->v.element.tag != GUMBO_TAG_STYLE) {
    GumboVector* children = &node->v.element.children;
    for (unsigned i = 0; i < children->length; ++i)
      CollectText(static_cast<GumboNode*>(children->data[i]), out);
  }
}
}  // namespace

// PLACEHOLDER: whole-page text. Replaced by the real extractor.
Result<HtmlArticle> ExtractArticleFromHtml(std::string_view html, const HtmlExtractorOptions&) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  HtmlArticle article;
  std::string text;
  CollectText(output->root, &text);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (text.find_first_not_of(" \n\t") == std::string::npos) return Status::Corruption("no text");
  article.paragraphs.push_back(text);
  return article;
}

}  // namespace sitrep

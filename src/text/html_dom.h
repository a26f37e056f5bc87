// HtmlDom: a parsed HTML page as a flat array of nodes in document (pre-)order.
//
// The page is parsed once with gumbo (HTML5 error recovery, character references decoded).
// Every element and text node becomes an HtmlNode; a node's subtree is the index range
// [index, end), so whole-tree passes are plain loops and nothing recurses, however deep the
// markup is nested. Comments and the document node are left out; index 0 is <html>.
//
// Ownership: the HtmlDom owns the parse (kept in an arena freed in one go on destruction);
// every string_view it hands out lives as long as the HtmlDom.
//
// Cost: script bodies (except JSON), style sheets and comments are cut out before parsing
// (see StripScriptsAndComments), which halves the parse time of a typical news page;
// gumbo's tree building costs time in proportion to the depth of open elements for
// each tag, so a page nesting tens of thousands of elements would take minutes. Before
// parsing, start tags that would open more than kMaxNesting elements (counted roughly, on
// the raw markup) are dropped, with their end tags; their text is kept. Real pages stay far
// below the limit and are parsed unchanged.
//
// Thread safety: a built HtmlDom is immutable; const methods may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct HtmlNode {
  static constexpr uint32_t kNone = 0xffffffffu;
  bool is_text = false;
  uint16_t tag = 0;         // elements: the GumboTag value (GUMBO_TAG_UNKNOWN for custom tags)
  uint32_t parent = kNone;  // index of the parent element
  uint32_t end = 0;         // one past the last node of this subtree
  std::string_view text;    // text nodes: the decoded text (UTF-8)
  const void* element = nullptr;  // elements: the GumboElement, for attribute look-ups
};

// Appends `text` to *out with each run of whitespace (ASCII or no-break space) written as
// one space; no space is written at the start of *out or after a space already there.
void AppendCollapsedText(std::string_view text, std::string* out);

// Returns `html` without the text of its scripts (JSON scripts such as JSON-LD are kept),
// style sheets and comments; the <script> and <style> tags themselves stay. Half the bytes
// of a typical news page are script, which the parser would otherwise read one character
// at a time.
std::string StripScriptsAndComments(std::string_view html);

// Returns `html` without the start tags (and as many end tags) that would nest more than
// `max_depth` elements, counted on the raw markup: void elements and elements whose end tag
// may be left out (p, li, td…) do not count. Returns false, leaving *out alone, when nothing
// needs dropping.
bool LimitHtmlNesting(std::string_view html, size_t max_depth, std::string* out);

// Removes a trailing space, if any.
void TrimTrailingSpace(std::string* s);

class HtmlDom {
 public:
  static constexpr size_t kMaxNesting = 1000;

  // Parses `utf8_html` (which should be UTF-8; invalid bytes become U+FFFD). The input need
  // not outlive the HtmlDom.
  explicit HtmlDom(std::string_view utf8_html);
  ~HtmlDom();
  HtmlDom(const HtmlDom&) = delete;
  HtmlDom& operator=(const HtmlDom&) = delete;

  size_t size() const { return nodes_.size(); }
  const HtmlNode& node(uint32_t i) const { return nodes_[i]; }

  // The value of attribute `name` (lowercase) on element `i`, or "" when absent.
  std::string_view Attribute(uint32_t i, std::string_view name) const;
  // True when element `i` carries attribute `name`, even with an empty value.
  bool HasAttribute(uint32_t i, std::string_view name) const;
  // The tag name as written, for elements gumbo does not know (e.g. "amp-img"); "" otherwise.
  std::string_view UnknownTagName(uint32_t i) const;
  // The visible text of node `i`'s subtree (scripts, styles and templates left out),
  // whitespace-collapsed and trimmed, cut after about `max_bytes` bytes.
  std::string TextOf(uint32_t i, size_t max_bytes = 4096) const;

 private:
  struct Rep;
  void Flatten(const void* root);
  std::unique_ptr<Rep> rep_;
  std::vector<HtmlNode> nodes_;
};

}  // namespace sitrep

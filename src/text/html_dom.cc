#include "text/html_dom.h"

#include <gumbo.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace sitrep {

namespace {

// Gumbo allocates many small blocks and frees them one by one, recursively, in
// gumbo_destroy_output; a bump arena makes both cheap and avoids that recursion, which a
// deeply nested page would turn into a stack overflow.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* block : blocks_) std::free(block);
  }

  void* Allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > kBlockSize / 4) return NewBlock(size);
    if (size > left_) {
      head_ = static_cast<char*>(NewBlock(kBlockSize));
      left_ = kBlockSize;
    }
    void* p = head_;
    head_ += size;
    left_ -= size;
    return p;
  }

  static void* GumboAllocate(void* arena, size_t size) {
    return static_cast<Arena*>(arena)->Allocate(size);
  }
  static void GumboFree(void*, void*) {}

 private:
  static constexpr size_t kBlockSize = 256 * 1024;
  void* NewBlock(size_t size) {
    void* block = std::malloc(size);
    if (block == nullptr) std::abort();  // as gumbo itself does on allocation failure
    blocks_.push_back(block);
    return block;
  }
  std::vector<void*> blocks_;
  char* head_ = nullptr;
  size_t left_ = 0;
};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsTagNameChar(char c) {
  c = Lower(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

// Elements that never nest: void elements, and those whose end tag is implied by the next
// sibling (a page of unclosed <p> or <li> is normal, not deep).
bool IsFlatElement(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area",   "base",     "br",       "col",    "embed", "hr",      "img",     "input",
      "link",   "meta",     "param",    "source", "track", "wbr",     "p",       "li",
      "dt",     "dd",       "td",       "th",     "tr",    "tbody",   "thead",   "tfoot",
      "option", "optgroup", "colgroup", "html",   "head",  "body",    "rb",      "rt",
      "rp",     "keygen",   "basefont", "frame",  "image", "isindex", "menuitem"};
  for (std::string_view flat : kFlat) {
    if (name == flat) return true;
  }
  return false;
}

// Elements whose content is raw text up to their end tag.
bool IsRawTextElement(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "noscript";
}

// Case-insensitive search for "</name" from `from`.
size_t FindEndTag(std::string_view html, std::string_view name, size_t from) {
  for (size_t pos = html.find("</", from); pos != std::string_view::npos;
       pos = html.find("</", pos + 2)) {
    bool match = pos + 2 + name.size() <= html.size();
    for (size_t k = 0; match && k < name.size(); ++k) match = Lower(html[pos + 2 + k]) == name[k];
    if (match) return pos;
  }
  return html.size();
}

// One pass over the markup. With `out` null it only reports whether the limit is exceeded.
bool WalkNesting(std::string_view html, size_t max_depth, std::string* out) {
  size_t depth = 0, dropped = 0, copied = 0, pos = 0;
  bool exceeded = false;
  std::string name;
  auto drop = [&](size_t from, size_t to) {
    if (out != nullptr) out->append(html.substr(copied, from - copied));
    copied = to;
  };
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    size_t start = pos++;
    if (pos >= html.size()) break;
    if (html[pos] == '!') {
      size_t close = html.compare(pos, 3, "!--") == 0 ? html.find("-->", pos) : html.find('>', pos);
      if (close == std::string_view::npos) break;
      pos = close + 1;
      continue;
    }
    bool end_tag = html[pos] == '/';
    if (end_tag) ++pos;
    name.clear();
    while (pos < html.size() && IsTagNameChar(html[pos])) name.push_back(Lower(html[pos++]));
    if (name.empty()) continue;
    size_t close = html.find('>', pos);
    if (close == std::string_view::npos) break;
    pos = close + 1;
    if (end_tag) {
      if (IsFlatElement(name)) continue;
      if (dropped > 0) {
        --dropped;
        drop(start, pos);
      } else if (depth > 0) {
        --depth;
      }
      continue;
    }
    if (IsRawTextElement(name)) {
      size_t end = html.find('>', FindEndTag(html, name, pos));
      pos = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (IsFlatElement(name) || html[close - 1] == '/') continue;
    if (depth < max_depth) {
      ++depth;
      continue;
    }
    exceeded = true;
    if (out == nullptr) return true;
    ++dropped;
    drop(start, pos);
  }
  if (out != nullptr) out->append(html.substr(copied));
  return exceeded;
}

// True when html[pos..] starts with `word` (lowercase) in any case, followed by a character
// that ends a tag name.
bool StartsTagName(std::string_view html, size_t pos, std::string_view word) {
  if (pos + word.size() >= html.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(html[pos + k]) != word[k]) return false;
  }
  char next = html[pos + word.size()];
  return next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' ||
         next == '\r' || next == '\f';
}

// The end of the start tag beginning at `pos` (one past its '>'), stepping over quoted
// attribute values; html.size() when it is not closed.
size_t StartTagEnd(std::string_view html, size_t pos) {
  char quote = 0;
  for (; pos < html.size(); ++pos) {
    char c = html[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return pos + 1;
    }
  }
  return html.size();
}

bool IsJsonScript(std::string_view start_tag) {
  std::string lower;
  for (char c : start_tag.substr(0, 512)) lower.push_back(Lower(c));
  size_t type = lower.find("type");
  return type != std::string::npos && lower.find("json", type) != std::string::npos;
}

}  // namespace

std::string StripScriptsAndComments(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos + 1, 3, "!--") == 0) {
      size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;  // unterminated: leave it to the parser
      out.append(html.substr(copied, pos - copied));
      pos = copied = end + 3;
      continue;
    }
    bool script = StartsTagName(html, pos + 1, "script");
    if (!script && !StartsTagName(html, pos + 1, "style")) {
      ++pos;
      continue;
    }
    size_t body = StartTagEnd(html, pos);
    if (script && IsJsonScript(html.substr(pos, body - pos))) {
      pos = body;
      continue;
    }
    size_t end = FindEndTag(html, script ? "script" : "style", body);
    out.append(html.substr(copied, body - copied));
    pos = copied = end;
  }
  out.append(html.substr(copied));
  return out;
}

bool LimitHtmlNesting(std::string_view html, size_t max_depth, std::string* out) {
  if (!WalkNesting(html, max_depth, nullptr)) return false;
  out->clear();
  out->reserve(html.size());
  WalkNesting(html, max_depth, out);
  return true;
}

struct HtmlDom::Rep {
  std::string input;  // gumbo's original-text pointers point here
  Arena arena;
  GumboOutput* output = nullptr;
};

HtmlDom::HtmlDom(std::string_view utf8_html) : rep_(std::make_unique<Rep>()) {
  std::string stripped = StripScriptsAndComments(utf8_html);
  if (!LimitHtmlNesting(stripped, kMaxNesting, &rep_->input)) rep_->input = std::move(stripped);
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::GumboAllocate;
  options.deallocator = &Arena::GumboFree;
  options.userdata = &rep_->arena;
  options.max_errors = 0;  // error records are never read; skipping them saves time
  rep_->output = gumbo_parse_with_options(&options, rep_->input.data(), rep_->input.size());
  nodes_.reserve(rep_->input.size() / 40 + 16);
  Flatten(rep_->output->root);
}

// The arena frees the whole parse; gumbo_destroy_output is deliberately not called.
HtmlDom::~HtmlDom() = default;

void HtmlDom::Flatten(const void* root) {
  // Iterative pre-order walk. Each stack entry is (gumbo node, index of its HtmlNode); a
  // node's `end` is set once all its children are flattened.
  struct Frame {
    const GumboNode* node;
    uint32_t index;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  auto push = [&](const GumboNode* g, uint32_t parent) {
    HtmlNode n;
    n.parent = parent;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      n.tag = static_cast<uint16_t>(g->v.element.tag);
      n.element = &g->v.element;
    } else {
      n.is_text = true;
      n.text = g->v.text.text;
    }
    nodes_.push_back(n);
    uint32_t index = static_cast<uint32_t>(nodes_.size() - 1);
    if (n.is_text) {
      nodes_[index].end = index + 1;
    } else {
      stack.push_back({g, index, 0});
    }
  };
  push(static_cast<const GumboNode*>(root), HtmlNode::kNone);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child == children.length) {
      nodes_[top.index].end = static_cast<uint32_t>(nodes_.size());
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    if (child->type == GUMBO_NODE_COMMENT || child->type == GUMBO_NODE_DOCUMENT) continue;
    push(child, top.index);  // may reallocate `stack`; `top` is not used after this
  }
}

std::string_view HtmlDom::Attribute(uint32_t i, std::string_view name) const {
  const auto* element = static_cast<const GumboElement*>(nodes_[i].element);
  if (element == nullptr) return {};
  for (unsigned a = 0; a < element->attributes.length; ++a) {
    const auto* attr = static_cast<const GumboAttribute*>(element->attributes.data[a]);
    if (name == attr->name) return attr->value;
  }
  return {};
}

bool HtmlDom::HasAttribute(uint32_t i, std::string_view name) const {
  const auto* element = static_cast<const GumboElement*>(nodes_[i].element);
  if (element == nullptr) return false;
  for (unsigned a = 0; a < element->attributes.length; ++a) {
    const auto* attr = static_cast<const GumboAttribute*>(element->attributes.data[a]);
    if (name == attr->name) return true;
  }
  return false;
}

std::string_view HtmlDom::UnknownTagName(uint32_t i) const {
  const auto* element = static_cast<const GumboElement*>(nodes_[i].element);
  if (element == nullptr || element->tag != GUMBO_TAG_UNKNOWN) return {};
  GumboStringPiece piece = element->original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

std::string HtmlDom::TextOf(uint32_t i, size_t max_bytes) const {
  std::string out;
  uint32_t end = nodes_[i].end;
  for (uint32_t j = i; j < end && out.size() < max_bytes;) {
    const HtmlNode& n = nodes_[j];
    if (!n.is_text && (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE ||
                       n.tag == GUMBO_TAG_TEMPLATE || n.tag == GUMBO_TAG_NOSCRIPT)) {
      j = n.end;
      continue;
    }
    if (n.is_text) AppendCollapsedText(n.text, &out);
    ++j;
  }
  TrimTrailingSpace(&out);
  return out;
}

void AppendCollapsedText(std::string_view text, std::string* out) {
  bool space = out->empty() || out->back() == ' ';
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      is_space = true;
      ++i;
    }
    if (is_space) {
      if (!space) out->push_back(' ');
      space = true;
    } else {
      out->push_back(c);
      space = false;
    }
  }
}

void TrimTrailingSpace(std::string* s) {
  if (!s->empty() && s->back() == ' ') s->pop_back();
}

}  // namespace sitrep

#include "text/html_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>

#include "base/utf8.h"
#include "text/html_charset.h"
#include "text/html_dom.h"
#include "text/html_hints.h"
#include "text/html_metadata.h"

namespace sitrep {

namespace {

constexpr uint32_t kNone = HtmlNode::kNone;

// ---- tag classes ---------------------------------------------------------------------------

// Elements that start a new line of text: text on either side is a separate block.
bool IsBlockTag(int tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

// Blocks whose text is a paragraph in its own right; their score goes to their container.
bool IsParagraphTag(int tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(int tag) {
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 && tag != GUMBO_TAG_HGROUP;
}

// Elements that never show article text.
bool IsInvisibleTag(int tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OPTGROUP:
      return true;
    default:
      return false;
  }
}

// Elements that hold page furniture rather than the article.
bool IsFurnitureTag(int tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool IsFurnitureRole(std::string_view role) {
  return role == "navigation" || role == "complementary" || role == "contentinfo" ||
         role == "banner" || role == "dialog" || role == "alertdialog" || role == "search" ||
         role == "menu" || role == "menubar" || role == "toolbar" || role == "alert";
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool IsHiddenByStyle(std::string_view style) {
  std::string compact;
  for (char c : style.substr(0, 512)) {
    if (!IsSpace(c)) compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// How much a byte of non-article text costs against a byte of article text gained when
// widening the article container.
constexpr float kJunkWeight = 2.5f;

// ---- per-node facts ------------------------------------------------------------------------

struct NodeFacts {
  uint32_t text = 0;       // visible non-space bytes in the subtree
  uint32_t link_text = 0;  // of which inside <a>
  uint32_t commas = 0;
  uint32_t paragraph_text = 0;  // of which inside <p>
  uint32_t paragraphs = 0, images = 0, list_items = 0, inputs = 0;
  int hint_balance = 0;
  bool has_hints = false;
  bool invisible = false;
  bool unlikely = false;            // furniture: left out of candidate scoring
  bool semantic_article = false;    // <article>, <main> or itemprop=articleBody
  bool holds_article_body = false;  // itemprop=articleBody here or below
  uint32_t good_text = 0;  // of `text`, the part in paragraph-like blocks (see MarkGoodText)
  float score = 0;
  bool scored = false;

  float LinkDensity() const { return text == 0 ? 0.0f : static_cast<float>(link_text) / text; }
};

class PageAnalysis {
 public:
  explicit PageAnalysis(const HtmlDom& dom) : dom_(dom), facts_(dom.size()) {
    MarkElements();
    SumSubtrees();
    MarkUnlikely();
  }

  const NodeFacts& facts(uint32_t i) const { return facts_[i]; }
  NodeFacts& facts(uint32_t i) { return facts_[i]; }
  const HtmlDom& dom() const { return dom_; }
  uint32_t body() const { return body_; }

 private:
  void MarkElements();
  void SumSubtrees();
  void MarkUnlikely();

  const HtmlDom& dom_;
  std::vector<NodeFacts> facts_;
  uint32_t body_ = 0;
};

void PageAnalysis::MarkElements() {
  for (uint32_t i = 0; i < dom_.size(); ++i) {
    const HtmlNode& n = dom_.node(i);
    NodeFacts& f = facts_[i];
    if (n.parent != kNone) f.invisible = facts_[n.parent].invisible;
    if (n.is_text || f.invisible) continue;
    if (n.tag == GUMBO_TAG_BODY && body_ == 0) body_ = i;
    std::string_view cls = dom_.Attribute(i, "class"), id = dom_.Attribute(i, "id");
    if (!cls.empty() || !id.empty()) {
      ClassHints hints = ReadClassHints(cls, id);
      f.has_hints = hints.any();
      f.hint_balance = hints.Balance();
    }
    f.invisible = IsInvisibleTag(n.tag) || dom_.HasAttribute(i, "hidden") ||
                  dom_.Attribute(i, "aria-hidden") == "true" ||
                  IsHiddenByStyle(dom_.Attribute(i, "style"));
    std::string_view itemprop = dom_.Attribute(i, "itemprop");
    f.holds_article_body = itemprop.find("articleBody") != std::string_view::npos;
    f.semantic_article =
        n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN || f.holds_article_body;
  }
}

uint32_t CountVisibleBytes(std::string_view text, uint32_t* commas) {
  uint32_t count = 0;
  for (char c : text) {
    if (!IsSpace(c)) ++count;
    if (c == ',') ++*commas;
  }
  return count;
}

// Adds every node's counts into its parent, last node first, so each subtree is summed once.
void PageAnalysis::SumSubtrees() {
  for (uint32_t i = static_cast<uint32_t>(dom_.size()); i-- > 0;) {
    const HtmlNode& n = dom_.node(i);
    NodeFacts& f = facts_[i];
    if (f.invisible) continue;
    if (n.is_text) {
      f.text = CountVisibleBytes(n.text, &f.commas);
    } else if (n.tag == GUMBO_TAG_A) {
      f.link_text = f.text;
    } else if (n.tag == GUMBO_TAG_P) {
      f.paragraphs += 1;
      f.paragraph_text = f.text;
    } else if (n.tag == GUMBO_TAG_LI) {
      f.list_items += 1;
    }
    if (n.parent == kNone) continue;
    NodeFacts& p = facts_[n.parent];
    p.text += f.text;
    p.link_text += f.link_text;
    p.commas += f.commas;
    p.paragraph_text += f.paragraph_text;
    p.paragraphs += f.paragraphs;
    p.list_items += f.list_items;
    p.images += f.images;
    p.inputs += f.inputs;
    p.holds_article_body |= f.holds_article_body;
  }
  // Images and inputs are invisible (no text) but count for the cleaning rules.
  for (uint32_t i = 0; i < dom_.size(); ++i) {
    const HtmlNode& n = dom_.node(i);
    if (n.is_text || (n.tag != GUMBO_TAG_IMG && n.tag != GUMBO_TAG_INPUT)) continue;
    for (uint32_t a = n.parent; a != kNone; a = dom_.node(a).parent) {
      if (facts_[a].invisible) break;
      (n.tag == GUMBO_TAG_IMG ? facts_[a].images : facts_[a].inputs) += 1;
      if (facts_[a].images + facts_[a].inputs > 64) break;  // enough to decide; bounds the cost
    }
  }
}

// Furniture is left out of scoring: furniture tags and roles, and elements whose class or id
// clearly names boilerplate (one strong word or two weak ones, see html_hints.h). A named element
// ("page-wrap has-header", "box article modal-on") is spared when it holds most of the page's
// paragraph text or the marked-up article body: names mislead more often than structure does.
void PageAnalysis::MarkUnlikely() {
  uint32_t page_paragraph_text = facts_.empty() ? 0 : facts_[body_].paragraph_text;
  for (uint32_t i = 0; i < dom_.size(); ++i) {
    const HtmlNode& n = dom_.node(i);
    NodeFacts& f = facts_[i];
    if (n.parent != kNone) f.unlikely = facts_[n.parent].unlikely;
    if (n.is_text || f.unlikely || f.invisible) continue;
    if (n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML || f.semantic_article ||
        f.holds_article_body) {
      continue;
    }
    bool furniture = IsFurnitureTag(n.tag) || IsFurnitureRole(dom_.Attribute(i, "role"));
    if (!furniture && f.has_hints && f.hint_balance <= -2) {
      furniture = f.paragraph_text * 2 < page_paragraph_text;
    }
    f.unlikely = furniture;
  }
}

// ---- text blocks ---------------------------------------------------------------------------

struct TextBlock {
  uint32_t owner = kNone;  // innermost block-level element holding the text
  std::string text;        // whitespace-collapsed
  uint32_t link_bytes = 0;
  uint32_t commas = 0;
};

// Splits the subtree range [begin, end) into text blocks at block-level elements and <br>,
// leaving out every element for which skip(i) is true.
template <typename Skip>
void ScanBlocks(const HtmlDom& dom, uint32_t begin, uint32_t end, uint32_t outer_owner,
                const Skip& skip, std::vector<TextBlock>* out) {
  std::vector<uint32_t> open, open_blocks;
  uint32_t link_depth = 0;
  TextBlock current;
  auto flush = [&] {
    TrimTrailingSpace(&current.text);
    if (!current.text.empty()) {
      current.owner = open_blocks.empty() ? outer_owner : open_blocks.back();
      for (char c : current.text) current.commas += c == ',';
      out->push_back(std::move(current));
    }
    current = TextBlock();
  };
  auto close = [&] {
    int tag = dom.node(open.back()).tag;
    if (tag == GUMBO_TAG_A) --link_depth;
    if (IsBlockTag(tag)) {
      flush();
      open_blocks.pop_back();
    }
    open.pop_back();
  };
  for (uint32_t i = begin; i < end;) {
    while (!open.empty() && i >= dom.node(open.back()).end) close();
    const HtmlNode& n = dom.node(i);
    if (n.is_text) {
      size_t before = current.text.size();
      AppendCollapsedText(n.text, &current.text);
      if (link_depth > 0) current.link_bytes += current.text.size() - before;
      ++i;
      continue;
    }
    if (skip(i)) {
      i = n.end;
      continue;
    }
    bool block = IsBlockTag(n.tag);
    if (block) flush();
    if (n.tag == GUMBO_TAG_BR || n.tag == GUMBO_TAG_HR) {
      ++i;
      continue;
    }
    if (n.tag == GUMBO_TAG_A) ++link_depth;
    open.push_back(i);
    if (block) open_blocks.push_back(i);
    ++i;
  }
  while (!open.empty()) close();
  flush();
}

// ---- choosing the article container --------------------------------------------------------

float InitialScore(const PageAnalysis& page, uint32_t i) {
  const NodeFacts& f = page.facts(i);
  float score = 0;
  switch (page.dom().node(i).tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      score = 5;
      break;
    case GUMBO_TAG_SECTION:
      score = 3;
      break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      score = 3;
      break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      score = -3;
      break;
    case GUMBO_TAG_TH:
      score = -5;
      break;
    default:
      break;
  }
  if (f.hint_balance > 0) score += 25;
  if (f.hint_balance < 0) score -= 25;
  if (f.semantic_article) score += 15;
  return score;
}

// Scores each text block like a paragraph (length and commas) and credits its container
// and the container's two nearest ancestors, with decreasing weight.
void ScoreContainers(PageAnalysis* page, const std::vector<TextBlock>& blocks) {
  const HtmlDom& dom = page->dom();
  for (const TextBlock& b : blocks) {
    if (b.text.size() < 25 || b.owner == kNone) continue;
    int owner_tag = dom.node(b.owner).tag;
    if (IsHeadingTag(owner_tag) || owner_tag == GUMBO_TAG_LI) continue;
    float s = 1.0f + b.commas + std::min<float>(b.text.size() / 100, 3.0f);
    uint32_t target = IsParagraphTag(owner_tag) ? dom.node(b.owner).parent : b.owner;
    for (int level = 0; level < 3 && target != kNone; ++level) {
      NodeFacts& f = page->facts(target);
      if (!f.scored) {
        f.scored = true;
        f.score = InitialScore(*page, target);
      }
      f.score += s / static_cast<float>(1 << level);
      target = dom.node(target).parent;
    }
  }
  for (uint32_t i = 0; i < dom.size(); ++i) {
    NodeFacts& f = page->facts(i);
    if (f.scored) f.score *= 1.0f - f.LinkDensity();
  }
}

uint32_t TopCandidate(const PageAnalysis& page) {
  uint32_t best = kNone;
  for (uint32_t i = 0; i < page.dom().size(); ++i) {
    const NodeFacts& f = page.facts(i);
    if (f.scored && (best == kNone || f.score > page.facts(best).score)) best = i;
  }
  return best;
}

// Credits every block that reads like running text (long enough, mostly not links) to its
// owner, then sums owners into ancestors in one backward pass (no per-block upward walks).
void MarkGoodText(PageAnalysis* page, const std::vector<TextBlock>& blocks) {
  const HtmlDom& dom = page->dom();
  for (const TextBlock& b : blocks) {
    if (b.text.size() < 25 || b.owner == kNone || b.link_bytes * 10 > b.text.size() * 3) continue;
    uint32_t commas = 0;
    page->facts(b.owner).good_text += CountVisibleBytes(b.text, &commas);
  }
  for (uint32_t i = static_cast<uint32_t>(dom.size()); i-- > 1;) {
    uint32_t parent = dom.node(i).parent;
    if (parent != kNone) page->facts(parent).good_text += page->facts(i).good_text;
  }
}

// The article is sometimes split into several containers (chunks between ads, sections).
// Moves up from the top candidate to the ancestor that best trades the running text it
// gains against the other text (links, labels, furniture) it takes in.
uint32_t WidenToArticle(const PageAnalysis& page, uint32_t top, int max_levels) {
  const HtmlDom& dom = page.dom();
  auto worth = [&](uint32_t i) {
    const NodeFacts& f = page.facts(i);
    float junk = static_cast<float>(f.text - std::min(f.text, f.good_text));
    return static_cast<float>(f.good_text) - kJunkWeight * junk;
  };
  uint32_t best = top;
  float best_worth = worth(top);
  uint32_t a = dom.node(top).parent;
  for (int level = 0; level < max_levels && a != kNone && a != page.body(); ++level) {
    float w = worth(a);
    if (w > best_worth) {
      best = a;
      best_worth = w;
    }
    a = dom.node(a).parent;
  }
  return best;
}

bool EndsSentence(const PageAnalysis& page, uint32_t i) {
  std::string text = page.dom().TextOf(i, 2000);
  return !text.empty() && (text.back() == '.' || text.find(". ") != std::string::npos);
}

// The top candidate and those of its siblings that look like more of the same article.
std::vector<uint32_t> ArticleSubtrees(const PageAnalysis& page, uint32_t top) {
  const HtmlDom& dom = page.dom();
  uint32_t parent = dom.node(top).parent;
  if (parent == kNone) return {top};
  const NodeFacts& top_facts = page.facts(top);
  float threshold = std::max(10.0f, top_facts.score * 0.2f);
  std::string_view top_class = dom.Attribute(top, "class");
  std::vector<uint32_t> chosen;
  for (uint32_t c = parent + 1; c < dom.node(parent).end; c = dom.node(c).end) {
    const NodeFacts& f = page.facts(c);
    if (c == top) {
      chosen.push_back(c);
      continue;
    }
    if (dom.node(c).is_text || f.invisible || f.unlikely) continue;
    float bonus = (!top_class.empty() && dom.Attribute(c, "class") == top_class)
                      ? top_facts.score * 0.2f
                      : 0.0f;
    bool keep = f.scored && f.score + bonus >= threshold;
    if (!keep && dom.node(c).tag == GUMBO_TAG_P) {
      float density = f.LinkDensity();
      keep = (f.text >= 80 && density < 0.25f) ||
             (f.text > 0 && f.text < 80 && density == 0 && EndsSentence(page, c));
    }
    if (keep) chosen.push_back(c);
  }
  return chosen;
}

// ---- cleaning the article ------------------------------------------------------------------

bool IsDroppedInArticle(int tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return IsFurnitureTag(tag) || IsInvisibleTag(tag);
  }
}

bool IsConditionalTag(int tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// Whether element i, inside an article subtree holding `article_text` bytes, is
// boilerplate to leave out.
bool DropInArticle(const PageAnalysis& page, uint32_t i, uint32_t article_text) {
  const HtmlDom& dom = page.dom();
  const NodeFacts& f = page.facts(i);
  int tag = dom.node(i).tag;
  if (f.invisible || IsDroppedInArticle(tag)) return true;
  if (IsFurnitureRole(dom.Attribute(i, "role"))) return true;
  if (f.semantic_article) return false;
  if (f.has_hints && f.hint_balance < 0 && f.text * 2 < article_text) return true;
  if (!IsConditionalTag(tag) || f.commas >= 10) return false;
  float density = f.LinkDensity();
  if (density > 0.5f) return true;
  if (f.hint_balance <= 0 && density > 0.3f) return true;
  if (f.text < 25 && tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_UNKNOWN) return true;
  if (f.inputs > 0 && f.inputs * 3 > f.paragraphs) return true;
  return false;
}

void AppendParagraphs(const std::vector<TextBlock>& blocks, std::vector<std::string>* out) {
  for (const TextBlock& b : blocks) {
    // A short line that is mostly a link ("Read more: …") is navigation, not text.
    if (b.link_bytes * 2 > b.text.size() && b.text.size() < 300) continue;
    out->push_back(IsValidUtf8(b.text) ? b.text : RepairUtf8(b.text));
  }
}

std::vector<std::string> ArticleParagraphs(const PageAnalysis& page,
                                           const std::vector<uint32_t>& subtrees) {
  const HtmlDom& dom = page.dom();
  std::vector<TextBlock> blocks;
  for (uint32_t root : subtrees) {
    uint32_t article_text = page.facts(root).text;
    ScanBlocks(
        dom, root, dom.node(root).end, dom.node(root).parent,
        [&](uint32_t i) { return i != root && DropInArticle(page, i, article_text); }, &blocks);
  }
  // A heading with nothing after it titled something that was left out ("Comments").
  while (!blocks.empty() && blocks.back().owner != kNone &&
         IsHeadingTag(dom.node(blocks.back().owner).tag)) {
    blocks.pop_back();
  }
  std::vector<std::string> paragraphs;
  AppendParagraphs(blocks, &paragraphs);
  return paragraphs;
}

// Every visible text block of the page, for pages where no article container stands out.
std::vector<std::string> PageParagraphs(const PageAnalysis& page) {
  std::vector<TextBlock> blocks;
  const HtmlDom& dom = page.dom();
  ScanBlocks(
      dom, 0, static_cast<uint32_t>(dom.size()), kNone,
      [&](uint32_t i) { return page.facts(i).invisible; }, &blocks);
  std::vector<std::string> paragraphs;
  for (TextBlock& b : blocks)
    paragraphs.push_back(IsValidUtf8(b.text) ? b.text : RepairUtf8(b.text));
  return paragraphs;
}

size_t TotalSize(const std::vector<std::string>& paragraphs) {
  size_t total = 0;
  for (const std::string& p : paragraphs) total += p.size();
  return total;
}

std::string Valid(std::string s) { return IsValidUtf8(s) ? s : RepairUtf8(s); }

// The JSON-LD articleBody as paragraphs: its lines, or its blocks when it holds markup.
std::vector<std::string> LinkedBodyParagraphs(std::string_view body) {
  if (body.find('<') != std::string_view::npos) {
    HtmlDom fragment(body);
    PageAnalysis page(fragment);
    return PageParagraphs(page);
  }
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = std::min(body.find('\n', start), body.size());
    std::string line;
    AppendCollapsedText(body.substr(start, end - start), &line);
    TrimTrailingSpace(&line);
    if (!line.empty()) paragraphs.push_back(Valid(std::move(line)));
    start = end + 1;
  }
  return paragraphs;
}

}  // namespace

Result<HtmlArticle> ExtractArticleFromHtml(std::string_view html,
                                           const HtmlExtractorOptions& options) {
  std::string converted;
  std::string_view utf8 = ConvertHtmlToUtf8(html, &converted) ? std::string_view(converted) : html;
  HtmlDom dom(StripBom(utf8));
  PageAnalysis page(dom);

  std::vector<TextBlock> blocks;
  ScanBlocks(
      dom, 0, static_cast<uint32_t>(dom.size()), kNone,
      [&](uint32_t i) { return page.facts(i).invisible || page.facts(i).unlikely; }, &blocks);
  ScoreContainers(&page, blocks);
  MarkGoodText(&page, blocks);
  HtmlArticle article;
  uint32_t top = TopCandidate(page);
  if (top != kNone) top = WidenToArticle(page, top, 5);
  if (top != kNone) article.paragraphs = ArticleParagraphs(page, ArticleSubtrees(page, top));
  HtmlMetadata meta = ExtractHtmlMetadata(dom);
  if (TotalSize(article.paragraphs) * 2 < meta.linked_body.size() &&
      meta.linked_body.size() >= options.min_article_chars) {
    article.paragraphs = LinkedBodyParagraphs(meta.linked_body);
  }
  if (TotalSize(article.paragraphs) < options.min_article_chars) {
    std::vector<std::string> whole = PageParagraphs(page);
    if (TotalSize(whole) > TotalSize(article.paragraphs)) article.paragraphs = std::move(whole);
  }
  if (article.paragraphs.empty()) return Status::Corruption("no text in the page");

  article.title = Valid(std::move(meta.title));
  article.date = Valid(std::move(meta.date));
  article.author = Valid(std::move(meta.author));
  article.site = Valid(std::move(meta.site));
  article.url = Valid(std::move(meta.url));
  return article;
}

}  // namespace sitrep

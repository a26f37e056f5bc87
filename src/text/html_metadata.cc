#include "text/html_metadata.h"

#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <vector>

#include "text/date_finder.h"

namespace sitrep {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string Collapse(std::string_view s) {
  std::string out;
  AppendCollapsedText(s, &out);
  TrimTrailingSpace(&out);
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// What one pass over the page collects; each field keeps its first occurrence.
struct PageFacts {
  std::vector<std::pair<std::string, std::string>> meta;  // lowercased key, content
  std::vector<std::string> json_ld;
  std::string title_element, h1, canonical, rel_author, byline, item_date, time_datetime,
      item_headline, item_author;

  std::string_view Meta(std::string_view key) const {
    for (const auto& [k, v] : meta) {
      if (k == key && !v.empty()) return v;
    }
    return {};
  }
};

void SetOnce(std::string* field, std::string value) {
  if (field->empty()) *field = std::move(value);
}

void CollectMeta(const HtmlDom& dom, uint32_t i, PageFacts* facts) {
  std::string_view content = dom.Attribute(i, "content");
  for (std::string_view attr : {"property", "name", "itemprop"}) {
    std::string_view key = dom.Attribute(i, attr);
    if (!key.empty() && !content.empty()) facts->meta.emplace_back(Lower(key), Collapse(content));
  }
}

void CollectItemprop(const HtmlDom& dom, uint32_t i, std::string_view itemprop, PageFacts* facts) {
  if (itemprop == "datePublished") {
    std::string_view value = dom.Attribute(i, "datetime");
    if (value.empty()) value = dom.Attribute(i, "content");
    SetOnce(&facts->item_date, value.empty() ? dom.TextOf(i, 200) : Collapse(value));
  } else if (itemprop == "headline") {
    SetOnce(&facts->item_headline, dom.TextOf(i, 400));
  } else if (itemprop == "author") {
    SetOnce(&facts->item_author, dom.TextOf(i, 200));
  }
}

bool IsBylineClass(const HtmlDom& dom, uint32_t i) {
  std::string cls = Lower(dom.Attribute(i, "class"));
  return Contains(cls, "byline") || Contains(cls, "author-name") || Contains(cls, "authorname") ||
         Contains(cls, "article-author");
}

void CollectElement(const HtmlDom& dom, uint32_t i, PageFacts* facts) {
  const HtmlNode& n = dom.node(i);
  switch (n.tag) {
    case GUMBO_TAG_META:
      CollectMeta(dom, i, facts);
      break;
    case GUMBO_TAG_TITLE:
      SetOnce(&facts->title_element, dom.TextOf(i, 600));
      break;
    case GUMBO_TAG_H1:
      SetOnce(&facts->h1, dom.TextOf(i, 600));
      break;
    case GUMBO_TAG_LINK:
      if (Lower(dom.Attribute(i, "rel")) == "canonical") {
        SetOnce(&facts->canonical, Collapse(dom.Attribute(i, "href")));
      }
      break;
    case GUMBO_TAG_A:
      if (Lower(dom.Attribute(i, "rel")) == "author")
        SetOnce(&facts->rel_author, dom.TextOf(i, 200));
      break;
    case GUMBO_TAG_TIME:
      SetOnce(&facts->time_datetime, Collapse(dom.Attribute(i, "datetime")));
      break;
    case GUMBO_TAG_SCRIPT:
      if (Contains(Lower(dom.Attribute(i, "type")), "ld+json") && i + 1 < n.end &&
          dom.node(i + 1).is_text) {
        facts->json_ld.emplace_back(dom.node(i + 1).text);
      }
      break;
    default:
      break;
  }
  std::string_view itemprop = dom.Attribute(i, "itemprop");
  if (!itemprop.empty() && n.tag != GUMBO_TAG_META) CollectItemprop(dom, i, itemprop, facts);
  if (facts->byline.empty() && n.tag != GUMBO_TAG_META && IsBylineClass(dom, i)) {
    std::string text = dom.TextOf(i, 300);
    if (!text.empty() && text.size() < 120) facts->byline = std::move(text);
  }
}

PageFacts CollectFacts(const HtmlDom& dom) {
  PageFacts facts;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    if (!dom.node(i).is_text) CollectElement(dom, i, &facts);
  }
  return facts;
}

// ---- JSON-LD -------------------------------------------------------------------------------

struct LinkedData {
  std::string headline, date, author, publisher, body;
};

std::string_view JsonString(simdjson::dom::element e) {
  std::string_view s;
  if (e.get(s) != simdjson::SUCCESS) return {};
  return s;
}

bool IsArticleType(simdjson::dom::element type) {
  auto matches = [](std::string_view t) {
    return Contains(t, "Article") || Contains(t, "BlogPosting") || Contains(t, "Report");
  };
  if (type.is_string()) return matches(JsonString(type));
  simdjson::dom::array types;
  if (type.get(types) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element t : types) {
    if (matches(JsonString(t))) return true;
  }
  return false;
}

// "Jane Doe", {"name": "Jane Doe"} or a list of those, joined with ", ".
std::string PersonNames(simdjson::dom::element e) {
  if (e.is_string()) return Collapse(JsonString(e));
  simdjson::dom::object obj;
  if (e.get(obj) == simdjson::SUCCESS) {
    simdjson::dom::element name;
    return obj["name"].get(name) == simdjson::SUCCESS ? Collapse(JsonString(name)) : "";
  }
  simdjson::dom::array list;
  std::string out;
  if (e.get(list) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element item : list) {
    std::string name = PersonNames(item);
    if (name.empty() || out.size() > 300) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

void ReadArticleObject(simdjson::dom::object obj, LinkedData* data) {
  simdjson::dom::element value;
  if (data->headline.empty() && obj["headline"].get(value) == simdjson::SUCCESS) {
    data->headline = Collapse(JsonString(value));
  }
  if (data->date.empty() && obj["datePublished"].get(value) == simdjson::SUCCESS) {
    data->date = Collapse(JsonString(value));
  }
  if (data->author.empty() && obj["author"].get(value) == simdjson::SUCCESS) {
    data->author = PersonNames(value);
  }
  if (data->body.empty() && obj["articleBody"].get(value) == simdjson::SUCCESS) {
    data->body = std::string(JsonString(value));
  }
  if (data->publisher.empty() && obj["publisher"].get(value) == simdjson::SUCCESS) {
    data->publisher = PersonNames(value);
  }
}

// Looks for article objects at the top level, in lists and in @graph, a few levels deep.
void FindArticles(simdjson::dom::element e, int depth, LinkedData* data) {
  if (depth > 4) return;
  simdjson::dom::array list;
  if (e.get(list) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : list) FindArticles(item, depth + 1, data);
    return;
  }
  simdjson::dom::object obj;
  if (e.get(obj) != simdjson::SUCCESS) return;
  simdjson::dom::element value;
  if (obj["@type"].get(value) == simdjson::SUCCESS && IsArticleType(value)) {
    ReadArticleObject(obj, data);
  }
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
    if (obj[key].get(value) == simdjson::SUCCESS) FindArticles(value, depth + 1, data);
  }
}

// Pages often put raw line breaks inside JSON strings or wrap the block in CDATA markers.
std::string CleanJson(std::string_view text) {
  size_t first = text.find_first_of("{[");
  size_t last = text.find_last_of("}]");
  if (first == std::string_view::npos || last == std::string_view::npos || last < first) return "";
  std::string out(text.substr(first, last - first + 1));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

LinkedData ReadLinkedData(const std::vector<std::string>& blocks) {
  LinkedData data;
  if (blocks.empty()) return data;
  simdjson::dom::parser parser;
  for (const std::string& block : blocks) {
    simdjson::dom::element root;
    if (parser.parse(block).get(root) != simdjson::SUCCESS) {
      std::string cleaned = CleanJson(block);
      if (cleaned.empty() || parser.parse(cleaned).get(root) != simdjson::SUCCESS) continue;
    }
    FindArticles(root, 0, &data);
  }
  return data;
}

// ---- choosing among sources ----------------------------------------------------------------

std::string FirstNormalizedDate(std::initializer_list<std::string_view> candidates) {
  for (std::string_view c : candidates) {
    if (c.empty()) continue;
    std::string date = NormalizeDate(c);
    if (!date.empty()) return date;
  }
  return "";
}

std::string ChooseDate(const PageFacts& f, const LinkedData& ld) {
  return FirstNormalizedDate({f.Meta("article:published_time"), f.Meta("og:article:published_time"),
                              f.Meta("article.published"), ld.date, f.Meta("datepublished"),
                              f.item_date, f.Meta("date"), f.Meta("pubdate"), f.Meta("publishdate"),
                              f.Meta("publish-date"), f.Meta("dc.date.issued"), f.Meta("dc.date"),
                              f.Meta("dcterms.created"), f.Meta("sailthru.date"),
                              f.Meta("parsely-pub-date"), f.time_datetime});
}

bool LooksLikeUrl(std::string_view s) {
  return s.substr(0, 4) == "http" || s.substr(0, 2) == "//" || s.substr(0, 1) == "/";
}

std::string CleanByline(std::string_view byline) {
  std::string s = Collapse(byline);
  for (std::string_view prefix : {"By ", "by ", "BY "}) {
    if (s.substr(0, prefix.size()) == prefix) return s.substr(prefix.size());
  }
  return s;
}

std::string ChooseAuthor(const PageFacts& f, const LinkedData& ld) {
  for (std::string_view c :
       {std::string_view(ld.author), f.Meta("author"), f.Meta("article:author"),
        f.Meta("dc.creator"), f.Meta("parsely-author"), f.Meta("sailthru.author"),
        std::string_view(f.item_author), std::string_view(f.rel_author),
        std::string_view(f.byline)}) {
    if (!c.empty() && !LooksLikeUrl(c)) return CleanByline(c);
  }
  return "";
}

std::string ChooseTitle(const PageFacts& f, const LinkedData& ld, std::string_view site) {
  for (std::string_view c :
       {f.Meta("og:title"), f.Meta("twitter:title"), std::string_view(ld.headline),
        std::string_view(f.item_headline), std::string_view(f.h1)}) {
    if (!c.empty()) return TrimSiteFromTitle(c, site);
  }
  return TrimSiteFromTitle(f.title_element, site);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

constexpr std::array<std::string_view, 8> kTitleSeparators = {
    " | ",  " - ",        " \xE2\x80\x94 ", " \xE2\x80\x93 ",
    " :: ", " \xC2\xBB ", " \xC2\xAB ",     " \xC2\xB7 "};

}  // namespace

std::string TrimSiteFromTitle(std::string_view title_in, std::string_view site) {
  std::string title = Collapse(title_in);
  std::string_view t = title;
  for (std::string_view sep : kTitleSeparators) {
    size_t cut = t.rfind(sep);
    if (cut == std::string_view::npos || cut == 0) continue;
    std::string_view tail = t.substr(cut + sep.size());
    if (!site.empty() ? EqualsIgnoreCase(tail, site)
                      : CountWords(tail) <= 4 && CountWords(t.substr(0, cut)) >= 3) {
      return std::string(t.substr(0, cut));
    }
    size_t head_end = t.find(sep);
    if (!site.empty() && EqualsIgnoreCase(t.substr(0, head_end), site)) {
      return std::string(t.substr(head_end + sep.size()));
    }
  }
  return title;
}

HtmlMetadata ExtractHtmlMetadata(const HtmlDom& dom) {
  PageFacts facts = CollectFacts(dom);
  LinkedData linked = ReadLinkedData(facts.json_ld);
  HtmlMetadata meta;
  meta.site = std::string(facts.Meta("og:site_name"));
  if (meta.site.empty()) meta.site = linked.publisher;
  if (meta.site.empty()) meta.site = std::string(facts.Meta("application-name"));
  meta.title = ChooseTitle(facts, linked, meta.site);
  meta.date = ChooseDate(facts, linked);
  meta.author = ChooseAuthor(facts, linked);
  meta.url = facts.canonical.empty() ? std::string(facts.Meta("og:url")) : facts.canonical;
  meta.linked_body = std::move(linked.body);
  return meta;
}

}  // namespace sitrep

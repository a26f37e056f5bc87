#include "syntax/ner_conllu.h"

#include <algorithm>
#include <charconv>

#include "base/file_reader.h"

namespace sitrep {
namespace {

constexpr size_t kMaxConlluBytes = size_t{1} << 30;

// Splits `line` on tabs into at most `max` fields.
std::vector<std::string_view> SplitTabs(std::string_view line, size_t max) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (out.size() + 1 < max) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) break;
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

std::string_view CommentValue(std::string_view line, std::string_view key) {
  // "# key = value"
  if (line.size() < 2 || line[0] != '#') return {};
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return {};
  rest.remove_prefix(key.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty() || rest.front() != '=') return {};
  rest.remove_prefix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
  return rest;
}

std::string_view EntityField(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    std::string_view item = misc.substr(pos, bar - pos);
    if (item.substr(0, 7) == "Entity=") return item.substr(7);
    pos = bar + 1;
  }
  return {};
}

// Returns the type field of an opening "GRP-etype-..." group text.
Status SplitOpening(std::string_view text, std::string* id, std::string* type) {
  size_t dash = text.find('-');
  if (dash == 0 || dash == std::string_view::npos) {
    return Status::InvalidArgument("entity opening without id and type: " + std::string(text));
  }
  *id = std::string(text.substr(0, dash));
  std::string_view rest = text.substr(dash + 1);
  size_t dash2 = rest.find('-');
  *type = std::string(rest.substr(0, dash2));
  if (type->empty()) return Status::InvalidArgument("entity without type: " + std::string(text));
  return Status::OK();
}

Status CloseMention(std::string_view id, uint32_t token, std::vector<OpenMention>* open,
                    std::vector<NerSpan>* closed) {
  for (size_t k = open->size(); k-- > 0;) {
    if ((*open)[k].id == id) {
      closed->push_back(NerSpan{(*open)[k].first, token, (*open)[k].type});
      open->erase(open->begin() + static_cast<std::ptrdiff_t>(k));
      return Status::OK();
    }
  }
  return Status::OK();  // opened in an earlier sentence: such mentions are not kept
}

// Index of the mention's syntactic head: the first token whose head lies outside the span.
uint32_t MentionHead(const NerSpan& m, const std::vector<int32_t>& heads) {
  for (uint32_t t = m.first; t <= m.last && t < heads.size(); ++t) {
    int32_t h = heads[t];
    if (h < static_cast<int32_t>(m.first) || h > static_cast<int32_t>(m.last)) return t;
  }
  return m.first;
}

bool CutsNameCore(std::string_view deprel) {
  std::string_view base = deprel.substr(0, deprel.find(':'));
  static constexpr std::string_view kCut[] = {
      "appos", "acl",       "advcl",    "parataxis",  "conj",   "cc",   "list",
      "dep",   "discourse", "vocative", "reparandum", "orphan", "punct"};
  for (std::string_view c : kCut) {
    if (base == c) return true;
  }
  return false;
}

// Whether token t of mention m reaches the mention head without crossing a cutting arc.
bool InNameCore(uint32_t t, uint32_t head, const NerSpan& m, const std::vector<int32_t>& heads,
                const std::vector<std::string>& deprels) {
  for (uint32_t steps = 0; t != head; ++steps) {
    if (steps > m.last - m.first || t >= heads.size()) return false;
    std::string_view rel = t < deprels.size() ? std::string_view(deprels[t]) : std::string_view();
    if (CutsNameCore(rel)) return false;
    int32_t h = heads[t];
    if (h == static_cast<int32_t>(head) && rel.substr(0, 4) == "case") return false;
    if (h < static_cast<int32_t>(m.first) || h > static_cast<int32_t>(m.last)) return false;
    t = static_cast<uint32_t>(h);
  }
  return true;
}

NerSpan NameCore(const NerSpan& m, uint32_t head, const std::vector<int32_t>& heads,
                 const std::vector<std::string>& deprels) {
  NerSpan core{head, head, m.type};
  for (uint32_t t = m.first; t <= m.last; ++t) {
    if (!InNameCore(t, head, m, heads, deprels)) continue;
    core.first = std::min(core.first, t);
    core.last = std::max(core.last, t);
  }
  return core;
}

struct SentenceBuilder {
  NerSentence sentence;
  std::vector<OpenMention> open;
};

Status AddTokenLine(std::string_view line, SentenceBuilder* b, bool* saw_entity) {
  std::vector<std::string_view> cols = SplitTabs(line, 10);
  if (cols.size() < 10) return Status::Corruption("token line has fewer than 10 columns");
  std::string_view id = cols[0];
  if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
    return Status::OK();  // multiword token or empty node
  }
  NerSentence& s = b->sentence;
  uint32_t index = static_cast<uint32_t>(s.forms.size());
  s.forms.emplace_back(cols[1]);
  s.upos.emplace_back(cols[3]);
  s.xpos.emplace_back(cols[4]);
  int head = 0;
  auto [ptr, ec] = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), head);
  s.heads.push_back(ec == std::errc() && head > 0 ? head - 1 : -1);
  s.deprels.emplace_back(cols[7]);
  std::string_view entity = EntityField(cols[9]);
  if (entity.empty()) return Status::OK();
  *saw_entity = true;
  return ParseEntityMisc(entity, index, &b->open, &s.mentions);
}

void FinishSentence(SentenceBuilder* b, std::vector<NerSentence>* out) {
  std::string doc_id = b->sentence.doc_id;
  NerSentence& s = b->sentence;
  if (!s.forms.empty()) {
    // Sort mentions by opening position, longest first, for a stable reading order.
    std::stable_sort(s.mentions.begin(), s.mentions.end(), [](const NerSpan& a, const NerSpan& c) {
      return a.first != c.first ? a.first < c.first : a.last > c.last;
    });
    s.gold = ProjectNamedEntities(s.mentions, s.upos, s.heads, s.deprels);
    out->push_back(std::move(s));
  }
  b->sentence = NerSentence();
  b->sentence.doc_id = std::move(doc_id);
  b->open.clear();
}

}  // namespace

Status ParseEntityMisc(std::string_view value, uint32_t token, std::vector<OpenMention>* open,
                       std::vector<NerSpan>* closed) {
  size_t i = 0;
  while (i < value.size()) {
    if (value[i] == '(') {
      size_t end = value.find_first_of("()", i + 1);
      if (end == std::string_view::npos) end = value.size();
      OpenMention m;
      m.first = token;
      SITREP_RETURN_IF_ERROR(SplitOpening(value.substr(i + 1, end - i - 1), &m.id, &m.type));
      open->push_back(std::move(m));
      if (end < value.size() && value[end] == ')') {
        OpenMention last = open->back();
        SITREP_RETURN_IF_ERROR(CloseMention(last.id, token, open, closed));
        ++end;
      }
      i = end;
    } else if (value[i] != ')') {
      size_t end = value.find(')', i);
      if (end == std::string_view::npos) {
        return Status::InvalidArgument("unterminated entity group: " + std::string(value));
      }
      SITREP_RETURN_IF_ERROR(CloseMention(value.substr(i, end - i), token, open, closed));
      i = end + 1;
    } else {
      return Status::InvalidArgument("stray ')' in entity value: " + std::string(value));
    }
  }
  return Status::OK();
}

std::vector<NerSpan> ProjectNamedEntities(const std::vector<NerSpan>& mentions,
                                          const std::vector<std::string>& upos,
                                          const std::vector<int32_t>& heads,
                                          const std::vector<std::string>& deprels) {
  std::vector<NerSpan> named;
  for (const NerSpan& m : mentions) {
    if (m.last < m.first || m.last >= upos.size()) continue;
    uint32_t head = MentionHead(m, heads);
    if (upos[head] == "PROPN") named.push_back(NameCore(m, head, heads, deprels));
  }
  // Outermost first: by start, then longest.
  std::stable_sort(named.begin(), named.end(), [](const NerSpan& a, const NerSpan& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  });
  std::vector<NerSpan> flat;
  for (NerSpan& m : named) {
    if (!flat.empty() && m.first <= flat.back().last) continue;  // nested or crossing
    flat.push_back(std::move(m));
  }
  return flat;
}

Result<std::vector<NerSentence>> ParseNerSentences(std::string_view text, std::string_view origin) {
  std::vector<NerSentence> out;
  SentenceBuilder builder;
  bool saw_entity = false;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      FinishSentence(&builder, &out);
    } else if (line[0] == '#') {
      std::string_view doc = CommentValue(line, "newdoc id");
      if (!doc.empty()) builder.sentence.doc_id = std::string(doc);
      std::string_view sid = CommentValue(line, "sent_id");
      if (!sid.empty()) builder.sentence.sent_id = std::string(sid);
    } else {
      Status st = AddTokenLine(line, &builder, &saw_entity);
      if (!st.ok()) {
        return Status::Corruption(std::string(origin) + ":" + std::to_string(line_number) + ": " +
                                  st.message());
      }
    }
  }
  FinishSentence(&builder, &out);
  for (NerSentence& s : out) s.has_entity_annotation = saw_entity;
  return out;
}

Result<std::vector<NerSentence>> ReadNerSentences(const std::string& conllu_path) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<ByteReader> reader, ByteReader::Open(conllu_path));
  std::string text;
  SITREP_RETURN_IF_ERROR(reader->ReadAll(kMaxConlluBytes, &text));
  return ParseNerSentences(text, conllu_path);
}

std::vector<std::string> EncodeBilou(const std::vector<NerSpan>& spans, size_t n) {
  std::vector<std::string> tags(n, "O");
  size_t next_free = 0;
  for (const NerSpan& s : spans) {
    if (s.first < next_free || s.last < s.first || s.last >= n) continue;
    if (s.first == s.last) {
      tags[s.first] = "U-" + s.type;
    } else {
      tags[s.first] = "B-" + s.type;
      for (uint32_t t = s.first + 1; t < s.last; ++t) tags[t] = "I-" + s.type;
      tags[s.last] = "L-" + s.type;
    }
    next_free = s.last + 1;
  }
  return tags;
}

std::vector<NerSpan> DecodeBilou(const std::vector<std::string>& tags) {
  std::vector<NerSpan> spans;
  bool open = false;
  NerSpan current;
  auto close = [&](uint32_t last) {
    current.last = last;
    spans.push_back(current);
    open = false;
  };
  for (uint32_t t = 0; t < tags.size(); ++t) {
    const std::string& tag = tags[t];
    char kind = tag.size() >= 2 && tag[1] == '-' ? tag[0] : 'O';
    std::string type = kind == 'O' ? std::string() : tag.substr(2);
    if (open && (kind == 'O' || kind == 'B' || kind == 'U' || type != current.type)) {
      close(t - 1);
    }
    if (kind == 'O') continue;
    if (!open) {
      current = NerSpan{t, t, type};
      open = true;
    }
    if (kind == 'U' || kind == 'L') close(t);
  }
  if (open) close(static_cast<uint32_t>(tags.size()) - 1);
  return spans;
}

}  // namespace sitrep

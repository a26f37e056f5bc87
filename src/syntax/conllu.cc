#include "syntax/conllu.h"

#include <charconv>

#include "base/file_reader.h"

namespace sitrep {

namespace {

// Splits `line` at tabs into exactly 10 fields; false otherwise.
bool SplitFields(std::string_view line, std::string_view fields[10]) {
  size_t n = 0;
  size_t start = 0;
  while (n < 10) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields[n++] = line.substr(start);
      break;
    }
    fields[n++] = line.substr(start, tab - start);
    start = tab + 1;
    if (n == 10) return false;  // more than 10 fields
  }
  return n == 10;
}

bool ParseInt(std::string_view s, int32_t* value) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Status LineError(std::string_view origin, size_t line_no, std::string_view what) {
  return Status::Corruption(std::string(origin) + ":" + std::to_string(line_no) + ": " +
                            std::string(what));
}

// Parses one non-comment line into *sentence. Returns an error message or "".
std::string ParseTokenLine(std::string_view line, ConllSentence* sentence) {
  std::string_view f[10];
  if (!SplitFields(line, f)) return "expected 10 tab-separated fields";
  std::string_view id = f[0];
  if (id.find('.') != std::string_view::npos) return "";  // empty node: dropped
  size_t dash = id.find('-');
  if (dash != std::string_view::npos) {
    int32_t first = 0, last = 0;
    if (!ParseInt(id.substr(0, dash), &first) || !ParseInt(id.substr(dash + 1), &last) ||
        first < 1 || last < first) {
      return "bad multiword token range";
    }
    sentence->multiwords.push_back(
        {static_cast<uint32_t>(first - 1), static_cast<uint32_t>(last - 1), std::string(line)});
    return "";
  }
  int32_t index = 0;
  if (!ParseInt(id, &index) || index != static_cast<int32_t>(sentence->words.size()) + 1) {
    return "word ID out of sequence";
  }
  ConllWord w;
  w.form = f[1];
  w.lemma = f[2];
  w.upos = f[3];
  w.xpos = f[4];
  w.feats = f[5];
  if (f[6] != "_") {
    int32_t head = 0;
    if (!ParseInt(f[6], &head) || head < 0) return "bad HEAD";
    w.head = head - 1;
  }
  w.deprel = f[7];
  w.deps = f[8];
  w.misc = f[9];
  sentence->words.push_back(std::move(w));
  return "";
}

Status CheckHeads(const ConllSentence& s, std::string_view origin, size_t line_no) {
  for (const ConllWord& w : s.words) {
    if (w.head >= static_cast<int32_t>(s.words.size())) {
      return LineError(origin, line_no, "HEAD points past the end of the sentence");
    }
  }
  return Status::OK();
}

}  // namespace

std::string_view ConllSentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    std::string_view v(c);
    if (v.size() < 2 || v[0] != '#') continue;
    v.remove_prefix(1);
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    if (v.substr(0, key.size()) != key) continue;
    v.remove_prefix(key.size());
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    if (v.empty() || v[0] != '=') continue;
    v.remove_prefix(1);
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    return v;
  }
  return {};
}

void ConllSentence::SetComment(std::string_view key, std::string_view value) {
  std::string line = "# " + std::string(key) + " = " + std::string(value);
  for (std::string& c : comments) {
    std::string_view v(c);
    std::string prefix = "# " + std::string(key) + " ";
    if (v.substr(0, prefix.size()) == prefix && v.find('=') != std::string_view::npos) {
      c = line;
      return;
    }
  }
  comments.push_back(std::move(line));
}

Result<std::vector<ConllSentence>> ParseConllU(std::string_view text, std::string_view origin) {
  std::vector<ConllSentence> out;
  ConllSentence current;
  bool open = false;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (open) {
        SITREP_RETURN_IF_ERROR(CheckHeads(current, origin, line_no));
        if (!current.words.empty()) out.push_back(std::move(current));
        current = ConllSentence();
        open = false;
      }
      if (nl == text.size()) break;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      current.comments.emplace_back(line);
      continue;
    }
    std::string err = ParseTokenLine(line, &current);
    if (!err.empty()) return LineError(origin, line_no, err);
  }
  if (open && !current.words.empty()) {
    SITREP_RETURN_IF_ERROR(CheckHeads(current, origin, line_no));
    out.push_back(std::move(current));
  }
  return out;
}

Result<std::vector<ConllSentence>> ReadConllU(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto reader, ByteReader::Open(path));
  std::string text;
  SITREP_RETURN_IF_ERROR(reader->ReadAll(size_t{1} << 32, &text));
  return ParseConllU(text, path);
}

void WriteConllSentence(const ConllSentence& s, std::string* out) {
  for (const std::string& c : s.comments) out->append(c).push_back('\n');
  size_t next_mwt = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    while (next_mwt < s.multiwords.size() && s.multiwords[next_mwt].first <= i) {
      if (s.multiwords[next_mwt].first == i) out->append(s.multiwords[next_mwt].line).push_back('\n');
      ++next_mwt;
    }
    const ConllWord& w = s.words[i];
    out->append(std::to_string(i + 1)).push_back('\t');
    out->append(w.form).push_back('\t');
    out->append(w.lemma.empty() ? "_" : w.lemma).push_back('\t');
    out->append(w.upos.empty() ? "_" : w.upos).push_back('\t');
    out->append(w.xpos.empty() ? "_" : w.xpos).push_back('\t');
    out->append(w.feats.empty() ? "_" : w.feats).push_back('\t');
    out->append(w.head == kConllNoHead ? "_" : std::to_string(w.head + 1)).push_back('\t');
    out->append(w.deprel.empty() ? "_" : w.deprel).push_back('\t');
    out->append(w.deps.empty() ? "_" : w.deps).push_back('\t');
    out->append(w.misc.empty() ? "_" : w.misc).push_back('\n');
  }
  out->push_back('\n');
}

std::string_view MiscValue(std::string_view misc, std::string_view key) {
  if (misc == "_") return {};
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    std::string_view item = misc.substr(pos, bar - pos);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=') {
      return item.substr(key.size() + 1);
    }
    pos = bar + 1;
  }
  return {};
}

std::string SetMiscValue(std::string_view misc, std::string_view key, std::string_view value) {
  std::string out;
  bool replaced = false;
  if (misc != "_" && !misc.empty()) {
    size_t pos = 0;
    while (pos <= misc.size()) {
      size_t bar = misc.find('|', pos);
      if (bar == std::string_view::npos) bar = misc.size();
      std::string_view item = misc.substr(pos, bar - pos);
      pos = bar + 1;
      bool same = item.size() > key.size() && item.substr(0, key.size()) == key &&
                  item[key.size()] == '=';
      if (same) {
        if (value.empty() || replaced) continue;
        replaced = true;
        item = {};
        if (!out.empty()) out.push_back('|');
        out.append(key).push_back('=');
        out.append(value);
        continue;
      }
      if (item.empty()) continue;
      if (!out.empty()) out.push_back('|');
      out.append(item);
    }
  }
  if (!replaced && !value.empty()) {
    if (!out.empty()) out.push_back('|');
    out.append(key).push_back('=');
    out.append(value);
  }
  return out.empty() ? "_" : out;
}

}  // namespace sitrep

#include "events/cameo_table.h"

#include <charconv>

#include "base/file_reader.h"

namespace sitrep {

std::vector<std::string_view> SplitString(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string_view TrimWhitespace(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

int CameoTable::QuadClassOfRoot(std::string_view root) {
  int r = 0;
  auto [p, ec] = std::from_chars(root.data(), root.data() + root.size(), r);
  if (ec != std::errc() || root.size() != 2) return 0;
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 9) return 2;
  if (r >= 10 && r <= 14) return 3;
  if (r >= 15 && r <= 20) return 4;
  return 0;
}

namespace {

bool ParseDouble(std::string_view s, double* out) {
  std::string tmp(TrimWhitespace(s));
  if (tmp.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size();
}

}  // namespace

Result<std::unique_ptr<CameoTable>> CameoTable::Load(const std::string& path) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::string contents;
  SITREP_RETURN_IF_ERROR((*reader)->ReadAll(16u << 20, &contents));
  return Parse(contents, path);
}

Result<std::unique_ptr<CameoTable>> CameoTable::Parse(std::string_view contents,
                                                      const std::string& origin) {
  auto table = std::make_unique<CameoTable>();
  int line_no = 0;
  bool header_seen = false;
  for (std::string_view line : SplitString(contents, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string where = origin + ":" + std::to_string(line_no);
    if (TrimWhitespace(line).empty()) continue;
    if (line[0] == '#') {
      std::string_view t = TrimWhitespace(line.substr(1));
      if (t.substr(0, 8) == "version:") table->version_ = std::atoi(std::string(t.substr(8)).c_str());
      continue;
    }
    auto cols = SplitString(line, '\t');
    if (!header_seen) {
      if (cols.size() < 7 || cols[0] != "code") {
        return Status::Corruption(where + ": expected the header line "
                                  "code\\tname\\tgoldstein\\tgoldstein_gdelt\\tquad\\troot\\tplover");
      }
      header_seen = true;
      continue;
    }
    if (cols.size() < 7) return Status::Corruption(where + ": expected 7 tab-separated columns");
    CameoCode c;
    c.code = std::string(TrimWhitespace(cols[0]));
    c.name = std::string(TrimWhitespace(cols[1]));
    if (c.code.size() < 2 || c.code.size() > 4 ||
        c.code.find_first_not_of("0123456789") != std::string::npos) {
      return Status::Corruption(where + ": malformed CAMEO code '" + c.code + "'");
    }
    if (!ParseDouble(cols[2], &c.goldstein) || !ParseDouble(cols[3], &c.goldstein_gdelt)) {
      return Status::Corruption(where + ": malformed Goldstein value");
    }
    c.root = c.code.substr(0, 2);
    c.quad_class = QuadClassOfRoot(c.root);
    if (c.quad_class == 0) return Status::Corruption(where + ": root " + c.root + " is not 01-20");
    std::string plover(TrimWhitespace(cols[6]));
    c.plover = plover == "-" ? "" : plover;
    if (table->index_.count(c.code)) return Status::Corruption(where + ": duplicate code " + c.code);
    table->index_[c.code] = table->codes_.size();
    table->codes_.push_back(std::move(c));
  }
  if (table->codes_.empty()) return Status::Corruption(origin + ": no CAMEO codes");
  return table;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

}  // namespace sitrep

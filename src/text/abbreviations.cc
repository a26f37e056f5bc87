#include "text/abbreviations.h"

#include <cstdio>
#include <cstdlib>

#include "base/file_reader.h"

// The data file is embedded with the assembler's .incbin, so that the file under data/ stays
// the one source of truth and the binary needs nothing at run time. (A CMake-generated source
// would do as well; only BuiltinAbbreviationsText() would change.) CMake does not see this
// dependency: after editing the data file, touch this file or rebuild it.
asm(".pushsection .rodata\n"
    ".globl sitrep_abbreviations_begin\n"
    ".hidden sitrep_abbreviations_begin\n"
    "sitrep_abbreviations_begin:\n"
    ".incbin \"" SITREP_SOURCE_DIR "/data/text/abbreviations.txt\"\n"
    ".globl sitrep_abbreviations_end\n"
    ".hidden sitrep_abbreviations_end\n"
    "sitrep_abbreviations_end:\n"
    ".byte 0\n"
    ".popsection\n");

extern "C" const char sitrep_abbreviations_begin[];
extern "C" const char sitrep_abbreviations_end[];

namespace sitrep {

namespace {

enum class Section { kNone, kInner, kFinal, kStarters };

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

Status LineError(std::string_view origin, size_t line, std::string_view what) {
  return Status::Corruption(std::string(origin) + ":" + std::to_string(line) + ": " +
                            std::string(what));
}

Result<Section> ParseSection(std::string_view line, std::string_view origin, size_t number) {
  if (line == "[inner]") return Section::kInner;
  if (line == "[final]") return Section::kFinal;
  if (line == "[starters]") return Section::kStarters;
  return LineError(origin, number, "unknown section " + std::string(line));
}

Status CheckEntry(std::string_view entry, Section section, std::string_view origin,
                  size_t number) {
  if (section == Section::kNone) return LineError(origin, number, "entry before any section");
  if (entry.find_first_of(" \t") != std::string_view::npos) {
    return LineError(origin, number, "entry contains a space: " + std::string(entry));
  }
  if (section != Section::kStarters && entry.back() != '.') {
    return LineError(origin, number, "abbreviation lacks its final period: " + std::string(entry));
  }
  return Status::OK();
}

}  // namespace

std::string_view BuiltinAbbreviationsText() {
  return std::string_view(sitrep_abbreviations_begin,
                          sitrep_abbreviations_end - sitrep_abbreviations_begin);
}

Result<std::unique_ptr<AbbreviationSet>> AbbreviationSet::Parse(std::string_view text,
                                                                std::string_view origin) {
  std::unique_ptr<AbbreviationSet> set(new AbbreviationSet());
  set->storage_.assign(text);
  std::string_view rest = set->storage_;
  Section section = Section::kNone;
  for (size_t number = 1; !rest.empty(); ++number) {
    size_t nl = rest.find('\n');
    std::string_view line = Trim(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      SITREP_ASSIGN_OR_RETURN(section, ParseSection(line, origin, number));
      continue;
    }
    SITREP_RETURN_IF_ERROR(CheckEntry(line, section, origin, number));
    auto& target = section == Section::kInner   ? set->inner_
                   : section == Section::kFinal ? set->final_
                                                : set->starters_;
    bool listed = section == Section::kStarters
                      ? set->starters_.count(line) > 0
                      : set->inner_.count(line) > 0 || set->final_.count(line) > 0;
    if (listed) return LineError(origin, number, "listed twice: " + std::string(line));
    target.insert(line);
    if (section != Section::kStarters && line.size() > set->longest_) set->longest_ = line.size();
  }
  return set;
}

Result<std::unique_ptr<AbbreviationSet>> AbbreviationSet::LoadFile(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<ByteReader> reader, ByteReader::Open(path));
  std::string text;
  SITREP_RETURN_IF_ERROR(reader->ReadAll(16u << 20, &text));
  return Parse(text, path);
}

const AbbreviationSet& AbbreviationSet::Builtin() {
  static const AbbreviationSet* const builtin = [] {
    auto parsed = Parse(BuiltinAbbreviationsText(), "data/text/abbreviations.txt (built in)");
    if (!parsed.ok()) {
      // A broken built-in list is a build defect (the unit test catches it); fall back to
      // an empty list rather than failing every document.
      std::fprintf(stderr, "sitrep: %s\n", parsed.status().ToString().c_str());
      return new AbbreviationSet();
    }
    return std::move(parsed).value().release();
  }();
  return *builtin;
}

AbbreviationClass AbbreviationSet::Classify(std::string_view word) const {
  if (word.size() > longest_) return AbbreviationClass::kNone;
  auto lookup = [this](std::string_view w) {
    if (inner_.count(w)) return AbbreviationClass::kInner;
    if (final_.count(w)) return AbbreviationClass::kFinal;
    return AbbreviationClass::kNone;
  };
  AbbreviationClass c = lookup(word);
  if (c != AbbreviationClass::kNone || word.empty() || word[0] < 'A' || word[0] > 'Z') return c;
  // "Etc." matches the entry "etc.": lower the first letter and look again.
  char lowered[32];
  if (word.size() > sizeof(lowered)) return c;
  word.copy(lowered, word.size());
  lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
  return lookup(std::string_view(lowered, word.size()));
}

bool AbbreviationSet::IsSentenceStarter(std::string_view word) const {
  return starters_.count(word) > 0;
}

}  // namespace sitrep

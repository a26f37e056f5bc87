#include "text/boilerplate.h"

#include <algorithm>
#include <cstring>

#include "text/date_finder.h"

namespace sitrep {

namespace {

// ---------------------------------------------------------------------------------------------
// Splitting into blocks
// ---------------------------------------------------------------------------------------------

struct LineSpan {
  uint32_t start;
  uint32_t end;
  uint32_t size() const { return end - start; }
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitAscii(char c) { return c >= '0' && c <= '9'; }
bool IsAlnumAscii(char c) { return IsLowerAscii(c) || IsUpperAscii(c) || IsDigitAscii(c); }
char LowerAscii(char c) { return IsUpperAscii(c) ? static_cast<char>(c + 32) : c; }

// Trims ASCII blanks and no-break spaces from both ends of [start, end).
LineSpan Trim(std::string_view text, uint32_t start, uint32_t end) {
  while (start < end) {
    if (IsSpaceByte(text[start])) {
      ++start;
    } else if (end - start >= 2 && text[start] == '\xC2' && text[start + 1] == '\xA0') {
      start += 2;
    } else {
      break;
    }
  }
  while (end > start) {
    if (IsSpaceByte(text[end - 1])) {
      --end;
    } else if (end - start >= 2 && text[end - 2] == '\xC2' && text[end - 1] == '\xA0') {
      end -= 2;
    } else {
      break;
    }
  }
  return {start, end};
}

// True when `s` ends a sentence: . ! ? possibly followed by closing quotes or brackets.
bool EndsSentence(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);  // ” ’
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

// Lines of one blank-free stretch are joined into one block when they look like a paragraph
// wrapped at a fixed width, or when a line runs on into a line that starts in lower case.
struct WrapInfo {
  bool wrapped = false;
  uint32_t width = 0;
};

WrapInfo DetectWrapping(std::string_view text, const std::vector<LineSpan>& lines) {
  WrapInfo info;
  if (lines.size() < 3) return info;
  uint32_t widest = 0;
  for (const LineSpan& l : lines) widest = std::max(widest, l.size());
  if (widest > 120 || widest < 40) return info;
  // Wrapped prose breaks mid-sentence, so many of its lines start in lower case; a stack of
  // headlines of similar length does not.
  size_t full = 0, lower_starts = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    full += lines[i].size() * 4 >= widest * 3;
    lower_starts += IsLowerAscii(text[lines[i + 1].start]);
  }
  info.wrapped = full * 10 >= (lines.size() - 1) * 6 && lower_starts * 10 >= (lines.size() - 1) * 3;
  info.width = widest;
  return info;
}

bool RunsOn(std::string_view text, LineSpan a, LineSpan b, const WrapInfo& wrap) {
  std::string_view first = text.substr(a.start, a.size());
  if (wrap.wrapped && a.size() * 4 >= wrap.width * 3) return true;
  if (IsLowerAscii(text[b.start])) return true;
  if (EndsSentence(first)) return false;
  char last = first.back();
  return last == ',' || last == '-';
}

void AddStretch(std::string_view text, const std::vector<LineSpan>& lines,
                std::vector<TextBlock>* blocks) {
  WrapInfo wrap = DetectWrapping(text, lines);
  size_t i = 0;
  while (i < lines.size()) {
    size_t j = i;
    while (j + 1 < lines.size() && RunsOn(text, lines[j], lines[j + 1], wrap)) ++j;
    blocks->push_back({{lines[i].start, lines[j].end}, false, ""});
    i = j + 1;
  }
}

std::vector<TextBlock> SplitBlocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  std::vector<LineSpan> stretch;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    LineSpan line = Trim(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(nl));
    if (line.size() > 0) {
      stretch.push_back(line);
    } else if (!stretch.empty()) {
      AddStretch(text, stretch, &blocks);
      stretch.clear();
    }
    pos = nl + 1;
  }
  if (!stretch.empty()) AddStretch(text, stretch, &blocks);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Features of one block
// ---------------------------------------------------------------------------------------------

struct BlockFeatures {
  std::string_view text;
  uint32_t words = 0;
  uint32_t capitalized = 0;   // words starting with an upper-case letter
  uint32_t lower = 0;         // words starting with a lower-case letter
  uint32_t sentences = 0;     // sentence-final punctuation followed by a space or the end
  uint32_t separators = 0;    // | » › • · > and spaced slashes
  uint32_t handles = 0;       // @name
  uint32_t links = 0;         // http..., www....
  uint32_t digit_words = 0;
  bool multiline = false;
  bool ends_sentence = false;
  bool reported_speech = false;  // said / told / says / quotes: a sign of article prose
};

bool IsSeparatorWord(std::string_view w) {
  return w == "|" || w == ">" || w == "/" || w == "\xC2\xBB" || w == "\xE2\x80\xBA" ||
         w == "\xE2\x80\xA2" || w == "\xC2\xB7" || w == "::" || w == "-" || w == "\xE2\x80\x94";
}

size_t CountInner(std::string_view w, std::string_view needle) {
  size_t n = 0;
  for (size_t p = w.find(needle); p != std::string_view::npos; p = w.find(needle, p + 1)) ++n;
  return n;
}

bool IsSpeechVerb(std::string_view w) {
  while (!w.empty() && !IsAlnumAscii(w.back())) w.remove_suffix(1);
  return w == "said" || w == "says" || w == "told" || w == "added" || w == "stated" ||
         w == "according";
}

// `high` says whether the word has non-ASCII bytes (» › “ are looked for only then).
void AddWord(std::string_view w, bool high, BlockFeatures* f) {
  char c0 = w[0];
  if (w.size() <= 3 && !IsAlnumAscii(c0) && IsSeparatorWord(w)) {
    // A dash is a separator in menus but also punctuation in prose, so it is not counted.
    if (w != "-" && w != "\xE2\x80\x94") ++f->separators;
    return;
  }
  if (high) {
    f->separators += CountInner(w, "\xC2\xBB") + CountInner(w, "\xE2\x80\xBA");
    if (w.find("\xE2\x80\x9C") != std::string_view::npos) f->reported_speech = true;
  }
  ++f->words;
  if (IsLowerAscii(c0)) {
    ++f->lower;
    if ((c0 == 'h' || c0 == 'w') && (w.substr(0, 4) == "http" || w.substr(0, 4) == "www.")) {
      ++f->links;
    }
    if ((c0 == 's' || c0 == 't' || c0 == 'a') && w.size() >= 4 && w.size() <= 10 &&
        IsSpeechVerb(w)) {
      f->reported_speech = true;
    }
  } else if (IsUpperAscii(c0)) {
    ++f->capitalized;
  } else if (IsDigitAscii(c0)) {
    ++f->digit_words;
  } else {
    if (c0 == '@' && w.size() > 1) ++f->handles;
    if (c0 == '"') f->reported_speech = true;
    size_t k = 1;
    while (k < w.size() && !IsAlnumAscii(w[k]) && static_cast<unsigned char>(w[k]) < 0x80) ++k;
    if (k < w.size()) {
      if (IsUpperAscii(w[k])) ++f->capitalized;
      else if (IsLowerAscii(w[k])) ++f->lower;
      else if (IsDigitAscii(w[k])) ++f->digit_words;
    }
  }
  if (w.back() == '"') f->reported_speech = true;
  char last = w.back();
  if ((last == '.' || last == '!' || last == '?' || last == '"' || last == ')' ||
       static_cast<unsigned char>(last) >= 0x80) &&
      w.size() > 2 && EndsSentence(w)) {
    ++f->sentences;
  }
}

// Byte classes for the word scanner: 1 = blank, 2 = non-ASCII.
struct ByteClasses {
  uint8_t cls[256] = {};
  constexpr ByteClasses() {
    cls[static_cast<unsigned char>(' ')] = cls[static_cast<unsigned char>('\t')] = 1;
    cls[static_cast<unsigned char>('\n')] = cls[static_cast<unsigned char>('\r')] = 1;
    for (int c = 0x80; c < 256; ++c) cls[c] = 2;
  }
};
constexpr ByteClasses kByteClasses;

// A long block that ends a sentence is article prose to every rule that judges blocks of its
// size, so it is summarised without the word scan (most of the classifier's cost).
BlockFeatures SummariseProse(std::string_view block) {
  BlockFeatures f;
  f.text = block;
  f.multiline = block.find('\n') != std::string_view::npos;
  f.ends_sentence = true;
  f.words = static_cast<uint32_t>(std::count(block.begin(), block.end(), ' ')) + 1;
  f.lower = f.words;
  f.sentences = 2;
  f.reported_speech = true;
  return f;
}

// `late`: the block is in the last third, where bios are looked for (they need the words).
BlockFeatures ComputeFeatures(std::string_view block, bool late) {
  size_t full_scan_limit = late ? 600 : 350;
  if (block.size() > full_scan_limit && EndsSentence(block)) return SummariseProse(block);
  BlockFeatures f;
  f.text = block;
  f.multiline = block.find('\n') != std::string_view::npos;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(block.data());
  size_t i = 0, n = block.size();
  while (i < n) {
    if (kByteClasses.cls[p[i]] == 1) {
      ++i;
      continue;
    }
    size_t start = i;
    uint8_t seen = 0;
    while (i < n && kByteClasses.cls[p[i]] != 1) seen |= kByteClasses.cls[p[i++]];
    AddWord(block.substr(start, i - start), seen != 0, &f);
  }
  f.ends_sentence = EndsSentence(block);
  return f;
}

// Prose that reads like article text: several sentences, or reported speech.
bool LooksLikeProse(const BlockFeatures& f) {
  return (f.sentences >= 2 && f.words >= 20) || (f.reported_speech && f.words >= 12);
}

std::string_view StripLead(std::string_view s);

// A short line that could be a headline: no sentence-final full stop, not too long.
bool LooksLikeHeadline(const BlockFeatures& f) {
  if (f.multiline || f.words == 0 || f.words > 25 || f.text.size() > 220) return false;
  char last = f.text.back();
  if (last == '.' || last == '!' || last == ';' || last == ',' || last == ':') return false;
  if (last == '?' && f.words > 15) return false;
  std::string_view lead = StripLead(f.text);
  return !lead.empty() && !IsLowerAscii(lead[0]);
}

// ---------------------------------------------------------------------------------------------
// Cue phrases at the start of a block
// ---------------------------------------------------------------------------------------------

enum class After : uint8_t {
  kWordEnd,  // the cue is followed by a non-letter (or ends the block)
  kPunct,    // the cue is followed (after spaces) by punctuation or ends the block
};

struct Cue {
  std::string_view phrase;  // lower case
  const char* reason;
  After after;
  uint16_t max_bytes;  // longer blocks are not judged by this cue
};

constexpr const char* kNav = "navigation";
constexpr const char* kTeaser = "teaser";
constexpr const char* kCaption = "caption";
constexpr const char* kBio = "bio";
constexpr const char* kAppeal = "appeal";
constexpr const char* kSource = "source-line";
constexpr const char* kShare = "share";
constexpr const char* kCookie = "cookie";
constexpr const char* kCopyright = "copyright";
constexpr const char* kComments = "comments";
constexpr const char* kByline = "byline";
constexpr const char* kDate = "date";

constexpr After W = After::kWordEnd;
constexpr After P = After::kPunct;

constexpr Cue kCues[] = {
    // navigation and forum furniture
    {"welcome to", kNav, W, 300}, {"skip to", kNav, W, 120}, {"jump to", kNav, W, 120},
    {"log in", kNav, W, 120}, {"login", kNav, W, 120}, {"sign in", kNav, W, 120},
    {"register", kNav, P, 120}, {"you are here", kNav, W, 300}, {"latest discussions", kNav, W, 400},
    {"main menu", kNav, W, 300}, {"toggle navigation", kNav, W, 300}, {"back to top", kNav, W, 120},
    {"menu", kNav, P, 300}, {"search", kNav, P, 120}, {"home", kNav, P, 300},
    {"forum index", kNav, W, 300}, {"next article", kNav, W, 300}, {"previous article", kNav, W, 300},
    {"next post", kNav, W, 300}, {"previous post", kNav, W, 300}, {"breaking news", kNav, P, 60},
    // teasers for other articles
    {"also read", kTeaser, W, 400}, {"read also", kTeaser, W, 400}, {"read more", kTeaser, W, 400},
    {"more:", kTeaser, W, 400}, {"recommended", kTeaser, P, 400}, {"recommended for you", kTeaser, W, 400}, {"related", kTeaser, P, 400},
    {"related articles", kTeaser, W, 400}, {"related stories", kTeaser, W, 400},
    {"related coverage", kTeaser, W, 400}, {"related news", kTeaser, W, 400},
    {"related posts", kTeaser, W, 400}, {"related content", kTeaser, W, 400},
    {"see also", kTeaser, W, 400}, {"more from", kTeaser, W, 300}, {"more on this", kTeaser, W, 300},
    {"more stories", kTeaser, W, 300}, {"more news", kTeaser, P, 300},
    {"you may also like", kTeaser, W, 400}, {"you might also like", kTeaser, W, 400},
    {"you may be interested", kTeaser, W, 400}, {"most read", kTeaser, W, 300},
    {"most popular", kTeaser, W, 300}, {"most viewed", kTeaser, W, 300}, {"trending", kTeaser, P, 300},
    {"don't miss", kTeaser, W, 300}, {"don\xE2\x80\x99t miss", kTeaser, W, 300},
    {"editor's picks", kTeaser, W, 300}, {"top stories", kTeaser, P, 300}, {"watch", kTeaser, P, 300},
    {"video", kTeaser, P, 300}, {"listen", kTeaser, P, 300}, {"in pictures", kTeaser, P, 300},
    {"read next", kTeaser, W, 300}, {"up next", kTeaser, P, 300}, {"latest news", kTeaser, P, 300},
    {"continue reading", kTeaser, W, 300}, {"read the full", kTeaser, W, 300},
    {"click here", kTeaser, W, 300}, {"tap here", kTeaser, W, 300},
    // photo captions and credits
    {"photo", kCaption, P, 400}, {"photos", kCaption, P, 400}, {"photo by", kCaption, W, 400},
    {"photo credit", kCaption, W, 400}, {"photograph", kCaption, P, 400},
    {"photograph by", kCaption, W, 400}, {"image", kCaption, P, 400}, {"images", kCaption, P, 400},
    {"image copyright", kCaption, W, 400}, {"image caption", kCaption, W, 400},
    {"image source", kCaption, W, 400}, {"image by", kCaption, W, 400}, {"picture", kCaption, P, 400},
    {"pictured", kCaption, P, 400}, {"file photo", kCaption, W, 400}, {"featured image", kCaption, W, 400},
    {"caption", kCaption, P, 400}, {"media caption", kCaption, W, 400},
    {"video caption", kCaption, W, 400}, {"credit", kCaption, P, 300}, {"credits", kCaption, P, 300},
    {"getty images", kCaption, W, 300}, {"ap photo", kCaption, W, 400}, {"afp photo", kCaption, W, 400},
    {"screenshot", kCaption, P, 300}, {"screengrab", kCaption, P, 300}, {"illustration", kCaption, P, 300},
    // author bios
    {"about the author", kBio, W, 800}, {"about the writer", kBio, W, 800},
    {"follow him", kBio, W, 300}, {"follow her", kBio, W, 300}, {"follow them", kBio, W, 300},
    {"follow me", kBio, W, 300}, {"you can follow", kBio, W, 300}, {"the author is", kBio, W, 600},
    {"the writer is", kBio, W, 600}, {"the views expressed", kBio, W, 600},
    {"views expressed", kBio, W, 600}, {"the opinions expressed", kBio, W, 600},
    {"opinions expressed", kBio, W, 600}, {"this article was written by", kBio, W, 600},
    {"author bio", kBio, W, 800},
    // subscription and donation appeals
    {"subscribe", kAppeal, W, 500}, {"sign up", kAppeal, W, 500}, {"please support", kAppeal, W, 800},
    {"please consider", kAppeal, W, 800}, {"please donate", kAppeal, W, 800},
    {"support our", kAppeal, W, 800}, {"support us", kAppeal, W, 800},
    {"support independent", kAppeal, W, 800}, {"donate", kAppeal, W, 500},
    {"become a patron", kAppeal, W, 500}, {"become a member", kAppeal, W, 500},
    {"become a supporter", kAppeal, W, 500}, {"if you value", kAppeal, W, 800},
    {"if you enjoyed", kAppeal, W, 800}, {"if you like", kAppeal, W, 500},
    {"if you liked", kAppeal, W, 500}, {"we need your", kAppeal, W, 800}, {"join our", kAppeal, W, 500},
    {"get our newsletter", kAppeal, W, 500}, {"newsletter", kAppeal, P, 500},
    {"like us on", kAppeal, W, 300}, {"follow us", kAppeal, W, 300}, {"download our app", kAppeal, W, 300},
    {"get the app", kAppeal, W, 300}, {"advertisement", kAppeal, P, 200}, {"sponsored", kAppeal, P, 200},
    {"help keep", kAppeal, W, 500}, {"a message from", kAppeal, W, 300},
    // where the text came from
    {"original source", kSource, W, 400}, {"source", kSource, P, 400}, {"sources", kSource, P, 400},
    {"this article originally appeared", kSource, W, 400},
    {"this article first appeared", kSource, W, 400},
    {"this article was originally", kSource, W, 400}, {"this article was first", kSource, W, 400},
    {"this story originally appeared", kSource, W, 400},
    {"this story was originally", kSource, W, 400}, {"this story first appeared", kSource, W, 400},
    {"originally published", kSource, W, 400}, {"first published", kSource, W, 400},
    {"republished", kSource, W, 400}, {"reprinted", kSource, W, 400}, {"via", kSource, P, 300},
    {"h/t", kSource, W, 300}, {"hat tip", kSource, W, 300}, {"filed under", kSource, W, 400},
    {"posted in", kSource, W, 400}, {"tags", kSource, P, 400}, {"tagged", kSource, P, 400},
    {"categories", kSource, P, 400}, {"category", kSource, P, 400}, {"topics", kSource, P, 400},
    {"reporting by", kSource, W, 400}, {"additional reporting", kSource, W, 400},
    {"editing by", kSource, W, 400}, {"writing by", kSource, W, 400}, {"compiled by", kSource, W, 400},
    {"read the original", kSource, W, 300}, {"link to original", kSource, W, 300},
    {"permalink", kSource, P, 300}, {"short url", kSource, W, 300},
    // share bars
    {"share this", kShare, W, 200}, {"share on", kShare, W, 200}, {"share", kShare, P, 200},
    {"share article", kShare, W, 200}, {"share story", kShare, W, 200}, {"share via", kShare, W, 200},
    {"tweet", kShare, P, 200}, {"email", kShare, P, 200}, {"print", kShare, P, 200},
    // cookie and legal notices
    {"we use cookies", kCookie, W, 800}, {"this site uses cookies", kCookie, W, 800},
    {"this website uses cookies", kCookie, W, 800}, {"by continuing to", kCookie, W, 800},
    {"by using this", kCookie, W, 800}, {"cookie policy", kCookie, W, 800},
    {"privacy policy", kCookie, W, 800}, {"terms of use", kCookie, W, 800},
    {"terms of service", kCookie, W, 800}, {"terms and conditions", kCookie, W, 800},
    {"we value your privacy", kCookie, W, 800},
    // copyright
    {"\xC2\xA9", kCopyright, W, 400}, {"(c) ", kCopyright, W, 400},
    // comments and forum replies
    {"comments", kComments, P, 200}, {"comment", kComments, P, 200},
    {"leave a comment", kComments, W, 200}, {"leave a reply", kComments, W, 200},
    {"add a comment", kComments, W, 200}, {"add comment", kComments, W, 200},
    {"post a comment", kComments, W, 200}, {"view comments", kComments, W, 200},
    {"show comments", kComments, W, 200}, {"join the discussion", kComments, W, 200},
    {"join the conversation", kComments, W, 200}, {"reply", kComments, P, 200},
    {"report abuse", kComments, W, 200},
    {"report this", kComments, W, 200}, {"quote", kComments, P, 100}, {"load more", kComments, W, 200},
    {"show more", kComments, W, 200},
    // bylines of posts
    {"posted by", kByline, W, 300}, {"written by", kByline, W, 200}, {"posted on", kByline, W, 200},
    {"published on", kDate, W, 200}, {"published:", kDate, W, 200}, {"updated:", kDate, W, 200},
    {"last updated", kDate, W, 200}, {"updated on", kDate, W, 200},
};

// The block with leading bullets, brackets, quotes and dashes removed: "[Featured Image by" and
// "* Read more:" start with their cue.
std::string_view StripLead(std::string_view s) {
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c == '[' || c == '(' || c == '*' || c == '-' || c == '>' || c == '#' || c == ' ' ||
        c == '_' || c == '=' || c == '~') {
      if (s.substr(0, 3) == "(c)" || s.substr(0, 3) == "(C)") return s;
      s.remove_prefix(1);
    } else if (s.size() >= 2 && (s.substr(0, 2) == "\xC2\xBB" || s.substr(0, 2) == "\xC2\xB7")) {
      s.remove_prefix(2);
    } else if (s.size() >= 3 && (s.substr(0, 3) == "\xE2\x80\xA2" || s.substr(0, 3) == "\xE2\x80\x94" ||
                                 s.substr(0, 3) == "\xE2\x96\xBA")) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  return s;
}

bool StartsWithLower(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (LowerAscii(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

bool CueFits(std::string_view lead, const Cue& cue) {
  if (!StartsWithLower(lead, cue.phrase)) return false;
  std::string_view rest = lead.substr(cue.phrase.size());
  if (rest.empty()) return true;
  char last = cue.phrase.back();
  if (!IsAlnumAscii(last)) return true;  // the cue carries its own boundary ("more:", "(c) ")
  if (IsAlnumAscii(rest[0])) return false;
  if (cue.after == After::kWordEnd) return true;
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
  if (rest.empty()) return true;
  unsigned char c = static_cast<unsigned char>(rest[0]);
  if (c == '\'' || c == '"') return false;  // "Home's ...", a quotation
  if (c == '\n') return true;
  return !IsAlnumAscii(static_cast<char>(c)) && (c < 0x80 || rest.substr(0, 3) != "\xE2\x80\x9C");
}

// The cues grouped by their first byte, built once (immutable afterwards, safe to share).
struct CueIndex {
  std::vector<const Cue*> by_first[256];
  CueIndex() {
    for (const Cue& cue : kCues) by_first[static_cast<unsigned char>(cue.phrase[0])].push_back(&cue);
  }
};

const char* MatchCue(const BlockFeatures& f) {
  static const CueIndex index;
  std::string_view lead = StripLead(f.text);
  if (lead.empty()) return nullptr;
  unsigned char first = static_cast<unsigned char>(LowerAscii(lead[0]));
  for (const Cue* cue : index.by_first[first]) {
    if (f.text.size() > cue->max_bytes || !CueFits(lead, *cue)) continue;
    // "Published on Monday, the report ..." is prose; a date line carries digits.
    if (cue->reason == kDate && f.digit_words == 0) continue;
    return cue->reason;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Rules on the whole block
// ---------------------------------------------------------------------------------------------

// Case-insensitive search for a lower-case needle; memchr finds the candidates of either case.
bool ContainsLower(std::string_view haystack, std::string_view lower_needle) {
  if (haystack.size() < lower_needle.size()) return false;
  char lo = lower_needle[0];
  char up = IsLowerAscii(lo) ? static_cast<char>(lo - 32) : lo;
  const char* data = haystack.data();
  size_t limit = haystack.size() - lower_needle.size() + 1;  // candidate starts are < limit
  size_t pos = 0;
  while (pos < limit) {
    const void* a = std::memchr(data + pos, lo, limit - pos);
    const void* b = up == lo ? nullptr : std::memchr(data + pos, up, limit - pos);
    if (a == nullptr && b == nullptr) return false;
    const char* hit = static_cast<const char*>(a == nullptr ? b : (b == nullptr || a < b) ? a : b);
    size_t at = static_cast<size_t>(hit - data);
    if (StartsWithLower(haystack.substr(at), lower_needle)) return true;
    pos = at + 1;
  }
  return false;
}

// "Home | News | Sport", "Latest Discussions»Issue Forums»Editorials".
bool IsSeparatedMenu(const BlockFeatures& f, uint32_t min_separators) {
  if (f.separators < min_separators || f.text.size() > 500 || f.ends_sentence) return false;
  return f.words <= (f.separators + 1) * 5;
}

bool IsSocial(const BlockFeatures& f) {
  uint32_t marks = f.handles + f.links;
  return marks > 0 && f.words <= 40 && marks * 4 >= f.words;
}

bool IsCapitalizedWordList(std::string_view s, int max_words) {
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    if (!IsUpperAscii(s[i])) return false;
    while (i < s.size() && s[i] != ' ') ++i;
    if (++words > max_words) return false;
  }
  return words > 0;
}

// "... in Palmyra. REUTERS/Omar Sanadiki", "... / AFP", "(AP Photo/Hassan Ammar)".
bool EndsWithSlashCredit(std::string_view s) {
  while (!s.empty() && (s.back() == ')' || s.back() == ']' || s.back() == ' ')) s.remove_suffix(1);
  if (s.empty() || !IsAlnumAscii(s.back())) return false;
  size_t slash = s.rfind('/');
  if (slash == std::string_view::npos || s.size() - slash > 45) return false;
  std::string_view tail = s.substr(slash + 1);
  while (!tail.empty() && tail[0] == ' ') tail.remove_prefix(1);
  if (!IsCapitalizedWordList(tail, 4)) return false;
  bool spaced = slash > 0 && s[slash - 1] == ' ';
  bool after_caps = slash > 0 && IsUpperAscii(s[slash - 1]);
  return spaced || after_caps;
}

// "... (Photo: Reuters)", "... Photo: AP", "... Getty Images".
bool HasCreditTail(std::string_view s) {
  std::string_view tail = s.substr(s.size() > 60 ? s.size() - 60 : 0);
  static constexpr std::string_view kMarks[] = {"photo:",       "photo by",  "photograph:",
                                                "image:",       "picture:",  "credit:",
                                                "getty images", "image copyright", "photo credit",
                                                "file photo"};
  for (std::string_view m : kMarks) {
    if (ContainsLower(tail, m)) return true;
  }
  return false;
}

bool IsCaption(const BlockFeatures& f) {
  if (f.text.size() > 350 || (f.reported_speech && f.words >= 12)) return false;
  return EndsWithSlashCredit(f.text) || HasCreditTail(f.text);
}

bool IsHonorific(std::string_view w) {
  static constexpr std::string_view kTitles[] = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord",
                                                 "Lady", "President", "Prime", "General", "Gen"};
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (std::string_view t : kTitles) {
    if (w == t) return true;
  }
  return false;
}

// True when a word of `s` starts with `lower_stem` ("editor" in "editors", not "creditors").
bool HasWordStem(std::string_view s, std::string_view lower_stem) {
  for (size_t i = 0; i + lower_stem.size() <= s.size(); ++i) {
    if ((i == 0 || !IsAlnumAscii(s[i - 1])) && StartsWithLower(s.substr(i), lower_stem)) {
      return true;
    }
  }
  return false;
}

// "Jane Roe is a senior fellow at ...", "... is the author of ...".
bool IsBio(const BlockFeatures& f) {
  if (f.text.size() > 600 || f.reported_speech || f.sentences > 3) return false;
  static constexpr std::string_view kStrong[] = {"is the author of", "is a contributing",
                                                 "writes about",     "latest book",
                                                 "is the editor of", "is a regular contributor"};
  for (std::string_view m : kStrong) {
    if (ContainsLower(f.text, m)) return true;
  }
  size_t is = f.text.find(" is ");
  if (is == std::string_view::npos || is > 40) return false;
  std::string_view name = f.text.substr(0, is);
  if (!IsCapitalizedWordList(name, 4) || name.find(' ') == std::string_view::npos ||
      IsHonorific(name.substr(0, name.find(' ')))) {
    return false;
  }
  std::string_view role = f.text.substr(is + 4, 60);
  static constexpr std::string_view kRoles[] = {
      "fellow",      "professor", "journalist", "writer",    "author",   "editor",
      "columnist",   "contributor", "analyst",  "researcher", "reporter", "freelance",
      "lecturer",    "scholar",   "phd",        "blogger",   "commentator", "correspondent",
      "contributing", "senior",   "associate",  "director of"};
  for (std::string_view r : kRoles) {
    if (HasWordStem(role, r)) return true;
  }
  return false;
}

// "By Jane Roe", "By Jane Roe and John Doe, Reuters".
bool IsByline(const BlockFeatures& f) {
  std::string_view s = f.text;
  if (s.size() < 4 || f.words > 10 || f.ends_sentence || f.multiline) return false;
  return StartsWithLower(s, "by ") && IsUpperAscii(s[3]);
}

// A line that is only a date (and perhaps a time): "Friday, June 21, 2024".
bool IsDateLine(const BlockFeatures& f) {
  if (f.text.size() > 80 || f.words > 12 || f.digit_words == 0 || f.lower > 3 || f.multiline) {
    return false;
  }
  if (f.text.back() == '.' && f.words > 4) return false;
  return !NormalizeDate(f.text).empty();
}

// Words of share bars and page controls.
bool IsUiWord(std::string_view w) {
  static constexpr std::string_view kUi[] = {
      "share",    "tweet",   "email",   "e-mail",  "print", "facebook", "twitter", "whatsapp",
      "linkedin", "reddit",  "pinterest", "telegram", "copy", "link",   "save",    "comments",
      "comment",  "reply",   "like",    "follow",  "subscribe", "menu", "search", "home",
      "login",    "log",     "in",      "sign",    "register", "up",    "out",     "close",
      "more",     "next",    "previous", "prev",   "back",  "top",      "to",      "x",
      "messenger", "flipboard", "mail",  "sms",    "url",   "embed",    "gab",     "vk"};
  std::string lower;
  for (char c : w) {
    if (IsAlnumAscii(c) || c == '-') lower.push_back(LowerAscii(c));
  }
  if (lower.empty()) return true;
  for (std::string_view u : kUi) {
    if (lower == u) return true;
  }
  return false;
}

bool IsUiBar(const BlockFeatures& f) {
  if (f.words == 0 || f.words > 12 || f.text.size() > 150) return false;
  size_t i = 0;
  std::string_view s = f.text;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '|')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '|') ++i;
    if (i > start && !IsUiWord(s.substr(start, i - start))) return false;
  }
  return true;
}

// One item of a menu written one per line: "World", "Middle East", "Opinion".
bool IsMenuItem(const BlockFeatures& f) {
  if (f.multiline || f.words == 0 || f.words > 3 || f.text.size() > 30 || f.digit_words > 0) {
    return false;
  }
  char last = f.text.back();
  if (last == '.' || last == ',' || last == '?' || last == '!' || last == '"') return false;
  return f.lower == 0;
}

// ---------------------------------------------------------------------------------------------
// The classifier
// ---------------------------------------------------------------------------------------------

// Blocks in the last third (or the last three) of the text: where author bios sit.
bool IsLate(size_t i, size_t n) { return i * 3 >= n * 2 || i + 3 >= n; }

void Mark(TextBlock* block, const char* reason) {
  block->boilerplate = true;
  block->reason = reason;
}

bool IsCopyrightLine(const BlockFeatures& f) {
  if (f.text.size() > 300) return false;
  if (ContainsLower(f.text, "all rights reserved")) return true;
  return StartsWithLower(StripLead(f.text), "copyright") && f.words <= 25 &&
         (f.digit_words > 0 || ContainsLower(f.text, "rights"));
}

// Forum replies: "Response to Original post (Reply #1)".
bool IsForumReplyHeader(const BlockFeatures& f) {
  return f.text.size() <= 200 && !f.ends_sentence && ContainsLower(f.text, "(reply #");
}

// Rules that need no context: cue phrases, separator menus, social handles, credits. Before
// any content, a line with one or two separators may be the headline with its site name
// ("Russia leaves Syria | World | The Daily"), so a menu there needs three.
void ClassifyAlone(std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats) {
  bool seen_content = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockFeatures& f = feats[i];
    if (const char* reason = MatchCue(f)) {
      Mark(&blocks[i], reason);
    } else if (IsSeparatedMenu(f, seen_content ? 2 : 3) && !LooksLikeProse(f)) {
      Mark(&blocks[i], kNav);
    } else if (IsSocial(f)) {
      Mark(&blocks[i], "social");
    } else if (IsCopyrightLine(f)) {
      Mark(&blocks[i], kCopyright);
    } else if (IsForumReplyHeader(f)) {
      Mark(&blocks[i], kComments);
    } else {
      seen_content = true;
    }
  }
}

// The headline: the first block not already marked, when it looks like one. It is kept even
// when the weaker rules below would match it.
size_t FindHeadline(const std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].boilerplate) continue;
    return LooksLikeHeadline(feats[i]) ? i : blocks.size();
  }
  return blocks.size();
}

void ClassifyWeak(std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats,
                  size_t headline) {
  size_t n = blocks.size();
  for (size_t i = 0; i < n; ++i) {
    if (blocks[i].boilerplate || i == headline) continue;
    const BlockFeatures& f = feats[i];
    bool late = IsLate(i, n);
    if (IsDateLine(f)) {
      Mark(&blocks[i], kDate);
    } else if (IsByline(f)) {
      Mark(&blocks[i], kByline);
    } else if (IsCaption(f)) {
      Mark(&blocks[i], kCaption);
    } else if (IsUiBar(f)) {
      Mark(&blocks[i], kShare);
    } else if (late && IsBio(f)) {
      Mark(&blocks[i], kBio);
    }
  }
}

// A block ending with a colon introduces a list that belongs to the article ("The winners
// were:"), so the short lines after it are kept.
bool IntroducesList(const BlockFeatures& f) { return !f.text.empty() && f.text.back() == ':'; }

// Runs of three or more one-per-line menu items.
void MarkMenuRuns(std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats,
                  size_t headline) {
  size_t i = 0;
  while (i < blocks.size()) {
    size_t j = i;
    while (j < blocks.size() && j != headline && IsMenuItem(feats[j])) ++j;
    bool listed = i > 0 && !blocks[i - 1].boilerplate && IntroducesList(feats[i - 1]);
    if (j - i >= 3 && !listed) {
      for (size_t k = i; k < j; ++k) {
        if (!blocks[k].boilerplate) Mark(&blocks[k], kNav);
      }
    }
    i = std::max(j, i + 1);
  }
}

// Headline-like blocks right after a bare teaser header ("Related", "READ MORE:", "Most read")
// are the teasers. A self-contained teaser ("Also read: Headline") heads no list.
void MarkTeaserLists(std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats) {
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    if (!blocks[i].boilerplate || blocks[i].reason != kTeaser || feats[i].words > 4) continue;
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      if (blocks[j].boilerplate) continue;
      if (!LooksLikeHeadline(feats[j]) || LooksLikeProse(feats[j])) break;
      Mark(&blocks[j], kTeaser);
    }
  }
}

// A block that carries the article: a sentence of some length.
bool IsBodyBlock(const TextBlock& b, const BlockFeatures& f) {
  return !b.boilerplate && f.ends_sentence && f.words >= 10;
}

// An item of a list that belongs to the article (results, fixtures, award winners) rather
// than a headline of another article: bulleted, very short, "A v B", or ending in brackets.
bool LooksLikeListItem(const BlockFeatures& f) {
  std::string_view s = f.text;
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '*' || s.substr(0, 3) == "\xE2\x80\xA2") return true;
  if (f.words < 4 || s.back() == ')') return true;
  if (std::count(s.begin(), s.end(), ',') >= 3) return true;
  return s.find(" v ") != std::string_view::npos || s.find(" vs ") != std::string_view::npos ||
         s.find(" - ") != std::string_view::npos;
}

bool HasTeaserMark(const BlockFeatures& f) {
  return ContainsLower(f.text, "min read") || ContainsLower(f.text, " ago") ||
         (f.digit_words > 0 && f.text.size() <= 200 && !NormalizeDate(f.text).empty());
}

// After the last body paragraph, scrapers append headlines of other articles. A run that is
// mostly list items is the article's own list and is kept, and so is a lone short line
// unless it carries a date or "min read".
void MarkTrailingTeasers(std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats,
                         size_t headline) {
  size_t n = blocks.size();
  size_t last_body = n;
  for (size_t i = n; i-- > 0;) {
    if (IsBodyBlock(blocks[i], feats[i])) {
      last_body = i;
      break;
    }
  }
  if (last_body == n || IntroducesList(feats[last_body])) return;
  std::vector<size_t> run;
  size_t list_items = 0;
  for (size_t i = last_body + 1; i < n; ++i) {
    if (blocks[i].boilerplate || i == headline) continue;
    if (IntroducesList(feats[i])) break;
    bool marked = HasTeaserMark(feats[i]);
    if (!marked && !LooksLikeHeadline(feats[i])) continue;
    run.push_back(i);
    list_items += !marked && LooksLikeListItem(feats[i]);
  }
  // One unmarked short line after the body is more often the article's own last word.
  bool single = run.size() == 1 && !HasTeaserMark(feats[run[0]]);
  if (run.empty() || single || list_items * 2 >= run.size()) return;
  for (size_t i : run) Mark(&blocks[i], kTeaser);
}

// After a comment-section header in the second half, everything is comments.
void MarkCommentSection(std::vector<TextBlock>& blocks, const std::vector<BlockFeatures>& feats) {
  size_t n = blocks.size();
  for (size_t i = n / 2; i < n; ++i) {
    if (blocks[i].reason != kComments || feats[i].words > 4) continue;
    if (!ContainsLower(feats[i].text, "comment") && !ContainsLower(feats[i].text, "discussion") &&
        !ContainsLower(feats[i].text, "conversation")) {
      continue;  // "Reply #1", "Quote": one post's furniture, not the start of a section
    }
    for (size_t j = i + 1; j < n; ++j) {
      if (!blocks[j].boilerplate) Mark(&blocks[j], kComments);
    }
    break;
  }
}

}  // namespace

std::vector<TextBlock> ClassifyTextBlocks(std::string_view text) {
  std::vector<TextBlock> blocks = SplitBlocks(text);
  std::vector<BlockFeatures> feats;
  feats.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    Span span = blocks[i].span;
    feats.push_back(ComputeFeatures(text.substr(span.start, span.size()), IsLate(i, blocks.size())));
  }
  ClassifyAlone(blocks, feats);
  size_t headline = FindHeadline(blocks, feats);
  ClassifyWeak(blocks, feats, headline);
  MarkMenuRuns(blocks, feats, headline);
  MarkTeaserLists(blocks, feats);
  MarkCommentSection(blocks, feats);
  MarkTrailingTeasers(blocks, feats, headline);
  return blocks;
}

}  // namespace sitrep

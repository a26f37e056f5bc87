// ActorDictionary: the compiled actor dictionaries (data/actors/*.txt) and a matcher that
// finds their forms in tokenised sentences.
//
// Lifecycle (add -> compile -> match):
//   auto dict = ActorDictionary::LoadDirectory(SITREP_SOURCE_DIR "/data/actors");  // or:
//   ActorDictionary d; d.AddLine(...); d.AddFile(...); d.Compile();
//   ActorDictionary::MatchScratch scratch;               // one per worker thread
//   d.Match(doc, doc.sentences[i], &matches, &scratch);
//   const ActorEntry* e = d.ResolveAt(matches[0], ParseDayKey(doc.date));
//
// File format: see data/actors/README.md. Forms are cut into match pieces (match_pieces.h),
// so matching ignores case (except for words written entirely in capitals, such as "US",
// "ISIS", and words with a capital inside, such as "LeT", "AfD"), Latin diacritics, curly vs
// straight quotes, hyphens vs spaces, and periods inside words ("U.S." == "US").
//
// Matching, per sentence:
//   - greedy from left to right; at each token the longest form wins; matches never overlap;
//   - a match starts and ends on token boundaries, but a token may carry opening punctuation
//     before it or a possessive and closing punctuation after it ("(Russia's" and "Syria)."
//     match), which keeps the matcher correct under any segmenter; other symbols do not
//     ("US$", "pro-Russian" and "Russian-backed" match nothing);
//   - a leading "the" is optional: it is stripped from forms at compile time and, when it
//     precedes a match in the text, reported in ActorMatch::leading_the (it is not part of
//     the match span);
//   - agent nouns also match their regular plurals ("soldier" -> "soldiers", "militia" ->
//     "militias", "party" -> "parties");
//   - a country or adjective match followed by an agent noun (optionally after a possessive:
//     "Russia's military") becomes one match of kind kCountryAgent whose code joins the two
//     ("Russian troops" -> RUSMIL, "U.S. officials" -> USAGOV);
//   - in a sentence written in capitals (a headline), one- and two-letter capitalised forms
//     ("US", "IS", "UN") do not match, since every word is then in capitals; "U.S." still does.
// Cost: one hash lookup per piece and per trie step; a few microseconds per news sentence.
//
// Conflicts: a form may name several entries (a person with several offices; "Congo"); all are
// kept as candidates in load order (files by name, then line). Identical duplicates (same form,
// code, kind and dates) are merged silently. Undated entries with different codes for the same
// form are reported by compile_warnings(); the first one loaded wins in ResolveAt.
// A person also gets an undated entry with the bare country code (SYR for Assad), so that the
// name is still recognised, as a person of that country, outside every office held. An
// organisation outside its dates (the FSA before 2011) resolves to nothing.
//
// Errors: every validation error is InvalidArgument "FILE:LINE: message".
// Thread safety: after Compile() the dictionary is immutable and all const methods may be
// called from any number of threads; each thread passes its own MatchScratch.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_entry.h"
#include "base/status.h"
#include "document/document.h"

namespace sitrep {

// One actor mention found in a sentence.
struct ActorMatch {
  uint32_t first_token = 0;  // absolute index into Document::tokens
  uint32_t last_token = 0;   // inclusive
  bool leading_the = false;  // the token before first_token is "the"
  // The entries the matched form names, in load order; never empty. Pointers into the
  // dictionary, valid for its lifetime.
  std::vector<const ActorEntry*> candidates;
};

class ActorDictionary {
 public:
  // Per-thread working memory for Match. Reusable across sentences and documents.
  class MatchScratch {
   public:
    MatchScratch();
    ~MatchScratch();
    MatchScratch(const MatchScratch&) = delete;
    MatchScratch& operator=(const MatchScratch&) = delete;

   private:
    friend class ActorDictionary;
    struct Rep;
    std::unique_ptr<Rep> rep_;
  };

  ActorDictionary();
  ~ActorDictionary();
  ActorDictionary(const ActorDictionary&) = delete;
  ActorDictionary& operator=(const ActorDictionary&) = delete;

  // Loads every *.txt file in `dir` (sorted by file name) and compiles. NotFound when the
  // directory does not exist; the first validation error otherwise.
  static Result<std::unique_ptr<ActorDictionary>> LoadDirectory(const std::string& dir);

  // Adds every line of the file at `path`; messages name the file by its base name.
  Status AddFile(const std::string& path);
  // Adds one line of `file` (its name, for messages) at 1-based `line_no`. Blank and
  // comment lines are accepted and ignored. Fails after Compile().
  Status AddLine(std::string_view line, std::string_view file, int line_no);

  // Builds the matcher. Call once, after the last Add*. Fails on a second call.
  Status Compile();

  // Appends the matches in `sentence` (tokens of `doc`) to *out, in text order.
  // Requires Compile(). Allocates only the candidate lists of the appended matches (and the
  // scratch, the first time it sees a sentence that long).
  void Match(const Document& doc, const Sentence& sentence, std::vector<ActorMatch>* out,
             MatchScratch* scratch) const;

  // Picks the candidate valid on `day` (a day key, see ParseDayKey). Among valid candidates,
  // a dated one (an office held) is preferred to an undated one, then load order decides.
  // With day == kNoDay (date unknown) the dated candidate with the latest end wins, else the
  // first undated one. Returns nullptr when no candidate is valid on `day`: the caller
  // should then drop the mention (a group before it existed, a seat before it was one).
  const ActorEntry* ResolveAt(const ActorMatch& match, int32_t day) const;

  // All entries: those from files in load order, then those Compile builds (line == 0):
  // country+agent entries and the undated "person of country" fallbacks.
  const std::vector<ActorEntry>& entries() const;
  // The entry built for a country code and an agent role ("RUS" + "MIL" -> RUSMIL), or
  // nullptr when there is none. Valid after Compile.
  const ActorEntry* FindCountryAgent(std::string_view country, std::string_view role) const;
  // The country entry for an ISO 3166-1 alpha-3 code ("RUS" -> Russia), or nullptr.
  const ActorEntry* FindCountry(std::string_view code) const;
  // Non-fatal findings of Compile: undated conflicting codes for one form.
  const std::vector<std::string>& compile_warnings() const;
  size_t form_count() const;

  // True for the international roots an actor code may start with instead of an ISO 3166-1
  // alpha-3 country code (IGO, NGO, IMG, MNC, ...).
  static bool IsInternationalRoot(std::string_view root);

 private:
  struct Rep;
  bool RecordAccepts(uint32_t record, const MatchScratch& scratch, size_t first) const;
  bool LongestAt(const MatchScratch& scratch, size_t first, size_t* last_piece,
                 uint32_t* node) const;
  void FindForms(const Document& doc, const Sentence& sentence, MatchScratch* scratch) const;
  bool JoinCountryAgent(const Document& doc, const ActorMatch& country, const ActorMatch& agent,
                        ActorMatch* joined) const;
  void CombineCountryAgents(const Document& doc, const Sentence& sentence, MatchScratch* scratch,
                            std::vector<ActorMatch>* out) const;
  std::unique_ptr<Rep> rep_;
};

}  // namespace sitrep

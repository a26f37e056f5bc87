// EntityRecognizer: a named-entity tagger for the syntax stage.
//
// Model: a greedy left-to-right averaged-perceptron sequence tagger over BILOU tags
// ("B-person", "I-person", "L-person", "U-place", "O"). Features are hashed strings of the
// word form, lowercase, shape, affixes, UPOS/XPOS, the words and tags within two tokens,
// capitalisation and sentence-position flags, and the tags it already predicted for the two
// previous tokens. No external word lists: everything is learned from the training data.
// Decoding only allows well-formed BILOU transitions.
//
// What it learns: the flat named-entity projection of GUM described in syntax/ner_conllu.h
// (outermost mentions headed by a proper noun), for the types in NerTrainOptions::types.
//
// Training data: CoNLL-U with GUM Entity= annotation (en_gum-ccby-train.conllu). Training is
// deterministic for a given input and seed.
//
// Ownership and thread safety: a trained or deserialized EntityRecognizer is immutable; any
// number of threads may call Recognize / RecognizeTokens at once, each with its own
// NerScratch. Move-only.
//
// Serialized form: a versioned binary blob (magic "SRNER", version, zlib-compressed body
// with int16-quantised weights). Deserialize checks magic, version, sizes and checksum and
// returns Corruption on any mismatch; it never crashes on arbitrary bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "syntax/ner_conllu.h"
#include "syntax/ner_scoring.h"

namespace sitrep {

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 20261122;
  // Entity types to learn. Empty: every type that has at least `min_type_count` flat gold
  // spans in the training data.
  std::vector<std::string> types;
  int min_type_count = 30;
  // A feature is kept only when it occurs at least this often in the training data
  // (1 keeps all: +1 F1 on GUM dev over 2, at about 1.6x the model size).
  int min_feature_count = 1;
  // Progress lines ("ner epoch 3: 91.2% tag accuracy") go here when non-null.
  std::string* log = nullptr;
};

// Per-worker buffers for tagging. Reusing one avoids allocations per sentence. Contents
// are private to EntityRecognizer; a scratch may be used with any recognizer.
struct NerModel;  // the immutable weights; defined in entity_recognizer.cc

class NerScratch {
 public:
  NerScratch() = default;

 private:
  friend class EntityRecognizer;
  std::vector<uint64_t> token_hashes;  // per token × kNerTokenSlots
  std::vector<uint32_t> keys;          // static feature keys of every token, then dynamic
  std::vector<int32_t> scores;         // per token × tag
  std::vector<uint16_t> tags;          // predicted tag per token
  std::vector<std::string_view> forms, upos, xpos;
};

class EntityRecognizer {
 public:
  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;
  EntityRecognizer(const EntityRecognizer&) = delete;
  EntityRecognizer& operator=(const EntityRecognizer&) = delete;
  ~EntityRecognizer();

  // Trains on sentences with has_entity_annotation (others are ignored) using their
  // `gold` spans. InvalidArgument when no annotated sentence or no type remains.
  static Result<EntityRecognizer> Train(const std::vector<NerSentence>& sentences,
                                        const NerTrainOptions& options);

  // Appends the serialized model to *out.
  void Serialize(std::string* out) const;
  // Restores a model written by Serialize. Corruption on any malformed input.
  static Result<EntityRecognizer> Deserialize(std::string_view bytes);

  // Tags sentence `sentence` of *doc (its tokens' upos/xpos should already be filled by the
  // tagger; empty tags are tolerated but hurt accuracy) and appends one EntityMention per
  // recognised entity to doc->entities, with absolute token indices. Out-of-range
  // `sentence` does nothing.
  void Recognize(Document* doc, uint32_t sentence, NerScratch* scratch) const;

  // Tags every sentence of *doc like Recognize, then harmonises entity types across the
  // document (syntax/ner_consistency.h: a name keeps one type per document) before
  // appending the mentions. Preferred when the whole document is at hand: +1.5 exact F1
  // on GUM dev. Mentions are appended in sentence order.
  void RecognizeDocument(Document* doc, NerScratch* scratch) const;

  // Form-level API: the three vectors have one entry per token (upos/xpos may be empty
  // vectors, meaning unknown). Returns spans with sentence-relative indices, sorted.
  std::vector<NerSpan> RecognizeTokens(const std::vector<std::string_view>& forms,
                                       const std::vector<std::string_view>& upos,
                                       const std::vector<std::string_view>& xpos,
                                       NerScratch* scratch) const;

  // The entity types this model can output, in tag order.
  const std::vector<std::string>& types() const;

 private:
  explicit EntityRecognizer(std::unique_ptr<NerModel> model);
  // Tags sentence `sentence` of doc; *forms receives its token views (empty if out of range).
  std::vector<NerSpan> RecognizeSentence(const Document& doc, uint32_t sentence,
                                         std::vector<std::string_view>* forms,
                                         NerScratch* scratch) const;
  static void AppendMentions(uint32_t sentence, std::vector<NerSpan> spans, Document* doc);
  std::unique_ptr<NerModel> model_;
};

struct NerEvalOptions {
  // Only documents whose "# newdoc id" contains "_news_".
  bool news_only = false;
  // Harmonise types per document (syntax/ner_consistency.h), as RecognizeDocument does.
  bool harmonize_types = true;
  // Types pooled for the headline figure.
  std::vector<std::string> headline_types = {"person", "organization", "place"};
};

// Tags every sentence of a CoNLL-U file with gold Entity= annotation (using the file's gold
// UPOS/XPOS) and returns a one-line JSON report: sentence and token counts, tokens per
// second, and ToJson scores against (a) the flat named projection, the default target,
// and (b) all gold mentions of the file (pronouns and common noun phrases included), plus
// the pooled headline-type figures. Errors: from ReadNerSentences; InvalidArgument when
// the file has no entity annotation.
Result<std::string> EvaluateNerOnFile(const EntityRecognizer& recognizer,
                                      const std::string& conllu_path,
                                      const NerEvalOptions& options);

}  // namespace sitrep

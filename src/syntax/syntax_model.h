// SyntaxModel: the syntax stage. One immutable model file holds a part-of-speech tagger
// (UPOS+XPOS), a lemmatiser, a labelled dependency parser (UD relations) and, optionally,
// a named-entity recogniser; Annotate() runs them over every sentence of a Document.
//
// Public contract used by later stages (event coding):
//   After Annotate(doc), for every token of every sentence:
//     Token::upos, xpos   UD UPOS and Penn XPOS tags, never empty
//     Token::lemma        the lemma, never empty
//     Token::head         index of the head token *within the sentence* (0-based), -1 for
//                         the sentence root; every sentence has exactly one root and the
//                         arcs form a projective tree
//     Token::deprel       UD relation incl. subtypes ("nsubj:pass", "obl:agent", "root")
//   doc->entities is replaced by the recogniser's mentions when the model has one.
//
// Model file: a ModelFile (model_file.h) with sections "tagger", "lemmatizer", "parser",
// "info" (training notes, text) and optionally "ner". The default committed model lives at
// DefaultModelPath(); `sitrep train-parser` makes new ones.
//
// Errors: Load returns NotFound for a missing file and Corruption for a damaged or foreign
// one; a loaded model never fails at annotation time.
// Thread safety: a loaded SyntaxModel is immutable and may be shared by any number of
// threads; each thread passes its own SyntaxScratch. Move-only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/lemmatizer.h"
#include "syntax/tagger.h"

namespace sitrep {

class EntityRecognizer;
class ModelFileWriter;
class NerScratch;

// The analysis of one sentence given as word forms.
struct SentenceAnalysis {
  std::vector<std::string_view> upos, xpos;  // views into the model's tag tables
  std::vector<std::string> lemmas;
  std::vector<int32_t> heads;                // 0-based, -1 root
  std::vector<std::string_view> deprels;     // views into the model's label table
  struct Entity {
    uint32_t first = 0, last = 0;            // word indices, inclusive
    std::string type;
  };
  std::vector<Entity> entities;
};

// Per-worker scratch state for SyntaxModel. Create one per thread and reuse it.
class SyntaxScratch {
 public:
  SyntaxScratch();
  ~SyntaxScratch();
  SyntaxScratch(const SyntaxScratch&) = delete;
  SyntaxScratch& operator=(const SyntaxScratch&) = delete;

 private:
  friend class SyntaxModel;
  TaggerScratch tagger;
  ParserScratch parser;
  std::unique_ptr<NerScratch> ner;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> tags;
  std::vector<ParserWord> words;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  SentenceAnalysis analysis;  // reused by AnnotateConll, so its vectors keep their room
};

// What to run. Later steps need the earlier ones (parsing needs tags).
struct AnnotateOptions {
  bool lemmas = true;
  bool parse = true;
  bool entities = true;  // ignored when the model has no recogniser
};

class SyntaxModel {
 public:
  // SITREP_SOURCE_DIR "/models/en_news.model".
  static std::string DefaultModelPath();

  static Result<std::unique_ptr<SyntaxModel>> Load(const std::string& path);
  static Result<std::unique_ptr<SyntaxModel>> FromBytes(std::string_view bytes,
                                                        std::string_view origin);

  // Assembles a model from trained parts; `ner` may be null.
  SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, DependencyParser parser,
              std::unique_ptr<EntityRecognizer> ner, std::string info);
  ~SyntaxModel();
  SyntaxModel(const SyntaxModel&) = delete;
  SyntaxModel& operator=(const SyntaxModel&) = delete;

  // The model file bytes, and writing them.
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  // Fills the syntax fields of every token of every sentence of *doc (see above).
  void Annotate(Document* doc, SyntaxScratch* scratch,
                const AnnotateOptions& options = AnnotateOptions()) const;

  // Analyses one sentence of word forms.
  void AnalyzeSentence(const std::vector<std::string_view>& forms, SyntaxScratch* scratch,
                       SentenceAnalysis* out, const AnnotateOptions& options = AnnotateOptions()) const;

  // Overwrites LEMMA, UPOS, XPOS, HEAD and DEPREL of every word of *sentence (as the
  // options allow) and, with entities, sets NE=B-type/I-type in MISC (removing old NE).
  void AnnotateConll(ConllSentence* sentence, SyntaxScratch* scratch,
                     const AnnotateOptions& options = AnnotateOptions()) const;

  // A new model with this model's tagger and parser, the given lemmatiser and recogniser
  // (may be null). Consumes *this (moved from).
  std::unique_ptr<SyntaxModel> WithParts(Lemmatizer lemmatizer, std::unique_ptr<EntityRecognizer> ner);

  // Drops small weights from the tagger and parser before saving (see LinearModel::Pruned).
  // Not thread-safe: call only before the model is shared.
  void Prune(int tagger_min_abs, int parser_min_abs);

  const Tagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const DependencyParser& parser() const { return parser_; }
  const EntityRecognizer* entity_recognizer() const { return ner_.get(); }
  const std::string& info() const { return info_; }
  // Adds a line of training notes to the "info" section. Not thread-safe (build time only).
  void AppendInfo(std::string_view text) { info_.append(text); }
  size_t MemoryBytes() const;

 private:
  void FillContainer(ModelFileWriter* writer) const;

  Tagger tagger_;
  Lemmatizer lemmatizer_;
  DependencyParser parser_;
  std::unique_ptr<EntityRecognizer> ner_;
  std::string info_;
  std::vector<uint64_t> tag_hashes_;  // parser tag atom per tagger tag id
};

}  // namespace sitrep

#include "syntax/syntax_model.h"

#include <fstream>
#include <sstream>

#include "syntax/entity_recognizer.h"
#include "syntax/feature_hash.h"
#include "syntax/model_file.h"

namespace sitrep {

SyntaxScratch::SyntaxScratch() : ner(std::make_unique<NerScratch>()) {}
SyntaxScratch::~SyntaxScratch() = default;

std::string SyntaxModel::DefaultModelPath() {
  return std::string(SITREP_SOURCE_DIR) + "/models/en_news.model";
}

SyntaxModel::SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, DependencyParser parser,
                         std::unique_ptr<EntityRecognizer> ner, std::string info)
    : tagger_(std::move(tagger)),
      lemmatizer_(std::move(lemmatizer)),
      parser_(std::move(parser)),
      ner_(std::move(ner)),
      info_(std::move(info)) {
  for (size_t t = 0; t < tagger_.num_tags(); ++t) {
    auto id = static_cast<uint16_t>(t);
    tag_hashes_.push_back(HashBytes(tagger_.upos(id) + "/" + tagger_.xpos(id)));
  }
}

SyntaxModel::~SyntaxModel() = default;

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::FromBytes(std::string_view bytes,
                                                            std::string_view origin) {
  SITREP_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Parse(bytes, origin));
  auto context = [&](const Status& st, std::string_view part) {
    return st.WithContext(std::string(origin) + ": " + std::string(part));
  };
  SITREP_ASSIGN_OR_RETURN(std::string_view tagger_bytes, file.Section("tagger"));
  SITREP_ASSIGN_OR_RETURN(std::string_view lemma_bytes, file.Section("lemmatizer"));
  SITREP_ASSIGN_OR_RETURN(std::string_view parser_bytes, file.Section("parser"));
  auto tagger = Tagger::Deserialize(tagger_bytes);
  if (!tagger.ok()) return context(tagger.status(), "tagger");
  auto lemmatizer = Lemmatizer::Deserialize(lemma_bytes);
  if (!lemmatizer.ok()) return context(lemmatizer.status(), "lemmatizer");
  auto parser = DependencyParser::Deserialize(parser_bytes);
  if (!parser.ok()) return context(parser.status(), "parser");
  std::unique_ptr<EntityRecognizer> ner;
  if (file.Has("ner")) {
    auto recognizer = EntityRecognizer::Deserialize(*file.Section("ner"));
    if (!recognizer.ok()) return context(recognizer.status(), "ner");
    ner = std::make_unique<EntityRecognizer>(std::move(recognizer).value());
  }
  std::string info;
  if (file.Has("info")) info = std::string(*file.Section("info"));
  return std::make_unique<SyntaxModel>(std::move(tagger).value(), std::move(lemmatizer).value(),
                                       std::move(parser).value(), std::move(ner),
                                       std::move(info));
}

Result<std::unique_ptr<SyntaxModel>> SyntaxModel::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    return Status::NotFound(path +
                            ": syntax model not found (train one with 'sitrep train-parser' "
                            "or pass --model PATH)");
  }
  // Read in one piece into a buffer of the file's size: a stream copy would grow and copy
  // the 13 MB buffer several times.
  f.seekg(0, std::ios::end);
  const std::streamoff size = f.tellg();
  if (size < 0) return Status::IOError(path + ": read failed");
  std::string bytes(static_cast<size_t>(size), '\0');
  f.seekg(0, std::ios::beg);
  f.read(bytes.data(), size);
  if (!f) return Status::IOError(path + ": read failed");
  return FromBytes(bytes, path);
}

void SyntaxModel::FillContainer(ModelFileWriter* w) const {
  std::string bytes;
  tagger_.Serialize(&bytes);
  w->Add("tagger", bytes);
  bytes.clear();
  lemmatizer_.Serialize(&bytes);
  w->Add("lemmatizer", bytes);
  bytes.clear();
  parser_.Serialize(&bytes);
  w->Add("parser", bytes);
  if (ner_) {
    bytes.clear();
    ner_->Serialize(&bytes);
    w->Add("ner", bytes);
  }
  w->Add("info", info_);
}

std::string SyntaxModel::Serialize() const {
  ModelFileWriter w;
  FillContainer(&w);
  return w.Serialize();
}

Status SyntaxModel::Save(const std::string& path) const {
  ModelFileWriter w;
  FillContainer(&w);
  return w.WriteTo(path);
}

std::unique_ptr<SyntaxModel> SyntaxModel::WithParts(Lemmatizer lemmatizer,
                                                   std::unique_ptr<EntityRecognizer> ner) {
  return std::make_unique<SyntaxModel>(std::move(tagger_), std::move(lemmatizer),
                                       std::move(parser_), std::move(ner), info_);
}

void SyntaxModel::Prune(int tagger_min_abs, int parser_min_abs) {
  if (tagger_min_abs > 1) tagger_.Prune(tagger_min_abs);
  if (parser_min_abs > 1) parser_.Prune(parser_min_abs);
  if (tagger_min_abs > 1 || parser_min_abs > 1) {
    info_ += "pruned weights below: tagger " + std::to_string(tagger_min_abs) + ", parser " +
             std::to_string(parser_min_abs) + "\n";
  }
}

size_t SyntaxModel::MemoryBytes() const { return tagger_.MemoryBytes() + parser_.MemoryBytes(); }

void SyntaxModel::AnalyzeSentence(const std::vector<std::string_view>& forms,
                                  SyntaxScratch* scratch, SentenceAnalysis* out,
                                  const AnnotateOptions& options) const {
  const size_t n = forms.size();
  tagger_.Tag(forms, &scratch->tagger, &scratch->tags);
  out->upos.resize(n);
  out->xpos.resize(n);
  for (size_t i = 0; i < n; ++i) {
    out->upos[i] = tagger_.upos(scratch->tags[i]);
    out->xpos[i] = tagger_.xpos(scratch->tags[i]);
  }
  out->lemmas.clear();
  if (options.lemmas) {
    for (size_t i = 0; i < n; ++i) {
      out->lemmas.push_back(lemmatizer_.Lemmatize(forms[i], out->upos[i], out->xpos[i]));
    }
  }
  out->heads.clear();
  out->deprels.clear();
  if (options.parse) {
    scratch->words.resize(n);
    for (size_t i = 0; i < n; ++i) {
      // The tagger already hashed the lower-cased form and found its cluster.
      scratch->words[i] = MakeParserWord(scratch->tagger.atoms[i], tag_hashes_[scratch->tags[i]]);
    }
    parser_.Parse(scratch->words, &scratch->parser, &out->heads, &scratch->labels);
    for (size_t i = 0; i < n; ++i) out->deprels.push_back(parser_.label(scratch->labels[i]));
  }
  out->entities.clear();
  if (options.entities && ner_) {
    for (const NerSpan& s : ner_->RecognizeTokens(forms, out->upos, out->xpos, scratch->ner.get())) {
      out->entities.push_back({s.first, s.last, s.type});
    }
  }
}

void SyntaxModel::Annotate(Document* doc, SyntaxScratch* scratch,
                           const AnnotateOptions& options) const {
  SentenceAnalysis& analysis = scratch->analysis;
  const bool entities = options.entities && ner_;
  if (entities) doc->entities.clear();
  AnnotateOptions sentence_options = options;
  sentence_options.entities = false;  // run on the Document below, in sentence order
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sentence = doc->sentences[s];
    scratch->forms.clear();
    for (uint32_t t = 0; t < sentence.token_count; ++t) {
      scratch->forms.push_back(doc->Slice(doc->tokens[sentence.first_token + t]));
    }
    AnalyzeSentence(scratch->forms, scratch, &analysis, sentence_options);
    for (uint32_t t = 0; t < sentence.token_count; ++t) {
      Token& token = doc->tokens[sentence.first_token + t];
      token.upos = analysis.upos[t];
      token.xpos = analysis.xpos[t];
      if (options.lemmas) token.lemma = analysis.lemmas[t];
      if (options.parse) {
        token.head = analysis.heads[t];
        token.deprel = analysis.deprels[t];
      }
    }
    if (entities) ner_->Recognize(doc, s, scratch->ner.get());
  }
}

void SyntaxModel::AnnotateConll(ConllSentence* sentence, SyntaxScratch* scratch,
                                const AnnotateOptions& options) const {
  scratch->forms.clear();
  for (const ConllWord& w : sentence->words) scratch->forms.push_back(w.form);
  SentenceAnalysis& a = scratch->analysis;
  AnalyzeSentence(scratch->forms, scratch, &a, options);
  for (size_t i = 0; i < sentence->words.size(); ++i) {
    ConllWord& w = sentence->words[i];
    w.upos = a.upos[i];
    w.xpos = a.xpos[i];
    if (options.lemmas) w.lemma = a.lemmas[i];
    if (options.parse) {
      w.head = a.heads[i];
      w.deprel = a.deprels[i];
    }
  }
  if (options.entities && ner_) {
    for (ConllWord& w : sentence->words) w.misc = SetMiscValue(w.misc, "NE", "");
    for (const auto& e : a.entities) {
      for (uint32_t i = e.first; i <= e.last && i < sentence->words.size(); ++i) {
        ConllWord& w = sentence->words[i];
        w.misc = SetMiscValue(w.misc, "NE", (i == e.first ? "B-" : "I-") + e.type);
      }
    }
  }
}

}  // namespace sitrep

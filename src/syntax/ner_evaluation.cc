// EvaluateNerOnFile (declared in syntax/entity_recognizer.h).
#include <chrono>

#include "base/json_writer.h"
#include "syntax/entity_recognizer.h"
#include "syntax/ner_consistency.h"

namespace sitrep {
namespace {

std::vector<std::string_view> Views(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

struct EvalRun {
  std::vector<std::vector<NerSpan>> gold_named, gold_all, predicted;
  int64_t sentences = 0, tokens = 0;
  double seconds = 0;
};

// Harmonises the types of predicted[begin, end), the sentences of one document.
void HarmonizeDocument(const std::vector<const NerSentence*>& sentences, size_t begin, size_t end,
                       std::vector<std::vector<NerSpan>>* predicted) {
  std::vector<std::vector<std::string_view>> forms;
  std::vector<std::vector<NerSpan>> spans;
  for (size_t i = begin; i < end; ++i) {
    forms.push_back(Views(sentences[i]->forms));
    spans.push_back(std::move((*predicted)[i]));
  }
  HarmonizeEntityTypes(forms, &spans);
  for (size_t i = begin; i < end; ++i) (*predicted)[i] = std::move(spans[i - begin]);
}

EvalRun TagAll(const EntityRecognizer& recognizer, const std::vector<NerSentence>& sentences,
               const NerEvalOptions& options) {
  EvalRun run;
  NerScratch scratch;
  std::vector<const NerSentence*> kept;
  for (const NerSentence& s : sentences) {
    if (options.news_only && s.doc_id.find("_news_") == std::string::npos) continue;
    kept.push_back(&s);
    std::vector<std::string_view> forms = Views(s.forms), upos = Views(s.upos),
                                  xpos = Views(s.xpos);
    auto start = std::chrono::steady_clock::now();
    run.predicted.push_back(recognizer.RecognizeTokens(forms, upos, xpos, &scratch));
    run.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.gold_named.push_back(s.gold);
    run.gold_all.push_back(s.mentions);
    ++run.sentences;
    run.tokens += static_cast<int64_t>(s.forms.size());
  }
  if (!options.harmonize_types) return run;
  size_t begin = 0;
  for (size_t i = 1; i <= kept.size(); ++i) {
    if (i == kept.size() || kept[i]->doc_id != kept[begin]->doc_id) {
      HarmonizeDocument(kept, begin, i, &run.predicted);
      begin = i;
    }
  }
  return run;
}

void WriteScores(std::string_view name, const NerScores& scores,
                 const std::vector<std::string>& headline, JsonWriter* w) {
  w->Key(name).BeginObject();
  w->Key("headline").Raw(ToJson(scores.Pooled(headline)));
  w->Key("scores").Raw(ToJson(scores));
  w->EndObject();
}

}  // namespace

Result<std::string> EvaluateNerOnFile(const EntityRecognizer& recognizer,
                                      const std::string& conllu_path,
                                      const NerEvalOptions& options) {
  SITREP_ASSIGN_OR_RETURN(std::vector<NerSentence> sentences, ReadNerSentences(conllu_path));
  if (sentences.empty() || !sentences[0].has_entity_annotation) {
    return Status::InvalidArgument(conllu_path + ": no Entity= annotation to evaluate against");
  }
  EvalRun run = TagAll(recognizer, sentences, options);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("file", conllu_path);
  w.Field("news_only", options.news_only);
  w.Field("harmonize_types", options.harmonize_types);
  w.Key("sentences").Int(run.sentences);
  w.Key("tokens").Int(run.tokens);
  w.Key("us_per_sentence").Double(run.sentences ? 1e6 * run.seconds / run.sentences : 0, 4);
  w.Key("headline_types").BeginArray();
  for (const std::string& t : options.headline_types) w.String(t);
  w.EndArray();
  WriteScores("named", ScoreEntities(run.gold_named, run.predicted), options.headline_types, &w);
  WriteScores("all_mentions", ScoreEntities(run.gold_all, run.predicted), options.headline_types,
              &w);
  w.EndObject();
  return out;
}

}  // namespace sitrep

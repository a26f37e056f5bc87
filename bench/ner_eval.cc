// ner_eval: trains (or loads) the entity recogniser and scores it on a CoNLL-U file with GUM
// Entity= annotation. Prints one JSON object on stdout:
//   {"model":{"bytes":..,"train_seconds":..,"types":[..]},"all":{..},"news":{..}}
// where "all" and "news" are EvaluateNerOnFile reports for every document and for the
// documents whose id contains "_news_".
//
//   ner_eval --train en_gum-ccby-train.conllu --eval en_gum-ud-dev.conllu [--model-out m.bin]
//   ner_eval --model m.bin --eval en_gum-ud-dev.conllu
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/json_writer.h"
#include "syntax/entity_recognizer.h"

namespace {

sitrep::Result<sitrep::EntityRecognizer> TrainModel(const std::string& path,
                                                    const sitrep::NerTrainOptions& options) {
  SITREP_ASSIGN_OR_RETURN(std::vector<sitrep::NerSentence> sentences,
                          sitrep::ReadNerSentences(path));
  return sitrep::EntityRecognizer::Train(sentences, options);
}

sitrep::Result<sitrep::EntityRecognizer> LoadModel(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return sitrep::Status::NotFound(path + ": cannot open model");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return sitrep::EntityRecognizer::Deserialize(buffer.str());
}

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Tags every sentence of `path` `passes` times; returns CPU microseconds per sentence (CPU
// time, so other processes on a busy machine do not inflate it).
double TimeTagging(const sitrep::EntityRecognizer& recognizer, const std::string& path,
                   int passes) {
  auto sentences = sitrep::ReadNerSentences(path);
  if (!sentences.ok() || sentences->empty() || passes < 1) return 0;
  std::vector<std::vector<std::string_view>> forms, upos, xpos;
  for (const sitrep::NerSentence& s : *sentences) {
    forms.emplace_back(s.forms.begin(), s.forms.end());
    upos.emplace_back(s.upos.begin(), s.upos.end());
    xpos.emplace_back(s.xpos.begin(), s.xpos.end());
  }
  sitrep::NerScratch scratch;
  size_t found = 0;
  double start = ThreadCpuSeconds();
  for (int p = 0; p < passes; ++p) {
    for (size_t i = 0; i < forms.size(); ++i) {
      found += recognizer.RecognizeTokens(forms[i], upos[i], xpos[i], &scratch).size();
    }
  }
  double seconds = ThreadCpuSeconds() - start;
  return found == 0 ? 0 : 1e6 * seconds / (static_cast<double>(passes) * forms.size());
}

// Writes "gold<TAB>predicted<TAB>sentence" lines with spans shown as [type words].
void DumpPredictions(const sitrep::EntityRecognizer& recognizer, const std::string& path,
                     const std::string& out_path) {
  auto sentences = sitrep::ReadNerSentences(path);
  if (!sentences.ok()) return;
  std::ofstream out(out_path);
  sitrep::NerScratch scratch;
  auto show = [](const sitrep::NerSentence& s, const std::vector<sitrep::NerSpan>& spans) {
    std::string text;
    for (const sitrep::NerSpan& span : spans) {
      text += " [" + span.type;
      for (uint32_t t = span.first; t <= span.last; ++t) text += " " + s.forms[t];
      text += "]";
    }
    return text;
  };
  for (const sitrep::NerSentence& s : *sentences) {
    std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
    std::vector<std::string_view> upos(s.upos.begin(), s.upos.end());
    std::vector<std::string_view> xpos(s.xpos.begin(), s.xpos.end());
    auto predicted = recognizer.RecognizeTokens(forms, upos, xpos, &scratch);
    std::string sentence;
    for (const std::string& f : s.forms) sentence += f + " ";
    out << show(s, s.gold) << "\t" << show(s, predicted) << "\t" << sentence << "\n";
  }
}

int Fail(const sitrep::Status& status) {
  std::fprintf(stderr, "ner_eval: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train and score the sitrep entity recogniser"};
  std::string train_path, model_path, model_out, eval_path;
  sitrep::NerTrainOptions options;
  bool verbose = false;
  bool no_harmonize = false;
  int timing_passes = 5;
  std::string dump_path;
  app.add_option("--train", train_path, "CoNLL-U training file with Entity= annotation");
  app.add_option("--model", model_path, "load a serialized model instead of training");
  app.add_option("--model-out", model_out, "write the serialized model here");
  app.add_option("--eval", eval_path, "CoNLL-U file to score on")->required();
  app.add_option("--epochs", options.epochs, "training epochs");
  app.add_option("--seed", options.seed, "shuffle seed");
  app.add_option("--types", options.types, "entity types to learn (default: all frequent)")
      ->delimiter(',');
  app.add_option("--min-feature-count", options.min_feature_count, "feature frequency cut-off");
  app.add_option("--timing-passes", timing_passes, "tagging passes over --eval for the timing");
  app.add_option("--dump", dump_path, "write gold and predicted spans per sentence here");
  app.add_flag("--no-harmonize", no_harmonize,
               "score sentence-level types without the document vote");
  app.add_flag("--verbose", verbose, "print training progress on stderr");
  CLI11_PARSE(app, argc, argv);
  if (train_path.empty() == model_path.empty()) {
    return Fail(sitrep::Status::InvalidArgument("give exactly one of --train and --model"));
  }
  std::string log;
  if (verbose) options.log = &log;
  auto start = std::chrono::steady_clock::now();
  auto recognizer = train_path.empty() ? LoadModel(model_path) : TrainModel(train_path, options);
  double train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fputs(log.c_str(), stderr);
  if (!recognizer.ok()) return Fail(recognizer.status());
  std::string blob;
  recognizer->Serialize(&blob);
  if (!model_out.empty()) {
    std::ofstream out(model_out, std::ios::binary);
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    if (!out) return Fail(sitrep::Status::IOError(model_out + ": cannot write model"));
  }
  if (!dump_path.empty()) DumpPredictions(*recognizer, eval_path, dump_path);
  sitrep::NerEvalOptions eval_options;
  eval_options.harmonize_types = !no_harmonize;
  auto all = sitrep::EvaluateNerOnFile(*recognizer, eval_path, eval_options);
  if (!all.ok()) return Fail(all.status());
  eval_options.news_only = true;
  auto news = sitrep::EvaluateNerOnFile(*recognizer, eval_path, eval_options);
  if (!news.ok()) return Fail(news.status());
  std::string json;
  sitrep::JsonWriter w(&json);
  w.BeginObject().Key("model").BeginObject();
  w.Field("bytes", blob.size());
  w.Field("train_seconds", train_seconds);
  w.Field("us_per_sentence", TimeTagging(*recognizer, eval_path, timing_passes));
  w.Key("types").BeginArray();
  for (const std::string& t : recognizer->types()) w.String(t);
  w.EndArray().EndObject();
  w.Key("all").Raw(*all);
  w.Key("news").Raw(*news);
  w.EndObject();
  std::printf("%s\n", json.c_str());
  return 0;
}

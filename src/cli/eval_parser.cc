// sitrep eval-parser: scores the syntax model on gold CoNLL-U (gold tokens).
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "base/json_writer.h"
#include "cli/commands.h"
#include "syntax/conllu.h"
#include "syntax/entity_recognizer.h"
#include "syntax/ner_conllu.h"
#include "syntax/ner_scoring.h"
#include "syntax/parser_evaluation.h"
#include "syntax/syntax_model.h"
#include "syntax/text_corpus.h"

namespace sitrep::cli {

namespace {

struct EvalParserFlags {
  std::string gold;
  std::string model = SyntaxModel::DefaultModelPath();
  std::string predicted_out;
  int prune_tagger = 0;
  int prune_parser = 0;
  int timing_passes = 1;
  std::vector<std::string> speed_text;
};

// Exact-match entity F1 (percent) of the model's recogniser on the gold file, using the
// model's own predicted tags; negative when the file has no Entity= annotation.
double EntityF1(const SyntaxModel& model, const std::string& gold_path,
                const std::vector<ConllSentence>& predicted) {
  const EntityRecognizer* ner = model.entity_recognizer();
  if (!ner) return -1;
  auto gold = ReadNerSentences(gold_path);
  if (!gold.ok() || gold->size() != predicted.size()) return -1;
  bool annotated = false;
  for (const NerSentence& s : *gold) annotated |= s.has_entity_annotation;
  if (!annotated) return -1;
  NerScratch scratch;
  std::vector<std::vector<NerSpan>> gold_spans, predicted_spans;
  for (size_t i = 0; i < predicted.size(); ++i) {
    std::vector<std::string_view> forms, upos, xpos;
    for (const ConllWord& w : predicted[i].words) {
      forms.push_back(w.form);
      upos.push_back(w.upos);
      xpos.push_back(w.xpos);
    }
    gold_spans.push_back((*gold)[i].gold);
    predicted_spans.push_back(ner->RecognizeTokens(forms, upos, xpos, &scratch));
  }
  return 100.0 * ScoreEntities(gold_spans, predicted_spans).overall.ExactF1();
}

int Run(const EvalParserFlags& flags) {
  auto load_start = std::chrono::steady_clock::now();
  auto model = SyntaxModel::Load(flags.model);
  if (!model.ok()) {
    std::fprintf(stderr, "sitrep eval-parser: %s\n", model.status().ToString().c_str());
    return 1;
  }
  double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  (*model)->Prune(flags.prune_tagger, flags.prune_parser);
  auto gold = ReadConllU(flags.gold);
  if (!gold.ok()) {
    std::fprintf(stderr, "sitrep eval-parser: %s\n", gold.status().ToString().c_str());
    return 1;
  }
  std::vector<ConllSentence> predicted;
  ParserCounts c = EvaluateParser(**model, *gold, &predicted, flags.timing_passes);
  double ner_f1 = EntityF1(**model, flags.gold, predicted);
  std::string out;
  JsonWriter json(&out);
  json.BeginObject()
      .Field("sentences", c.sentences)
      .Field("tokens", c.words)
      .Field("upos", c.Percent(c.upos))
      .Field("xpos", c.Percent(c.xpos))
      .Field("lemma", c.Percent(c.lemma))
      .Field("uas", c.Percent(c.uas))
      .Field("las", c.Percent(c.las))
      .Field("las_full_labels", c.Percent(c.las_full));
  if (ner_f1 >= 0) json.Field("ner_f1", ner_f1);
  json.Field("sentences_per_second", c.cpu_seconds > 0 ? c.sentences / c.cpu_seconds : 0.0)
      .Field("sentences_per_wall_second", c.seconds > 0 ? c.sentences / c.seconds : 0.0)
      .Field("speed_clock", "thread CPU time; fastest of " +
                                std::to_string(std::max(1, flags.timing_passes)) + " passes")
      .Field("model_load_seconds", load_seconds);
  if (!flags.speed_text.empty()) {
    auto docs = ReadTextDocuments(flags.speed_text);
    if (!docs.ok()) {
      std::fprintf(stderr, "sitrep eval-parser: %s\n", docs.status().ToString().c_str());
      return 1;
    }
    AnnotationSpeed speed = MeasureAnnotationSpeed(**model, &*docs, flags.timing_passes);
    json.Field("text_documents", speed.documents)
        .Field("text_sentences", speed.sentences)
        .Field("text_tokens", speed.tokens)
        .Field("text_sentences_per_second",
               speed.cpu_seconds > 0 ? speed.sentences / speed.cpu_seconds : 0.0)
        .Field("text_sentences_per_wall_second",
               speed.seconds > 0 ? speed.sentences / speed.seconds : 0.0);
  }
  json.EndObject();
  std::printf("%s\n", out.c_str());
  if (!flags.predicted_out.empty()) {
    std::string text;
    for (const ConllSentence& s : predicted) WriteConllSentence(s, &text);
    FILE* f = std::fopen(flags.predicted_out.c_str(), "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size()) {
      std::fprintf(stderr, "sitrep eval-parser: %s: write failed\n", flags.predicted_out.c_str());
      if (f) std::fclose(f);
      return 2;
    }
    std::fclose(f);
  }
  return 0;
}

}  // namespace

void RegisterEvalParser(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<EvalParserFlags>();
  CLI::App* cmd = app->add_subcommand(
      "eval-parser", "Score tagging, lemmas and parsing against gold CoNLL-U (gold tokens).");
  cmd->footer(
      "\nPrints one JSON line: sentences, tokens, and percentages upos, xpos, lemma, uas,\n"
      "las (CoNLL 2018 style: all words incl. punctuation, universal relation without\n"
      "subtype; las_full_labels also checks the subtype), ner_f1 (exact-span F1 in percent\n"
      "of the named-entity projection, only when the gold file has GUM Entity= annotation),\n"
      "sentences_per_second (tagging+lemmas+parsing on one thread per CPU-second of that\n"
      "thread, excluding I/O; sentences_per_wall_second is the same per elapsed second;\n"
      "speed_clock says so), model_load_seconds and, with --speed-text, text_sentences and\n"
      "text_sentences_per_second for the same work on segmented raw text. Multiword-token\n"
      "lines and empty nodes are ignored.\n\n"
      "Examples:\n"
      "  sitrep eval-parser /work/shared/data/ud/en_ewt-ud-test.conllu\n"
      "  sitrep eval-parser --model /tmp/m.model en_gum-ud-dev.conllu --predicted out.conllu\n");
  cmd->add_option("gold", flags->gold, "Gold CoNLL-U file")->required();
  cmd->add_option("--model", flags->model, "Syntax model file")->capture_default_str();
  cmd->add_option("--predicted", flags->predicted_out, "Also write the predicted CoNLL-U here");
  cmd->add_option("--speed-text", flags->speed_text,
                  "Also time the syntax stage on raw text (file, or directory of *.txt; "
                  "segmented first, untimed); repeatable")
      ->check(CLI::ExistingPath);
  cmd->add_option("--timing-passes", flags->timing_passes,
                  "Annotate the file this many times and report the fastest pass's speed")
      ->capture_default_str();
  cmd->add_option("--prune-tagger", flags->prune_tagger,
                  "Experiment: drop tagger weights below this (int16 units) after loading");
  cmd->add_option("--prune-parser", flags->prune_parser,
                  "Experiment: drop parser weights below this (int16 units) after loading");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace sitrep::cli

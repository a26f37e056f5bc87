// sitrep train-parser: trains the syntax model (tagger, lemmatiser, parser, entities).
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "syntax/conllu.h"
#include "syntax/parser_evaluation.h"
#include "syntax/syntax_trainer.h"

namespace sitrep::cli {

namespace {

struct TrainParserFlags {
  SyntaxTrainOptions options;
  std::string output = "models/en_news.model";
  std::string dev;
  bool no_entities = false;
  bool quiet = false;
  std::string base_model;
  int prune_tagger = 0;
  int prune_parser = 0;
};

void PrintDevScores(const SyntaxModel& model, const std::string& dev) {
  auto gold = ReadConllU(dev);
  if (!gold.ok()) {
    std::fprintf(stderr, "sitrep train-parser: %s\n", gold.status().ToString().c_str());
    return;
  }
  ParserCounts c = EvaluateParser(model, *gold);
  std::fprintf(stderr,
               "dev %s: UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f (full labels %.2f), "
               "%.0f sentences per CPU-second\n",
               dev.c_str(), c.Percent(c.upos), c.Percent(c.xpos), c.Percent(c.lemma),
               c.Percent(c.uas), c.Percent(c.las), c.Percent(c.las_full),
               c.cpu_seconds > 0 ? c.sentences / c.cpu_seconds : 0.0);
}

}  // namespace

void RegisterTrainParser(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<TrainParserFlags>();
  CLI::App* cmd = app->add_subcommand(
      "train-parser",
      "Train the syntax model (tagger, lemmatiser, dependency parser, entities) from CoNLL-U.");
  cmd->footer(
      "\nThe tagger predicts UPOS+XPOS, the lemmatiser learns suffix rules and exceptions,\n"
      "the parser is a greedy arc-hybrid parser trained with a dynamic oracle on jackknifed\n"
      "(predicted) tags, and the entity recogniser learns from files with GUM Entity=\n"
      "annotation. Training is deterministic. A JSON line with timings goes to stdout.\n\n"
      "Examples:\n"
      "  sitrep train-parser --train /work/shared/data/ud/en_ewt-ud-train.conllu \\\n"
      "      --train /work/shared/data/ud/en_gum-ccby-train.conllu \\\n"
      "      --dev /work/shared/data/ud/en_ewt-ud-dev.conllu -o models/en_news.model\n"
      "  sitrep train-parser --train small.conllu --parser-epochs 2 --no-entities -o /tmp/m\n");
  SyntaxTrainOptions& o = flags->options;
  cmd->add_option("--train", o.train_files, "Training CoNLL-U file (repeat for several)")
      ->required();
  cmd->add_option("-o,--output", flags->output, "Where to write the model")->capture_default_str();
  cmd->add_option("--dev", flags->dev,
                  "Development CoNLL-U: keep the tagger epoch that tags it best, and print "
                  "its scores after training");
  cmd->add_option("--tagger-from", o.tagger_from,
                  "Experiments: reuse the tagger of this model instead of training one");
  cmd->add_option("--parser-input", o.parser_input,
                  "Experiments: parser training tags from this CoNLL-U (the --train sentences "
                  "in order, e.g. from --write-parser-input) instead of jackknifing");
  cmd->add_option("--write-parser-input", o.write_parser_input,
                  "Write the training sentences with their jackknifed tags to this file");
  cmd->add_option("--cluster-text", o.cluster_text,
                  "Raw text (file, or directory of *.txt) for word clusters; repeatable")
      ->check(CLI::ExistingPath);
  cmd->add_flag("--cluster-treebank", o.cluster_treebank,
                "Word clusters from the --train sentences' words (with any --cluster-text)");
  cmd->add_option("--clusters", o.clusters.num_clusters, "Number of Brown clusters")
      ->capture_default_str();
  cmd->add_option("--cluster-min-count", o.clusters.min_count,
                  "Words seen fewer times get no cluster")
      ->capture_default_str();
  cmd->add_option("--clusters-from", o.clusters_from,
                  "Reuse the word clusters of this model instead of clustering");
  cmd->add_option("--clusters-dump", o.clusters_dump,
                  "Write the clusters (path, word, count) to this text file");
  cmd->add_option("--explore-probability", o.parser.explore_probability,
                  "Parser: chance of following its own wrong move while training")
      ->capture_default_str();
  cmd->add_option("--tagger-epochs", o.tagger.epochs, "Tagger training passes")
      ->capture_default_str();
  cmd->add_option("--parser-epochs", o.parser.epochs, "Parser training passes")
      ->capture_default_str();
  cmd->add_option("--jackknife", o.jackknife_folds,
                  "Folds for predicted training tags (<2: tag with the final tagger)")
      ->capture_default_str();
  cmd->add_option("--ner-epochs", o.entities.epochs, "Entity recogniser training passes")
      ->capture_default_str();
  cmd->add_option("--prune-tagger", flags->prune_tagger,
                  "Drop tagger weights whose magnitude is below this (int16 units)")
      ->capture_default_str();
  cmd->add_option("--prune-parser", flags->prune_parser,
                  "Drop parser weights whose magnitude is below this (int16 units)")
      ->capture_default_str();
  cmd->add_option("--base-model", flags->base_model,
                  "Keep this model's tagger and parser; retrain only the lemmatiser and the "
                  "entity recogniser from --train (seconds instead of minutes)");
  cmd->add_flag("--no-entities", flags->no_entities, "Do not train the entity recogniser");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress on stderr");
  cmd->callback([flags, exit_code] {
    flags->options.train_entities = !flags->no_entities;
    flags->options.dev_file = flags->dev;
    flags->options.verbose = !flags->quiet;
    flags->options.tagger.verbose = !flags->quiet;
    flags->options.parser.verbose = !flags->quiet;
    SyntaxTrainReport report;
    Result<std::unique_ptr<SyntaxModel>> model = Status::Internal("not trained");
    if (flags->base_model.empty()) {
      model = TrainSyntaxModel(flags->options, &report);
    } else {
      auto base = SyntaxModel::Load(flags->base_model);
      if (!base.ok()) {
        std::fprintf(stderr, "sitrep train-parser: %s\n", base.status().ToString().c_str());
        *exit_code = 1;
        return;
      }
      model = RetrainEntities(std::move(base).value(), flags->options, &report);
    }
    if (!model.ok()) {
      std::fprintf(stderr, "sitrep train-parser: %s\n", model.status().ToString().c_str());
      *exit_code = 1;
      return;
    }
    (*model)->Prune(flags->prune_tagger, flags->prune_parser);
    Status st = (*model)->Save(flags->output);
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep train-parser: %s\n", st.ToString().c_str());
      *exit_code = 2;
      return;
    }
    std::printf("%s\n", report.ToJson().c_str());
    if (!flags->dev.empty()) PrintDevScores(**model, flags->dev);
    *exit_code = 0;
  });
}

}  // namespace sitrep::cli

// sitrep code: the whole pipeline from raw document to coded events. Read top to bottom, it
// follows one document through every stage:
//
//   RawDocument --ReadArticle--> article text, paragraphs, metadata   (text stage)
//               --Segmenter----> sentences, tokens                    (text stage)
//               --SyntaxModel--> tags, lemmas, dependency arcs, NEs   (syntax stage)
//               --EventCoder---> actors and events                    (events stage)
//               --WriteEventsJsonl--> one JSON line per event
//
// The first four stages live in CodingPipeline (cli/pipeline.h), shared with `sitrep ingest`.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "base/worker_pool.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "events/event_explain.h"
#include "events/event_writer.h"

namespace sitrep::cli {

namespace {

struct CodeFlags {
  InputFlags input;
  std::string model = SyntaxModel::DefaultModelPath();
  std::string data = CodingResources::DefaultDataDir();
  std::string gazetteer;
  bool all_modalities = true;
  bool stats = false;
  bool explain = false;
};

int RunCode(const CodeFlags& flags) {
  CodingPipeline pipeline;
  std::string warning;
  Status loaded = pipeline.Load(flags.model, flags.data, flags.gazetteer, &warning);
  if (!loaded.ok()) {
    std::fprintf(stderr, "sitrep code: %s\n", loaded.ToString().c_str());
    return 2;
  }
  if (!warning.empty()) std::fprintf(stderr, "sitrep code: warning: %s\n", warning.c_str());
  std::vector<std::unique_ptr<CodingPipeline::Worker>> workers;
  std::vector<CoderTrace> traces(ResolveThreadCount(flags.input.threads));
  for (size_t i = 0; i < traces.size(); ++i) {
    workers.push_back(std::make_unique<CodingPipeline::Worker>());
    if (flags.explain) workers.back()->coder.trace = &traces[i];
  }
  std::atomic<size_t> sentences{0}, events{0};
  RunSummary summary;
  int rc = RunDocuments("code", flags.input, [&](RawDocument& raw, int w, std::string* out) {
    Document doc;
    traces[w].Clear();
    SITREP_RETURN_IF_ERROR(pipeline.Process(std::move(raw), &doc, workers[w].get()));
    if (!flags.all_modalities) {
      std::erase_if(doc.events, [](const Event& e) { return e.modality != Modality::kAsserted; });
    }
    if (flags.explain) {
      WriteExplanation(doc, traces[w], out);
    } else {
      WriteEventsJsonl(doc, out);
    }
    sentences += doc.sentences.size();
    events += doc.events.size();
    return Status::OK();
  }, &summary);
  if (flags.stats) {
    std::fprintf(stderr,
                 "{\"documents\":%zu,\"errors\":%zu,\"sentences\":%zu,\"events\":%zu,"
                 "\"seconds\":%.3f,\"sentences_per_second\":%.0f,\"mb_per_second\":%.2f}\n",
                 summary.documents, summary.errors, sentences.load(), events.load(), summary.seconds,
                 summary.seconds > 0 ? sentences.load() / summary.seconds : 0.0,
                 summary.seconds > 0 ? summary.bytes / summary.seconds / 1e6 : 0.0);
  }
  return rc;
}

}  // namespace

void RegisterCode(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<CodeFlags>();
  CLI::App* cmd = app->add_subcommand(
      "code", "Code political events (who did what to whom) in CAMEO and PLOVER, as JSON Lines.");
  cmd->footer(
      "\nOutput: one JSON object per event: event_id, doc_id, doc_date, url, sentence_index,\n"
      "sentence, start/end (byte offsets of the sentence in the document text), source and\n"
      "target actors ({code, name, text, start, end}; target may be null), cameo, root,\n"
      "quad_class, goldstein, plover, trigger ({text, start, end}), modality (asserted,\n"
      "hypothetical or negated), date, date_precision and location.\n\n"
      "Hypothetical and negated events are written with their modality, never as facts;\n"
      "--asserted-only drops them.\n\n"
      "Examples:\n"
      "  sitrep code examples/ > events.jsonl\n"
      "  sitrep code --threads 0 feed.jsonl.gz -o events.jsonl\n"
      "  sitrep code --explain article.txt | less          # why each event was (not) coded\n"
      "  echo '{\"id\":\"x\",\"date\":\"2016-03-15\",\"text\":\"Russia began withdrawing its "
      "troops from Syria.\"}' | sitrep code -\n");
  AddInputFlags(cmd, &flags->input);
  cmd->add_option("--model", flags->model, "Syntax model file")->capture_default_str();
  cmd->add_option("--data", flags->data, "Directory of dictionaries and tables")
      ->capture_default_str();
  cmd->add_option("--gazetteer", flags->gazetteer,
                  "Compiled gazetteer (default: gazetteer.bin beside the sitrep binary)");
  cmd->add_flag("!--asserted-only", flags->all_modalities,
                "Write only asserted events (drop hypothetical and negated ones)");
  cmd->add_flag("--explain", flags->explain,
                "Instead of events, print for each sentence its parse, its actors, the lexicon "
                "entries each word matched or failed (and why) and the events written or dropped");
  cmd->add_flag("--stats", flags->stats,
                "Print a JSON summary (documents, sentences, events, throughput) on stderr");
  cmd->callback([flags, exit_code] { *exit_code = RunCode(*flags); });
}

}  // namespace sitrep::cli

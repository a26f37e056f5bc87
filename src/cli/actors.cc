// sitrep actors: the actor dictionaries on their own, for checking what they match.
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "base/json_writer.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "document/document.h"
#include "text/article_reader.h"
#include "text/segmenter.h"

namespace sitrep::cli {

namespace {

struct ActorsFlags {
  InputFlags input;
  std::string dictionary = SITREP_SOURCE_DIR "/data/actors";
  std::string date;  // overrides the document date for resolution
  bool all_sentences = false;
  bool stats = false;
};

// Matching time and volume, summed over workers.
struct MatchStats {
  std::mutex mu;
  double seconds = 0;
  size_t sentences = 0;
  size_t matches = 0;
};

void WriteEntry(JsonWriter& json, const ActorEntry& e) {
  json.BeginObject()
      .Field("code", e.code)
      .Field("name", e.canonical)
      .Field("kind", ActorKindName(e.kind));
  if (e.dated()) {
    json.FieldOrNull("from", FormatDayKey(e.from)).FieldOrNull("to", FormatDayKey(e.to));
  }
  json.EndObject();
}

void WriteMatch(JsonWriter& json, const Document& doc, const ActorDictionary& dict,
                const ActorMatch& m, int32_t day) {
  Span span{doc.tokens[m.first_token].start, doc.tokens[m.last_token].end};
  json.BeginObject()
      .Field("text", doc.Slice(span))
      .Field("start", span.start)
      .Field("end", span.end);
  const ActorEntry* chosen = dict.ResolveAt(m, day);
  json.Key("actor");
  if (chosen != nullptr) {
    WriteEntry(json, *chosen);
  } else {
    json.Null();
  }
  json.Key("candidates").BeginArray();
  for (const ActorEntry* e : m.candidates) WriteEntry(json, *e);
  json.EndArray().EndObject();
}

// One JSON line per document: its id and, per sentence with matches, the matches.
void WriteDocument(const Document& doc, const ActorDictionary& dict, const ActorsFlags& flags,
                   ActorDictionary::MatchScratch* scratch, MatchStats* stats, std::string* out) {
  int32_t day = ParseDayKey(flags.date.empty() ? doc.date : flags.date);
  JsonWriter json(out);
  json.BeginObject().Field("id", doc.id).FieldOrNull("date", doc.date);
  json.Key("sentences").BeginArray();
  std::vector<ActorMatch> matches;
  double seconds = 0;
  size_t total = 0;
  for (const Sentence& s : doc.sentences) {
    matches.clear();
    auto start = std::chrono::steady_clock::now();
    dict.Match(doc, s, &matches, scratch);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    total += matches.size();
    if (matches.empty() && !flags.all_sentences) continue;
    json.BeginObject().Field("text", doc.SentenceText(s)).Key("actors").BeginArray();
    for (const ActorMatch& m : matches) WriteMatch(json, doc, dict, m, day);
    json.EndArray().EndObject();
  }
  json.EndArray().EndObject();
  out->push_back('\n');
  std::lock_guard<std::mutex> lock(stats->mu);
  stats->seconds += seconds;
  stats->sentences += doc.sentences.size();
  stats->matches += total;
}

int RunActors(const ActorsFlags& flags) {
  auto start = std::chrono::steady_clock::now();
  auto dict = ActorDictionary::LoadDirectory(flags.dictionary);
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!dict.ok()) {
    std::fprintf(stderr, "actors: %s\n", dict.status().ToString().c_str());
    return 1;
  }
  for (const std::string& w : (*dict)->compile_warnings()) {
    std::fprintf(stderr, "actors: warning: %s\n", w.c_str());
  }
  ArticleReaderOptions options;
  Segmenter segmenter;
  std::vector<std::unique_ptr<ActorDictionary::MatchScratch>> scratch;
  for (int i = 0; i < std::max(1, flags.input.threads); ++i) {
    scratch.push_back(std::make_unique<ActorDictionary::MatchScratch>());
  }
  MatchStats stats;
  int code = RunDocuments("actors", flags.input,
                          [&](RawDocument& raw, int worker, std::string* out) -> Status {
                            Document doc;
                            SITREP_RETURN_IF_ERROR(ReadArticle(std::move(raw), options, &doc));
                            segmenter.Segment(&doc);
                            WriteDocument(doc, **dict, flags, scratch[worker].get(), &stats, out);
                            return Status::OK();
                          });
  if (flags.stats) {
    std::fprintf(
        stderr,
        "actors: dictionary %zu entries, %zu forms, loaded in %.1f ms; %zu sentences, "
        "%zu matches, %.2f us per sentence\n",
        (*dict)->entries().size(), (*dict)->form_count(), load_ms, stats.sentences, stats.matches,
        stats.sentences ? stats.seconds * 1e6 / static_cast<double>(stats.sentences) : 0.0);
  }
  return code;
}

}  // namespace

void RegisterActors(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ActorsFlags>();
  CLI::App* cmd = app->add_subcommand(
      "actors", "Find the actors of the actor dictionaries (data/actors) in articles.");
  cmd->footer(
      "\nOutput: one JSON object per document with id, date and, for every sentence with a\n"
      "match, the sentence text and its actors: the matched text, byte offsets, the actor\n"
      "chosen for the document date (code, canonical name, kind, validity dates) and all\n"
      "candidate entries of the matched form.\n\n"
      "Examples:\n"
      "  sitrep actors article.txt\n"
      "  sitrep actors --date 2019-05-01 --stats feed.jsonl\n"
      "  sitrep actors --dictionary my_actors/ examples/\n");
  AddInputFlags(cmd, &flags->input);
  cmd->add_option("--dictionary", flags->dictionary, "Directory of actor dictionary files (*.txt)")
      ->capture_default_str();
  cmd->add_option("--date", flags->date,
                  "Resolve actors as of this date (YYYY-MM-DD) instead of the document date");
  cmd->add_flag("--all-sentences", flags->all_sentences, "Also list sentences without actors");
  cmd->add_flag("--stats", flags->stats,
                "Print dictionary size, load time and matching time per sentence on stderr");
  cmd->callback([flags, exit_code] { *exit_code = RunActors(*flags); });
}

}  // namespace sitrep::cli

// sitrep parse: the syntax stage on its own. Prints CoNLL-U.
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "base/worker_pool.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "document/document.h"
#include "syntax/conllu.h"
#include "syntax/syntax_model.h"
#include "text/article_reader.h"
#include "text/segmenter.h"

namespace sitrep::cli {

namespace {

struct ParseFlags {
  InputFlags input;
  std::string model = SyntaxModel::DefaultModelPath();
  bool tokenized = false;
  bool no_entities = false;
};

std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && space) continue;
    space = c == ' ';
    out.push_back(c);
  }
  return out;
}

// CoNLL-U for one annotated document (see the command's help for the conventions).
void WriteDocumentConll(const Document& doc, std::string* out) {
  out->append("# newdoc id = ").append(doc.id).push_back('\n');
  std::vector<std::string> ne(doc.tokens.size());
  for (const EntityMention& m : doc.entities) {
    for (uint32_t t = m.first_token; t <= m.last_token && t < ne.size(); ++t) {
      ne[t] = (t == m.first_token ? "B-" : "I-") + m.type;
    }
  }
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    ConllSentence cs;
    cs.SetComment("sent_id", doc.id + "-" + std::to_string(s + 1));
    cs.SetComment("text", OneLine(doc.SentenceText(sentence)));
    for (uint32_t i = 0; i < sentence.token_count; ++i) {
      uint32_t t = sentence.first_token + i;
      const Token& token = doc.tokens[t];
      ConllWord w;
      w.form = std::string(doc.Slice(token));
      w.lemma = token.lemma;
      w.upos = token.upos;
      w.xpos = token.xpos;
      w.head = token.head;
      w.deprel = token.deprel;
      std::string misc;
      bool space_after = token.end >= doc.text.size() ||
                         std::isspace(static_cast<unsigned char>(doc.text[token.end]));
      if (!space_after) misc = "SpaceAfter=No";
      if (!ne[t].empty()) misc = SetMiscValue(misc.empty() ? "_" : misc, "NE", ne[t]);
      w.misc = misc.empty() ? "_" : misc;
      cs.words.push_back(std::move(w));
    }
    WriteConllSentence(cs, out);
  }
}

int RunRaw(const ParseFlags& flags, const SyntaxModel& model) {
  ArticleReaderOptions options;
  Segmenter segmenter;
  int threads = ResolveThreadCount(flags.input.threads);
  std::vector<std::unique_ptr<SyntaxScratch>> scratch;
  for (int i = 0; i < threads; ++i) scratch.push_back(std::make_unique<SyntaxScratch>());
  AnnotateOptions annotate;
  annotate.entities = !flags.no_entities;
  std::atomic<size_t> sentences{0};
  RunSummary summary;
  int rc = RunDocuments(
      "parse", flags.input,
      [&](RawDocument& raw, int worker, std::string* out) -> Status {
        Document doc;
        SITREP_RETURN_IF_ERROR(ReadArticle(std::move(raw), options, &doc));
        segmenter.Segment(&doc);
        model.Annotate(&doc, scratch[worker].get(), annotate);
        sentences += doc.sentences.size();
        WriteDocumentConll(doc, out);
        return Status::OK();
      },
      &summary);
  if (!flags.input.quiet) {
    std::fprintf(stderr,
                 "sitrep parse: %zu documents, %zu sentences in %.2f s (%.0f sentences/s, "
                 "%d threads, reading and segmentation included)\n",
                 summary.documents, sentences.load(), summary.seconds,
                 summary.seconds > 0 ? sentences.load() / summary.seconds : 0.0, threads);
  }
  return rc;
}

int RunTokenized(const ParseFlags& flags, const SyntaxModel& model) {
  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> owned(nullptr, fclose);
  if (flags.input.output != "-") {
    owned.reset(std::fopen(flags.input.output.c_str(), "wb"));
    if (!owned) {
      std::fprintf(stderr, "sitrep parse: %s: cannot open for writing\n", flags.input.output.c_str());
      return 2;
    }
    out = owned.get();
  }
  int threads = ResolveThreadCount(flags.input.threads);
  WorkerPool pool(threads);
  std::vector<std::unique_ptr<SyntaxScratch>> scratch;
  for (int i = 0; i < threads; ++i) scratch.push_back(std::make_unique<SyntaxScratch>());
  AnnotateOptions annotate;
  annotate.entities = !flags.no_entities;
  size_t done = 0, errors = 0;
  for (const std::string& path : flags.input.operands) {
    auto sentences = ReadConllU(path);
    if (!sentences.ok()) {
      std::fprintf(stderr, "sitrep parse: %s\n", sentences.status().ToString().c_str());
      ++errors;
      continue;
    }
    std::vector<std::string> text(sentences->size());
    pool.Run(sentences->size(), [&](size_t i, int worker) {
      model.AnnotateConll(&(*sentences)[i], scratch[worker].get(), annotate);
      WriteConllSentence((*sentences)[i], &text[i]);
    });
    for (const std::string& t : text) {
      if (std::fwrite(t.data(), 1, t.size(), out) != t.size()) {
        std::fprintf(stderr, "sitrep parse: %s: write failed\n", flags.input.output.c_str());
        return 2;
      }
    }
    done += sentences->size();
  }
  return done == 0 && errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterParse(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ParseFlags>();
  CLI::App* cmd = app->add_subcommand(
      "parse", "Tag, lemmatise, parse and find named entities; print CoNLL-U.");
  cmd->footer(
      "\nInput: raw documents, read and segmented exactly as 'sitrep extract' does, or with\n"
      "--tokenized, CoNLL-U files whose FORM column is kept (other columns are replaced).\n\n"
      "Output: CoNLL-U. For raw documents each document starts with '# newdoc id = ID',\n"
      "each sentence has '# sent_id = ID-N' and '# text = ...'; MISC carries SpaceAfter=No\n"
      "when no white space follows the token, and named entities as BIO tags over tokens:\n"
      "NE=B-person on the first token of a mention, NE=I-person on the following ones\n"
      "(GUM entity types: person, organization, place, ...). HEAD/DEPREL are Universal\n"
      "Dependencies relations with subtypes. Speed is reported on stderr unless --quiet.\n\n"
      "The model is read from --model (default: the committed models/en_news.model).\n\n"
      "Examples:\n"
      "  sitrep parse article.txt\n"
      "  sitrep parse --threads 2 /work/shared/data/news/bbc/politics > bbc.conllu\n"
      "  sitrep parse --tokenized en_ewt-ud-test.conllu -o parsed.conllu\n");
  AddInputFlags(cmd, &flags->input);
  cmd->add_option("--model", flags->model, "Syntax model file")->capture_default_str();
  cmd->add_flag("--tokenized", flags->tokenized,
                "Inputs are CoNLL-U files with gold tokens (FORM column)");
  cmd->add_flag("--no-entities", flags->no_entities, "Skip named-entity recognition");
  cmd->callback([flags, exit_code] {
    auto model = SyntaxModel::Load(flags->model);
    if (!model.ok()) {
      std::fprintf(stderr, "sitrep parse: %s\n", model.status().ToString().c_str());
      *exit_code = 1;
      return;
    }
    *exit_code = flags->tokenized ? RunTokenized(*flags, **model) : RunRaw(*flags, **model);
  });
}

}  // namespace sitrep::cli

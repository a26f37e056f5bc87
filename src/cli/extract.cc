// sitrep extract: the text stage on its own.
#include <string>

#include "base/json_writer.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "document/document.h"
#include "text/article_reader.h"
#include "text/segmenter.h"

namespace sitrep::cli {

namespace {

struct ExtractFlags {
  InputFlags input;
  bool sentences = false;
  bool tokens = false;
  bool boilerplate = false;
  bool all_text = false;
};

void WriteSpans(JsonWriter& json, std::string_view key, const std::vector<Span>& spans) {
  json.Key(key).BeginArray();
  for (const Span& s : spans) json.BeginObject().Field("start", s.start).Field("end", s.end).EndObject();
  json.EndArray();
}

void WriteDocument(const Document& doc, const ExtractFlags& flags, std::string* out) {
  JsonWriter json(out);
  json.BeginObject()
      .Field("id", doc.id)
      .FieldOrNull("url", doc.url)
      .FieldOrNull("title", doc.title)
      .FieldOrNull("date", doc.date)
      .FieldOrNull("author", doc.author)
      .FieldOrNull("site", doc.site)
      .Field("text", doc.text);
  WriteSpans(json, "paragraphs", doc.paragraphs);
  if (flags.boilerplate) {
    json.Key("boilerplate").BeginArray();
    for (const auto& b : doc.boilerplate) {
      json.BeginObject()
          .Field("start", b.span.start)
          .Field("end", b.span.end)
          .Field("reason", b.reason)
          .EndObject();
    }
    json.EndArray();
  }
  if (flags.sentences) {
    std::vector<Span> spans;
    for (const Sentence& s : doc.sentences) spans.push_back(s.span);
    WriteSpans(json, "sentences", spans);
  }
  if (flags.tokens) {
    json.Key("tokens").BeginArray();
    for (const Sentence& s : doc.sentences) {
      json.BeginArray();
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        json.BeginArray().Int(doc.tokens[t].start).Int(doc.tokens[t].end).EndArray();
      }
      json.EndArray();
    }
    json.EndArray();
  }
  json.EndObject();
  out->push_back('\n');
}

}  // namespace

void RegisterExtract(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app->add_subcommand(
      "extract",
      "Read pages, scraped text or JSON Lines and print clean article text as JSON Lines.");
  cmd->footer(
      "\nOutput: one JSON object per document with id, url, title, date (publication date,\n"
      "ISO 8601, or null), author, site, text (the article, paragraphs separated by a blank\n"
      "line) and paragraphs ({start,end} byte offsets into text). For JSON Lines input with\n"
      "a \"text\" field the text is kept byte for byte and boilerplate is only marked.\n\n"
      "Bad inputs (empty, binary, truncated gzip, oversized, malformed JSON line) are\n"
      "reported on stderr, one line each, and the rest of the batch goes on. The exit\n"
      "status is non-zero only when nothing could be read.\n\n"
      "Examples:\n"
      "  sitrep extract page.html\n"
      "  sitrep extract --sentences examples/ > articles.jsonl\n"
      "  zcat feed.jsonl.gz | sitrep extract - --threads 2\n");
  AddInputFlags(cmd, &flags->input);
  cmd->add_flag("--sentences", flags->sentences, "Add sentence spans ({start,end} byte offsets)");
  cmd->add_flag("--tokens", flags->tokens, "Add token spans per sentence ([start,end] pairs)");
  cmd->add_flag("--boilerplate", flags->boilerplate,
                "Add the spans judged boilerplate, with the reason");
  cmd->add_flag("--all-text", flags->all_text,
                "Keep every block of text inputs as article text (no boilerplate marking), "
                "for text known to be clean");
  cmd->callback([flags, exit_code] {
    ArticleReaderOptions options;
    options.keep_all_text = flags->all_text;
    Segmenter segmenter;
    bool segment = flags->sentences || flags->tokens;
    *exit_code = RunDocuments(
        "extract", flags->input, [&](RawDocument& raw, int, std::string* out) -> Status {
          Document doc;
          SITREP_RETURN_IF_ERROR(ReadArticle(std::move(raw), options, &doc));
          if (segment) segmenter.Segment(&doc);
          WriteDocument(doc, *flags, out);
          return Status::OK();
        });
  });
}

}  // namespace sitrep::cli

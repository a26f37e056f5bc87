// sitrep dates: the time-expression stage on its own.
#include <string>

#include "base/json_writer.h"
#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "text/article_reader.h"
#include "time/time_tagger.h"

namespace sitrep::cli {

void RegisterDates(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<InputFlags>();
  CLI::App* cmd = app->add_subcommand(
      "dates", "Find time expressions and normalise them to TimeML values, as JSON Lines.");
  cmd->footer(
      "\nOutput: one JSON object per expression: doc_id, start, end (byte offsets into the\n"
      "document text), text, value (TimeML: 2016-12-11, 2016-12, 2016-W49, 2016, P3D,\n"
      "PRESENT_REF ...; null when it cannot be resolved) and type (DATE, TIME, DURATION, SET).\n\n"
      "Relative expressions (\"last week\", \"on Monday\", \"Dec. 11\") are anchored to the\n"
      "document's publication date (the JSON Lines \"date\" field, or one found in the page),\n"
      "preferring the past as news does. Without a publication date they stay unresolved.\n\n"
      "Examples:\n"
      "  sitrep dates examples/\n"
      "  echo '{\"id\":\"a\",\"date\":\"2016-12-13\",\"text\":\"On Dec. 11, ISIS retook Palmyra.\"}' "
      "| sitrep dates -\n");
  AddInputFlags(cmd, flags.get());
  cmd->callback([flags, exit_code] {
    ArticleReaderOptions options;
    TimeTagger tagger;
    *exit_code = RunDocuments("dates", *flags, [&](RawDocument& raw, int, std::string* out) -> Status {
      Document doc;
      SITREP_RETURN_IF_ERROR(ReadArticle(std::move(raw), options, &doc));
      std::vector<TimeExpression> found;
      tagger.TagDocument(doc, &found);
      for (const TimeExpression& t : found) {
        JsonWriter json(out);
        json.BeginObject()
            .Field("doc_id", doc.id)
            .Field("start", t.span.start)
            .Field("end", t.span.end)
            .Field("text", doc.Slice(t.span))
            .FieldOrNull("value", t.value)
            .Field("type", t.type)
            .EndObject();
        out->push_back('\n');
      }
      return Status::OK();
    });
  });
}

}  // namespace sitrep::cli

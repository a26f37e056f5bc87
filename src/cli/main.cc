// sitrep: reads news and builds a situation report: who did what to whom, when and where.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "sitrep turns news into political event data: who did what to whom, when and where.\n\n"
      "Pipeline stages, each a subcommand:\n"
      "  extract   page or text -> clean article text, sentences and tokens\n"
      "  actors    text -> actor mentions found by the actor dictionaries (debugging)\n"
      "  parse     text -> CoNLL-U: tags, lemmas, dependency trees, named entities\n"
      "  code      text -> events: who did what to whom (CAMEO, PLOVER, modality, evidence)\n"
      "  dates     text -> time expressions with TimeML values\n"
      "  ingest    text -> events stored in a SQLite database, repeated reports merged\n"
      "  query     database -> filtered events, counts, Goldstein sums, top actors and dyads\n"
      "  export    database -> GDELT 2.0 event and mention tables, CSV, JSON Lines, PLOVER\n"
      "  places    text -> place names resolved to coordinates (geoparsing)\n"
      "  serve     database -> the situation dashboard and a JSON API, on localhost\n"
      "  train-parser  train the syntax model from CoNLL-U treebanks\n"
      "  eval-parser   score the syntax model on gold CoNLL-U\n\n"
      "Inputs everywhere: .txt, .html/.htm and .jsonl files (optionally .gz), directories,\n"
      "or - for JSON Lines on stdin. Run 'sitrep COMMAND --help' for details and examples."};
  app.name("sitrep");
  app.set_version_flag("--version", SITREP_VERSION);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::help);

  int exit_code = 0;
  sitrep::cli::RegisterExtract(&app, &exit_code);
  sitrep::cli::RegisterActors(&app, &exit_code);
  sitrep::cli::RegisterParse(&app, &exit_code);
  sitrep::cli::RegisterTrainParser(&app, &exit_code);
  sitrep::cli::RegisterEvalParser(&app, &exit_code);
  sitrep::cli::RegisterCode(&app, &exit_code);
  sitrep::cli::RegisterDates(&app, &exit_code);
  sitrep::cli::RegisterPlaces(&app, &exit_code);
  sitrep::cli::RegisterIngest(&app, &exit_code);
  sitrep::cli::RegisterQuery(&app, &exit_code);
  sitrep::cli::RegisterExport(&app, &exit_code);
  sitrep::cli::RegisterServe(&app, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}

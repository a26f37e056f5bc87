// sitrep export: writes a database as GDELT 2.0 tables, CSV, JSON Lines or PLOVER JSON.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "store/event_export.h"
#include "store/event_store.h"

namespace sitrep::cli {

namespace {

struct ExportFlags {
  std::string db;
  std::string format = "jsonl";
  std::string output = "-";
  std::string mentions;
  std::string countries = CountryCodes::DefaultPath();
};

Status WriteExport(EventStore* store, ExportFormat format, const CountryCodes& countries,
                   const std::string& path) {
  FILE* f = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot open for writing");
  Status st = ExportStore(store, format, countries, [&](std::string_view chunk) {
    return std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size()
               ? Status::OK() : Status::IOError(path + ": write failed");
  });
  if (f != stdout) std::fclose(f); else std::fflush(f);
  return st;
}

Status RunExport(const ExportFlags& flags) {
  SITREP_ASSIGN_OR_RETURN(ExportFormat format, ParseExportFormat(flags.format));
  SITREP_ASSIGN_OR_RETURN(CountryCodes countries, CountryCodes::Load(flags.countries));
  StoreOptions options;
  options.read_only = true;
  SITREP_ASSIGN_OR_RETURN(auto store, EventStore::Open(flags.db, options));
  SITREP_RETURN_IF_ERROR(WriteExport(store.get(), format, countries, flags.output));
  if (!flags.mentions.empty()) {
    SITREP_RETURN_IF_ERROR(
        WriteExport(store.get(), ExportFormat::kGdeltMentions, countries, flags.mentions));
  }
  return Status::OK();
}

}  // namespace

void RegisterExport(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app->add_subcommand("export", "Write a database's events in another format.");
  cmd->footer(
      "\nFormats:\n"
      "  gdelt           GDELT 2.0 event table: 61 tab-separated columns, FIPS geo country codes\n"
      "  gdelt-mentions  GDELT 2.0 mentions table (16 columns), one row per report\n"
      "  csv             one row per event, with a header\n"
      "  jsonl           one event per line with all its mentions and evidence sentences\n"
      "  plover          PLOVER/POLECAT-style JSON Lines\n\n"
      "Examples:\n"
      "  sitrep export --db news.db --format gdelt -o events.tsv --mentions mentions.tsv\n"
      "  sitrep export --db news.db --format plover > events.plover.jsonl\n");
  cmd->add_option("--db", flags->db, "SQLite database written by 'sitrep ingest'")->required();
  cmd->add_option("--format", flags->format, "gdelt, gdelt-mentions, csv, jsonl or plover")
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write here instead of stdout");
  cmd->add_option("--mentions", flags->mentions, "Also write GDELT's mentions table to this file");
  cmd->add_option("--countries", flags->countries, "ISO3 -> FIPS table")->capture_default_str();
  cmd->callback([flags, exit_code] {
    Status st = RunExport(*flags);
    if (!st.ok()) std::fprintf(stderr, "sitrep export: %s\n", st.ToString().c_str());
    *exit_code = st.ok() ? 0 : 2;
  });
}

}  // namespace sitrep::cli

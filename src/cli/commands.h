// The sitrep subcommands. Each Register* adds one subcommand to the application; when it is
// chosen, its callback runs and stores the process exit code in *exit_code.
#pragma once

#include <CLI/CLI.hpp>

namespace sitrep::cli {

void RegisterExtract(CLI::App* app, int* exit_code);
void RegisterActors(CLI::App* app, int* exit_code);
void RegisterParse(CLI::App* app, int* exit_code);
void RegisterTrainParser(CLI::App* app, int* exit_code);
void RegisterEvalParser(CLI::App* app, int* exit_code);
void RegisterCode(CLI::App* app, int* exit_code);
void RegisterDates(CLI::App* app, int* exit_code);
void RegisterPlaces(CLI::App* app, int* exit_code);
void RegisterIngest(CLI::App* app, int* exit_code);
void RegisterQuery(CLI::App* app, int* exit_code);
void RegisterExport(CLI::App* app, int* exit_code);
void RegisterServe(CLI::App* app, int* exit_code);

}  // namespace sitrep::cli

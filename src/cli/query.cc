// sitrep query: filters and aggregations over an ingested database (store/query.h).
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "store/event_store.h"
#include "store/query.h"

namespace sitrep::cli {

namespace {

struct QueryFlags {
  std::string db;
  QuerySpec spec;
  std::string dyad;
  std::string near;
  std::string words;
  std::string aggregate = "none";
  std::string period = "month";
  std::string group_by = "none";
  std::string format = "table";
  std::string output = "-";
  bool counts = false;
  bool check_rollups = false;
  bool no_rollups = false;
};

Status ParseFlags(QueryFlags* f) {
  if (!f->dyad.empty()) {
    size_t dash = f->dyad.find('-');
    if (dash == std::string::npos) return Status::InvalidArgument("--dyad wants SOURCE-TARGET, e.g. RUS-UKR");
    f->spec.filter.source = f->dyad.substr(0, dash);
    f->spec.filter.target = f->dyad.substr(dash + 1);
  }
  if (!f->near.empty()) {
    double lat, lon, km = 50;
    int n = std::sscanf(f->near.c_str(), "%lf,%lf,%lf", &lat, &lon, &km);
    if (n < 2) return Status::InvalidArgument("--near wants LAT,LON[,KM]");
    f->spec.filter.has_circle = true;
    f->spec.filter.lat = lat;
    f->spec.filter.lon = lon;
    f->spec.filter.radius_km = km;
  }
  std::istringstream words(f->words);
  for (std::string w; words >> w;) f->spec.filter.words.push_back(w);
  const std::pair<const char*, Aggregate> aggs[] = {
      {"none", Aggregate::kNone}, {"count", Aggregate::kCount},
      {"goldstein", Aggregate::kGoldstein}, {"top-actors", Aggregate::kTopActors},
      {"top-dyads", Aggregate::kTopDyads}, {"series", Aggregate::kSeries}};
  bool known = false;
  for (auto& [name, a] : aggs) {
    if (f->aggregate == name) { f->spec.aggregate = a; known = true; }
  }
  if (!known) return Status::InvalidArgument("--aggregate: unknown '" + f->aggregate + "'");
  const std::pair<const char*, Period> periods[] = {
      {"day", Period::kDay}, {"week", Period::kWeek}, {"month", Period::kMonth}, {"all", Period::kAll}};
  known = false;
  for (auto& [name, p] : periods) {
    if (f->period == name) { f->spec.period = p; known = true; }
  }
  if (!known) return Status::InvalidArgument("--period wants day, week, month or all");
  const std::pair<const char*, GroupBy> groups[] = {
      {"none", GroupBy::kNone}, {"dyad", GroupBy::kDyad}, {"actor", GroupBy::kActor},
      {"place", GroupBy::kPlace}};
  known = false;
  for (auto& [name, g] : groups) {
    if (f->group_by == name) { f->spec.group_by = g; known = true; }
  }
  if (!known) return Status::InvalidArgument("--group-by wants none, dyad, actor or place");
  f->spec.use_rollups = !f->no_rollups;
  return Status::OK();
}

// One JSON line per rollup table: rows, digest, and rows that differ from a recomputation.
Status CheckRollups(EventStore* store, std::string* out, bool* consistent) {
  SITREP_ASSIGN_OR_RETURN(auto checks, store->CheckRollups());
  *consistent = true;
  for (const RollupCheck& c : checks) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "{\"table\":\"%s\",\"rows\":%lld,\"digest\":\"%016llx\","
                  "\"mismatched\":%lld}\n", c.table.c_str(), static_cast<long long>(c.rows),
                  static_cast<unsigned long long>(c.digest), static_cast<long long>(c.mismatched));
    *out += buf;
    if (c.mismatched != 0) *consistent = false;
  }
  return Status::OK();
}

int RunQueryCommand(QueryFlags flags) {
  Status st = ParseFlags(&flags);
  StoreOptions options;
  options.read_only = true;
  auto store = EventStore::Open(flags.db, options);
  if (st.ok() && !store.ok()) st = store.status();
  std::string out;
  bool consistent = true;
  if (st.ok() && flags.check_rollups) {
    st = CheckRollups(store->get(), &out, &consistent);
  } else if (st.ok() && flags.counts) {
    auto c = (*store)->Counts();
    if (!c.ok()) st = c.status();
    else {
      char buf[512];
      std::snprintf(buf, sizeof buf,
                    "{\"documents\":%lld,\"sentences\":%lld,\"actor_mentions\":%lld,\"actors\":%lld,"
                    "\"places\":%lld,\"events\":%lld,\"mentions\":%lld}\n",
                    (long long)c->documents, (long long)c->sentences, (long long)c->actor_mentions,
                    (long long)c->actors, (long long)c->places, (long long)c->events,
                    (long long)c->mentions);
      out = buf;
    }
  } else if (st.ok()) {
    auto table = RunQuery(store->get(), flags.spec);
    if (!table.ok()) st = table.status();
    else if (flags.format == "csv") out = FormatCsv(*table);
    else if (flags.format == "json") out = FormatJsonLines(*table);
    else out = FormatTable(*table);
  }
  if (!st.ok()) {
    std::fprintf(stderr, "sitrep query: %s\n", st.ToString().c_str());
    return 2;
  }
  FILE* f = flags.output == "-" ? stdout : std::fopen(flags.output.c_str(), "wb");
  if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size()) {
    std::fprintf(stderr, "sitrep query: cannot write %s\n", flags.output.c_str());
    return 2;
  }
  if (f != stdout) std::fclose(f);
  if (!consistent) {
    std::fprintf(stderr, "sitrep query: rollups differ from the events table\n");
    return 1;
  }
  return 0;
}

}  // namespace

void RegisterQuery(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* cmd = app->add_subcommand("query", "Filter and aggregate the events of a database.");
  cmd->footer(
      "\nActor codes match by prefix (RUS matches RUSGOV, RUSMIL); an actor with lower-case\n"
      "letters matches actor names instead. Dates are the events' own days.\n\n"
      "Aggregations over dyads, actors or places keep the --limit groups with most events\n"
      "(default 100; 0 = all) and give each its periods. They are answered from rollup\n"
      "tables kept beside the events, except for --words, actor names, and --place or\n"
      "--near combined with dyads or actors, which read the events.\n\n"
      "Examples:\n"
      "  sitrep query --db news.db --actor RUS --from 2016-03-01 --to 2016-03-31\n"
      "  sitrep query --db news.db --dyad USA-RUS --cameo 04 --format csv\n"
      "  sitrep query --db news.db --aggregate count --period week --root 19\n"
      "  sitrep query --db news.db --aggregate goldstein --period month --actor SYR\n"
      "  sitrep query --db news.db --aggregate top-dyads --limit 10\n"
      "  sitrep query --db news.db --aggregate series --group-by place --period week --limit 10\n"
      "  sitrep query --db news.db --aggregate series --group-by actor --period all --root 19\n"
      "  sitrep query --db news.db --near 33.5,36.3,100 --words \"air strike\"\n"
      "  sitrep query --db news.db --counts\n");
  auto& f = flags->spec.filter;
  cmd->add_option("--db", flags->db, "SQLite database written by 'sitrep ingest'")->required();
  cmd->add_option("--actor", f.actor, "Actor code prefix or name, on either side");
  cmd->add_option("--source", f.source, "Source actor code prefix");
  cmd->add_option("--target", f.target, "Target actor code prefix");
  cmd->add_option("--dyad", flags->dyad, "SOURCE-TARGET code prefixes, e.g. RUS-UKR");
  cmd->add_option("--cameo,--root", f.cameo, "CAMEO code or root prefix, e.g. 19 or 190");
  cmd->add_option("--quad", f.quad_class, "Quad class 1-4");
  cmd->add_option("--plover", f.plover, "PLOVER type, e.g. ASSAULT");
  cmd->add_option("--modality", f.modality, "asserted, hypothetical or negated");
  cmd->add_option("--from", f.date_from, "First day (ISO date)");
  cmd->add_option("--to", f.date_to, "Last day (ISO date)");
  cmd->add_option("--place", f.place, "Words of the place name");
  cmd->add_option("--near", flags->near, "LAT,LON[,KM]: events within KM (default 50) of a point");
  cmd->add_option("--words", flags->words, "Words that must all occur in an evidence sentence");
  cmd->add_option("--aggregate", flags->aggregate,
                  "none, count, goldstein, top-actors, top-dyads, series")
      ->capture_default_str();
  cmd->add_option("--period", flags->period, "day, week, month, or all (series totals)")
      ->capture_default_str();
  cmd->add_option("--group-by", flags->group_by,
                  "With --aggregate series: none, dyad, actor or place")
      ->capture_default_str();
  cmd->add_flag("--by-dyad", flags->spec.by_dyad, "With --aggregate count: one row per dyad");
  cmd->add_option("--limit", flags->spec.limit,
                  "Most events listed, or most groups (dyads, actors, places) aggregated; 0 = all")
      ->capture_default_str();
  cmd->add_option("--format", flags->format, "table, csv or json")->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write here instead of stdout");
  cmd->add_flag("--counts", flags->counts, "Print the number of rows of every table as JSON");
  cmd->add_flag("--check-rollups", flags->check_rollups,
                "Recompute the rollup tables from the events and compare (JSON per table; exit "
                "status 1 when they differ)");
  cmd->add_flag("--no-rollups", flags->no_rollups,
                "Aggregate from the events table even when the rollups could answer");
  cmd->callback([flags, exit_code] { *exit_code = RunQueryCommand(*flags); });
}

}  // namespace sitrep::cli

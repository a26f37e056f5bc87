#include "store/event_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iterator>
#include <unordered_map>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "store/rollups.h"
#include "time/calendar.h"

namespace sitrep {

namespace {

// Schema steps: kMigrations[v] takes a database from version v to v + 1.
const char* const kMigrations[] = {
    // 0 -> 1: the core tables.
    R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, content_hash INTEGER NOT NULL UNIQUE,
  url TEXT, title TEXT, site TEXT, source TEXT, date TEXT, day INTEGER, text TEXT NOT NULL,
  sentence_count INTEGER, event_count INTEGER, ingested_at INTEGER);
CREATE TABLE sentences(
  doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER, end INTEGER, paragraph INTEGER,
  text TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE TABLE actors(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT, kind TEXT, mentions INTEGER);
CREATE TABLE actor_mentions(
  doc INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER, start INTEGER, end INTEGER,
  actor INTEGER, antecedent INTEGER, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE TABLE places(
  id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL, geonames_id INTEGER,
  precision TEXT, UNIQUE(name, country, lat, lon));
CREATE TABLE events(
  id INTEGER PRIMARY KEY, source_code TEXT NOT NULL, target_code TEXT NOT NULL,
  source_name TEXT, target_name TEXT, cameo TEXT, root TEXT NOT NULL, quad_class INTEGER,
  goldstein REAL, plover TEXT, modality TEXT NOT NULL, day INTEGER, month INTEGER,
  min_day INTEGER, max_day INTEGER, place INTEGER, has_point INTEGER, lat REAL, lon REAL,
  place_name TEXT, place_country TEXT, is_root INTEGER, num_mentions INTEGER,
  num_sources INTEGER, num_articles INTEGER, first_doc INTEGER, date_added INTEGER);
CREATE INDEX events_merge ON events(source_code, target_code, root, modality, min_day);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY, event INTEGER NOT NULL, doc INTEGER NOT NULL, ordinal INTEGER,
  mention_key TEXT, sentence INTEGER, source TEXT,
  source_code TEXT, source_name TEXT, source_start INTEGER, source_end INTEGER,
  target_code TEXT, target_name TEXT, target_start INTEGER, target_end INTEGER,
  cameo TEXT, goldstein REAL, plover TEXT, trigger_start INTEGER, trigger_end INTEGER,
  modality TEXT, date TEXT, date_precision TEXT, day INTEGER, place INTEGER,
  UNIQUE(doc, ordinal));
CREATE INDEX mentions_event ON mentions(event, doc);
)sql",
    // 1 -> 2: indexes for queries and exports.
    R"sql(
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_month_dyad ON events(month, source_code, target_code, goldstein);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_plover ON events(plover, day);
CREATE INDEX events_lat ON events(lat);
CREATE INDEX events_place ON events(place_name);
)sql",
    // 2 -> 3: speaker keys and content words for the merge rule (store/event_merger.h), and
    // the rollup tables with the triggers that keep them (store/rollups.h). Events merged
    // before keep their actor names as speaker keys. Aggregations no longer read events.
    R"sql(
ALTER TABLE events ADD COLUMN source_key TEXT;
ALTER TABLE events ADD COLUMN target_key TEXT;
ALTER TABLE events ADD COLUMN words TEXT;
UPDATE events SET source_key = coalesce(source_name, ''), target_key = coalesce(target_name, '')
  WHERE quad_class IN (1, 3);
DROP INDEX events_month_dyad;
CREATE INDEX events_place_id ON events(place);
)sql",
    // 3 -> 4: targets the text leaves unsaid (events/implicit_targets.h) are marked on their
    // mention ("location" or "domestic"), and an unsaid target with no text has no span.
    // The actors table keeps such actors as countries: before, the kind of the first
    // implicit mention could stick to the country's row.
    R"sql(
ALTER TABLE mentions ADD COLUMN target_implicit TEXT;
UPDATE actors SET kind = 'country' WHERE kind IN ('location', 'domestic');
)sql",
    // 4 -> 5: rollup_place_quad (store/rollups.h), events per place and quad class over
    // all time, for the map; the SQL is RollupPlaceQuadSchemaSql.
    "",
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == EventStore::kSchemaVersion);

// The statements of migration step `v` (from version v to v + 1).
std::string MigrationSql(int v) {
  std::string sql = kMigrations[v];
  if (v == 2) sql += RollupSchemaSql();
  if (v == 4) sql += RollupPlaceQuadSchemaSql();
  return sql;
}

void DistanceFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  for (int i = 0; i < 4; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(ctx);
      return;
    }
  }
  sqlite3_result_double(ctx, GreatCircleKm(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
                                        sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])));
}

// A prepared statement bound and stepped with short calls.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* s) : s_(s) {}
  Statement& Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    next_ = 1;
    return *this;
  }
  Statement& Bind(int64_t v) { sqlite3_bind_int64(s_, next_++, v); return *this; }
  Statement& Bind(int v) { return Bind(static_cast<int64_t>(v)); }
  Statement& Bind(uint32_t v) { return Bind(static_cast<int64_t>(v)); }
  Statement& Bind(double v) { sqlite3_bind_double(s_, next_++, v); return *this; }
  Statement& Bind(std::string_view v) {
    sqlite3_bind_text(s_, next_++, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(const char* v) { return Bind(std::string_view(v)); }
  Statement& Bind(const std::string& v) { return Bind(std::string_view(v)); }
  Statement& BindNull() { sqlite3_bind_null(s_, next_++); return *this; }
  Statement& BindDay(int64_t day) { return day == kUnknownDay ? BindNull() : Bind(day); }
  Statement& BindId(int64_t id) { return id <= 0 ? BindNull() : Bind(id); }
  int Step() { return sqlite3_step(s_); }
  sqlite3_stmt* get() { return s_; }

 private:
  sqlite3_stmt* s_;
  int next_ = 1;
};

// "location" or "domestic" for a target the text leaves unsaid (events/implicit_targets.h),
// else nullptr.
const char* ImplicitKind(const ActorMention& a) {
  if (a.kind == "location") return "location";
  if (a.kind == "domestic") return "domestic";
  return nullptr;
}

}  // namespace

struct EventStore::Rep {
  sqlite3* db = nullptr;
  std::string path;
  StoreOptions options;
  MergeRule rule;
  int version = 0;
  bool in_batch = false;
  std::unordered_map<const char*, std::unique_ptr<Statement>> statements;

  ~Rep() {
    for (auto& [sql, st] : statements) sqlite3_finalize(st->get());
    if (db) sqlite3_close(db);
  }
  Status Error(std::string_view what) const {
    return Status::IOError(path + ": " + std::string(what) + ": " + sqlite3_errmsg(db));
  }
  // The cached statement for a string literal (keyed by its address).
  Result<Statement*> Prepare(const char* sql) {
    auto it = statements.find(sql);
    if (it != statements.end()) return &it->second->Reset();
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
      return Error("prepare");
    }
    auto& slot = statements[sql];
    slot = std::make_unique<Statement>(s);
    return slot.get();
  }
  Status Exec(std::string_view sql) {
    std::string owned(sql);
    char* message = nullptr;
    if (sqlite3_exec(db, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : "error";
      sqlite3_free(message);
      return Status::IOError(path + ": " + m);
    }
    return Status::OK();
  }
  // Steps a statement expected to finish without rows.
  Status Done(Statement* st, std::string_view what) {
    return st->Step() == SQLITE_DONE ? Status::OK() : Error(what);
  }
};

// --- SqlRow ---

int SqlRow::size() const { return sqlite3_column_count(static_cast<sqlite3_stmt*>(statement_)); }
std::string_view SqlRow::Name(int c) const {
  return sqlite3_column_name(static_cast<sqlite3_stmt*>(statement_), c);
}
bool SqlRow::IsNull(int c) const {
  return sqlite3_column_type(static_cast<sqlite3_stmt*>(statement_), c) == SQLITE_NULL;
}
int64_t SqlRow::Int(int c) const {
  return sqlite3_column_int64(static_cast<sqlite3_stmt*>(statement_), c);
}
double SqlRow::Double(int c) const {
  return sqlite3_column_double(static_cast<sqlite3_stmt*>(statement_), c);
}
std::string_view SqlRow::Text(int c) const {
  auto* s = static_cast<sqlite3_stmt*>(statement_);
  const unsigned char* p = sqlite3_column_text(s, c);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s, c));
}
SqlValue SqlRow::Value(int c) const {
  switch (sqlite3_column_type(static_cast<sqlite3_stmt*>(statement_), c)) {
    case SQLITE_NULL: return std::monostate{};
    case SQLITE_INTEGER: return Int(c);
    case SQLITE_FLOAT: return Double(c);
    default: return std::string(Text(c));
  }
}

// --- opening and migrating ---

namespace {

Status ApplyMigrations(EventStore* store, int from, int to) {
  for (int v = from; v < to; ++v) {
    SITREP_RETURN_IF_ERROR(store->Execute("BEGIN IMMEDIATE"));
    Status st = store->Execute(MigrationSql(v));
    if (st.ok()) st = store->Execute("PRAGMA user_version = " + std::to_string(v + 1));
    if (!st.ok()) {
      (void)store->Execute("ROLLBACK");
      return st.WithContext("migrating schema to version " + std::to_string(v + 1));
    }
    SITREP_RETURN_IF_ERROR(store->Execute("COMMIT"));
  }
  return Status::OK();
}

}  // namespace

EventStore::EventStore(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
EventStore::~EventStore() = default;

int EventStore::schema_version() const { return rep_->version; }
const std::string& EventStore::path() const { return rep_->path; }

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path,
                                                    StoreOptions options) {
  auto rep = std::make_unique<Rep>();
  rep->path = path;
  rep->options = options;
  rep->rule = MergeRule(options.merge);
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &rep->db, flags, nullptr) != SQLITE_OK) {
    Status st = rep->db ? rep->Error("open") : Status::IOError(path + ": cannot open");
    return st;
  }
  sqlite3_busy_timeout(rep->db, options.busy_timeout_ms);
  sqlite3_create_function(rep->db, "distance_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          DistanceFunction, nullptr, nullptr);
  std::unique_ptr<EventStore> store(new EventStore(std::move(rep)));
  Rep& r = *store->rep_;
  if (!options.read_only) {
    SITREP_RETURN_IF_ERROR(r.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                  "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY"));
  }
  SITREP_RETURN_IF_ERROR(store->Query("PRAGMA user_version", {}, [&](const SqlRow& row) {
    r.version = static_cast<int>(row.Int(0));
    return Status::OK();
  }));
  if (r.version > kSchemaVersion) {
    return Status::InvalidArgument(path + ": schema version " + std::to_string(r.version) +
                                   " is newer than this sitrep (" +
                                   std::to_string(kSchemaVersion) + ")");
  }
  if (r.version < kSchemaVersion) {
    if (options.read_only) {
      return Status::InvalidArgument(path + ": not a sitrep database or an old schema (version " +
                                     std::to_string(r.version) + "); run sitrep ingest on it");
    }
    SITREP_RETURN_IF_ERROR(ApplyMigrations(store.get(), r.version, kSchemaVersion));
    r.version = kSchemaVersion;
    SITREP_RETURN_IF_ERROR(r.Exec("PRAGMA analysis_limit = 1000; ANALYZE;"));
  }
  return store;
}

Status EventStore::TEST_CreateAtVersion(const std::string& path, int version,
                                        const std::string& rows) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return Status::IOError(path);
  std::string sql;
  for (int v = 0; v < version; ++v) sql += MigrationSql(v);
  sql += "PRAGMA user_version = " + std::to_string(version) + ";" + rows;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc == SQLITE_OK ? Status::OK() : Status::IOError(path + ": cannot create schema");
}

// --- generic SQL ---

Status EventStore::Execute(std::string_view sql) { return rep_->Exec(sql); }

namespace {

void BindValue(sqlite3_stmt* s, int i, const SqlValue& v) {
  if (auto* n = std::get_if<int64_t>(&v)) {
    sqlite3_bind_int64(s, i, *n);
  } else if (auto* d = std::get_if<double>(&v)) {
    sqlite3_bind_double(s, i, *d);
  } else if (auto* t = std::get_if<std::string>(&v)) {
    sqlite3_bind_text(s, i, t->data(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(s, i);
  }
}

}  // namespace

Status EventStore::Query(std::string_view sql, const std::vector<SqlValue>& params,
                         const std::function<Status(const SqlRow&)>& row) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(rep_->db, sql.data(), static_cast<int>(sql.size()), &s, nullptr) !=
      SQLITE_OK) {
    return rep_->Error("prepare");
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(s, sqlite3_finalize);
  for (size_t i = 0; i < params.size(); ++i) BindValue(s, static_cast<int>(i + 1), params[i]);
  for (;;) {
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) return Status::OK();
    if (rc != SQLITE_ROW) return rep_->Error("query");
    SITREP_RETURN_IF_ERROR(row(SqlRow(s)));
  }
}

Status EventStore::Begin() {
  SITREP_RETURN_IF_ERROR(rep_->Exec("BEGIN IMMEDIATE"));
  rep_->in_batch = true;
  return Status::OK();
}

Status EventStore::Commit() {
  rep_->in_batch = false;
  return rep_->Exec("COMMIT");
}

Status EventStore::Rollback() {
  rep_->in_batch = false;
  return rep_->Exec("ROLLBACK");
}

Result<StoreCounts> EventStore::Counts() {
  StoreCounts c;
  std::pair<const char*, int64_t*> tables[] = {
      {"documents", &c.documents}, {"sentences", &c.sentences},
      {"actor_mentions", &c.actor_mentions}, {"actors", &c.actors},
      {"places", &c.places}, {"events", &c.events}, {"mentions", &c.mentions}};
  for (auto& [table, out] : tables) {
    SITREP_RETURN_IF_ERROR(Query(std::string("SELECT count(*) FROM ") + table, {},
                                 [out = out](const SqlRow& row) {
                                   *out = row.Int(0);
                                   return Status::OK();
                                 }));
  }
  return c;
}

Result<std::vector<RollupCheck>> EventStore::CheckRollups() {
  std::vector<RollupCheck> checks;
  for (const std::string& table : RollupTableNames()) {
    RollupCheck c;
    c.table = table;
    XXH3_state_t* state = XXH3_createState();
    std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> guard(state, XXH3_freeState);
    XXH3_64bits_reset(state);
    Status st = Query(RollupContentSql(table), {}, [&](const SqlRow& row) {
      ++c.rows;
      for (int i = 0; i < row.size(); ++i) {
        std::string_view v = row.Text(i);
        XXH3_64bits_update(state, v.data(), v.size());
        XXH3_64bits_update(state, i + 1 < row.size() ? "\t" : "\n", 1);
      }
      return Status::OK();
    });
    SITREP_RETURN_IF_ERROR(st);
    c.digest = XXH3_64bits_digest(state);
    std::string stored = "SELECT * FROM (" + RollupContentSql(table) + ")";
    std::string recomputed = "SELECT * FROM (" + RollupRecomputeSql(table) + ")";
    std::string sql = "SELECT (SELECT count(*) FROM (" + stored + " EXCEPT " + recomputed +
                      ")) + (SELECT count(*) FROM (" + recomputed + " EXCEPT " + stored + "))";
    SITREP_RETURN_IF_ERROR(Query(sql, {}, [&](const SqlRow& row) {
      c.mismatched = row.Int(0);
      return Status::OK();
    }));
    checks.push_back(std::move(c));
  }
  return checks;
}

uint64_t ContentHash(std::string_view content) { return XXH3_64bits(content.data(), content.size()); }

// --- ingest ---

Result<bool> EventStore::Contains(std::string_view doc_id, uint64_t content_hash) {
  static const char kSql[] = "SELECT 1 FROM documents WHERE doc_key = ? OR content_hash = ?";
  SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kSql));
  st->Bind(doc_id).Bind(static_cast<int64_t>(content_hash));
  int rc = st->Step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return rep_->Error("lookup document");
}

Result<AddOutcome> EventStore::Add(const Document& doc, std::string_view key,
                                   uint64_t content_hash) {
  AddOutcome outcome;
  SITREP_ASSIGN_OR_RETURN(bool present, Contains(key, content_hash));
  if (present) return outcome;
  bool own_transaction = !rep_->in_batch;
  if (own_transaction) SITREP_RETURN_IF_ERROR(Begin());
  static const char kSql[] =
      "INSERT INTO documents(doc_key, content_hash, url, title, site, source, date, day, text,"
      " sentence_count, event_count, ingested_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";
  std::string source = SourceName(doc.url, doc.site);
  Status st;
  Result<Statement*> ins = rep_->Prepare(kSql);
  if (!ins.ok()) st = ins.status();
  if (st.ok()) {
    (*ins)->Bind(key).Bind(static_cast<int64_t>(content_hash)).Bind(doc.url).Bind(doc.title)
        .Bind(doc.site).Bind(source).Bind(doc.date).BindDay(DayNumber(doc.date)).Bind(doc.text)
        .Bind(static_cast<int64_t>(doc.sentences.size()))
        .Bind(static_cast<int64_t>(doc.events.size()))
        .Bind(static_cast<int64_t>(std::time(nullptr)));
    st = rep_->Done(*ins, "insert document");
  }
  int64_t doc_row = sqlite3_last_insert_rowid(rep_->db);
  if (st.ok()) st = AddSentences(doc, doc_row);
  if (st.ok()) st = AddActors(doc, doc_row);
  for (size_t i = 0; st.ok() && i < doc.events.size(); ++i) {
    st = AddEvent(doc, i, doc_row, source, &outcome);
  }
  if (!st.ok()) {
    if (own_transaction) (void)Rollback();
    return st.WithContext(doc.origin.empty() ? doc.id : doc.origin);
  }
  if (own_transaction) SITREP_RETURN_IF_ERROR(Commit());
  outcome.added = true;
  return outcome;
}

Status EventStore::AddSentences(const Document& doc, int64_t doc_row) {
  static const char kSql[] =
      "INSERT INTO sentences(doc, idx, start, end, paragraph, text) VALUES(?,?,?,?,?,?)";
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kSql));
    st->Bind(doc_row).Bind(static_cast<int64_t>(i)).Bind(s.span.start).Bind(s.span.end)
        .Bind(s.paragraph).Bind(doc.Slice(s.span));
    SITREP_RETURN_IF_ERROR(rep_->Done(st, "insert sentence"));
  }
  return Status::OK();
}

Status EventStore::AddActors(const Document& doc, int64_t doc_row) {
  static const char kActor[] =
      "INSERT INTO actors(code, name, kind, mentions) VALUES(?,?,?,1) "
      "ON CONFLICT(code) DO UPDATE SET mentions = mentions + 1 RETURNING id";
  static const char kMention[] =
      "INSERT INTO actor_mentions(doc, idx, sentence, start, end, actor, antecedent) "
      "VALUES(?,?,?,?,?,?,?)";
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    const ActorMention& a = doc.actors[i];
    int64_t actor = 0;
    if (!a.code.empty()) {
      SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kActor));
      // An unsaid target stands for its country; "location"/"domestic" is the mention's role.
      st->Bind(a.code).Bind(a.name).Bind(ImplicitKind(a) ? "country" : a.kind);
      if (st->Step() != SQLITE_ROW) return rep_->Error("insert actor");
      actor = sqlite3_column_int64(st->get(), 0);
      if (st->Step() != SQLITE_DONE) return rep_->Error("insert actor");
    }
    SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kMention));
    st->Bind(doc_row).Bind(static_cast<int64_t>(i)).Bind(a.sentence).Bind(a.span.start)
        .Bind(a.span.end).BindId(actor);
    if (a.antecedent >= 0) st->Bind(static_cast<int64_t>(a.antecedent)); else st->BindNull();
    SITREP_RETURN_IF_ERROR(rep_->Done(st, "insert actor mention"));
  }
  return Status::OK();
}

Result<int64_t> EventStore::PlaceId(const Event& e) {
  if (!e.has_location) return int64_t{0};
  const Location& l = e.location;
  static const char kSql[] =
      "INSERT INTO places(name, country, lat, lon, geonames_id, precision) VALUES(?,?,?,?,?,?) "
      "ON CONFLICT(name, country, lat, lon) DO UPDATE SET name = excluded.name RETURNING id";
  SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kSql));
  st->Bind(l.name).Bind(l.country).Bind(l.lat).Bind(l.lon).Bind(l.geonames_id).Bind(l.precision);
  if (st->Step() != SQLITE_ROW) return rep_->Error("insert place");
  int64_t id = sqlite3_column_int64(st->get(), 0);
  if (st->Step() != SQLITE_DONE) return rep_->Error("insert place");
  return id;
}

namespace {

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// The words an event keeps for rule 7: its mentions' words, sorted, at most kMaxEventWords.
constexpr size_t kMaxEventWords = 64;

std::vector<std::string> UnionWords(const std::vector<std::string>& a,
                                    const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  if (out.size() > kMaxEventWords) out.resize(kMaxEventWords);
  return out;
}

std::string ColumnText(sqlite3_stmt* s, int column) {
  const unsigned char* p = sqlite3_column_text(s, column);
  return p ? reinterpret_cast<const char*>(p) : "";
}

}  // namespace

Status EventStore::AddEvent(const Document& doc, size_t index, int64_t doc_row,
                            const std::string& source, AddOutcome* outcome) {
  const Event& e = doc.events[index];
  MentionFacts facts = rep_->rule.FactsOf(doc, index);
  SITREP_ASSIGN_OR_RETURN(int64_t place, PlaceId(e));
  std::vector<std::string> event_words;
  SITREP_ASSIGN_OR_RETURN(int64_t event, FindEvent(facts, doc_row, &event_words));
  bool lead = doc.sentences.empty() || doc.sentences[e.sentence].paragraph == 0;
  if (event == 0) {
    // A new event starts with this mention's counters (one mention, article and source).
    SITREP_ASSIGN_OR_RETURN(event, NewEvent(doc, index, facts, doc_row, place, lead));
    ++outcome->new_events;
  } else {
    ++outcome->merged_mentions;
    std::string words;
    if (MergeRule::IsVerbal(facts.quad_class)) words = JoinWords(UnionWords(event_words, facts.words));
    SITREP_RETURN_IF_ERROR(LinkMention(event, facts, doc_row, source, lead, place, words));
  }
  static const char kSql[] =
      "INSERT INTO mentions(event, doc, ordinal, mention_key, sentence, source, source_code,"
      " source_name, source_start, source_end, target_code, target_name, target_start,"
      " target_end, cameo, goldstein, plover, trigger_start, trigger_end, modality, date,"
      " date_precision, day, place, target_implicit)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kSql));
  st->Bind(event).Bind(doc_row).Bind(static_cast<int64_t>(index))
      .Bind(doc.id + ":" + std::to_string(e.sentence) + ":" + std::to_string(index))
      .Bind(e.sentence).Bind(source);
  for (int32_t actor : {e.source, e.target}) {
    if (actor < 0) {
      st->Bind("").BindNull().BindNull().BindNull();
      continue;
    }
    const ActorMention& a = doc.actors[actor];
    st->Bind(a.code).Bind(a.name);
    // An unsaid target with no text ("domestic") has no span, not the span 0..0.
    if (ImplicitKind(a) && a.span.empty()) st->BindNull().BindNull();
    else st->Bind(a.span.start).Bind(a.span.end);
  }
  st->Bind(e.cameo).Bind(e.goldstein).Bind(e.plover).Bind(e.trigger.start).Bind(e.trigger.end)
      .Bind(ModalityName(e.modality)).Bind(e.date).Bind(e.date_precision).BindDay(facts.day)
      .BindId(place);
  const char* implicit = e.target >= 0 ? ImplicitKind(doc.actors[e.target]) : nullptr;
  if (implicit) st->Bind(implicit); else st->BindNull();
  return rep_->Done(st, "insert mention");
}

Result<int64_t> EventStore::FindEvent(const MentionFacts& m, int64_t doc_row,
                                      std::vector<std::string>* best_words) {
  // Candidates: an event whose days all lie within N of m.day has min_day in [day-2N, day+N].
  static const char kDated[] =
      "SELECT id, min_day, max_day, has_point, lat, lon, place_country, source_key, target_key,"
      " words, EXISTS(SELECT 1 FROM mentions WHERE event = events.id AND doc = ?1) FROM events "
      "WHERE source_code = ?2 AND target_code = ?3 AND root = ?4 AND modality = ?5 "
      "AND min_day BETWEEN ?6 AND ?7 ORDER BY id";
  static const char kUndated[] =
      "SELECT id, min_day, max_day, has_point, lat, lon, place_country, source_key, target_key,"
      " words, 1 FROM events "
      "WHERE first_doc = ?1 AND source_code = ?2 AND target_code = ?3 AND root = ?4 "
      "AND modality = ?5 AND min_day IS NULL ORDER BY id";
  const int n = rep_->rule.options().max_days_apart;
  SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(m.day == kUnknownDay ? kUndated : kDated));
  st->Bind(doc_row).Bind(m.source).Bind(m.target).Bind(m.root).Bind(ModalityName(m.modality));
  if (m.day != kUnknownDay) st->Bind(m.day - 2 * n).Bind(m.day + n);
  int64_t best = 0, best_gap = 0;
  EventFacts e;
  e.source = m.source;
  e.target = m.target;
  e.root = m.root;
  e.modality = m.modality;
  bool verbal = MergeRule::IsVerbal(m.quad_class);
  for (int rc; (rc = st->Step()) != SQLITE_DONE;) {
    if (rc != SQLITE_ROW) return rep_->Error("find event");
    sqlite3_stmt* s = st->get();
    bool dated = sqlite3_column_type(s, 1) != SQLITE_NULL;
    e.min_day = dated ? sqlite3_column_int64(s, 1) : kUnknownDay;
    e.max_day = dated ? sqlite3_column_int64(s, 2) : kUnknownDay;
    e.has_place = sqlite3_column_int(s, 3) != 0;
    e.lat = sqlite3_column_double(s, 4);
    e.lon = sqlite3_column_double(s, 5);
    e.country = ColumnText(s, 6);
    if (verbal) {
      e.source_key = ColumnText(s, 7);
      e.target_key = ColumnText(s, 8);
      e.words = SplitWords(ColumnText(s, 9));
      e.same_document = sqlite3_column_int(s, 10) != 0;
    }
    if (!rep_->rule.SameEvent(m, e)) continue;
    int64_t gap = dated ? std::min(std::llabs(m.day - e.min_day), std::llabs(m.day - e.max_day)) : 0;
    if (best == 0 || gap < best_gap) {
      best = sqlite3_column_int64(s, 0);
      best_gap = gap;
      *best_words = e.words;
    }
  }
  return best;
}

Result<int64_t> EventStore::NewEvent(const Document& doc, size_t index, const MentionFacts& m,
                                     int64_t doc_row, int64_t place, bool lead) {
  const Event& e = doc.events[index];
  static const char kSql[] =
      "INSERT INTO events(source_code, target_code, source_name, target_name, cameo, root,"
      " quad_class, goldstein, plover, modality, day, month, min_day, max_day, place, has_point,"
      " lat, lon, place_name, place_country, is_root, num_mentions, num_sources, num_articles,"
      " first_doc, date_added, source_key, target_key, words)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,1,?,?,?,?,?)";
  SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kSql));
  st->Bind(m.source).Bind(m.target).Bind(e.source >= 0 ? doc.actors[e.source].name : "")
      .Bind(e.target >= 0 ? doc.actors[e.target].name : "").Bind(e.cameo).Bind(m.root)
      .Bind(e.quad_class).Bind(e.goldstein).Bind(e.plover).Bind(ModalityName(m.modality))
      .BindDay(m.day);
  if (m.day == kUnknownDay) {
    st->BindNull();
  } else {
    CivilDate d = CivilFromDays(m.day);
    st->Bind(static_cast<int64_t>(d.year * 100 + d.month));
  }
  st->BindDay(m.day).BindDay(m.day).BindId(place).Bind(m.has_place ? 1 : 0);
  if (e.has_location) {
    st->Bind(e.location.lat).Bind(e.location.lon).Bind(e.location.name).Bind(e.location.country);
  } else {
    st->BindNull().BindNull().BindNull().BindNull();
  }
  st->Bind(lead ? 1 : 0).Bind(doc_row).Bind(static_cast<int64_t>(std::time(nullptr)));
  if (MergeRule::IsVerbal(m.quad_class)) {
    st->Bind(m.source_key).Bind(m.target_key).Bind(JoinWords(m.words));
  } else {
    st->BindNull().BindNull().BindNull();
  }
  SITREP_RETURN_IF_ERROR(rep_->Done(st, "insert event"));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(rep_->db));
}

Status EventStore::LinkMention(int64_t event, const MentionFacts& m, int64_t doc_row,
                               const std::string& source, bool lead, int64_t place,
                               const std::string& words) {
  // Must run before the mention row is inserted: it asks whether the event already has a
  // mention from this document and from this source.
  static const char kSql[] =
      "UPDATE events SET num_mentions = num_mentions + 1,"
      " num_articles = num_articles + NOT EXISTS(SELECT 1 FROM mentions WHERE event = ?1 AND doc = ?2),"
      " num_sources = num_sources + NOT EXISTS(SELECT 1 FROM mentions WHERE event = ?1 AND source = ?3),"
      " is_root = max(is_root, ?4),"
      " min_day = min(min_day, ?5), max_day = max(max_day, ?5),"
      " has_point = CASE WHEN place IS NULL AND ?6 > 0 THEN ?7 ELSE has_point END,"
      " lat = CASE WHEN place IS NULL AND ?6 > 0 THEN ?8 ELSE lat END,"
      " lon = CASE WHEN place IS NULL AND ?6 > 0 THEN ?9 ELSE lon END,"
      " place_country = CASE WHEN place IS NULL AND ?6 > 0 THEN ?10 ELSE place_country END,"
      " place_name = CASE WHEN place IS NULL AND ?6 > 0 THEN (SELECT name FROM places WHERE id = ?6)"
      "   ELSE place_name END,"
      " place = CASE WHEN place IS NULL AND ?6 > 0 THEN ?6 ELSE place END,"
      " words = coalesce(?11, words)"
      " WHERE id = ?1";
  SITREP_ASSIGN_OR_RETURN(Statement * st, rep_->Prepare(kSql));
  st->Bind(event).Bind(doc_row).Bind(source).Bind(lead ? 1 : 0).BindDay(m.day).Bind(place)
      .Bind(m.has_place ? 1 : 0).Bind(m.lat).Bind(m.lon).Bind(m.country);
  if (words.empty()) st->BindNull(); else st->Bind(words);
  return rep_->Done(st, "update event");
}

}  // namespace sitrep

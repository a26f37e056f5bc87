// EventStore: the SQLite database that holds everything sitrep has coded — documents and
// sentences, actor mentions, distinct actors and places, merged events and every mention
// (report) of each event with its own evidence.
//
// Tables (schema version kSchemaVersion, kept in PRAGMA user_version; older files are
// migrated forward step by step when opened, each step in its own transaction):
//   documents        one row per ingested document: key (its id), content hash, metadata, text
//   sentences        (doc, idx) -> byte span and text of every sentence
//   actor_mentions   every actor mention found by the coder, with its span
//   actors, places   the distinct actors (by CAMEO code) and places (by name+country+point)
//   events           one row per real-world event after merging (see store/event_merger.h),
//                    with NumMentions / NumSources / NumArticles kept current
//   mentions         one row per coded report: event id, document, sentence, actors with
//                    their spans, trigger span, CAMEO code, modality, date and place
//   rollup_*         counts, mentions and Goldstein sums of events per period, dyad, actor
//                    and place (store/rollups.h), kept exact by triggers on `events` in the
//                    same transaction as every Add and merge; store/query.h reads them
//
// Idempotency: a document whose id or content hash is already stored is skipped, so
// ingesting the same input twice changes nothing.
// Durability: WAL journal, synchronous=NORMAL. Callers group documents into batches between
// Begin() and Commit(); a crash (even kill -9) loses at most the open batch, and a document
// is either stored whole (with its merges and counters) or not at all.
//
// Thread safety: none. One EventStore is used by one thread. Several processes may read
// the file while one writes (SQLite WAL rules).
// Errors: every call returns a Status naming the SQLite error and the database path.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"
#include "document/document.h"
#include "store/event_merger.h"

namespace sitrep {

// A value bound to or read from SQL: NULL, integer, real or text.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

// One result row, valid only inside the callback that receives it.
class SqlRow {
 public:
  int size() const;
  std::string_view Name(int column) const;
  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Text(int column) const;  // "" for NULL
  SqlValue Value(int column) const;

 private:
  friend class EventStore;
  explicit SqlRow(void* statement) : statement_(statement) {}
  void* statement_;
};

struct StoreOptions {
  MergeOptions merge;
  // Open an existing file without writing to it (queries and exports).
  bool read_only = false;
  // Milliseconds to wait for another process's write lock.
  int busy_timeout_ms = 10000;
};

struct StoreCounts {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t actor_mentions = 0;
  int64_t actors = 0;
  int64_t places = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  friend bool operator==(const StoreCounts&, const StoreCounts&) = default;
};

// What Add() did with one document.
// One rollup table compared with a recomputation from `events` (CheckRollups).
struct RollupCheck {
  std::string table;
  int64_t rows = 0;        // rows in the table
  uint64_t digest = 0;     // hash of its rows in key order: equal tables have equal digests
  int64_t mismatched = 0;  // rows in the table or in the recomputation but not in both
};

struct AddOutcome {
  bool added = false;          // false: already stored (same id or same content)
  size_t new_events = 0;       // events created by this document
  size_t merged_mentions = 0;  // mentions linked to an event that already existed
};

class EventStore {
 public:
  static constexpr int kSchemaVersion = 5;

  // Opens (creating and migrating when writable) the database at `path`.
  // ":memory:" gives a private in-memory database (tests).
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path,
                                                  StoreOptions options = {});
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  int schema_version() const;
  const std::string& path() const;

  // True when a document with this id or this content hash is stored.
  Result<bool> Contains(std::string_view doc_id, uint64_t content_hash);

  // Batch transactions. Add() outside a batch runs in its own transaction.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Stores a coded document: its sentences, actor mentions and events, each event merged
  // into an existing one when the merge rule allows. `key` identifies the document (its
  // JSON Lines id, or its path for files, whose ids are only base names) and
  // `content_hash` its content (see ContentHash). A document already stored under either
  // is left alone (outcome.added == false).
  Result<AddOutcome> Add(const Document& doc, std::string_view key, uint64_t content_hash);

  Result<StoreCounts> Counts();

  // Every rollup table with its digest, recomputed from `events` and compared (all
  // mismatched == 0 on a consistent store). Reads the whole database: for tests and checks.
  Result<std::vector<RollupCheck>> CheckRollups();

  // Runs one SQL statement with `params` bound to its ?s and calls `row` for each result
  // row; a non-OK Status from `row` stops the query and is returned. SQL function
  // distance_km(lat1, lon1, lat2, lon2) is available.
  Status Query(std::string_view sql, const std::vector<SqlValue>& params,
               const std::function<Status(const SqlRow&)>& row);
  // Runs SQL statements without parameters or results.
  Status Execute(std::string_view sql);

  // TEST_ hook: opens `path`, builds only the schema of `version` and runs `sql` on it (rows
  // written the way that version wrote them), for migration tests.
  static Status TEST_CreateAtVersion(const std::string& path, int version,
                                     const std::string& sql = "");

 private:
  struct Rep;
  explicit EventStore(std::unique_ptr<Rep> rep);
  Status AddEvent(const Document& doc, size_t index, int64_t doc_row, const std::string& source,
                  AddOutcome* outcome);
  Result<int64_t> FindEvent(const MentionFacts& facts, int64_t doc_row,
                            std::vector<std::string>* best_words);
  Result<int64_t> NewEvent(const Document& doc, size_t index, const MentionFacts& facts,
                           int64_t doc_row, int64_t place, bool lead);
  Status LinkMention(int64_t event, const MentionFacts& facts, int64_t doc_row,
                     const std::string& source, bool lead, int64_t place,
                     const std::string& words);
  Result<int64_t> PlaceId(const Event& e);
  Status AddActors(const Document& doc, int64_t doc_row);
  Status AddSentences(const Document& doc, int64_t doc_row);
  std::unique_ptr<Rep> rep_;
};

// A 64-bit hash of a document's content (XXH3), for duplicate detection.
uint64_t ContentHash(std::string_view content);

}  // namespace sitrep

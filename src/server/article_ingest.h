// ArticleIngest: the server's optional write path. It codes an article or a JSON Lines
// batch posted to /api/ingest with the same coding pipeline as `sitrep ingest` (handed in
// as an ArticleCoder, so the server stage does not depend on the command line), stores the
// documents unless asked not to, and answers with each document's events and its text cut
// into highlighted segments (server/evidence.h) for the "Code this article" view.
//
// Bodies: text/plain (one article, kept byte for byte), text/html (one page), or
// application/x-ndjson / application/jsonl (one document per line, as `sitrep ingest`
// reads them). For a single article, `meta` supplies its id, url, title and date.
//
// Errors: InvalidArgument for a body that cannot be read (an unknown content type, no
// documents, more than max_documents); a malformed line or article inside a batch is
// reported in the answer's "errors" and the rest goes on. The store's errors are returned.
// Thread safety: Ingest may be called from any thread; calls run one at a time (one
// writable store connection, opened on first use).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "base/status.h"
#include "document/document.h"
#include "store/event_store.h"
#include "text/input.h"

namespace sitrep::server {

// Codes one raw document (consumed) into *doc; called by one thread at a time.
using ArticleCoder = std::function<Status(RawDocument&& raw, Document* doc)>;

struct IngestOptions {
  size_t max_documents = 1000;        // documents in one JSON Lines batch
  size_t max_document_bytes = 4u << 20;
  size_t max_segment_text_bytes = 1u << 20;  // longer texts are answered without segments
};

// What a single posted article says about itself (query parameters of the request).
struct ArticleMeta {
  std::string id, url, title, date;
};

class ArticleIngest {
 public:
  ArticleIngest(std::string db_path, ArticleCoder coder, IngestOptions options = {});
  ~ArticleIngest();
  ArticleIngest(const ArticleIngest&) = delete;
  ArticleIngest& operator=(const ArticleIngest&) = delete;

  // Codes `body` and, when `store`, adds its documents to the database. Returns
  // {"stored","documents":[{"id","title","date","url","added","new_events","text",
  //   "segments":[…],"events":[…`sitrep code` objects…]}],"errors":[…]}.
  Result<std::string> Ingest(std::string_view content_type, std::string body,
                             const ArticleMeta& meta, bool store);

 private:
  Status ReadBatch(std::string body, std::vector<RawDocument>* raws, std::vector<std::string>* errors);
  Result<EventStore*> Store();

  std::string db_path_;
  ArticleCoder coder_;
  IngestOptions options_;
  std::mutex mu_;
  std::unique_ptr<EventStore> store_;
};

}  // namespace sitrep::server

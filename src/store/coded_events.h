// Reads the JSON Lines written by `sitrep code` (one event per line) back into Documents,
// so that pre-coded events can be stored without running the syntax model
// (`sitrep ingest --coded`). Consecutive lines with the same doc_id form one Document whose
// text holds each evidence sentence at its original byte offsets (spaces elsewhere), so all
// offsets stay valid. A null "source" or "target" is no actor (Event::source/target -1); a
// target with "implicit": "location"|"domestic" (events/implicit_targets.h) keeps that as
// its ActorMention::kind, so the store marks it as unsaid.
//
// Errors: a malformed line is reported with file and line; the reader goes on.
// Not thread-safe; one reader per thread.
#pragma once

#include <functional>
#include <string>

#include "base/status.h"
#include "document/document.h"

namespace sitrep {

// Calls `fn` for every document of `path` ("-" = stdin, .gz accepted) and `error` for every
// bad line. Returns an error only when the file cannot be read at all.
Status ReadCodedEvents(const std::string& path, const std::function<Status(Document&&)>& fn,
                       const std::function<void(const Status&)>& error);

}  // namespace sitrep

// CodingPipeline: the per-document pipeline shared by `sitrep code` and `sitrep ingest`.
//
//   RawDocument --ReadArticle--> article text, paragraphs, metadata   (text stage)
//               --Segmenter----> sentences, tokens                    (text stage)
//               --SyntaxModel--> tags, lemmas, dependency arcs, NEs   (syntax stage)
//               --EventCoder---> actors and events                    (events stage)
//               --EventDater---> each event's own date                  (time stage)
//               --Geoparser + EventLocator--> each event's own place      (places stage)
//               --ImplicitTargets--> the target a sentence leaves unsaid   (events stage)
//
// Lifecycle: Load() once (syntax model + coding resources), then Process() any number of
// documents from any number of threads, each thread with its own Worker.
// Errors: Load returns the model's or data's error; Process returns the reader's error for
// an unreadable document (the caller reports it and goes on).
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "document/document.h"
#include "events/coding_resources.h"
#include "events/event_coder.h"
#include "events/implicit_targets.h"
#include "places/event_locator.h"
#include "places/gazetteer.h"
#include "places/geoparser.h"
#include "time/event_dater.h"
#include "syntax/syntax_model.h"
#include "text/article_reader.h"
#include "text/input.h"
#include "text/segmenter.h"

namespace sitrep::cli {

class CodingPipeline {
 public:
  // What each worker thread owns: scratch space for the stages that need it.
  struct Worker {
    SyntaxScratch syntax;
    EventCoder::Scratch coder;
  };

  CodingPipeline() = default;
  CodingPipeline(const CodingPipeline&) = delete;
  CodingPipeline& operator=(const CodingPipeline&) = delete;

  // Loads the syntax model file, the data directory of dictionaries and tables, and the
  // gazetteer (`gazetteer_path`; "" for the default beside the binary). A missing gazetteer
  // is not an error: events then keep no location, and *warning says so.
  Status Load(const std::string& model_path, const std::string& data_dir,
              const std::string& gazetteer_path = "", std::string* warning = nullptr);

  // Runs every stage on `raw` (consumed) and fills *doc. Thread-safe after Load().
  Status Process(RawDocument&& raw, Document* doc, Worker* worker) const;

 private:
  std::unique_ptr<SyntaxModel> model_;
  std::unique_ptr<CodingResources> resources_;
  std::unique_ptr<EventCoder> coder_;
  EventDater dater_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Geoparser> geoparser_;
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<ImplicitTargets> implicit_targets_;
  ArticleReaderOptions reader_options_;
  Segmenter segmenter_;
};

}  // namespace sitrep::cli

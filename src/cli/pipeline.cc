#include "cli/pipeline.h"

#include <utility>

namespace sitrep::cli {

Status CodingPipeline::Load(const std::string& model_path, const std::string& data_dir,
                            const std::string& gazetteer_path, std::string* warning) {
  auto model = SyntaxModel::Load(model_path);
  if (!model.ok()) return model.status();
  auto resources = CodingResources::Load(data_dir);
  if (!resources.ok()) return resources.status();
  model_ = std::move(model).value();
  resources_ = std::move(resources).value();
  coder_ = std::make_unique<EventCoder>(*resources_->cameo, *resources_->lexicon,
                                        *resources_->actors);
  implicit_targets_ = std::make_unique<ImplicitTargets>(*resources_->actors);
  auto gazetteer = Gazetteer::Load(gazetteer_path.empty() ? Gazetteer::DefaultPath() : gazetteer_path);
  if (gazetteer.ok()) {
    gazetteer_ = std::move(gazetteer).value();
    geoparser_ = std::make_unique<Geoparser>(*gazetteer_);
    locator_ = std::make_unique<EventLocator>(*geoparser_);
  } else if (warning) {
    *warning = gazetteer.status().ToString() + " (events will have no location)";
  }
  return Status::OK();
}

Status CodingPipeline::Process(RawDocument&& raw, Document* doc, Worker* worker) const {
  SITREP_RETURN_IF_ERROR(ReadArticle(std::move(raw), reader_options_, doc));
  segmenter_.Segment(doc);
  model_->Annotate(doc, &worker->syntax);
  coder_->Code(doc, &worker->coder);
  dater_.Date(doc);
  if (locator_ && !doc->events.empty()) {
    std::vector<Toponym> toponyms;
    geoparser_->Parse(*doc, &toponyms);
    locator_->Locate(toponyms, doc);
  }
  implicit_targets_->Fill(doc);
  return Status::OK();
}

}  // namespace sitrep::cli

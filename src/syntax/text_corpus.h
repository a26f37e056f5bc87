// Raw-text corpora for the syntax tools: the word-cluster learner (syntax_trainer.h) and
// the speed measurement on news text (parser_evaluation.h) read plain UTF-8 text files
// and segment them with the foundation segmenter (text/segmenter.h).
//
// Errors: IOError/NotFound from reading a file; the first failure ends the read.
// Thread safety: free functions.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace sitrep {

// The files named by `paths`: a file stands for itself, a directory for the *.txt files
// below it, each directory's in sorted order (so the result does not depend on the file
// system).
std::vector<std::string> ListTextFiles(const std::vector<std::string>& paths);

// Reads and segments every file of ListTextFiles(paths): one Document per file, with
// Document::text, sentences and tokens filled (no paragraphs beyond the segmenter's own).
Result<std::vector<Document>> ReadTextDocuments(const std::vector<std::string>& paths);

}  // namespace sitrep

#include "syntax/text_corpus.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/file_reader.h"
#include "text/segmenter.h"

namespace sitrep {

std::vector<std::string> ListTextFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = std::filesystem::recursive_directory_iterator(path, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error) && it->path().extension() == ".txt") {
        found.push_back(it->path().string());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Result<std::vector<Document>> ReadTextDocuments(const std::vector<std::string>& paths) {
  std::vector<Document> docs;
  Segmenter segmenter;
  for (const std::string& file : ListTextFiles(paths)) {
    SITREP_ASSIGN_OR_RETURN(auto reader, ByteReader::Open(file));
    Document doc;
    SITREP_RETURN_IF_ERROR(reader->ReadAll(size_t{1} << 30, &doc.text));
    segmenter.Segment(&doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace sitrep

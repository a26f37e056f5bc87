#include "text/input.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class InputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_input_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string WriteGzip(const std::string& name, const std::string& bytes, size_t keep = SIZE_MAX) {
    std::string path = (dir_ / name).string();
    fs::create_directories(fs::path(path).parent_path());
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, bytes.data(), bytes.size());
    gzclose(f);
    if (keep != SIZE_MAX) fs::resize_file(path, keep);
    return path;
  }

  struct Outcome {
    std::vector<RawDocument> docs;
    std::vector<Status> errors;
  };
  Outcome ReadAll(std::vector<std::string> operands, InputOptions options = {}) {
    Outcome out;
    InputReader reader(std::move(operands), options);
    for (;;) {
      RawDocument doc;
      Status error;
      auto step = reader.Next(&doc, &error);
      if (step == InputReader::Step::kEnd) break;
      if (step == InputReader::Step::kError) {
        out.errors.push_back(error);
      } else {
        out.docs.push_back(std::move(doc));
      }
    }
    return out;
  }

  fs::path dir_;
};

TEST_F(InputTest, ReadsEachFormatWithIdsFromFileNames) {
  Write("a/report.txt", "Russia has begun a withdrawal.");
  Write("a/page.html", "<html><body><p>Text</p></body></html>");
  WriteGzip("b/zipped.txt.gz", "Compressed text.");
  auto out = ReadAll({dir_.string()});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].ToString();
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].id, "page");  // sorted by path: a/page.html, a/report.txt, b/...
  EXPECT_EQ(out.docs[0].format, RawDocument::Format::kHtml);
  EXPECT_EQ(out.docs[1].id, "report");
  EXPECT_EQ(out.docs[1].format, RawDocument::Format::kText);
  EXPECT_FALSE(out.docs[1].verbatim);
  EXPECT_EQ(out.docs[2].id, "zipped");
  EXPECT_EQ(out.docs[2].content, "Compressed text.");
}

TEST_F(InputTest, JsonLinesCarryFieldsAndKeepTextVerbatim) {
  std::string path = Write("feed.jsonl",
                           "{\"id\":\"d1\",\"url\":\"http://x\",\"title\":\"T\",\"date\":\"2016-12-13\","
                           "\"text\":\"Line one.\\r\\nLine two.\"}\n"
                           "\n"
                           "{\"id\":7,\"html\":\"<p>Hi</p>\"}\n"
                           "{\"text\":\"no id\"}\n");
  auto out = ReadAll({path});
  ASSERT_TRUE(out.errors.empty());
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].id, "d1");
  EXPECT_EQ(out.docs[0].url, "http://x");
  EXPECT_EQ(out.docs[0].date, "2016-12-13");
  EXPECT_TRUE(out.docs[0].verbatim);
  EXPECT_EQ(out.docs[0].content, "Line one.\r\nLine two.");
  EXPECT_EQ(out.docs[1].id, "7");
  EXPECT_EQ(out.docs[1].format, RawDocument::Format::kHtml);
  EXPECT_EQ(out.docs[2].id, "feed-4");
}

TEST_F(InputTest, MalformedLineIsReportedWithLineNumberAndOthersGoOn) {
  std::string path = Write("feed.jsonl", "{\"id\":\"a\",\"text\":\"A.\"}\n{broken\n{\"id\":\"c\",\"text\":\"C.\"}\n");
  auto out = ReadAll({path});
  ASSERT_EQ(out.docs.size(), 2u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("feed.jsonl:2"), std::string::npos) << out.errors[0].message();
  EXPECT_EQ(out.docs[1].id, "c");
}

TEST_F(InputTest, LineWithoutTextOrHtmlIsAnError) {
  std::string path = Write("feed.jsonl", "{\"id\":\"a\",\"body\":\"A.\"}\n");
  auto out = ReadAll({path});
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("neither"), std::string::npos);
}

TEST_F(InputTest, EmptyBinaryAndMissingFilesAreReportedAndSkipped) {
  std::string empty = Write("empty.txt", "  \n");
  std::string binary = Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string good = Write("good.txt", "A sentence.");
  auto out = ReadAll({empty, binary, (dir_ / "missing.txt").string(), good});
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "good");
  ASSERT_EQ(out.errors.size(), 3u);
  EXPECT_NE(out.errors[0].message().find("empty"), std::string::npos);
  EXPECT_NE(out.errors[1].message().find("binary"), std::string::npos);
  EXPECT_EQ(out.errors[2].code(), Status::Code::kNotFound);
}

TEST_F(InputTest, TruncatedGzipKeepsTheLinesBeforeTheCut) {
  std::string lines;
  for (int i = 0; i < 2000; ++i) {
    lines += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Document number " +
             std::to_string(i * 7919) + " about events.\"}\n";
  }
  std::string full = WriteGzip("whole.jsonl.gz", lines);
  size_t size = fs::file_size(full);
  std::string cut = WriteGzip("cut.jsonl.gz", lines, size / 2);
  auto out = ReadAll({cut});
  EXPECT_GT(out.docs.size(), 10u);
  EXPECT_LT(out.docs.size(), 2000u);
  ASSERT_FALSE(out.errors.empty());
  EXPECT_NE(out.errors.back().message().find("gzip"), std::string::npos) << out.errors.back().message();
}

TEST_F(InputTest, OversizedDocumentIsRejectedWithoutReadingItAll) {
  std::string big = Write("big.txt", std::string(300000, 'a'));
  std::string small = Write("small.txt", "Fine.");
  InputOptions options;
  options.max_document_bytes = 100000;
  auto out = ReadAll({big, small}, options);
  ASSERT_EQ(out.docs.size(), 1u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code(), Status::Code::kResourceExhausted);
  EXPECT_NE(out.errors[0].message().find("big.txt"), std::string::npos);
}

TEST_F(InputTest, OversizedJsonLineIsSkipped) {
  std::string path = Write("feed.jsonl", "{\"text\":\"" + std::string(5000, 'x') +
                                             "\"}\n{\"id\":\"ok\",\"text\":\"Fine.\"}\n");
  InputOptions options;
  options.max_document_bytes = 1000;
  auto out = ReadAll({path}, options);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "ok");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("feed.jsonl:1"), std::string::npos);
}

TEST_F(InputTest, UnknownExtensionsAreSkippedInDirectoriesButSniffedWhenNamed) {
  Write("d/notes.md", "# not an article");
  std::string named = Write("page.xyz", "<html><p>Hello</p></html>");
  auto out = ReadAll({(dir_ / "d").string(), named});
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].format, RawDocument::Format::kHtml);
}

TEST(DocumentId, StripsDirectoriesAndAllExtensions) {
  EXPECT_EQ(DocumentIdFromPath("news/2016/abc.html.gz"), "abc");
  EXPECT_EQ(DocumentIdFromPath("x.txt"), "x");
  EXPECT_EQ(DocumentIdFromPath("-"), "stdin");
}

}  // namespace
}  // namespace sitrep

#include "syntax/model_file.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(ModelFile, SectionsRoundTrip) {
  ModelFileWriter w;
  w.Add("alpha", "hello hello hello hello");
  w.Add("beta", std::string(1000, 'x'));
  std::string bytes = w.Serialize();
  auto file = ModelFile::Parse(bytes, "mem");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(*file->Section("alpha"), "hello hello hello hello");
  EXPECT_EQ(file->Section("beta")->size(), 1000u);
  EXPECT_FALSE(file->Has("gamma"));
  EXPECT_EQ(file->Section("gamma").status().code(), Status::Code::kNotFound);
}

TEST(ModelFile, RejectsDamage) {
  ModelFileWriter w;
  w.Add("alpha", std::string(5000, 'a') + "payload");
  std::string bytes = w.Serialize();
  EXPECT_EQ(ModelFile::Parse("not a model", "x").status().code(), Status::Code::kCorruption);
  EXPECT_FALSE(ModelFile::Parse(bytes.substr(0, bytes.size() - 3), "x").ok());
  std::string flipped = bytes;
  flipped[flipped.size() - 5] ^= 0x55;
  EXPECT_FALSE(ModelFile::Parse(flipped, "x").ok());
  std::string version = bytes;
  version[8] = 99;
  auto v = ModelFile::Parse(version, "x");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("version"), std::string::npos);
}

TEST(ModelFile, MissingFileIsNotFound) {
  auto file = ModelFile::Read("/nonexistent/dir/model.bin");
  EXPECT_EQ(file.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace sitrep

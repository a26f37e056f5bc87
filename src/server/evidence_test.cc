#include "server/evidence.h"

#include <gtest/gtest.h>

namespace sitrep::server {
namespace {

std::string Render(const std::vector<EvidenceSegment>& segs) {
  std::string out;
  for (const auto& s : segs) out += s.role.empty() ? s.text : "[" + s.role + ":" + s.text + "]";
  return out;
}

TEST(SegmentEvidence, MarksEachRole) {
  std::string s = "Russian jets struck rebels.";
  auto segs = SegmentEvidence(s, {{13, 19, "trigger"}, {0, 12, "source"}, {20, 26, "target"}});
  EXPECT_EQ(Render(segs), "[source:Russian jets] [trigger:struck] [target:rebels].");
}

TEST(SegmentEvidence, ClipsOverlapsAndOutOfRangeSpans) {
  std::string s = "abcdef";
  auto segs = SegmentEvidence(s, {{1, 4, "trigger"}, {3, 5, "source"}, {-5, 1, "target"},
                                  {4, 99, "target"}, {2, 2, "source"}});
  EXPECT_EQ(Render(segs), "[target:a][trigger:bcd][source:e][target:f]");
}

TEST(SegmentEvidence, NeverSplitsAUtf8Character) {
  std::string s = "Homs \xC3\xA9t\xC3\xA9";  // "Homs été"
  auto segs = SegmentEvidence(s, {{6, 8, "trigger"}});  // starts inside the first é
  EXPECT_EQ(Render(segs), "Homs [trigger:\xC3\xA9t]\xC3\xA9");
}

TEST(SegmentEvidence, PlainTextIsOneSegment) {
  auto segs = SegmentEvidence("<script>alert(1)</script>", {});
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(segs[0].text, "<script>alert(1)</script>");
}

}  // namespace
}  // namespace sitrep::server

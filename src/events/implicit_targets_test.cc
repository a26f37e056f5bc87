#include "events/implicit_targets.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

class ImplicitTargetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(actors_.AddLine("TUR  country  Turkey", "test.txt", 1).ok());
    ASSERT_TRUE(actors_.AddLine("EGY  country  Egypt", "test.txt", 2).ok());
    ASSERT_TRUE(actors_.Compile().ok());
    doc_.text = "Police imposed a curfew in Cizre.";
    doc_.sentences.push_back(Sentence{{0, 33}, 0, 1, 0});
    doc_.tokens.push_back(Token{0, 6});
  }
  // An open event of `root` by an actor coded `source`.
  Event& AddEvent(const std::string& source, const std::string& root) {
    ActorMention a;
    a.code = source;
    a.kind = "country_agent";
    a.span = {0, 6};
    doc_.actors.push_back(a);
    Event e;
    e.source = static_cast<int>(doc_.actors.size() - 1);
    e.root = root;
    e.cameo = root + "0";
    e.target_open = true;
    doc_.events.push_back(e);
    return doc_.events.back();
  }
  const ActorMention* TargetOf(size_t event) const {
    int t = doc_.events[event].target;
    return t < 0 ? nullptr : &doc_.actors[t];
  }

  ActorDictionary actors_;
  Document doc_;
};

TEST_F(ImplicitTargetsTest, PlaceInTheSentenceGivesItsCountry) {
  Event& e = AddEvent("EGYCOP", "17");
  e.has_location = true;
  e.location.country = "TUR";
  e.location.span = {27, 32};
  ImplicitTargets(actors_).Fill(&doc_);
  ASSERT_NE(TargetOf(0), nullptr);
  EXPECT_EQ(TargetOf(0)->code, "TUR");
  EXPECT_EQ(TargetOf(0)->name, "Turkey");
  EXPECT_EQ(TargetOf(0)->kind, "location");
  EXPECT_EQ(doc_.Slice(TargetOf(0)->span), "Cizre");
  EXPECT_FALSE(doc_.events[0].target_open);
}

TEST_F(ImplicitTargetsTest, TheVenueOfAMeetingIsNoTarget) {
  Event& e = AddEvent("RUSGOV", "04");  // "... met in Minsk"
  e.has_location = true;
  e.location.country = "BLR";
  e.location.span = {27, 32};
  ImplicitTargets(actors_).Fill(&doc_);
  EXPECT_EQ(TargetOf(0), nullptr);
}

TEST_F(ImplicitTargetsTest, InferredPlaceIsNoEvidence) {
  Event& e = AddEvent("EGYGOV", "05");
  e.has_location = true;  // the document's focus country, with no span
  e.location.country = "TUR";
  ImplicitTargets(actors_).Fill(&doc_);
  EXPECT_EQ(TargetOf(0), nullptr);
}

TEST_F(ImplicitTargetsTest, DomesticEventTargetsTheSourceState) {
  AddEvent("TURCOP", "17");
  AddEvent("TURGOV", "05");    // not a domestic family
  AddEvent("IGOUNO", "14");    // no state
  ImplicitTargets(actors_).Fill(&doc_);
  ASSERT_NE(TargetOf(0), nullptr);
  EXPECT_EQ(TargetOf(0)->code, "TUR");
  EXPECT_EQ(TargetOf(0)->kind, "domestic");
  EXPECT_TRUE(TargetOf(0)->span.empty());
  EXPECT_EQ(TargetOf(1), nullptr);
  EXPECT_EQ(TargetOf(2), nullptr);
}

TEST_F(ImplicitTargetsTest, ClosedEventsAreLeftAlone) {
  Event& e = AddEvent("TURCOP", "17");
  e.target_open = false;
  ImplicitTargets(actors_).Fill(&doc_);
  EXPECT_EQ(TargetOf(0), nullptr);
}

}  // namespace
}  // namespace sitrep

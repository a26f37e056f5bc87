#include "time/event_dater.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// "On Dec. 11 ISIS retook Palmyra which was liberated in March 2016 ."
// Two events: "retook" (root) and "liberated" (a relative clause on Palmyra).
Document PalmyraDocument(const std::string& date) {
  struct Row { const char* form; const char* upos; int head; const char* deprel; };
  const Row rows[] = {{"On", "ADP", 2, "case"},      {"Dec.", "PROPN", 4, "obl"},
                      {"11", "NUM", 1, "nummod"},    {"ISIS", "PROPN", 4, "nsubj"},
                      {"retook", "VERB", -1, "root"}, {"Palmyra", "PROPN", 4, "obj"},
                      {"which", "PRON", 9, "nsubj:pass"}, {"was", "AUX", 9, "aux:pass"},
                      {"liberated", "VERB", 5, "acl:relcl"}, {"in", "ADP", 11, "case"},
                      {"March", "PROPN", 8, "obl"},   {"2016", "NUM", 10, "nummod"},
                      {".", "PUNCT", 4, "punct"}};
  Document doc;
  doc.date = date;
  Sentence s;
  for (const Row& r : rows) {
    if (!doc.text.empty()) doc.text += ' ';
    Token t;
    t.start = doc.text.size();
    doc.text += r.form;
    t.end = doc.text.size();
    t.upos = r.upos;
    t.head = r.head;
    t.deprel = r.deprel;
    doc.tokens.push_back(t);
  }
  s.token_count = doc.tokens.size();
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.sentences.push_back(s);
  doc.paragraphs.push_back(s.span);
  for (uint32_t trigger : {4u, 8u}) {
    Event e;
    e.trigger_token = trigger;
    doc.events.push_back(e);
  }
  return doc;
}

TEST(EventDater, PastBackgroundGetsItsOwnDate) {
  Document doc = PalmyraDocument("2016-12-13");
  EventDater().Date(&doc);
  EXPECT_EQ(doc.events[0].date, "2016-12-11");
  EXPECT_EQ(doc.events[0].date_precision, "day");
  EXPECT_EQ(doc.events[1].date, "2016-03");
  EXPECT_EQ(doc.events[1].date_precision, "month");
}

TEST(EventDater, UnknownPublicationDateInventsNothing) {
  Document doc = PalmyraDocument("");
  EventDater().Date(&doc);
  EXPECT_EQ(doc.events[0].date, "");  // "Dec. 11" has no year to anchor it
  EXPECT_EQ(doc.events[1].date, "2016-03");
}

TEST(EventDater, PrecisionFollowsTheValue) {
  EXPECT_EQ(EventDater::PrecisionOf("2016-W49"), "week");
  EXPECT_EQ(EventDater::PrecisionOf("2016"), "year");
  EXPECT_EQ(EventDater::PrecisionOf("2016-SU"), "season");
  EXPECT_EQ(EventDater::PrecisionOf("PAST_REF"), "");
  EXPECT_EQ(EventDater::PrecisionOf("XXXX-12-11"), "");
}

}  // namespace
}  // namespace sitrep

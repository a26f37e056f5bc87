#include "base/json_writer.h"

#include <gtest/gtest.h>

namespace sitrep {

TEST(JsonWriter, WritesNestedStructuresWithCommas) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject().Field("id", "a").Key("spans").BeginArray();
  json.BeginObject().Field("start", 0).Field("end", 5).EndObject();
  json.BeginObject().Field("start", 7).Field("end", 9).EndObject();
  json.EndArray().FieldOrNull("date", "").Field("ok", true).EndObject();
  EXPECT_EQ(out, R"({"id":"a","spans":[{"start":0,"end":5},{"start":7,"end":9}],"date":null,"ok":true})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControls) {
  std::string out;
  AppendJsonString("say \"hi\"\\\n\t\x01", &out);
  EXPECT_EQ(out, R"("say \"hi\"\\\n\t\u0001")");
}

TEST(JsonWriter, WritesNonFiniteDoublesAsNull) {
  std::string out;
  JsonWriter json(&out);
  json.BeginArray().Double(-10.0).Double(0.0 / 0.0).Double(3.5).EndArray();
  EXPECT_EQ(out, "[-10,null,3.5]");
}

}  // namespace sitrep

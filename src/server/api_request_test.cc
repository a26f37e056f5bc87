#include "server/api_request.h"

#include <gtest/gtest.h>

namespace sitrep::server {
namespace {

TEST(ApiRequest, SharedFiltersBecomeAnEventFilter) {
  auto r = ParseEventsRequest({{"actor", "rus"}, {"dyad", "usa-rus"}, {"root", "19"},
                               {"quad", "4"}, {"plover", "assault"}, {"modality", "asserted"},
                               {"from", "2016-03-01"}, {"to", "2016-03-31"},
                               {"near", "33.5,36.3,100"}, {"words", "air  strike"}},
                              {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const EventFilter& f = r->where.filter;
  EXPECT_EQ(f.actor, "rus");  // lower case: a name substring
  EXPECT_EQ(f.source, "USA");
  EXPECT_EQ(f.target, "RUS");
  EXPECT_EQ(f.cameo, "19");
  EXPECT_EQ(f.quad_class, 4);
  EXPECT_EQ(f.plover, "ASSAULT");
  EXPECT_TRUE(f.has_circle);
  EXPECT_DOUBLE_EQ(f.radius_km, 100);
  EXPECT_EQ(f.words, (std::vector<std::string>{"air", "strike"}));
}

TEST(ApiRequest, DefaultsAndCeilings) {
  RequestLimits limits;
  limits.max_results = 10;
  auto r = ParseEventsRequest({}, limits);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->limit, 10u);  // the default of 50, lowered to the ceiling
  EXPECT_FALSE(ParseEventsRequest({{"limit", "11"}}, limits).ok());
  EXPECT_TRUE(ParseEventsRequest({{"limit", "10"}}, limits).ok());
  EXPECT_FALSE(ParseEventsRequest({{"limit", "0"}}, limits).ok());
}

TEST(ApiRequest, ErrorsNameTheParameter) {
  auto r = ParseAggregateRequest({{"by", "colour"}}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("'by'"), std::string::npos);
  EXPECT_NE(r.status().message().find("none, dyad, actor, place"), std::string::npos);
  EXPECT_FALSE(ParseMapRequest({{"bbox", "10,0,5,1"}}, {}).ok());
  EXPECT_FALSE(ParseMapRequest({{"bbox", "1,2,3"}}, {}).ok());
  EXPECT_FALSE(ParseEventsRequest({{"near", "91,0"}}, {}).ok());
  EXPECT_FALSE(ParseEventsRequest({{"near", "nan,0"}}, {}).ok());
  EXPECT_FALSE(ParseEventsRequest({{"cameo", "19a"}}, {}).ok());
  EXPECT_FALSE(ParseEventsRequest({{"from", "2016-02-30"}}, {}).ok());
  EXPECT_FALSE(ParseEventsRequest({{"place", std::string(300, 'x')}}, {}).ok());
  EXPECT_FALSE(ParseEventsRequest({{"place", "a\x01"}}, {}).ok());
  EXPECT_FALSE(ParseListRequest({{"actor", "RUS"}}, {}, false, true).ok());
  EXPECT_TRUE(ParseListRequest({{"q", "Rus"}}, {}, false, true).ok());
}

TEST(ApiRequest, CanonicalParamsIgnoreOrder) {
  EXPECT_EQ(CanonicalParams({{"b", "2"}, {"a", "1"}}), CanonicalParams({{"a", "1"}, {"b", "2"}}));
  EXPECT_NE(CanonicalParams({{"a", "12"}}), CanonicalParams({{"a", "1"}, {"2", ""}}));
}

}  // namespace
}  // namespace sitrep::server

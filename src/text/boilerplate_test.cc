#include "text/boilerplate.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

// A plausible article body to surround the block under test: the rules look at position.
const char kBody[] =
    "MOSCOW, March 14 (Reuters) - President Vladimir Putin ordered the main part of Russia's "
    "military contingent in Syria to start withdrawing from Tuesday, saying the mission had "
    "largely been accomplished.\n\n"
    "The announcement came as United Nations-brokered peace talks resumed in Geneva, where "
    "the Syrian government and opposition delegations met the UN envoy separately.\n\n"
    "Putin said Russia would keep its naval facility at Tartus and its air base at Hmeimim, "
    "and officials in Damascus said the move had been agreed with President Bashar al-Assad.";

// The reason given to the block that contains `needle` ("" when it is article text), or
// "<missing>" when no block contains it.
std::string ReasonFor(const std::string& text, const std::string& needle) {
  for (const TextBlock& b : ClassifyTextBlocks(text)) {
    std::string_view block = std::string_view(text).substr(b.span.start, b.span.size());
    if (block.find(needle) == std::string_view::npos) continue;
    return b.boilerplate ? b.reason : "";
  }
  return "<missing>";
}

std::string WithBody(const std::string& before, const std::string& after) {
  return before + (before.empty() ? "" : "\n\n") + kBody + (after.empty() ? "" : "\n\n") + after;
}

TEST(Boilerplate, BlocksAreTrimmedSpansCoveringAllText) {
  std::string text = "  Headline here  \n\n\n First para.\nsecond line of it.\n\n\tLast.\n";
  auto blocks = ClassifyTextBlocks(text);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(text.substr(blocks[0].span.start, blocks[0].span.size()), "Headline here");
  EXPECT_EQ(text.substr(blocks[1].span.start, blocks[1].span.size()),
            "First para.\nsecond line of it.");
  EXPECT_EQ(text.substr(blocks[2].span.start, blocks[2].span.size()), "Last.");
}

TEST(Boilerplate, TextWithoutBlankLinesSplitsIntoLines) {
  std::string text =
      "Russia begins Syria pullout\nThe first jets left Hmeimim on Tuesday, the ministry said.\n"
      "Photo: AP\nThe talks in Geneva went on.";
  auto blocks = ClassifyTextBlocks(text);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_TRUE(blocks[2].boilerplate);
  EXPECT_EQ(blocks[2].reason, "caption");
}

TEST(Boilerplate, HardWrappedParagraphStaysOneBlock) {
  std::string text =
      "The Syrian army, backed by Russian air strikes, recaptured the ancient city of\n"
      "Palmyra from Islamic State fighters on Sunday after weeks of fighting, state\n"
      "television said, in a blow to the militants who had held it since May.\n";
  EXPECT_EQ(ClassifyTextBlocks(text).size(), 1u);
}

TEST(Boilerplate, EmptyAndBlankText) {
  EXPECT_TRUE(ClassifyTextBlocks("").empty());
  EXPECT_TRUE(ClassifyTextBlocks(" \n\n \t\n").empty());
}

TEST(Boilerplate, ForumHeaderAndNavigation) {
  std::string text = WithBody(
      "Welcome to the Example Forum, a community for news junkies! (Forum home page)\n"
      "Latest Discussions\xC2\xBBIssue Forums\xC2\xBB" "Foreign Affairs\n\n"
      "Russia starts pulling jets out of Syria",
      "");
  EXPECT_EQ(ReasonFor(text, "Welcome to"), "navigation");
  EXPECT_EQ(ReasonFor(text, "Latest Discussions"), "navigation");
  EXPECT_EQ(ReasonFor(text, "Russia starts pulling"), "");  // the headline
  EXPECT_EQ(ReasonFor(text, "MOSCOW, March 14"), "");
}

TEST(Boilerplate, SeparatorMenusAndLoginLinks) {
  std::string text = WithBody("Home | News | Sport | Weather\nLog in / Register\nSkip to content", "");
  EXPECT_EQ(ReasonFor(text, "Home | News"), "navigation");
  EXPECT_EQ(ReasonFor(text, "Log in"), "navigation");
  EXPECT_EQ(ReasonFor(text, "Skip to"), "navigation");
}

TEST(Boilerplate, MenuOfShortCapitalisedLines) {
  std::string text = WithBody("World\nMiddle East\nEurope\nOpinion", "");
  EXPECT_EQ(ReasonFor(text, "Middle East"), "navigation");
  EXPECT_EQ(ReasonFor(text, "Opinion"), "navigation");
}

TEST(Boilerplate, HeadlineWithSiteNameIsKept) {
  std::string text = WithBody("Russia leaves Syria | World | The Daily Example", "");
  EXPECT_EQ(ReasonFor(text, "Russia leaves Syria"), "");
}

TEST(Boilerplate, ReadMoreTeasers) {
  for (const char* teaser : {"Also read: Syria truce holds for a third day",
                             "Read more: Who are the rebels in Aleppo?",
                             "Recommended: The long road to Geneva", "Related: Palmyra timeline",
                             "See also: Kerry meets Lavrov in Moscow", "READ MORE"}) {
    std::string text = WithBody("", teaser);
    EXPECT_EQ(ReasonFor(text, teaser), "teaser") << teaser;
  }
}

TEST(Boilerplate, TeaserListAfterCue) {
  std::string text = WithBody("",
                              "Related\n\nTurkey shoots down Russian jet near border\n\n"
                              "Kurdish forces advance on Raqqa");
  EXPECT_EQ(ReasonFor(text, "Turkey shoots down"), "teaser");
  EXPECT_EQ(ReasonFor(text, "Kurdish forces"), "teaser");
}

TEST(Boilerplate, InlineTeaserDoesNotSwallowSubheading) {
  std::string text = std::string(kBody) +
                     "\n\nAlso read: Syria truce holds for a third day\n\nWhat happens next\n\n" +
                     kBody;
  EXPECT_EQ(ReasonFor(text, "Also read"), "teaser");
  EXPECT_EQ(ReasonFor(text, "What happens next"), "");
}

TEST(Boilerplate, StackedTrailingHeadlinesAreNotOneWrappedParagraph) {
  std::string text = WithBody("", "Turkey says it will not allow a Kurdish corridor on its border\n"
                                  "Kerry heads to Moscow for talks on a Syrian transition\n"
                                  "Five things to know about the Geneva talks in March");
  EXPECT_EQ(ReasonFor(text, "Kerry heads"), "teaser");
  EXPECT_EQ(ReasonFor(text, "Five things"), "teaser");
}

TEST(Boilerplate, TrailingHeadlinesAreTeasers) {
  std::string text = WithBody("Putin orders Syria pullout",
                              "Iran tests ballistic missiles despite sanctions\n"
                              "Yemen truce talks open in Kuwait\n"
                              "4 min read");
  EXPECT_EQ(ReasonFor(text, "Putin orders Syria pullout"), "");
  EXPECT_EQ(ReasonFor(text, "Iran tests"), "teaser");
  EXPECT_EQ(ReasonFor(text, "Yemen truce"), "teaser");
}

TEST(Boilerplate, TrailingListIntroducedByArticleIsKept) {
  std::string text = WithBody("", "The draw for the next round is:\n\nChelsea v Arsenal\n\n"
                                  "Leeds v Hull\n\nEverton v Fulham");
  EXPECT_EQ(ReasonFor(text, "Chelsea v Arsenal"), "");
  EXPECT_EQ(ReasonFor(text, "Everton v Fulham"), "");
}

TEST(Boilerplate, LoneShortLastLineIsKept) {
  std::string text = WithBody("", "The talks resume on Monday");
  EXPECT_EQ(ReasonFor(text, "The talks resume"), "");
}

TEST(Boilerplate, PhotoCaptionsAndCredits) {
  for (const char* caption :
       {"Photo: AP", "(Photo: Reuters)", "[Featured Image by Jane Roe via Flickr]",
        "Image copyright Getty Images", "Syrian soldiers patrol the ruins of Palmyra / AFP",
        "A Russian Su-24 lands at Hmeimim air base. REUTERS/Ivan Petrov",
        "Civil defence workers search the rubble in Idlib (Photo: Anadolu)"}) {
    std::string text = WithBody("", std::string(caption) + "\n\nThe talks resume on Monday.");
    EXPECT_EQ(ReasonFor(text, caption), "caption") << caption;
  }
}

TEST(Boilerplate, ProseMentioningPhotosIsKept) {
  std::string text = WithBody(
      "", "Photographs published by the ministry showed jets leaving the base, and a spokesman "
          "said more would follow. \"This is only the first group,\" he told reporters.");
  EXPECT_EQ(ReasonFor(text, "Photographs published"), "");
}

TEST(Boilerplate, AuthorBios) {
  std::string text = WithBody(
      "", "Jane Roe is a senior fellow at the Example Institute for Strategic Studies.\n\n"
          "About the author\n\nFollow him on Twitter @jroe");
  EXPECT_EQ(ReasonFor(text, "Jane Roe is"), "bio");
  EXPECT_EQ(ReasonFor(text, "About the author"), "bio");
  EXPECT_EQ(ReasonFor(text, "Follow him"), "bio");
}

TEST(Boilerplate, ArticleSentencesAboutPeopleAreKept) {
  std::string text = WithBody(
      "", "Sergei Lavrov is the foreign minister who negotiated the deal with John Kerry.\n\n"
          "Mr Forsyth is a former correspondent, and he said the plan would fail.");
  EXPECT_EQ(ReasonFor(text, "Sergei Lavrov"), "");
  EXPECT_EQ(ReasonFor(text, "Mr Forsyth"), "");
}

TEST(Boilerplate, SubscriptionAndDonationAppeals) {
  for (const char* appeal :
       {"Subscribe to our newsletter", "Please support our journalism. Donate today.", "Donate",
        "Sign up for our daily briefing"}) {
    std::string text = WithBody("", appeal);
    EXPECT_EQ(ReasonFor(text, appeal), "appeal") << appeal;
  }
}

TEST(Boilerplate, SourceLines) {
  for (const char* line : {"Original Source: example.org", "Source: TASS",
                           "This article originally appeared on Example News.",
                           "Reporting by John Doe; Editing by Jane Roe"}) {
    std::string text = WithBody("", line);
    EXPECT_EQ(ReasonFor(text, line), "source-line") << line;
  }
}

TEST(Boilerplate, SourcesInProseAreKept) {
  std::string text = WithBody(
      "", "Sources close to the delegation said the Syrian side had rejected the proposal.");
  EXPECT_EQ(ReasonFor(text, "Sources close"), "");
}

TEST(Boilerplate, ShareCookiesCopyrightComments) {
  std::string text = WithBody("Share | Tweet | Email",
                              "\xC2\xA9 2016 Example Media, All rights reserved\n\n"
                              "We use cookies to improve your experience on our site.\n\n"
                              "Comments\n\nivan_k: this is all propaganda\n\nClick here to comment");
  EXPECT_EQ(ReasonFor(text, "Share | Tweet"), "share");
  EXPECT_EQ(ReasonFor(text, "All rights reserved"), "copyright");
  EXPECT_EQ(ReasonFor(text, "We use cookies"), "cookie");
  EXPECT_EQ(ReasonFor(text, "Comments"), "comments");
  EXPECT_EQ(ReasonFor(text, "ivan_k"), "comments");
}

TEST(Boilerplate, SocialHandles) {
  std::string text = WithBody("", "@ExampleNews @jroe https://twitter.com/example");
  EXPECT_EQ(ReasonFor(text, "@ExampleNews"), "social");
}

TEST(Boilerplate, BylineAndDateLines) {
  std::string text = WithBody("Russia starts Syria pullout\n\nBy Jane Roe\n\nMarch 14, 2016", "");
  EXPECT_EQ(ReasonFor(text, "By Jane Roe"), "byline");
  EXPECT_EQ(ReasonFor(text, "March 14, 2016"), "date");
  EXPECT_EQ(ReasonFor(text, "Russia starts Syria pullout"), "");
}

TEST(Boilerplate, PublishedCueNeedsADate) {
  std::string text = WithBody("Published: 03/16/2016",
                              "Published on Monday, the report accused both sides of abuses.");
  EXPECT_EQ(ReasonFor(text, "Published: 03"), "date");
  EXPECT_EQ(ReasonFor(text, "Published on Monday"), "");
}

TEST(Boilerplate, ProseStartingWithCueWordsIsKept) {
  std::string text = WithBody(
      "", "Share prices in Moscow rose after the announcement.\n\n"
          "Search and rescue teams were still working in Aleppo on Tuesday.\n\n"
          "By Monday evening the first aircraft had landed in Russia, officials said.\n\n"
          "Related talks on humanitarian access will take place in Geneva next week.\n\n"
          "Home Secretary Theresa May said Britain welcomed the move.");
  for (const char* start : {"Share prices", "Search and rescue", "By Monday", "Related talks",
                            "Home Secretary"}) {
    EXPECT_EQ(ReasonFor(text, start), "") << start;
  }
}

TEST(Boilerplate, QuoteHeavyParagraphIsKept) {
  std::string text = WithBody(
      "", "\"We will not allow the ceasefire to collapse,\" the envoy said. \"Both sides have "
          "given us their word.\"");
  EXPECT_EQ(ReasonFor(text, "We will not allow"), "");
}

}  // namespace
}  // namespace sitrep

#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/abbreviations.h"

namespace sitrep {
namespace {

// Segments `text` as one paragraph and returns its sentences, each written as its tokens
// joined by '|' ("He|said|."). The surfaces come from the byte offsets, so these tests check
// exact token and sentence boundaries.
std::vector<std::string> Segmented(std::string_view text, SegmenterOptions options = {}) {
  Segmenter segmenter(options);
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  segmenter.SegmentSpan(text, {0, static_cast<uint32_t>(text.size())}, &sentences, &tokens);
  std::vector<std::string> out;
  for (const Sentence& s : sentences) {
    std::string joined;
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      if (!joined.empty()) joined += '|';
      joined += text.substr(tokens[t].start, tokens[t].end - tokens[t].start);
    }
    out.push_back(joined);
    // A sentence runs from its first token's start to its last token's end.
    EXPECT_EQ(s.span.start, tokens[s.first_token].start);
    EXPECT_EQ(s.span.end, tokens[s.first_token + s.token_count - 1].end);
  }
  return out;
}

// All tokens of `text`, joined by '|', ignoring sentence boundaries.
std::string Tokens(std::string_view text, SegmenterOptions options = {}) {
  std::string joined;
  for (const std::string& s : Segmented(text, options)) {
    if (!joined.empty()) joined += '|';
    joined += s;
  }
  return joined;
}

using Sentences = std::vector<std::string>;

TEST(Segmenter, SplitsSimpleSentences) {
  EXPECT_EQ(Segmented("Rebels took the town. The army withdrew!  Why? Nobody knows."),
            (Sentences{"Rebels|took|the|town|.", "The|army|withdrew|!", "Why|?",
                       "Nobody|knows|."}));
}

TEST(Segmenter, KeepsTitlesAndMonthsInsideTheSentence) {
  EXPECT_EQ(Segmented("Mr. Smith met Gen. Petraeus and Sen. McCain on Dec. 5 in Washington."),
            (Sentences{"Mr.|Smith|met|Gen.|Petraeus|and|Sen.|McCain|on|Dec.|5|in|Washington|."}));
  EXPECT_EQ(Segmented("Dr. Jones and Mrs. Brown visited St. Louis."),
            (Sentences{"Dr.|Jones|and|Mrs.|Brown|visited|St.|Louis|."}));
}

TEST(Segmenter, EndsAtUsWhenANewSentenceFollows) {
  EXPECT_EQ(Segmented("Troops arrived in the U.S. The next day they left."),
            (Sentences{"Troops|arrived|in|the|U.S|.", "The|next|day|they|left|."}));
  EXPECT_EQ(Segmented("The U.S. President spoke."), (Sentences{"The|U.S.|President|spoke|."}));
  EXPECT_EQ(Segmented("U.S.-led forces attacked."), (Sentences{"U.S.|-|led|forces|attacked|."}));
}

TEST(Segmenter, HandlesTimesOfDay) {
  EXPECT_EQ(Segmented("It exploded at 9 a.m. local time. He said it was 5pm."),
            (Sentences{"It|exploded|at|9|a.m.|local|time|.", "He|said|it|was|5|pm|."}));
  EXPECT_EQ(Segmented("The blast came at 4 p.m. It killed two."),
            (Sentences{"The|blast|came|at|4|p.m|.", "It|killed|two|."}));
}

TEST(Segmenter, KeepsInitialsWithTheirNames) {
  EXPECT_EQ(Segmented("J. R. R. Tolkien met George W. Bush."),
            (Sentences{"J.|R.|R.|Tolkien|met|George|W.|Bush|."}));
}

TEST(Segmenter, CompaniesCanEndASentence) {
  EXPECT_EQ(Segmented("He works for Acme Corp. It makes bombs. They sued Apple Inc. and lost."),
            (Sentences{"He|works|for|Acme|Corp|.", "It|makes|bombs|.",
                       "They|sued|Apple|Inc.|and|lost|."}));
  EXPECT_EQ(Segmented("It sells guns, tanks, etc.."),
            (Sentences{"It|sells|guns|,|tanks|,|etc.|."}));
}

TEST(Segmenter, SplitsAbbreviatedMonthRanges) {
  EXPECT_EQ(Tokens("From Jan.-Dec. 2016, at 10:30am."), "From|Jan.|-|Dec.|2016|,|at|10:30|am|.");
}

TEST(Segmenter, KeepsNumbersWhole) {
  EXPECT_EQ(Tokens("Prices rose 3.5% to $40,000 in the 1990s, 4th year, 5:30 on 9/11."),
            "Prices|rose|3.5|%|to|$|40,000|in|the|1990s|,|4th|year|,|5:30|on|9/11|.");
  EXPECT_EQ(Tokens("It cost US$4.5 billion, or $170m."),
            "It|cost|US$|4.5|billion|,|or|$|170|m|.");
  EXPECT_EQ(Tokens("Call 713-853-3989 for 1969-1970 data."),
            "Call|713-853-3989|for|1969|-|1970|data|.");
}

TEST(Segmenter, SplitsCliticsTheEwtWay) {
  EXPECT_EQ(Tokens("I don't know, I can't and won't. Russia's army isn't here."),
            "I|do|n't|know|,|I|ca|n't|and|wo|n't|.|Russia|'s|army|is|n't|here|.");
  EXPECT_EQ(Tokens("They're sure we'll go, I'm told, and you've seen what I'd do."),
            "They|'re|sure|we|'ll|go|,|I|'m|told|,|and|you|'ve|seen|what|I|'d|do|.");
  EXPECT_EQ(Tokens("You cannot win, I'm gonna go."), "You|can|not|win|,|I|'m|gon|na|go|.");
  EXPECT_EQ(Tokens("The soldiers' guns and O'Brien's dog"),
            "The|soldiers|'|guns|and|O'Brien|'s|dog");
  EXPECT_EQ(Tokens("the U.S.'s allies"), "the|U.S.|'s|allies");
}

TEST(Segmenter, HandlesCurlyApostrophesAndQuotes) {
  EXPECT_EQ(Tokens("\xE2\x80\x9CWe don\xE2\x80\x99t know,\xE2\x80\x9D Assad\xE2\x80\x99s aide said."),
            "\xE2\x80\x9C|We|do|n\xE2\x80\x99t|know|,|\xE2\x80\x9D|Assad|\xE2\x80\x99s|aide|said|.");
  EXPECT_EQ(Tokens("the \xE2\x80\x98safe zone\xE2\x80\x99 plan"),
            "the|\xE2\x80\x98|safe|zone|\xE2\x80\x99|plan");
}

TEST(Segmenter, SeparatesDashes) {
  EXPECT_EQ(Tokens("Aleppo \xE2\x80\x94 the city \xE2\x80\x93 fell--again."),
            "Aleppo|\xE2\x80\x94|the|city|\xE2\x80\x93|fell|--|again|.");
}

TEST(Segmenter, SplitsHyphenatedNamesLikeEwtUnlessAsked) {
  EXPECT_EQ(Tokens("Bashar al-Assad took Al-Bab by e-mail."),
            "Bashar|al|-|Assad|took|Al|-|Bab|by|e-mail|.");
  SegmenterOptions keep;
  keep.keep_hyphenated_words = true;
  EXPECT_EQ(Tokens("Bashar al-Assad took Al-Bab by e-mail.", keep),
            "Bashar|al-Assad|took|Al-Bab|by|e-mail|.");
}

TEST(Segmenter, KeepsClosingQuotesAndBracketsWithTheSentence) {
  EXPECT_EQ(Segmented("He said: \"We will fight.\" Then he left (quickly.) Nobody followed."),
            (Sentences{"He|said|:|\"|We|will|fight|.|\"", "Then|he|left|(|quickly|.|)",
                       "Nobody|followed|."}));
  EXPECT_EQ(Segmented("\xE2\x80\x9CIt is over.\xE2\x80\x9D The war went on."),
            (Sentences{"\xE2\x80\x9C|It|is|over|.|\xE2\x80\x9D", "The|war|went|on|."}));
  EXPECT_EQ(Segmented("\"Why?\" he asked."), (Sentences{"\"|Why|?|\"|he|asked|."}));
}

TEST(Segmenter, AttachesReferenceMarks) {
  EXPECT_EQ(Segmented("He was born in 1950. [3] He died."),
            (Sentences{"He|was|born|in|1950|.|[|3|]", "He|died|."}));
}

TEST(Segmenter, ParagraphEndEndsAHeadline) {
  Document doc;
  doc.text = "Rebels seize Al-Bab\n\nThe rebels said so.";
  doc.paragraphs = {{0, 19}, {21, static_cast<uint32_t>(doc.text.size())}};
  Segmenter segmenter;
  segmenter.Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.SentenceText(doc.sentences[0]), "Rebels seize Al-Bab");
  EXPECT_EQ(doc.SentenceText(doc.sentences[1]), "The rebels said so.");
  EXPECT_EQ(doc.sentences[0].paragraph, 0u);
  EXPECT_EQ(doc.sentences[1].paragraph, 1u);
  EXPECT_EQ(doc.sentences[1].first_token, doc.sentences[0].token_count);
}

TEST(Segmenter, SegmentsWholeTextWithoutParagraphs) {
  Document doc;
  doc.text = "One. Two.";
  Segmenter segmenter;
  segmenter.Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.tokens.size(), 4u);
  segmenter.Segment(&doc);  // clears earlier results
  EXPECT_EQ(doc.tokens.size(), 4u);
}

TEST(Segmenter, LineBreaksEndHeadingsAndBulletsButNotWrappedLines) {
  EXPECT_EQ(Segmented("Key points\nTroops moved north on Monday after talks failed"),
            (Sentences{"Key|points", "Troops|moved|north|on|Monday|after|talks|failed"}));
  EXPECT_EQ(Segmented("Demands:\n\xE2\x80\xA2 a ceasefire\n\xE2\x80\xA2 aid"),
            (Sentences{"Demands|:", "\xE2\x80\xA2|a|ceasefire", "\xE2\x80\xA2|aid"}));
  EXPECT_EQ(Segmented("The fighting spread to the outskirts of the city on\n"
                      "Tuesday, residents said."),
            (Sentences{"The|fighting|spread|to|the|outskirts|of|the|city|on|Tuesday|,|"
                       "residents|said|."}));
}

TEST(Segmenter, OffsetsAreBytesIntoMultiByteText) {
  std::string text = "Erdo\xC4\x9F" "an met \xC3\x89lys\xC3\xA9" "e staff. N\xC3\xBA" "\xC3\xB1" "ez left.";
  Segmenter segmenter;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  segmenter.SegmentSpan(text, {0, static_cast<uint32_t>(text.size())}, &sentences, &tokens);
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].start, 0u);
  EXPECT_EQ(tokens[0].end, 8u);  // "Erdoğan": ğ is two bytes
  EXPECT_EQ(tokens[2].start, 13u);
  EXPECT_EQ(tokens[2].end, 21u);  // "Élysée": É and é are two bytes each
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1].span.start, 29u);  // "staff." ends at byte 28
  EXPECT_EQ(text.substr(sentences[1].span.start, sentences[1].span.size()), "N\xC3\xBA\xC3\xB1" "ez left.");
}

TEST(Segmenter, SpanOffsetsAreIntoTheWholeText) {
  std::string text = "Skip this. Take this one.";
  Segmenter segmenter;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  segmenter.SegmentSpan(text, {11, static_cast<uint32_t>(text.size())}, &sentences, &tokens);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].span, (Span{11, 25}));
  EXPECT_EQ(tokens[0].start, 11u);
}

TEST(Segmenter, KeepsUrlsEmailsAndEmoticons) {
  EXPECT_EQ(Tokens("See https://example.com/a-b?c=1 or mail press@un.org. Great :)"),
            "See|https://example.com/a-b?c=1|or|mail|press@un.org|.|Great|:)");
  EXPECT_EQ(Tokens("(www.bbc.co.uk)"), "(|www.bbc.co.uk|)");
}

TEST(Segmenter, KeepsEllipsesAndPunctuationRuns) {
  EXPECT_EQ(Segmented("Wait... and see?! Then go\xE2\x80\xA6 Now."),
            (Sentences{"Wait|...|and|see|?!", "Then|go|\xE2\x80\xA6", "Now|."}));
}

TEST(Segmenter, NumberedListMarkersDoNotEndSentences) {
  EXPECT_EQ(Segmented("1. The first demand is a ceasefire."),
            (Sentences{"1|.|The|first|demand|is|a|ceasefire|."}));
}

TEST(Segmenter, NeverLosesNonSpaceBytes) {
  std::string text = "\xE2\x80\x9C\xE2\x80\x9D ((a)) \xF0\x9F\x98\x80!! \xC2\xA0x\t\n--- #tag @user";
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  Segmenter segmenter;
  segmenter.SegmentSpan(text, {0, static_cast<uint32_t>(text.size())}, &sentences, &tokens);
  std::string joined;
  uint32_t last_end = 0;
  for (const Token& t : tokens) {
    EXPECT_LT(t.start, t.end);
    EXPECT_GE(t.start, last_end);
    last_end = t.end;
    joined += text.substr(t.start, t.end - t.start);
  }
  EXPECT_EQ(joined, "\xE2\x80\x9C\xE2\x80\x9D((a))\xF0\x9F\x98\x80!!x---#tag@user");
}

// Random mixtures of the tricky pieces must still give well-formed output: tokens in order,
// non-empty, inside the span, covering every non-space byte; sentences tile the tokens.
TEST(Segmenter, RandomTextKeepsInvariants) {
  const char* pieces[] = {"U.S.", "Mr.", " ", "\n", "\n\n", ".", "...", "?!", "\"", "'", "'s",
                          "n't", "\xE2\x80\x9C", "\xE2\x80\x99", "\xE2\x80\x94", "-", "--",
                          "3.5", "40,000", "$", "%", "al-Assad", "http://x.org/a.", "a@b.co",
                          ":)", "(", ")", "[1]", "J.", "The", "rebels", "\xC3\xA9", "\xC2\xA0",
                          "\xF0\x9F\x98\x80", "2p.m.", "9/11", "1.", "\xE2\x80\xA2", "@", "#"};
  std::mt19937 rng(20240601);
  Segmenter segmenter;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    const uint32_t begin = 0;
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    segmenter.SegmentSpan(text, {begin, static_cast<uint32_t>(text.size())}, &sentences, &tokens);
    std::string non_space;
    for (char c : text) {
      if (c != ' ' && c != '\n') non_space += c;
    }
    std::string joined;
    uint32_t last_end = 0;
    for (const Token& t : tokens) {
      ASSERT_LT(t.start, t.end) << text;
      ASSERT_GE(t.start, last_end) << text;
      ASSERT_LE(t.end, text.size()) << text;
      last_end = t.end;
      joined += text.substr(t.start, t.end - t.start);
    }
    // NBSP (C2 A0) is whitespace to the tokenizer; drop it from the expectation.
    for (size_t at; (at = non_space.find("\xC2\xA0")) != std::string::npos;) non_space.erase(at, 2);
    ASSERT_EQ(joined, non_space) << text;
    uint32_t next_token = 0;
    for (const Sentence& s : sentences) {
      ASSERT_EQ(s.first_token, next_token) << text;
      ASSERT_GT(s.token_count, 0u) << text;
      next_token += s.token_count;
    }
    ASSERT_EQ(next_token, tokens.size()) << text;
  }
}

TEST(Abbreviations, BuiltinListParses) {
  auto parsed = AbbreviationSet::Parse(BuiltinAbbreviationsText(), "abbreviations.txt");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_GT((*parsed)->size(), 100u);
  const AbbreviationSet& builtin = AbbreviationSet::Builtin();
  EXPECT_EQ(builtin.Classify("Gen."), AbbreviationClass::kInner);
  EXPECT_EQ(builtin.Classify("Inc."), AbbreviationClass::kFinal);
  EXPECT_EQ(builtin.Classify("Etc."), AbbreviationClass::kFinal);  // entry "etc."
  EXPECT_EQ(builtin.Classify("Gaza."), AbbreviationClass::kNone);
  EXPECT_TRUE(builtin.IsSentenceStarter("The"));
}

TEST(Abbreviations, ReportsMalformedLinesWithTheirNumber) {
  auto no_period = AbbreviationSet::Parse("[inner]\nMr\n", "list.txt");
  ASSERT_FALSE(no_period.ok());
  EXPECT_NE(no_period.status().message().find("list.txt:2"), std::string::npos);
  EXPECT_FALSE(AbbreviationSet::Parse("Mr.\n", "list.txt").ok());
  EXPECT_FALSE(AbbreviationSet::Parse("[titles]\nMr.\n", "list.txt").ok());
  EXPECT_FALSE(AbbreviationSet::Parse("[inner]\nMr.\n[final]\nMr.\n", "list.txt").ok());
  EXPECT_EQ(AbbreviationSet::LoadFile("/nonexistent/abbr.txt").status().code(),
            Status::Code::kNotFound);
}

TEST(Abbreviations, CustomListChangesSegmentation) {
  auto custom = AbbreviationSet::Parse("[inner]\nGaza.\n", "custom");
  ASSERT_TRUE(custom.ok());
  SegmenterOptions options;
  options.abbreviations = custom->get();
  EXPECT_EQ(Segmented("He left Gaza. Strip.", options), (Sentences{"He|left|Gaza.|Strip|."}));
  EXPECT_EQ(Segmented("He left Gaza. Strip."), (Sentences{"He|left|Gaza|.", "Strip|."}));
}

}  // namespace
}  // namespace sitrep

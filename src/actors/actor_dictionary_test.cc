#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace sitrep {
namespace {

// Builds a one-sentence document. Spaces separate tokens and '|' splits a token without a
// space: "Russia|'s army" is the text "Russia's army" with tokens Russia, 's, army.
Document MakeDoc(std::string_view marked) {
  Document doc;
  uint32_t token_start = 0;
  bool in_token = false;
  auto close = [&] {
    if (in_token) doc.tokens.push_back(Token{token_start, static_cast<uint32_t>(doc.text.size())});
    in_token = false;
  };
  for (char c : marked) {
    if (c == ' ' || c == '|') {
      close();
      if (c == ' ') doc.text.push_back(' ');
      continue;
    }
    if (!in_token) token_start = static_cast<uint32_t>(doc.text.size());
    in_token = true;
    doc.text.push_back(c);
  }
  close();
  Sentence s;
  s.first_token = 0;
  s.token_count = static_cast<uint32_t>(doc.tokens.size());
  if (!doc.tokens.empty()) s.span = Span{doc.tokens.front().start, doc.tokens.back().end};
  doc.sentences.push_back(s);
  return doc;
}

std::unique_ptr<ActorDictionary> Build(const std::vector<std::string>& lines) {
  auto dict = std::make_unique<ActorDictionary>();
  int n = 0;
  for (const std::string& l : lines) {
    Status st = dict->AddLine(l, "test.txt", ++n);
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  Status st = dict->Compile();
  EXPECT_TRUE(st.ok()) << st.ToString();
  return dict;
}

// "first-last:CODE,CODE" for each match, in order.
std::vector<std::string> MatchSummary(const ActorDictionary& dict, std::string_view marked) {
  Document doc = MakeDoc(marked);
  std::vector<ActorMatch> matches;
  ActorDictionary::MatchScratch scratch;
  dict.Match(doc, doc.sentences[0], &matches, &scratch);
  std::vector<std::string> out;
  for (const ActorMatch& m : matches) {
    std::string s = std::to_string(m.first_token) + "-" + std::to_string(m.last_token) + ":";
    for (size_t i = 0; i < m.candidates.size(); ++i) {
      s += (i ? "," : "") + m.candidates[i]->code;
    }
    out.push_back(s);
  }
  return out;
}

const std::vector<std::string> kSmall = {
    "# a small dictionary",
    "USA country United States ; US ; U.S. ; America",
    "USA adjective American ; U.S.",
    "USAGOV capital Washington ; the White House",
    "IRQ country Iraq",
    "IRQ adjective Iraqi",
    "SYR country Syria",
    "SYR adjective Syrian",
    "RUS country Russia ; Russian Federation",
    "RUS adjective Russian",
    "RUSGOV capital the Kremlin ; Moscow",
    "CIV country Côte d'Ivoire ; Ivory Coast",
    "IMGMUSISI armed_group Islamic State ; Islamic State of Iraq and the Levant ; ISIS ; IS",
    "MIL agent military ; troops ; soldier ; army ; armed forces",
    "GOV agent government ; official",
    "COP agent police",
    "REB agent rebels ; militia",
    "SYRGOV person Bashar al-Assad ; Assad [2000-07-17..2024-12-08]",
};

TEST(ActorDictionary, LongestMatchWins) {
  auto dict = Build(kSmall);
  EXPECT_EQ(MatchSummary(*dict, "fighters of the Islamic State of Iraq and the Levant attacked"),
            std::vector<std::string>{"3-9:IMGMUSISI"});
  EXPECT_EQ(MatchSummary(*dict, "the Islamic State in Iraq"),
            (std::vector<std::string>{"1-2:IMGMUSISI", "4-4:IRQ"}));
}

TEST(ActorDictionary, AcronymsMatchOnlyInCapitals) {
  auto dict = Build(kSmall);
  EXPECT_EQ(MatchSummary(*dict, "US forces"), std::vector<std::string>{"0-0:USA"});
  EXPECT_TRUE(MatchSummary(*dict, "they told us nothing").empty());
  EXPECT_TRUE(MatchSummary(*dict, "this is it").empty());
  EXPECT_EQ(MatchSummary(*dict, "IS claimed it"), std::vector<std::string>{"0-0:IMGMUSISI"});
  // A capital inside a word is deliberate too: "LeT" is not "let".
  auto let = Build({"PAKREBLET armed_group Lashkar-e-Taiba ; LeT"});
  EXPECT_TRUE(MatchSummary(*let, "let them go").empty());
  EXPECT_EQ(MatchSummary(*let, "LeT denied it"), std::vector<std::string>{"0-0:PAKREBLET"});
  // Words that are not acronyms match in any case.
  EXPECT_EQ(MatchSummary(*dict, "RUSSIA and syria"),
            (std::vector<std::string>{"0-0:RUS", "2-2:SYR"}));
}

TEST(ActorDictionary, ShortAcronymsIgnoredInCapitalisedHeadlines) {
  auto dict = Build(kSmall);
  EXPECT_TRUE(MatchSummary(*dict, "WHAT IS LEFT OF THE PLAN").empty());
  EXPECT_EQ(MatchSummary(*dict, "WHY THE U.S. LEFT SYRIA"),
            (std::vector<std::string>{"2-2:USA", "4-4:SYR"}));
}

TEST(ActorDictionary, LeadingTheIsOptional) {
  auto dict = Build(kSmall);
  Document doc = MakeDoc("a statement from the Kremlin and Kremlin aides");
  std::vector<ActorMatch> m;
  ActorDictionary::MatchScratch scratch;
  dict->Match(doc, doc.sentences[0], &m, &scratch);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].first_token, 4u);
  EXPECT_TRUE(m[0].leading_the);
  EXPECT_EQ(m[0].candidates[0]->code, "RUSGOV");
  EXPECT_EQ(m[0].candidates[0]->canonical, "Russia government");
  EXPECT_FALSE(m[1].leading_the);
  EXPECT_EQ(MatchSummary(*dict, "The White House said"), std::vector<std::string>{"1-2:USAGOV"});
}

TEST(ActorDictionary, ToleratesPossessivesQuotesDiacriticsAndHyphens) {
  auto dict = Build(kSmall);
  EXPECT_EQ(MatchSummary(*dict, "Russia|'s army"), std::vector<std::string>{"0-2:RUSMIL"});
  // An unsplit possessive and trailing punctuation stay inside the token.
  EXPECT_EQ(MatchSummary(*dict, "Russia’s (Syria)."),
            (std::vector<std::string>{"0-0:RUS", "1-1:SYR"}));
  EXPECT_EQ(MatchSummary(*dict, "in Cote d’Ivoire"), std::vector<std::string>{"1-2:CIV"});
  EXPECT_EQ(MatchSummary(*dict, "Bashar al Assad spoke"),
            std::vector<std::string>{"0-2:SYRGOV,SYR"});
  // Symbols glued to a name make the token something else.
  EXPECT_TRUE(MatchSummary(*dict, "US$ 5 and $Russia").empty());
  // A hyphenated compound is not a mention of its parts.
  EXPECT_TRUE(MatchSummary(*dict, "Russian-backed pro-Syrian groups").empty());
}

TEST(ActorDictionary, CombinesCountriesWithAgentNouns) {
  auto dict = Build(kSmall);
  EXPECT_EQ(MatchSummary(*dict, "Russian troops crossed"), std::vector<std::string>{"0-1:RUSMIL"});
  EXPECT_EQ(MatchSummary(*dict, "Syrian rebels"), std::vector<std::string>{"0-1:SYRREB"});
  EXPECT_EQ(MatchSummary(*dict, "Iraqi police"), std::vector<std::string>{"0-1:IRQCOP"});
  EXPECT_EQ(MatchSummary(*dict, "U.S. officials said"), std::vector<std::string>{"0-1:USAGOV"});
  EXPECT_EQ(MatchSummary(*dict, "the Russian armed forces"),
            std::vector<std::string>{"1-3:RUSMIL"});
  // Plurals of agent nouns; a bare agent noun keeps its role code.
  EXPECT_EQ(MatchSummary(*dict, "Syrian militias and soldiers"),
            (std::vector<std::string>{"0-1:SYRREB", "3-3:MIL"}));
  const ActorEntry* e = dict->FindCountryAgent("RUS", "MIL");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->canonical, "Russia military");
}

TEST(ActorDictionary, ResolvesByDate) {
  auto dict = Build(kSmall);
  Document doc = MakeDoc("Assad met envoys");
  std::vector<ActorMatch> m;
  ActorDictionary::MatchScratch scratch;
  dict->Match(doc, doc.sentences[0], &m, &scratch);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2015-03-01"))->code, "SYRGOV");
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2024-12-08"))->code, "SYRGOV");
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2024-12-09"))->code, "SYR");
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2025-06-01T10:00:00Z"))->code, "SYR");
  EXPECT_EQ(dict->ResolveAt(m[0], kNoDay)->code, "SYRGOV");
  EXPECT_EQ(dict->ResolveAt(m[0], kNoDay)->canonical, "Bashar al-Assad");
}

TEST(ActorDictionary, PrefersTheOfficeHeldAtTheDate) {
  auto dict = Build({
      "RUS country Russia",
      "RUSGOV person Vladimir Putin ; Putin [2000-05-07..2008-05-07]",
      "RUSGOV person Vladimir Putin ; Putin [2008-05-08..2012-05-07]",
      "RUSELI person Vladimir Putin ; Putin [1999..1999]",
  });
  Document doc = MakeDoc("Putin said");
  std::vector<ActorMatch> m;
  ActorDictionary::MatchScratch scratch;
  dict->Match(doc, doc.sentences[0], &m, &scratch);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("1999-06"))->code, "RUSELI");
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2010-01-01"))->code, "RUSGOV");
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2010-01-01"))->from, 20080508);
  EXPECT_EQ(dict->ResolveAt(m[0], ParseDayKey("2013-01-01"))->code, "RUS");
  EXPECT_EQ(dict->ResolveAt(m[0], kNoDay)->to, 20120507);
}

TEST(ActorDictionary, ErrorsNameFileAndLine) {
  struct Case {
    std::string line;
    std::string expect;
  };
  std::vector<Case> cases = {
      {"SYR nation Syria", "unknown kind"},
      {"Syr country Syria", "malformed actor code"},
      {"SYRG country Syria", "malformed actor code"},
      {"SYR country Syria ; ; Syrian Arab Republic", "empty form"},
      {"SYR country Syria ;", "empty form"},
      {"SYR country", "no forms"},
      {"SYRGOV person Assad [2000-13-01..]", "bad date"},
      {"SYRGOV person Assad [2000-02-30..]", "bad date"},
      {"SYRGOV person Assad [2010..2001]", "FROM after TO"},
      {"SYRGOV person Assad", "needs dates"},
      {"GOVMIL agent troops", "one role block"},
  };
  for (const Case& c : cases) {
    ActorDictionary dict;
    ASSERT_TRUE(dict.AddLine("# fine", "bad.txt", 6).ok());
    Status st = dict.AddLine(c.line, "bad.txt", 7);
    ASSERT_FALSE(st.ok()) << c.line;
    EXPECT_EQ(st.message().rfind("bad.txt:7: ", 0), 0u) << st.message();
    EXPECT_NE(st.message().find(c.expect), std::string::npos) << st.message();
  }
}

TEST(ActorDictionary, AddFileReportsTheLineNumber) {
  std::string path = testing::TempDir() + "/actors_bad_line.txt";
  FILE* f = fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fputs("# header\n\nSYR country Syria # comment\nSYR adjectiv Syrian\n", f);
  fclose(f);
  ActorDictionary dict;
  Status st = dict.AddFile(path);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message().rfind("actors_bad_line.txt:4: unknown kind", 0), 0u) << st.message();
  std::remove(path.c_str());
}

TEST(ActorDictionary, DuplicatesMergeAndConflictsWarn) {
  auto dict = Build({
      "COD country Democratic Republic of the Congo ; Congo",
      "COG country Republic of the Congo ; Congo",
      "COG country Republic of the Congo",
  });
  EXPECT_EQ(MatchSummary(*dict, "Congo"), std::vector<std::string>{"0-0:COD,COG"});
  EXPECT_EQ(MatchSummary(*dict, "Republic of the Congo"), std::vector<std::string>{"0-3:COG"});
  ASSERT_EQ(dict->compile_warnings().size(), 1u);
  EXPECT_NE(dict->compile_warnings()[0].find("COD"), std::string::npos);
}

TEST(ActorDictionary, CanonicalNamesFollowTheCountryAndRole) {
  auto dict = Build({
      "ISR country Israel ; State of Israel",
      "ISR adjective Israeli",
      "ISRMIL organization Israel Defense Forces ; IDF",
      "IRNMILIRG organization Islamic Revolutionary Guard Corps ; IRGC",
      "MIL agent military ; troops",
  });
  std::vector<std::string> names;
  ActorDictionary::MatchScratch scratch;
  for (std::string_view text : {"the IDF", "Israeli troops", "State of Israel", "IRGC"}) {
    Document doc = MakeDoc(text);
    std::vector<ActorMatch> m;
    dict->Match(doc, doc.sentences[0], &m, &scratch);
    ASSERT_EQ(m.size(), 1u) << text;
    names.push_back(m[0].candidates[0]->canonical);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Israel military", "Israel military", "Israel",
                                             "Islamic Revolutionary Guard Corps"}));
}

TEST(ActorDictionary, AddAfterCompileFails) {
  auto dict = Build({"SYR country Syria"});
  EXPECT_FALSE(dict->AddLine("IRQ country Iraq", "late.txt", 1).ok());
  EXPECT_FALSE(dict->Compile().ok());
}

TEST(ActorDictionary, MatchesFromManyThreadsAtOnce) {
  auto dict = Build(kSmall);
  Document doc = MakeDoc("Russian troops and Syrian rebels met the Islamic State in Iraq");
  auto run = [&](std::vector<std::string>* codes) {
    ActorDictionary::MatchScratch scratch;
    for (int i = 0; i < 200; ++i) {
      std::vector<ActorMatch> m;
      dict->Match(doc, doc.sentences[0], &m, &scratch);
      codes->clear();
      for (const ActorMatch& x : m) codes->push_back(x.candidates[0]->code);
    }
  };
  std::vector<std::string> a, b;
  std::thread t1(run, &a), t2(run, &b);
  t1.join();
  t2.join();
  std::vector<std::string> want = {"RUSMIL", "SYRREB", "IMGMUSISI", "IRQ"};
  EXPECT_EQ(a, want);
  EXPECT_EQ(b, want);
}

TEST(ActorDictionary, SentenceBoundsAreRespected) {
  auto dict = Build(kSmall);
  Document doc = MakeDoc("Russian . troops");
  // Two sentences: "Russian ." and "troops"; the agent must not join across them.
  doc.sentences.clear();
  doc.sentences.push_back(Sentence{Span{0, 9}, 0, 2, 0});
  doc.sentences.push_back(Sentence{Span{10, 16}, 2, 1, 0});
  ActorDictionary::MatchScratch scratch;
  std::vector<ActorMatch> m;
  dict->Match(doc, doc.sentences[0], &m, &scratch);
  dict->Match(doc, doc.sentences[1], &m, &scratch);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].candidates[0]->code, "RUS");
  EXPECT_EQ(m[1].candidates[0]->code, "MIL");
}

// --- the real dictionaries under data/actors ---

TEST(ActorDictionaryData, EveryFileLoads) {
  auto start = std::chrono::steady_clock::now();
  auto dict = ActorDictionary::LoadDirectory(SITREP_SOURCE_DIR "/data/actors");
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  std::printf("actor dictionary: %zu entries, %zu forms, loaded in %.1f ms\n",
              (*dict)->entries().size(), (*dict)->form_count(), ms);
  for (const std::string& w : (*dict)->compile_warnings())
    std::printf("  warning: %s\n", w.c_str());
}

TEST(ActorDictionaryData, EveryCodeHasAKnownRoot) {
  auto dict = ActorDictionary::LoadDirectory(SITREP_SOURCE_DIR "/data/actors");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  std::set<std::string, std::less<>> countries;
  for (const ActorEntry& e : (*dict)->entries()) {
    if (e.kind == ActorKind::kCountry && e.code.size() == 3) countries.insert(e.code);
  }
  EXPECT_GE(countries.size(), 249u);
  for (const ActorEntry& e : (*dict)->entries()) {
    if (e.kind == ActorKind::kAgent) continue;
    bool known = countries.count(e.root()) > 0 || ActorDictionary::IsInternationalRoot(e.root());
    EXPECT_TRUE(known) << e.file << ":" << e.line << ": code " << e.code
                       << " starts with neither an ISO 3166-1 alpha-3 code nor an "
                          "international root";
  }
}

TEST(ActorDictionaryData, CodesTheIssueExamples) {
  auto dict = ActorDictionary::LoadDirectory(SITREP_SOURCE_DIR "/data/actors");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  struct Case {
    std::string text;
    std::string code;
  };
  std::vector<Case> cases = {
      {"Russian troops", "RUSMIL"},
      {"Syrian rebels", "SYRREB"},
      {"Iraqi police", "IRQCOP"},
      {"U.S. officials", "USAGOV"},
      {"the Kremlin", "RUSGOV"},
      {"the Pentagon", "USAMIL"},
      {"the White House", "USAGOV"},
      {"Damascus", "SYRGOV"},
      {"Daesh", "IMGMUSISI"},
      {"ISIL", "IMGMUSISI"},
      {"Ivory Coast", "CIV"},
      {"North Korea", "PRK"},
      {"Britain", "GBR"},
      {"Hezbollah", "LBNREBHEZ"},
  };
  ActorDictionary::MatchScratch scratch;
  for (const Case& c : cases) {
    Document doc = MakeDoc(c.text);
    std::vector<ActorMatch> m;
    (*dict)->Match(doc, doc.sentences[0], &m, &scratch);
    ASSERT_EQ(m.size(), 1u) << c.text;
    EXPECT_EQ((*dict)->ResolveAt(m[0], ParseDayKey("2020-01-01"))->code, c.code) << c.text;
  }
}

TEST(ActorDictionaryData, GroupsChangeCodeWithTheirStatus) {
  auto dict = ActorDictionary::LoadDirectory(SITREP_SOURCE_DIR "/data/actors");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  struct Case {
    std::string text;
    std::string date;
    std::string code;
  };
  std::vector<Case> cases = {
      {"the Taliban", "2019-03-01", "AFGINSTAL"},
      {"the Taliban", "2023-03-01", "AFGGOVTAL"},
      {"HTS", "2020-01-01", "SYRREBHTS"},
      {"HTS", "2025-02-01", "SYRGOVHTS"},
      {"Rapid Support Forces", "2019-06-03", "SDNMILRSF"},
      {"Rapid Support Forces", "2024-06-03", "SDNREBRSF"},
  };
  ActorDictionary::MatchScratch scratch;
  for (const Case& c : cases) {
    Document doc = MakeDoc(c.text);
    std::vector<ActorMatch> m;
    (*dict)->Match(doc, doc.sentences[0], &m, &scratch);
    ASSERT_EQ(m.size(), 1u) << c.text;
    const ActorEntry* e = (*dict)->ResolveAt(m[0], ParseDayKey(c.date));
    ASSERT_NE(e, nullptr) << c.text << " " << c.date;
    EXPECT_EQ(e->code, c.code) << c.text << " " << c.date;
  }
}

}  // namespace
}  // namespace sitrep

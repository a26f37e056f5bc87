#include "events/event_coder.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sitrep {
namespace {

constexpr char kCameo[] =
    "# version: 1\n"
    "code\tname\tgoldstein\tgoldstein_gdelt\tquad\troot\tplover\n"
    "010\tMake statement\t0\t0\t1\t01\t-\n"
    "030\tExpress intent to cooperate\t4\t4\t1\t03\tAGREE\n"
    "051\tPraise or endorse\t3.4\t3.4\t1\t05\tSUPPORT\n"
    "057\tSign formal agreement\t8\t8\t1\t05\tAGREE\n"
    "070\tProvide aid\t7\t7\t2\t07\tAID\n"
    "100\tDemand\t-5\t-5\t3\t10\tREQUEST\n"
    "130\tThreaten\t-4.4\t-4.4\t3\t13\tTHREATEN\n"
    "127\tReject plan, agreement to settle dispute\t-5\t-5\t3\t12\tREJECT\n"
    "036\tExpress intent to meet or negotiate\t4\t4\t1\t03\tAGREE\n"
    "043\tHold talks\t2.8\t2.8\t1\t04\tCONSULT\n"
    "0874\tRetreat or surrender militarily\t10\t10\t2\t08\tRETREAT\n"
    "163\tImpose embargo, boycott, or sanctions\t-8\t-8\t4\t16\tSANCTION\n"
    "190\tUse conventional military force\t-10\t-10\t4\t19\tASSAULT\n"
    "195\tEmploy aerial weapons\t-10\t-10\t4\t19\tASSAULT\n";

constexpr char kPatterns[] =
    "-     light   carry out ; conduct ; begin ; hold\n"
    "-     modal   possible ; potential ; could ; may ; might\n"
    "-     negation  not ; n't ; never ; no\n"
    "-     quantity  thousands ; dozens\n"
    "-     object_control  urge\n"
    "010   speech  say\n"
    "043   noun    talk | prep: with\n"
    "0874  verb    withdraw | place: from\n"
    "0874  noun    withdrawal | of: source | place: from\n"
    "163   verb    impose | obj: sanction | prep: on\n"
    "190   verb    attack\n"
    "190   noun    offensive | prep: against\n"
    "195   noun    airstrike | prep: on ; against\n"
    "036   intent  agree ; plan | map: intent\n"
    "030   intent  promise | map: intent\n"
    "030   intent  intend | map: intent | fallback: no\n"
    "057   noun    pact\n"
    "070   noun    aid | prep: to\n"
    "070   verb    send | obj: aid\n"
    "051   verb    welcome\n"
    "100   demand  demand | map: demand\n"
    "130   threat  threaten | map: threat\n"
    "100   obligation  must | map: demand\n"
    "-     measure ton\n"
    "-     opaque  condemn\n"
    "-     victim  die\n"
    "-     future  will | map: future\n"
    "057   verb    sign | obj: pact\n";

constexpr char kRecode[] =
    "map\tfrom\tto\nintent\t04\t036\nintent\t08\t036\nreject\t057\t127\nfuture\t08\t036\n";

constexpr char kActors[] =
    "RUS       country    Russia\n"
    "RUS       adjective  Russian\n"
    "SYR       country    Syria\n"
    "SYR       adjective  Syrian\n"
    "SYR       demonym    Syrians\n"
    "IRN       country    Iran\n"
    "USA       country    United States ; U.S.\n"
    "IMGMUSISI armed_group Islamic State ; ISIS\n"
    "USAGOV    person     John Kerry ; Kerry  [2013-02-01..2017-01-20]\n"
    "MIL       agent      troops ; army\n"
    "REB       agent      rebels\n";

// A parsed sentence written as "form lemma UPOS head deprel" rows; head is 1-based, 0 = root.
struct Row {
  const char* form;
  const char* lemma;
  const char* upos;
  int head;
  const char* deprel;
};

class EventCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cameo = CameoTable::Parse(kCameo, "cameo");
    ASSERT_TRUE(cameo.ok()) << cameo.status().ToString();
    cameo_ = std::move(cameo).value();
    auto lex = EventLexicon::Parse(kPatterns, "patterns", kRecode, "recode", *cameo_);
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    lexicon_ = std::move(lex).value();
    actors_ = std::make_unique<ActorDictionary>();
    std::istringstream in(kActors);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) ASSERT_TRUE(actors_->AddLine(line, "test.txt", ++n).ok()) << line;
    ASSERT_TRUE(actors_->Compile().ok());
    coder_ = std::make_unique<EventCoder>(*cameo_, *lexicon_, *actors_);
  }

  // Appends one parsed sentence to doc_.
  void AddSentence(std::initializer_list<Row> rows) {
    Sentence s;
    s.first_token = doc_.tokens.size();
    if (!doc_.text.empty()) doc_.text += ' ';
    for (const Row& r : rows) {
      if (doc_.text.size() && doc_.text.back() != ' ') doc_.text += ' ';
      Token t;
      t.start = doc_.text.size();
      doc_.text += r.form;
      t.end = doc_.text.size();
      t.lemma = r.lemma;
      t.upos = r.upos;
      t.head = r.head - 1;
      t.deprel = r.deprel;
      doc_.tokens.push_back(t);
    }
    s.token_count = doc_.tokens.size() - s.first_token;
    s.span = {doc_.tokens[s.first_token].start, doc_.tokens.back().end};
    doc_.sentences.push_back(s);
  }

  // "SOURCE>TARGET:CODE:modality" for each event, in order.
  std::vector<std::string> Coded() {
    EventCoder::Scratch scratch;
    coder_->Code(&doc_, &scratch);
    std::vector<std::string> out;
    for (const Event& e : doc_.events) {
      std::string s = doc_.actors[e.source].code + ">" +
                      (e.target >= 0 ? doc_.actors[e.target].code : "-") + ":" + e.cameo;
      if (e.modality != Modality::kAsserted) s += std::string(":") + ModalityName(e.modality);
      out.push_back(s);
    }
    return out;
  }

  std::unique_ptr<CameoTable> cameo_;
  std::unique_ptr<EventLexicon> lexicon_;
  std::unique_ptr<ActorDictionary> actors_;
  std::unique_ptr<EventCoder> coder_;
  Document doc_;
};

using Events = std::vector<std::string>;

TEST_F(EventCoderTest, ActiveVoiceSubjectAndObject) {
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 2, "obj"},
               {".", ".", "PUNCT", 2, "punct"}});
  EXPECT_EQ(Coded(), (Events{"RUS>SYR:190"}));
}

TEST_F(EventCoderTest, PassiveVoiceTakesTheAgentAsSource) {
  // Syria was attacked by Russian troops.
  AddSentence({{"Syria", "Syria", "PROPN", 3, "nsubj:pass"},
               {"was", "be", "AUX", 3, "aux:pass"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"by", "by", "ADP", 6, "case"},
               {"Russian", "Russian", "ADJ", 6, "amod"},
               {"troops", "troops", "NOUN", 3, "obl:agent"}});
  EXPECT_EQ(Coded(), (Events{"RUSMIL>SYR:190"}));
}

TEST_F(EventCoderTest, ConjoinedSubjectsYieldOneEventEach) {
  // Russia and Iran attacked ISIS.
  AddSentence({{"Russia", "Russia", "PROPN", 4, "nsubj"},
               {"and", "and", "CCONJ", 3, "cc"},
               {"Iran", "Iran", "PROPN", 1, "conj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"ISIS", "ISIS", "PROPN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"RUS>IMGMUSISI:190", "IRN>IMGMUSISI:190"}));
}

TEST_F(EventCoderTest, NegatedAndHypotheticalAreMarked) {
  // Russia did not attack Syria. Iran could attack Syria.
  AddSentence({{"Russia", "Russia", "PROPN", 4, "nsubj"},
               {"did", "do", "AUX", 4, "aux"},
               {"not", "not", "PART", 4, "advmod"},
               {"attack", "attack", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 4, "obj"}});
  AddSentence({{"Iran", "Iran", "PROPN", 3, "nsubj"},
               {"could", "could", "AUX", 3, "aux"},
               {"attack", "attack", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 3, "obj"}});
  EXPECT_EQ(Coded(), (Events{"RUS>SYR:190:negated", "IRN>SYR:190:hypothetical"}));
}

TEST_F(EventCoderTest, ControlVerbRecodesComplementAsIntent) {
  // Russia agreed to withdraw troops.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"agreed", "agree", "VERB", 0, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"withdraw", "withdraw", "VERB", 2, "xcomp"},
               {"troops", "troops", "NOUN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"RUS>-:036"}));
}

TEST_F(EventCoderTest, NominalEventUnderLightVerb) {
  // Russia has begun the withdrawal of its troops from Syria.
  AddSentence({{"Russia", "Russia", "PROPN", 3, "nsubj"},
               {"has", "have", "AUX", 3, "aux"},
               {"begun", "begin", "VERB", 0, "root"},
               {"the", "the", "DET", 5, "det"},
               {"withdrawal", "withdrawal", "NOUN", 3, "obj"},
               {"of", "of", "ADP", 8, "case"},
               {"its", "its", "PRON", 8, "nmod:poss"},
               {"troops", "troops", "NOUN", 5, "nmod"},
               {"from", "from", "ADP", 10, "case"},
               {"Syria", "Syria", "PROPN", 5, "nmod"}});
  auto events = Coded();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].substr(0, 3), "RUS");
  EXPECT_NE(events[0].find(":0874"), std::string::npos);
  EXPECT_EQ(events[0].find("SYR"), std::string::npos) << "Syria is the place, not the target";
}

TEST_F(EventCoderTest, NominalEventWithAdjectiveSourceAndPrepositionalTarget) {
  // Russian airstrikes on ISIS continued.
  AddSentence({{"Russian", "Russian", "ADJ", 2, "amod"},
               {"airstrikes", "airstrike", "NOUN", 5, "nsubj"},
               {"on", "on", "ADP", 4, "case"},
               {"ISIS", "ISIS", "PROPN", 2, "nmod"},
               {"continued", "continue", "VERB", 0, "root"}});
  EXPECT_EQ(Coded(), (Events{"RUS>IMGMUSISI:195"}));
}

TEST_F(EventCoderTest, PronounResolvesToEarlierActor) {
  // Russia said it attacked ISIS.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"said", "say", "VERB", 0, "root"},
               {"it", "it", "PRON", 4, "nsubj"},
               {"attacked", "attack", "VERB", 2, "ccomp"},
               {"ISIS", "ISIS", "PROPN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"RUS>IMGMUSISI:190"})) << "a statement is not coded beside a specific event";
}

TEST_F(EventCoderTest, StatementCarryingAClauseIsCodedAsMakeStatement) {
  // Kerry said Russia was ready.
  AddSentence({{"Kerry", "Kerry", "PROPN", 2, "nsubj"},
               {"said", "say", "VERB", 0, "root"},
               {"Russia", "Russia", "PROPN", 5, "nsubj"},
               {"was", "be", "AUX", 5, "cop"},
               {"ready", "ready", "ADJ", 2, "ccomp"}});
  doc_.date = "2015-06-01";
  EXPECT_EQ(Coded(), (Events{"USAGOV>-:010"}));
}

TEST_F(EventCoderTest, SpeechWithoutAClauseIsNotAStatement) {
  AddSentence({{"Kerry", "Kerry", "PROPN", 2, "nsubj"},
               {"said", "say", "VERB", 0, "root"},
               {"nothing", "nothing", "PRON", 2, "obj"}});
  doc_.date = "2015-06-01";
  EXPECT_TRUE(Coded().empty());
}

TEST_F(EventCoderTest, PersonRoleFollowsTheDate) {
  doc_.date = "2019-03-01";
  AddSentence({{"John", "John", "PROPN", 3, "compound"},
               {"Kerry", "Kerry", "PROPN", 3, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 3, "obj"}});
  EXPECT_EQ(Coded(), (Events{"USAELI>SYR:190"}));
}

TEST_F(EventCoderTest, SurnameAloneNeedsTheFullNameATitleOrTheTerm) {
  // Out of office in 2019: "Kerry" alone is somebody else, until the full name is given.
  doc_.date = "2019-03-01";
  AddSentence({{"Kerry", "Kerry", "PROPN", 2, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 2, "obj"}});
  AddSentence({{"John", "John", "PROPN", 2, "compound"},
               {"Kerry", "Kerry", "PROPN", 3, "nsubj"},
               {"spoke", "speak", "VERB", 0, "root"}});
  AddSentence({{"Kerry", "Kerry", "PROPN", 2, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"Iran", "Iran", "PROPN", 2, "obj"}});
  EXPECT_EQ(Coded(), (Events{"USAELI>IRN:190"}));
}

TEST_F(EventCoderTest, SurnameInOfficeOnTheDateStandsAlone) {
  doc_.date = "2015-06-01";
  AddSentence({{"Kerry", "Kerry", "PROPN", 2, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 2, "obj"}});
  EXPECT_EQ(Coded(), (Events{"USAGOV>SYR:190"}));
}

TEST_F(EventCoderTest, ObjectConstrainedVerbTakesPrepositionalTarget) {
  // The United States imposed sanctions on Iran.
  AddSentence({{"The", "the", "DET", 3, "det"},
               {"United", "United", "PROPN", 3, "compound"},
               {"States", "States", "PROPN", 4, "nsubj"},
               {"imposed", "impose", "VERB", 0, "root"},
               {"sanctions", "sanction", "NOUN", 4, "obj"},
               {"on", "on", "ADP", 7, "case"},
               {"Iran", "Iran", "PROPN", 4, "obl"}});
  EXPECT_EQ(Coded(), (Events{"USA>IRN:163"}));
}

TEST_F(EventCoderTest, ObjectConstraintRejectsOtherObjects) {
  // The United States imposed a curfew. (not a sanction)
  AddSentence({{"The", "the", "DET", 3, "det"},
               {"United", "United", "PROPN", 3, "compound"},
               {"States", "States", "PROPN", 4, "nsubj"},
               {"imposed", "impose", "VERB", 0, "root"},
               {"a", "a", "DET", 6, "det"},
               {"curfew", "curfew", "NOUN", 4, "obj"}});
  EXPECT_TRUE(Coded().empty());
}

TEST_F(EventCoderTest, SentenceWithoutActorsYieldsNothing) {
  // The team attacked the goal.
  AddSentence({{"The", "the", "DET", 2, "det"},
               {"team", "team", "NOUN", 3, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"the", "the", "DET", 5, "det"},
               {"goal", "goal", "NOUN", 3, "obj"}});
  EXPECT_TRUE(Coded().empty());
}

TEST_F(EventCoderTest, DefiniteAgentTakesTheCountryInContext) {
  // The Syrian army attacked the rebels.
  AddSentence({{"The", "the", "DET", 3, "det"},
               {"Syrian", "Syrian", "ADJ", 3, "amod"},
               {"army", "army", "NOUN", 4, "nsubj"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"the", "the", "DET", 6, "det"},
               {"rebels", "rebel", "NOUN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"SYRMIL>SYRREB:190"}));
}

TEST_F(EventCoderTest, QuantityNounTakesItsActorFromTheOfPhrase) {
  // Thousands of Syrians attacked Russia.
  AddSentence({{"Thousands", "thousands", "NOUN", 4, "nsubj"},
               {"of", "of", "ADP", 3, "case"},
               {"Syrians", "Syrians", "PROPN", 1, "nmod"},
               {"attacked", "attack", "VERB", 0, "root"},
               {"Russia", "Russia", "PROPN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"SYR>RUS:190"}));
}

TEST_F(EventCoderTest, ObjectControlVerbHandsTheComplementToItsObject) {
  // Iran urged Russia to attack Syria: the attack would be Russia's.
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"urged", "urge", "VERB", 0, "root"},
               {"Russia", "Russia", "PROPN", 2, "obj"},
               {"to", "to", "PART", 5, "mark"},
               {"attack", "attack", "VERB", 2, "xcomp"},
               {"Syria", "Syria", "PROPN", 5, "obj"}});
  auto events = Coded();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0], "RUS>SYR:190:hypothetical");
}

TEST_F(EventCoderTest, TalksWithPerson) {
  doc_.date = "2015-06-01";
  // Russia held talks with Kerry.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"held", "hold", "VERB", 0, "root"},
               {"talks", "talk", "NOUN", 2, "obj"},
               {"with", "with", "ADP", 5, "case"},
               {"Kerry", "Kerry", "PROPN", 3, "nmod"}});
  EXPECT_EQ(Coded(), (Events{"RUS>USAGOV:043"}));
}

TEST_F(EventCoderTest, NounModifyingANounIsNoEvent) {
  // Russian aid groups arrived.
  AddSentence({{"Russian", "Russian", "ADJ", 3, "amod"},
               {"aid", "aid", "NOUN", 3, "compound"},
               {"groups", "group", "NOUN", 4, "nsubj"},
               {"arrived", "arrive", "VERB", 0, "root"}});
  EXPECT_EQ(Coded(), (Events{}));
}

TEST_F(EventCoderTest, NominalEventTakesItsClauseSubject) {
  // Iran and Russia returned to Geneva for a pact.
  AddSentence({{"Iran", "Iran", "PROPN", 4, "nsubj"},
               {"and", "and", "CCONJ", 3, "cc"},
               {"Russia", "Russia", "PROPN", 1, "conj"},
               {"returned", "return", "VERB", 0, "root"},
               {"to", "to", "ADP", 6, "case"},
               {"Geneva", "Geneva", "PROPN", 4, "obl"},
               {"for", "for", "ADP", 9, "case"},
               {"a", "a", "DET", 9, "det"},
               {"pact", "pact", "NOUN", 4, "obl"}});
  EXPECT_EQ(Coded(), (Events{"IRN>RUS:057", "RUS>IRN:057"}));
}

TEST_F(EventCoderTest, VerbThatJudgesAnEventLendsNoSource) {
  // Iran condemned the airstrike.
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"condemned", "condemn", "VERB", 0, "root"},
               {"the", "the", "DET", 4, "det"},
               {"airstrike", "airstrike", "NOUN", 2, "obj"}});
  EXPECT_EQ(Coded(), (Events{}));
}

TEST_F(EventCoderTest, SubjectOfVerbOfUndergoingIsTheTarget) {
  // Syrians died in a Russian airstrike.
  AddSentence({{"Syrians", "Syrian", "PROPN", 2, "nsubj"},
               {"died", "die", "VERB", 0, "root"},
               {"in", "in", "ADP", 6, "case"},
               {"a", "a", "DET", 6, "det"},
               {"Russian", "Russian", "ADJ", 6, "amod"},
               {"airstrike", "airstrike", "NOUN", 2, "obl"}});
  EXPECT_EQ(Coded(), (Events{"RUS>SYR:195"}));
}

TEST_F(EventCoderTest, CommitmentWithUncodedComplementIsIntent) {
  // Russia promised to democratize. Iran intended to democratize.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"promised", "promise", "VERB", 0, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"democratize", "democratize", "VERB", 2, "xcomp"}});
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"intended", "intend", "VERB", 0, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"democratize", "democratize", "VERB", 2, "xcomp"}});
  EXPECT_EQ(Coded(), (Events{"RUS>-:030"}));
}

TEST_F(EventCoderTest, DemandWithUncodedClauseTargetsItsSubject) {
  // Russia demanded that Iran explain.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"demanded", "demand", "VERB", 0, "root"},
               {"that", "that", "SCONJ", 5, "mark"},
               {"Iran", "Iran", "PROPN", 5, "nsubj"},
               {"explain", "explain", "VERB", 2, "ccomp"}});
  EXPECT_EQ(Coded(), (Events{"RUS>IRN:100"}));
}

TEST_F(EventCoderTest, ReportedObligationIsADemandOnTheClauseSubject) {
  // Russia said Syria must return the helicopter.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"said", "say", "VERB", 0, "root"},
               {"Syria", "Syria", "PROPN", 5, "nsubj"},
               {"must", "must", "AUX", 5, "aux"},
               {"return", "return", "VERB", 2, "ccomp"},
               {"the", "the", "DET", 7, "det"},
               {"helicopter", "helicopter", "NOUN", 5, "obj"}});
  EXPECT_EQ(Coded(), (Events{"RUS>SYR:100"}));
}

TEST_F(EventCoderTest, ObjectConstraintLooksThroughMeasures) {
  // Iran sent tons of aid.
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"sent", "send", "VERB", 0, "root"},
               {"tons", "ton", "NOUN", 2, "obj"},
               {"of", "of", "ADP", 5, "case"},
               {"aid", "aid", "NOUN", 3, "nmod"}});
  EXPECT_EQ(Coded(), (Events{"IRN>-:070"}));
}

TEST_F(EventCoderTest, OwnerOfTheObjectIsTheTarget) {
  // Russia welcomed Iran's proposal.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"welcomed", "welcome", "VERB", 0, "root"},
               {"Iran", "Iran", "PROPN", 5, "nmod:poss"},
               {"'s", "'s", "PART", 3, "case"},
               {"proposal", "proposal", "NOUN", 2, "obj"}});
  EXPECT_EQ(Coded(), (Events{"RUS>IRN:051"}));
}

TEST_F(EventCoderTest, ThreatenedActIsNotAssertedAndLendsItsTarget) {
  // Iran threatened to attack Syria. Iran threatened to punish Russia.
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"threatened", "threaten", "VERB", 0, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"attack", "attack", "VERB", 2, "xcomp"},
               {"Syria", "Syria", "PROPN", 4, "obj"}});
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"threatened", "threaten", "VERB", 0, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"punish", "punish", "VERB", 2, "xcomp"},
               {"Russia", "Russia", "PROPN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"IRN>SYR:130", "IRN>RUS:130"}));
}

TEST_F(EventCoderTest, OpenTargetIsMarkedForTheImplicitTargetStage) {
  // Russia sent aid. Russia said so.
  AddSentence({{"Russia", "Russia", "PROPN", 2, "nsubj"},
               {"sent", "send", "VERB", 0, "root"},
               {"aid", "aid", "NOUN", 2, "obj"}});
  ASSERT_EQ(Coded(), (Events{"RUS>-:070"}));
  EXPECT_TRUE(doc_.events[0].target_open);
}

TEST_F(EventCoderTest, FailureToCooperateIsARejection) {
  // Iran failed to sign the pact.
  AddSentence({{"Iran", "Iran", "PROPN", 2, "nsubj"},
               {"failed", "fail", "VERB", 0, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"sign", "sign", "VERB", 2, "xcomp"},
               {"the", "the", "DET", 6, "det"},
               {"pact", "pact", "NOUN", 4, "obj"}});
  EXPECT_EQ(Coded(), (Events{"IRN>-:127"}));
}

TEST_F(EventCoderTest, FutureActUnderAConditionIsAThreat) {
  // Russia will withdraw. Russia will withdraw unless Iran pays.
  AddSentence({{"Russia", "Russia", "PROPN", 3, "nsubj"},
               {"will", "will", "AUX", 3, "aux"},
               {"withdraw", "withdraw", "VERB", 0, "root"}});
  AddSentence({{"Russia", "Russia", "PROPN", 3, "nsubj"},
               {"will", "will", "AUX", 3, "aux"},
               {"withdraw", "withdraw", "VERB", 0, "root"},
               {"unless", "unless", "SCONJ", 6, "mark"},
               {"Iran", "Iran", "PROPN", 6, "nsubj"},
               {"pays", "pay", "VERB", 3, "advcl"}});
  EXPECT_EQ(Coded(), (Events{"RUS>-:036", "RUS>-:130"}));
}

}  // namespace
}  // namespace sitrep

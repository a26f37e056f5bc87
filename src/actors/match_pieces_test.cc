#include "actors/match_pieces.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  PieceBuffer buf;
  AppendPieces(text, 0, &buf);
  std::vector<std::string> out;
  for (const TextPiece& p : buf.pieces) out.emplace_back(buf.Norm(p));
  return out;
}

TEST(MatchPieces, FoldsCaseDiacriticsQuotesAndHyphens) {
  EXPECT_EQ(Norms("Côte d’Ivoire"), (std::vector<std::string>{"cote", "d", "'", "ivoire"}));
  EXPECT_EQ(Norms("al-Qaeda"), Norms("Al Qaeda"));
  EXPECT_EQ(Norms("al–Qaeda"), Norms("al Qaeda"));  // en dash
  EXPECT_EQ(Norms("TÜRKİYE"), std::vector<std::string>{"turkiye"});
}

TEST(MatchPieces, PeriodsBelongToTheWord) {
  EXPECT_EQ(Norms("U.S."), std::vector<std::string>{"us"});
  EXPECT_EQ(Norms("Russia."), std::vector<std::string>{"russia"});
  EXPECT_EQ(Norms("... and"), (std::vector<std::string>{".", ".", ".", "and"}));
}

TEST(MatchPieces, KeepsOffsetsAndCase) {
  PieceBuffer buf;
  AppendPieces("(U.S. forces)", 100, &buf);
  ASSERT_EQ(buf.pieces.size(), 4u);
  EXPECT_EQ(buf.pieces[1].start, 101u);
  EXPECT_EQ(buf.pieces[1].end, 105u);
  EXPECT_EQ(buf.Cased(buf.pieces[1]), "US");
  EXPECT_TRUE(buf.pieces[1].all_caps);
  EXPECT_TRUE(buf.pieces[1].has_period);
  EXPECT_FALSE(buf.pieces[2].all_caps);
  EXPECT_FALSE(buf.pieces[3].word);
}

TEST(MatchPieces, OneCapitalIsNotAnAcronym) {
  PieceBuffer buf;
  AppendPieces("A M23 UN", 0, &buf);
  ASSERT_EQ(buf.pieces.size(), 3u);
  EXPECT_FALSE(buf.pieces[0].all_caps);
  EXPECT_FALSE(buf.pieces[1].all_caps);
  EXPECT_TRUE(buf.pieces[2].all_caps);
}

}  // namespace
}  // namespace sitrep

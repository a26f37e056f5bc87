#include "syntax/ner_scoring.h"

#include <algorithm>

#include "base/json_writer.h"

namespace sitrep {
namespace {

double Ratio(int64_t num, int64_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

bool Overlaps(const NerSpan& a, const NerSpan& b) {
  return a.type == b.type && a.first <= b.last && b.first <= a.last;
}

void ScoreSentence(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted,
                   NerScores* scores) {
  for (const NerSpan& g : gold) {
    NerCounts& c = scores->per_type[g.type];
    ++c.gold;
    for (const NerSpan& p : predicted) {
      if (Overlaps(g, p)) {
        ++c.overlap_gold;
        break;
      }
    }
  }
  for (const NerSpan& p : predicted) {
    NerCounts& c = scores->per_type[p.type];
    ++c.predicted;
    bool exact = false, overlap = false;
    for (const NerSpan& g : gold) {
      exact = exact || g == p;
      overlap = overlap || Overlaps(g, p);
    }
    c.exact_match += exact;
    c.overlap_pred += overlap;
  }
}

}  // namespace

double NerCounts::ExactPrecision() const { return Ratio(exact_match, predicted); }
double NerCounts::ExactRecall() const { return Ratio(exact_match, gold); }
double NerCounts::ExactF1() const { return F1(ExactPrecision(), ExactRecall()); }
double NerCounts::OverlapPrecision() const { return Ratio(overlap_pred, predicted); }
double NerCounts::OverlapRecall() const { return Ratio(overlap_gold, gold); }
double NerCounts::OverlapF1() const { return F1(OverlapPrecision(), OverlapRecall()); }

NerCounts& NerCounts::operator+=(const NerCounts& o) {
  gold += o.gold;
  predicted += o.predicted;
  exact_match += o.exact_match;
  overlap_pred += o.overlap_pred;
  overlap_gold += o.overlap_gold;
  return *this;
}

NerCounts NerScores::Pooled(const std::vector<std::string>& types) const {
  NerCounts pooled;
  for (const std::string& t : types) {
    auto it = per_type.find(t);
    if (it != per_type.end()) pooled += it->second;
  }
  return pooled;
}

NerScores ScoreEntities(const std::vector<std::vector<NerSpan>>& gold,
                        const std::vector<std::vector<NerSpan>>& predicted) {
  NerScores scores;
  static const std::vector<NerSpan> kNone;
  size_t n = std::max(gold.size(), predicted.size());
  for (size_t i = 0; i < n; ++i) {
    ScoreSentence(i < gold.size() ? gold[i] : kNone, i < predicted.size() ? predicted[i] : kNone,
                  &scores);
  }
  for (const auto& [type, counts] : scores.per_type) scores.overall += counts;
  return scores;
}

std::string ToJson(const NerCounts& c) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("gold").Int(c.gold);
  w.Key("predicted").Int(c.predicted);
  w.Key("exact_p").Double(c.ExactPrecision(), 4);
  w.Key("exact_r").Double(c.ExactRecall(), 4);
  w.Key("exact_f1").Double(c.ExactF1(), 4);
  w.Key("overlap_p").Double(c.OverlapPrecision(), 4);
  w.Key("overlap_r").Double(c.OverlapRecall(), 4);
  w.Key("overlap_f1").Double(c.OverlapF1(), 4);
  w.EndObject();
  return out;
}

std::string ToJson(const NerScores& scores) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("overall").Raw(ToJson(scores.overall));
  w.Key("per_type").BeginObject();
  for (const auto& [type, counts] : scores.per_type) w.Key(type).Raw(ToJson(counts));
  w.EndObject();
  w.EndObject();
  return out;
}

}  // namespace sitrep

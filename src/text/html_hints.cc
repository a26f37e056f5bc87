#include "text/html_hints.h"

#include <array>
#include <string>

namespace sitrep {

namespace {

// Words matched anywhere inside a class/id value.
constexpr std::array<std::string_view, 14> kPositive = {
    "article", "body", "content", "entry", "main",      "post",   "text",
    "story",   "blog", "hentry",  "prose", "paragraph", "column", "detail"};

constexpr std::array<std::string_view, 39> kStrongNegative = {
    "comment",    "share",        "sharing",  "social",  "related", "promo",      "newsletter",
    "subscribe",  "caption",      "byline",   "advert",  "sponsor", "outbrain",   "taboola",
    "recommend",  "popular",      "trending", "cookie",  "popup",   "breadcrumb", "signup",
    "disqus",     "credit",       "hidden",   "recirc",  "paywall", "most-read",  "mostread",
    "banner",     "subscription", "donate",   "sidebar", "footer",  "menu",       "masthead",
    "pagination", "pager",        "toolbar",  "widget"};

constexpr std::array<std::string_view, 11> kWeakNegative = {
    "modal", "read-more", "readmore", "header", "author",  "meta",
    "print", "skip",      "combx",    "aside",  "dateline"};

// Short words matched only as a whole word of the value (split at non-letters).
constexpr std::array<std::string_view, 11> kStrongNegativeWords = {
    "ad", "ads", "adv", "tags", "tag", "share", "related", "tools", "dfp", "nav", "navbar"};
constexpr std::array<std::string_view, 2> kWeakNegativeWords = {"foot", "rail"};

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

template <size_t N>
int CountSubstrings(std::string_view lower, const std::array<std::string_view, N>& words) {
  int hits = 0;
  for (std::string_view w : words) hits += lower.find(w) != std::string_view::npos;
  return hits;
}

template <size_t N>
int CountWholeWords(std::string_view lower, const std::array<std::string_view, N>& words) {
  int hits = 0;
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !IsLetter(lower[i])) ++i;
    size_t start = i;
    while (i < lower.size() && IsLetter(lower[i])) ++i;
    std::string_view word = lower.substr(start, i - start);
    if (word.empty()) continue;
    for (std::string_view w : words) hits += word == w;
  }
  return hits;
}

}  // namespace

ClassHints ReadClassHints(std::string_view value) {
  ClassHints hints;
  if (value.empty()) return hints;
  std::string lower(value.substr(0, 256));
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  hints.positive = CountSubstrings(lower, kPositive);
  hints.strong_negative = CountSubstrings(lower, kStrongNegative);
  hints.weak_negative = CountSubstrings(lower, kWeakNegative);
  // Whole-word forms that the substring lists already caught are not counted twice.
  int strong_words = CountWholeWords(lower, kStrongNegativeWords);
  if (strong_words > 0 && hints.strong_negative == 0) hints.strong_negative = strong_words;
  hints.weak_negative += CountWholeWords(lower, kWeakNegativeWords);
  return hints;
}

ClassHints ReadClassHints(std::string_view class_value, std::string_view id_value) {
  ClassHints a = ReadClassHints(class_value);
  ClassHints b = ReadClassHints(id_value);
  return {a.positive + b.positive, a.strong_negative + b.strong_negative,
          a.weak_negative + b.weak_negative};
}

}  // namespace sitrep

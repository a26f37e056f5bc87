// Hashed feature templates of the entity recogniser.
//
// Each token is first summarised by kNerTokenSlots 64-bit hashes (form, lowercase, shape,
// affixes, tags, capitalisation flags). Feature keys are then 32-bit mixes of a template
// number and one to three of those hashes, so no string is built per feature. Keys are
// never 0 (0 marks an empty slot in the model's table).
//
// Changing any template changes what a stored model means: bump kNerFeatureVersion, which
// the serialized model records and checks.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

inline constexpr uint32_t kNerFeatureVersion = 1;
inline constexpr int kNerTokenSlots = 20;
inline constexpr int kNerStaticFeatures = 47;  // per token, independent of predicted tags
inline constexpr int kNerDynamicFeatures = 7;  // per token, use the previous predicted tags

// Word shape: upper-case letters -> 'X', lower-case -> 'x', digits -> 'd', any non-ASCII
// character -> 'u', other bytes kept; at most 16 characters. With `collapse`, runs of the
// same character are written once ("McDonald's" -> "XxXx'x").
std::string NerWordShape(std::string_view form, bool collapse);

// Replaces *hashes with forms.size() × kNerTokenSlots token hashes. `upos` and `xpos` may
// be empty vectors (unknown tags) or have one entry per form.
void ComputeNerTokenHashes(const std::vector<std::string_view>& forms,
                           const std::vector<std::string_view>& upos,
                           const std::vector<std::string_view>& xpos,
                           std::vector<uint64_t>* hashes);

// Writes the kNerStaticFeatures keys of token `i` of an `n`-token sentence to out[].
void NerStaticFeatures(const uint64_t* hashes, int n, int i, uint32_t* out);

// Writes the kNerDynamicFeatures keys of token `i` given the tags predicted for tokens
// i-1 and i-2 (`kNerNoTag` before the sentence start) to out[].
inline constexpr uint32_t kNerNoTag = 0xffff;
void NerDynamicFeatures(const uint64_t* hashes, int n, int i, uint32_t prev1, uint32_t prev2,
                        uint32_t* out);

}  // namespace sitrep

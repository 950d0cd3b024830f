// A passage's adjacent word pairs as a set of bits (schema::kPairSignatureSlot), so that a
// phrase check can rule most passages out without reading their position lists.
//
// Why: a phrase of frequent words ("the State party should") has every passage as a candidate
// (Xapian matches the AND of its words), and checking one means reading and walking its whole
// position list: a phrase with few or no matches read every list of the shard (18 ms on the
// 200 MB corpus), and so did counting facets over a frequent one. Each adjacent pair of word
// terms in the passage sets one bit (pair_hash() modulo the bit count); a phrase needs, for
// each pair of its consecutive words, one of the bits of their forms' pairs. A clear bit proves
// the pair absent; a set bit may come from another pair, so the position list still decides.
//
// Format: the bits, least significant first in each byte; the bit count is 8 × the value's
// size, a power of two from 64 to 4096 with at least two bits per pair (about a third of them
// set). No value (a passage of fewer than two words): nothing is ruled out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// Stable across platforms and releases: the signatures are stored.
std::uint64_t pair_word_hash(std::string_view word_term);
std::uint64_t pair_hash(std::uint64_t first_word_hash, std::uint64_t second_word_hash);

// The signature of a passage with these adjacent pairs (pair_hash values; repeats allowed);
// empty when there are none.
void encode_pair_signature(const std::vector<std::uint64_t>& pairs, std::string* out);

// False only if `signature` proves the pair absent. An empty signature (none stored) or one
// of a size the format never has proves nothing.
bool may_hold_pair(std::string_view signature, std::uint64_t pair);

}  // namespace treatysearch::core

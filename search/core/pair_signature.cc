#include "pair_signature.h"

#include <algorithm>
#include <bit>

#include "text.h"

namespace treatysearch::core {

namespace {

constexpr std::size_t kMinBits = 64;
constexpr std::size_t kMaxBits = 4096;

// splitmix64's finaliser: the pair's bits spread over the whole word, so that the low bits a
// signature keeps depend on both words.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

bool valid_bits(std::size_t bits) {
  return bits >= kMinBits && bits <= kMaxBits && std::has_single_bit(bits);
}

}  // namespace

std::uint64_t pair_word_hash(std::string_view word_term) { return fnv1a(word_term); }

std::uint64_t pair_hash(std::uint64_t first_word_hash, std::uint64_t second_word_hash) {
  // Not symmetric: "party state" is not "state party".
  return mix(first_word_hash * 0x9e3779b97f4a7c15ull + second_word_hash);
}

void encode_pair_signature(const std::vector<std::uint64_t>& pairs, std::string* out) {
  out->clear();
  if (pairs.empty()) return;
  const std::size_t bits =
      std::clamp<std::size_t>(std::bit_ceil(2 * pairs.size()), kMinBits, kMaxBits);
  out->assign(bits / 8, '\0');
  for (const std::uint64_t pair : pairs) {
    const std::size_t bit = pair & (bits - 1);
    (*out)[bit / 8] =
        static_cast<char>(static_cast<unsigned char>((*out)[bit / 8]) | (1u << (bit % 8)));
  }
}

bool may_hold_pair(std::string_view signature, std::uint64_t pair) {
  const std::size_t bits = signature.size() * 8;
  if (!valid_bits(bits)) return true;
  const std::size_t bit = pair & (bits - 1);
  return (static_cast<unsigned char>(signature[bit / 8]) >> (bit % 8)) & 1u;
}

}  // namespace treatysearch::core

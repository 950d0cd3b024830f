#include "term_impact.h"

#include <algorithm>
#include <cmath>

namespace treatysearch::core {

std::uint32_t term_impact(std::uint32_t count, std::uint32_t passage_words) {
  using M = ImpactModel;
  const double tf = std::max<std::uint32_t>(count, 1);
  const double norm = 1 - M::kB + M::kB * static_cast<double>(passage_words) / M::kPivotWords;
  const double part = tf * (M::kK1 + 1) / (tf + M::kK1 * norm);  // in (0, k1 + 1)
  const double scaled = std::round(part / (M::kK1 + 1) * M::kMaxImpact);
  return static_cast<std::uint32_t>(std::clamp(scaled, 1.0, static_cast<double>(M::kMaxImpact)));
}

}  // namespace treatysearch::core

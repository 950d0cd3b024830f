#include "ranking.h"

#include <cmath>

namespace treatysearch::search {

double word_idf(const Xapian::Database& db, const std::vector<std::string>& terms) {
  const double passages = db.get_doccount();
  if (passages <= 0) return 0;
  double share = 0;  // of passages holding some term, assuming independence
  for (const std::string& term : terms) {
    const double own = db.get_termfreq(term) / passages;
    share += own - share * own;
  }
  const double holding = share * passages;
  double ratio = (passages - holding + 0.5) / (holding + 0.5);
  if (ratio < 2) ratio = ratio * 0.5 + 1;  // BM25Weight's floor: never a negative weight
  return std::log(ratio);
}

Xapian::Query weighed_word(const Xapian::Database& db, const Xapian::Query& leaf,
                           const std::vector<std::string>& terms) {
  if (leaf.empty()) return leaf;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, leaf, word_idf(db, terms));
}

}  // namespace treatysearch::search

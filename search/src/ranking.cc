#include "ranking.h"

#include <cmath>

namespace treatysearch::search {

TermFrequencies term_frequencies(const Xapian::Database& db, const std::vector<std::string>& terms,
                                 core::Backend backend) {
  TermFrequencies frequencies;
  if (terms.empty()) return frequencies;
  if (backend == core::Backend::kLocal) {
    for (const std::string& term : terms) frequencies[term] = db.get_termfreq(term);
    return frequencies;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet statistics = enquire.get_mset(0, 0);
  for (const std::string& term : terms) frequencies[term] = statistics.get_termfreq(term);
  return frequencies;
}

double word_share(const Xapian::Database& db, const std::vector<std::string>& terms,
                  const TermFrequencies* known) {
  const double passages = db.get_doccount();
  if (passages <= 0) return 0;
  double share = 0;
  for (const std::string& term : terms) {
    const auto found = known ? known->find(term) : TermFrequencies::const_iterator();
    const double frequency = known && found != known->end() ? found->second : db.get_termfreq(term);
    const double own = frequency / passages;
    share += own - share * own;
  }
  return share;
}

double word_idf(const Xapian::Database& db, const std::vector<std::string>& terms,
                const TermFrequencies* known) {
  const double passages = db.get_doccount();
  if (passages <= 0) return 0;
  const double holding = word_share(db, terms, known) * passages;
  double ratio = (passages - holding + 0.5) / (holding + 0.5);
  if (ratio < 2) ratio = ratio * 0.5 + 1;  // BM25Weight's floor: never a negative weight
  return std::log(ratio);
}

Xapian::Query weighed_word(const Xapian::Database& db, const Xapian::Query& leaf,
                           const std::vector<std::string>& terms, const TermFrequencies* known) {
  if (leaf.empty()) return leaf;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, leaf, word_idf(db, terms, known));
}

}  // namespace treatysearch::search

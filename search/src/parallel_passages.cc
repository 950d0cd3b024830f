#include "parallel_passages.h"

#include <algorithm>

#include "passage_lookup.h"
#include "passage_record.h"
#include "references.h"
#include "schema.h"
#include "searcher_hits.h"
#include "text.h"
#include "treatysearch/error.h"

namespace treatysearch::search {

namespace schema = core::schema;

std::vector<ParallelPassage> parallel_of(IndexHandle& handle, const std::string& index_dir,
                                         const Hit& hit) {
  std::vector<ParallelPassage> out;
  const std::string& symbol = hit.document.symbol;
  if (symbol.empty() || hit.paragraph.empty() || !core::is_ascii_digit(hit.paragraph[0]))
    return out;
  const Xapian::Query same(Xapian::Query::OP_AND,
                           Xapian::Query(schema::filter_term(schema::kSymbolPrefix, symbol)),
                           Xapian::Query(schema::paragraph_term(hit.paragraph)));
  Xapian::Enquire enquire(handle.db);
  enquire.set_query(same);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet matches = enquire.get_mset(0, kMaxParallelCandidates);
  const std::string label = core::compact_label(hit.paragraph);
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    const core::PassageRecord record = decode_or_throw(it.get_document(), index_dir);
    if (core::compact_label(record.label) != label) continue;  // a sub-paragraph of it
    const std::string language =
        record.language.empty() ? handle.document_info(record.file_key).language : record.language;
    if (language == hit.language || language.empty()) continue;
    out.push_back(
        {language, record.citation, passage_id(record.file_key, record.ordinal), record.text});
  }
  std::stable_sort(out.begin(), out.end(), [](const ParallelPassage& a, const ParallelPassage& b) {
    return a.language < b.language;
  });
  return out;
}

}  // namespace treatysearch::search

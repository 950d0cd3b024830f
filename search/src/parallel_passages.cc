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

namespace {

bool is_printed_number(const std::string& label) {
  return !label.empty() && core::is_ascii_digit(label[0]);
}

// The place term (schema.h XA) of the hit's passage, empty when it has none.
std::string place_of(IndexHandle& handle, const std::string& index_dir, const Hit& hit) {
  const auto id = parse_passage_id(hit.id);
  if (!id) return {};
  const auto found = passage_at(handle, index_dir, id->first, id->second);
  if (!found) return {};
  const std::string place = found->document.get_value(schema::kPlaceSlot);
  if (!place.empty() || !handle.term_lists) return place;
  // An index built before kPlaceSlot: its term lists hold the place.
  auto term = handle.db.termlist_begin(found->docid);
  term.skip_to(schema::kPlacePrefix);
  if (term == handle.db.termlist_end(found->docid)) return {};
  return (*term).starts_with(schema::kPlacePrefix) ? *term : std::string();
}

}  // namespace

std::vector<ParallelPassage> parallel_of(IndexHandle& handle, const std::string& index_dir,
                                         const Hit& hit) {
  std::vector<ParallelPassage> out;
  const std::string& symbol = hit.document.symbol;
  if (symbol.empty() || hit.paragraph.empty() || hit.paragraph.starts_with("footnote")) return out;
  // A printed number aligns by its label; an unnumbered passage by its place, which the other
  // language shares only where the two documents have the same structure there.
  const bool numbered = is_printed_number(hit.paragraph);
  const std::string place = numbered ? std::string() : place_of(handle, index_dir, hit);
  if (!numbered && place.empty()) return out;
  const Xapian::Query same(Xapian::Query::OP_AND,
                           Xapian::Query(schema::filter_term(schema::kSymbolPrefix, symbol)),
                           Xapian::Query(numbered ? schema::paragraph_term(hit.paragraph) : place));
  Xapian::Enquire enquire(handle.db);
  enquire.set_query(handle.live(same));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet matches = enquire.get_mset(0, kMaxParallelCandidates);
  const std::string label = core::compact_label(hit.paragraph);
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    const core::PassageRecord record = decode_or_throw(handle, it.get_document(), index_dir);
    if (numbered && core::compact_label(record.label) != label) continue;  // a sub-paragraph
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

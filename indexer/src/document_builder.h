// Turns the passages of one document into Xapian documents (one per passage): word terms and
// their position list (position_list.h) from the shared analyzer, boolean filter terms, the
// date value, and the passage record with its citation.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "passage.h"
#include "position_list.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

// Thread-compatible: one DocumentBuilder per analysis thread.
class DocumentBuilder {
 public:
  // Entries for the synonym table (schema.h): (surface, E-term) for a word written other than
  // its folded form, and (Z<stem>, word term) for a word whose stem differs from it.
  using Variants = std::set<std::pair<std::string, std::string>>;

  // Appends one Xapian::Document per passage to *out, in passage order, and the synonym
  // entries met to *variants (required: without them stems cannot be searched). Passage n gets
  // the unique id term schema::id_term(file_key, n). A passage is analysed in its own language when
  // it has one, else in the document's.
  void build(const std::string& file_key, const DocumentInfo& info,
             const std::vector<Passage>& passages, std::vector<Xapian::Document>* out,
             Variants* variants);

 private:
  void add_filter_terms(const std::string& file_key, const DocumentInfo& info,
                        const std::string& language, Xapian::Document* doc);

  core::Analyzer analyzer_;
  std::string term_;  // reused buffers: no allocation per token on the hot path
  core::PositionListBuilder positions_;
  std::string encoded_positions_;
};

}  // namespace treatysearch::ingest

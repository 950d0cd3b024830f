// One passage as the analysis hands it to a shard's writer: its terms with their wdfs and its
// values, what a Xapian::Document holds.
//
// Why not a Xapian::Document: Xapian 1.4 keeps a document's terms in a std::map, a node and,
// for most terms (longer than std::string's inline buffer), a heap string each, made on an
// analysis thread and freed on the writer's; for about 96 terms a passage that was a tenth of a
// build's cycles. Here the terms sit in one string, in the order added. The writer gives them to
// Xapian (to_xapian()) or, for a new index, to its own segment writer (glass_segment_writer.h),
// which never needs a Xapian::Document at all.
//
// A term may be added more than once: its wdfs add up, as with Xapian's add_term (and in the
// segment writer). Not thread-safe (terms() fills a cache); movable and copyable.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace treatysearch::ingest {

class PassageDocument {
 public:
  // A term and its wdf (the segment writer's Term too).
  using Term = std::pair<std::string_view, Xapian::termcount>;

  // Adds `term` with `wdf` (a term added again: the wdfs add up).
  void add_term(std::string_view term, Xapian::termcount wdf);
  void add_boolean_term(std::string_view term) { add_term(term, 0); }

  // Sets the value in `slot`; an empty value removes it, as in Xapian.
  void set_value(Xapian::valueno slot, std::string value);
  // The value in `slot`, empty if there is none. Valid until the slot is set again.
  std::string_view value(Xapian::valueno slot) const;
  // The values by increasing slot.
  const std::vector<std::pair<Xapian::valueno, std::string>>& values() const { return values_; }

  // The terms in the order added, repeats included. The views stay valid until the next
  // add_term().
  const std::vector<Term>& terms() const;

  // The same document as Xapian's (for shards Xapian's own writer updates).
  Xapian::Document to_xapian() const;

 private:
  struct Entry {
    std::uint32_t offset;  // into arena_
    std::uint32_t length;
    Xapian::termcount wdf;
  };
  std::string_view name(const Entry& entry) const {
    return {arena_.data() + entry.offset, entry.length};
  }

  std::string arena_;                  // the terms' bytes, as added
  std::vector<Entry> entries_;         // as added, repeats included
  mutable std::vector<Term> terms_;    // entries_ as views, made by terms()
  mutable bool terms_current_ = true;  // terms_ reflects every entry
  std::vector<std::pair<Xapian::valueno, std::string>> values_;
};

}  // namespace treatysearch::ingest

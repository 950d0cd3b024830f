#include "passage_document.h"

#include <algorithm>
#include <stdexcept>

namespace treatysearch::ingest {

void PassageDocument::add_term(std::string_view term, Xapian::termcount wdf) {
  if (arena_.size() + term.size() > UINT32_MAX)
    throw std::length_error("a passage's terms exceed 4 GiB");
  entries_.push_back(
      {static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(term.size()), wdf});
  arena_.append(term);
  terms_current_ = false;
}

void PassageDocument::set_value(Xapian::valueno slot, std::string value) {
  const auto at =
      std::lower_bound(values_.begin(), values_.end(), slot,
                       [](const auto& entry, Xapian::valueno s) { return entry.first < s; });
  const bool present = at != values_.end() && at->first == slot;
  if (value.empty()) {
    if (present) values_.erase(at);
  } else if (present) {
    at->second = std::move(value);
  } else {
    values_.insert(at, {slot, std::move(value)});
  }
}

std::string_view PassageDocument::value(Xapian::valueno slot) const {
  const auto at =
      std::lower_bound(values_.begin(), values_.end(), slot,
                       [](const auto& entry, Xapian::valueno s) { return entry.first < s; });
  return at != values_.end() && at->first == slot ? std::string_view(at->second)
                                                  : std::string_view();
}

const std::vector<PassageDocument::Term>& PassageDocument::terms() const {
  if (terms_current_) return terms_;
  terms_.clear();
  terms_.reserve(entries_.size());
  for (const Entry& entry : entries_) terms_.push_back({name(entry), entry.wdf});
  terms_current_ = true;
  return terms_;
}

Xapian::Document PassageDocument::to_xapian() const {
  Xapian::Document doc;
  std::string term;
  for (const Entry& entry : entries_) {
    term.assign(name(entry));
    doc.add_term(term, entry.wdf);  // a repeated term's wdfs add up
  }
  for (const auto& [slot, value] : values_) doc.add_value(slot, value);
  return doc;
}

}  // namespace treatysearch::ingest

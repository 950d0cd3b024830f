// Value slots the result side reads (grouping, facets, similar passages), beside kDateSlot and
// kPositionsSlot of schema.h. The indexer writes them with add_result_values(); the searcher
// reads the same slots, so this is the one place their content is defined.
#pragma once

#include <xapian.h>

#include <string>

#include "schema.h"
#include "states.h"
#include "treatysearch/types.h"

namespace treatysearch::core::schema {

inline constexpr unsigned kFileKeySlot = 2;    // the file key: the collapse key of a grouped search
inline constexpr unsigned kCommitteeSlot = 3;  // DocumentInfo::committee as given ("CERD")
inline constexpr unsigned kStateSlot = 4;      // the State's canonical name when known
inline constexpr unsigned kTypeSlot = 5;       // DocumentInfo::type ("concluding-observations")
inline constexpr unsigned kLanguageSlot = 6;   // the passage's language ("en")

// What kStateSlot holds for `state` (a name or code): its canonical English name when the State
// table knows it, else the value as given, so facets count "KAZ" and "Kazakhstan" together.
inline std::string state_value(const std::string& state) {
  const std::string canonical = canonical_state(state);
  return canonical.empty() ? state : canonical;
}

// Adds the result slots of a passage of file `file_key` (empty values are not stored).
inline void add_result_values(const std::string& file_key, const DocumentInfo& info,
                              const std::string& language, Xapian::Document* doc) {
  const auto put = [doc](unsigned slot, const std::string& value) {
    if (!value.empty()) doc->add_value(slot, value.substr(0, kMaxFilterValueBytes));
  };
  put(kFileKeySlot, file_key);
  put(kCommitteeSlot, info.committee);
  put(kStateSlot, info.state.empty() ? std::string() : state_value(info.state));
  put(kTypeSlot, info.type);
  put(kLanguageSlot, language);
}

}  // namespace treatysearch::core::schema

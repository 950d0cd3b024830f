// Value slots the result side reads (grouping, facets, similar passages), beside kDateSlot and
// kPositionsSlot of schema.h. The indexer writes them from file_result_values() and
// language_value(); the searcher reads the same slots, so this is the one place their content is
// defined.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

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

// The result slots of every passage of file `file_key` but kLanguageSlot, which is the
// passage's own (language_value): (slot, value), empty values left out.
inline std::vector<std::pair<unsigned, std::string>> file_result_values(const std::string& file_key,
                                                                        const DocumentInfo& info) {
  std::vector<std::pair<unsigned, std::string>> out;
  const auto put = [&out](unsigned slot, const std::string& value) {
    if (!value.empty()) out.emplace_back(slot, value.substr(0, kMaxFilterValueBytes));
  };
  put(kFileKeySlot, file_key);
  put(kCommitteeSlot, info.committee);
  put(kStateSlot, info.state.empty() ? std::string() : state_value(info.state));
  put(kTypeSlot, info.type);
  return out;
}

// What kLanguageSlot holds for a passage in `language` (empty: not stored).
inline std::string language_value(const std::string& language) {
  return language.substr(0, kMaxFilterValueBytes);
}

}  // namespace treatysearch::core::schema

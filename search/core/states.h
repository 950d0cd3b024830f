// States parties: ISO 3166-1 alpha-3 codes and the English short names the UN uses.
//
// Filters accept either form (`--state KAZ`, `--state kazakhstan`) and metadata detection looks
// the names up in document text, so both directions live here. The table is compiled in: it was
// generated once from Debian's iso-codes (iso_3166-1.json) and must not be read at run time.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace treatysearch::core {

// One name a State is known by. Every code has exactly one canonical row (the UN short name,
// e.g. "United Kingdom of Great Britain and Northern Ireland"); the other rows are ISO 3166
// variants ("United Kingdom"), a few earlier UN names ("Turkey") and ASCII spellings
// ("Cote d'Ivoire").
struct StateName {
  std::string_view code;  // ISO 3166-1 alpha-3, upper case: "KAZ"
  std::string_view name;  // as written in English, UTF-8, straight apostrophe
  bool canonical;         // true for the one name state_name_for_code() returns
};

// Every known name, grouped by code with the canonical name first. Static storage.
std::span<const StateName> all_state_names() noexcept;

// "kaz", "KAZ" -> "Kazakhstan". Empty if the code is unknown. Static storage.
std::string_view state_name_for_code(std::string_view iso3) noexcept;

// "Kazakhstan", "KAZAKHSTAN", "Republic of Kazakhstan", "TÜRKIYE" -> "KAZ", "TUR". The whole
// name must match, ignoring letter case (in every script), surrounding white space, and ’ versus
// '. Empty if unknown.
std::string_view state_code_for_name(std::string_view name) noexcept;

// The canonical English name for a code or any known name ("kaz", "United Kingdom",
// "Türkiye"); empty if neither.
std::string canonical_state(std::string_view code_or_name);

}  // namespace treatysearch::core

// Search results as files for other programs: CSV for spreadsheets and scripts, RIS for
// reference managers (Zotero, EndNote, Mendeley), each hit with its pinpoint citation.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "treatysearch/types.h"

namespace treatysearch::cli {

// Grouped results (SearchOptions::group) give each document's passages, in order.
//
// RFC 4180 CSV, UTF-8 with CRLF line ends: a header row, then one row per passage with rank,
// score, citation, paragraph, pages, section, the document's fields, language and the passage's
// whole text. A field holding a comma, a quote, CR or LF is quoted, quotes doubled. A field that
// a spreadsheet would run as a formula (first character = + @, a tab or CR, or '-' not followed
// by a space) gets a leading apostrophe, as OWASP advises for CSV meant for spreadsheets; a
// bullet ("- calls for violence") is left as it is.
void print_csv(const SearchResult& result, std::ostream& out);

// RIS (the reference-manager exchange format), CRLF line ends: one record per passage, type
// GOVDOC, with the document's title (or symbol), the committee as author, year and date, the
// symbol as its number (M1, CN), pages (SP, EP), the passage text as abstract (AB), language
// (LA), committee, State and type as keywords (KW) and the pinpoint citation in a note (N1:
// "Pinpoint citation: CERD/C/KAZ/CO/8-10, para. 18 (b)"), which Zotero and EndNote import.
// Values are one line each (line breaks become spaces).
void print_ris(const SearchResult& result, std::ostream& out);

// The English name of a committee code ("CERD" -> "Committee on the Elimination of Racial
// Discrimination"); the code itself when it is not a treaty body's.
std::string committee_name(std::string_view code);

}  // namespace treatysearch::cli

// What a document says about itself: its symbol, type, committee, State, session, date and
// title, read from the text alone. The XML manifest (manifest.h) can override any of it; merge()
// combines the two.
//
// Detection is deliberately conservative: a field is left empty rather than guessed from a
// mention in the body. A symbol cited in the body ("the Report (CERD/C/KAZ/8-11)") is never
// taken as the document's own, because a wrong symbol puts a wrong pinpoint citation into a
// lawyer's brief, while an empty one only falls back to the title.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "extracted_document.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

// How much of the beginning of a document is read for front matter (labels, symbol, date, title,
// type, State from text). Committee salience may read the whole text, in one pass.
inline constexpr std::size_t kFrontMatterBytes = 8 * 1024;

// Detects metadata from a document's cleaned or raw UTF-8 text. Never throws for bad input; the
// fields it cannot establish stay empty. `source` is left empty (the caller knows the path).
//
// Rules, in short (metadata_detect.cc has the details):
//  labels     labelled header lines as UN database exports write them ("Symbol: CAT/C/NZL/2",
//             "Committee: Committee against Torture (CAT)", "Country: New Zealand", "Document
//             type: State party report", "Session: 101th session", "Date: 28 September 1996",
//             "Language: English", "Title: ..."; labels in any case, also French and Spanish:
//             "Cote :", "Comité :", "Pays :", "País:", "Type de document :", "Fecha:", ...) give
//             each field they name; a value that cannot be understood is ignored. The rules
//             below apply to the fields no label gave.
//  symbol     a "REFERENCE:"-type line in the header, else a UN symbol standing alone in a
//             header line or table cell ("CERD/C/KAZ/CO/8-10", "E/C.12/AUS/CO/6"); the header
//             ends at the first numbered paragraph, salutation or prose line
//  type       letter with "Excellency" and follow-up language -> follow-up-letter; else from the
//             symbol (/CO/, /Q/ /LOI/ /QPR/, /GC/, /D/, country + report numbers); else from the
//             title; else NGO wording ("comments of ... organisations", "shadow report", ...)
//  committee  the symbol's prefix (E/C.12 -> CESCR), else the committee whose name, treaty or
//             acronym is most salient in the text (ties: empty)
//  state      the symbol's country code, else the State named most often in the front matter
//             (a name after "Government of" counts three times; at least 2, no tie)
//  session    "110th session" in a letter reference; else, only in documents the committee
//             wrote: "adopted by the Committee at its 106th session" (not for letters), then the
//             earliest "at/during its 110th session" in the front matter
//  date       the first header line that is a date: "12 September 2023", "Genève, le 3 février
//             2022", "12 de septiembre de 2023" -> ISO 8601
//  title      a header line that reads like a title (known openings such as "Concluding
//             observations" preferred), trailing "*" removed
//  language   detect_language() of language_detect.h (not run when a label gives the language)
//
// The UN first page (metadata_first_page.cc), in Arabic, Chinese, English, French, Russian and
// Spanish, is read before these rules where the text has one (a "Distr." line): the symbol
// printed above "Distr." (also split over two lines or followed by "*"; one whose country code
// is no ISO code gives way to another in the header), the date, the version's language line and
// "Original: ..." (-> original_language) below it, the committee's name line, the title after
// it (wrapped lines joined up to the footnote mark), the session of the adoption note ("Adopted
// by the Committee at its twenty-seventh session", "Adoptées par le Comité à sa vingt et unième
// session", "Aprobadas por el Comité en su 22º período de sesiones", ...) or of a session
// heading ("Twenty-ninth session"), and the State the title names.
DocumentInfo detect_metadata(std::string_view text);

// The same, then the file's own metadata (PDF Info, DOCX core.xml) fills only fields the text
// left empty: a symbol in the Subject or Title (and the type, committee and State it gives), a
// title that reads as one, the language tag. The creation date is not taken for the date.
DocumentInfo detect_metadata(std::string_view text, const MetadataHints& hints);

// Parses a date written out in English, French or Spanish ("12 September 2023", "September 12,
// 2023", "1er octobre 2021", "3 de marzo de 2020", "April 2022") into ISO 8601 ("2023-09-12",
// "2022-04"). A leading place ("Geneva, ", "Genève, le ") is allowed; anything else around the
// date is not. Empty if `line` is not exactly a valid date.
std::string parse_date_line(std::string_view line);

// True if `text` is a whole UN document symbol as symbols.h recognises it (at most
// core::kMaxSymbolBytes) with a treaty-body (or HRI) prefix: "CERD/C/KAZ/CO/8-10",
// "E/C.12/AUS/CO/6", "CCPR/C/135/D/2768/2016".
bool is_un_symbol(std::string_view text);

// The committee code a symbol or letter reference belongs to ("E/C.12/AUS/CO/6" -> "CESCR",
// "CERD/110th session/2023/FU/AKB/ks" -> "CERD"); empty if none.
std::string committee_for_symbol(std::string_view symbol);

// Validation helpers shared with the manifest.
bool is_committee_code(std::string_view code);  // exactly "CERD", "CCPR", ... (upper case)
bool is_document_type(std::string_view type);   // one of the doctype:: codes
bool is_iso_date(std::string_view date);        // "2023", "2023-09", "2023-09-12", valid day

// Field by field: a non-empty field of `overrides` wins, otherwise `detected`'s value is kept.
DocumentInfo merge(const DocumentInfo& detected, const DocumentInfo& overrides);

}  // namespace treatysearch::ingest

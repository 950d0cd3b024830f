// Value types shared by the search and indexing APIs. Plain structs: copyable, no hidden state,
// safe to use from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace treatysearch {

// What is known about one indexed document. An empty string means "unknown" (printed as null
// in JSON).
struct DocumentInfo {
  std::string source;  // the file path as it was given to the indexer, or the caller's name
  std::string symbol;  // UN document symbol or letter reference: "CERD/C/KAZ/CO/8-10"
  std::string title;
  std::string type;       // a DocumentType code: "concluding-observations", "follow-up-letter", ...
  std::string committee;  // "CERD", "CCPR", "CESCR", "CEDAW", "CRC", "CAT", "CRPD", "CMW", "CED"
  std::string state;      // State party in English: "Kazakhstan"
  std::string session;    // "110"
  std::string date;       // ISO 8601: "2023-09-12", "2022-04", "2022"
  std::string language;   // BCP 47 primary language subtag: "en", "fr", "kk", ...
  // The language the document was written in, when it says so ("Original: English" -> "en");
  // differs from `language` in a translation.
  std::string original_language;
  std::string format;  // the file format read: "PDF", "DOCX", "Word 97-2003", "HTML", "text"
  bool ocr = false;    // some of its text was recognised from page images (OCR)
};

// Stable codes for DocumentInfo::type; filters and JSON use these.
namespace doctype {
inline constexpr const char* kConcludingObservations = "concluding-observations";
inline constexpr const char* kFollowUpLetter = "follow-up-letter";
inline constexpr const char* kNgoCommentary = "ngo-commentary";
inline constexpr const char* kStateReport = "state-report";
inline constexpr const char* kListOfIssues = "list-of-issues";
inline constexpr const char* kGeneralComment = "general-comment";
inline constexpr const char* kDecision = "decision";
// The State's information on follow-up to concluding observations (symbol .../FCO/n).
inline constexpr const char* kFollowUpInformation = "follow-up-information";
// The committee's report on follow-up to an inquiry (symbol .../RFIR/n).
inline constexpr const char* kInquiryFollowUpReport = "inquiry-follow-up-report";
// The State's replies to a list of issues (symbols .../RQ/n, .../Q/n/Add.1).
inline constexpr const char* kReplyToListOfIssues = "reply-to-list-of-issues";
// A committee's annual report to the General Assembly (A/77/18, A/77/55, ...).
inline constexpr const char* kAnnualReport = "annual-report";
inline constexpr const char* kOther = "other";
// Every code above, in this order (filters name them when a value is unknown).
inline constexpr const char* kAll[] = {
    kConcludingObservations, kFollowUpLetter,      kNgoCommentary, kStateReport,
    kListOfIssues,           kGeneralComment,      kDecision,      kFollowUpInformation,
    kInquiryFollowUpReport,  kReplyToListOfIssues, kAnnualReport,  kOther};
}  // namespace doctype

// The treaty bodies, by the codes DocumentInfo::committee and filters use.
namespace committee {
inline constexpr const char* kAll[] = {"CERD", "CCPR", "CESCR", "CEDAW", "CRC",
                                       "CAT",  "CRPD", "CMW",   "CED"};
}  // namespace committee

// A half-open range [begin, end) of byte offsets into a UTF-8 string.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

// A short extract of a passage with the words that matched the query marked.
struct Snippet {
  std::string text;              // UTF-8; "…" marks where the passage was cut
  std::vector<Span> highlights;  // byte ranges of `text`, sorted, not overlapping
};

// A document or paragraph a passage cites, as read from the passage's own document when it was
// indexed ("paragraphs 18 (b) and 32 of the Concluding Observations (CERD/C/KAZ/CO/8-10)").
struct CitedReference {
  // "CERD/C/KAZ/CO/8-10, para. 18 (b)"; when the text does not say which document, what it
  // calls it and the paragraph ("concluding observations, para. 8").
  std::string citation;
  std::string symbol;    // the cited document's symbol; empty when not known
  std::string paragraph;  // the cited paragraph's label; empty: the document as a whole
  // The follow-up assessment the citing passage gives it ("partially satisfactory", "B").
  std::string grade;
  // The symbol came from the citing document's context ("the Report" of an NGO commentary is
  // the State report it names on its first page), not from beside the paragraph number.
  bool inferred = false;
  bool operator==(const CitedReference&) const = default;
};

// A follow-up assessment of a paragraph (of concluding observations, usually), from the
// passage that gives it.
struct FollowUpGrade {
  std::string grade;     // as the follow-up letter words it: "partially satisfactory", "B1"
  std::string citation;  // the grading passage: "CERD/110th session/2023/FU/AKB/ks, para. [8]"
  std::string date;      // its document's date (ISO 8601), when known
  bool operator==(const FollowUpGrade&) const = default;
};

// The same paragraph in another language: a passage with the same document symbol and label.
struct ParallelPassage {
  std::string language;
  std::string citation;
  std::string id;  // as Hit::id
  std::string text;
  bool operator==(const ParallelPassage&) const = default;
};

// One ranked passage.
struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result of the whole query
  double score = 0;      // BM25; comparable within one query only
  // Stable id of the passage: "<file key>:<ordinal>" (16 hex digits, ':', the passage's 0-based
  // place in its document). It names the same passage as long as its file is not re-indexed
  // with other content; Searcher::similar() and Searcher::passage() accept it.
  std::string id;
  std::string citation;   // pinpoint citation: "CERD/C/KAZ/CO/8-10, para. 18 (b)"
  std::string paragraph;  // the label alone: "18 (b)", "[5]", "footnote 3"
  std::string section;    // heading path, " > " between levels; empty when none
  std::string language;   // the passage's language (a mixed document's passages differ)
  std::string text;       // the passage's whole text
  // The pages the passage is printed on (first_page <= last_page), from 1; both 0 when the
  // document has no pages (text, DOCX, HTML).
  int first_page = 0;
  int last_page = 0;
  Snippet snippet;
  DocumentInfo document;
  std::vector<CitedReference> cites;  // what the passage cites, in order of appearance
  // How many indexed passages cite this one (or a part of it, or the paragraph holding it), as
  // Filters::cites counts them; 0 when its document has no symbol.
  std::uint64_t cited_by = 0;
  // The follow-up assessments given to exactly this paragraph, oldest first.
  std::vector<FollowUpGrade> grades;
  // With SearchOptions::parallel: the same paragraph in the other indexed languages, by
  // language code.
  std::vector<ParallelPassage> parallel;
};

// Counts of one field's values over a whole result set: one entry per value, by count
// (highest first), then by value.
struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
  bool operator==(const FacetCount&) const = default;
};

// Counts over every passage that matches a query (not only the page shown), by the document's
// committee, State, type and year and by the passage's language. A passage whose document does
// not know a field is not counted in that field.
struct Facets {
  std::vector<FacetCount> committee;
  std::vector<FacetCount> state;
  std::vector<FacetCount> type;
  std::vector<FacetCount> year;  // "2023"
  std::vector<FacetCount> language;
};

// One document of a grouped search (SearchOptions::group).
struct DocumentGroup {
  std::size_t rank = 0;  // 1-based, counting documents from the first of the whole query
  std::string file_id;   // the file key that Hit::id starts with
  DocumentInfo document;
  std::uint64_t hit_count = 0;  // exact number of this document's passages that match
  // Its best passages, best first: at most ResultLimits::kMaxPassagesPerGroup (search.h). Their
  // rank is their place within the document's matches.
  std::vector<Hit> passages;
};

struct SearchResult {
  std::string query;
  // Estimated number of matching passages (exact when small, and exact when facets were asked
  // for); with SearchOptions::group, the number of matching documents.
  std::uint64_t total = 0;
  std::vector<Hit> hits;              // empty with SearchOptions::group: see groups
  std::vector<DocumentGroup> groups;  // SearchOptions::group only
  std::optional<Facets> facets;       // SearchOptions::facets only
  // Did you mean: the whole query with its rare or unknown words replaced by a close spelling
  // that is common in the index; empty when there is none.
  std::string suggestion;
  // How the query was read, where the user should know: a truncation that matched more words
  // than the limit, ... One line each (the CLI prints them on stderr; JSON "warnings").
  std::vector<std::string> warnings;
};

// A passage read in its document (Searcher::passage): the passage itself and up to N passages
// before and after it, in document order. Their rank is 0 and their snippet the whole text.
// One passage of a recommendation's history (Searcher::history), and how it bears on it.
struct HistoryEntry {
  // "recommendation" (the paragraph itself), "assessment" (a follow-up letter grading it),
  // "follow-up-letter", "follow-up-information" (the State's), "ngo-commentary",
  // "state-report", "next-cycle" (later concluding observations citing it), "cites" (any
  // other citing passage), or "next-cycle-similar" (later concluding observations for the same
  // State and committee that do not cite it but are the most similar: found, not stated).
  std::string relation;
  Hit passage;
};

// Every indexed passage about one recommendation, oldest document first (undated last).
struct History {
  std::string citation;  // as asked
  std::vector<HistoryEntry> entries;
};

struct PassageInContext {
  Hit passage;
  std::vector<Hit> before;  // document order: the nearest last
  std::vector<Hit> after;   // document order: the nearest first
};

}  // namespace treatysearch

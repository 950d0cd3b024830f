// The on-disk layout of a treatysearch index: one Xapian document per passage.
//
// Terms (one term per word; its positions are in kPositionsSlot, never in Xapian's table; the
// wdf of a word, gram or symbol term is its impact in the passage, term_impact.h)
//   <surface>        a word by its folded form (lower case, no accents), however written: the
//                    impact counts every spelling ("Rights" and "rights"), and a default query
//                    reads one posting list per form
// Word terms of the position lists (position_list.h), which are not Xapian terms:
//   <surface>        a word written exactly as its folded form
//   E<original>      a word written otherwise ("EÉgalité", "EKazakhstan"); the vocabulary
//                    maps each surface to the E-variants seen, so a phrase's check finds them
//                    all, and a #exact word (posted under its folded form) is checked for the
//                    form written
//   W<first> <second>   two common words at consecutive positions, by their folded forms
//   W<first> <second> <third>   three (pair_terms.h; boolean, only in indexes whose
//                    kPairWordsKey names the word list, triples from its version 2): a phrase
//                    of common words finds its candidates in their short lists
//   B<gram>          ideographic unigrams and bigrams, without positions
//   Y<symbol>        UN document symbols mentioned in the text, lower case, without positions
//   Q<file>:<n>      id of passage n of a file (replace_document key; in a shard without term
//                    lists each version adds one, and the last, if live, is the passage)
//   K<file>          every passage of a file (deletion of a file's passages; with tombstones,
//                    every version's)
//   G<file>:<docid>  a later version of a file in a shard without term lists, by the docid of
//                    its first passage (tombstones.h)
//   XC<committee> XS<state> XT<type> XL<language> XY<symbol>   boolean filter terms: the value
//                    with ASCII letters in lower case, cut at kMaxFilterValueBytes (filter_term);
//                    a State is stored under its canonical name when the State table knows it
//   XP<label>        the passage's label and the label of the paragraph it is under (not for
//                    footnotes), and the leading number of its label with each of its dotted
//                    heads: para:18 finds 18, 18 (a) and "18, recommendation 1"; para:6 finds
//                    the Views' 6.1 to 6.4, para:3.5 finds 3.5.1 (paragraph_term)
//   XA<section>/<size>/<n>   where an unnumbered passage of a document with a symbol stands: in
//                    the section-th run of passages under one heading path (from 0), which
//                    holds size passages, the n-th (from 1). Translations of a document with the
//                    same structure share these terms (parallel_passages.h); not for footnotes
//                    or numbered passages, whose label aligns them
//   XR<symbol>[#<label>] XRE<symbol>#<label>   what the passage cites (references.h): XR a
//                    document, a paragraph or any part of it, XRE exactly that paragraph
//   XG<grade> XH<symbol>#<label>   on a follow-up passage that grades a cited paragraph: the
//                    grade in lower case, and the paragraph it grades (references.h)
// Vocabulary (vocabulary.h: metadata keys V<key>\0<term> of each shard, which Xapian's remote
// backend serves as it does not serve the synonym table)
//   <surface>  -> E<original>   the spellings of a folded form seen (see E above)
//   Z<stem>    -> <term>        the surfaces of the words with that stem, and their E-terms,
//                               where the stem differs from the word's folded form. Stems are
//                               not terms: a query expands a stem to its surfaces, which finds
//                               what a Z<stem> term would, without a posting per passage
// Values
//   kDateSlot        "YYYYMMDD" with 00 for unknown month/day: sortable, range-filterable
//   kPositionsSlot   the positions of the passage's word terms and where its sentences start
//                    (position_list.h), the terms named by their number in the shard (version
//                    3; spelled out in older indexes): phrases and connectors are checked
//                    against it (passage_check.h)
//   slots 2 to 6     file key, committee, State, type, language: grouping and facets
//                    (result_values.h)
//   kPairSignatureSlot   the passage's adjacent word pairs as bits (pair_signature.h): a phrase
//                    check rules a passage out there before reading its position list
//   kPlaceSlot       the passage's XA term, where it has one: what its translations share
//                    (parallel_passages.h), read without the term list, which an index built
//                    since tombstones.h has not (older indexes: from their term lists)
//   kRecordSlot      the PassageRecord (passage_record.h; its kind is a PassageKind below),
//                    compressed with the shard's dictionary (record_compression.h) once it has
//                    one. A value, not the document data: glass deflates every data item again
//                    (a fifth of its writing time, for nothing on zstd frames) and stores
//                    values as they are
// Metadata
//   kSchemaKey, kAnalyzerKey   checked on open
//   kLanguagesKey    space-separated languages present (query-side stemming candidates)
//   kPairWordsKey    the version of the W-terms: the common-word list, pairs or also triples
//   kNoTermListKey   the shards have no term lists: updates leave tombstones (tombstones.h)
//   kTombstonePrefix keys (tombstones.h): the versions of files updates superseded
//                    (pair_terms.h); set when an index is created, never on an update (an
//                    older index's passages have no pairs): without it, queries use none
//   kShardKey        in every shard: "<k>/<shards>", its place in the index (remote shards
//                    given in another order are refused)
//   kCommitKey       in every shard: a number its writer raises at each commit, which names
//                    the commit where Xapian's remote backend gives no revision
//   T<term>, kTermCountKey   each word term's number in the shard, and how many are given
//                    (term_numbers.h)
//   file:<file>      FileRecord of an indexed file (change detection, removal)
//   doc:<file>       DocumentInfo of an indexed file
// <file> is a 16-hex-digit hash of the file's absolute path (or of the add_text name), so no
// term approaches Xapian's 245-byte limit however long the path.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "states.h"
#include "text.h"

namespace treatysearch::core::schema {

inline constexpr const char* kSchemaKey = "treatysearch.schema";
inline constexpr const char* kAnalyzerKey = "treatysearch.analyzer";
inline constexpr const char* kShardKey = "treatysearch.shard";
inline constexpr const char* kCommitKey = "treatysearch.commit";
inline constexpr const char* kLanguagesKey = "treatysearch.languages";
inline constexpr const char* kPairWordsKey = "treatysearch.pair_words";
// In every shard of an index built without Xapian's term lists (tombstones.h): "1".
inline constexpr const char* kNoTermListKey = "treatysearch.no_term_list";
inline constexpr const char* kFileRecordPrefix = "file:";
inline constexpr const char* kDocInfoPrefix = "doc:";

inline constexpr const char* kStemPrefix = "Z";  // synonym keys only, never a term
inline constexpr const char* kExactPrefix = "E";
inline constexpr const char* kGramPrefix = "B";
inline constexpr const char* kPairPrefix = "W";
inline constexpr const char* kSymbolMentionPrefix = "Y";
inline constexpr const char* kIdPrefix = "Q";
inline constexpr const char* kFilePrefix = "K";
inline constexpr const char* kCommitteePrefix = "XC";
inline constexpr const char* kStatePrefix = "XS";
inline constexpr const char* kTypePrefix = "XT";
inline constexpr const char* kLanguagePrefix = "XL";
inline constexpr const char* kSymbolPrefix = "XY";
inline constexpr const char* kParagraphPrefix = "XP";
inline constexpr const char* kPlacePrefix = "XA";

// True for an E-term: a spelling the position lists name, never posted (see Terms above).
inline bool is_exact_term(std::string_view term) { return term.starts_with(kExactPrefix); }

// The position lists' term of a word token (E above): its folded form, or E<as written> when
// written otherwise.
inline void word_term(std::string_view surface, std::string_view original, std::string* out) {
  if (original == surface) {
    out->assign(surface);
  } else {
    out->assign(kExactPrefix);
    out->append(original);
  }
}

inline constexpr unsigned kDateSlot = 0;
inline constexpr unsigned kPositionsSlot = 1;
inline constexpr unsigned kRecordSlot = 7;
inline constexpr unsigned kPairSignatureSlot = 8;
inline constexpr unsigned kPlaceSlot = 9;

// Longest boolean filter value kept as a term; longer values are cut (never fail a document).
inline constexpr std::size_t kMaxFilterValueBytes = 200;

// 64-bit FNV-1a (text.h), stable across platforms and releases (std::hash is not).
inline std::uint64_t stable_hash(std::string_view bytes) { return fnv1a(bytes); }

// What a passage is, as stored in its PassageRecord. The values are part of the index format:
// never renumber one; a new kind takes the next value (and a new schema version).
enum class PassageKind : std::uint8_t {
  kParagraph = 0,       // a numbered paragraph of the main sequence: label "18"
  kSubParagraph = 1,    // a lettered sub-paragraph: label "18 (b)"
  kRecommendation = 2,  // a RECOMMENDATION(S): block after a paragraph: "6, recommendation",
                        // "32, recommendation 1"
  kTable = 3,           // a table cell/row after a paragraph: "32, table entry 3"
  kUnnumbered = 4,      // text in a document without printed numbers: "[5]" (ordinal, 1-based)
  kFootnote = 5,        // "footnote 12"
};

inline constexpr bool is_passage_kind(std::uint64_t stored) {
  return stored <= static_cast<std::uint8_t>(PassageKind::kFootnote);
}

inline std::string file_key(std::string_view identity) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t hash = stable_hash(identity);
  std::string key(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) key[static_cast<std::size_t>(i)] = kHex[hash & 15];
  return key;
}

// The term naming passage `ordinal` of a file (replace_document / delete_document key).
inline std::string id_term(std::string_view file_key, std::size_t ordinal) {
  return kIdPrefix + std::string(file_key) + ":" + std::to_string(ordinal);
}

// The term every passage of a file carries.
inline std::string file_term(std::string_view file_key) {
  return kFilePrefix + std::string(file_key);
}

// The boolean filter term for `value`: the indexer adds it, the searcher looks it up, so this
// is the only place the normalisation is written. ASCII letters only are lowered (a byte-wise
// rule that cannot vary with a Unicode library's version); the cut may split a UTF-8 sequence,
// identically on both sides.
inline std::string filter_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  for (char c : value.substr(0, kMaxFilterValueBytes)) term.push_back(ascii_lower(c));
  return term;
}

// The filter term of a paragraph label ("18 (b)", "18(b)" and "18 (B)" are one term): ASCII
// letters lowered and spaces dropped, so the query need not space a label as it is printed.
inline std::string paragraph_term(std::string_view label) {
  std::string compact;
  for (char c : label)
    if (c != ' ') compact.push_back(c);
  return filter_term(kParagraphPrefix, compact);
}

// The term of an unnumbered passage's place (XA above).
inline std::string place_term(std::size_t section, std::size_t section_size, std::size_t position) {
  return std::string(kPlacePrefix) + std::to_string(section) + "/" + std::to_string(section_size) +
         "/" + std::to_string(position);
}

// The paragraph number a label starts with, and each of its dotted heads, shortest first:
// {"18"} of "18 (b) (i)"; {"6", "6.4"} of "6.4"; {"3", "3.5", "3.5.1"} of "3.5.1"; none of
// "footnote 3".
inline std::vector<std::string_view> paragraph_number_heads(std::string_view label) {
  std::size_t n = 0;
  while (n < label.size() && ((label[n] >= '0' && label[n] <= '9') || label[n] == '.')) ++n;
  while (n > 0 && label[n - 1] == '.') --n;
  const std::string_view number = label.substr(0, n);
  std::vector<std::string_view> heads;
  for (std::size_t dot = number.find('.'); dot != std::string_view::npos;
       dot = number.find('.', dot + 1))
    if (dot > 0 && number[dot - 1] != '.') heads.push_back(number.substr(0, dot));
  if (!number.empty()) heads.push_back(number);
  return heads;
}

// The filter term for a State, given by code or by any known name ("CIV", "Cote d'Ivoire"):
// its canonical name when the State table knows it, else the value as given.
inline std::string state_filter_term(std::string_view code_or_name) {
  const std::string canonical = canonical_state(code_or_name);
  return filter_term(kStatePrefix, canonical.empty() ? code_or_name : canonical);
}

// "2023-09-12" -> "20230912", "2022-04" -> "20220400", "2022" -> "20220000", else "".
inline std::string date_value(std::string_view iso_date) {
  auto digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (iso_date.size() < 4 || !digits(iso_date.substr(0, 4))) return {};
  std::string value(iso_date.substr(0, 4));
  value += (iso_date.size() >= 7 && iso_date[4] == '-' && digits(iso_date.substr(5, 2)))
               ? std::string(iso_date.substr(5, 2))
               : "00";
  value += (iso_date.size() >= 10 && iso_date[7] == '-' && digits(iso_date.substr(8, 2)))
               ? std::string(iso_date.substr(8, 2))
               : "00";
  return value;
}

// The kLanguagesKey value: language codes separated by single spaces.
inline std::vector<std::string> parse_languages(std::string_view value) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t j = value.find(' ', i);
    if (j == std::string_view::npos) j = value.size();
    if (j > i) out.emplace_back(value.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

inline std::string join_languages(const std::set<std::string>& languages) {
  std::string out;
  for (const auto& language : languages) out += (out.empty() ? "" : " ") + language;
  return out;
}

}  // namespace treatysearch::core::schema

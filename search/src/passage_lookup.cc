#include "passage_lookup.h"

#include <map>
#include <vector>

#include "index_layout.h"
#include "metadata_keys.h"
#include "schema.h"
#include "searcher_hits.h"
#include "text.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

constexpr std::size_t kFileKeyDigits = 16;  // schema::file_key
// Documents named in the error for an ambiguous citation, at most.
constexpr std::size_t kMaxListed = 10;

bool is_hex_digit(char c) { return core::is_ascii_digit(c) || (c >= 'a' && c <= 'f'); }

// The file keys whose documents a citation's document part (before ", para. ...") may name
// when it is no symbol: a title (the citation adds the year after it) or a file name.
std::vector<std::string> files_cited_as(IndexHandle& handle, std::string_view document_part) {
  std::vector<std::string> files;
  const std::string prefix = schema::kDocInfoPrefix;
  for (const Xapian::Database& shard : handle.shards) {
    core::visit_metadata_keys(shard, handle.backend(), prefix, [&](const std::string& key) {
      const std::string file_key = key.substr(prefix.size());
      const DocumentInfo& info = handle.document_info(file_key);
      const std::string_view source = info.source;
      const std::string_view file_name = source.substr(source.find_last_of('/') + 1);
      if ((!info.title.empty() &&
           core::starts_with_ascii_ci(document_part, core::collapse_whitespace(info.title))) ||
          (!file_name.empty() && core::equals_ascii_ci(document_part, file_name)))
        files.push_back(file_key);
      return true;
    });
  }
  return files;
}

}  // namespace

core::PassageRecord decode_or_throw(IndexHandle& handle, const Xapian::Document& doc,
                                    const std::string& index_dir) {
  core::PassageRecord record;
  if (!handle.records.decode(doc.get_value(schema::kRecordSlot), &record))
    throw Error(ErrorCode::kCorrupt, index_dir + ": passage " + std::to_string(doc.get_docid()) +
                                         " has an unreadable record; rebuild the index");
  return record;
}

std::optional<std::pair<std::string, std::uint32_t>> parse_passage_id(std::string_view text) {
  if (text.size() < kFileKeyDigits + 2 || text[kFileKeyDigits] != ':') return std::nullopt;
  for (std::size_t i = 0; i < kFileKeyDigits; ++i)
    if (!is_hex_digit(text[i])) return std::nullopt;
  const std::string_view digits = text.substr(kFileKeyDigits + 1);
  if (digits.size() > 9) return std::nullopt;  // ordinals are 32-bit
  std::uint32_t ordinal = 0;
  for (char c : digits) {
    if (!core::is_ascii_digit(c)) return std::nullopt;
    ordinal = ordinal * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return std::make_pair(std::string(text.substr(0, kFileKeyDigits)), ordinal);
}

std::optional<FoundPassage> passage_at(IndexHandle& handle, const std::string& index_dir,
                                       const std::string& file_key, std::uint32_t ordinal) {
  // Updates of an index without term lists add a file's passages again (tombstones.h): the
  // live one, if any, is the last.
  const std::string term = schema::id_term(file_key, ordinal);
  Xapian::docid last = 0;
  for (auto it = handle.db.postlist_begin(term); it != handle.db.postlist_end(term); ++it)
    last = *it;
  if (last == 0 || !handle.is_live(last)) return std::nullopt;
  FoundPassage found;
  found.docid = last;
  found.document = handle.db.get_document(found.docid);
  found.record = decode_or_throw(handle, found.document, index_dir);
  return found;
}

FoundPassage find_passage(IndexHandle& handle, const std::string& index_dir,
                          const std::string& reference) {
  if (const auto id = parse_passage_id(reference)) {
    if (auto found = passage_at(handle, index_dir, id->first, id->second)) return *found;
    throw Error(ErrorCode::kNotFound,
                index_dir + ": no passage has the id " + reference + " (was its file re-indexed?)");
  }
  const std::string wanted = core::collapse_whitespace(core::trim(reference));
  if (wanted.empty())
    throw Error(ErrorCode::kInvalidArgument, "no passage named: the citation is empty");

  // Candidate passages: those of the documents the part before some ", " names, by symbol
  // (its filter term) or else by title or file name.
  std::vector<Xapian::Query> documents;
  bool by_symbol = false;
  // (A passage without a label is cited by its document alone: the whole string is tried too.)
  for (std::size_t comma = wanted.find(", ");; comma = wanted.find(", ", comma + 1)) {
    const std::string term = schema::filter_term(schema::kSymbolPrefix, wanted.substr(0, comma));
    if (handle.db.get_termfreq(term) > 0) {
      documents.emplace_back(term);
      by_symbol = true;
    }
    if (comma == std::string::npos) break;
  }
  if (!by_symbol) {
    for (const std::string& file_key : files_cited_as(handle, wanted))
      documents.emplace_back(schema::file_term(file_key));
  }

  std::map<std::string, FoundPassage> first_by_file;  // the lowest ordinal matching, per file
  if (!documents.empty()) {
    const Xapian::Query candidates(Xapian::Query::OP_OR, documents.begin(), documents.end());
    Xapian::Enquire enquire(handle.db);
    enquire.set_query(handle.live(candidates));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet all = enquire.get_mset(0, handle.db.get_doccount());
    for (auto it = all.begin(); it != all.end(); ++it) {
      core::PassageRecord record = decode_or_throw(handle, it.get_document(), index_dir);
      if (!core::equals_ascii_ci(core::collapse_whitespace(record.citation), wanted)) continue;
      auto [slot, added] = first_by_file.try_emplace(record.file_key);
      if (added || record.ordinal < slot->second.record.ordinal) {
        slot->second.docid = *it;
        slot->second.document = it.get_document();
        slot->second.record = std::move(record);
      }
    }
  }
  if (first_by_file.empty())
    throw Error(ErrorCode::kNotFound, index_dir + ": no passage is cited as \"" + wanted + "\"");
  if (first_by_file.size() > 1) {
    std::string listed;
    std::size_t shown = 0;
    for (const auto& [file_key, found] : first_by_file) {
      if (shown++ == kMaxListed) {
        listed += ", ...";
        break;
      }
      const DocumentInfo& info = handle.document_info(file_key);
      listed += (listed.empty() ? "" : ", ") + passage_id(file_key, found.record.ordinal) + " (" +
                (found.record.language.empty() ? info.language : found.record.language) + ", " +
                info.source + ")";
    }
    throw Error(ErrorCode::kInvalidArgument,
                "\"" + wanted + "\" names passages of " + std::to_string(first_by_file.size()) +
                    " documents: " + listed + "; give one of these ids instead");
  }
  return std::move(first_by_file.begin()->second);
}

}  // namespace treatysearch::search

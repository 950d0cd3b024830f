#include "searcher_impl.h"

#include <filesystem>

#include "index_layout.h"
#include "passage_record.h"
#include "query_parser.h"
#include "schema.h"
#include "schema_check.h"
#include "snippet.h"
#include "states.h"
#include "text.h"
#include "treatysearch/version.h"
#include "xapian_errors.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

// A filter value as quoted in a message: the start of a long value is enough to recognise it.
std::string quoted_value(std::string_view value) {
  constexpr std::size_t kShown = 60;
  std::string shown(value.substr(0, core::utf8_prefix_length(value, kShown)));
  if (shown.size() < value.size()) shown += "...";
  return "\"" + shown + "\"";
}

template <std::size_t N>
std::string list_of(const char* const (&values)[N]) {
  std::string out;
  for (const char* v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

// The filter term of a committee or type value. An unknown value is most likely a typo (CRED,
// concluding-observation) and must not read as "no passage matches"; a value outside the list
// that documents in the index carry anyway (add_text takes any) is accepted.
template <std::size_t N>
std::string checked_term(const Xapian::Database& db, const char* prefix, const std::string& value,
                         const char* const (&known)[N], std::string_view field,
                         std::string_view what) {
  std::string term = schema::filter_term(prefix, value);
  for (const char* k : known)
    if (term == schema::filter_term(prefix, k)) return term;
  if (!value.empty() && db.term_exists(term)) return term;
  throw Error(ErrorCode::kInvalidArgument, std::string(field) + " " + quoted_value(value) +
                                               ": unknown " + std::string(what) +
                                               " (expected one of " + list_of(known) + ")");
}

// The filter term of a State given by name or code; one the State table does not know must be
// in the index as given, or the user hears so.
std::string checked_state_term(const Xapian::Database& db, const std::string& value) {
  std::string term = schema::state_filter_term(value);
  if (!core::canonical_state(value).empty() || (!value.empty() && db.term_exists(term)))
    return term;
  throw Error(ErrorCode::kInvalidArgument,
              "state " + quoted_value(value) +
                  ": matches no known State (give its English name, such as Kazakhstan or "
                  "Cote d'Ivoire, or its ISO 3166-1 alpha-3 code, such as KAZ)");
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

constexpr Xapian::termcount kMaxSymbolExpansion = 1000;

}  // namespace

SearcherImpl::SearcherImpl(std::string index_dir) : index_dir_(std::move(index_dir)) {
  std::error_code ec;
  if (!std::filesystem::is_directory(index_dir_, ec))
    throw Error(ErrorCode::kNotFound,
                index_dir_ + ": no index here; create one with treaty-index --index " + index_dir_);
  try {
    db_ = Xapian::Database(index_dir_);
    core::check_index_schema(db_, index_dir_);
    languages_ = schema::parse_languages(db_.get_metadata(schema::kLanguagesKey));
    const unsigned shards = core::read_shard_count(db_, index_dir_);
    for (unsigned k = 0; k < shards; ++k)
      shards_.emplace_back(core::layout::shard_dir(index_dir_, k));
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

std::uint64_t SearcherImpl::passage_count() {
  try {
    db_.reopen();
    return db_.get_doccount();
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

SearchResult SearcherImpl::search(const std::string& query, const SearchOptions& options) {
  if (options.limit > QueryLimits::kMaxPageSize)
    throw Error(ErrorCode::kInvalidArgument, "limit " + std::to_string(options.limit) +
                                                 " is over the maximum of " +
                                                 std::to_string(QueryLimits::kMaxPageSize));
  // limit is at most kMaxPageSize here, so this cannot wrap around as offset + limit could.
  if (options.offset > QueryLimits::kMaxWindow - options.limit)
    throw Error(ErrorCode::kInvalidArgument, "offset " + std::to_string(options.offset) +
                                                 " + limit " + std::to_string(options.limit) +
                                                 " is over the maximum of " +
                                                 std::to_string(QueryLimits::kMaxWindow));
  if (options.filters.year_from && options.filters.year_to &&
      *options.filters.year_from > *options.filters.year_to)
    throw Error(ErrorCode::kInvalidArgument,
                "year range is empty: " + std::to_string(*options.filters.year_from) + ".." +
                    std::to_string(*options.filters.year_to));
  // A reader sees one snapshot; a writer's commits can invalidate it mid-query. Reopen and
  // retry (DatabaseCorruptError included: Xapian 1.4 can raise it spuriously during writes).
  for (int attempt = 0;; ++attempt) {
    try {
      if (db_.reopen()) {
        for (auto& shard : shards_) shard.reopen();
        documents_.clear();
        languages_ = schema::parse_languages(db_.get_metadata(schema::kLanguagesKey));
      }
      if (on_attempt_for_testing) on_attempt_for_testing(attempt);
      return run(query, options);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kMaxRetries) core::throw_translated(e, index_dir_);
    } catch (const Xapian::DatabaseCorruptError& e) {
      if (attempt >= 1) core::throw_translated(e, index_dir_);
    } catch (const Xapian::Error& e) {
      core::throw_translated(e, index_dir_);
    }
  }
}

Xapian::Query SearcherImpl::filter_query(const Filters& f) const {
  std::vector<Xapian::Query> parts;
  auto checked = [this](const std::vector<std::string>& values, const char* prefix,
                        const auto& known, std::string_view field, std::string_view what) {
    std::vector<std::string> terms;
    for (const auto& v : values) terms.push_back(checked_term(db_, prefix, v, known, field, what));
    return any_of(terms);
  };
  if (!f.committees.empty())
    parts.push_back(
        checked(f.committees, schema::kCommitteePrefix, committee::kAll, "committee", "committee"));
  if (!f.types.empty())
    parts.push_back(checked(f.types, schema::kTypePrefix, doctype::kAll, "type", "document type"));
  if (!f.languages.empty()) {
    std::vector<std::string> terms;
    for (const auto& language : f.languages)
      terms.push_back(schema::filter_term(schema::kLanguagePrefix, language));
    parts.push_back(any_of(terms));
  }
  if (!f.states.empty()) {
    std::vector<std::string> terms;
    for (const auto& state : f.states) terms.push_back(checked_state_term(db_, state));
    parts.push_back(any_of(terms));
  }
  if (!f.symbols.empty()) {
    std::vector<Xapian::Query> symbols;
    for (std::string s : f.symbols) {
      const bool prefix = !s.empty() && (s.back() == '*' || s.back() == '/');
      if (!s.empty() && s.back() == '*') s.pop_back();
      if (prefix)
        symbols.emplace_back(Xapian::Query::OP_WILDCARD,
                             schema::filter_term(schema::kSymbolPrefix, s), kMaxSymbolExpansion,
                             Xapian::Query::WILDCARD_LIMIT_ERROR);
      else
        symbols.emplace_back(schema::filter_term(schema::kSymbolPrefix, s));
    }
    parts.emplace_back(Xapian::Query::OP_OR, symbols.begin(), symbols.end());
  }
  if (f.year_from || f.year_to) {
    // Date values are "YYYYMMDD"; a passage whose document has no known date never matches.
    const std::string from = f.year_from ? std::to_string(*f.year_from) + "0000" : "0";
    const std::string to = f.year_to ? std::to_string(*f.year_to) + "9999" : "9";
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

SearchResult SearcherImpl::run(const std::string& query, const SearchOptions& options) {
  const QueryNode root = parse_query(query);
  QueryContext context;
  context.languages = languages_.empty() ? std::vector<std::string>{"en"} : languages_;
  context.variants = [this](const std::string& surface, std::vector<std::string>* terms) {
    for (auto it = db_.synonyms_begin(surface); it != db_.synonyms_end(surface); ++it)
      terms->push_back(*it);
  };
  CompiledQuery compiled = compile_query(root, analyzer_, context, query);
  const Xapian::Query filter = filter_query(options.filters);
  auto filtered = [&](const Xapian::Query& q) {
    return filter.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
  };

  SearchResult result;
  result.query = query;
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(Xapian::BM25Weight());

  // With a phrase, Xapian's queries find a superset; the checks keep the exact matches, looking
  // only at passages that could enter the page (passage_check.h).
  const bool check = compiled.needs_check;
  std::vector<std::pair<Xapian::MSet, std::size_t>> pages;  // (mset, first rank)
  if (compiled.all_words.empty()) {
    enquire.set_query(filtered(compiled.query));
    PassageCheck query_check(compiled.query_check);
    Xapian::MSet mset =
        enquire.get_mset(options.offset, options.limit, options.offset + options.limit, nullptr,
                         check ? &query_check : nullptr);
    result.total = mset.get_matches_estimated();
    pages.emplace_back(mset, options.offset + 1);
  } else {
    // Passages with every word first, ranked among themselves; then passages with only some.
    enquire.set_query(filtered(compiled.all_words));
    PassageCheck all_check(compiled.all_words_check);
    Xapian::MSet all =
        enquire.get_mset(options.offset, options.limit, options.offset + options.limit, nullptr,
                         check ? &all_check : nullptr);
    pages.emplace_back(all, options.offset + 1);
    // When this page is not filled, fewer than offset+limit passages have every word, and the
    // check_at_least above made their count exact.
    const std::size_t all_count = all.get_matches_estimated();
    const Xapian::Query rest =
        compiled.all_words_sure.empty()
            ? compiled.query
            : Xapian::Query(Xapian::Query::OP_AND_NOT, compiled.query, compiled.all_words_sure);
    enquire.set_query(filtered(rest));
    PassageCheck rest_check(compiled.query_check, &compiled.all_words_check);
    const Xapian::MatchDecider* rest_decider = check ? &rest_check : nullptr;
    if (all.size() < options.limit) {
      const std::size_t rest_offset = options.offset > all_count ? options.offset - all_count : 0;
      const std::size_t rest_limit = options.limit - all.size();
      Xapian::MSet more = enquire.get_mset(rest_offset, rest_limit, rest_offset + rest_limit,
                                           nullptr, rest_decider);
      pages.emplace_back(more, all_count + rest_offset + 1);
      result.total = all_count + more.get_matches_estimated();
    } else {
      result.total =
          all_count + enquire.get_mset(0, 0, 0, nullptr, rest_decider).get_matches_estimated();
    }
  }

  for (const auto& [mset, first_rank] : pages) {
    std::size_t rank = first_rank;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      result.hits.push_back(make_hit(it, rank++, options, compiled.highlights));
  }
  return result;
}

const DocumentInfo& SearcherImpl::document_info(const std::string& file_key) {
  auto it = documents_.find(file_key);
  if (it != documents_.end()) return it->second;
  DocumentInfo info;
  const unsigned shard = core::layout::shard_of(file_key, static_cast<unsigned>(shards_.size()));
  core::decode_document(shards_[shard].get_metadata(schema::kDocInfoPrefix + file_key), &info);
  return documents_.emplace(file_key, std::move(info)).first->second;
}

Hit SearcherImpl::make_hit(const Xapian::MSetIterator& match, std::size_t rank,
                           const SearchOptions& options, const HighlightTerms& highlights) {
  core::PassageRecord record;
  const Xapian::Document doc = match.get_document();
  if (!core::decode_passage(doc.get_data(), &record))
    throw Error(ErrorCode::kCorrupt, index_dir_ + ": passage " + std::to_string(*match) +
                                         " has an unreadable record; rebuild the index");
  Hit hit;
  hit.rank = rank;
  hit.score = match.get_weight();
  hit.document = document_info(record.file_key);
  hit.citation = std::move(record.citation);
  hit.paragraph = std::move(record.label);
  hit.section = std::move(record.section);
  hit.first_page = static_cast<int>(record.first_page);
  hit.last_page = static_cast<int>(record.last_page);
  hit.language = record.language.empty() ? hit.document.language : std::move(record.language);
  hit.snippet =
      make_snippet(record.text, hit.language, highlights, analyzer_, options.snippet_chars);
  hit.text = std::move(record.text);
  return hit;
}

}  // namespace treatysearch::search

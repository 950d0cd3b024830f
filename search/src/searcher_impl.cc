#include "searcher_impl.h"

#include <filesystem>

#include "filters.h"
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

SearchResult SearcherImpl::run(const std::string& query, const SearchOptions& options) {
  const QueryNode root = parse_query(query);
  QueryContext context;
  context.languages = languages_.empty() ? std::vector<std::string>{"en"} : languages_;
  context.variants = [this](const std::string& surface, std::vector<std::string>* terms) {
    for (auto it = db_.synonyms_begin(surface); it != db_.synonyms_end(surface); ++it)
      terms->push_back(*it);
  };
  context.database = &db_;  // truncated words expand to the index's own words
  CompiledQuery compiled = compile_query(root, analyzer_, context, query);
  const Xapian::Query filter = filter_query(db_, effective_filters(options.filters, compiled));
  auto filtered = [&](const Xapian::Query& q) {
    return filter.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
  };

  SearchResult result;
  result.query = query;
  result.warnings = compiled.warnings;
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

// SnapshotImpl::search: a query string to ranked passages or documents, with facets and a
// suggestion when asked.
#include "filters.h"
#include "passage_check.h"
#include "query_parser.h"
#include "ranking.h"
#include "result_values.h"
#include "schema.h"
#include "searcher_facets.h"
#include "searcher_hits.h"
#include "searcher_snapshot.h"
#include "searcher_suggest.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

// One search on one handle.
class QueryRun {
 public:
  QueryRun(const SnapshotImpl& snapshot, IndexHandle& handle, const std::string& query,
           const SearchOptions& options)
      : snapshot_(snapshot), handle_(handle), query_(query), options_(options) {}

  SearchResult run() {
    Xapian::Database& db = handle_.db;
    const QueryNode root = parse_query(query_);
    QueryContext context;
    context.languages =
        snapshot_.languages().empty() ? std::vector<std::string>{"en"} : snapshot_.languages();
    context.variants = [&db](const std::string& surface, std::vector<std::string>* terms) {
      for (auto it = db.synonyms_begin(surface); it != db.synonyms_end(surface); ++it)
        terms->push_back(*it);
    };
    context.database = &db;  // truncated words expand to the index's own words
    compiled_ = compile_query(root, handle_.analyzer, context, query_);
    filter_ = filter_query(db, effective_filters(options_.filters, compiled_));

    SearchResult result;
    result.query = query_;
    result.warnings = compiled_.warnings;

    const bool check = compiled_.needs_check;
    PassageCheck query_check(compiled_.query_check);
    PassageCheck all_check(compiled_.all_words_check);
    PassageCheck rest_check(compiled_.query_check, &compiled_.all_words_check);
    const Xapian::MatchDecider* query_decider = check ? &query_check : nullptr;
    const Tier whole{filtered(compiled_.query, filter_), query_decider};

    std::vector<Tier> tiers;
    if (options_.sort == SortOrder::kDateAscending) {
      // Oldest first, undated last: an undated passage has no date value, which sorts first.
      const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0");
      tiers.push_back({filtered(Xapian::Query(Xapian::Query::OP_FILTER, compiled_.query, dated),
                                filter_),
                       query_decider});
      tiers.push_back({filtered(Xapian::Query(Xapian::Query::OP_AND_NOT, compiled_.query, dated),
                                filter_),
                       query_decider});
    } else if (compiled_.all_words.empty() || options_.sort != SortOrder::kRelevance ||
               options_.group) {
      // One ranking: newest first (undated last), or by document (the best passage of each
      // ranks its document).
      tiers.push_back(whole);
    } else {
      // Passages with every word first, ranked among themselves; then passages with only some.
      const Xapian::Query rest =
          compiled_.all_words_sure.empty()
              ? compiled_.query
              : Xapian::Query(Xapian::Query::OP_AND_NOT, compiled_.query, compiled_.all_words_sure);
      tiers.push_back({filtered(compiled_.all_words, filter_), check ? &all_check : nullptr});
      tiers.push_back({filtered(rest, filter_), check ? &rest_check : nullptr});
    }

    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(ranking_weight());
    // Xapian's own value sort reads the dates as streams; a KeyMaker would be handed each
    // match's document and look its value up afresh (half the time of a sorted query).
    if (options_.sort != SortOrder::kRelevance)
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot,
                                               options_.sort == SortOrder::kDateDescending);
    if (options_.group) enquire.set_collapse_key(schema::kFileKeySlot, 1);

    const TieredPage page = page_through_tiers(enquire, tiers, options_.offset, options_.limit);
    result.total = page.total;
    for (const PageSlice& slice : page.slices) {
      std::size_t rank = slice.first_rank;
      for (auto it = slice.mset.begin(); it != slice.mset.end(); ++it, ++rank) {
        if (options_.group)
          result.groups.push_back(make_group(it.get_document(), rank, whole));
        else
          result.hits.push_back(make_hit(handle_, snapshot_.index_dir(), it.get_document(), rank,
                                         it.get_weight(), compiled_.highlights,
                                         options_.snippet_chars));
      }
    }

    if (options_.facets) {
      std::uint64_t accepted = 0;
      DeciderFactory make_check;
      if (check)
        make_check = [this] { return std::make_unique<PassageCheck>(compiled_.query_check); };
      result.facets = count_facets(handle_.shards, whole.query, make_check,
                                   snapshot_.facet_columns(handle_), &accepted);
      // The facet pass saw every match: its count is exact where the page's was estimated.
      if (!options_.group) result.total = accepted;
    }
    if (options_.suggest)
      result.suggestion = suggest_query(query_, db, handle_.analyzer, context.languages);
    return result;
  }

 private:
  // The document of `best` with its exact hit count and best passages: a second query, limited
  // to the document, that counts every match (a document has at most a few thousand passages).
  DocumentGroup make_group(const Xapian::Document& best, std::size_t rank, const Tier& whole) {
    DocumentGroup group;
    group.rank = rank;
    group.file_id = best.get_value(schema::kFileKeySlot);
    group.document = handle_.document_info(group.file_id);
    const std::string file_term = schema::file_term(group.file_id);
    Xapian::Enquire enquire(handle_.db);
    enquire.set_weighting_scheme(ranking_weight());
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, whole.query, Xapian::Query(file_term)));
    const Xapian::doccount passages = handle_.db.get_termfreq(file_term);
    const Xapian::MSet mset =
        enquire.get_mset(0, ResultLimits::kMaxPassagesPerGroup,
                         std::max<Xapian::doccount>(passages, 1), nullptr, whole.decider);
    group.hit_count = mset.get_matches_estimated();
    std::size_t passage_rank = 1;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      group.passages.push_back(make_hit(handle_, snapshot_.index_dir(), it.get_document(),
                                        passage_rank++, it.get_weight(), compiled_.highlights,
                                        options_.snippet_chars));
    return group;
  }

  const SnapshotImpl& snapshot_;
  IndexHandle& handle_;
  const std::string& query_;
  const SearchOptions& options_;
  CompiledQuery compiled_;
  Xapian::Query filter_;
};

}  // namespace

SearchResult SnapshotImpl::search(const std::string& query, const SearchOptions& options) const {
  check_page_options(options);
  const Lease handle = lease();
  return QueryRun(*this, *handle, query, options).run();
}

}  // namespace treatysearch::search

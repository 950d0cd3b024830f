// SnapshotImpl::search: a query string to ranked passages or documents, with facets and a
// suggestion when asked.
#include "citation_links.h"
#include "filters.h"
#include "parallel_passages.h"
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
    // No words but a citation filter: every passage citing it (as fields alone browse).
    const Filters& f = options_.filters;
    const bool filters_alone = (!f.cites.empty() || !f.cited_by.empty() || !f.grades.empty()) &&
                               std::all_of(query_.begin(), query_.end(), core::is_ascii_space);
    QueryNode browse;
    browse.type = QueryNode::Type::kAll;
    const QueryNode root = filters_alone ? browse : parse_query(query_);
    QueryContext context;
    context.languages =
        snapshot_.languages().empty() ? std::vector<std::string>{"en"} : snapshot_.languages();
    const core::Vocabulary vocabulary(handle_.shards, handle_.backend());
    context.variants = [&vocabulary](const std::string& surface, std::vector<std::string>* terms) {
      for (std::string& term : vocabulary.terms_of(surface)) terms->push_back(std::move(term));
    };
    context.pair_term_words = snapshot_.pair_term_words();
    context.database = &db;  // truncated words expand to the index's own words
    context.vocabulary = &vocabulary;
    // Each word's idf from the whole index (ranking.h). The frequencies of all the query's terms
    // come from one match (a remote shard answers it in one exchange, where asking term by term
    // would cost one per term): a first compilation, unweighed, names the terms.
    const Xapian::Query unweighed = compile_query(root, handle_.analyzer, context, query_).query;
    std::vector<std::string> weighed_terms;  // not the pairs' W-terms, which only filter
    for (auto it = unweighed.get_unique_terms_begin(); it != unweighed.get_unique_terms_end(); ++it)
      if (!(*it).starts_with(schema::kPairPrefix)) weighed_terms.push_back(*it);
    const TermFrequencies frequencies = term_frequencies(db, weighed_terms, handle_.backend());
    context.weigh_by_idf = true;
    context.frequencies = &frequencies;
    compiled_ = compile_query(root, handle_.analyzer, context, query_);
    filter_ = all_filters(handle_, snapshot_.index_dir(), effective_filters(f, compiled_));

    SearchResult result;
    result.query = query_;
    result.warnings = compiled_.warnings;

    // The passage checks: one per shard thread (shard_match.h), none when nothing needs one.
    const bool check = compiled_.needs_check;
    const auto checking = [check](const Predicate* must, const Predicate* must_not) {
      CheckFactory make;
      if (check)
        make = [must, must_not] { return std::make_unique<PassageCheck>(*must, must_not); };
      return make;
    };
    const CheckFactory query_check = checking(&compiled_.query_check, nullptr);
    const Tier whole = shown(compiled_.query, query_check);

    std::vector<Tier> tiers;
    if (options_.sort == SortOrder::kDateAscending) {
      // Oldest first, undated last: an undated passage has no date value, which sorts first.
      const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0");
      tiers.push_back(
          shown(Xapian::Query(Xapian::Query::OP_FILTER, compiled_.query, dated), query_check));
      tiers.push_back(
          shown(Xapian::Query(Xapian::Query::OP_AND_NOT, compiled_.query, dated), query_check));
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
      tiers.push_back(shown(compiled_.all_words, checking(&compiled_.all_words_check, nullptr)));
      tiers.push_back(shown(rest, checking(&compiled_.query_check, &compiled_.all_words_check)));
    }

    MatchSettings settings;
    settings.order = options_.sort == SortOrder::kDateDescending  ? MatchOrder::kDateDescending
                     : options_.sort == SortOrder::kDateAscending ? MatchOrder::kDateAscending
                                                                  : MatchOrder::kRelevance;
    settings.one_per_file = options_.group;
    settings.remote = handle_.remote;
    const TieredPage page =
        page_through_tiers(handle_.shards, settings, tiers, options_.offset, options_.limit);
    result.total = page.total;
    for (const PageSlice& slice : page.slices) {
      std::size_t rank = slice.first_rank;
      for (const ShardedMatch& match : slice.matches) {
        if (options_.group) {
          result.groups.push_back(make_group(match.document, rank, whole));
        } else {
          Hit hit = make_hit(handle_, snapshot_.index_dir(), match.document, rank, match.weight,
                             compiled_.highlights, options_.snippet_chars);
          if (options_.parallel) hit.parallel = parallel_of(handle_, snapshot_.index_dir(), hit);
          result.hits.push_back(std::move(hit));
        }
        ++rank;
      }
    }
    std::vector<Hit*> shown;
    for (Hit& hit : result.hits) shown.push_back(&hit);
    for (DocumentGroup& group : result.groups)
      for (Hit& hit : group.passages) shown.push_back(&hit);
    add_citation_links(handle_, snapshot_.index_dir(), shown);

    if (options_.facets) {
      std::uint64_t accepted = 0;
      // Remote shards count without the columns (building them would read every value).
      static const std::vector<FacetColumns> kNoColumns;
      result.facets =
          count_facets(handle_.shards, handle_.remote, whole.query, whole.make_check,
                       handle_.remote ? kNoColumns : snapshot_.facet_columns(handle_), &accepted);
      // The facet pass saw every match: its count is exact where the page's was estimated.
      if (!options_.group) result.total = accepted;
    }
    if (options_.suggest)
      result.suggestion =
          suggest_query(query_, db, vocabulary, handle_.analyzer, context.languages);
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
    const std::unique_ptr<PassageCheck> check = whole.make_check ? whole.make_check() : nullptr;
    if (check) check->on_shards(handle_.shards);
    const CheckedMSet mset =
        checked_mset(enquire, check.get(), ResultLimits::kMaxPassagesPerGroup,
                     std::max<Xapian::doccount>(passages, 1), Xapian::BAD_VALUENO);
    group.hit_count = mset.estimated;
    std::size_t passage_rank = 1;
    for (const CheckedMatch& match : mset.matches)
      group.passages.push_back(make_hit(handle_, snapshot_.index_dir(), match.document,
                                        passage_rank++, match.weight, compiled_.highlights,
                                        options_.snippet_chars));
    return group;
  }

  // The tier of `query` within the filters, without the passages updates superseded.
  Tier shown(const Xapian::Query& query, CheckFactory check) const {
    const Xapian::Query within = filtered(query, filter_);
    Tier tier{handle_.live(within), std::move(check)};
    if (!handle_.dead_query.empty()) {
      tier.with_superseded = within;
      tier.superseded = Xapian::Query(Xapian::Query::OP_FILTER, within, handle_.dead_query);
    }
    return tier;
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

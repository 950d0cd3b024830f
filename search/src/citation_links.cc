#include "citation_links.h"

#include <algorithm>

#include "filters.h"
#include "passage_lookup.h"
#include "passage_record.h"
#include "ranking.h"
#include "references.h"
#include "schema.h"
#include "symbols.h"
#include "treatysearch/error.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// The passages of `symbol` labelled `label` (with what is under that label), or the whole
// document when the label is empty.
Xapian::Query passages_of(const std::string& symbol, const std::string& label) {
  const Xapian::Query document(schema::filter_term(schema::kSymbolPrefix, symbol));
  if (label.empty()) return document;
  return Xapian::Query(Xapian::Query::OP_AND, document,
                       Xapian::Query(schema::paragraph_term(label)));
}

bool same_paragraph(const core::Reference& reference, const std::string& symbol,
                    const std::string& label) {
  return core::symbol_key(reference.symbol) == core::symbol_key(symbol) &&
         core::compact_label(reference.label) == core::compact_label(label);
}

// How many passages cite `label` of `symbol`, given the frequencies of its citing terms.
std::uint64_t count_citing(const IndexHandle& handle, const std::string& symbol,
                           const std::string& label, const TermFrequencies& known) {
  const Xapian::Database& db = handle.db;
  if (symbol.empty()) return 0;
  // Most passages are cited by nothing: the frequencies say so, and a match is needed only when
  // two of the terms are there (a passage may hold both: the count must not add them up).
  std::vector<std::string> terms;
  for (std::string& term : core::citing_terms(symbol, label))
    if (const auto found = known.find(term); found != known.end() && found->second > 0)
      terms.push_back(std::move(term));
  if (terms.empty()) return 0;
  // (A frequency counts the passages updates superseded too.)
  if (terms.size() == 1 && handle.dead->empty()) return known.at(terms.front());
  Xapian::Enquire enquire(db);
  enquire.set_query(handle.live(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Counting every match makes the estimate exact.
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// The grades given to exactly `label` of `symbol`, oldest first, given the frequency of its
// graded term.
std::vector<FollowUpGrade> grades_of(IndexHandle& handle, const std::string& index_dir,
                                     const std::string& symbol, const std::string& label,
                                     const TermFrequencies& known) {
  std::vector<FollowUpGrade> grades;
  if (symbol.empty() || label.empty()) return grades;
  const std::string term = core::graded_term(symbol, label);
  if (const auto found = known.find(term); found == known.end() || found->second == 0)
    return grades;
  for (auto it = handle.db.postlist_begin(term); it != handle.db.postlist_end(term); ++it) {
    if (!handle.is_live(*it)) continue;
    const core::PassageRecord record =
        decode_or_throw(handle, handle.db.get_document(*it), index_dir);
    for (const core::Reference& reference : record.references)
      if (!reference.grade.empty() && same_paragraph(reference, symbol, label))
        grades.push_back(
            {reference.grade, record.citation, handle.document_info(record.file_key).date});
  }
  std::stable_sort(grades.begin(), grades.end(),
                   [](const FollowUpGrade& a, const FollowUpGrade& b) { return a.date < b.date; });
  grades.erase(std::unique(grades.begin(), grades.end()), grades.end());
  return grades;
}

}  // namespace

void add_citation_links(IndexHandle& handle, const std::string& index_dir,
                        const std::vector<Hit*>& hits) {
  std::vector<std::string> terms;
  for (const Hit* hit : hits) {
    if (hit->document.symbol.empty()) continue;
    for (std::string& term : core::citing_terms(hit->document.symbol, hit->paragraph))
      terms.push_back(std::move(term));
    if (!hit->paragraph.empty())
      terms.push_back(core::graded_term(hit->document.symbol, hit->paragraph));
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  const TermFrequencies known = term_frequencies(handle.db, terms, handle.backend());
  for (Hit* hit : hits) {
    hit->cited_by = count_citing(handle, hit->document.symbol, hit->paragraph, known);
    hit->grades = grades_of(handle, index_dir, hit->document.symbol, hit->paragraph, known);
  }
}

Xapian::Query link_filter(IndexHandle& handle, const std::string& index_dir,
                          const Filters& filters) {
  std::vector<Xapian::Query> parts;
  if (!filters.cited_by.empty()) {
    std::vector<Xapian::Query> targets;
    for (const std::string& passage : filters.cited_by)
      for (const core::Reference& reference :
           find_passage(handle, index_dir, passage).record.references)
        if (!reference.symbol.empty())
          targets.push_back(passages_of(reference.symbol, reference.label));
    parts.push_back(any_of(targets));
  }
  if (!filters.grades.empty()) {
    std::vector<Xapian::Query> graded;
    for (const std::string& grade : filters.grades) {
      const std::string term = core::grade_term(grade);
      graded.emplace_back(term);  // the passages giving the grade
      for (auto it = handle.db.postlist_begin(term); it != handle.db.postlist_end(term); ++it) {
        if (!handle.is_live(*it)) continue;
        for (const core::Reference& reference :
             decode_or_throw(handle, handle.db.get_document(*it), index_dir).references)
          if (core::grade_term(reference.grade) == term && !reference.symbol.empty())
            graded.push_back(passages_of(reference.symbol, reference.label));
      }
    }
    parts.push_back(any_of(graded));
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query all_filters(IndexHandle& handle, const std::string& index_dir,
                          const Filters& filters) {
  const Xapian::Query fields = filter_query(handle.db, filters);
  const Xapian::Query links = link_filter(handle, index_dir, filters);
  if (links.empty()) return fields;
  if (fields.empty()) return links;
  return Xapian::Query(Xapian::Query::OP_AND, fields, links);
}

}  // namespace treatysearch::search

// SnapshotImpl::history: a recommendation and every passage about it, in date order. Built
// from the snapshot's own search(), similar() and the citation terms (core/references.h), so
// that every part sees the same commit.
#include <algorithm>

#include "references.h"
#include "searcher_snapshot.h"
#include "symbols.h"
#include "treatysearch/error.h"

namespace treatysearch::search {

namespace {

// How `hit`, which cites (symbol, label), bears on that recommendation.
std::string relation_of(const Hit& hit, const std::string& symbol, const std::string& label) {
  const std::string& type = hit.document.type;
  if (type == doctype::kFollowUpLetter) {
    const bool grades =
        std::any_of(hit.cites.begin(), hit.cites.end(), [&](const CitedReference& c) {
          return !c.grade.empty() && core::symbol_key(c.symbol) == core::symbol_key(symbol) &&
                 core::compact_label(c.paragraph) == core::compact_label(label);
        });
    return grades ? "assessment" : "follow-up-letter";
  }
  if (type == doctype::kFollowUpInformation) return "follow-up-information";
  if (type == doctype::kNgoCommentary) return "ngo-commentary";
  if (type == doctype::kStateReport || type == doctype::kReplyToListOfIssues) return "state-report";
  if (type == doctype::kConcludingObservations &&
      core::symbol_key(hit.document.symbol) != core::symbol_key(symbol))
    return "next-cycle";
  return "cites";
}

// A value for a query field: quoted, its quotes and backslashes dropped (symbols and labels
// hold none).
std::string field_value(const std::string& value) {
  std::string out = "\"";
  for (char c : value)
    if (c != '"' && c != '\\') out.push_back(c);
  return out + "\"";
}

}  // namespace

History SnapshotImpl::history(const std::string& citation, const SearchOptions& options) const {
  std::string symbol, label;
  if (!core::parse_citation(citation, &symbol, &label))
    throw Error(ErrorCode::kInvalidArgument, "history of '" + citation +
                                                 "': expected a document symbol with its paragraph "
                                                 "(CERD/C/KAZ/CO/8-10, para. 18 (b))");
  History history;
  history.citation = citation;
  SearchOptions base;
  base.filters.languages = options.filters.languages;
  base.snippet_chars = options.snippet_chars;
  base.limit = QueryLimits::kMaxPageSize;
  base.suggest = false;

  // The recommendation itself, in each language indexed (exactly its label, not its parts).
  std::string own_query = "symbol:" + field_value(symbol);
  if (!label.empty()) own_query += " para:" + field_value(label);
  std::vector<Hit> own;
  for (Hit& hit : search(own_query, base).hits)
    if (core::compact_label(hit.paragraph) == core::compact_label(label))
      own.push_back(std::move(hit));
  std::string own_date;
  for (const Hit& hit : own) {
    own_date = std::max(own_date, hit.document.date);
    history.entries.push_back({"recommendation", hit});
  }

  // Every passage citing it.
  SearchOptions citing = base;
  citing.filters = options.filters;
  citing.filters.cites = {citation};
  bool next_cycle_cites = false;
  for (Hit& hit : search("", citing).hits) {
    std::string relation = relation_of(hit, symbol, label);
    next_cycle_cites = next_cycle_cites || relation == "next-cycle";
    history.entries.push_back({std::move(relation), std::move(hit)});
  }

  // Uncited, the next cycle's paragraph on the same matter: the most similar paragraph of a
  // later document of concluding observations of the same State and committee.
  if (!next_cycle_cites && !own.empty() && !own.front().document.state.empty()) {
    SearchOptions later = base;
    later.limit = 10;
    later.filters.types = {doctype::kConcludingObservations};
    later.filters.states = {own.front().document.state};
    if (!own.front().document.committee.empty())
      later.filters.committees = {own.front().document.committee};
    for (Hit& hit : similar(own.front().id, later).hits)
      if (!own_date.empty() && hit.document.date > own_date &&
          core::symbol_key(hit.document.symbol) != core::symbol_key(symbol)) {
        history.entries.push_back({"next-cycle-similar", std::move(hit)});
        break;
      }
  }

  // Oldest document first, undated last; within a document, in its order.
  std::stable_sort(history.entries.begin(), history.entries.end(),
                   [](const HistoryEntry& a, const HistoryEntry& b) {
                     const std::string& x = a.passage.document.date;
                     const std::string& y = b.passage.document.date;
                     if (x.empty() != y.empty()) return y.empty();
                     return x < y;
                   });
  return history;
}

}  // namespace treatysearch::search

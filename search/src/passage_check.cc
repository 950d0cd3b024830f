#include "passage_check.h"

#include <algorithm>

#include "schema.h"

namespace treatysearch::search {

Predicate Predicate::any_term(std::vector<std::string> terms, bool positional) {
  Predicate p;
  p.kind = Kind::kTerms;
  p.terms = std::move(terms);
  p.positional = positional;
  return p;
}

Predicate Predicate::sequence(std::vector<std::vector<std::string>> groups) {
  Predicate p;
  p.kind = Kind::kSequence;
  p.groups = std::move(groups);
  return p;
}

Predicate Predicate::combine(Kind kind, std::vector<Predicate> children) {
  if (children.size() == 1) return std::move(children.front());
  Predicate p;
  p.kind = kind;
  p.children = std::move(children);
  return p;
}

Predicate Predicate::negate(Predicate child) {
  Predicate p;
  p.kind = Kind::kNot;
  p.children.push_back(std::move(child));
  return p;
}

bool Predicate::needs_positions() const {
  return kind == Kind::kSequence ||
         std::any_of(children.begin(), children.end(),
                     [](const Predicate& c) { return c.needs_positions(); });
}

std::string Predicate::describe() const {
  auto join = [](const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& t : items) out += (out.empty() ? "" : separator) + t;
    return out;
  };
  switch (kind) {
    case Kind::kTerms:
      return "TERMS(" + join(terms, " ") + ")";
    case Kind::kSequence: {
      std::vector<std::string> words;
      for (const auto& group : groups) words.push_back(join(group, "|"));
      return "SEQ(" + join(words, " ") + ")";
    }
    default: {
      std::vector<std::string> parts;
      for (const auto& child : children) parts.push_back(child.describe());
      const char* name = kind == Kind::kAll ? "ALL(" : kind == Kind::kAny ? "ANY(" : "NOT(";
      return name + join(parts, " ") + ")";
    }
  }
}

bool PassageCheck::operator()(const Xapian::Document& doc) const {
  // A passage without words has no position list: no word is in it. One whose list cannot be
  // read is refused rather than guessed about.
  std::string encoded = doc.get_value(core::schema::kPositionsSlot);
  const bool no_words = encoded.empty();
  if (!positions_.assign(std::move(encoded)) && !no_words) return false;
  return holds(must_, doc) && !(must_not_ && holds(*must_not_, doc));
}

bool PassageCheck::has_unpositioned(const std::string& term, const Xapian::Document& doc) const {
  // Symbols and ideographic grams have no positions: ask the passage's term list.
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

bool PassageCheck::holds(const Predicate& p, const Xapian::Document& doc) const {
  switch (p.kind) {
    case Predicate::Kind::kTerms:
      return std::any_of(p.terms.begin(), p.terms.end(), [&](const std::string& term) {
        return p.positional ? positions_.has(term) : has_unpositioned(term, doc);
      });
    case Predicate::Kind::kSequence:
      return positions_.in_sequence(p.groups);
    case Predicate::Kind::kAll:
      return std::all_of(p.children.begin(), p.children.end(),
                         [&](const Predicate& c) { return holds(c, doc); });
    case Predicate::Kind::kAny:
      return std::any_of(p.children.begin(), p.children.end(),
                         [&](const Predicate& c) { return holds(c, doc); });
    case Predicate::Kind::kNot:
      return !holds(p.children.front(), doc);
  }
  return false;
}

}  // namespace treatysearch::search

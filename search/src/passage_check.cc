#include "passage_check.h"

#include <algorithm>

#include "index_layout.h"
#include "pair_signature.h"
#include "schema.h"
#include "term_numbers.h"

namespace treatysearch::search {

Predicate Predicate::any_term(std::vector<std::string> terms, bool positional, bool spelling) {
  Predicate p;
  p.kind = Kind::kTerms;
  p.terms = std::move(terms);
  p.positional = positional;
  p.spelling = spelling;
  return p;
}

Predicate Predicate::sequence(std::vector<std::vector<std::string>> groups,
                              std::vector<std::string> surfaces) {
  Predicate p;
  p.kind = Kind::kSequence;
  p.groups = std::move(groups);
  p.surfaces = std::move(surfaces);
  return p;
}

Predicate Predicate::connector(Kind kind, Operand left, Operand right, std::uint32_t width) {
  Predicate p;
  p.kind = kind;
  p.operands.push_back(std::move(left));
  p.operands.push_back(std::move(right));
  p.width = width;
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
  return kind == Kind::kSequence || kind == Kind::kNear || kind == Kind::kPrecedes ||
         kind == Kind::kSameSentence || kind == Kind::kPrecedesInSentence ||
         (kind == Kind::kTerms && spelling) ||
         std::any_of(children.begin(), children.end(),
                     [](const Predicate& c) { return c.needs_positions(); });
}

namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& t : items) out += (out.empty() ? "" : separator) + t;
  return out;
}

std::string sequence_text(const WordSequence& groups) {
  std::vector<std::string> words;
  for (const auto& group : groups) words.push_back(join(group, "|"));
  return join(words, " ");
}

bool disjoint(const core::WordSpan& a, const core::WordSpan& b) {
  return a.last < b.first || b.last < a.first;
}

// Some occurrence in `after` starts 1..width words after the end of one in `before`. Both are
// sorted by first position.
bool precedes(const std::vector<core::WordSpan>& before, const std::vector<core::WordSpan>& after,
              std::uint32_t width) {
  for (const auto& a : before) {
    auto it = std::lower_bound(
        after.begin(), after.end(), a.last,
        [](const core::WordSpan& s, std::uint32_t last) { return s.first <= last; });
    if (it != after.end() && it->first - a.last <= width) return true;
  }
  return false;
}

}  // namespace

std::string Predicate::describe() const {
  switch (kind) {
    case Kind::kTerms:
      return "TERMS(" + join(terms, " ") + ")";
    case Kind::kSequence:
      return "SEQ(" + sequence_text(groups) + ")";
    case Kind::kNear:
    case Kind::kPrecedes:
    case Kind::kSameSentence:
    case Kind::kPrecedesInSentence: {
      std::vector<std::string> sides;
      for (const auto& operand : operands) {
        std::vector<std::string> alternatives;
        for (const auto& sequence : operand) alternatives.push_back(sequence_text(sequence));
        sides.push_back(join(alternatives, ", "));
      }
      const std::string distance = width == kAnyDistance ? "any" : std::to_string(width);
      const std::string name = kind == Kind::kNear           ? "NEAR/" + distance
                               : kind == Kind::kPrecedes     ? "PRE/" + distance
                               : kind == Kind::kSameSentence ? std::string("SENT")
                                                             : std::string("SENT+");
      return name + "(" + join(sides, " ; ") + ")";
    }
    default: {
      std::vector<std::string> parts;
      for (const auto& child : children) parts.push_back(child.describe());
      const char* name = kind == Kind::kAll ? "ALL(" : kind == Kind::kAny ? "ANY(" : "NOT(";
      return name + join(parts, " ") + ")";
    }
  }
}

namespace {

// Adds the pairs of consecutive words `p` cannot hold without, by their folded forms: those of
// each phrase it needs (the phrases of an ALL's children; none for ANY, NOT or connectors,
// which can hold without any one of them), where the compiler gave the words' forms.
void add_pairs_needed(const Predicate& p, std::vector<std::uint64_t>* out) {
  if (p.kind == Predicate::Kind::kAll)
    for (const Predicate& child : p.children) add_pairs_needed(child, out);
  if (p.kind != Predicate::Kind::kSequence || p.surfaces.size() != p.groups.size()) return;
  for (std::size_t i = 1; i < p.surfaces.size(); ++i)
    if (!p.surfaces[i - 1].empty() && !p.surfaces[i].empty())
      out->push_back(core::pair_hash(core::pair_word_hash(p.surfaces[i - 1]),
                                     core::pair_word_hash(p.surfaces[i])));
}

void add_positional_terms(const Predicate& p, std::vector<std::string>* out) {
  if (p.kind == Predicate::Kind::kTerms && p.positional)
    out->insert(out->end(), p.terms.begin(), p.terms.end());
  for (const TermGroup& group : p.groups) out->insert(out->end(), group.begin(), group.end());
  for (const Operand& operand : p.operands)
    for (const WordSequence& sequence : operand)
      for (const TermGroup& group : sequence) out->insert(out->end(), group.begin(), group.end());
  for (const Predicate& child : p.children) add_positional_terms(child, out);
}

}  // namespace

PassageCheck::PassageCheck(const Predicate& must, const Predicate* must_not)
    : must_(must), must_not_(must_not) {
  add_positional_terms(must_, &wanted_);
  if (must_not_) add_positional_terms(*must_not_, &wanted_);
  std::sort(wanted_.begin(), wanted_.end());
  wanted_.erase(std::unique(wanted_.begin(), wanted_.end()), wanted_.end());
  add_pairs_needed(must_, &pairs_needed_);
  add_sequences(must_);
  if (must_not_) add_sequences(*must_not_);
}

void PassageCheck::add_sequences(const Predicate& p) {
  if (p.kind == Predicate::Kind::kSequence)
    sequences_.emplace_back(&p, core::PassagePositions::wanted_sequence(wanted_, p.groups));
  for (const Predicate& child : p.children) add_sequences(child);
}

const core::PassagePositions::WantedSequence* PassageCheck::wanted_sequence_of(
    const Predicate& p) const {
  for (const auto& [predicate, sequence] : sequences_)
    if (predicate == &p) return sequence.empty() ? nullptr : &sequence;
  return nullptr;
}

void PassageCheck::read_in_order_from(const Xapian::Database& shard) {
  for (SlotReader* reader : {&positions_in_, &signatures_in_}) {
    reader->it = shard.valuestream_begin(reader->slot);
    reader->end = shard.valuestream_end(reader->slot);
    reader->at = 0;
    reader->streaming = true;
  }
}

std::string PassageCheck::SlotReader::read(const CandidateDocument& doc, Xapian::docid id) {
  if (!streaming || id <= at) return doc.get().get_value(slot);
  it.skip_to(id);
  at = id;
  return it != end && it.get_docid() == id ? *it : std::string();
}

bool PassageCheck::may_hold_pairs(std::string_view signature) const {
  return std::all_of(pairs_needed_.begin(), pairs_needed_.end(),
                     [&](std::uint64_t pair) { return core::may_hold_pair(signature, pair); });
}

void PassageCheck::on_shard(const Xapian::Database& shard) {
  shards_.assign(1, &shard);
  combined_ = false;
  numbers_.assign(1, std::nullopt);
}

void PassageCheck::on_shards(const std::vector<Xapian::Database>& shards) {
  shards_.clear();
  for (const Xapian::Database& shard : shards) shards_.push_back(&shard);
  combined_ = true;
  numbers_.assign(shards_.size(), std::nullopt);
}

const std::vector<std::uint32_t>& PassageCheck::numbers_in(std::size_t k) const {
  if (!numbers_[k]) numbers_[k] = core::remembered_term_numbers(*shards_[k], wanted_);
  return *numbers_[k];
}

bool PassageCheck::accepts(const CandidateDocument& doc, Xapian::docid id) const {
  // A passage without words has no position list: no word is in it. One whose list cannot be
  // read is refused rather than guessed about.
  // A pair the query needs and the passage's signature lacks rules it out unread. (Read only in
  // a stream: looked up passage by passage, it would cost a lookup more on every passage that
  // holds the pairs.)
  if (!pairs_needed_.empty() && signatures_in_.streaming &&
      !may_hold_pairs(signatures_in_.read(doc, id)))
    return false;
  candidate_ = id;
  std::string encoded = positions_in_.read(doc, id);
  const bool no_words = encoded.empty();
  const std::vector<std::uint32_t>* numbers = nullptr;
  if (core::is_numbered_position_list(encoded) && !shards_.empty())
    numbers = &numbers_in(combined_ ? core::layout::shard_of_docid(id, shards_.size()) : 0);
  if (!positions_.assign(std::move(encoded), &wanted_, numbers) && !no_words) return false;
  const bool held = holds(must_, doc) && !(must_not_ && holds(*must_not_, doc));
  return held && !positions_.malformed();
}

bool PassageCheck::has_unpositioned(const std::string& term, const CandidateDocument& doc) const {
  // Symbols, ideographic grams and W-terms have no positions. An unbound check (a document
  // alone) asks the passage's term list; a bound one the term's posting list in the shard,
  // because an index built since tombstones.h has no term lists.
  if (shards_.empty()) {
    Xapian::TermIterator it = doc.get().termlist_begin();
    it.skip_to(term);
    return it != doc.get().termlist_end() && *it == term;
  }
  const std::size_t count = shards_.size();
  const std::size_t k = combined_ ? core::layout::shard_of_docid(candidate_, count) : 0;
  const Xapian::docid id = combined_ ? core::layout::docid_in_shard(candidate_, count) : candidate_;
  const Xapian::Database& shard = *shards_[k];
  auto [entry, added] = postings_.try_emplace({k, term});
  PostingCursor& cursor = entry->second;
  if (added || id < cursor.asked) {
    cursor.it = shard.postlist_begin(term);
    cursor.end = shard.postlist_end(term);
  }
  cursor.asked = id;
  if (cursor.it != cursor.end && *cursor.it < id) cursor.it.skip_to(id);
  return cursor.it != cursor.end && *cursor.it == id;
}

bool PassageCheck::holds(const Predicate& p, const CandidateDocument& doc) const {
  switch (p.kind) {
    case Predicate::Kind::kTerms:
      return std::any_of(p.terms.begin(), p.terms.end(), [&](const std::string& term) {
        return p.positional ? positions_.has(term) : has_unpositioned(term, doc);
      });
    case Predicate::Kind::kSequence:
      if (positions_.numbered())
        if (const auto* sequence = wanted_sequence_of(p)) return positions_.in_sequence(*sequence);
      return positions_.in_sequence(p.groups);
    case Predicate::Kind::kAll:
      return std::all_of(p.children.begin(), p.children.end(),
                         [&](const Predicate& c) { return holds(c, doc); });
    case Predicate::Kind::kAny:
      return std::any_of(p.children.begin(), p.children.end(),
                         [&](const Predicate& c) { return holds(c, doc); });
    case Predicate::Kind::kNot:
      return !holds(p.children.front(), doc);
    case Predicate::Kind::kNear:
    case Predicate::Kind::kPrecedes:
    case Predicate::Kind::kSameSentence:
    case Predicate::Kind::kPrecedesInSentence:
      return connected(p);
  }
  return false;
}

void PassageCheck::find(const Operand& operand, std::vector<core::WordSpan>* out) const {
  out->clear();
  for (const auto& sequence : operand) positions_.occurrences(sequence, out);
  if (operand.size() > 1)
    std::sort(out->begin(), out->end(), [](const core::WordSpan& a, const core::WordSpan& b) {
      return a.first != b.first ? a.first < b.first : a.last < b.last;
    });
}

bool PassageCheck::connected(const Predicate& p) const {
  if (p.operands.size() != 2) return false;
  find(p.operands[0], &left_);
  if (left_.empty()) return false;
  find(p.operands[1], &right_);
  if (right_.empty()) return false;
  switch (p.kind) {
    case Predicate::Kind::kNear:
      return precedes(left_, right_, p.width) || precedes(right_, left_, p.width);
    case Predicate::Kind::kPrecedes:
      return precedes(left_, right_, p.width);
    case Predicate::Kind::kSameSentence:
    case Predicate::Kind::kPrecedesInSentence: {
      const bool in_order = p.kind == Predicate::Kind::kPrecedesInSentence;
      for (const auto& a : left_) {
        const std::uint32_t last = positions_.sentence_last(a.last);
        if (last != positions_.sentence_last(a.first)) continue;  // a phrase across a full stop
        if (in_order && a.last == UINT32_MAX) continue;           // nothing can follow it
        // +s: the right occurrence starts after the left one ends.
        const std::uint32_t first = in_order ? a.last + 1 : positions_.sentence_first(a.first);
        auto it = std::lower_bound(
            right_.begin(), right_.end(), first,
            [](const core::WordSpan& s, std::uint32_t at) { return s.first < at; });
        for (; it != right_.end() && it->first <= last; ++it)
          if (it->last <= last && disjoint(a, *it)) return true;
      }
      return false;
    }
    default:
      return false;
  }
}

}  // namespace treatysearch::search

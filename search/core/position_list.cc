#include "position_list.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "varint.h"

namespace treatysearch::core {

namespace {

constexpr char kFormatSequence = 4;  // never stored: the analysis threads' form
constexpr char kFormatNumbered = 3;
constexpr char kFormatVersion = 2;
constexpr char kFormatWithoutSentences = 1;  // still read: one sentence per passage

// Reads the sentence starts after the version byte of a version 2, 3 or 4 list into *gaps (still
// encoded), checking that each gap is whole; *pos is left after them.
bool read_sentence_gaps(std::string_view encoded, std::size_t* pos, std::string_view* gaps) {
  *pos = 1;
  std::uint64_t count = 0;
  if (!get_varint(encoded, pos, &count) || count > encoded.size() - *pos) return false;
  const std::size_t begin = *pos;
  std::uint64_t gap = 0;
  for (std::uint64_t i = 0; i < count; ++i)
    if (!get_varint(encoded, pos, &gap)) return false;
  *gaps = encoded.substr(begin, *pos - begin);
  return true;
}

// Appends the count of sentence starts, then the starts as varint gaps from position 1 (which
// starts the first sentence).
void put_sentence_starts(const std::vector<std::uint32_t>& starts, std::string* out) {
  put_varint(starts.size(), out);
  std::uint32_t last_start = 1;
  for (const std::uint32_t start : starts) {
    put_varint(start - last_start, out);
    last_start = start;
  }
}

// Walks the numbered positions of a version 3 list: visit(number, position) for each position
// holding a word term. False on malformed bytes.
template <typename Visit>
bool walk_numbered(std::string_view encoded, std::size_t pos, Visit&& visit) {
  std::uint64_t count = 0;
  if (!get_varint(encoded, &pos, &count) || count > encoded.size() - pos) return false;
  std::uint32_t position = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t number = 0;
    if (!get_varint(encoded, &pos, &number) || number > UINT32_MAX) return false;
    ++position;
    if (number != 0) visit(static_cast<std::uint32_t>(number - 1), position);
  }
  return pos == encoded.size();
}

std::size_t shared_prefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// Appends the positions encoded as varint gaps from `from` to *out; false (after appending those
// before the fault) on a malformed or zero gap, or a position past 32 bits.
bool decode_gaps(std::string_view gaps, std::vector<std::uint32_t>* out, std::uint64_t from = 0) {
  std::uint64_t position = from;
  for (std::size_t i = 0; i < gaps.size();) {
    std::uint64_t gap = 0;
    if (!get_varint(gaps, &i, &gap) || gap == 0 || position + gap > UINT32_MAX) return false;
    position += gap;
    out->push_back(static_cast<std::uint32_t>(position));
  }
  return true;
}

}  // namespace

bool PositionListBuilder::add(std::string_view term, std::uint32_t position) {
  // Each distinct term is kept once (a passage repeats its words; sorting every occurrence by
  // its bytes cost more than the rest of the encoding).
  bool added = false;
  const std::uint32_t id = terms_.insert(term, &added);
  if (added) counts_.push_back(0);
  ++counts_[id];
  if (!occurrences_.empty() && position < occurrences_.back().position) in_order_ = false;
  occurrences_.push_back({id, position});
  return added;
}

void PositionListBuilder::add_sentence_start(std::uint32_t position) {
  if (position <= 1 || (!sentence_starts_.empty() && position <= sentence_starts_.back())) return;
  sentence_starts_.push_back(position);
}

void PositionListBuilder::encode(std::string* out) {
  out->clear();
  // The distinct terms in byte order, and each one's positions together (a counting sort by
  // term id keeps each term's positions in the order they were added).
  order_.resize(terms_.size());
  for (std::uint32_t id = 0; id < order_.size(); ++id) order_[id] = id;
  std::sort(order_.begin(), order_.end(),
            [this](std::uint32_t a, std::uint32_t b) { return terms_.key(a) < terms_.key(b); });
  first_.assign(terms_.size() + 1, 0);
  for (const Occurrence& o : occurrences_) ++first_[o.term + 1];
  for (std::size_t id = 0; id < terms_.size(); ++id) first_[id + 1] += first_[id];
  positions_.resize(occurrences_.size());
  for (const Occurrence& o : occurrences_) positions_[first_[o.term]++] = o.position;
  // first_[id] is now where term id's positions end; they start where those of id - 1 end.

  out->push_back(kFormatVersion);
  put_sentence_starts(sentence_starts_, out);
  put_varint(terms_.size(), out);
  distinct_.clear();
  std::string_view previous;
  for (const std::uint32_t id : order_) {
    const std::string_view term = terms_.key(id);
    const std::size_t shared = shared_prefix(previous, term);
    put_varint(shared, out);
    put_varint(term.size() - shared, out);
    out->append(term.substr(shared));
    const auto begin = positions_.begin() + (id == 0 ? 0 : first_[id - 1]);
    const auto end = positions_.begin() + first_[id];
    if (!in_order_) std::sort(begin, end);
    gaps_.clear();
    std::uint32_t last = 0;
    for (auto it = begin; it != end; ++it) {
      put_varint(*it - last, &gaps_);
      last = *it;
    }
    put_varint(gaps_.size(), out);
    out->append(gaps_);
    distinct_.push_back({term, counts_[id]});
    previous = term;
  }
}

bool PositionListBuilder::encode_sequence(std::string* out) {
  out->clear();
  std::uint32_t last = 0;
  for (const Occurrence& o : occurrences_) last = std::max(last, o.position);
  if (last > kMaxNumberedPositions) return false;
  // Each position's term index plus one (0: none), in positions_ (encode()'s scratch).
  positions_.assign(last, 0);
  for (const Occurrence& o : occurrences_) {
    if (o.position == 0 || positions_[o.position - 1] != 0) return false;
    positions_[o.position - 1] = o.term + 1;
  }
  out->push_back(kFormatSequence);
  put_sentence_starts(sentence_starts_, out);
  put_varint(terms_.size(), out);
  distinct_.clear();
  for (std::uint32_t id = 0; id < terms_.size(); ++id) {
    put_length_prefixed(terms_.key(id), out);
    distinct_.push_back({terms_.key(id), counts_[id]});
  }
  put_varint(last, out);
  for (const std::uint32_t index : positions_) put_varint(index, out);
  return true;
}

void PositionListBuilder::clear() {
  terms_.clear();
  counts_.clear();
  occurrences_.clear();
  in_order_ = true;
  distinct_.clear();
  sentence_starts_.clear();
}

PositionListCursor::PositionListCursor(std::string_view encoded) : encoded_(encoded) {
  ok_ = !encoded_.empty() &&
        (encoded_[0] == kFormatVersion || encoded_[0] == kFormatWithoutSentences);
  pos_ = 1;
  // The sentence starts are read on request.
  if (ok_ && encoded_[0] == kFormatVersion)
    ok_ = read_sentence_gaps(encoded_, &pos_, &sentence_gaps_);
  if (ok_) ok_ = get_varint(encoded_, &pos_, &remaining_);
}

bool PositionListCursor::sentence_starts(std::vector<std::uint32_t>* out) const {
  return decode_gaps(sentence_gaps_, out, /*from=*/1);
}

bool PositionListCursor::next() {
  if (!ok_ || remaining_ == 0) return false;
  --remaining_;
  std::uint64_t shared = 0, rest = 0, gap_bytes = 0;
  if (!get_varint(encoded_, &pos_, &shared) || shared > term_.size() ||
      !get_varint(encoded_, &pos_, &rest) || rest > encoded_.size() - pos_)
    return ok_ = false;
  shared_ = static_cast<std::size_t>(shared);
  term_.resize(shared_);
  term_.append(encoded_.substr(pos_, rest));
  pos_ += rest;
  if (!get_varint(encoded_, &pos_, &gap_bytes) || gap_bytes > encoded_.size() - pos_)
    return ok_ = false;
  gaps_ = encoded_.substr(pos_, gap_bytes);
  pos_ += gap_bytes;
  return true;
}

bool PositionListCursor::positions(std::vector<std::uint32_t>* out) const {
  return decode_gaps(gaps_, out);
}

bool decode_position_list(std::string_view encoded,
                          std::vector<std::pair<std::string, std::vector<std::uint32_t>>>* out,
                          std::vector<std::uint32_t>* sentence_starts) {
  out->clear();
  if (is_position_sequence(encoded)) {
    std::string spelled;
    return spell_position_list(encoded, &spelled) &&
           decode_position_list(spelled, out, sentence_starts);
  }
  PositionListCursor cursor(encoded);
  // The sentence starts are checked whether or not the caller wants them (index checks).
  std::vector<std::uint32_t> unused;
  std::vector<std::uint32_t>* starts = sentence_starts ? sentence_starts : &unused;
  starts->clear();
  if (!cursor.sentence_starts(starts)) return false;
  while (cursor.next()) {
    out->emplace_back(cursor.term(), std::vector<std::uint32_t>{});
    if (!cursor.positions(&out->back().second)) return false;
  }
  return cursor.ok();
}

bool is_numbered_position_list(std::string_view encoded) {
  return !encoded.empty() && encoded[0] == kFormatNumbered;
}

namespace {

// A version 4 sequence read: its sentence starts (still encoded, count first), its terms, its
// count of positions and where they begin.
struct Sequence {
  std::string_view sentences;      // their count and gaps
  std::string_view sentence_gaps;  // the gaps alone
  std::vector<std::string_view> terms;
  std::uint64_t positions = 0;
  std::size_t positions_at = 0;
};

bool read_sequence(std::string_view encoded, Sequence* out) {
  if (!is_position_sequence(encoded)) return false;
  std::size_t pos = 0;
  if (!read_sentence_gaps(encoded, &pos, &out->sentence_gaps)) return false;
  out->sentences = encoded.substr(1, pos - 1);
  std::uint64_t count = 0;
  if (!get_varint(encoded, &pos, &count) || count > encoded.size() - pos) return false;
  out->terms.clear();
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t length = 0;
    if (!get_varint(encoded, &pos, &length) || length > encoded.size() - pos) return false;
    out->terms.push_back(encoded.substr(pos, length));
    pos += length;
  }
  if (!get_varint(encoded, &pos, &out->positions) || out->positions > encoded.size() - pos ||
      out->positions > kMaxNumberedPositions)
    return false;
  out->positions_at = pos;
  return true;
}

// Visits each position of a version 4 sequence in order: visit(its term index plus one, 0 for
// none). False on malformed bytes.
template <typename Visit>
bool walk_sequence(std::string_view encoded, const Sequence& sequence, Visit&& visit) {
  std::size_t pos = sequence.positions_at;
  for (std::uint64_t i = 0; i < sequence.positions; ++i) {
    std::uint64_t index = 0;
    if (!get_varint(encoded, &pos, &index) || index > sequence.terms.size()) return false;
    visit(static_cast<std::uint32_t>(index));
  }
  return pos == encoded.size();
}

bool number_sequence(std::string_view encoded,
                     const std::function<std::uint32_t(std::string_view)>& number_of,
                     std::string* out) {
  Sequence sequence;
  if (!read_sequence(encoded, &sequence)) return false;
  // Each distinct term is numbered once; the positions are then rewritten in one pass.
  std::vector<std::uint32_t> numbers;
  numbers.reserve(sequence.terms.size());
  for (const std::string_view term : sequence.terms) {
    const std::uint32_t number = number_of(term);
    if (number == kNoTermNumber) return false;
    numbers.push_back(number);
  }
  out->clear();
  out->push_back(kFormatNumbered);
  out->append(sequence.sentences);
  put_varint(sequence.positions, out);
  return walk_sequence(encoded, sequence, [&](std::uint32_t index) {
    put_varint(index == 0 ? 0 : std::uint64_t{numbers[index - 1]} + 1, out);
  });
}

}  // namespace

bool is_position_sequence(std::string_view encoded) {
  return !encoded.empty() && encoded[0] == kFormatSequence;
}

bool spell_position_list(std::string_view encoded, std::string* out) {
  Sequence sequence;
  if (!read_sequence(encoded, &sequence)) return false;
  PositionListBuilder builder;
  std::vector<std::uint32_t> starts;
  if (!decode_gaps(sequence.sentence_gaps, &starts, /*from=*/1)) return false;
  for (const std::uint32_t start : starts) builder.add_sentence_start(start);
  std::uint32_t position = 0;
  if (!walk_sequence(encoded, sequence, [&](std::uint32_t index) {
        ++position;
        if (index != 0) builder.add(sequence.terms[index - 1], position);
      }))
    return false;
  builder.encode(out);
  return true;
}

bool number_position_list(std::string_view spelled,
                          const std::function<std::uint32_t(std::string_view)>& number_of,
                          std::string* out) {
  if (is_position_sequence(spelled)) return number_sequence(spelled, number_of, out);
  PositionListCursor cursor(spelled);
  std::vector<std::uint32_t> starts;
  if (!cursor.sentence_starts(&starts)) return false;
  // The number plus one at each position (0: none yet).
  std::vector<std::uint32_t> at;
  std::vector<std::uint32_t> positions;
  while (cursor.next()) {
    positions.clear();
    if (!cursor.positions(&positions)) return false;
    if (positions.empty()) continue;
    if (positions.back() > kMaxNumberedPositions) return false;
    if (at.size() < positions.back()) at.resize(positions.back(), 0);
    const std::uint32_t number = number_of(cursor.term());
    if (number == kNoTermNumber) return false;
    for (const std::uint32_t position : positions) {
      if (at[position - 1] != 0) return false;  // two terms at one position
      at[position - 1] = number + 1;
    }
  }
  if (!cursor.ok()) return false;
  out->clear();
  out->push_back(kFormatNumbered);
  put_sentence_starts(starts, out);
  put_varint(at.size(), out);
  for (const std::uint32_t number : at) put_varint(number, out);
  return true;
}

bool decode_numbered_position_list(
    std::string_view encoded,
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>* out,
    std::vector<std::uint32_t>* sentence_starts) {
  out->clear();
  std::vector<std::uint32_t> unused;
  std::vector<std::uint32_t>* starts = sentence_starts ? sentence_starts : &unused;
  starts->clear();
  std::size_t pos = 0;
  std::string_view gaps;
  if (!is_numbered_position_list(encoded) || !read_sentence_gaps(encoded, &pos, &gaps) ||
      !decode_gaps(gaps, starts, /*from=*/1))
    return false;
  std::map<std::uint32_t, std::vector<std::uint32_t>> by_number;
  if (!walk_numbered(encoded, pos, [&](std::uint32_t number, std::uint32_t position) {
        by_number[number].push_back(position);
      }))
    return false;
  out->assign(by_number.begin(), by_number.end());
  return true;
}

bool PassagePositions::assign_numbered(const std::vector<std::string>& wanted,
                                       const std::vector<std::uint32_t>& numbers) {
  wanted_ = &wanted;
  wanted_at_.clear();
  wanted_positions_made_ = false;
  positions_total_ = positions_read_ = 0;  // a list refused below holds no position
  numbers_at_ = 0;
  // A check reads passage after passage of one shard: the table from numbers to wanted terms
  // is made again only when the numbers change.
  if (numbers != table_numbers_ || wanted.size() != table_wanted_) {
    table_numbers_ = numbers;
    table_wanted_ = wanted.size();
    wanted_by_number_.clear();
    number_to_wanted_.clear();
    for (std::uint32_t i = 0; i < wanted.size() && i < numbers.size(); ++i) {
      if (numbers[i] == kNoTermNumber) continue;
      if (numbers[i] >= kMaxTabledNumber || i >= kNone) {
        number_to_wanted_.emplace_back(numbers[i], i);
        continue;
      }
      if (wanted_by_number_.size() <= numbers[i]) wanted_by_number_.resize(numbers[i] + 1, kNone);
      wanted_by_number_[numbers[i]] = static_cast<std::uint16_t>(i);
    }
    std::sort(number_to_wanted_.begin(), number_to_wanted_.end());
  }
  std::size_t pos = 0;
  std::string_view gaps;
  std::uint64_t count = 0;
  if (!read_sentence_gaps(encoded_, &pos, &gaps) ||
      !decode_gaps(gaps, &sentence_starts_, /*from=*/1) || !get_varint(encoded_, &pos, &count) ||
      count > encoded_.size() - pos) {
    sentence_starts_.clear();
    return false;
  }
  // The numbers are read when a question needs them (read_numbers): a phrase's scan stops at
  // its first occurrence.
  positions_total_ = static_cast<std::uint32_t>(count);  // at most a byte each
  numbers_at_ = pos;
  positions_read_ = 0;
  numbers_bad_ = false;
  wanted_at_.assign(positions_total_, kNotWanted);
  if (wanted_by_number_.empty() && number_to_wanted_.empty())
    positions_read_ = positions_total_;  // none of the wanted terms is in the shard
  return true;
}

bool PassagePositions::read_numbers(std::uint32_t upto) const {
  const std::uint32_t end = std::min(upto, positions_total_);
  if (positions_read_ >= end) return !numbers_bad_;
  // Frequent words have small numbers: most positions are looked up in the table, the rare
  // wanted words' large numbers in the sorted pairs.
  const auto tabled = static_cast<std::uint32_t>(wanted_by_number_.size());
  const std::uint32_t lowest =
      number_to_wanted_.empty() ? UINT32_MAX : number_to_wanted_.front().first;
  const auto* bytes = reinterpret_cast<const unsigned char*>(encoded_.data());
  const std::size_t size = encoded_.size();
  std::size_t at = numbers_at_;
  std::uint32_t position = positions_read_;
  for (; position < end; ++position) {
    std::uint64_t stored = 0;
    if (at < size && bytes[at] < 0x80) {
      stored = bytes[at++];  // a frequent word's number: one byte
    } else if (!get_varint(encoded_, &at, &stored) || stored > UINT32_MAX) {
      numbers_bad_ = true;
      break;
    }
    if (stored == 0) continue;  // no word term there
    const auto number = static_cast<std::uint32_t>(stored - 1);
    if (number < tabled) {
      wanted_at_[position] =
          wanted_by_number_[number] == kNone ? kNotWanted : wanted_by_number_[number];
      continue;
    }
    if (number < lowest) continue;
    const auto it = std::lower_bound(number_to_wanted_.begin(), number_to_wanted_.end(),
                                     std::pair<std::uint32_t, std::uint32_t>(number, 0));
    if (it != number_to_wanted_.end() && it->first == number) wanted_at_[position] = it->second;
  }
  numbers_at_ = at;
  positions_read_ = position;
  if (positions_read_ == positions_total_ && at != size) numbers_bad_ = true;  // bytes left over
  return !numbers_bad_;
}

PassagePositions::WantedSequence PassagePositions::wanted_sequence(
    const std::vector<std::string>& wanted, const std::vector<std::vector<std::string>>& groups) {
  WantedSequence sequence;
  for (const auto& group : groups) {
    std::uint64_t bits = 0;
    for (const std::string& term : group) {
      const auto it = std::lower_bound(wanted.begin(), wanted.end(), term);
      if (it == wanted.end() || *it != term) continue;  // never assigned: never held
      const auto index = static_cast<std::size_t>(it - wanted.begin());
      if (index >= 64) return {};
      bits |= std::uint64_t{1} << index;
    }
    sequence.push_back(bits);
  }
  return sequence;
}

bool PassagePositions::in_sequence(const WantedSequence& sequence) const {
  const auto holds = [](std::uint64_t bits, std::uint32_t index) {
    return index < 64 && ((bits >> index) & 1) != 0;
  };
  const auto length = static_cast<std::uint32_t>(sequence.size());
  if (length == 0 || positions_total_ < length) return false;
  // Read in steps, so that an occurrence near the start spares reading the rest.
  constexpr std::uint32_t kStep = 64;
  const std::uint32_t last_start = positions_total_ - length;
  for (std::uint32_t start = 0; start <= last_start; ++start) {
    if (start + length > positions_read_ &&
        !read_numbers(std::max(start + length, positions_read_ + kStep)))
      return false;
    if (!holds(sequence[0], wanted_at_[start])) continue;
    std::uint32_t g = 1;
    while (g < length && holds(sequence[g], wanted_at_[start + g])) ++g;
    if (g == length) return true;
  }
  return false;
}

bool PassagePositions::assign(std::string encoded, const std::vector<std::string>* wanted,
                              const std::vector<std::uint32_t>* numbers) {
  encoded_ = std::move(encoded);
  arena_.clear();
  entries_.clear();
  sentence_starts_.clear();
  wanted_ = nullptr;
  numbers_bad_ = false;
  if (is_numbered_position_list(encoded_))
    return wanted && numbers && assign_numbered(*wanted, *numbers);
  PositionListCursor cursor(encoded_);
  if (!cursor.sentence_starts(&sentence_starts_)) {
    sentence_starts_.clear();
    return false;
  }
  // Both lists are in byte order: a merge walk, ended when no wanted term is left. Front
  // coding spares most comparisons: when the previous term sorts before the wanted term t and
  // shares `common` bytes with it, a term sharing more than `common` bytes with the previous
  // one sorts before t too (it has the previous term's byte where that differs from t's).
  std::size_t next_wanted = 0;
  std::size_t common = 0;
  bool before_wanted = false;  // the previous term sorts before the wanted term
  while ((!wanted || next_wanted < wanted->size()) && cursor.next()) {
    const std::string& term = cursor.term();
    if (wanted) {
      if (before_wanted && cursor.shared() > common) continue;
      int order = 0;
      while (next_wanted < wanted->size() && (order = (*wanted)[next_wanted].compare(term)) < 0)
        ++next_wanted;
      if (next_wanted == wanted->size()) break;
      before_wanted = order > 0;
      if (before_wanted) {
        const std::string& target = (*wanted)[next_wanted];
        common = 0;
        while (common < term.size() && common < target.size() && term[common] == target[common])
          ++common;
        continue;
      }
      ++next_wanted;
    }
    entries_.push_back({static_cast<std::uint32_t>(arena_.size()),
                        static_cast<std::uint32_t>(term.size()), cursor.gaps()});
    arena_.append(term);
  }
  if (!cursor.ok()) entries_.clear();
  return cursor.ok();
}

const std::vector<std::uint32_t>* PassagePositions::numbered_positions(
    std::string_view term) const {
  const auto it = std::lower_bound(wanted_->begin(), wanted_->end(), term);
  if (it == wanted_->end() || *it != term) return nullptr;
  if (!wanted_positions_made_) {
    wanted_positions_.resize(wanted_->size());
    for (auto& list : wanted_positions_) list.clear();
    read_numbers(positions_total_);  // a malformed tail: the positions before it
    for (std::uint32_t at = 0; at < positions_read_; ++at)
      if (wanted_at_[at] != kNotWanted)
        wanted_positions_[wanted_at_[at]].push_back(static_cast<std::uint32_t>(at + 1));
    wanted_positions_made_ = true;
  }
  return &wanted_positions_[static_cast<std::size_t>(it - wanted_->begin())];
}

const PassagePositions::Entry* PassagePositions::find(std::string_view term) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), term,
                             [this](const Entry& e, std::string_view t) { return term_of(e) < t; });
  return it != entries_.end() && term_of(*it) == term ? &*it : nullptr;
}

bool PassagePositions::has(std::string_view term) const {
  if (wanted_) {
    const std::vector<std::uint32_t>* list = numbered_positions(term);
    return list && !list->empty();
  }
  return find(term) != nullptr;
}

void PassagePositions::positions(std::string_view term, std::vector<std::uint32_t>* out) const {
  if (wanted_) {
    if (const std::vector<std::uint32_t>* list = numbered_positions(term))
      out->insert(out->end(), list->begin(), list->end());
    return;
  }
  const Entry* entry = find(term);
  if (entry) decode_gaps(entry->gaps, out);  // malformed gaps end the list early
}

bool PassagePositions::gather(const std::vector<std::vector<std::string>>& groups) {
  if (groups.empty()) return false;
  scratch_.resize(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto& list = scratch_[g];
    list.clear();
    for (const auto& term : groups[g]) positions(term, &list);
    if (list.empty()) return false;
    std::sort(list.begin(), list.end());  // a group's forms interleave
  }
  return true;
}

void PassagePositions::occurrences(const std::vector<std::vector<std::string>>& groups,
                                   std::vector<WordSpan>* out) {
  if (!gather(groups)) return;
  const auto length = static_cast<std::uint32_t>(groups.size() - 1);
  for (const std::uint32_t start : scratch_.front()) {
    if (start > UINT32_MAX - length) break;
    bool all = true;
    for (std::size_t g = 1; g < groups.size() && all; ++g)
      all = std::binary_search(scratch_[g].begin(), scratch_[g].end(),
                               start + static_cast<std::uint32_t>(g));
    if (all) out->push_back({start, start + length});
  }
}

std::uint32_t PassagePositions::sentence_first(std::uint32_t position) const {
  auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), position);
  return it == sentence_starts_.begin() ? 1 : *(it - 1);
}

std::uint32_t PassagePositions::sentence_last(std::uint32_t position) const {
  auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), position);
  return it == sentence_starts_.end() ? UINT32_MAX : *it - 1;
}

bool PassagePositions::in_sequence(const std::vector<std::vector<std::string>>& groups) {
  if (!gather(groups)) return false;
  for (const std::uint32_t start : scratch_.front()) {
    bool all = true;
    for (std::size_t g = 1; g < groups.size() && all; ++g)
      all = std::binary_search(scratch_[g].begin(), scratch_[g].end(),
                               start + static_cast<std::uint32_t>(g));
    if (all) return true;
  }
  return false;
}

}  // namespace treatysearch::core

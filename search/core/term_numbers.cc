#include "term_numbers.h"

#include "varint.h"

namespace treatysearch::core {

namespace {

std::uint32_t decode_number(const std::string& stored) {
  std::size_t pos = 0;
  std::uint64_t number = 0;
  if (stored.empty() || !get_varint(stored, &pos, &number) || number >= kNoTermNumber)
    return kNoTermNumber;
  return static_cast<std::uint32_t>(number);
}

}  // namespace

std::uint32_t term_number(const Xapian::Database& shard, const std::string& term) {
  return decode_number(shard.get_metadata(kTermNumberPrefix + term));
}

std::uint32_t TermNumbering::numbers_given(const Xapian::Database& db) {
  const std::uint32_t count = decode_number(db.get_metadata(kTermCountKey));
  return count == kNoTermNumber ? 0 : count;
}

TermNumbering::TermNumbering(Xapian::WritableDatabase& db, std::size_t max_remembered)
    : db_(db), count_(numbers_given(db)), max_remembered_(max_remembered) {}

std::uint32_t TermNumbering::number_of(std::string_view term) {
  key_.assign(kTermNumberPrefix).append(term);
  if (const auto known = known_.find(key_); known != known_.end()) return known->second;
  std::uint32_t number = decode_number(db_.get_metadata(key_));
  if (number == kNoTermNumber) {
    if (count_ == kNoTermNumber - 1) return kNoTermNumber;
    number = count_++;
    count_changed_ = true;
    std::string stored;
    put_varint(number, &stored);
    db_.set_metadata(key_, stored);
  }
  if (known_.size() >= max_remembered_) known_.clear();
  known_.emplace(key_, number);
  return number;
}

void TermNumbering::record_count() {
  if (!count_changed_) return;
  std::string stored;
  put_varint(count_, &stored);
  db_.set_metadata(kTermCountKey, stored);
  count_changed_ = false;
}

}  // namespace treatysearch::core

#include "term_numbers.h"

#include <mutex>
#include <unordered_map>

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

std::vector<std::uint32_t> remembered_term_numbers(const Xapian::Database& shard,
                                                   const std::vector<std::string>& terms) {
  static std::mutex mutex;
  static auto& remembered = *new std::unordered_map<std::string, std::uint32_t>;  // never freed:
  // searches on other threads may still run while the process exits
  const std::string uuid = shard.get_uuid();  // no exchange: a remote shard sent it on opening
  std::vector<std::uint32_t> numbers(terms.size(), kNoTermNumber);
  std::vector<std::size_t> unknown;
  std::string key;
  {
    const std::lock_guard lock(mutex);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      key.assign(uuid).append(1, '\0').append(terms[i]);
      const auto known = uuid.empty() ? remembered.end() : remembered.find(key);
      if (known != remembered.end())
        numbers[i] = known->second;
      else
        unknown.push_back(i);
    }
  }
  if (unknown.empty()) return numbers;
  for (const std::size_t i : unknown) numbers[i] = term_number(shard, terms[i]);
  if (uuid.empty()) return numbers;  // a database without one cannot be told from its successor
  const std::lock_guard lock(mutex);
  for (const std::size_t i : unknown) {
    if (numbers[i] == kNoTermNumber) continue;
    if (remembered.size() >= kMaxRememberedNumbers) remembered.clear();
    remembered.emplace(key.assign(uuid).append(1, '\0').append(terms[i]), numbers[i]);
  }
  return numbers;
}

std::uint32_t TermNumbering::numbers_given(const Xapian::Database& db) {
  const std::uint32_t count = decode_number(db.get_metadata(kTermCountKey));
  return count == kNoTermNumber ? 0 : count;
}

TermNumbering::TermNumbering(Xapian::WritableDatabase& db, std::size_t max_remembered)
    : db_(db), count_(numbers_given(db)), max_remembered_(max_remembered) {}

std::uint32_t TermNumbering::number_of(std::string_view term) {
  if (const std::uint32_t id = known_.find(term); id != StringIndex::kNotFound) return numbers_[id];
  key_.assign(kTermNumberPrefix).append(term);
  std::uint32_t number = decode_number(db_.get_metadata(key_));
  if (number == kNoTermNumber) {
    if (count_ == kNoTermNumber - 1) return kNoTermNumber;
    number = count_++;
    count_changed_ = true;
    std::string stored;
    put_varint(number, &stored);
    db_.set_metadata(key_, stored);
  }
  if (known_.size() >= max_remembered_) {
    known_.clear();
    numbers_.clear();
  }
  known_.insert(term);
  numbers_.push_back(number);
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

#include "vocabulary.h"

#include "metadata_keys.h"

#include <algorithm>

namespace treatysearch::core {

namespace {

void sort_unique(std::vector<std::string>* items) {
  std::sort(items->begin(), items->end());
  items->erase(std::unique(items->begin(), items->end()), items->end());
}

}  // namespace

std::string Vocabulary::entry_key(std::string_view key, std::string_view term) {
  std::string entry;
  entry.reserve(key.size() + term.size() + 2);
  entry.push_back(kPrefix);
  entry.append(key);
  entry.push_back('\0');
  entry.append(term);
  return entry;
}

void Vocabulary::add(Xapian::WritableDatabase& db, std::string_view key, std::string_view term) {
  db.set_metadata(entry_key(key, term), kPresent);
}

std::vector<std::string> Vocabulary::terms_of(std::string_view key) const {
  if (const auto known = terms_read_.find(key); known != terms_read_.end()) return known->second;
  std::string prefix = entry_key(key, "");
  std::vector<std::string> terms;
  for (const Xapian::Database& shard : shards_)
    visit_metadata_keys(shard, backend_, prefix, [&](const std::string& entry) {
      terms.push_back(entry.substr(prefix.size()));
      return true;
    });
  if (shards_.size() > 1) sort_unique(&terms);
  terms_read_.emplace(key, terms);
  return terms;
}

std::vector<std::string> Vocabulary::keys_with_prefix(std::string_view prefix,
                                                      std::size_t max_entries, bool* cut) const {
  const std::string start = std::string(1, kPrefix).append(prefix);
  std::vector<std::string> keys;
  for (const Xapian::Database& shard : shards_) {
    std::size_t read = 0;
    visit_metadata_keys(shard, backend_, start, [&](const std::string& entry) {
      if (++read > max_entries) {
        if (cut) *cut = true;
        return false;
      }
      const std::size_t end = entry.find('\0', 1);
      if (end == std::string::npos) return true;  // not an entry: no term
      std::string_view key(entry.data() + 1, end - 1);
      if (keys.empty() || keys.back() != key) keys.emplace_back(key);
      return true;
    });
  }
  sort_unique(&keys);
  return keys;
}

}  // namespace treatysearch::core

// A shard's documents as Xapian holds them, read from its posting lists and values: indexes are
// built without term lists (search/core/tombstones.h), so Document::termlist_begin() cannot.
// Header-only, for tests that compare or damage shards.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>

namespace treatysearch::testing {

// Value slots of a passage (schema.h and result_values.h use 0 to 9).
inline constexpr Xapian::valueno kLastSlot = 9;

// Every document of `db` by id: its terms with their wdfs, and its values.
inline std::map<Xapian::docid, Xapian::Document> shard_documents(const Xapian::Database& db) {
  std::map<Xapian::docid, Xapian::Document> docs;
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term)
    for (auto post = db.postlist_begin(*term); post != db.postlist_end(*term); ++post)
      docs[*post].add_term(*term, post.get_wdf());
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    const Xapian::Document stored = db.get_document(*id);
    Xapian::Document& doc = docs[*id];
    for (Xapian::valueno slot = 0; slot <= kLastSlot; ++slot)
      if (const std::string value = stored.get_value(slot); !value.empty())
        doc.add_value(slot, value);
  }
  return docs;
}

// Everything Xapian holds for one shard, as comparable text: "meta <key>" for each metadata entry,
// "doc <id>" for each document (its terms with their wdfs, and its values).
inline std::map<std::string, std::string> shard_contents(const Xapian::Database& db) {
  std::map<std::string, std::string> out;
  for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key)
    out["meta " + *key] = db.get_metadata(*key);
  for (const auto& [id, doc] : shard_documents(db)) {
    std::string terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      terms += *t + "/" + std::to_string(t.get_wdf()) + " ";
    std::string values;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      values += std::to_string(v.get_valueno()) + "=" + *v + " ";
    out["doc " + std::to_string(id)] = terms + "\n" + values;
  }
  return out;
}

// Rewrites the shard folder `shard` with Xapian's term lists, the same documents under the same
// ids and the same metadata, so that a test can replace and delete documents in it as damage
// from outside would.
inline void give_term_lists(const std::string& shard) {
  const std::string copy = shard + ".with-term-lists";
  {
    const Xapian::Database source(shard);
    Xapian::WritableDatabase target(copy, Xapian::DB_CREATE);
    for (auto& [id, doc] : shard_documents(source)) target.replace_document(id, doc);
    for (auto key = source.metadata_keys_begin(); key != source.metadata_keys_end(); ++key)
      target.set_metadata(*key, source.get_metadata(*key));
    target.commit();
  }
  std::filesystem::remove_all(shard);
  std::filesystem::rename(copy, shard);
}

}  // namespace treatysearch::testing

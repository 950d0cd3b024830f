#include "index_writer.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "document_builder.h"
#include "schema.h"
#include "schema_check.h"
#include "treatysearch/error.h"
#include "treatysearch/version.h"
#include "xapian_errors.h"

namespace treatysearch::ingest {

namespace fs = std::filesystem;
namespace schema = core::schema;

namespace {

// Xapian 1.4 also flushes every XAPIAN_FLUSH_THRESHOLD documents (default 10,000). Passages are
// small, so that would commit far too often; we commit by analysed bytes instead. The variable
// is read when a WritableDatabase opens; a value the user set is respected.
void raise_document_flush_threshold() { setenv("XAPIAN_FLUSH_THRESHOLD", "100000000", 0); }

void write_schema(Xapian::WritableDatabase& db) {
  db.set_metadata(schema::kSchemaKey, std::to_string(kSchemaVersion));
  db.set_metadata(schema::kAnalyzerKey, core::kAnalyzerId);
}

std::set<std::string> split_languages(const std::string& s) {
  std::set<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.insert(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Creates a new index at `dir` through a temporary sibling renamed into place once committed.
void create_index(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir.parent_path().empty() ? fs::path(".") : dir.parent_path(), ec);
  if (ec)
    throw Error(ErrorCode::kIo, dir.string() + ": cannot create parent folder: " + ec.message());
  const fs::path tmp = dir.string() + ".tmp-" + std::to_string(getpid());
  fs::remove_all(tmp, ec);
  {
    Xapian::WritableDatabase db(tmp.string(), Xapian::DB_CREATE);
    write_schema(db);
    db.commit();
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    fs::remove_all(tmp);
    // Another writer may have created it meanwhile: then open that one.
    if (!fs::is_directory(dir))
      throw Error(ErrorCode::kIo, dir.string() + ": cannot create index: " + ec.message());
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& dir, std::uint64_t flush_bytes)
    : dir_(dir), flush_bytes_(flush_bytes) {
  raise_document_flush_threshold();
  try {
    std::error_code ec;
    if (!fs::exists(dir_, ec)) create_index(dir_);
    else if (!fs::is_directory(dir_, ec))
      throw Error(ErrorCode::kInvalidArgument, dir_ + ": exists and is not an index folder");
    else if (fs::is_empty(dir_, ec)) {
      fs::remove(dir_, ec);
      create_index(dir_);
    }
    db_ = Xapian::WritableDatabase(dir_, Xapian::DB_OPEN);
    core::check_index_schema(db_, dir_);
    languages_ = split_languages(db_.get_metadata(schema::kLanguagesKey));
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, dir_);
  }
}

IndexWriter::~IndexWriter() {
  try {
    commit();
  } catch (...) {
    // Destructors must not throw; callers that care call commit() themselves.
  }
}

void IndexWriter::fail(const Xapian::Error& e) { core::throw_translated(e, dir_); }

std::optional<core::FileRecord> IndexWriter::file_record(const std::string& file_key) {
  try {
    const std::string bytes = db_.get_metadata(schema::kFileRecordPrefix + file_key);
    core::FileRecord record;
    if (bytes.empty() || !core::decode_file(bytes, &record)) return std::nullopt;
    return record;
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

std::vector<std::pair<std::string, core::FileRecord>> IndexWriter::file_records() {
  std::vector<std::pair<std::string, core::FileRecord>> out;
  try {
    const std::string prefix = schema::kFileRecordPrefix;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
      core::FileRecord record;
      if (core::decode_file(db_.get_metadata(*it), &record))
        out.emplace_back((*it).substr(prefix.size()), std::move(record));
    }
  } catch (const Xapian::Error& e) {
    fail(e);
  }
  return out;
}

void IndexWriter::replace_file(const std::string& file_key, const core::FileRecord& record,
                               const DocumentInfo& info, std::vector<Xapian::Document>&& passages,
                               std::uint64_t analysed_bytes) {
  try {
    const auto old = file_record(file_key);
    const std::size_t old_count = old ? old->passages : 0;
    for (std::size_t i = 0; i < passages.size(); ++i) {
      if (i < old_count)
        db_.replace_document(DocumentBuilder::id_term(file_key, i), passages[i]);
      else
        db_.add_document(passages[i]);
    }
    for (std::size_t i = passages.size(); i < old_count; ++i)
      db_.delete_document(DocumentBuilder::id_term(file_key, i));
    db_.set_metadata(schema::kDocInfoPrefix + file_key, core::encode_document(info));
    db_.set_metadata(schema::kFileRecordPrefix + file_key, core::encode_file(record));
    if (!info.language.empty() && languages_.insert(info.language).second)
      languages_changed_ = true;
  } catch (const Xapian::Error& e) {
    fail(e);
  }
  pending_bytes_ += analysed_bytes;
}

void IndexWriter::add_variants(const std::set<std::pair<std::string, std::string>>& variants) {
  try {
    std::string key;
    for (const auto& [surface, term] : variants) {
      key.assign(surface).append(1, '\0').append(term);
      if (!variants_added_.insert(key).second) continue;
      db_.add_synonym(surface, term);
    }
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

void IndexWriter::update_record(const std::string& file_key, const core::FileRecord& record) {
  try {
    db_.set_metadata(schema::kFileRecordPrefix + file_key, core::encode_file(record));
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

void IndexWriter::remove_file(const std::string& file_key) {
  try {
    db_.delete_document(schema::kFilePrefix + file_key);
    db_.set_metadata(schema::kFileRecordPrefix + file_key, "");
    db_.set_metadata(schema::kDocInfoPrefix + file_key, "");
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

void IndexWriter::write_languages() {
  std::string joined;
  for (const auto& language : languages_) joined += (joined.empty() ? "" : " ") + language;
  db_.set_metadata(schema::kLanguagesKey, joined);
  languages_changed_ = false;
}

void IndexWriter::maybe_commit() {
  if (pending_bytes_ >= flush_bytes_) commit();
}

void IndexWriter::commit() {
  try {
    if (languages_changed_) write_languages();
    db_.commit();
    pending_bytes_ = 0;
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

}  // namespace treatysearch::ingest

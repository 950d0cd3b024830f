#include "index_writer.h"

#include <cstdlib>
#include <stdexcept>

#include "document_builder.h"
#include "position_list.h"
#include "schema.h"
#include "tombstones.h"
#include "treatysearch/error.h"
#include "vocabulary.h"
#include "xapian_errors.h"

namespace treatysearch::ingest {

// refusal_reason() names what the segment writer refuses by Xapian's limits.
static_assert(PassageLimits::kMaxTermBytes == GlassSegmentWriter::kMaxTermBytes,
              "two different term limits for one Xapian limit");

namespace schema = core::schema;

namespace {

DocumentHookForTesting& document_hook() {
  static DocumentHookForTesting hook;
  return hook;
}

std::size_t& dictionary_sample_bytes() {
  static std::size_t bytes = kDictionarySampleBytes;
  return bytes;
}

// The dictionary a shard's records are compressed with, if it has one. Throws Xapian errors.
std::shared_ptr<const core::RecordDictionary> shard_dictionary(const Xapian::Database& db) {
  const std::string current = db.get_metadata(core::kCurrentDictionaryKey);
  if (current.empty()) return nullptr;
  const auto id = static_cast<std::uint32_t>(std::strtoul(current.c_str(), nullptr, 10));
  return core::RecordDictionary::from_bytes(db.get_metadata(core::dictionary_key(id)));
}

// Why Xapian refused one of `passages`, when its own message cannot say: under DB_DANGEROUS a
// refused document makes Xapian call cancel(), which it does not support there, and the
// "cancel() not supported" error replaces the real one. The checks are those Xapian makes.
std::string refusal_reason(const std::vector<PassageDocument>& passages) {
  for (std::size_t i = 0; i < passages.size(); ++i) {
    for (const auto& [term, wdf] : passages[i].terms()) {
      if (term.size() > PassageLimits::kMaxTermBytes)
        return "passage " + std::to_string(i + 1) + " has a term of " +
               std::to_string(term.size()) + " bytes, over Xapian's limit of " +
               std::to_string(PassageLimits::kMaxTermBytes);
    }
    const std::size_t data = passages[i].value(schema::kRecordSlot).size();
    if (data > PassageLimits::kMaxRecordBytes)
      return "passage " + std::to_string(i + 1) + " has a record of " + std::to_string(data) +
             " bytes, over the limit of " + std::to_string(PassageLimits::kMaxRecordBytes);
  }
  return {};
}

}  // namespace

void set_document_hook_for_testing(DocumentHookForTesting hook) {
  document_hook() = std::move(hook);
}

void set_dictionary_sample_bytes_for_testing(std::size_t bytes) {
  dictionary_sample_bytes() = bytes == 0 ? kDictionarySampleBytes : bytes;
}

IndexWriter::IndexWriter(const std::string& shard_dir, const std::string& index_dir,
                         std::uint64_t flush_bytes, WriteMode mode,
                         std::size_t segment_memory_bytes)
    : index_dir_(index_dir),
      mode_(mode),
      term_list_(core::has_term_list(shard_dir)),
      flush_bytes_(flush_bytes) {
  int flags = mode == WriteMode::kBulk ? Xapian::DB_OPEN | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC
                                       : Xapian::DB_OPEN;
  // Xapian opens a shard without a term list only when told (it would look for the table).
  if (!term_list_) flags |= Xapian::DB_NO_TERMLIST;
  try {
    db_ = Xapian::WritableDatabase(shard_dir, flags);
    commit_number_ = std::strtoull(db_.get_metadata(schema::kCommitKey).c_str(), nullptr, 10);
    numbering_.emplace(db_);
    dictionary_ = shard_dictionary(db_);
    sampling_ = !dictionary_;
    db_.begin_transaction();
    if (mode == WriteMode::kBulk && !term_list_ && flushes_per_segment() > 0)
      segments_.emplace(shard_dir, db_.get_lastdocid() + 1, kShardBlockBytes, segment_memory_bytes);
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

Xapian::docid IndexWriter::next_docid() const {
  return segments_ ? segments_->next_docid() : db_.get_lastdocid() + 1;
}

IndexWriter::~IndexWriter() {
  if (failed_) return;  // never commit what a failure left half-written
  try {
    commit_numbered();
  } catch (...) {
    // Destructors must not throw; callers that care call commit() themselves.
  }
}

void IndexWriter::mark_failed() noexcept {
  // Nothing more is written or committed. Under kSafe, Xapian already dropped the uncommitted
  // changes when it refused an addition, replacement or deletion (its own cancel()), so the
  // shard stays at its last commit. Under kBulk it cannot, and ShardPool throws the unpublished
  // folder away.
  failed_ = true;
}

void IndexWriter::fail(const Xapian::Error& e) {
  mark_failed();
  core::throw_translated(e, index_dir_);
}

void IndexWriter::fail_segments(const std::exception& e) {
  mark_failed();
  throw Error(ErrorCode::kIo, index_dir_ + ": cannot write the new index: " + e.what());
}

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
                               const DocumentInfo& info, std::vector<PassageDocument>&& passages,
                               std::uint64_t analysed_bytes) {
  if (failed_) throw Error(ErrorCode::kInternal, index_dir_ + ": writer used after a failure");
  try {
    const auto old = file_record(file_key);
    const std::size_t old_count = old ? old->passages : 0;
    // Without a term list the old passages cannot be replaced: they are marked dead, and the new
    // ones carry their version's term (tombstones.h).
    std::string version;
    if (!term_list_) version = supersede(file_key, old_count, next_docid());
    const auto number_of = [this](std::string_view term) { return numbering_->number_of(term); };
    for (std::size_t i = 0; i < passages.size(); ++i) {
      // The analysis threads name the terms (they do not know the shard); the shard's numbers
      // replace them here (position_list.h, version 3). A sequence (version 4) is never stored:
      // one that cannot be numbered is spelled out (version 2).
      const std::string_view listed = passages[i].value(schema::kPositionsSlot);
      if (!listed.empty() && core::number_position_list(listed, number_of, &numbered_)) {
        passages[i].set_value(schema::kPositionsSlot, numbered_);
      } else if (core::is_position_sequence(listed)) {
        if (!core::spell_position_list(listed, &numbered_)) {
          mark_failed();  // the analysis made what it cannot read: nothing more is written
          throw Error(ErrorCode::kInternal,
                      file_key + ": a passage's position sequence does not decode");
        }
        passages[i].set_value(schema::kPositionsSlot, numbered_);
      }
      compress_record(&passages[i]);
      if (!version.empty()) passages[i].add_boolean_term(version);
      if (document_hook()) document_hook()(file_key, passages[i]);
      if (segments_)
        segments_->add(passages[i]);
      else if (!term_list_ || i >= old_count)
        db_.add_document(passages[i].to_xapian());
      else
        db_.replace_document(schema::id_term(file_key, i), passages[i].to_xapian());
    }
    if (term_list_)
      for (std::size_t i = passages.size(); i < old_count; ++i)
        db_.delete_document(schema::id_term(file_key, i));
    db_.set_metadata(schema::kDocInfoPrefix + file_key, core::encode_document(info));
    db_.set_metadata(schema::kFileRecordPrefix + file_key, core::encode_file(record));
    changed_ = true;
    if (sampling_ && sampled_bytes_ >= dictionary_sample_bytes()) train_dictionary();
  } catch (const std::invalid_argument& e) {
    // A build segment refused a passage (glass_segment_writer.h): the checks Xapian makes.
    mark_failed();
    const std::string reason = refusal_reason(passages);
    const std::string file = record.display_path.empty() ? file_key : record.display_path;
    throw Error(ErrorCode::kInvalidArgument,
                file + ": cannot be written to the index: " + (reason.empty() ? e.what() : reason));
  } catch (const Xapian::Error& e) {
    // Name the file, and the real reason where Xapian's message lost it.
    mark_failed();
    const std::string reason = refusal_reason(passages);
    const std::string file = record.display_path.empty() ? file_key : record.display_path;
    if (!reason.empty())
      throw Error(ErrorCode::kInvalidArgument,
                  file + ": cannot be written to the index: " + reason);
    if (mode_ == WriteMode::kBulk && e.get_type() == std::string("InvalidOperationError"))
      throw Error(ErrorCode::kIo, file +
                                      ": cannot be written to the new index: Xapian refused it "
                                      "and, writing unsynced, could not say why (" +
                                      e.get_msg() + ")");
    try {
      core::throw_translated(e, index_dir_);
    } catch (const Error& translated) {
      throw Error(translated.code(),
                  file + ": cannot be written to the index: " + translated.what());
    }
  }
  pending_bytes_ += analysed_bytes;
}

void IndexWriter::compress_record(PassageDocument* passage) {
  if (dictionary_) {
    passage->set_value(schema::kRecordSlot,
                       dictionary_->compress(passage->value(schema::kRecordSlot)));
  } else if (sampling_) {
    samples_.emplace_back(passage->value(schema::kRecordSlot));
    sampled_bytes_ += samples_.back().size();
  }
}

void IndexWriter::train_dictionary() {
  // The records written so far stay raw; the dictionary is stored in the transaction that
  // first uses it, so no commit has records without their dictionary.
  dictionary_ = core::RecordDictionary::train(samples_);
  samples_ = {};
  sampling_ = false;
  if (!dictionary_) return;  // zstd could not: this run stores its records raw
  db_.set_metadata(core::dictionary_key(dictionary_->id()), dictionary_->bytes());
  db_.set_metadata(core::kCurrentDictionaryKey, std::to_string(dictionary_->id()));
}

void IndexWriter::add_variants(const std::vector<std::pair<std::string, std::string>>& variants) {
  try {
    std::string key;
    for (const auto& [surface, term] : variants) {
      key.assign(surface).append(1, '\0').append(term);
      bool added = false;
      variants_added_.insert(key, &added);
      if (!added) continue;
      core::Vocabulary::add(db_, surface, term);
      changed_ = true;
    }
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

void IndexWriter::update_record(const std::string& file_key, const core::FileRecord& record) {
  try {
    db_.set_metadata(schema::kFileRecordPrefix + file_key, core::encode_file(record));
    changed_ = true;
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

std::string IndexWriter::supersede(const std::string& file_key, std::uint64_t old_count,
                                   Xapian::docid live) {
  const std::optional<core::Tombstone> before = core::read_tombstone(db_, file_key);
  if (old_count == 0 && !before) return {};  // the file's first version: nothing to leave out
  core::Tombstone after{file_key, live, old_count};
  if (before) {
    after.dead += before->dead;
    db_.set_metadata(before->key(), "");  // an empty value deletes the key
  }
  db_.set_metadata(after.key(), "1");
  return live == 0 ? std::string() : core::version_term(file_key, live);
}

void IndexWriter::remove_file(const std::string& file_key) {
  try {
    if (term_list_) {
      db_.delete_document(schema::file_term(file_key));
    } else {
      const auto old = file_record(file_key);
      supersede(file_key, old ? old->passages : 0, 0);
    }
    db_.set_metadata(schema::kFileRecordPrefix + file_key, "");
    db_.set_metadata(schema::kDocInfoPrefix + file_key, "");
    changed_ = true;
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

void IndexWriter::set_languages(const std::string& space_separated) {
  try {
    if (db_.get_metadata(schema::kLanguagesKey) != space_separated) {
      db_.set_metadata(schema::kLanguagesKey, space_separated);
      changed_ = true;
    }
  } catch (const Xapian::Error& e) {
    fail(e);
  }
}

void IndexWriter::commit_numbered() {
  // Without changes Xapian makes no new revision: nor does the number change (a new revision
  // would also expire readers' snapshots sooner).
  if (segments_) segments_->commit();
  numbering_->record_count();
  if (changed_) db_.set_metadata(schema::kCommitKey, std::to_string(commit_number_ + 1));
  db_.commit_transaction();
  if (changed_) ++commit_number_;
  changed_ = false;
}

void IndexWriter::maybe_commit() {
  if (pending_bytes_ >= flush_bytes_) commit();
}

void IndexWriter::commit() {
  if (failed_) throw Error(ErrorCode::kInternal, index_dir_ + ": writer used after a failure");
  try {
    commit_numbered();  // a flushed transaction: this is the commit
    pending_bytes_ = 0;
    db_.begin_transaction();
  } catch (const Xapian::Error& e) {
    fail(e);
  } catch (const std::exception& e) {  // a build segment that could not be written
    fail_segments(e);
  }
}

void IndexWriter::finish_build() {
  commit();
  if (!segments_) return;
  try {
    segments_->finish();
  } catch (const std::exception& e) {
    fail_segments(e);
  }
}

}  // namespace treatysearch::ingest

// The writer of one shard of an index (shard_pool.h spreads files over shards): per-file
// replacement, file records for change detection, spelling variants, and commits bounded by
// memory. Not thread-safe: one thread at a time.
//
// Only commit() commits. Xapian 1.4 also commits by itself every XAPIAN_FLUSH_THRESHOLD changed
// documents (10,000 unless that environment variable says otherwise; no API sets it), which
// would publish part of a batch, even part of a file, between our commits. Inside a transaction
// it does not: glass then only writes the pending postings into its tables, as new blocks that
// no revision refers to yet (GlassWritableDatabase::check_flush_threshold applies a revision
// only when no transaction is active). So the writer keeps one flushed transaction open from
// each commit to the next (begin_transaction() in the constructor and after each commit), and
// the library never touches the process environment.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "build_segments.h"
#include "passage_document.h"
#include "passage_record.h"
#include "record_compression.h"
#include "string_index.h"
#include "term_numbers.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

// How a shard is written.
enum class WriteMode {
  // Every commit is durable (fsync) and copy-on-write: a crash at any point leaves the last
  // commit intact. For indexes that searchers may already be using.
  kSafe,
  // For a new index built in a private temporary folder that nobody reads until it is
  // published (shard_pool.cc): blocks are updated in place and commits are not synced
  // (Xapian's DB_DANGEROUS | DB_NO_SYNC). A crash leaves a folder that must be thrown away,
  // which is all a temporary folder is; the publisher syncs every file before the rename.
  kBulk,
};

// The B-tree block size of new shards (and of their compacted form and build segments). Xapian
// reads a block per pread: 8 KiB blocks (its default) made a facet count over a frequent phrase,
// which streams every candidate's position list, a third kernel time. 32 KiB on the 200 MB
// benchmark corpus: that count 33 -> 22 ms, long phrases 5-8 % faster, words unchanged, index
// 2 % smaller; 64 KiB was no faster there and slower for the lookups of a page of hits.
inline constexpr int kShardBlockBytes = 32768;

// Tests only: called with each passage document of a file just before it is written, so a test
// can make the writer refuse a document that the checks before the writer would have stopped
// (document_builder.h). Set it while no writer is running; empty by default.
using DocumentHookForTesting = std::function<void(const std::string& file_key, PassageDocument&)>;
void set_document_hook_for_testing(DocumentHookForTesting hook);

// How many bytes of raw passage records a shard's writer samples before it trains the shard's
// record dictionary (record_compression.h): kDictionarySampleBytes unless a test sets another
// (0: the default again). Set it while no writer is running. Measured on 5,000 real paragraphs
// of decisions: a dictionary trained on 0.56 MB of them compresses within 1.5% of one trained
// on 3.9 MB, and a small sample leaves few records raw in a small index.
inline constexpr std::size_t kDictionarySampleBytes = 512u << 10;
void set_dictionary_sample_bytes_for_testing(std::size_t bytes);

class IndexWriter {
 public:
  // Opens the shard at `shard_dir` (which must exist; index_layout.h creates them) for
  // writing; `index_dir` names the index in messages. A new index's writer holds at most
  // `segment_memory_bytes` of passages in its open build segment (build_segments.h: the shard's
  // share of kSegmentsMemoryBytes). Throws Error: kLocked, kCorrupt, kIo.
  IndexWriter(const std::string& shard_dir, const std::string& index_dir, std::uint64_t flush_bytes,
              WriteMode mode, std::size_t segment_memory_bytes = kSegmentsMemoryBytes);
  ~IndexWriter();

  std::optional<core::FileRecord> file_record(const std::string& file_key);
  // Every indexed file: (file key, record).
  std::vector<std::pair<std::string, core::FileRecord>> file_records();

  // Replaces all passages of a file with `passages` (Q-term keyed), records its DocumentInfo
  // and FileRecord. `analysed_bytes` counts toward the flush threshold. The passages must be
  // within PassageLimits (document_builder.h). If Xapian still refuses them, throws an Error
  // naming the file (record.display_path) and the reason, and the writer is failed: nothing
  // more is written (kSafe: Xapian dropped the uncommitted changes, the shard stays at its last
  // commit; kBulk: Xapian cannot roll back, so the new index is thrown away by ShardPool).
  void replace_file(const std::string& file_key, const core::FileRecord& record,
                    const DocumentInfo& info, std::vector<PassageDocument>&& passages,
                    std::uint64_t analysed_bytes);
  // Adds (surface, E-term) spelling variants and (Z<stem>, term) entries to the vocabulary
  // (vocabulary.h; each pair once per run).
  void add_variants(const std::vector<std::pair<std::string, std::string>>& variants);

  // Records a file whose content did not change (new mtime).
  void update_record(const std::string& file_key, const core::FileRecord& record);
  void remove_file(const std::string& file_key);

  // Records the languages present (kept in the first shard, read by searchers).
  void set_languages(const std::string& space_separated);

  // Commits if the bytes analysed since the last commit reached the flush threshold.
  void maybe_commit();
  void commit();
  // The last commit of a new index before it is published: commit(), and the passages still
  // held for its build segments written out (build_segments.h). Throws Error kIo when they
  // cannot be, and the writer is failed.
  void finish_build();

 private:
  [[noreturn]] void fail(const Xapian::Error& e);
  // The same for a build segment that could not be written (kIo).
  [[noreturn]] void fail_segments(const std::exception& e);
  // Compresses a passage's record with the shard's dictionary, or samples it to train one.
  void compress_record(PassageDocument* passage);
  // Trains the shard's dictionary from the samples and records it. Throws Xapian errors.
  void train_dictionary();
  // Commits the transaction under the next commit number (schema::kCommitKey). Throws Xapian
  // errors.
  void commit_numbered();
  // Refuses every later write and commit (the destructor's included).
  void mark_failed() noexcept;
  // In a shard without a term list: records that the file's `old_count` passages are dead and
  // its live version starts at docid `live` (0: the file is removed), unless this is the file's
  // first version (tombstones.h). Returns the term the live version's passages must carry
  // (empty: none). Throws Xapian errors.
  std::string supersede(const std::string& file_key, std::uint64_t old_count, Xapian::docid live);
  // The document id the next added passage gets.
  Xapian::docid next_docid() const;

  std::string index_dir_;
  WriteMode mode_;
  bool term_list_;  // the shard has Xapian's term list; without one, updates leave tombstones
  bool failed_ = false;
  std::uint64_t flush_bytes_;
  std::uint64_t pending_bytes_ = 0;
  Xapian::WritableDatabase db_;
  // A new index without term lists: where its passages go until it is published (the metadata
  // stays in db_).
  std::optional<BuildSegments> segments_;
  std::optional<core::TermNumbering> numbering_;  // of db_, once it is open
  std::string numbered_;                          // reused: a passage's numbered position list
  // The shard's record dictionary once it has one; until then, the raw records sampled to
  // train it (after a failed training, none: this run stores its records raw).
  std::shared_ptr<const core::RecordDictionary> dictionary_;
  std::vector<std::string> samples_;
  std::size_t sampled_bytes_ = 0;
  bool sampling_ = true;
  core::StringIndex variants_added_;  // vocabulary entries already written (surface \0 term)
  std::uint64_t commit_number_ = 0;   // of the shard's last commit
  bool changed_ = false;              // written to since the last commit
};

}  // namespace treatysearch::ingest

// Writes the build segments of a new index (build_segments.h) straight in Xapian 1.4's glass
// format, from posting lists kept in memory, without Xapian::Document or WritableDatabase: about
// half the CPU of a build went to Xapian's writer (its Inverter's maps, B-tree updates at every
// commit). Xapian's compactor still writes the final shard, reading these segments through its
// own code, so what is written here is exactly what Xapian itself would hold.
//
// The database written is what
//   Xapian::WritableDatabase(dir, Xapian::DB_CREATE | Xapian::DB_NO_TERMLIST, block_bytes)
// holds after replace_document(id, doc) of the same documents at the same ids and a commit:
// the same posting lists (term frequency, collection frequency, wdfs) cut into the same chunks,
// document lengths (the sum of a document's wdfs), values and value statistics (frequency, lower
// and upper bound of each slot), database statistics (document count, last docid, total length,
// document length bounds, wdf upper bound); no metadata, document data, term lists, positions,
// spelling or synonyms. Chunks matter beyond correctness: the compactor copies them as they are
// into the final index, where skip_to() goes chunk by chunk.
//
// The B-tree is written as a fully compacted table is (full blocks, in key order, block after
// block), since build segments are read once, from start to end, by the compactor.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "string_index.h"

namespace treatysearch::ingest {

// Not thread-safe (one writer per thread). Holds every posting and value given to it until
// finish(): about 2 to 3 bytes a posting plus ~100 bytes a distinct term (memory_bytes()).
class GlassSegmentWriter {
 public:
  // The largest term Xapian accepts (MAX_SAFE_TERM_LENGTH).
  static constexpr std::size_t kMaxTermBytes = 245;
  // A term's zero bytes are doubled in its keys, which must fit in 255 bytes with a separator
  // and a docid of up to 5 bytes: a term longer than this once zero bytes count twice is refused
  // too (Xapian would refuse it at commit when its posting list runs to a second chunk).
  static constexpr std::size_t kMaxEscapedTermBytes = 255 - 1 - 5;

  using Term = std::pair<std::string_view, Xapian::termcount>;
  using Value = std::pair<Xapian::valueno, std::string_view>;

  // `dir` must not exist yet: finish() creates it. The first document gets id `first_docid`
  // (>= 1). `block_bytes`: the B-tree block size, a power of 2 from 2048 to 65536 (the index uses
  // 32768). Throws std::invalid_argument for a bad docid or block size.
  GlassSegmentWriter(std::string dir, Xapian::docid first_docid, unsigned block_bytes);
  ~GlassSegmentWriter();
  GlassSegmentWriter(const GlassSegmentWriter&) = delete;
  GlassSegmentWriter& operator=(const GlassSegmentWriter&) = delete;

  // Adds a document with id next_docid(): `terms` with their wdfs (0 for a boolean term), each
  // term at most once, in any order; `values` (slot, value), each slot at most once. The views
  // need only live for the call. A document may have neither terms nor values: it still exists
  // (with length 0), as in Xapian.
  // Throws std::invalid_argument naming the term (or slot) for an empty term, one over
  // kMaxTermBytes (or kMaxEscapedTermBytes escaped), a term or slot given twice, or an empty
  // value; std::length_error when the docids run out. On a throw the writer is as it was
  // before the call (the next document gets the id this one would have had).
  void add_document(std::span<const Term> terms, std::span<const Value> values);

  Xapian::docid next_docid() const { return first_docid_ + static_cast<Xapian::docid>(documents_); }
  std::size_t documents() const { return documents_; }
  // Roughly the bytes held (postings, values, the term table).
  std::size_t memory_bytes() const;

  // Writes the database into `dir` (created here; nothing is synced: build segments are thrown
  // away after a crash). With no documents the database is valid and empty (last docid 0, as
  // Xapian's would be). Once only; add_document() is not allowed after it. Throws
  // std::system_error or std::runtime_error naming the path on I/O failure (or when `dir`
  // exists), after removing what it had written of `dir`.
  void finish();

 private:
  // One posting list or value stream being encoded in Xapian's chunk format, chunk after chunk,
  // as documents come: the bytes of every chunk except its header, which is written at finish()
  // when the list's totals and each chunk's last docid are known.
  struct ChunkEnd {
    std::uint32_t end;  // offset in `bytes` after the chunk's last entry
    Xapian::docid first;
    Xapian::docid last;
  };
  struct Stream {
    std::string bytes;
    std::vector<ChunkEnd> closed;  // every chunk but the last
    std::uint32_t chunk_start = 0;
    Xapian::docid chunk_first = 0;
    Xapian::docid last = 0;
    Xapian::doccount count = 0;
    std::uint64_t last_call = 0;  // the add_document() that last named it (duplicate check)
  };
  struct TermList {
    Stream stream;
    Xapian::termcount collection_freq = 0;
  };
  struct Slot {
    Xapian::valueno slot;
    Stream stream;
    std::string lower;
    std::string upper;
  };

  static void append_posting(Stream& list, Xapian::docid did, Xapian::termcount wdf);
  static void append_value(Stream& list, Xapian::docid did, std::string_view value);
  Slot& slot(Xapian::valueno number);
  void write_tables();

  std::string dir_;
  Xapian::docid first_docid_;
  unsigned block_bytes_;
  std::size_t documents_ = 0;
  std::uint64_t calls_ = 0;
  bool finished_ = false;

  core::StringIndex term_ids_;
  std::vector<TermList> terms_;  // by term id
  Stream doclens_;               // document lengths: a posting list of its own
  std::vector<Slot> slots_;      // few: found by a linear search
  std::size_t key_bytes_ = 0;    // of the distinct terms
  std::size_t stream_bytes_ = 0;

  Xapian::termcount doclen_lower_ = 0;  // smallest non-zero length
  Xapian::termcount doclen_upper_ = 0;
  Xapian::termcount wdf_upper_ = 0;
  Xapian::totallength total_length_ = 0;

  std::vector<std::uint32_t> scratch_ids_;  // this document's term ids
};

}  // namespace treatysearch::ingest

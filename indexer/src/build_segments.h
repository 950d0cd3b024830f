// A new index's passages, written while it is built into a run of small glass databases
// ("segments") beside their shard instead of into the shard itself, and merged into the shard by
// the compaction that publishes the build (shard_pool.cc).
//
// Why: Xapian 1.4's writer was half of a build's CPU. Its inverter keeps a std::map of terms,
// each with a std::map of documents, and every commit merges each touched term's new postings
// into the last chunk of its posting list, reading and rewriting B-tree blocks, dearer as the
// table grows. A segment is instead written whole, once, by our own writer
// (glass_segment_writer.h) from posting lists it appends to in memory, in the format Xapian's
// compaction reads; that compaction, which a new index gets anyway, merges the segments into the
// shard with Xapian's own code (tools/bench/README.md has the measurements).
//
// Only for a new index without term lists (WriteMode::kBulk): nobody reads the build before it is
// published, and a crash throws the whole build folder away, segments included. Document ids run
// on across the segments (each passage is written at the next id), so the merge keeps them
// (DBCOMPACT_NO_RENUMBER) and the tombstones written during the build (tombstones.h) stay right.
// Every metadata entry stays in the shard: segments hold passages only, so the merge has no
// duplicate keys to resolve.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "glass_segment_writer.h"
#include "passage_document.h"

namespace treatysearch::ingest {

// Flushes per segment: 16 flushes of 512 KiB, 8 MiB of text. Fewer passages per segment make the
// final merge read more sources (and leave more partly filled chunks: the compaction copies each
// segment's chunks as they are); more hold more memory until the segment is written.
inline constexpr unsigned kFlushesPerSegment = 16;

// What the open build segments of all the shards of a build may hold in memory together
// (GlassSegmentWriter::memory_bytes()): a shard's segment is written out once it holds its
// flushes or its share of this, whichever comes first. 16 flushes count about 14 MB on the
// benchmark corpus, so with up to 9 shards the flushes decide; with more shards, each holds less
// and writes more, smaller segments (32 shards on the 200 MB corpus held 600 MiB without this).
inline constexpr std::size_t kSegmentsMemoryBytes = std::size_t{128} << 20;

// Flushes per segment of the writers made from now on: kFlushesPerSegment unless a test set
// another; 0: no segments, a new index's passages go into its shards themselves.
unsigned flushes_per_segment();
// Tests only: sets flushes_per_segment() (0: no segments). Set it while no writer runs.
void set_flushes_per_segment_for_testing(unsigned flushes);

// How many databases compact_shard() may merge at once when `parallel` shards are compacted
// together: each open glass database holds a few file descriptors, and a build of gigabytes has
// dozens of segments per shard, so a quarter of the process's descriptor limit is shared out
// among the compactions (2 to 256 each). A test may fix it (0: computed again).
std::size_t max_merge_sources(unsigned parallel);
void set_max_merge_sources_for_testing(std::size_t sources);

// The passages a shard's writer adds during a build. Not thread-safe: its writer's thread only.
class BuildSegments {
 public:
  // Segments of `shard_dir` are "<shard_dir>.seg1", ".seg2"...; the first passage gets document
  // id `first_docid`. `block_bytes` is the B-tree block size of the segments. A segment is
  // written out once it holds its flushes or `memory_bytes` (its shard's share of
  // kSegmentsMemoryBytes).
  BuildSegments(std::string shard_dir, Xapian::docid first_docid, int block_bytes,
                std::size_t memory_bytes);
  ~BuildSegments();

  // The id the next passage gets.
  Xapian::docid next_docid() const { return next_docid_; }

  // Adds `passage` at next_docid() to the open segment, opening one if none is, and writes the
  // segment out if that brings it to its memory share. Throws std::invalid_argument naming a
  // term or value the segment refuses (then nothing of the passage is added, and it does not
  // take an id), and as finish() does.
  void add(const PassageDocument& passage);

  // A flush of the shard's writer: once the open segment holds its flushes, writes it out.
  // Throws as finish() does.
  void commit();

  // Writes the open segment out, whatever it holds: the build is about to be published. Throws
  // std::system_error or std::runtime_error naming the path when it cannot (the build cannot
  // be published then).
  void finish();

 private:
  std::string shard_dir_;
  Xapian::docid next_docid_;
  int block_bytes_;
  std::size_t memory_bytes_;
  unsigned flushes_per_segment_ = flushes_per_segment();  // when the writer was made
  unsigned segments_ = 0;                                 // begun so far
  unsigned flushes_in_open_ = 0;                          // flushes of the open segment
  // The open segment: its passages in memory until finish() writes it (glass_segment_writer.h).
  std::unique_ptr<GlassSegmentWriter> open_;
  std::vector<GlassSegmentWriter::Value> values_;  // reused: a passage's values as views
};

// The segments written beside `shard_dir`, in order.
std::vector<std::string> build_segments_of(const std::string& shard_dir);

// Rewrites the shard at `shard_dir` compactly (full blocks of `block_bytes`, Xapian's FULL
// compaction), with its segments merged in and then removed, keeping document ids. Merges at most
// `max_sources` databases at once (each open database holds a few file descriptors), in rounds
// when there are more; at least 2. Throws Xapian errors and std::filesystem errors; on a throw
// the folder holds partial output that only the abandoned build's removal clears.
void compact_shard(const std::string& shard_dir, int block_bytes, std::size_t max_sources);

}  // namespace treatysearch::ingest

// A new index's passages, written while it is built into a run of small Xapian databases
// ("segments") beside their shard instead of into the shard itself, and merged into the shard by
// the compaction that publishes the build (shard_pool.cc).
//
// Why: Xapian 1.4's commit merges each touched term's new postings into the last chunk of that
// term's posting list, reading and rewriting B-tree blocks, and the larger the table the more
// blocks each commit reads: on the 200 MB benchmark corpus a 512 KiB flush cost 38 ms of commit
// in the first quarter of a build and 53 ms in the last. A segment only ever holds a few flushes,
// so its commits stay as cheap as the first ones, and the compaction a new index gets anyway
// merges the segments in the same pass (tools/bench/README.md has the measurements).
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
#include <optional>
#include <string>
#include <vector>

namespace treatysearch::ingest {

// Commits per segment: 16 flushes of 512 KiB, 8 MiB of text. Fewer passages per segment make the
// final merge read more sources; more make the segments' commits dearer again.
inline constexpr unsigned kFlushesPerSegment = 16;

// Commits per segment of the writers made from now on: kFlushesPerSegment unless a test set
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
  // id `first_docid`. `block_bytes` is the B-tree block size of the segments.
  BuildSegments(std::string shard_dir, Xapian::docid first_docid, int block_bytes);

  // The id the next passage gets.
  Xapian::docid next_docid() const { return next_docid_; }

  // Writes `passage` at next_docid(), opening a new segment if none is open. Throws Xapian
  // errors (the build is then thrown away: unsynced writing cannot roll back).
  void add(const Xapian::Document& passage);

  // Commits the open segment, if any, and closes it once it holds its flushes. Throws Xapian
  // errors.
  void commit();

 private:
  std::string shard_dir_;
  Xapian::docid next_docid_;
  int block_bytes_;
  unsigned flushes_per_segment_ = flushes_per_segment();  // when the writer was made
  unsigned segments_ = 0;                                 // created so far
  unsigned commits_in_open_ = 0;                          // commits of the open segment
  std::optional<Xapian::WritableDatabase> open_;
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

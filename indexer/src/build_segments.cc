#include "build_segments.h"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <utility>

namespace treatysearch::ingest {

namespace fs = std::filesystem;

namespace {

unsigned& flushes_setting() {
  static unsigned flushes = kFlushesPerSegment;
  return flushes;
}

std::size_t& max_sources_setting() {
  static std::size_t sources = 0;
  return sources;
}

// File descriptors one open source database of a merge may hold: glass opens the posting-list
// table (values included) and the document data table; the position, spelling and synonym
// tables only exist in the shard itself; two to spare.
constexpr std::size_t kDescriptorsPerSource = 4;
// The merges take a quarter of the process's descriptor limit; the rest is left to whatever else
// the process holds open (a server's sockets, other indexes).
constexpr std::size_t kShareOfDescriptorLimit = 4;

std::string segment_dir(const std::string& shard_dir, unsigned number) {
  return shard_dir + ".seg" + std::to_string(number);
}

// Compacts `sources` (disjoint document ids; metadata in the first only) into `out`.
void compact_into(const std::vector<std::string>& sources, const std::string& out,
                  int block_bytes) {
  Xapian::Database all;
  for (const std::string& source : sources) all.add_database(Xapian::Database(source));
  // FULL, not FULLER: FULLER leaves oversize items that later updates would have to split.
  all.compact(out, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL, block_bytes);
}

}  // namespace

unsigned flushes_per_segment() { return flushes_setting(); }

void set_flushes_per_segment_for_testing(unsigned flushes) { flushes_setting() = flushes; }

std::size_t max_merge_sources(unsigned parallel) {
  if (max_sources_setting() != 0) return max_sources_setting();
  rlimit limit{};
  std::size_t descriptors = 1024;  // Linux's usual soft limit, if the real one cannot be read
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    descriptors = static_cast<std::size_t>(limit.rlim_cur);
  const std::size_t each =
      descriptors / kShareOfDescriptorLimit / std::max(parallel, 1u) / kDescriptorsPerSource;
  return std::clamp<std::size_t>(each, 2, 256);
}

void set_max_merge_sources_for_testing(std::size_t sources) { max_sources_setting() = sources; }

BuildSegments::BuildSegments(std::string shard_dir, Xapian::docid first_docid, int block_bytes,
                             std::size_t memory_bytes)
    : shard_dir_(std::move(shard_dir)),
      next_docid_(first_docid),
      block_bytes_(block_bytes),
      memory_bytes_(memory_bytes) {}

BuildSegments::~BuildSegments() = default;

void BuildSegments::add(const PassageDocument& passage) {
  if (!open_) {
    open_ = std::make_unique<GlassSegmentWriter>(segment_dir(shard_dir_, ++segments_), next_docid_,
                                                 static_cast<unsigned>(block_bytes_));
    flushes_in_open_ = 0;
  }
  values_.clear();
  for (const auto& [slot, value] : passage.values()) values_.emplace_back(slot, value);
  // A refused passage leaves the segment as it was (glass_segment_writer.h).
  open_->add_document(passage.terms(), values_);
  ++next_docid_;
  if (open_->memory_bytes() >= memory_bytes_) finish();
}

void BuildSegments::commit() {
  if (!open_) return;
  if (++flushes_in_open_ >= flushes_per_segment_) finish();
}

void BuildSegments::finish() {
  if (!open_) return;
  // Reset whatever happens: a segment that could not be written fails the build, which is then
  // thrown away, segments and all.
  const std::unique_ptr<GlassSegmentWriter> open = std::move(open_);
  open->finish();
}

std::vector<std::string> build_segments_of(const std::string& shard_dir) {
  std::vector<std::string> segments;
  std::error_code ec;
  for (unsigned n = 1; fs::exists(segment_dir(shard_dir, n), ec); ++n)
    segments.push_back(segment_dir(shard_dir, n));
  return segments;
}

void compact_shard(const std::string& shard_dir, int block_bytes, std::size_t max_sources) {
  max_sources = std::max<std::size_t>(max_sources, 2);
  std::vector<std::string> segments = build_segments_of(shard_dir);
  // Merge groups of segments until they and the shard fit in one merge: each round divides
  // their number by max_sources.
  unsigned merges = 0;
  while (segments.size() + 1 > max_sources) {
    std::vector<std::string> merged;
    for (std::size_t first = 0; first < segments.size(); first += max_sources) {
      const std::size_t last = std::min(segments.size(), first + max_sources);
      const std::vector<std::string> group(segments.begin() + first, segments.begin() + last);
      if (group.size() == 1) {
        merged.push_back(group.front());
        continue;
      }
      merged.push_back(shard_dir + ".merge" + std::to_string(++merges));
      compact_into(group, merged.back(), block_bytes);
      for (const std::string& source : group) fs::remove_all(source);
    }
    segments = std::move(merged);
  }
  std::vector<std::string> sources{shard_dir};
  sources.insert(sources.end(), segments.begin(), segments.end());
  const std::string compacted = shard_dir + ".compact";
  compact_into(sources, compacted, block_bytes);
  for (const std::string& source : sources) fs::remove_all(source);
  fs::rename(compacted, shard_dir);
}

}  // namespace treatysearch::ingest

// One B-tree table file of a glass database (Xapian 1.4's format), written in one pass from
// entries given in key order, and the version file ("iamglass") that says where the tables'
// roots are: the storage half of GlassSegmentWriter (glass_segment_writer.h).
//
// The table is laid out as Xapian's compactor lays out a fully compacted one: leaf blocks filled
// as far as the next item allows, numbered in key order from block 0, then the branch levels
// above them, the root last; no free blocks, so the free list is empty. The version file marks
// the table "sequential", which lets readers step from leaf to leaf by block number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::ingest::glass {

// What the version file records of a written table.
struct TableRoot {
  std::uint32_t root = 0;     // block number of the root
  unsigned level = 0;         // levels above the leaves
  std::uint64_t entries = 0;  // keys (a tag split over several items counts once)
  std::uint32_t blocks = 0;   // blocks in the file (the free list's "first unused block")
  bool empty = true;          // no entries: the file is empty and the root is "faked"
};

// Not thread-safe. Owns the file it creates. Throws std::system_error (naming the file) on I/O
// failure, std::invalid_argument for a bad block size or a key out of order or too long.
class BtreeWriter {
 public:
  // Creates `path`, which must not exist. `block_bytes`: a power of 2 from 2048 to 65536.
  BtreeWriter(std::string path, unsigned block_bytes);
  ~BtreeWriter();
  BtreeWriter(const BtreeWriter&) = delete;
  BtreeWriter& operator=(const BtreeWriter&) = delete;

  // Adds an entry; keys 1 to 255 bytes, each greater than the one before in byte order.
  void add(std::string_view key, std::string_view tag);
  // Writes what is left (the last leaf, the branch levels) and closes the file. Once only.
  TableRoot finish();

 private:
  // A block one level up must point to: its number, and the key that separates it from the
  // block before it (unused for the first block of a level).
  struct Child {
    std::uint32_t block;
    std::uint16_t component;
    std::string key;
  };

  void add_item(std::string_view key, unsigned component, bool last, std::string_view piece);
  void start_leaf();
  void finish_leaf();
  // Writes the level above `children` and returns the children of the level above that.
  std::vector<Child> write_branch_level(const std::vector<Child>& children, unsigned level);
  void write_block(const unsigned char* block);
  void flush_output();

  std::string path_;
  int fd_ = -1;
  unsigned block_bytes_;
  unsigned max_item_bytes_;  // the largest item, so that at least 4 fit in a block

  std::vector<unsigned char> leaf_;  // the leaf being filled
  unsigned dir_end_ = 0;             // end of its directory of item offsets
  unsigned items_start_ = 0;         // its items fill the block from the end down to here
  std::uint32_t leaf_block_ = 0;
  bool leaf_has_items_ = false;
  std::string last_key_;  // key of the last item added (to separate it from the next leaf)

  std::vector<Child> leaves_;
  std::uint64_t entries_ = 0;
  std::uint32_t next_block_ = 0;
  std::vector<unsigned char> output_;  // blocks waiting for one write()
  bool finished_ = false;
};

// Database statistics stored in the version file (GlassVersion's).
struct DatabaseStats {
  std::uint32_t doccount = 0;
  std::uint32_t last_docid = 0;
  std::uint32_t doclen_lower_bound = 0;  // smallest non-zero document length
  std::uint32_t doclen_upper_bound = 0;
  std::uint32_t wdf_upper_bound = 0;
  std::uint64_t total_length = 0;
};

// Writes `dir`/iamglass for a database at revision 1 whose only table is the postlist table
// `postlist` (every other table absent or empty). Throws std::system_error naming the file.
void write_version_file(const std::string& dir, unsigned block_bytes, const TableRoot& postlist,
                        const DatabaseStats& stats);

}  // namespace treatysearch::ingest::glass

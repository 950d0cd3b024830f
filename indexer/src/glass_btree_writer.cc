#include "glass_btree_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "glass_encoding.h"
#include "write_all.h"

namespace treatysearch::ingest::glass {
namespace {

// A block (glass_table.h, glass_table.cc): a header of revision (4 bytes), level (1: 0 for
// leaves), "max free" (2: the gap between the directory and the items), "total free" (2) and the
// end of the directory (2); then the directory, one 2-byte offset per item in key order; the items
// at the end of the block. All numbers big-endian.
constexpr unsigned kDirStart = 11;
constexpr unsigned kOffsetBytes = 2;
// Every block of our tables is written at the database's only revision.
constexpr std::uint32_t kRevision = 1;
// A leaf item: its size less 3 in 2 bytes whose top 3 bits are flags (compressed, last piece of
// its tag, first piece), the key's length (1 byte), the key, the piece's number (2 bytes; absent
// from the first piece, which is number 1), the piece of the tag.
constexpr unsigned kLastBit = 0x40;
constexpr unsigned kFirstBit = 0x20;
constexpr unsigned kLeafItemOverhead = 3;  // size and key length
constexpr unsigned kComponentBytes = 2;
constexpr unsigned kMaxItemBytes = 0x1fff + 3;
// A branch item: the child's block number (4 bytes), the key's length, the key, the number of the
// tag piece the key starts (2 bytes). The first item of a branch block has an empty key.
constexpr unsigned kBranchItemOverhead = 4 + 1 + 2;
// Xapian sizes items so that at least this many fit in a block (GlassTable::set_max_item_size).
constexpr unsigned kItemsPerBlock = 4;
constexpr std::size_t kMaxKeyBytes = 255;
// Xapian's cursors hold at most this many levels (BTREE_CURSOR_LEVELS).
constexpr unsigned kMaxLevels = 10;
constexpr std::size_t kOutputBytes = std::size_t{1} << 20;

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

int create_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw_errno("cannot create " + path);
  return fd;
}

void write_or_throw(int fd, const void* data, std::size_t size, const std::string& path) {
  if (!write_all(fd, {static_cast<const char*>(data), size})) throw_errno("cannot write " + path);
}

void close_file(int fd, const std::string& path) {
  if (::close(fd) != 0) throw_errno("cannot write " + path);
}

// Fills in the header of a block whose items are packed against its end, as a compacted block
// is: all its free space is the one gap after the directory.
void finish_block(unsigned char* block, unsigned level, unsigned dir_end, unsigned items_start) {
  const unsigned free_bytes = items_start - dir_end;
  std::memset(block + dir_end, 0, free_bytes);
  store_u32(block, kRevision);
  block[4] = static_cast<unsigned char>(level);
  store_u16(block + 5, free_bytes);
  store_u16(block + 7, free_bytes);
  store_u16(block + 9, dir_end);
}

}  // namespace

BtreeWriter::BtreeWriter(std::string path, unsigned block_bytes)
    : path_(std::move(path)), block_bytes_(block_bytes) {
  if (block_bytes < 2048 || block_bytes > 65536 || (block_bytes & (block_bytes - 1)) != 0)
    throw std::invalid_argument("glass block size must be a power of 2 from 2048 to 65536, not " +
                                std::to_string(block_bytes));
  max_item_bytes_ = std::min(
      (block_bytes - kDirStart - kItemsPerBlock * kOffsetBytes) / kItemsPerBlock, kMaxItemBytes);
  leaf_.resize(block_bytes_);
  output_.reserve(kOutputBytes + block_bytes_);
  fd_ = create_file(path_);
  start_leaf();
  leaves_.push_back({leaf_block_, 0, {}});
  // Every table's first leaf starts with an item of empty key (what GlassTable::read_root
  // fakes for a new table): cursors start from it, and it is not an entry.
  items_start_ -= kLeafItemOverhead;
  unsigned char* item = leaf_.data() + items_start_;
  item[0] = kFirstBit | kLastBit;
  item[1] = 0;
  item[2] = 0;
  store_u16(leaf_.data() + dir_end_, items_start_);
  dir_end_ += kOffsetBytes;
}

BtreeWriter::~BtreeWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void BtreeWriter::add(std::string_view key, std::string_view tag) {
  if (finished_) throw std::logic_error("BtreeWriter::add after finish");
  if (key.empty() || key.size() > kMaxKeyBytes)
    throw std::invalid_argument("glass key of " + std::to_string(key.size()) +
                                " bytes (1 to 255 allowed)");
  if (entries_ > 0 && !(std::string_view(last_key_) < key))
    throw std::invalid_argument("glass keys out of order in " + path_);

  // How GlassTable::add splits a tag that does not fit in one item, for a new key in full
  // compaction: pieces of the largest size, but the first one sized to fill the current leaf
  // when that saves an item or leaves room for at least a key and a little.
  const std::size_t item_overhead = key.size() + kLeafItemOverhead + kComponentBytes;
  const std::size_t piece_max = max_item_bytes_ - item_overhead;
  std::size_t first_piece = piece_max + kComponentBytes;  // the first piece has no number
  if (tag.size() <= first_piece) {
    first_piece = tag.size();
  } else {
    std::size_t room = (items_start_ - dir_end_) % (max_item_bytes_ + kOffsetBytes);
    if (room > kOffsetBytes + item_overhead) {
      room -= kOffsetBytes + item_overhead;
      const std::size_t last_piece = (tag.size() - kComponentBytes) % piece_max;
      if (room >= last_piece || room >= key.size() + 34) first_piece = room + kComponentBytes;
    }
  }
  const std::size_t pieces = (tag.size() - first_piece + piece_max - 1) / piece_max + 1;
  if (pieces >= 65536)
    throw std::invalid_argument("glass tag of " + std::to_string(tag.size()) + " bytes too large");

  std::size_t offset = 0;
  for (std::size_t i = 1; i <= pieces; ++i) {
    const std::size_t length =
        i == pieces ? tag.size() - offset : (i == 1 ? first_piece : piece_max);
    add_item(key, static_cast<unsigned>(i), i == pieces, tag.substr(offset, length));
    offset += length;
  }
  ++entries_;
}

void BtreeWriter::add_item(std::string_view key, unsigned component, bool last,
                           std::string_view piece) {
  const bool first = component == 1;
  const unsigned size = static_cast<unsigned>(kLeafItemOverhead + key.size() +
                                              (first ? 0 : kComponentBytes) + piece.size());
  if (items_start_ - dir_end_ < size + kOffsetBytes) {
    finish_leaf();
    start_leaf();
    // The key the level above separates this leaf with (GlassTable::enter_key_above_leaf): the
    // shortest start of its first key that is greater than the last key of the leaf before.
    std::size_t length = 0;
    const std::size_t common = std::min(key.size(), last_key_.size());
    while (length < common && key[length] == last_key_[length]) ++length;
    if (length < key.size()) ++length;
    leaves_.push_back(
        {leaf_block_, static_cast<std::uint16_t>(component), std::string(key.substr(0, length))});
  }
  items_start_ -= size;
  unsigned char* item = leaf_.data() + items_start_;
  store_u16(item, ((first ? kFirstBit : 0u) | (last ? kLastBit : 0u)) << 8 | (size - 3));
  item[2] = static_cast<unsigned char>(key.size());
  std::memcpy(item + 3, key.data(), key.size());
  unsigned at = kLeafItemOverhead + static_cast<unsigned>(key.size());
  if (!first) {
    store_u16(item + at, component);
    at += kComponentBytes;
  }
  if (!piece.empty()) std::memcpy(item + at, piece.data(), piece.size());
  store_u16(leaf_.data() + dir_end_, items_start_);
  dir_end_ += kOffsetBytes;
  if (first) last_key_.assign(key);
}

void BtreeWriter::start_leaf() {
  leaf_block_ = next_block_++;
  dir_end_ = kDirStart;
  items_start_ = block_bytes_;
}

void BtreeWriter::finish_leaf() {
  finish_block(leaf_.data(), 0, dir_end_, items_start_);
  write_block(leaf_.data());
}

std::vector<BtreeWriter::Child> BtreeWriter::write_branch_level(const std::vector<Child>& children,
                                                                unsigned level) {
  std::vector<Child> parents;
  std::vector<unsigned char> block(block_bytes_);
  unsigned dir_end = kDirStart;
  unsigned items_start = block_bytes_;
  std::size_t first_child = 0;
  const auto close_block = [&] {
    finish_block(block.data(), level, dir_end, items_start);
    // Blocks are numbered in the order they are written: leaves first, then each level.
    parents.push_back({next_block_++, children[first_child].component, children[first_child].key});
    write_block(block.data());
    dir_end = kDirStart;
    items_start = block_bytes_;
  };
  for (std::size_t i = 0; i < children.size(); ++i) {
    // A branch block's first key is never compared (everything below the block is above the
    // key that leads to it), so Xapian stores it empty, as the compactor leaves it.
    bool first_in_block = dir_end == kDirStart;
    if (!first_in_block &&
        items_start - dir_end < kBranchItemOverhead + children[i].key.size() + kOffsetBytes) {
      close_block();
      first_child = i;
      first_in_block = true;
    }
    const std::string_view key = first_in_block ? std::string_view() : children[i].key;
    const unsigned size = kBranchItemOverhead + static_cast<unsigned>(key.size());
    items_start -= size;
    unsigned char* item = block.data() + items_start;
    store_u32(item, children[i].block);
    item[4] = static_cast<unsigned char>(key.size());
    if (!key.empty()) std::memcpy(item + 5, key.data(), key.size());
    store_u16(item + 5 + key.size(), first_in_block ? 0 : children[i].component);
    store_u16(block.data() + dir_end, items_start);
    dir_end += kOffsetBytes;
  }
  close_block();
  return parents;
}

void BtreeWriter::write_block(const unsigned char* block) {
  output_.insert(output_.end(), block, block + block_bytes_);
  if (output_.size() >= kOutputBytes) flush_output();
}

void BtreeWriter::flush_output() {
  write_or_throw(fd_, output_.data(), output_.size(), path_);
  output_.clear();
}

TableRoot BtreeWriter::finish() {
  if (finished_) throw std::logic_error("BtreeWriter::finish called twice");
  finished_ = true;
  TableRoot root;
  if (entries_ > 0) {
    finish_leaf();
    std::vector<Child> level_blocks = std::move(leaves_);
    while (level_blocks.size() > 1) {
      if (++root.level >= kMaxLevels)
        throw std::length_error("glass table " + path_ + " would need too many levels");
      level_blocks = write_branch_level(level_blocks, root.level);
    }
    flush_output();
    root.root = level_blocks.front().block;
    root.entries = entries_;
    root.blocks = next_block_;
    root.empty = false;
  }
  const int fd = std::exchange(fd_, -1);
  close_file(fd, path_);
  return root;
}

void write_version_file(const std::string& dir, unsigned block_bytes, const TableRoot& postlist,
                        const DatabaseStats& stats) {
  // GlassVersion::write: magic, format version (1.4's glass: 2016-03-14), a UUID, the revision,
  // the root of each table, the statistics.
  std::string file("\x0f\x0dXapian Glass\x04\x6e", 16);
  std::random_device random;
  unsigned char uuid[16];
  for (std::size_t i = 0; i < sizeof uuid; i += 4) store_u32(uuid + i, random());
  uuid[6] = static_cast<unsigned char>((uuid[6] & 0x0f) | 0x40);  // version 4 (random)
  uuid[8] = static_cast<unsigned char>((uuid[8] & 0x3f) | 0x80);  // RFC 4122 variant
  file.append(reinterpret_cast<const char*>(uuid), sizeof uuid);
  append_uint(file, kRevision);

  // Tables in glass_defs.h's order, with the size from which each compresses its tags
  // (glass_version.cc: none for postlist and position tables, 18 bytes for the others).
  constexpr unsigned kCompressMin[] = {0, 18, 18, 0, 18, 18};  // postlist, docdata, termlist,
                                                               // position, spelling, synonym
  for (unsigned table = 0; table < std::size(kCompressMin); ++table) {
    // RootInfo::serialise: root block, level << 2 | sequential << 1 | root faked, entries,
    // block size / 2048, compress_min, the free list (revision, first unused block, then the
    // read and write cursors, all zero for an empty list).
    if (table == 0 && !postlist.empty) {
      append_uint(file, postlist.root);
      append_uint(file, postlist.level << 2 | 2u);
      append_uint(file, postlist.entries);
      append_uint(file, block_bytes >> 11);
      append_uint(file, kCompressMin[table]);
      std::string free_list;
      append_uint(free_list, kRevision);
      append_uint(free_list, postlist.blocks);
      free_list.append(4, '\0');
      append_string(file, free_list);
    } else {
      append_uint(file, 0);
      append_uint(file, 3);
      append_uint(file, 0);
      append_uint(file, block_bytes >> 11);
      append_uint(file, kCompressMin[table]);
      append_string(file, {});
    }
  }
  // GlassVersion::serialise_stats: some as differences, which encode shorter.
  append_uint(file, stats.doccount);
  append_uint(file, stats.last_docid - stats.doccount);
  append_uint(file, stats.doclen_lower_bound);
  append_uint(file, stats.wdf_upper_bound);
  append_uint(file, stats.doclen_upper_bound - stats.wdf_upper_bound);
  append_uint(file, 0);  // oldest changeset
  append_uint(file, stats.total_length);
  append_uint(file, 0);  // spelling word frequency upper bound

  const std::string path = dir + "/iamglass";
  const int fd = create_file(path);
  try {
    write_or_throw(fd, file.data(), file.size(), path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  close_file(fd, path);
}

}  // namespace treatysearch::ingest::glass

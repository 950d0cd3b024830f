#include "glass_segment_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <system_error>

#include "glass_btree_writer.h"
#include "glass_encoding.h"

namespace treatysearch::ingest {
namespace {

namespace fs = std::filesystem;

// Xapian cuts posting lists (glass_postlist.cc, CHUNKSIZE) and value streams (glass_values.cc,
// CHUNK_SIZE_THRESHOLD) into chunks of about this many bytes: a chunk is closed by the first
// entry that brings it to this size or more.
constexpr std::size_t kChunkBytes = 2000;

// A term for a message: printable as it is, unless it holds control bytes.
std::string describe(std::string_view term) {
  std::string out = "\"";
  for (const char c : term) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[static_cast<unsigned char>(c) >> 4];
      out += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

GlassSegmentWriter::GlassSegmentWriter(std::string dir, Xapian::docid first_docid,
                                       unsigned block_bytes)
    : dir_(std::move(dir)), first_docid_(first_docid), block_bytes_(block_bytes) {
  if (first_docid == 0) throw std::invalid_argument("GlassSegmentWriter: docids start at 1");
  if (block_bytes < 2048 || block_bytes > 65536 || (block_bytes & (block_bytes - 1)) != 0)
    throw std::invalid_argument("GlassSegmentWriter: block size " + std::to_string(block_bytes) +
                                " is not a power of 2 from 2048 to 65536");
}

GlassSegmentWriter::~GlassSegmentWriter() = default;

std::size_t GlassSegmentWriter::memory_bytes() const {
  // Sizes, not capacities: growth slack makes the truth up to about twice the streams' part.
  return stream_bytes_ + key_bytes_ + terms_.capacity() * sizeof(TermList) + term_ids_.size() * 40 +
         slots_.capacity() * sizeof(Slot);
}

void GlassSegmentWriter::add_document(std::span<const Term> terms, std::span<const Value> values) {
  if (finished_) throw std::logic_error("GlassSegmentWriter::add_document after finish()");
  if (std::uint64_t{first_docid_} + documents_ > std::numeric_limits<Xapian::docid>::max())
    throw std::length_error("GlassSegmentWriter: no docid left after " +
                            std::to_string(next_docid() - 1));
  const Xapian::docid did = next_docid();

  // Everything that can be refused is checked before anything changes.
  for (const auto& [term, wdf] : terms) {
    if (term.empty()) throw std::invalid_argument("empty term in document " + std::to_string(did));
    if (term.size() > kMaxTermBytes)
      throw std::invalid_argument("term of " + std::to_string(term.size()) + " bytes (over " +
                                  std::to_string(kMaxTermBytes) + "): " + describe(term));
    if (glass::escaped_term_length(term) > kMaxEscapedTermBytes)
      throw std::invalid_argument("term too long once its zero bytes are escaped: " +
                                  describe(term));
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].second.empty())
      throw std::invalid_argument("empty value in slot " + std::to_string(values[i].first) +
                                  " (Xapian stores no empty values)");
    for (std::size_t j = 0; j < i; ++j)
      if (values[j].first == values[i].first)
        throw std::invalid_argument("value slot " + std::to_string(values[i].first) +
                                    " given twice in document " + std::to_string(did));
  }
  // A term given twice is found by marking each term with this call; a new term the call
  // then refuses stays in the table with no posting, and finish() skips it.
  ++calls_;
  scratch_ids_.clear();
  for (const auto& [term, wdf] : terms) {
    bool added = false;
    const std::uint32_t id = term_ids_.insert(term, &added);
    if (added) {
      terms_.emplace_back();
      key_bytes_ += term.size();
    }
    Stream& list = terms_[id].stream;
    if (list.last_call == calls_)
      throw std::invalid_argument("term given twice in document " + std::to_string(did) + ": " +
                                  describe(term));
    list.last_call = calls_;
    scratch_ids_.push_back(id);
  }

  std::size_t appended = 0;
  Xapian::termcount length = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const Xapian::termcount wdf = terms[i].second;
    TermList& list = terms_[scratch_ids_[i]];
    const std::size_t before = list.stream.bytes.size();
    append_posting(list.stream, did, wdf);
    appended += list.stream.bytes.size() - before;
    list.collection_freq += wdf;
    length += wdf;
    wdf_upper_ = std::max(wdf_upper_, wdf);
  }
  // Every document has a length entry, terms or not: it is how Xapian knows the document exists.
  const std::size_t doclens_before = doclens_.bytes.size();
  append_posting(doclens_, did, length);
  appended += doclens_.bytes.size() - doclens_before;
  if (length != 0 && (doclen_lower_ == 0 || length < doclen_lower_)) doclen_lower_ = length;
  doclen_upper_ = std::max(doclen_upper_, length);
  total_length_ += length;

  for (const auto& [number, value] : values) {
    Slot& values_of = slot(number);
    const std::size_t before = values_of.stream.bytes.size();
    append_value(values_of.stream, did, value);
    appended += values_of.stream.bytes.size() - before;
    if (values_of.stream.count == 1) {
      values_of.lower = value;
      values_of.upper = value;
    } else if (value < std::string_view(values_of.lower)) {
      values_of.lower = value;
    } else if (value > std::string_view(values_of.upper)) {
      values_of.upper = value;
    }
  }
  stream_bytes_ += appended;
  ++documents_;
}

// A posting in glass_postlist.cc's chunk format: the wdf alone for a chunk's first entry, else
// the docid's increase less 1, then the wdf. A chunk already holding kChunkBytes or more is
// closed by the next posting, which starts a new one (PostlistChunkWriter::append).
void GlassSegmentWriter::append_posting(Stream& list, Xapian::docid did, Xapian::termcount wdf) {
  if (list.count == 0) {
    list.chunk_first = did;
  } else if (list.bytes.size() - list.chunk_start >= kChunkBytes) {
    list.closed.push_back(
        {static_cast<std::uint32_t>(list.bytes.size()), list.chunk_first, list.last});
    list.chunk_start = static_cast<std::uint32_t>(list.bytes.size());
    list.chunk_first = did;
  } else {
    glass::append_uint(list.bytes, did - list.last - 1);
  }
  glass::append_uint(list.bytes, wdf);
  list.last = did;
  ++list.count;
}

// A value in glass_values.cc's chunk format: the value (length, bytes) alone for a chunk's first
// entry, else the docid's increase less 1, then the value. The entry that brings a chunk to
// kChunkBytes or more closes it (ValueUpdater::append_to_stream).
void GlassSegmentWriter::append_value(Stream& list, Xapian::docid did, std::string_view value) {
  if (list.bytes.size() == list.chunk_start)
    list.chunk_first = did;
  else
    glass::append_uint(list.bytes, did - list.last - 1);
  glass::append_string(list.bytes, value);
  list.last = did;
  ++list.count;
  if (list.bytes.size() - list.chunk_start >= kChunkBytes) {
    list.closed.push_back({static_cast<std::uint32_t>(list.bytes.size()), list.chunk_first, did});
    list.chunk_start = static_cast<std::uint32_t>(list.bytes.size());
  }
}

GlassSegmentWriter::Slot& GlassSegmentWriter::slot(Xapian::valueno number) {
  for (Slot& s : slots_)
    if (s.slot == number) return s;
  slots_.push_back(Slot{number, {}, {}, {}});
  return slots_.back();
}

void GlassSegmentWriter::finish() {
  if (finished_) throw std::logic_error("GlassSegmentWriter::finish called twice");
  finished_ = true;
  std::error_code error;
  if (!fs::create_directory(dir_, error)) {
    if (error) throw std::system_error(error, "cannot create build segment " + dir_);
    throw std::runtime_error("cannot create build segment " + dir_ + ": it exists already");
  }
  try {
    write_tables();
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
    throw;
  }
}

namespace {

// Writes one posting list (a term's, or the document lengths when `first_key` is the doclen
// key) in glass_postlist.cc's chunks: the first chunk's key is the term's and its header holds
// the term frequency, the collection frequency and the first docid less 1; a later chunk's key
// is `later_prefix` followed by its first docid. Every chunk's header then says whether it is the
// last and how far its last docid is beyond its first.
template <typename Chunks>
void write_postlist(glass::BtreeWriter& table, std::string_view first_key,
                    std::string_view later_prefix, Xapian::doccount termfreq,
                    Xapian::termcount collfreq, const std::string& bytes, const Chunks& chunks,
                    std::size_t chunk_count, std::string& key, std::string& tag) {
  std::uint32_t start = 0;
  for (std::size_t i = 0; i < chunk_count; ++i) {
    const auto chunk = chunks(i);
    tag.clear();
    if (i == 0) {
      glass::append_uint(tag, termfreq);
      glass::append_uint(tag, collfreq);
      glass::append_uint(tag, chunk.first - 1);
    } else {
      key.assign(later_prefix);
      glass::append_sortable_uint(key, chunk.first);
    }
    glass::append_bool(tag, i + 1 == chunk_count);
    glass::append_uint(tag, chunk.last - chunk.first);
    tag.append(bytes, start, chunk.end - start);
    table.add(i == 0 ? first_key : std::string_view(key), tag);
    start = chunk.end;
  }
}

}  // namespace

void GlassSegmentWriter::write_tables() {
  glass::BtreeWriter table(dir_ + "/postlist.glass", block_bytes_);
  std::string key;
  std::string tag;

  // The slots holding values, each with its key under `prefix` (the slot encoded by `encode`),
  // in the order of those keys, which is not numeric order.
  const auto slots_by_key = [this](std::string_view prefix,
                                   void (*encode)(std::string&, std::uint64_t)) {
    std::vector<std::pair<std::string, const Slot*>> ordered;
    for (const Slot& s : slots_) {
      if (s.stream.count == 0) continue;
      std::string slot_key(prefix);
      encode(slot_key, s.slot);
      ordered.emplace_back(std::move(slot_key), &s);
    }
    std::sort(ordered.begin(), ordered.end());
    return ordered;
  };

  // Value statistics ("\0\xd0" + slot, its low bytes first): frequency, lower bound, and the
  // upper bound only if it differs (GlassValueManager::set_value_stats).
  for (const auto& [stats_key, s] :
       slots_by_key(glass::kValueStatsPrefix, glass::append_uint_last)) {
    tag.clear();
    glass::append_uint(tag, s->stream.count);
    glass::append_string(tag, s->lower);
    if (s->lower != s->upper) tag += s->upper;
    table.add(stats_key, tag);
  }

  // Value streams ("\0\xd8" + slot in pack_uint + first docid).
  const auto ordered = slots_by_key(glass::kValueChunkPrefix, glass::append_uint);
  for (const auto& [prefix, s] : ordered) {
    const Stream& stream = s->stream;
    std::uint32_t start = 0;
    const auto write_chunk = [&](std::uint32_t end, Xapian::docid first) {
      key.assign(prefix);
      glass::append_sortable_uint(key, first);
      table.add(key, std::string_view(stream.bytes).substr(start, end - start));
      start = end;
    };
    for (const ChunkEnd& chunk : stream.closed) write_chunk(chunk.end, chunk.first);
    if (stream.bytes.size() > stream.chunk_start)
      write_chunk(static_cast<std::uint32_t>(stream.bytes.size()), stream.chunk_first);
  }

  // Posting lists: each stream's closed chunks, then its open one.
  const auto chunks_of = [](const Stream& stream) {
    return [&stream](std::size_t i) {
      return i < stream.closed.size() ? stream.closed[i]
                                      : ChunkEnd{static_cast<std::uint32_t>(stream.bytes.size()),
                                                 stream.chunk_first, stream.last};
    };
  };
  // Document lengths first ("\0\xe0", later chunks "\0\xe0" + docid, no separator): Xapian
  // leaves the frequencies in their first chunk at 0.
  if (documents_ > 0)
    write_postlist(table, glass::kDoclenPrefix, glass::kDoclenPrefix, 0, 0, doclens_.bytes,
                   chunks_of(doclens_), doclens_.closed.size() + 1, key, tag);

  // Terms in byte order, which is the order of their escaped keys; a later chunk's key is the
  // escaped term, a zero byte, the docid.
  std::vector<std::uint32_t> ids;
  ids.reserve(terms_.size());
  for (std::uint32_t id = 0; id < terms_.size(); ++id)
    if (terms_[id].stream.count > 0) ids.push_back(id);
  std::sort(ids.begin(), ids.end(), [this](std::uint32_t a, std::uint32_t b) {
    return term_ids_.key(a) < term_ids_.key(b);
  });
  std::string first_key;
  std::string later_prefix;
  for (const std::uint32_t id : ids) {
    const TermList& list = terms_[id];
    first_key.clear();
    glass::append_escaped_term(first_key, term_ids_.key(id));
    later_prefix.assign(first_key);
    later_prefix.push_back('\0');
    write_postlist(table, first_key, later_prefix, list.stream.count, list.collection_freq,
                   list.stream.bytes, chunks_of(list.stream), list.stream.closed.size() + 1, key,
                   tag);
  }

  const glass::TableRoot root = table.finish();
  glass::DatabaseStats stats;
  stats.doccount = static_cast<std::uint32_t>(documents_);
  stats.last_docid = documents_ > 0 ? next_docid() - 1 : 0;
  stats.doclen_lower_bound = doclen_lower_;
  stats.doclen_upper_bound = doclen_upper_;
  stats.wdf_upper_bound = wdf_upper_;
  stats.total_length = total_length_;
  glass::write_version_file(dir_, block_bytes_, root, stats);

  // The lock file Xapian creates with every database (an empty file), so that the segment looks
  // like one to anything that checks.
  const std::string lock = dir_ + "/flintlock";
  const int fd = ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0 || ::close(fd) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot create " + lock);
}

}  // namespace treatysearch::ingest

#include "record_compression.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <stdexcept>

namespace treatysearch::core {

namespace {

// Fast to write (the indexer's writer thread compresses every record) and to read; the
// dictionary, not the level, makes the difference on records this small.
constexpr int kLevel = 3;

// One decompression context per thread, reused: a context is ~100 KB to set up.
ZSTD_DCtx* thread_dctx() {
  struct Holder {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    ~Holder() { ZSTD_freeDCtx(dctx); }
  };
  thread_local Holder holder;
  return holder.dctx;
}

}  // namespace

struct RecordDictionary::Zstd {
  ZSTD_CDict* cdict = nullptr;
  ZSTD_DDict* ddict = nullptr;
  ~Zstd() {
    ZSTD_freeCDict(cdict);
    ZSTD_freeDDict(ddict);
  }
};

std::string dictionary_key(std::uint32_t id) {
  return std::string(kCurrentDictionaryKey) + "." + std::to_string(id);
}

RecordDictionary::~RecordDictionary() = default;

std::shared_ptr<const RecordDictionary> RecordDictionary::from_bytes(std::string bytes) {
  const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) return nullptr;  // not a zstd dictionary (raw content has no id)
  std::shared_ptr<RecordDictionary> dictionary(new RecordDictionary);
  dictionary->bytes_ = std::move(bytes);
  dictionary->id_ = id;
  dictionary->zstd_ = std::make_unique<Zstd>();
  const std::string& b = dictionary->bytes_;
  dictionary->zstd_->cdict = ZSTD_createCDict(b.data(), b.size(), kLevel);
  dictionary->zstd_->ddict = ZSTD_createDDict(b.data(), b.size());
  if (!dictionary->zstd_->cdict || !dictionary->zstd_->ddict) return nullptr;
  return dictionary;
}

std::shared_ptr<const RecordDictionary> RecordDictionary::train(
    const std::vector<std::string>& samples, std::size_t capacity) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& sample : samples) {
    joined.append(sample);
    sizes.push_back(sample.size());
  }
  // zstd wants ten times the dictionary in samples at the least.
  std::string trained(std::min(capacity, joined.size() / 10), '\0');
  const std::size_t size = ZDICT_trainFromBuffer(trained.data(), trained.size(), joined.data(),
                                                 sizes.data(), static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return nullptr;
  trained.resize(size);
  return from_bytes(std::move(trained));
}

std::string RecordDictionary::compress(std::string_view record) const {
  std::string out(1 + ZSTD_compressBound(record.size()), '\0');
  out[0] = kCompressedRecordMarker;
  struct Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
  };
  thread_local Context context;  // one per thread, reused
  const std::size_t size = ZSTD_compress_usingCDict(context.cctx, out.data() + 1, out.size() - 1,
                                                    record.data(), record.size(), zstd_->cdict);
  if (ZSTD_isError(size))
    throw std::runtime_error(std::string("zstd cannot compress a record: ") +
                             ZSTD_getErrorName(size));
  out.resize(1 + size);
  return out;
}

bool RecordDictionary::decompress(std::string_view stored, std::string* record,
                                  std::size_t max_bytes) const {
  std::uint32_t id = 0;
  if (!is_compressed_record(stored, &id) || id != id_) return false;
  const std::string_view frame = stored.substr(1);
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > max_bytes)
    return false;
  record->resize(static_cast<std::size_t>(size));
  const std::size_t written = ZSTD_decompress_usingDDict(
      thread_dctx(), record->data(), record->size(), frame.data(), frame.size(), zstd_->ddict);
  return !ZSTD_isError(written) && written == size;
}

bool is_compressed_record(std::string_view stored, std::uint32_t* id) {
  if (stored.empty() || stored[0] != kCompressedRecordMarker) return false;
  *id = ZSTD_getDictID_fromFrame(stored.data() + 1, stored.size() - 1);
  return true;
}

}  // namespace treatysearch::core

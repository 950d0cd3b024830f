#include "passage_record.h"

#include "varint.h"

namespace treatysearch::core {

namespace {

constexpr char kPassageVersion = 4;  // 3: pages, 4: references
constexpr char kFileVersion = 1;
constexpr char kDocumentVersion = 2;  // 2: format, OCR, original language

void put_string(std::string_view s, std::string* out) { put_length_prefixed(s, out); }

// Reads fields from a byte string; after the first failure every read fails.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool varint(std::uint64_t* value) {
    if (ok_ && get_varint(bytes_, &pos_, value)) return true;
    *value = 0;
    return ok_ = false;
  }
  bool string(std::string* s) {
    std::uint64_t length;
    if (!varint(&length) || length > bytes_.size() - pos_) return ok_ = false;
    s->assign(bytes_.substr(pos_, length));
    pos_ += length;
    return true;
  }
  bool byte(char* c) {
    if (!ok_ || pos_ >= bytes_.size()) return ok_ = false;
    *c = bytes_[pos_++];
    return true;
  }
  bool ok() const { return ok_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string encode_passage(const PassageRecord& r) {
  std::string out;
  out.reserve(r.text.size() + r.citation.size() + r.section.size() + 64);
  out.push_back(kPassageVersion);
  put_string(r.file_key, &out);
  put_varint(r.ordinal, &out);
  put_varint(static_cast<std::uint8_t>(r.kind), &out);
  put_string(r.label, &out);
  put_string(r.citation, &out);
  put_string(r.section, &out);
  put_string(r.text, &out);
  put_string(r.parent, &out);
  put_string(r.language, &out);
  put_varint(r.footnotes.size(), &out);
  for (const auto& f : r.footnotes) put_string(f, &out);
  put_varint(r.first_page, &out);
  put_varint(r.last_page, &out);
  put_varint(r.references.size(), &out);
  for (const Reference& reference : r.references) {
    put_string(reference.symbol, &out);
    put_string(reference.label, &out);
    put_string(reference.document, &out);
    put_string(reference.grade, &out);
    out.push_back(reference.inferred ? 1 : 0);
  }
  return out;
}

bool decode_passage(std::string_view bytes, PassageRecord* r) {
  Reader in(bytes);
  char version;
  std::uint64_t ordinal = 0, kind = 0, count = 0;
  if (!in.byte(&version) || version != kPassageVersion) return false;
  in.string(&r->file_key);
  in.varint(&ordinal);
  in.varint(&kind);
  in.string(&r->label);
  in.string(&r->citation);
  in.string(&r->section);
  in.string(&r->text);
  in.string(&r->parent);
  in.string(&r->language);
  in.varint(&count);
  if (!in.ok() || count > bytes.size() || !schema::is_passage_kind(kind)) return false;
  r->footnotes.resize(count);
  for (auto& f : r->footnotes) in.string(&f);
  std::uint64_t first_page = 0, last_page = 0;
  in.varint(&first_page);
  in.varint(&last_page);
  if (first_page > last_page || last_page > UINT32_MAX) return false;
  in.varint(&count);
  if (!in.ok() || count > bytes.size()) return false;
  r->references.resize(count);
  for (Reference& reference : r->references) {
    char inferred = 0;
    in.string(&reference.symbol);
    in.string(&reference.label);
    in.string(&reference.document);
    in.string(&reference.grade);
    in.byte(&inferred);
    reference.inferred = inferred != 0;
  }
  r->first_page = static_cast<std::uint32_t>(first_page);
  r->last_page = static_cast<std::uint32_t>(last_page);
  r->ordinal = static_cast<std::uint32_t>(ordinal);
  r->kind = static_cast<schema::PassageKind>(kind);
  return in.ok();
}

std::string encode_file(const FileRecord& r) {
  std::string out;
  out.push_back(kFileVersion);
  put_string(r.path, &out);
  put_string(r.display_path, &out);
  put_varint(r.size, &out);
  put_varint(static_cast<std::uint64_t>(r.mtime_ns), &out);
  put_varint(r.content_hash, &out);
  put_varint(r.metadata_hash, &out);
  put_varint(r.passages, &out);
  return out;
}

bool decode_file(std::string_view bytes, FileRecord* r) {
  Reader in(bytes);
  char version;
  std::uint64_t mtime = 0, passages = 0;
  if (!in.byte(&version) || version != kFileVersion) return false;
  in.string(&r->path);
  in.string(&r->display_path);
  in.varint(&r->size);
  in.varint(&mtime);
  in.varint(&r->content_hash);
  in.varint(&r->metadata_hash);
  in.varint(&passages);
  r->mtime_ns = static_cast<std::int64_t>(mtime);
  r->passages = static_cast<std::uint32_t>(passages);
  return in.ok();
}

std::string encode_document(const DocumentInfo& d) {
  std::string out;
  out.push_back(kDocumentVersion);
  for (const std::string* field :
       {&d.source, &d.symbol, &d.title, &d.type, &d.committee, &d.state, &d.session, &d.date,
        &d.language, &d.format, &d.original_language})
    put_string(*field, &out);
  out.push_back(d.ocr ? 1 : 0);
  return out;
}

bool decode_document(std::string_view bytes, DocumentInfo* d) {
  Reader in(bytes);
  char version;
  if (!in.byte(&version) || version != kDocumentVersion) return false;
  for (std::string* field :
       {&d->source, &d->symbol, &d->title, &d->type, &d->committee, &d->state, &d->session,
        &d->date, &d->language, &d->format, &d->original_language})
    in.string(field);
  char ocr = 0;
  if (!in.byte(&ocr) || (ocr != 0 && ocr != 1)) return false;
  d->ocr = ocr == 1;
  return in.ok();
}

}  // namespace treatysearch::core

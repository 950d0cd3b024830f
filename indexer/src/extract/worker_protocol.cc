// The worker's answer as bytes. Layout (every integer a LEB128 varint, every string a varint
// length then its bytes):
//
//   "TSXW" version(1 byte) kind(1 byte: 'D' document, 'E' error)
//   error:    message
//   document: format encoding pages ocr_pages flags(bit 0 ocr)
//             title subject author created language
//             note-count notes...
//             block-count blocks...
//   block:    kind text label heading_level page last_page gap_before
//             flags(bit 0 row_start, bit 1 continues_sentence) confidence ref-count refs...
//
// confidence is stored as 0 for "none" (-1) and 1 + hundredths otherwise (0..100 -> 1..10001).
// Nothing may follow the last field. The decoder trusts nothing: every length is checked
// against the bytes left before it is used, every count against the fewest bytes its elements
// can take (so no allocation is larger than the answer), the text of blocks (text, labels,
// footnote references) against ExtractLimits::max_text_bytes, and the other strings against
// 1 MiB.
#include "worker_protocol.h"

#include <climits>
#include <cmath>
#include <cstdint>

#include "text.h"
#include "varint.h"

namespace treatysearch::ingest {
namespace {

constexpr std::string_view kMagic = "TSXW";
constexpr char kVersion = 2;
constexpr char kDocumentAnswer = 'D';
constexpr char kErrorAnswer = 'E';
constexpr std::size_t kMaxErrorBytes = 300;
constexpr std::uint64_t kMaxConfidenceCode = 10001;
// The strings that are not block text (format, encoding, hints, notes) together: a few hundred
// bytes in practice, a note per page at most.
constexpr std::size_t kMaxOtherBytes = 1 << 20;
// The fewest bytes a block can take: kind, two empty strings, four integers, flags,
// confidence, ref count.
constexpr std::size_t kMinBlockBytes = 10;

void put_string(std::string_view text, std::string* out) { core::put_length_prefixed(text, out); }

void put_int(int value, std::string* out) {
  core::put_varint(static_cast<std::uint64_t>(value < 0 ? 0 : value), out);
}

std::uint64_t confidence_code(float confidence) {
  if (!(confidence >= 0.0f)) return 0;  // -1 (not OCR) and NaN
  const float clamped = confidence > 100.0f ? 100.0f : confidence;
  return 1 + static_cast<std::uint64_t>(std::lround(clamped * 100.0f));
}

// A bounded reader over the answer; every getter fails rather than read past the end.
class Reader {
 public:
  // What a string is charged to: the text of blocks (ExtractLimits::max_text_bytes, the limit
  // the extractors keep), or everything else (format, hints, notes).
  enum class Budget { kText, kOther };

  Reader(std::string_view bytes, std::size_t text_budget, std::size_t other_budget)
      : bytes_(bytes), budgets_{text_budget, other_budget} {}

  bool byte(char* value) {
    if (pos_ >= bytes_.size()) return false;
    *value = bytes_[pos_++];
    return true;
  }
  bool number(std::uint64_t* value) { return core::get_varint(bytes_, &pos_, value); }
  bool integer(int* value) {
    std::uint64_t raw;
    if (!number(&raw) || raw > static_cast<std::uint64_t>(INT_MAX)) return false;
    *value = static_cast<int>(raw);
    return true;
  }
  // A count of elements of at least `min_element_bytes` each: no more than the bytes left allow.
  bool count(std::size_t min_element_bytes, std::size_t* value) {
    std::uint64_t raw;
    if (!number(&raw) || raw > left() / min_element_bytes) return false;
    *value = static_cast<std::size_t>(raw);
    return true;
  }
  // A string within the bytes left, valid UTF-8, charged to `budget`.
  bool string(std::string* value, Budget budget = Budget::kOther) {
    std::uint64_t length;
    if (!number(&length) || length > left()) return false;
    std::size_t& left_in_budget = budgets_[budget == Budget::kText ? 0 : 1];
    if (length > left_in_budget) {
      over_text_budget_ = budget == Budget::kText;
      return false;
    }
    left_in_budget -= static_cast<std::size_t>(length);
    const std::string_view text = bytes_.substr(pos_, static_cast<std::size_t>(length));
    if (!core::is_valid_utf8(text)) return false;
    value->assign(text);
    pos_ += static_cast<std::size_t>(length);
    return true;
  }
  bool magic() {
    if (bytes_.substr(0, kMagic.size()) != kMagic) return false;
    pos_ = kMagic.size();
    return true;
  }
  std::size_t left() const { return bytes_.size() - pos_; }
  bool over_text_budget() const { return over_text_budget_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::size_t budgets_[2];
  bool over_text_budget_ = false;
};

constexpr auto kText = Reader::Budget::kText;

bool read_block(Reader* in, Block* block) {
  char kind;
  if (!in->byte(&kind) ||
      static_cast<unsigned char>(kind) > static_cast<unsigned char>(BlockKind::kFurniture)) {
    return false;
  }
  block->kind = static_cast<BlockKind>(kind);
  char flags;
  std::uint64_t confidence;
  std::size_t refs;
  if (!in->string(&block->text, kText) || !in->string(&block->label, kText) ||
      !in->integer(&block->heading_level) || !in->integer(&block->page) ||
      !in->integer(&block->last_page) || !in->integer(&block->gap_before) || !in->byte(&flags) ||
      (flags & ~3) != 0 || !in->number(&confidence) || confidence > kMaxConfidenceCode ||
      !in->count(1, &refs)) {
    return false;
  }
  block->row_start = (flags & 1) != 0;
  block->continues_sentence = (flags & 2) != 0;
  block->confidence = confidence == 0 ? -1.0f : static_cast<float>(confidence - 1) / 100.0f;
  block->footnote_refs.resize(refs);
  for (auto& ref : block->footnote_refs) {
    if (!in->string(&ref, kText)) return false;
  }
  return true;
}

bool read_document(Reader* in, ExtractedDocument* document) {
  char flags;
  if (!in->string(&document->format) || !in->string(&document->encoding) ||
      !in->integer(&document->pages) || !in->integer(&document->ocr_pages) || !in->byte(&flags) ||
      (flags & ~1) != 0) {
    return false;
  }
  document->ocr = (flags & 1) != 0;
  MetadataHints& hints = document->hints;
  for (std::string* hint :
       {&hints.title, &hints.subject, &hints.author, &hints.created, &hints.language}) {
    if (!in->string(hint)) return false;
  }
  std::size_t notes;
  if (!in->count(1, &notes)) return false;
  document->notes.resize(notes);
  for (auto& note : document->notes) {
    if (!in->string(&note)) return false;
  }
  std::size_t blocks;
  if (!in->count(kMinBlockBytes, &blocks)) return false;
  document->blocks.resize(blocks);
  for (auto& block : document->blocks) {
    if (!read_block(in, &block)) return false;
  }
  return in->left() == 0;
}

// The message of an error answer, on one line and capped (the worker is not trusted to keep it
// short).
std::string one_line(std::string_view text) {
  text = core::trim(text.substr(0, core::utf8_prefix_length(text, kMaxErrorBytes)));
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return line;
}

}  // namespace

std::string encode_extraction(const ExtractedDocument& document) {
  std::string out(kMagic);
  out.push_back(kVersion);
  out.push_back(kDocumentAnswer);
  put_string(document.format, &out);
  put_string(document.encoding, &out);
  put_int(document.pages, &out);
  put_int(document.ocr_pages, &out);
  out.push_back(static_cast<char>(document.ocr ? 1 : 0));
  const MetadataHints& hints = document.hints;
  for (const std::string* hint :
       {&hints.title, &hints.subject, &hints.author, &hints.created, &hints.language}) {
    put_string(*hint, &out);
  }
  core::put_varint(document.notes.size(), &out);
  for (const auto& note : document.notes) put_string(note, &out);
  core::put_varint(document.blocks.size(), &out);
  for (const Block& block : document.blocks) {
    out.push_back(static_cast<char>(block.kind));
    put_string(block.text, &out);
    put_string(block.label, &out);
    put_int(block.heading_level, &out);
    put_int(block.page, &out);
    put_int(block.last_page, &out);
    put_int(block.gap_before, &out);
    out.push_back(
        static_cast<char>((block.row_start ? 1 : 0) | (block.continues_sentence ? 2 : 0)));
    core::put_varint(confidence_code(block.confidence), &out);
    core::put_varint(block.footnote_refs.size(), &out);
    for (const auto& ref : block.footnote_refs) put_string(ref, &out);
  }
  return out;
}

std::string encode_extraction_error(std::string_view error) {
  std::string out(kMagic);
  out.push_back(kVersion);
  out.push_back(kErrorAnswer);
  put_string(one_line(error), &out);
  return out;
}

bool decode_extraction(std::string_view bytes, const ExtractLimits& limits,
                       ExtractedDocument* document, std::string* error) {
  static constexpr std::string_view kMalformed = "malformed answer from the extraction worker";
  Reader in(bytes, limits.max_text_bytes, kMaxOtherBytes);
  char version, kind;
  if (!in.magic() || !in.byte(&version) || version != kVersion || !in.byte(&kind)) {
    *error = kMalformed;
    return false;
  }
  if (kind == kErrorAnswer) {
    // The message is charged to no budget: it is cut to one short line anyway.
    Reader message_reader(bytes.substr(bytes.size() - in.left()), 0, bytes.size());
    std::string message;
    if (!message_reader.string(&message) || message_reader.left() != 0 ||
        one_line(message).empty()) {
      *error = kMalformed;
      return false;
    }
    *error = one_line(message);
    return false;
  }
  ExtractedDocument decoded;
  if (kind != kDocumentAnswer || !read_document(&in, &decoded)) {
    *error =
        in.over_text_budget() ? text_limit_error(limits.max_text_bytes) : std::string(kMalformed);
    return false;
  }
  *document = std::move(decoded);
  return true;
}

}  // namespace treatysearch::ingest

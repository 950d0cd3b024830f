// HTML through gumbo: the bytes made UTF-8 (html_prescan finds the declared charset, ICU
// converts), the depth estimated before parsing, the tree walked without recursion and freed
// through our own allocator, never by gumbo's recursive destructor.
#include <gumbo.h>
#include <unicode/ucnv.h>

#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "docx_numbering.h"  // format_number, shared with Word lists
#include "extractors.h"
#include "html_prescan.h"
#include "text.h"

namespace treatysearch::ingest {

namespace {

// Every block gumbo allocates, so that the whole tree can be freed without walking it
// (gumbo_destroy_output recurses over the tree, which a deep document would overflow).
class GumboArena {
 public:
  ~GumboArena() {
    for (void* block : blocks_) std::free(block);
  }
  static void* allocate(void* self, std::size_t size) {
    void* block = std::malloc(size == 0 ? 1 : size);
    // gumbo is C: an exception must not unwind through it, and it cannot take a null.
    if (block == nullptr) std::abort();
    static_cast<GumboArena*>(self)->blocks_.insert(block);
    return block;
  }
  static void deallocate(void* self, void* block) {
    if (block == nullptr) return;
    static_cast<GumboArena*>(self)->blocks_.erase(block);
    std::free(block);
  }

 private:
  std::unordered_set<void*> blocks_;
};

// The bytes as UTF-8: as they are when they are valid UTF-8 (a byte-order mark dropped), else
// converted from the charset the page declares; nullopt with *error when neither works.
std::optional<std::string> html_as_utf8(std::string_view bytes, std::string* encoding,
                                        std::string* error) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string charset;
  std::size_t bad_offset = 0;
  // A UTF-16 byte-order mark decides; UTF-16 text can be valid UTF-8 byte by byte.
  if (bytes.substr(0, 2) == "\xFF\xFE") {
    charset = "UTF-16LE";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    charset = "UTF-16BE";
    bytes.remove_prefix(2);
  } else if (core::is_valid_utf8(bytes, &bad_offset)) {
    *encoding = "UTF-8";
    return std::string(bytes);
  } else {
    charset = declared_html_charset(bytes);
  }
  if (charset.empty()) {
    *error = "HTML is not valid UTF-8 (at byte " + std::to_string(bad_offset) +
             ") and declares no charset in a <meta> tag";
    return std::nullopt;
  }
  // ICU counts in int32_t; the file size limit keeps real files far below this.
  if (bytes.size() > (1u << 29)) {
    *error = "HTML in '" + charset + "' is too large to convert";
    return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  const int32_t needed = ucnv_convert("UTF-8", charset.c_str(), nullptr, 0, bytes.data(),
                                      static_cast<int32_t>(bytes.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    *error = "HTML declares the charset '" + charset + "', which cannot be read (" +
             u_errorName(status) + ")";
    return std::nullopt;
  }
  std::string out(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", charset.c_str(), out.data(), needed, bytes.data(),
               static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    *error = "HTML cannot be converted from '" + charset + "': " + u_errorName(status);
    return std::nullopt;
  }
  *encoding = charset;
  return out;
}

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

// Elements that make a block of their own; text directly in them is a paragraph.
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

std::optional<int> int_attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  if (attribute == nullptr) return std::nullopt;
  const std::string_view value = core::trim(attribute->value);
  int number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end == value.data()) return std::nullopt;
  return number;
}

// <ol type="a|A|i|I|1">, as a browser numbers it.
std::string_view list_number_format(const GumboElement& element) {
  const GumboAttribute* type = gumbo_get_attribute(&element.attributes, "type");
  if (type == nullptr) return "decimal";
  const std::string_view value = type->value;
  if (value == "a") return "lowerLetter";
  if (value == "A") return "upperLetter";
  if (value == "i") return "lowerRoman";
  if (value == "I") return "upperRoman";
  return "decimal";
}

// The block structure of the body: text collects into the innermost open block and is
// written out when a block opens or closes. Each open block knows its innermost enclosing list,
// row and label owner, so that no step looks down the stack (a deep page would make that
// quadratic).
class HtmlBlockWriter {
 public:
  explicit HtmlBlockWriter(std::vector<Block>* blocks) : blocks_(blocks) {}

  void open(const GumboElement& element) {
    flush();
    const std::size_t self = contexts_.size();
    Context context;
    if (!contexts_.empty()) {
      const Context& parent = contexts_.back();
      context.list = parent.list;
      context.row = parent.row;
      context.owner = parent.owner;
      context.tables = parent.tables;
    }
    const GumboTag tag = element.tag;
    context.tag = tag;
    if (const int level = heading_level(tag); level > 0) {
      context.kind = BlockKind::kHeading;
      context.heading_level = level;
      context.owner = self;
    } else if (tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) {
      context.next_number = int_attribute(element, "start").value_or(1);
      context.list = self;
      context.number_format = list_number_format(element);
    } else if (tag == GUMBO_TAG_TABLE) {
      ++context.tables;
    } else if (tag == GUMBO_TAG_TR) {
      context.row_pending = true;
      context.row = self;
    } else if (tag == GUMBO_TAG_LI) {
      context.kind = BlockKind::kListItem;
      context.owner = self;
      if (context.list != kNone) {
        Context& list = contexts_[context.list];
        if (list.tag == GUMBO_TAG_OL) {
          const int number = int_attribute(element, "value").value_or(list.next_number);
          list.next_number = number + 1;
          context.label = format_number(number, list.number_format) + ".";
        } else {
          context.label = "\u2022";
        }
      }
    } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      context.kind = BlockKind::kTableCell;
      context.owner = self;
      if (context.row != kNone) {
        Context& row = contexts_[context.row];
        context.row_start = row.row_pending;
        row.row_pending = false;
      }
    }
    contexts_.push_back(std::move(context));
  }

  void close() {
    flush();
    if (contexts_.empty()) return;
    // Two blank lines after a table, as Word's text export leaves them and as the segmenter
    // needs to see the table end.
    if (contexts_.back().tag == GUMBO_TAG_TABLE && contexts_.back().tables == 1) {
      after_table_ = true;
    }
    contexts_.pop_back();
  }

  void text(std::string_view text) { pending_ += text; }
  void space() { pending_ += ' '; }

  std::size_t text_bytes() const { return text_bytes_; }

  void flush() {
    std::string text = core::collapse_whitespace(pending_);
    pending_.clear();
    if (text.empty()) return;
    Block block;
    // A list item or cell whose text sits in inner blocks (<li><p>) gives its label or cell to
    // the first of them; the rest continue it.
    const std::size_t owner_index = contexts_.empty() ? kNone : contexts_.back().owner;
    Context* owner = owner_index == kNone ? nullptr : &contexts_[owner_index];
    if (owner != nullptr && !owner->written) {
      block.kind = owner->kind;
      block.heading_level = owner->heading_level;
      block.row_start = owner->row_start;
      block.gap_before = owner->kind == BlockKind::kTableCell && !owner->row_start ? 0 : 1;
      if (!owner->label.empty()) {
        block.label = owner->label;
        text = owner->label + " " + text;
      }
      owner->written = true;
    } else if (owner != nullptr && owner->kind != BlockKind::kHeading) {
      block.gap_before = 0;
    } else if (owner != nullptr) {
      block.kind = BlockKind::kHeading;
      block.heading_level = owner->heading_level;
    }
    if (after_table_ && (contexts_.empty() || contexts_.back().tables == 0)) {
      block.gap_before = 2;
      after_table_ = false;
    }
    text_bytes_ += text.size();
    block.text = std::move(text);
    blocks_->push_back(std::move(block));
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  struct Context {
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    BlockKind kind = BlockKind::kParagraph;
    int heading_level = 0;
    std::string label;
    int next_number = 1;
    std::string_view number_format = "decimal";  // of an <ol>, as format_number names it
    bool row_pending = false;
    bool row_start = false;
    bool written = false;
    // Indexes of the innermost enclosing list, row and block that owns a label or cell (this
    // context itself when it is one), and how many tables enclose it.
    std::size_t list = kNone;
    std::size_t row = kNone;
    std::size_t owner = kNone;
    int tables = 0;
  };

  std::vector<Block>* blocks_;
  std::vector<Context> contexts_;
  std::string pending_;
  std::size_t text_bytes_ = 0;
  bool after_table_ = false;
};

void read_head(const GumboNode* html, MetadataHints* hints) {
  if (const GumboAttribute* lang = gumbo_get_attribute(&html->v.element.attributes, "lang")) {
    hints->language = std::string(core::trim(lang->value));
  }
  const GumboVector& children = html->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* head = static_cast<const GumboNode*>(children.data[i]);
    if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
    const GumboVector& items = head->v.element.children;
    for (unsigned j = 0; j < items.length; ++j) {
      const auto* item = static_cast<const GumboNode*>(items.data[j]);
      if (item->type != GUMBO_NODE_ELEMENT || item->v.element.tag != GUMBO_TAG_TITLE) continue;
      std::string title;
      const GumboVector& parts = item->v.element.children;
      for (unsigned k = 0; k < parts.length; ++k) {
        const auto* part = static_cast<const GumboNode*>(parts.data[k]);
        if (part->type == GUMBO_NODE_TEXT) title += part->v.text.text;
      }
      hints->title = core::collapse_whitespace(title);
      return;
    }
  }
}

}  // namespace

bool extract_html(std::string_view bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error) {
  ExtractedDocument result;
  result.format = "HTML";
  const std::optional<std::string> utf8 = html_as_utf8(bytes, &result.encoding, error);
  if (!utf8) return false;
  const HtmlNesting nesting =
      estimate_html_nesting(*utf8, limits.max_xml_depth, kMaxHtmlNestingWork);
  if (nesting.depth > limits.max_xml_depth) {
    *error = "HTML nests elements deeper than the limit of " + std::to_string(limits.max_xml_depth);
    return false;
  }
  if (nesting.work > kMaxHtmlNestingWork) {
    *error = "HTML nests too many elements too deeply to parse in reasonable time (over " +
             std::to_string(kMaxHtmlNestingWork) + " open elements summed over its tags)";
    return false;
  }

  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::allocate;
  options.deallocator = &GumboArena::deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are not reported; do not keep them
  // Freed with the arena, never with gumbo_destroy_output.
  const GumboOutput* output = gumbo_parse_with_options(&options, utf8->data(), utf8->size());
  if (output == nullptr || output->root == nullptr) {
    *error = "HTML could not be parsed";
    return false;
  }
  read_head(output->root, &result.hints);

  HtmlBlockWriter writer(&result.blocks);
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool block;
  };
  std::vector<Frame> stack;
  stack.push_back({output->root, 0, false});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->v.element.children;
    if (frame.next_child >= children.length) {
      if (frame.block) writer.close();
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        writer.text(child->v.text.text);
        break;
      case GUMBO_NODE_WHITESPACE:
        writer.space();
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& element = child->v.element;
        if (is_skipped(element.tag) || child->type == GUMBO_NODE_TEMPLATE) break;
        if (element.tag == GUMBO_TAG_BR) {
          writer.space();
          break;
        }
        if (stack.size() >= limits.max_xml_depth) {
          *error = "HTML nests elements deeper than the limit of " +
                   std::to_string(limits.max_xml_depth);
          return false;
        }
        const bool block = is_block(element.tag);
        if (block) writer.open(element);
        stack.push_back({child, 0, block});
        break;
      }
      default:
        break;
    }
  }
  writer.flush();
  if (writer.text_bytes() > limits.max_text_bytes) {
    *error =
        text_limit_error(limits.max_text_bytes);
    return false;
  }
  if (result.blocks.empty()) {
    *error = "no visible text in the HTML";
    return false;
  }
  *document = std::move(result);
  return true;
}

}  // namespace treatysearch::ingest

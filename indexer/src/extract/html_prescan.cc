// A tokenizer just good enough to follow open elements; it never allocates per character and
// looks at most kEndTagSearch entries down the stack for an end tag's element.
#include "html_prescan.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "text.h"

namespace treatysearch::ingest {

namespace {

constexpr std::size_t kCharsetPrescanBytes = 1024;
constexpr std::size_t kEndTagSearch = 32;

bool is_name_char(char c) { return core::is_ascii_alnum(c) || c == '-' || c == ':'; }

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (const std::string_view candidate : names) {
    if (name == candidate) return true;
  }
  return false;
}

bool is_void_element(std::string_view name) {
  return is_one_of(
      name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
             "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"});
}

// Elements whose content is text up to their own end tag.
bool is_raw_text_element(std::string_view name) {
  return is_one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                          "noframes", "plaintext"});
}

// Elements that a following sibling of the same kind closes.
bool closes_previous_sibling(std::string_view name) {
  return is_one_of(name, {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
                          "rp", "tbody", "thead", "tfoot"});
}

// Finds `needle` ignoring ASCII case, from `from`.
std::size_t find_ci(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.size() > haystack.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (core::equals_ascii_ci(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// The end of a tag whose name ended at `pos`: the '>' outside quotes, or the end of input.
std::size_t tag_end(std::string_view bytes, std::size_t pos, bool* self_closing) {
  char quote = 0;
  for (; pos < bytes.size(); ++pos) {
    const char c = bytes[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      *self_closing = pos > 0 && bytes[pos - 1] == '/';
      return pos;
    }
  }
  return bytes.size();
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kCharsetPrescanBytes);
  std::size_t pos = 0;
  while ((pos = find_ci(head, "<meta", pos)) != std::string_view::npos) {
    bool self_closing = false;
    const std::size_t end = tag_end(head, pos + 5, &self_closing);
    const std::string_view tag = head.substr(pos, end - pos);
    const std::size_t charset = find_ci(tag, "charset", 0);
    if (charset != std::string_view::npos) {
      std::size_t start = charset + 7;
      while (start < tag.size() && (core::is_ascii_space(tag[start]) || tag[start] == '=' ||
                                    tag[start] == '"' || tag[start] == '\'')) {
        ++start;
      }
      std::size_t stop = start;
      while (stop < tag.size() && (core::is_ascii_alnum(tag[stop]) || tag[stop] == '-' ||
                                   tag[stop] == '_' || tag[stop] == ':' || tag[stop] == '.')) {
        ++stop;
      }
      if (stop > start) return std::string(tag.substr(start, stop - start));
    }
    pos = end;
  }
  return {};
}

HtmlNesting estimate_html_nesting(std::string_view bytes, std::size_t depth_limit,
                                  std::uint64_t work_limit) {
  std::vector<std::string> open;
  HtmlNesting nesting;
  std::size_t pos = 0;
  while ((pos = bytes.find('<', pos)) != std::string_view::npos) {
    const std::string_view rest = bytes.substr(pos);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t close = bytes.find("-->", pos + 4);
      if (close == std::string_view::npos) break;
      pos = close + 3;
      continue;
    }
    if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
      const std::size_t close = bytes.find('>', pos);
      if (close == std::string_view::npos) break;
      pos = close + 1;
      continue;
    }
    const bool end_tag = rest.size() > 1 && rest[1] == '/';
    std::size_t name_end = pos + (end_tag ? 2 : 1);
    std::string name;
    while (name_end < bytes.size() && is_name_char(bytes[name_end])) {
      name += core::ascii_lower(bytes[name_end]);
      ++name_end;
    }
    if (name.empty()) {
      ++pos;
      continue;
    }
    bool self_closing = false;
    const std::size_t end = tag_end(bytes, name_end, &self_closing);
    pos = end + 1;
    if (end_tag) {
      for (std::size_t i = 0; i < open.size() && i < kEndTagSearch; ++i) {
        if (open[open.size() - 1 - i] == name) {
          open.resize(open.size() - 1 - i);
          break;
        }
      }
      continue;
    }
    if (is_raw_text_element(name)) {
      const std::size_t close = find_ci(bytes, "</" + name, pos);
      if (close == std::string_view::npos) break;
      pos = close;
      continue;
    }
    if (self_closing || is_void_element(name)) continue;
    if (closes_previous_sibling(name) && !open.empty() && open.back() == name) open.pop_back();
    nesting.work += open.size();
    open.push_back(std::move(name));
    nesting.depth = std::max(nesting.depth, open.size());
    if (nesting.depth > depth_limit || nesting.work > work_limit) return nesting;
  }
  return nesting;
}

}  // namespace treatysearch::ingest

// XML parts of untrusted files (DOCX) parsed with pugixml so that they cannot expand, fetch or
// recurse: pugixml never expands entities beyond the five predefined ones and character
// references, and never fetches anything; a document type declaration (where billion-laughs and
// external-entity attacks live, and which no Office part has) is refused outright; nesting
// deeper than ExtractLimits::max_xml_depth is refused, measured without recursion.
//
// walk_elements visits a tree in document order without recursion, so a deep document costs
// no stack.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "extractors.h"

namespace treatysearch::ingest {

// Parses `bytes` (any encoding pugixml detects) into *document. `part` names the part in
// messages ("word/document.xml"). On failure: false and one line in *error.
bool parse_xml_part(std::string_view bytes, std::string_view part, const ExtractLimits& limits,
                    pugi::xml_document* document, std::string* error);

// The depth of the deepest element under `root` (an element directly under `root` is at
// depth 1), counted iteratively.
std::size_t element_depth(const pugi::xml_node& root);

// Visits every node under `root` in document order: enter(node) is called first and returns
// whether to visit the node's children; leave(node) is called after them (also when they were
// skipped).
template <typename Enter, typename Leave>
void walk_elements(const pugi::xml_node& root, Enter&& enter, Leave&& leave) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (enter(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    leave(node);
    while (!node.next_sibling()) {
      node = node.parent();
      if (!node || node == root) return;
      leave(node);
    }
    node = node.next_sibling();
  }
}

}  // namespace treatysearch::ingest

// pugixml with a document type declaration refused and the nesting depth capped.
#include "xml_safety.h"

#include <algorithm>

namespace treatysearch::ingest {

std::size_t element_depth(const pugi::xml_node& root) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  pugi::xml_node node = root.first_child();
  while (node) {
    if (node.type() == pugi::node_element) {
      ++depth;
      deepest = std::max(deepest, depth);
      if (node.first_child()) {
        node = node.first_child();
        continue;
      }
      --depth;
    }
    while (!node.next_sibling()) {
      node = node.parent();
      if (!node || node == root) return deepest;
      --depth;  // leaving an element whose children are done
    }
    node = node.next_sibling();
  }
  return deepest;
}

bool parse_xml_part(std::string_view bytes, std::string_view part, const ExtractLimits& limits,
                    pugi::xml_document* document, std::string* error) {
  // parse_doctype keeps the declaration as a node so that it can be refused; pugixml itself
  // would skip it, but an Office part never has one and its presence means a crafted file.
  constexpr unsigned kOptions = pugi::parse_default | pugi::parse_doctype;
  const pugi::xml_parse_result result =
      document->load_buffer(bytes.data(), bytes.size(), kOptions, pugi::encoding_auto);
  if (!result) {
    *error = std::string(part) + " is not well-formed XML: " + result.description() + " at byte " +
             std::to_string(result.offset);
    return false;
  }
  for (const pugi::xml_node& child : document->children()) {
    if (child.type() == pugi::node_doctype) {
      *error = std::string(part) +
               " has a document type declaration (DTD), which Office files never have; "
               "entities are not expanded";
      return false;
    }
  }
  const std::size_t depth = element_depth(*document);
  if (depth > limits.max_xml_depth) {
    *error = std::string(part) + " nests elements " + std::to_string(depth) +
             " deep, over the limit of " + std::to_string(limits.max_xml_depth);
    return false;
  }
  return true;
}

}  // namespace treatysearch::ingest

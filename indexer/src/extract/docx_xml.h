// Names in WordprocessingML parts, matched by the prefix the part binds to the WordprocessingML
// namespace (pugixml does not resolve namespaces): "w:p" in every Word file seen, but the prefix
// is the file's choice, and DrawingML's own "a:p"/"a:t" must not be taken for Word's.
#pragma once

#include <pugixml.hpp>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace treatysearch::ingest {

class WordNames {
 public:
  WordNames() = default;
  // Reads the prefix from the root element's namespace declarations (transitional or strict
  // WordprocessingML); "w" when the part declares neither.
  explicit WordNames(const pugi::xml_node& root) {
    static constexpr std::string_view kTransitional =
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static constexpr std::string_view kStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    for (const pugi::xml_attribute& attribute : root.attributes()) {
      const std::string_view name = attribute.name();
      const std::string_view value = attribute.value();
      if (value != kTransitional && value != kStrict) continue;
      if (name == "xmlns") {
        prefix_.clear();
        return;
      }
      if (name.substr(0, 6) == "xmlns:") {
        prefix_ = std::string(name.substr(6)) + ":";
        return;
      }
    }
  }

  // Whether `node` is the WordprocessingML element `local` ("p", "tbl").
  bool is(const pugi::xml_node& node, std::string_view local) const {
    const std::string_view name = node.name();
    return name.size() == prefix_.size() + local.size() &&
           name.substr(0, prefix_.size()) == prefix_ && name.substr(prefix_.size()) == local;
  }

  // The local name of a WordprocessingML element, or "" for anything else.
  std::string_view local(const pugi::xml_node& node) const {
    const std::string_view name = node.name();
    if (node.type() != pugi::node_element || name.substr(0, prefix_.size()) != prefix_) return {};
    const std::string_view rest = name.substr(prefix_.size());
    return rest.find(':') == std::string_view::npos ? rest : std::string_view();
  }

  // The first child element `local`.
  pugi::xml_node child(const pugi::xml_node& node, std::string_view local) const {
    for (const pugi::xml_node& candidate : node.children()) {
      if (is(candidate, local)) return candidate;
    }
    return {};
  }

  // The WordprocessingML attribute `local` ("val", "id") of `node`, or "".
  std::string_view attribute(const pugi::xml_node& node, std::string_view local) const {
    for (const pugi::xml_attribute& candidate : node.attributes()) {
      const std::string_view name = candidate.name();
      if (name.size() == prefix_.size() + local.size() &&
          name.substr(0, prefix_.size()) == prefix_ && name.substr(prefix_.size()) == local) {
        return candidate.value();
      }
    }
    return {};
  }

  // w:val of the child element `local`, e.g. value(pPr, "pStyle").
  std::string_view child_value(const pugi::xml_node& node, std::string_view local) const {
    return attribute(child(node, local), "val");
  }

 private:
  std::string prefix_ = "w:";
};

// A whole decimal number (optionally negative), or nullopt.
inline std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

// An OOXML on/off value: present with no value, "1", "true" or "on".
inline bool is_on(std::string_view value, bool present) {
  if (!present) return false;
  return value.empty() || value == "1" || value == "true" || value == "on";
}

}  // namespace treatysearch::ingest

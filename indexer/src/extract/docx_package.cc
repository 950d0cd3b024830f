// Relationship parts read as data: targets become zip entry names, compared, never opened.
#include "docx_package.h"

#include <vector>

namespace treatysearch::ingest {

namespace {

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

std::string resolve_part_name(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (!target.empty() && target.front() == '/') {
    joined = target.substr(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) joined = source_part.substr(0, slash + 1);
    joined += target;
  }
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (segments.empty()) return {};
      segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string name;
  for (const std::string_view segment : segments) {
    if (!name.empty()) name += '/';
    name += segment;
  }
  return name;
}

std::string relationships_part_name(std::string_view source_part) {
  const std::size_t slash = source_part.rfind('/');
  const std::string_view folder =
      slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash + 1);
  const std::string_view file =
      slash == std::string_view::npos ? source_part : source_part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(file) + ".rels";
}

std::map<std::string, std::string, std::less<>> internal_targets(
    const pugi::xml_document& relationships, std::string_view source_part) {
  std::map<std::string, std::string, std::less<>> targets;
  for (const pugi::xml_node& node : relationships.document_element().children()) {
    if (local_name(node.name()) != "Relationship") continue;
    if (std::string_view(node.attribute("TargetMode").value()) == "External") continue;
    const std::string_view type = node.attribute("Type").value();
    const std::string_view kind = type.substr(type.rfind('/') + 1);
    const std::string name = resolve_part_name(source_part, node.attribute("Target").value());
    if (kind.empty() || name.empty()) continue;
    targets.emplace(std::string(kind), name);
  }
  return targets;
}

}  // namespace treatysearch::ingest

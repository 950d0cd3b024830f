// Style chains read once; every lookup walks at most kMaxChain bases.
#include "docx_styles.h"

#include <array>
#include <utility>

#include "text.h"

namespace treatysearch::ingest {

namespace {

// Word limits style inheritance to a few levels in practice; a longer chain is a crafted loop.
constexpr int kMaxChain = 16;

// UN Office templates (the "G" styles of the Geneva templates, used by every treaty body) name
// their headings by rank, and carry no outline level.
int un_heading_level(std::string_view style_id) {
  static constexpr std::array<std::pair<std::string_view, int>, 6> kStyles = {
      {{"HMG", 1}, {"HChG", 1}, {"H1G", 2}, {"H23G", 3}, {"H4G", 4}, {"H56G", 5}}};
  for (const auto& [id, level] : kStyles) {
    if (style_id == id) return level;
  }
  return 0;
}

// Built-in names are stored in English whatever the user interface language ("heading 1").
int builtin_heading_level(std::string_view name) {
  const std::string lower = core::ascii_lowercase(name);
  if (lower == "title") return 1;
  static constexpr std::string_view kHeading = "heading ";
  if (lower.size() == kHeading.size() + 1 && lower.compare(0, kHeading.size(), kHeading) == 0 &&
      core::is_ascii_digit(lower.back()) && lower.back() != '0') {
    return lower.back() - '0';
  }
  return 0;
}

}  // namespace

DocxStyles::DocxStyles(const pugi::xml_document& styles_xml) {
  const pugi::xml_node root = styles_xml.document_element();
  const WordNames w(root);
  for (const pugi::xml_node& node : root.children()) {
    if (!w.is(node, "style") || w.attribute(node, "type") != "paragraph") continue;
    const std::string id(w.attribute(node, "styleId"));
    if (id.empty()) continue;
    Style style;
    style.name = w.child_value(node, "name");
    style.based_on = w.child_value(node, "basedOn");
    const pugi::xml_node properties = w.child(node, "pPr");
    const pugi::xml_node numbering = w.child(properties, "numPr");
    if (numbering) {
      style.num_id = parse_int(w.child_value(numbering, "numId"));
      style.level = parse_int(w.child_value(numbering, "ilvl"));
    }
    style.outline_level = parse_int(w.child_value(properties, "outlineLvl"));
    const std::string_view is_default = w.attribute(node, "default");
    if (default_style_.empty() && is_on(is_default, !is_default.empty())) default_style_ = id;
    styles_.emplace(id, std::move(style));
  }
}

template <typename Visit>
void DocxStyles::for_chain(std::string_view style_id, Visit&& visit) const {
  std::string_view id = style_id;
  for (int step = 0; step < kMaxChain && !id.empty(); ++step) {
    const auto found = styles_.find(id);
    if (found == styles_.end()) return;
    if (!visit(found->first, found->second)) return;
    id = found->second.based_on;
  }
}

int DocxStyles::heading_level(std::string_view style_id) const {
  int level = 0;
  for_chain(style_id, [&](const std::string& id, const Style& style) {
    // Outline level 9 is "body text".
    if (style.outline_level && *style.outline_level >= 0 && *style.outline_level < 9) {
      level = *style.outline_level + 1;
    } else if (const int builtin = builtin_heading_level(style.name); builtin > 0) {
      level = builtin;
    } else {
      level = un_heading_level(id);
    }
    return level == 0;
  });
  return level;
}

StyleNumbering DocxStyles::numbering(std::string_view style_id) const {
  StyleNumbering result;
  for_chain(style_id, [&](const std::string&, const Style& style) {
    if (!result.num_id && style.num_id) result.num_id = style.num_id;
    if (!result.level && style.level) result.level = style.level;
    return !(result.num_id && result.level);
  });
  return result;
}

}  // namespace treatysearch::ingest

// Paragraph styles of a DOCX (word/styles.xml): what a paragraph inherits from its style chain
// (w:basedOn) that changes how it reads: a heading level, and list numbering (w:numPr).
#pragma once

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "docx_xml.h"

namespace treatysearch::ingest {

struct StyleNumbering {
  std::optional<int> num_id;
  std::optional<int> level;
};

class DocxStyles {
 public:
  DocxStyles() = default;
  // Reads the paragraph styles of styles.xml (an empty document gives no styles).
  explicit DocxStyles(const pugi::xml_document& styles_xml);

  // The style a paragraph without w:pStyle has (w:default="1"), or "".
  const std::string& default_paragraph_style() const { return default_style_; }

  // Heading level 1.. of a style through its chain, 0 when it is not a heading: an outline
  // level (w:outlineLvl), a built-in name ("heading 2", "Title"), or a UN template style
  // (HMG and HChG 1, H1G 2, H23G 3, H4G 4, H56G 5).
  int heading_level(std::string_view style_id) const;

  // The numbering a style gives its paragraphs: the nearest w:numId and w:ilvl in its chain.
  StyleNumbering numbering(std::string_view style_id) const;

 private:
  struct Style {
    std::string name;
    std::string based_on;
    std::optional<int> num_id;
    std::optional<int> level;
    std::optional<int> outline_level;
  };
  // The style and its bases, nearest first; cycles and chains over kMaxChain are cut.
  template <typename Visit>
  void for_chain(std::string_view style_id, Visit&& visit) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string default_style_;
};

}  // namespace treatysearch::ingest

// Word's automatic numbering (word/numbering.xml) turned into the labels the reader sees. UN
// Word files number their paragraphs ("12.") and sub-paragraphs ("(a)") this way, so the
// numbers exist only here, not in the text.
//
// The model, as Word applies it:
//  - w:abstractNum defines up to nine levels: start value, format (decimal, lowerLetter,
//    upperLetter, lowerRoman, upperRoman, bullet, none...), level text ("%1.", "(%2)") and when
//    the level restarts (w:lvlRestart; by default whenever a higher level is used);
//  - w:num is a list instance pointing at an abstractNum, optionally overriding levels
//    (w:lvlOverride with w:startOverride and/or a whole w:lvl);
//  - counters belong to the abstractNum, so instances of one abstractNum continue each other,
//    except that an instance with a start override restarts that level when first used;
//  - an abstractNum may stand for a numbering style (w:numStyleLink), followed to the abstractNum
//    of the style's w:num.
#pragma once

#include <pugixml.hpp>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "docx_styles.h"

namespace treatysearch::ingest {

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;

  DocxNumbering() = default;
  // Reads numbering.xml; `styles` resolves numbering styles (w:numStyleLink).
  DocxNumbering(const pugi::xml_document& numbering_xml, const DocxStyles& styles);

  struct Label {
    std::string text;  // "12.", "(a)", "•" for any bullet
    bool bullet = false;
  };

  // The label of the next paragraph of list `num_id` at `level` (when the paragraph does not
  // say, the level whose w:pStyle is `style_id`, else 0), advancing the counters as Word does.
  // nullopt for num_id 0 (numbering removed), an unknown list, or a level without text.
  std::optional<Label> next(int num_id, std::optional<int> level, std::string_view style_id);

 private:
  struct Level {
    int start = 0;  // the schema's default when w:start is absent
    std::string format = "decimal";
    std::string text;
    std::optional<int> restart;  // w:lvlRestart: 0 never, n after level n (1-based) is used
    bool legal = false;          // w:isLgl: all numbers shown in decimal
    std::string style;           // w:pStyle linked to this level
  };
  struct Abstract {
    std::array<Level, kLevels> levels;
    std::string num_style_link;
  };
  struct Instance {
    int abstract_id = -1;  // after following numbering styles
    std::array<std::optional<int>, kLevels> start_override;
    std::array<std::optional<Level>, kLevels> level_override;
  };
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> started{};
    std::array<std::optional<int>, kLevels> restart_at;
  };

  const Level& level_of(const Abstract& abstract, const Instance& instance, int level) const;

  std::map<int, Abstract> abstracts_;
  std::map<int, Instance> instances_;
  std::map<int, Counters> counters_;  // by abstractNum id
  std::set<int> used_instances_;
};

// One number in a numbering format: 3 -> "3", "c", "C", "iii", "III"; "decimalZero" 3 -> "03".
// Unknown formats and values a format cannot show (0 in roman) fall back to decimal.
std::string format_number(int value, std::string_view format);

}  // namespace treatysearch::ingest

// Counters per abstract list, advanced paragraph by paragraph in document order.
#include "docx_numbering.h"

#include <algorithm>
#include <array>
#include <utility>

#include "text.h"

namespace treatysearch::ingest {

namespace {

// Numbering styles may point at each other; more hops than this is a loop.
constexpr int kMaxStyleLinks = 4;
// Letters repeat ("aa", "bbb") past 26; beyond this many repeats the label is shown in digits.
constexpr int kMaxLetterRepeats = 8;

std::string roman(int value, bool upper) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> kParts = {{{1000, "m"},
                                                                               {900, "cm"},
                                                                               {500, "d"},
                                                                               {400, "cd"},
                                                                               {100, "c"},
                                                                               {90, "xc"},
                                                                               {50, "l"},
                                                                               {40, "xl"},
                                                                               {10, "x"},
                                                                               {9, "ix"},
                                                                               {5, "v"},
                                                                               {4, "iv"},
                                                                               {1, "i"}}};
  std::string out;
  for (const auto& [amount, letters] : kParts) {
    while (value >= amount) {
      out += letters;
      value -= amount;
    }
  }
  if (upper) {
    for (char& c : out) c = core::ascii_upper(c);
  }
  return out;
}

std::string letters(int value, bool upper) {
  const int repeats = (value - 1) / 26 + 1;
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  return std::string(static_cast<std::size_t>(repeats), letter);
}

DocxNumbering::Label bullet_label() { return {"\u2022", true}; }

}  // namespace

std::string format_number(int value, std::string_view format) {
  if (format == "lowerLetter" || format == "upperLetter") {
    if (value >= 1 && value <= 26 * kMaxLetterRepeats) return letters(value, format[0] == 'u');
  } else if (format == "lowerRoman" || format == "upperRoman") {
    if (value >= 1 && value <= 3999) return roman(value, format[0] == 'u');
  } else if (format == "decimalZero") {
    if (value >= 0 && value < 10) return "0" + std::to_string(value);
  }
  return std::to_string(value);
}

namespace {

template <typename Level>
void read_level(const WordNames& w, const pugi::xml_node& node, Level* level) {
  if (const auto start = parse_int(w.child_value(node, "start"))) level->start = *start;
  if (const pugi::xml_node format = w.child(node, "numFmt")) {
    level->format = std::string(w.attribute(format, "val"));
  }
  if (const pugi::xml_node text = w.child(node, "lvlText")) {
    level->text = std::string(w.attribute(text, "val"));
  }
  if (const pugi::xml_node restart = w.child(node, "lvlRestart")) {
    level->restart = parse_int(w.attribute(restart, "val"));
  }
  if (const pugi::xml_node legal = w.child(node, "isLgl")) {
    level->legal = is_on(w.attribute(legal, "val"), true);
  }
  level->style = std::string(w.child_value(node, "pStyle"));
}

std::optional<int> level_index(const WordNames& w, const pugi::xml_node& node) {
  const std::optional<int> index = parse_int(w.attribute(node, "ilvl"));
  if (!index || *index < 0 || *index >= DocxNumbering::kLevels) return std::nullopt;
  return index;
}

}  // namespace

DocxNumbering::DocxNumbering(const pugi::xml_document& numbering_xml, const DocxStyles& styles) {
  const pugi::xml_node root = numbering_xml.document_element();
  const WordNames w(root);
  for (const pugi::xml_node& node : root.children()) {
    if (w.is(node, "abstractNum")) {
      const std::optional<int> id = parse_int(w.attribute(node, "abstractNumId"));
      if (!id) continue;
      Abstract abstract;
      abstract.num_style_link = std::string(w.child_value(node, "numStyleLink"));
      for (const pugi::xml_node& child : node.children()) {
        if (!w.is(child, "lvl")) continue;
        if (const auto index = level_index(w, child)) {
          read_level(w, child, &abstract.levels[static_cast<std::size_t>(*index)]);
        }
      }
      abstracts_.emplace(*id, std::move(abstract));
    } else if (w.is(node, "num")) {
      const std::optional<int> id = parse_int(w.attribute(node, "numId"));
      const std::optional<int> abstract_id = parse_int(w.child_value(node, "abstractNumId"));
      if (!id || !abstract_id) continue;
      Instance instance;
      instance.abstract_id = *abstract_id;
      for (const pugi::xml_node& child : node.children()) {
        if (!w.is(child, "lvlOverride")) continue;
        const auto index = level_index(w, child);
        if (!index) continue;
        const auto slot = static_cast<std::size_t>(*index);
        instance.start_override[slot] = parse_int(w.child_value(child, "startOverride"));
        if (const pugi::xml_node level = w.child(child, "lvl")) {
          Level replacement;
          read_level(w, level, &replacement);
          instance.level_override[slot] = std::move(replacement);
        }
      }
      instances_.emplace(*id, std::move(instance));
    }
  }
  // An abstractNum that only names a numbering style stands for the list of that style's w:num.
  for (auto& [id, instance] : instances_) {
    for (int hop = 0; hop < kMaxStyleLinks; ++hop) {
      const auto abstract = abstracts_.find(instance.abstract_id);
      if (abstract == abstracts_.end() || abstract->second.num_style_link.empty()) break;
      const StyleNumbering linked = styles.numbering(abstract->second.num_style_link);
      const auto target = linked.num_id ? instances_.find(*linked.num_id) : instances_.end();
      if (target == instances_.end() || target->first == id) break;
      instance.abstract_id = target->second.abstract_id;
    }
  }
}

const DocxNumbering::Level& DocxNumbering::level_of(const Abstract& abstract,
                                                    const Instance& instance, int level) const {
  const auto slot = static_cast<std::size_t>(level);
  if (instance.level_override[slot]) return *instance.level_override[slot];
  return abstract.levels[slot];
}

std::optional<DocxNumbering::Label> DocxNumbering::next(int num_id, std::optional<int> level,
                                                        std::string_view style_id) {
  if (num_id == 0) return std::nullopt;
  const auto found = instances_.find(num_id);
  if (found == instances_.end()) return std::nullopt;
  const Instance& instance = found->second;
  const auto abstract_found = abstracts_.find(instance.abstract_id);
  if (abstract_found == abstracts_.end()) return std::nullopt;
  const Abstract& abstract = abstract_found->second;

  int current = 0;
  if (level) {
    current = std::clamp(*level, 0, kLevels - 1);
  } else if (!style_id.empty()) {
    for (int i = 0; i < kLevels; ++i) {
      if (abstract.levels[static_cast<std::size_t>(i)].style == style_id) current = i;
    }
  }

  Counters& counters = counters_[instance.abstract_id];
  // A list instance with start overrides restarts those levels where it is first used ("restart
  // numbering" in Word writes exactly this).
  if (used_instances_.insert(num_id).second) {
    for (int i = 0; i < kLevels; ++i) {
      const auto slot = static_cast<std::size_t>(i);
      if (instance.start_override[slot]) {
        counters.started[slot] = false;
        counters.restart_at[slot] = instance.start_override[slot];
      }
    }
  }
  const auto slot = static_cast<std::size_t>(current);
  const Level& definition = level_of(abstract, instance, current);
  if (counters.started[slot]) {
    counters.value[slot] += counters.value[slot] < 1'000'000'000 ? 1 : 0;
  } else {
    counters.value[slot] = counters.restart_at[slot].value_or(definition.start);
    counters.started[slot] = true;
    counters.restart_at[slot].reset();
  }
  // Deeper levels restart after this one unless their w:lvlRestart says otherwise.
  for (int deeper = current + 1; deeper < kLevels; ++deeper) {
    const Level& deeper_level = level_of(abstract, instance, deeper);
    const bool restarts =
        !deeper_level.restart || (*deeper_level.restart != 0 && current < *deeper_level.restart);
    if (restarts) counters.started[static_cast<std::size_t>(deeper)] = false;
  }

  if (definition.format == "bullet") return bullet_label();
  if (definition.format == "none") return std::nullopt;
  std::string text;
  const std::string& pattern = definition.text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
      const int referenced = pattern[i + 1] - '1';
      ++i;
      if (referenced > current) continue;  // a deeper level has no number yet
      const auto referenced_slot = static_cast<std::size_t>(referenced);
      const Level& referenced_level = level_of(abstract, instance, referenced);
      const int value = counters.started[referenced_slot] ? counters.value[referenced_slot]
                                                          : referenced_level.start;
      text += format_number(value, definition.legal ? std::string_view("decimal")
                                                    : std::string_view(referenced_level.format));
      continue;
    }
    text += c;
  }
  if (core::trim(text).empty()) return std::nullopt;
  return Label{std::string(core::trim(text)), false};
}

}  // namespace treatysearch::ingest

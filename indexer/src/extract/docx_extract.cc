// DOCX: the package (zip_reader, docx_package), its XML parts parsed safely (xml_safety), the
// body and the referenced footnotes read as Word shows them (docx_body), metadata hints from
// the core properties.
#include <map>
#include <memory>
#include <string>

#include "docx_body.h"
#include "docx_numbering.h"
#include "docx_package.h"
#include "docx_styles.h"
#include "extractors.h"
#include "text.h"
#include "xml_safety.h"
#include "zip_reader.h"

namespace treatysearch::ingest {

namespace {

enum class PartStatus { kAbsent, kRead, kFailed };

PartStatus load_part(ZipReader& zip, const std::string& name, const ExtractLimits& limits,
                     pugi::xml_document* xml, std::string* error) {
  if (name.empty()) return PartStatus::kAbsent;
  const std::optional<std::string> bytes = zip.read(name, error);
  if (!bytes) return error->empty() ? PartStatus::kAbsent : PartStatus::kFailed;
  return parse_xml_part(*bytes, name, limits, xml, error) ? PartStatus::kRead : PartStatus::kFailed;
}

std::string target_or(const std::map<std::string, std::string, std::less<>>& targets,
                      std::string_view type, const std::string& fallback) {
  const auto found = targets.find(type);
  return found == targets.end() ? fallback : found->second;
}

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

void read_core_properties(const pugi::xml_document& core, MetadataHints* hints) {
  for (const pugi::xml_node& node : core.document_element().children()) {
    const std::string_view name = local_name(node.name());
    const std::string value = core::collapse_whitespace(node.child_value());
    if (value.empty()) continue;
    if (name == "title") {
      hints->title = value;
    } else if (name == "subject") {
      hints->subject = value;
    } else if (name == "creator") {
      hints->author = value;
    } else if (name == "created") {
      // W3CDTF "2017-03-28T07:56:00Z": the date is what a citation needs.
      hints->created = value.substr(0, value.find('T'));
    } else if (name == "language") {
      hints->language = value;
    }
  }
}

// The footnotes Word shows, in the order it numbers them, as kFootnote blocks.
void add_footnotes(const pugi::xml_document& footnotes_xml, const FootnoteMarks& marks,
                   const DocxStyles& styles, DocxNumbering& numbering,
                   ExtractedDocument* document) {
  const pugi::xml_node root = footnotes_xml.document_element();
  const WordNames w(root);
  std::map<std::string, pugi::xml_node, std::less<>> by_id;
  for (const pugi::xml_node& node : root.children()) {
    const std::string_view type = w.attribute(node, "type");
    // Separators are the rule above the notes, not notes.
    if (!w.is(node, "footnote") || (!type.empty() && type != "normal")) continue;
    by_id.emplace(std::string(w.attribute(node, "id")), node);
  }
  for (const std::string& id : marks.ids_in_order) {
    const std::string& label = marks.labels.at(id);
    const auto found = by_id.find(id);
    if (found == by_id.end()) {
      document->notes.push_back("footnote " + label + " is referenced but not in the file");
      continue;
    }
    std::vector<Block> paragraphs;
    DocxStoryReader(w, styles, numbering, nullptr).read(found->second, &paragraphs);
    std::string text;
    for (const Block& paragraph : paragraphs) {
      if (!text.empty()) text += ' ';
      text += paragraph.text;
    }
    // A custom mark is typed into the note's text as well ("* Adopted by ...").
    if (!label.empty() && text.compare(0, label.size(), label) == 0 &&
        (text.size() == label.size() || text[label.size()] == ' ')) {
      text = std::string(core::trim(std::string_view(text).substr(label.size())));
    }
    Block block;
    block.kind = BlockKind::kFootnote;
    block.label = label;
    block.text = std::move(text);
    document->blocks.push_back(std::move(block));
  }
}

}  // namespace

bool extract_docx(std::string_view bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error) {
  std::unique_ptr<ZipReader> zip = ZipReader::open(bytes, limits, error);
  if (!zip) return false;

  // The package relationships name the main document and the core properties.
  pugi::xml_document package_rels;
  if (load_part(*zip, relationships_part_name(""), limits, &package_rels, error) ==
      PartStatus::kFailed) {
    return false;
  }
  const auto package_targets = internal_targets(package_rels, "");
  std::string main_part = target_or(package_targets, "officeDocument", "word/document.xml");
  if (!zip->contains(main_part)) main_part = "word/document.xml";

  pugi::xml_document body_xml;
  switch (load_part(*zip, main_part, limits, &body_xml, error)) {
    case PartStatus::kAbsent:
      *error = "not a Word document: the zip archive has no " + main_part;
      return false;
    case PartStatus::kFailed:
      return false;
    case PartStatus::kRead:
      break;
  }

  pugi::xml_document main_rels;
  if (load_part(*zip, relationships_part_name(main_part), limits, &main_rels, error) ==
      PartStatus::kFailed) {
    return false;
  }
  const auto main_targets = internal_targets(main_rels, main_part);
  pugi::xml_document styles_xml;
  pugi::xml_document numbering_xml;
  pugi::xml_document footnotes_xml;
  pugi::xml_document core_xml;
  const std::pair<pugi::xml_document*, std::string> parts[] = {
      {&styles_xml, target_or(main_targets, "styles", resolve_part_name(main_part, "styles.xml"))},
      {&numbering_xml,
       target_or(main_targets, "numbering", resolve_part_name(main_part, "numbering.xml"))},
      {&footnotes_xml,
       target_or(main_targets, "footnotes", resolve_part_name(main_part, "footnotes.xml"))},
      {&core_xml, target_or(package_targets, "core-properties", "docProps/core.xml")},
  };
  for (const auto& [xml, name] : parts) {
    if (load_part(*zip, name, limits, xml, error) == PartStatus::kFailed) return false;
  }

  const pugi::xml_node root = body_xml.document_element();
  const WordNames w(root);
  const pugi::xml_node body = w.child(root, "body");
  if (!w.is(root, "document") || !body) {
    *error = main_part + " is not a WordprocessingML document (no w:document/w:body)";
    return false;
  }

  ExtractedDocument result;
  result.format = "DOCX";
  const DocxStyles styles(styles_xml);
  DocxNumbering numbering(numbering_xml, styles);
  FootnoteMarks marks;
  DocxStoryReader(w, styles, numbering, &marks).read(body, &result.blocks);
  add_footnotes(footnotes_xml, marks, styles, numbering, &result);
  read_core_properties(core_xml, &result.hints);

  std::size_t text_bytes = 0;
  for (const Block& block : result.blocks) text_bytes += block.text.size();
  if (text_bytes > limits.max_text_bytes) {
    *error = text_limit_error(limits.max_text_bytes);
    return false;
  }
  if (result.blocks.empty()) {
    *error = "no text in " + main_part;
    return false;
  }
  *document = std::move(result);
  return true;
}

}  // namespace treatysearch::ingest

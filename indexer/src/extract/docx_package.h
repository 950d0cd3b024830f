// The package layer of a DOCX (Open Packaging Conventions): which zip entry holds the main
// document, its styles, numbering and footnotes, and the core properties, read from the
// relationship parts (_rels/.rels, word/_rels/document.xml.rels), with the usual names as the
// fallback. Part names are only resolved as strings against other part names; a relationship
// with TargetMode="External" (a URL or a file elsewhere) is never followed.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace treatysearch::ingest {

// The zip entry name a relationship target names, relative to the part holding the
// relationship ("word/document.xml" + "footnotes.xml" -> "word/footnotes.xml"; "/x" from the
// root); "" when it climbs out of the package.
std::string resolve_part_name(std::string_view source_part, std::string_view target);

// The relationship part of a part: "word/document.xml" -> "word/_rels/document.xml.rels", and
// "" (the package) -> "_rels/.rels".
std::string relationships_part_name(std::string_view source_part);

// Internal relationship targets of a parsed relationship part, by the last segment of their
// type ("officeDocument", "styles", "numbering", "footnotes", "core-properties"), resolved
// against `source_part`. The first relationship of each type wins.
std::map<std::string, std::string, std::less<>> internal_targets(
    const pugi::xml_document& relationships, std::string_view source_part);

}  // namespace treatysearch::ingest

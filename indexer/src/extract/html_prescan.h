// What is checked on an HTML file's bytes before gumbo parses it: the character encoding, and
// an estimate of the nesting depth.
//
// The depth is estimated first because gumbo (0.10) is not made for hostile nesting: finding an
// element "in scope" scans the stack of open elements, so a file of a million nested <div>s
// costs a million squared steps. A light tokenizer follows the open elements as HTML closes
// them (void elements, end tags, an element such as <p> or <li> closed by its next sibling,
// script and style text skipped) and refuses the file when the depth passes the limit; the tree
// gumbo builds is measured again after parsing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace treatysearch::ingest {

// The charset named by a <meta charset="..."> or <meta http-equiv="Content-Type"
// content="...; charset=..."> in the first 1024 bytes (as HTML's prescan looks), or "".
std::string declared_html_charset(std::string_view bytes);

// The estimated deepest nesting of elements, stopping as soon as it passes `limit` (the value
// returned is then limit + 1).
std::size_t estimated_html_depth(std::string_view bytes, std::size_t limit);

}  // namespace treatysearch::ingest

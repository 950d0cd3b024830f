// What is checked on an HTML file's bytes before gumbo parses it: the character encoding, and
// an estimate of the nesting depth.
//
// The nesting is estimated first because gumbo (0.10) is not made for hostile nesting: finding
// an element "in scope" scans the stack of open elements, so each start tag can cost as many
// steps as elements are open. A file of a million nested <div>s costs a million squared steps;
// 100,000 <div>s inside 10,000 open ones cost 6 s. A light tokenizer follows the open elements
// as HTML closes them (void elements, end tags, an element such as <p> or <li> closed by its
// next sibling, script and style text skipped), and the file is refused when the depth passes
// ExtractLimits::max_xml_depth or the sum over start tags of the open elements (the "work")
// passes kMaxHtmlNestingWork. The tree gumbo builds is measured again after parsing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace treatysearch::ingest {

// The charset named by a <meta charset="..."> or <meta http-equiv="Content-Type"
// content="...; charset=..."> in the first 1024 bytes (as HTML's prescan looks), or "".
std::string declared_html_charset(std::string_view bytes);

// About 0.6 s of gumbo's scope checks; real pages need well under a hundredth of it (50,000 tags
// at depth 20 is 1,000,000).
inline constexpr std::uint64_t kMaxHtmlNestingWork = 100'000'000;

struct HtmlNesting {
  std::size_t depth = 0;   // deepest nesting of elements
  std::uint64_t work = 0;  // sum over start tags of the elements open when each is read
};

// The estimated nesting, stopping as soon as depth passes `depth_limit` or work passes
// `work_limit` (the value that passed it is returned).
HtmlNesting estimate_html_nesting(std::string_view bytes, std::size_t depth_limit,
                                  std::uint64_t work_limit);

}  // namespace treatysearch::ingest

#include "manifest.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "metadata_detect.h"
#include "states.h"
#include "text.h"
#include "treatysearch/error.h"

namespace treatysearch::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRootElement = "treatysearch-manifest";
constexpr std::string_view kSupportedVersion = "1";
constexpr std::string_view kAttributes[] = {"file",  "symbol",  "type", "committee",
                                            "state", "session", "date", "language"};
constexpr std::string_view kCommitteeList = "CERD, CCPR, CESCR, CEDAW, CRC, CAT, CRPD, CMW, CED";

// "concluding-observations, follow-up-letter, ...": every code of doctype::kAll, so that the
// message cannot fall behind the list the check uses.
std::string type_list() {
  std::string list;
  for (std::string_view code : doctype::kAll) {
    if (!list.empty()) list += ", ";
    list += code;
  }
  return list;
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Builds the one-line error messages: "<manifest>: line <n>: <what>".
class ErrorReporter {
 public:
  ErrorReporter(std::string path, std::string_view content)
      : path_(std::move(path)), content_(content) {}

  int line_of_offset(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto end = static_cast<std::size_t>(
        std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(content_.size())));
    return 1 + static_cast<int>(std::count(
                   content_.begin(), content_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
  }

  int line_of(const pugi::xml_node& node) const { return line_of_offset(node.offset_debug()); }

  // The line of attribute `name` (its `occurrence`-th copy, from 0) in the start tag of `node`:
  // pugixml records offsets of nodes only, and a <document> often spans several lines.
  int line_of_attribute(const pugi::xml_node& node, std::string_view name,
                        int occurrence = 0) const {
    const std::ptrdiff_t start = node.offset_debug();
    if (start < 0) return 0;
    char quote = 0;
    int seen = 0;
    for (auto i = static_cast<std::size_t>(start) + 1; i < content_.size(); ++i) {
      const char c = content_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        continue;
      }
      if (c == '>') break;
      if (!is_xml_space(content_[i - 1]) || content_.substr(i, name.size()) != name) continue;
      std::size_t after = i + name.size();
      while (after < content_.size() && is_xml_space(content_[after])) ++after;
      if (after < content_.size() && content_[after] == '=' && seen++ == occurrence) {
        return line_of_offset(static_cast<std::ptrdiff_t>(i));
      }
    }
    return line_of(node);
  }

  [[noreturn]] void fail(int line, const std::string& what) const {
    std::string message = path_ + ": ";
    if (line > 0) message += "line " + std::to_string(line) + ": ";
    message += what;
    throw Error(ErrorCode::kInvalidArgument, message);
  }

  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& what) const {
    fail(line_of(node), what);
  }

  [[noreturn]] void fail_at_attribute(const pugi::xml_node& node, std::string_view attribute,
                                      const std::string& what, int occurrence = 0) const {
    fail(line_of_attribute(node, attribute, occurrence), what);
  }

 private:
  std::string path_;
  std::string_view content_;
};

std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

bool has_control_characters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::string read_whole_file(const std::string& path) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists && !ec) throw Error(ErrorCode::kNotFound, path + ": manifest not found");
  if (fs::is_directory(path, ec)) {
    throw Error(ErrorCode::kInvalidArgument, path + ": is a folder, expected a manifest file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open manifest: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": cannot read manifest");
  return std::move(content).str();
}

// The XML predefined entities and character references: all a manifest may contain after '&'.
bool is_allowed_reference(std::string_view name) {
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos")
    return true;
  if (name.size() < 2 || name.front() != '#') return false;
  const bool hex = name[1] == 'x';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  return !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
  });
}

// Rejects document type and entity declarations and every entity reference but the predefined
// ones. pugixml skips a DOCTYPE and copies an unknown reference such as "&xxe;" into the value
// as written, which would then reach a citation; comments, CDATA sections and processing
// instructions are passed over, as they hold no references.
void reject_entities(const ErrorReporter& errors, std::string_view content) {
  const auto offset = [](std::size_t i) { return static_cast<std::ptrdiff_t>(i); };
  std::size_t i = 0;
  while (i < content.size()) {
    const std::string_view rest = content.substr(i);
    std::string_view skip_to;
    if (rest.starts_with("<!--")) {
      skip_to = "-->";
    } else if (rest.starts_with("<![CDATA[")) {
      skip_to = "]]>";
    } else if (rest.starts_with("<?")) {
      skip_to = "?>";
    } else if (rest.starts_with("<!")) {
      errors.fail(errors.line_of_offset(offset(i)),
                  "document type and entity declarations (<!DOCTYPE>, <!ENTITY>) are not "
                  "allowed");
    }
    if (!skip_to.empty()) {
      const std::size_t end = content.find(skip_to, i + 2);
      if (end == std::string_view::npos) return;  // unterminated: the XML parser reports it
      i = end + skip_to.size();
      continue;
    }
    if (content[i] == '&') {
      const std::size_t stop =
          std::min(content.find_first_of("; \t\r\n<>&\"'", i + 1), content.size());
      const bool terminated = stop < content.size() && content[stop] == ';';
      const std::string_view name = content.substr(i + 1, stop - i - 1);
      if (!terminated || name.empty()) {
        errors.fail(errors.line_of_offset(offset(i)),
                    "a bare & is not allowed; write &amp; for a literal &");
      }
      if (!is_allowed_reference(name)) {
        const std::string shown(content.substr(i, std::min<std::size_t>(stop - i + 1, 40)));
        errors.fail(errors.line_of_offset(offset(i)),
                    "entity reference " + shown +
                        " is not allowed (only &amp; &lt; &gt; &quot; &apos; and character "
                        "references such as &#233;)");
      }
    }
    ++i;
  }
}

// Checks a `file` attribute: a relative path inside the manifest's folder.
void check_relative_file(const ErrorReporter& errors, const pugi::xml_node& node,
                         std::string_view file) {
  const std::string shown = in_quotes(file);
  if (file.find('\\') != std::string_view::npos) {
    errors.fail_at_attribute(node, "file", "file " + shown + ": use / to separate folders, not \\");
  }
  const bool drive_letter = file.size() >= 2 && file[1] == ':' && core::is_ascii_alpha(file[0]);
  if (file.front() == '/' || drive_letter) {
    errors.fail_at_attribute(
        node, "file",
        "file " + shown + " is an absolute path; give it relative to the manifest's folder");
  }
  if (file.back() == '/') {
    errors.fail_at_attribute(node, "file", "file " + shown + " names a folder, not a file");
  }
  std::size_t start = 0;
  while (start <= file.size()) {
    std::size_t end = file.find('/', start);
    if (end == std::string_view::npos) end = file.size();
    const std::string_view part = file.substr(start, end - start);
    if (part == "..") {
      errors.fail_at_attribute(
          node, "file", "file " + shown + " leaves the manifest's folder (\"..\" is not allowed)");
    }
    start = end + 1;
  }
  if (fs::path(file).lexically_normal() == ".") {
    errors.fail_at_attribute(node, "file",
                             "file " + shown + " names the manifest's folder, not a file");
  }
}

DocumentInfo read_document(const ErrorReporter& errors, const pugi::xml_node& node,
                           std::string* file) {
  DocumentInfo info;
  std::set<std::string, std::less<>> seen;
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    const std::string_view value = attribute.value();
    if (std::find(std::begin(kAttributes), std::end(kAttributes), name) == std::end(kAttributes)) {
      errors.fail_at_attribute(
          node, name,
          "<document>: unknown attribute " + in_quotes(name) +
              " (expected file, symbol, type, committee, state, session, date, "
              "language)");
    }
    if (!seen.emplace(name).second) {
      errors.fail_at_attribute(node, name,
                               "<document>: attribute " + in_quotes(name) + " is given twice", 1);
    }
    if (is_blank(value)) {
      errors.fail_at_attribute(node, name,
                               "<document>: attribute " + in_quotes(name) +
                                   " is empty; leave it out if the value is unknown");
    }
    if (has_control_characters(value)) {
      errors.fail_at_attribute(
          node, name, "<document>: attribute " + in_quotes(name) + " contains a control character");
    }
  }

  const pugi::xml_attribute file_attribute = node.attribute("file");
  if (!file_attribute) errors.fail(node, "<document> has no file attribute");
  *file = file_attribute.value();
  check_relative_file(errors, node, *file);
  const std::string where = "document " + in_quotes(*file) + ": ";

  if (const auto symbol = node.attribute("symbol"))
    info.symbol = core::collapse_whitespace(symbol.value());

  if (const auto type = node.attribute("type")) {
    if (!is_document_type(type.value())) {
      errors.fail_at_attribute(node, "type",
                               where + "unknown type " + in_quotes(type.value()) +
                                   " (expected one of " + type_list() + ")");
    }
    info.type = type.value();
  }

  if (const auto committee = node.attribute("committee")) {
    std::string code = committee.value();
    std::transform(code.begin(), code.end(), code.begin(), core::ascii_upper);
    if (!is_committee_code(code)) {
      errors.fail_at_attribute(node, "committee",
                               where + "unknown committee " + in_quotes(committee.value()) +
                                   " (expected one of " + std::string(kCommitteeList) + ")");
    }
    info.committee = std::move(code);
  }

  if (const auto state = node.attribute("state")) {
    info.state = core::canonical_state(state.value());
    if (info.state.empty()) {
      errors.fail_at_attribute(node, "state",
                               where + "unknown state " + in_quotes(state.value()) +
                                   " (give an ISO 3166-1 alpha-3 code such as KAZ, or the English "
                                   "name such as Kazakhstan)");
    }
  }

  if (const auto session = node.attribute("session")) {
    const std::string_view value = session.value();
    const bool digits =
        value.size() <= 4 && value.front() != '0' &&
        std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      errors.fail_at_attribute(node, "session",
                               where + "session " + in_quotes(value) +
                                   " is not a session number (write 110, not \"110th\")");
    }
    info.session = value;
  }

  if (const auto date = node.attribute("date")) {
    if (!is_iso_date(date.value())) {
      errors.fail_at_attribute(node, "date",
                               where + "date " + in_quotes(date.value()) +
                                   " is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    info.date = date.value();
  }

  if (const auto language = node.attribute("language")) {
    std::string code = language.value();
    const bool letters = (code.size() == 2 || code.size() == 3) &&
                         std::all_of(code.begin(), code.end(), core::is_ascii_alpha);
    if (!letters) {
      errors.fail_at_attribute(node, "language",
                               where + "language " + in_quotes(code) +
                                   " is not a two- or three-letter language code such as \"en\"");
    }
    info.language = core::ascii_lowercase(code);
  }

  bool has_title = false;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (is_blank(child.value())) continue;
      errors.fail(child, where + "unexpected text inside <document>; put the title in <title>");
    }
    if (child.type() != pugi::node_element) continue;  // comments, processing instructions
    if (std::string_view(child.name()) != "title") {
      errors.fail(child, where + "unknown element <" + child.name() + "> (expected <title>)");
    }
    if (has_title) errors.fail(child, where + "more than one <title>");
    has_title = true;
    if (child.first_attribute()) {
      errors.fail(child, where + "<title> takes no attributes");
    }
    std::string text;
    for (const pugi::xml_node& part : child.children()) {
      if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) {
        text += part.value();
      } else if (part.type() == pugi::node_element) {
        errors.fail(part, where + "<title> must contain text only, found <" +
                              std::string(part.name()) + ">");
      }
    }
    info.title = core::collapse_whitespace(text);
    if (info.title.empty()) errors.fail(child, where + "<title> is empty");
  }
  return info;
}

}  // namespace

Manifest Manifest::load(const std::string& path) { return parse(path, read_whole_file(path)); }

Manifest Manifest::parse(const std::string& path, const std::string& content) {
  const ErrorReporter errors(path, content);
  reject_entities(errors, content);

  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(
      content.data(), content.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    errors.fail(errors.line_of_offset(parsed.offset),
                std::string("not well-formed XML: ") + parsed.description());
  }

  const pugi::xml_node root = document.document_element();
  if (!root) errors.fail(1, "no root element; expected <treatysearch-manifest version=\"1\">");
  if (std::string_view(root.name()) != kRootElement) {
    errors.fail(root, "root element is <" + std::string(root.name()) +
                          ">, expected <treatysearch-manifest>");
  }
  for (const pugi::xml_attribute& attribute : root.attributes()) {
    if (std::string_view(attribute.name()) != "version") {
      errors.fail(root, "<treatysearch-manifest>: unknown attribute " +
                            in_quotes(attribute.name()) + " (expected version)");
    }
  }
  const pugi::xml_attribute version = root.attribute("version");
  if (!version)
    errors.fail(root, "<treatysearch-manifest> has no version attribute; write version=\"1\"");
  if (std::string_view(version.value()) != kSupportedVersion) {
    errors.fail(root, "unsupported manifest version " + in_quotes(version.value()) +
                          " (this treatysearch reads version 1)");
  }

  Manifest manifest;
  std::error_code ec;
  fs::path absolute_manifest = fs::absolute(path, ec);
  if (ec) absolute_manifest = path;
  const fs::path folder = absolute_manifest.lexically_normal().parent_path();
  manifest.folder_ = folder.string();

  std::map<std::string, int, std::less<>> line_of_file;
  for (const pugi::xml_node& child : root.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (is_blank(child.value())) continue;
      errors.fail(child, "unexpected text inside <treatysearch-manifest>");
    }
    if (child.type() != pugi::node_element) continue;
    if (std::string_view(child.name()) != "document") {
      errors.fail(child,
                  "unknown element <" + std::string(child.name()) + "> (expected <document>)");
    }
    std::string file;
    DocumentInfo info = read_document(errors, child, &file);
    const std::string full_path = (folder / fs::path(file)).lexically_normal().string();
    const int line = errors.line_of(child);
    const auto [previous, inserted] = line_of_file.emplace(full_path, line);
    if (!inserted) {
      errors.fail(line, "document " + in_quotes(file) + " is already described at line " +
                            std::to_string(previous->second));
    }
    const std::size_t index = manifest.entries_.size();
    manifest.by_path_.emplace(full_path, index);
    const fs::path canonical = fs::weakly_canonical(full_path, ec);
    if (!ec) manifest.by_canonical_.emplace(canonical.string(), index);
    manifest.entries_.push_back(Entry{full_path, std::move(info)});
  }
  return manifest;
}

const DocumentInfo* Manifest::find(std::string_view file_path) const {
  if (entries_.empty() || file_path.empty()) return nullptr;
  std::error_code ec;
  fs::path path{std::string(file_path)};
  if (path.is_relative()) {
    path = fs::absolute(path, ec);
    if (ec) return nullptr;
  }
  if (const auto it = by_path_.find(path.lexically_normal().string()); it != by_path_.end()) {
    return &entries_[it->second].info;
  }
  const fs::path canonical = fs::weakly_canonical(path, ec);
  if (ec) return nullptr;
  if (const auto it = by_canonical_.find(canonical.string()); it != by_canonical_.end()) {
    return &entries_[it->second].info;
  }
  return nullptr;
}

std::vector<std::string> Manifest::files() const {
  std::vector<std::string> paths;
  paths.reserve(entries_.size());
  for (const Entry& entry : entries_) paths.push_back(entry.path);
  return paths;
}

}  // namespace treatysearch::ingest

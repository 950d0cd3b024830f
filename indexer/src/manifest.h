// The XML manifest: metadata per file that the text does not state, or states wrongly.
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <treatysearch-manifest version="1">
//     <document file="cerd-follow-up-letter-kazakhstan-2023.txt"
//               symbol="CERD/110th session/2023/FU/AKB/ks" type="follow-up-letter"
//               committee="CERD" state="Kazakhstan" session="110" date="2023-09-12"
//               language="en">
//       <title>Follow-up letter of the Committee ... on CERD/C/KAZ/CO/8-10</title>
//     </document>
//   </treatysearch-manifest>
//
// Every attribute but `file` is optional, and so is <title>; what is given overrides detection
// (see merge() in metadata_detect.h). corpus/README.md documents the format for users.
//
// Validation is strict, because a typo silently ignored would index a document under the wrong
// committee or State: unknown elements and attributes, empty values, unknown type, committee or
// State, malformed session, date or language, absolute paths, ".." and duplicate entries are
// all errors, and so are DOCTYPE and entity declarations and entity references other than the
// five predefined ones and character references. The manifest is UTF-8.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "treatysearch/types.h"

namespace treatysearch::ingest {

class Manifest {
 public:
  // An empty manifest: find() returns nullptr for every file.
  Manifest() = default;

  // Reads and validates the manifest at `path`.
  // Throws treatysearch::Error: kNotFound if the file does not exist, kIo if it cannot be
  // read, kInvalidArgument if it is not a valid manifest, with a one-line message naming the
  // file and line: `corpus/manifest.xml: line 12: document "a.txt": unknown committee "CRED"
  // (expected one of CERD, CCPR, ...)`.
  static Manifest load(const std::string& path);

  // Validates `content` as if read from `path` (whose folder anchors the file names; `path` is
  // not opened). Throws as load() does, kInvalidArgument only.
  static Manifest parse(const std::string& path, const std::string& content);

  // The overrides for one file, or nullptr if the manifest does not describe it. A relative
  // `file_path` is taken relative to the current directory; symbolic links are resolved when
  // the plain path does not match. The returned fields are normalized: committee upper case,
  // state its canonical English name, title on one line. `source` is left empty.
  const DocumentInfo* find(std::string_view file_path) const;

  // The absolute folder that `file` attributes are relative to (the manifest's own folder).
  std::string_view folder() const { return folder_; }

  // Absolute paths of every file the manifest describes, in document order (so that a caller
  // can report entries that match no file).
  std::vector<std::string> files() const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string path;  // folder_ / file, lexically normal
    DocumentInfo info;
  };

  std::string folder_;
  std::vector<Entry> entries_;
  std::map<std::string, std::size_t, std::less<>> by_path_;       // lexical path -> entry
  std::map<std::string, std::size_t, std::less<>> by_canonical_;  // symlinks resolved -> entry
};

}  // namespace treatysearch::ingest

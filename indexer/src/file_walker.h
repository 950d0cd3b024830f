// Expands the paths given to the indexer into the files to index.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace treatysearch::ingest {

struct FoundFile {
  std::filesystem::path absolute;  // lexically normal absolute path: the file's identity
  std::string display;             // as the user would write it: the given path, or given
                                   // folder + relative part
  bool named = false;              // named on the command line (not found in a folder)
  std::string error;               // set when the path cannot be used
};

struct WalkResult {
  std::vector<FoundFile> files;                  // in a stable order: as given, folders sorted
  std::vector<std::filesystem::path> folders;    // absolute roots that were walked
  std::vector<std::filesystem::path> manifests;  // manifest.xml found at a walked root
};

// Walks `paths`: a file is taken as it is (whatever its format; the indexer reports unsupported
// ones), a folder recursively for files of supported formats (hidden files and folders, and
// manifest.xml, are skipped; symbolic links to folders are not followed, so cycles cannot
// occur). A missing or unreadable path becomes a FoundFile with `error` set.
WalkResult walk_paths(const std::vector<std::string>& paths);

}  // namespace treatysearch::ingest

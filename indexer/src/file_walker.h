// Expands the paths given to the indexer into the files to index.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "treatysearch/indexer.h"

namespace treatysearch::ingest {

struct FoundFile {
  std::filesystem::path absolute;  // lexically normal absolute path: the file's identity
  std::string display;             // as the user would write it: the given path, or given
                                   // folder + relative part
  bool named = false;              // named on the command line (not found in a folder)
  std::string error;               // set when the path cannot be used
  // Read through a symbolic link: true when named, or a link followed by choice
  // (WalkOptions::follow_links). Otherwise the file was a regular file when walked, and is
  // opened without following links, so a link swapped in after the walk is refused.
  bool through_links = false;
};

// Ends the message of a file or folder that cannot be read: the indexer keeps what it had
// indexed from there (WalkResult::unreadable_folders).
inline constexpr const char* kKeptNote = "; what was indexed from it stays";

struct WalkOptions {
  // Follow a symbolic link to a file found in a folder when its target is inside one of the
  // folders given (links to folders are never followed, so cycles cannot occur).
  bool follow_links = false;
};

struct WalkResult {
  std::vector<FoundFile> files;                  // in a stable order: as given, folders sorted
  std::vector<std::filesystem::path> folders;    // absolute roots that were walked
  std::vector<std::filesystem::path> manifests;  // manifest.xml found at a walked root
  // Folders (absolute) whose content could not be listed, each also in `files` with an error:
  // what was indexed under them must stay, since nobody can tell whether it is still there.
  std::vector<std::filesystem::path> unreadable_folders;
  std::vector<SkippedPath> skipped;  // found in folders and deliberately left out, in walk order
};

// Walks `paths`: a file (or a symbolic link) named in `paths` is taken as it is, whatever its
// format (the indexer reports unsupported ones). A folder is walked recursively, in sorted
// order, for regular files of supported formats; everything else found there is listed in
// `skipped` with the reason (hidden names, symbolic links unless followed, FIFOs, sockets,
// devices, other formats, manifest.xml). A missing path, or a folder or entry that cannot be
// read, becomes a FoundFile with `error` set.
WalkResult walk_paths(const std::vector<std::string>& paths, const WalkOptions& options = {});

}  // namespace treatysearch::ingest

#include "file_walker.h"

#include <unordered_map>

#include <algorithm>
#include <system_error>

#include "extract.h"

namespace treatysearch::ingest {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifestName = "manifest.xml";

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  const fs::path relative = path.lexically_relative(folder);
  return !relative.empty() && relative != "." && *relative.begin() != "..";
}

std::string special_file_kind(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "FIFO";
    case fs::file_type::socket:
      return "socket";
    case fs::file_type::block:
    case fs::file_type::character:
      return "device";
    default:
      return "special file";
  }
}

class FolderWalker {
 public:
  FolderWalker(const WalkOptions& options, std::vector<fs::path> canonical_roots,
               WalkResult* result)
      : options_(options), canonical_roots_(std::move(canonical_roots)), result_(result) {}

  // Walks `folder` (absolute, lexically normal) depth first, each level in name order, so the
  // files come out sorted by path.
  void walk(const fs::path& folder, const std::string& display, bool is_root) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(*it);
    if (ec) {
      // Nothing listed from a folder counts as gone: a partial listing is dropped whole, and
      // the indexer keeps everything it had indexed under the folder.
      result_->files.push_back(
          {folder, display, is_root, "cannot read folder: " + ec.message() + kKeptNote});
      result_->unreadable_folders.push_back(folder);
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const auto& entry : entries) visit(entry, display, is_root);
  }

 private:
  void skip(std::string display, SkipReason reason, std::string detail) {
    result_->skipped.push_back({std::move(display), reason, std::move(detail)});
  }

  void visit(const fs::directory_entry& entry, const std::string& parent_display, bool in_root) {
    const fs::path path = entry.path();
    const std::string name = path.filename().string();
    const std::string display = (fs::path(parent_display) / name).string();
    std::error_code ec;
    const fs::file_status status = entry.symlink_status(ec);
    if (ec) {
      result_->files.push_back({path, display, false, "cannot read: " + ec.message() + kKeptNote});
      result_->unreadable_folders.push_back(path);  // in case it is a folder
      return;
    }
    const bool folder = fs::is_directory(status);
    if (name.starts_with('.')) {
      skip(display, SkipReason::kHidden, folder ? "hidden folder, not entered" : "hidden file");
      return;
    }
    if (folder) {
      walk(path, display, false);
    } else if (fs::is_symlink(status)) {
      visit_link(path, display);
    } else if (fs::is_regular_file(status)) {
      visit_file(path, display, in_root);
    } else {
      skip(display, SkipReason::kSpecialFile, special_file_kind(status.type()));
    }
  }

  void visit_file(const fs::path& path, const std::string& display, bool in_root,
                  bool through_link = false) {
    if (path.filename() == kManifestName) {
      // The one at the top of a folder given is the folder's manifest (WalkResult::manifests).
      if (!in_root)
        skip(display, SkipReason::kManifest,
             "manifest.xml is read only at the top of a folder given");
      return;
    }
    const FormatInfo format = format_for_path(path);
    if (format.format == Format::kUnsupported) {
      const std::string& name = format.name;
      skip(display, SkipReason::kUnsupportedFormat,
           name == "unknown" ? "no file name extension of a format indexed"
                             : "format " + name + " not indexed");
      return;
    }
    result_->files.push_back({path, display, false, {}, through_link});
  }

  void visit_link(const fs::path& path, const std::string& display) {
    std::error_code ec;
    const fs::file_status target = fs::status(path, ec);
    if (ec || !fs::exists(target)) {
      skip(display, SkipReason::kDanglingSymlink,
           ec && ec != std::errc::no_such_file_or_directory
               ? "symbolic link that cannot be followed: " + ec.message()
               : "symbolic link to nothing");
      return;
    }
    if (fs::is_directory(target)) {
      skip(display, SkipReason::kSymlinkToFolder, "symbolic link to a folder, never followed");
      return;
    }
    if (!options_.follow_links) {
      skip(display, SkipReason::kSymlink, "symbolic link, not followed");
      return;
    }
    const fs::path resolved = fs::canonical(path, ec);
    const bool inside =
        !ec && std::any_of(canonical_roots_.begin(), canonical_roots_.end(),
                           [&](const fs::path& root) { return is_inside(resolved, root); });
    if (!inside) {
      skip(display, SkipReason::kSymlinkOutside,
           "symbolic link leading outside the folders given, not followed");
      return;
    }
    if (!fs::is_regular_file(target)) {
      skip(display, SkipReason::kSpecialFile,
           "symbolic link to a " + special_file_kind(target.type()));
      return;
    }
    visit_file(path, display, false, /*through_link=*/true);
  }

  const WalkOptions& options_;
  const std::vector<fs::path> canonical_roots_;
  WalkResult* result_;
};

}  // namespace

namespace {

// A file both named and found in a folder given (or named twice) is one file: it is read once,
// where it was first found, and it counts as named (read through a link) if it was named.
void keep_first_of_each_path(std::vector<FoundFile>* files) {
  std::unordered_map<std::string, std::size_t> first;
  std::vector<FoundFile> kept;
  kept.reserve(files->size());
  for (FoundFile& file : *files) {
    const auto [it, inserted] = first.emplace(file.absolute.string(), kept.size());
    if (inserted) {
      kept.push_back(std::move(file));
      continue;
    }
    FoundFile& earlier = kept[it->second];
    earlier.named = earlier.named || file.named;
    earlier.through_links = earlier.through_links || file.through_links;
  }
  *files = std::move(kept);
}

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths, const WalkOptions& options) {
  WalkResult result;
  // Where followed links may lead: inside any folder given, wherever its real location is.
  std::vector<fs::path> canonical_roots;
  for (const auto& given : paths) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) continue;
    const fs::path root = fs::canonical(given, ec);
    if (!ec) canonical_roots.push_back(root);
  }
  FolderWalker walker(options, canonical_roots, &result);

  for (const auto& given : paths) {
    const fs::path path(given);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      const bool link = fs::is_symlink(fs::symlink_status(path, ec));
      result.files.push_back({absolute_normal(path), given, true,
                              link ? "symbolic link to nothing" : "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      const fs::path root = absolute_normal(path);
      result.folders.push_back(root);
      if (fs::is_regular_file(root / kManifestName, ec))
        result.manifests.push_back(root / kManifestName);
      walker.walk(root, given, true);
    } else if (fs::is_regular_file(status)) {
      result.files.push_back({absolute_normal(path), given, true, {}, true});
    } else {
      result.files.push_back({absolute_normal(path), given, true,
                              "not a regular file (" + special_file_kind(status.type()) + ")"});
    }
  }
  keep_first_of_each_path(&result.files);
  return result;
}

}  // namespace treatysearch::ingest

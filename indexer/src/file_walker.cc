#include "file_walker.h"

#include <algorithm>
#include <system_error>

#include "extract.h"

namespace treatysearch::ingest {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifestName = "manifest.xml";

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

void walk_folder(const fs::path& root, const std::string& display_root, WalkResult* result) {
  std::vector<FoundFile> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result->files.push_back({absolute_normal(root), display_root, true, ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    if (is_hidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (p.filename() == kManifestName) continue;
    if (format_for_path(p).format == Format::kUnsupported) continue;
    const fs::path relative = p.lexically_relative(root);
    found.push_back({absolute_normal(p), (fs::path(display_root) / relative).string(), false, {}});
  }
  if (ec)
    result->files.push_back(
        {absolute_normal(root), display_root, true, "cannot read folder: " + ec.message()});
  std::sort(found.begin(), found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.absolute < b.absolute; });
  for (auto& f : found) result->files.push_back(std::move(f));
}

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths) {
  WalkResult result;
  for (const auto& given : paths) {
    const fs::path path(given);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.files.push_back({absolute_normal(path), given, true, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      const fs::path root = absolute_normal(path);
      result.folders.push_back(root);
      if (fs::is_regular_file(root / kManifestName, ec))
        result.manifests.push_back(root / kManifestName);
      walk_folder(root, given, &result);
    } else if (fs::is_regular_file(status)) {
      result.files.push_back({absolute_normal(path), given, true, {}});
    } else {
      result.files.push_back({absolute_normal(path), given, true, "not a regular file"});
    }
  }
  return result;
}

}  // namespace treatysearch::ingest

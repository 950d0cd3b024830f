// The search page's files, built into treaty-serve (web/, embedded by embed_web_assets.cmake):
// nothing is read from disk or fetched from elsewhere when the page is served.
#pragma once

#include <cstddef>
#include <string_view>

namespace treatysearch::serve {

struct WebAsset {
  const char* path;  // as requested: "/", "/app.js"
  const char* content_type;
  const char* bytes;
  std::size_t size;
};

// The file served at `path` (exact match), or nullptr.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace treatysearch::serve

#include "query_string.h"

#include <algorithm>

namespace treatysearch::serve {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A value as a message shows it: cut, so that a huge parameter gives a short line.
std::string shown(std::string_view value) {
  constexpr std::size_t kMaxShown = 60;
  return value.size() <= kMaxShown ? std::string(value)
                                   : std::string(value.substr(0, kMaxShown)) + "...";
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Parameters::Parameters(std::string_view query, const std::vector<std::string_view>& allowed) {
  std::size_t begin = 0;
  while (begin <= query.size() && !query.empty()) {
    std::size_t end = query.find('&', begin);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view item = query.substr(begin, end - begin);
    begin = end + 1;
    if (item.empty()) {
      if (end == query.size()) break;
      continue;
    }
    if (items_.size() == kMaxParameters)
      throw BadRequest("more than " + std::to_string(kMaxParameters) + " parameters");
    const std::size_t equals = item.find('=');
    const auto name = percent_decode(item.substr(0, equals), true);
    const auto value = equals == std::string_view::npos
                           ? std::optional<std::string>("")
                           : percent_decode(item.substr(equals + 1), true);
    if (!name || !value) throw BadRequest("parameter '" + shown(item) + "': a malformed %-escape");
    if (std::find(allowed.begin(), allowed.end(), *name) == allowed.end()) {
      std::string expected;
      for (const std::string_view known : allowed)
        expected += (expected.empty() ? "" : ", ") + std::string(known);
      throw BadRequest("unknown parameter '" + shown(*name) + "' (expected " + expected + ")");
    }
    items_.emplace_back(*name, *value);
    if (end == query.size()) break;
  }
}

std::vector<std::string> Parameters::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : items_)
    if (key == name && !value.empty()) values.push_back(value);
  return values;
}

std::optional<std::string> Parameters::last(std::string_view name) const {
  std::optional<std::string> found;
  for (const auto& [key, value] : items_)
    if (key == name && !value.empty()) found = value;
  return found;
}

std::uint64_t Parameters::number(std::string_view name, std::uint64_t fallback, std::uint64_t min,
                                 std::uint64_t max) const {
  const auto text = last(name);
  if (!text) return fallback;
  std::uint64_t value = 0;
  bool ok = !text->empty() && text->size() <= 19;
  for (const char c : *text) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (!ok || value < min || value > max)
    throw BadRequest(std::string(name) + " '" + shown(*text) + "': expected a whole number from " +
                     std::to_string(min) + " to " + std::to_string(max));
  return value;
}

bool Parameters::flag(std::string_view name) const {
  bool on = false;
  for (const auto& [key, value] : items_) {
    if (key != name) continue;
    if (value.empty() || value == "1" || value == "true") {
      on = true;
    } else if (value == "0" || value == "false") {
      on = false;
    } else {
      throw BadRequest(std::string(name) + " '" + shown(value) + "': expected 1, true, 0 or false");
    }
  }
  return on;
}

}  // namespace treatysearch::serve

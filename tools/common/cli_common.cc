#include "cli_common.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace treatysearch::cli {

std::string default_index_dir() {
  if (const char* explicit_dir = std::getenv("TREATYSEARCH_INDEX"); explicit_dir && *explicit_dir)
    return explicit_dir;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
    return std::string(data) + "/treatysearch/index";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/treatysearch/index";
}

bool is_terminal(int fd) { return isatty(fd) == 1; }

void print_error(std::string_view tool, std::string_view message) {
  std::string line(message);
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  std::cerr << tool << ": " << line << '\n';
}

}  // namespace treatysearch::cli

// Translation of Xapian exceptions into treatysearch::Error at the library boundary.
#pragma once

#include <string>

namespace Xapian {
class Error;
}

namespace treatysearch::core {

// Throws the treatysearch::Error matching `error`, with a one-line message
// "<index_dir>: <what went wrong>". Never returns.
[[noreturn]] void throw_translated(const Xapian::Error& error, const std::string& index_dir);

}  // namespace treatysearch::core

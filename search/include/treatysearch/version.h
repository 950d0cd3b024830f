#pragma once

#include "treatysearch/export.h"

namespace treatysearch {

// The library version, "MAJOR.MINOR.PATCH".
TREATYSEARCH_API const char* version();

// The on-disk schema version this build reads and writes. An index written with another version
// is refused with ErrorCode::kVersionMismatch.
inline constexpr int kSchemaVersion = 4;

}  // namespace treatysearch

#include "treatysearch/version.h"

namespace treatysearch {

const char* version() { return TREATYSEARCH_VERSION_STRING; }

}  // namespace treatysearch

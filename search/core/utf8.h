// The UTF-8 helpers live in the text module (text.h); this header only forwards to it, for the
// files that still include it by its old name.
#pragma once

#include "text.h"

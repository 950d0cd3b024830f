// Umbrella header: the whole public API of treatysearch.
#pragma once

#include "treatysearch/check.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"
#include "treatysearch/types.h"
#include "treatysearch/version.h"

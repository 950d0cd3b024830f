// Per-language words, letters and digits (segmenter_words.h) read as their English equivalents.
#include <gtest/gtest.h>

#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

}  // namespace
}  // namespace treatysearch::ingest

// Looking passages up in a segmentation, for the segmenter's tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segmenter.h"

namespace treatysearch::ingest::test_support {

// The labels of the passages of one kind, in document order.
inline std::vector<std::string> labels_of_kind(const SegmentedText& segmented, PassageKind kind) {
  std::vector<std::string> labels;
  for (const Passage& passage : segmented.passages)
    if (passage.kind == kind) labels.push_back(passage.label);
  return labels;
}

// The first passage with this label, or nullptr.
inline const Passage* find_passage(const SegmentedText& segmented, std::string_view label) {
  for (const Passage& passage : segmented.passages)
    if (passage.label == label) return &passage;
  return nullptr;
}

}  // namespace treatysearch::ingest::test_support

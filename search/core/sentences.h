// Sentence boundaries of a passage, for the /s connector (passage_check.h). The indexer stores,
// per passage, the word positions where a sentence starts (position_list.h); queries never
// segment text themselves, so what "the same sentence" means is fixed when the index is built.
//
// ICU's sentence rules (UAX #29) wrapped in a FilteredBreakIterator: a full stop after an
// abbreviation a legal text uses ("para.", "No.", "art.", "Mr.", "e.g.", French "al.", Russian
// "ст.", Spanish "núm.", ...) does not end a sentence. The lists below add to ICU's own
// suppressions for the language where ICU has them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// Thread-compatible: one SentenceBreaker per thread (each holds ICU iterators).
class SentenceBreaker {
 public:
  SentenceBreaker();
  ~SentenceBreaker();
  SentenceBreaker(const SentenceBreaker&) = delete;
  SentenceBreaker& operator=(const SentenceBreaker&) = delete;

  // Replaces *starts with the byte offsets in `text` (UTF-8) where a sentence other than the
  // first starts, in increasing order. `language` is a primary subtag ("en", "fr", ...) choosing
  // the abbreviations; an unknown one gets the common list. On an ICU failure, no boundaries
  // (the passage is one sentence).
  void starts(std::string_view text, std::string_view language, std::vector<std::uint32_t>* out);

  // The abbreviations whose full stop never ends a sentence in `language` (besides ICU's).
  static std::vector<std::string> abbreviations(std::string_view language);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace treatysearch::core

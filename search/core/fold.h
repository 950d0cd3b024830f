// Folding of one word token into the forms the index stores. Part of the one analyzer that
// indexing and querying share (see analyzer.h); nothing else may fold terms.
#pragma once

#include <string>
#include <string_view>

namespace treatysearch::core {

// The forms of one token. Every query word and every indexed word goes through fold(), so the
// forms always agree between the two sides.
struct FoldedForms {
  // NFKC, with case and accents as written; typographic apostrophes as '; decimal digits of
  // every script as ASCII; Arabic tatweel removed; elision removed. What exact-mode queries
  // (#word) match.
  std::string original;
  // `original` case-folded; Russian ё as е; Arabic tashkeel removed, alef and yeh variants
  // unified. The form the Snowball stemmers need (they expect accents).
  std::string lower;
  // `lower` without Latin and Greek diacritics (égalité -> egalite; й, Kazakh and Thai letters
  // untouched): the form default queries match.
  std::string surface;
};

// Reusable folder; holds ICU normalizer handles and scratch buffers.
// Thread-compatible: use one per thread.
class TokenFolder {
 public:
  TokenFolder();

  // Folds `token` (UTF-8, one word as segmented). Forms may come out empty (a token of tatweel
  // only); callers then drop the token.
  void fold(std::string_view token, FoldedForms* out);

  // Removes Latin/Greek diacritics and stray combining marks from folded text (used on stems).
  void strip_diacritics(std::string_view folded, std::string* out) const;

 private:
  void fold_non_ascii(std::string_view token, FoldedForms* out);
  std::string scratch_;
};

// Removes a French elided article or pronoun ("l'", "qu'", ... in any case) at the start, and the
// English possessive "'s" or a trailing "'" at the end, in place. ASCII-case-insensitive, so the
// same characters come off a word's original and lower-case forms.
void strip_elision(std::string* word);

}  // namespace treatysearch::core

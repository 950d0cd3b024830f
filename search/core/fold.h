// Folding of one word token into the forms the index stores. Part of the one analyzer that
// indexing and querying share (see analyzer.h); nothing else may fold terms.
#pragma once

#include <string>
#include <string_view>

namespace treatysearch::core {

// Reusable folder; holds ICU normalizer handles and scratch buffers.
// Thread-compatible: use one per thread.
class TokenFolder {
 public:
  TokenFolder();

  // Folds `token` (valid UTF-8, one word as segmented) into:
  //  *exact   NFKC case folding; ’ and ʼ as '; every decimal digit as ASCII; Russian ё as е;
  //           Arabic without tashkeel and tatweel, alef and yeh variants unified; French
  //           elision (l', d', qu', ...) and the English possessive 's removed. Accents kept:
  //           this is the form stemmers need and that "exact" queries match.
  //  *surface `exact` with Latin and Greek diacritics (and stray combining marks) removed:
  //           égalité -> egalite, but й, ё-free Cyrillic, Kazakh and Thai letters are untouched.
  // Either may come out empty (a token of tatweel only); callers then drop the token.
  void fold(std::string_view token, std::string* exact, std::string* surface);

  // Removes Latin/Greek diacritics from already folded text (used on stems).
  void strip_diacritics(std::string_view folded, std::string* out) const;

 private:
  void fold_non_ascii(std::string_view token, std::string* exact);
  std::string scratch_;
};

// Removes a French elided article/pronoun ("l'", "qu'", ...) at the start and the English
// possessive "'s" or a trailing "'" at the end of an already folded token, in place.
void strip_elision(std::string* folded);

}  // namespace treatysearch::core

#include "pdf_arabic.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::pdf {

using core::decode_at;
using core::kInvalidCodePoint;

namespace {

bool is_rtl_direction(UCharDirection direction) {
  return direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC;
}

// Presentation forms are U+FB50-U+FDFF and U+FE70-U+FEFF: UTF-8 EF AD 90 .. EF B7 BF and
// EF B9 B0 .. EF BB BF. A byte scan finds them without decoding.
bool may_hold_presentation_forms(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xEF) continue;
    const unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0xAD && next <= 0xBB) return true;
  }
  return false;
}

std::u16string to_utf16(std::string_view text) {
  std::u16string out(text.size(), u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::string to_utf8(const char16_t* text, int32_t length) {
  std::string out(static_cast<std::size_t>(length) * 3, '\0');
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &written, text, length, 0xFFFD,
                     nullptr, &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(written));
  return out;
}

struct BidiCloser {
  void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

}  // namespace

int rtl_balance(std::string_view text) {
  int balance = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = decode_at(text, i);
    i += decoded.length;
    // ASCII letters are left-to-right; other ASCII is neutral or weak.
    if (decoded.value < 0x80) {
      if (core::is_ascii_alpha(static_cast<char>(decoded.value))) --balance;
      continue;
    }
    if (decoded.value == kInvalidCodePoint) continue;
    const UCharDirection direction = u_charDirection(static_cast<UChar32>(decoded.value));
    if (is_rtl_direction(direction)) {
      ++balance;
    } else if (direction == U_LEFT_TO_RIGHT) {
      --balance;
    }
  }
  return balance;
}

bool has_rtl_letters(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // U+0590-U+08FF are two-byte sequences led by D6-DF or E0 A0-A3; presentation forms by EF.
    if ((lead >= 0xD6 && lead <= 0xDF) || lead == 0xE0 || lead == 0xEF) {
      const auto decoded = decode_at(text, i);
      if (decoded.value != kInvalidCodePoint &&
          is_rtl_direction(u_charDirection(static_cast<UChar32>(decoded.value)))) {
        return true;
      }
      i += decoded.length;
      continue;
    }
    i += decode_at(text, i).length;
  }
  return false;
}

std::string reverse_characters(std::string_view text) {
  // Clusters: a base character and the combining marks after it.
  std::vector<std::string_view> clusters;
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = decode_at(text, i);
    if (!clusters.empty() && core::is_mark(decoded.value)) {
      const std::string_view& last = clusters.back();
      clusters.back() = text.substr(static_cast<std::size_t>(last.data() - text.data()),
                                    last.size() + decoded.length);
    } else {
      clusters.push_back(text.substr(i, decoded.length));
    }
    i += decoded.length;
  }
  std::string out;
  out.reserve(text.size());
  for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) out.append(*it);
  return out;
}

std::string logical_from_visual(std::string_view visual, bool rtl) {
  const std::u16string text = to_utf16(visual);
  if (text.empty()) return std::string(visual);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_open());
  if (!bidi) return std::string(visual);
  // Visual to logical: the text is given as displayed.
  ubidi_setReorderingMode(bidi.get(), UBIDI_REORDER_INVERSE_LIKE_DIRECT);
  ubidi_setPara(bidi.get(), text.data(), static_cast<int32_t>(text.size()),
                rtl ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
  if (U_FAILURE(status)) return std::string(visual);
  std::u16string out(text.size() * 2 + 8, u'\0');
  const int32_t length =
      ubidi_writeReordered(bidi.get(), out.data(), static_cast<int32_t>(out.size()),
                           UBIDI_KEEP_BASE_COMBINING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) return std::string(visual);
  return to_utf8(out.data(), length);
}

void fold_presentation_forms(std::string* text) {
  if (!may_hold_presentation_forms(*text)) return;
  const std::u16string source = to_utf16(*text);
  if (source.empty()) return;
  // A lam-alef ligature unshapes to two letters: the result can be up to twice as long.
  std::u16string out(source.size() * 2 + 8, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_shapeArabic(
      source.data(), static_cast<int32_t>(source.size()), out.data(),
      static_cast<int32_t>(out.size()),
      U_SHAPE_LETTERS_UNSHAPE | U_SHAPE_LENGTH_GROW_SHRINK | U_SHAPE_TEXT_DIRECTION_LOGICAL,
      &status);
  if (U_FAILURE(status)) return;
  *text = to_utf8(out.data(), length);
}

void unify_mixed_digits(std::string* text) {
  // Arabic-Indic digits U+0660-U+0669 are D9 A0 .. D9 A9 in UTF-8.
  const auto arabic_digit_at = [&](std::size_t i) {
    return i + 1 < text->size() && static_cast<unsigned char>((*text)[i]) == 0xD9 &&
           static_cast<unsigned char>((*text)[i + 1]) >= 0xA0 &&
           static_cast<unsigned char>((*text)[i + 1]) <= 0xA9;
  };
  std::string out;
  for (std::size_t i = 0; i < text->size();) {
    const bool ascii = core::is_ascii_digit((*text)[i]);
    if (!ascii && !arabic_digit_at(i)) {
      out.push_back((*text)[i]);
      ++i;
      continue;
    }
    // A run of digits of either kind.
    std::size_t end = i;
    bool has_ascii = false, has_arabic = false;
    while (end < text->size()) {
      if (core::is_ascii_digit((*text)[end])) {
        has_ascii = true;
        ++end;
      } else if (arabic_digit_at(end)) {
        has_arabic = true;
        end += 2;
      } else {
        break;
      }
    }
    for (std::size_t k = i; k < end;) {
      if (has_ascii && has_arabic && arabic_digit_at(k)) {
        out.push_back(static_cast<char>('0' + (static_cast<unsigned char>((*text)[k + 1]) - 0xA0)));
        k += 2;
      } else {
        out.push_back((*text)[k]);
        ++k;
      }
    }
    i = end;
  }
  *text = std::move(out);
}

}  // namespace treatysearch::ingest::pdf

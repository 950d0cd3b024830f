#include "language_detect.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdio>  // CLD2's header uses FILE without including it
#include <map>
#include <utility>
#include <vector>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "utf8.h"

namespace treatysearch::ingest {
namespace {

// A passage's language is settled by its first few kilobytes; reading further only costs time
// (CLD2 runs at about 20-35 MB/s, and a long passage is no more mixed than its beginning).
constexpr std::size_t kMaxPassageBytes = 4 * 1024;

// The whole-document guess reads at most this much. A larger text is sampled in evenly spaced
// windows, so that a document in several languages is still weighed as a whole (its last
// language is not cut off), at a bounded cost for a 256 MB file.
constexpr std::size_t kMaxDocumentBytes = 4 * 1024 * 1024;
constexpr std::size_t kDocumentWindows = 64;

// CLD2 reports a language it names without any rival as unreliable surprisingly often: with the
// full tables, one in six of the UDHR's Russian paragraphs comes back "ru, 41-77 %, unreliable",
// the rest of the text scored as no language at all. A top language that no other language
// contests and that covers at least this share of the text is accepted as well (on the UDHR
// paragraphs of all seven languages this added no wrong answer at 30 letters and more).
constexpr int kMinUncontestedPercent = 40;

// A long text in several languages (a treaty printed in four) is never "reliable" to CLD2, which
// measures how far the top language leads, and with no language over about a fifth CLD2 even
// returns "unknown" while still ranking the languages. The document needs a language all the
// same, and the one with the most text is the answer: the leader is accepted when the text has
// this many letters and the leader at least this share of them (the seven UDHR files one after
// the other give the leader, Kazakh, 19 %).
constexpr std::size_t kMinLettersForMixedDocument = 4 * kMinLettersToIdentify;
constexpr int kMinMixedDocumentPercent = 10;

bool is_wide_script(UScriptCode script) {
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL;
}

// What the letters of a text say: how many there are (weighted as kMinLettersToIdentify counts
// them) and which script most of them are in.
struct LetterScan {
  std::size_t letters = 0;
  UScriptCode script = USCRIPT_INVALID_CODE;
};

// Reads at most `max_bytes` of `text`; without `want_script`, stops once `enough` letters are
// seen.
LetterScan scan_letters(std::string_view text, std::size_t max_bytes, bool want_script,
                        std::size_t enough = SIZE_MAX) {
  LetterScan scan;
  // A handful of scripts per passage at most: a short list beats a map.
  std::vector<std::pair<UScriptCode, std::size_t>> per_script;
  const std::size_t end = std::min(text.size(), max_bytes);
  std::size_t offset = 0;
  while (offset < end && (want_script || scan.letters < enough)) {
    const char32_t cp = core::decode_utf8(text, &offset);
    UScriptCode script = USCRIPT_LATIN;
    if (cp < 0x80) {
      if ((cp | 0x20) < 'a' || (cp | 0x20) > 'z') continue;
    } else {
      const auto c = static_cast<UChar32>(cp);
      if (cp == core::kReplacementChar || !u_isalpha(c)) continue;
      UErrorCode status = U_ZERO_ERROR;
      script = uscript_getScript(c, &status);
      if (U_FAILURE(status)) script = USCRIPT_INVALID_CODE;
    }
    scan.letters += is_wide_script(script) ? 2 : 1;
    if (!want_script) continue;
    auto it = std::find_if(per_script.begin(), per_script.end(),
                           [script](const auto& entry) { return entry.first == script; });
    if (it == per_script.end()) {
      per_script.emplace_back(script, 1);
    } else {
      ++it->second;
    }
  }
  std::size_t best = 0;
  for (const auto& [script, count] : per_script) {
    if (count > best) {
      best = count;
      scan.script = script;
    }
  }
  return scan;
}

// C0/C1 controls (other than tab and line ends) and noncharacters are not "interchange valid":
// CLD2 rejects the whole buffer for one of them.
bool is_interchange_valid(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  if (cp >= 0x7F && cp <= 0x9F) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  return (cp & 0xFFFE) != 0xFFFE && cp != core::kReplacementChar;
}

// Appends `text` to *out as CLD2 accepts it: bad bytes, U+FFFD and non-interchange code points
// become spaces. Cuts only between code points.
void append_clean(std::string_view text, std::string* out) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t start = offset;
    const char32_t cp = core::decode_utf8(text, &offset);
    if (is_interchange_valid(cp)) {
      out->append(text.substr(start, offset - start));
    } else {
      out->push_back(' ');
    }
  }
}

// The start of `text` that fits in `max_bytes` without cutting a code point.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  return text.substr(0, core::utf8_prefix_length(text, max_bytes));
}

// What CLD2 is given for a whole document: all of it, or evenly spaced windows of it.
std::string document_sample(std::string_view text) {
  std::string sample;
  if (text.size() <= kMaxDocumentBytes) {
    sample.reserve(text.size());
    append_clean(text, &sample);
    return sample;
  }
  sample.reserve(kMaxDocumentBytes + kDocumentWindows);
  const std::size_t window = kMaxDocumentBytes / kDocumentWindows;
  const std::size_t step = text.size() / kDocumentWindows;
  for (std::size_t k = 0; k < kDocumentWindows; ++k) {
    std::size_t start = k * step;
    // Skip continuation bytes: start on a code point.
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
      ++start;
    }
    append_clean(utf8_prefix(text.substr(start), window), &sample);
    sample.push_back('\n');
  }
  return sample;
}

// Our code for a language (lower case, primary subtag only), for comparisons and CLD2 hints.
std::string primary_subtag(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

CLD2::Language cld2_language(const std::string& code) {
  if (code.empty()) return CLD2::UNKNOWN_LANGUAGE;
  // CLD2 still uses the withdrawn codes for Hebrew and Javanese.
  const char* name = code == "he" ? "iw" : code == "jv" ? "jw" : code.c_str();
  return CLD2::GetLanguageFromName(name);
}

struct Guess {
  std::string language;  // CLD2's answer, normalized; "" when none
  bool confident = false;
  std::string leader;      // the first of CLD2's top three, even when its answer is "unknown"
  int leader_percent = 0;  // its share of the text
};

// One CLD2 call. `text` must come from append_clean()/document_sample().
Guess run_cld2(const std::string& text, CLD2::Language hint) {
  Guess guess;
  if (text.empty() || text.size() > static_cast<std::size_t>(INT_MAX)) return guess;
  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, hint};
  std::array<CLD2::Language, 3> language3{};
  std::array<int, 3> percent3{};
  std::array<double, 3> normalized_score3{};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix_bytes = 0;
  // The checking variant: append_clean() should have made the text valid, but CLD2 reads out of
  // bounds on invalid UTF-8, and the check costs next to nothing.
  const CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0,
      language3.data(), percent3.data(), normalized_score3.data(),
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix_bytes);
  if (static_cast<std::size_t>(valid_prefix_bytes) < text.size()) return guess;
  guess.leader = normalize_language_code(CLD2::LanguageCode(language3[0]));
  if (!guess.leader.empty()) guess.leader_percent = percent3[0];
  guess.language = normalize_language_code(CLD2::LanguageCode(top));
  if (guess.language.empty()) return guess;
  bool contested = false;
  for (std::size_t k = 0; k < language3.size(); ++k) {
    if (language3[k] == top || percent3[k] <= 0) continue;
    if (!normalize_language_code(CLD2::LanguageCode(language3[k])).empty()) contested = true;
  }
  const bool uncontested_majority =
      language3[0] == top && guess.leader_percent >= kMinUncontestedPercent && !contested;
  guess.confident = reliable || uncontested_majority;
  return guess;
}

}  // namespace

std::string normalize_language_code(std::string_view cld2_code) {
  const std::string code = primary_subtag(cld2_code);
  // "un" unknown, "xxx" and "xx-Xxxx" script-only unknowns; zz* and tlh are CLD2's jokes and
  // test languages (Pig Latin, Klingon, ...).
  if (code.size() < 2 || code.size() > 3 || code == "un" || code == "xxx" || code == "xx" ||
      code == "tlh" || code.starts_with("zz")) {
    return {};
  }
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return {};
  }
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  return code;
}

std::size_t count_letters(std::string_view text) {
  return scan_letters(text, text.size(), /*want_script=*/false).letters;
}

std::string detect_language(std::string_view text) {
  const std::size_t letters =
      scan_letters(text, text.size(), false, kMinLettersForMixedDocument).letters;
  if (letters < kMinLettersToIdentify) return {};
  Guess guess = run_cld2(document_sample(text), CLD2::UNKNOWN_LANGUAGE);
  if (guess.confident) return std::move(guess.language);
  const bool mixed_document =
      letters >= kMinLettersForMixedDocument && guess.leader_percent >= kMinMixedDocumentPercent;
  return mixed_document ? std::move(guess.leader) : std::string();
}

void assign_passage_languages(std::vector<Passage>* passages, std::string_view document_language) {
  if (passages == nullptr || passages->empty()) return;
  std::vector<Passage>& all = *passages;
  const std::string document = primary_subtag(document_language);
  const CLD2::Language hint = cld2_language(document);

  struct Seen {
    std::string own;   // identified on its own text; "" if too short or not confident
    std::string weak;  // CLD2's top guess even when not confident (a tie-breaker only)
    UScriptCode script = USCRIPT_INVALID_CODE;
  };
  std::vector<Seen> seen(all.size());
  bool mixed = false;
  std::string clean;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string_view text = utf8_prefix(all[i].text, kMaxPassageBytes);
    const LetterScan scan = scan_letters(text, text.size(), /*want_script=*/true);
    seen[i].script = scan.script;
    if (scan.letters == 0) continue;
    clean.clear();
    append_clean(text, &clean);
    Guess guess = run_cld2(clean, hint);
    if (scan.letters >= kMinLettersToIdentify && guess.confident) seen[i].own = guess.language;
    seen[i].weak = std::move(guess.language);
    if (!seen[i].own.empty() && seen[i].own != document) mixed = true;
  }

  std::vector<std::string> language(all.size());
  // Body passages first (document order); footnotes come last in the vector and follow the
  // passage citing them, so they are settled afterwards.
  std::vector<std::size_t> body;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].kind != PassageKind::kFootnote) body.push_back(i);
  }
  // For each body passage, the nearest identified body passage before and after it.
  constexpr std::size_t kNone = SIZE_MAX;
  std::vector<std::size_t> previous(body.size(), kNone);
  std::vector<std::size_t> next(body.size(), kNone);
  for (std::size_t b = 1; b < body.size(); ++b) {
    previous[b] = !seen[body[b - 1]].own.empty() ? body[b - 1] : previous[b - 1];
  }
  for (std::size_t b = body.size(); b-- > 1;) {
    next[b - 1] = !seen[body[b]].own.empty() ? body[b] : next[b];
  }
  for (std::size_t b = 0; b < body.size(); ++b) {
    const std::size_t i = body[b];
    if (!seen[i].own.empty()) {
      language[i] = seen[i].own;
      continue;
    }
    language[i] = document;
    if (!mixed) continue;
    const std::size_t before = previous[b];
    const std::size_t after = next[b];
    if (before == kNone && after == kNone) continue;
    if (before == kNone || after == kNone) {
      // At the start or end of the text: the only language next to it.
      language[i] = seen[before == kNone ? after : before].own;
      continue;
    }
    const std::string& left = seen[before].own;
    const std::string& right = seen[after].own;
    if (left == right) {
      language[i] = left;
    } else if (!seen[i].weak.empty() && (seen[i].weak == left || seen[i].weak == right)) {
      // At a boundary between two languages (a title, "Article 1"): CLD2's weak guess cannot
      // name the language, but it can tell which of the two it is.
      language[i] = seen[i].weak;
    } else if (const bool left_script = seen[i].script == seen[before].script,
               right_script = seen[i].script == seen[after].script;
               left_script != right_script) {
      // "Статья 1" between English and Russian.
      language[i] = left_script ? left : right;
    } else if (left_script) {
      // Same script on both sides and no other clue ("Accord" between English and French): the
      // following passage's. Short lines in running text are mostly titles and headings, which
      // open what follows.
      language[i] = right;
    }
  }

  std::map<std::string_view, std::size_t> body_by_label;
  for (std::size_t i : body) body_by_label.emplace(all[i].label, i);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].kind != PassageKind::kFootnote) continue;
    if (!seen[i].own.empty()) {
      language[i] = seen[i].own;
      continue;
    }
    language[i] = document;
    if (!mixed) continue;
    const auto citing = body_by_label.find(all[i].parent);
    if (citing != body_by_label.end()) language[i] = language[citing->second];
  }

  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i].language = language[i] == document ? std::string() : std::move(language[i]);
  }
}

}  // namespace treatysearch::ingest

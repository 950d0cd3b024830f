#include "language_detect.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstdio>  // CLD2's header uses FILE without including it
#include <iterator>
#include <map>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text.h"

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

// Before any of that, a document is identified from a small sample: a few short windows spread
// over it. CLD2 costs 40-50 ns a byte on Latin text (and some 20 us a call), so reading a whole
// 25 KB report took longer than everything else the indexer does with it; 1.5 KB settles a
// document in one language just as well (every file of corpus/, tests/fixtures/udhr/ and the
// synthetic benchmark corpus). The windows sit in the middle of equal slices of the text, away
// from the front matter and the signature block. The sample's answer is taken only when CLD2 is
// confident, its answer is the language with the most of the sample (CLD2 answers another
// language with a sizeable share rather than English), and no other language holds
// kMaxSampleRivalPercent of it; otherwise (a document in several languages, or a sample of
// tables and names) the whole text is read as before.
constexpr std::size_t kSampleWindows = 6;
constexpr std::size_t kSampleWindowBytes = 256;
constexpr int kMaxSampleRivalPercent = 10;

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
    const auto byte = static_cast<unsigned char>(text[offset]);
    // ASCII inline: most of the text of most documents, and decode_utf8() is out of line.
    const char32_t cp = byte < 0x80 ? text[offset++] : core::decode_utf8(text, &offset);
    UScriptCode script = USCRIPT_LATIN;
    if (cp < 0x80) {
      if (!core::is_ascii_alpha(static_cast<char>(cp))) continue;
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
    // Printable ASCII and line ends are copied a run at a time.
    std::size_t run = offset;
    while (run < text.size()) {
      const auto byte = static_cast<unsigned char>(text[run]);
      if (byte >= 0x7F || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r')) break;
      ++run;
    }
    out->append(text.substr(offset, run - offset));
    offset = run;
    if (offset >= text.size()) break;
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

// `windows` windows of `window_bytes` each, one in the middle of each of `windows` equal slices of
// `text` (which must be larger than windows * window_bytes), cleaned for CLD2.
std::string windows_sample(std::string_view text, std::size_t windows, std::size_t window_bytes) {
  std::string sample;
  sample.reserve(windows * (window_bytes + 1));
  const std::size_t step = text.size() / windows;
  for (std::size_t k = 0; k < windows; ++k) {
    std::size_t start = k * step + (step - std::min(step, window_bytes)) / 2;
    // Skip continuation bytes: start on a code point.
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
      ++start;
    }
    append_clean(utf8_prefix(text.substr(start), window_bytes), &sample);
    sample.push_back('\n');
  }
  return sample;
}

// What CLD2 is given to weigh a whole document: all of it, or evenly spaced windows of it.
std::string document_sample(std::string_view text) {
  if (text.size() > kMaxDocumentBytes) {
    return windows_sample(text, kDocumentWindows, kMaxDocumentBytes / kDocumentWindows);
  }
  std::string sample;
  sample.reserve(text.size());
  append_clean(text, &sample);
  return sample;
}

// Our code for a language (lower case, primary subtag only), for comparisons and CLD2 hints.
std::string primary_subtag(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    out.push_back(core::ascii_lower(c));
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
  int rival_percent = 0;   // the largest share of a language other than the answer
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
    if (!normalize_language_code(CLD2::LanguageCode(language3[k])).empty()) {
      contested = true;
      guess.rival_percent = std::max(guess.rival_percent, percent3[k]);
    }
  }
  const bool uncontested_majority =
      language3[0] == top && guess.leader_percent >= kMinUncontestedPercent && !contested;
  guess.confident = reliable || uncontested_majority;
  return guess;
}

// ---------------------------------------------------------------------------------------------
// Passages that plainly are in the document's language.
//
// CLD2 on every passage cost more than all the rest of indexing, and in almost every document
// it only confirms the document language passage after passage. For the languages of the
// corpus that confirmation is far cheaper to get from the text itself: the passage is written in
// the language's alphabet and uses its commonest function words at a normal rate. A passage like
// that is taken to be in the document language without asking CLD2. Every other passage (another
// script, letters foreign to the alphabet, few of the function words: a quotation, a table, a
// list of names, a heading) goes to CLD2 as before, so a mixed document is still found mixed.
// This looks at every passage, where a sample of the document (as detect_language() takes) would
// miss a single quoted paragraph; and the document language may come from the manifest, with no
// sample taken at all.
//
// The function words are ones that other languages written in the same script rarely use as
// words: "de", "la", "que", "en", "un", "se" are in neither the French nor the Spanish list, "не"
// (Russian "not", Kazakh "what") in neither the Russian nor the Kazakh one. Measured on the UDHR
// passages of at least kMinLettersToIdentify letters: 36-54 % of the words of an English passage
// are in the English list, 24-42 % of a French one in the French list, 14-41 % Spanish, 21-50 %
// Russian; a passage in any other of these languages has at most 3 % of a list's words (on the
// synthetic corpus, only footnotes made of a URL reach more). Kazakh has too few function words
// per passage; its own letters (ә, і, ң, қ, ғ, ұ, ү, ө, һ: 8-30 % of the letters of every UDHR
// passage, none in Russian) tell it apart instead, and the Russian list catches Russian run into
// a Kazakh passage. Arabic and Chinese rely on the alphabet alone:
// the other languages written in their scripts (Persian, Urdu; Japanese, Korean) use letters
// that Arabic and Chinese do not.
//
// What this cannot see: a passage in a close relative that shares the alphabet and many function
// words (Galician or Portuguese without ã/õ/ç in a Spanish document, Bulgarian in a Russian one)
// keeps the document language; CLD2 itself confuses those pairs on short passages. Documents in
// languages without a profile take the CLD2 path for every passage.

enum class Script { kLatin, kCyrillic, kArabic, kHan };

struct LanguageProfile {
  std::string_view code;
  Script script;
  std::u32string_view extra_letters;  // lower case, beyond the script's basic alphabet
  std::span<const std::u32string_view> function_words;  // lower case
  int min_function_word_percent;                        // of the passage's words
  std::u32string_view markers;  // extra letters the language cannot do without ...
  int min_marker_percent;       // ... at least this share of the passage's letters
};

constexpr std::u32string_view kEnglishWords[] = {
    U"the",  U"of",     U"and",   U"to",  U"in",  U"is",   U"that",  U"for",   U"on",
    U"with", U"as",     U"by",    U"be",  U"are", U"this", U"which", U"or",    U"its",
    U"it",   U"from",   U"at",    U"an",  U"has", U"have", U"not",   U"was",   U"were",
    U"been", U"their",  U"shall", U"any", U"all", U"such", U"these", U"other", U"into",
    U"may",  U"should", U"also",  U"his", U"her", U"who",  U"they",  U"will",  U"would"};
constexpr std::u32string_view kFrenchWords[] = {
    U"le",     U"les",  U"des",     U"du",    U"et",     U"est",    U"une",       U"dans",
    U"pour",   U"sur",  U"au",      U"aux",   U"qui",    U"pas",    U"ce",        U"cette",
    U"ces",    U"sont", U"ou",      U"il",    U"elle",   U"ils",    U"leur",      U"leurs",
    U"été",    U"être", U"avec",    U"l",     U"d",      U"qu",     U"sa",        U"son",
    U"ses",    U"doit", U"nul",     U"tout",  U"toute",  U"ainsi",  U"notamment", U"sera",
    U"seront", U"peut", U"doivent", U"droit", U"droits", U"toutes", U"tous"};
// Not "para": English documents cite "para. 14" all the time.
constexpr std::u32string_view kSpanishWords[] = {
    U"el",      U"los",    U"las",      U"del",   U"y",     U"por",    U"con",       U"una",
    U"su",      U"sus",    U"es",       U"al",    U"lo",    U"como",   U"estos",     U"cual",
    U"sin",     U"ha",     U"han",      U"toda",  U"todo",  U"dicho",  U"esa",       U"ese",
    U"también", U"nadie",  U"será",     U"serán", U"podrá", U"estará", U"derecho",   U"derechos",
    U"tiene",   U"tienen", U"libertad", U"sea",   U"sean",  U"más",    U"según",     U"mediante",
    U"hasta",   U"cuando", U"donde",    U"pero",  U"así",   U"hay",    U"cualquier", U"alguna",
    U"alguno",  U"otra",   U"otras",    U"otro",  U"otros"};
constexpr std::u32string_view kRussianWords[] = {
    U"и",     U"в",    U"на",      U"что",     U"с",       U"по",       U"о",    U"к",
    U"для",   U"от",   U"из",      U"у",       U"за",      U"как",      U"это",  U"или",
    U"его",   U"при",  U"а",       U"также",   U"быть",    U"со",       U"все",  U"был",
    U"их",    U"они",  U"он",      U"она",     U"ее",      U"её",       U"так",  U"только",
    U"же",    U"бы",   U"который", U"которые", U"которых", U"является", U"во",   U"об",
    U"была",  U"были", U"может",   U"должны",  U"этого",   U"этом",     U"этой", U"этих",
    U"чтобы", U"если", U"каждый",  U"каждого", U"право",   U"против"};

constexpr LanguageProfile kProfiles[] = {
    {"en", Script::kLatin, U"", kEnglishWords, 15, U"", 0},
    {"fr", Script::kLatin, U"àâæçéèêëîïôœùûüÿ", kFrenchWords, 10, U"", 0},
    {"es", Script::kLatin, U"áéíóúüñ", kSpanishWords, 10, U"", 0},
    {"ru", Script::kCyrillic, U"", kRussianWords, 12, U"", 0},
    {"kk", Script::kCyrillic, U"әғқңөұүһі", {}, 0, U"әғқңөұүһі", 3},
    {"ar", Script::kArabic, U"", {}, 0, U"", 0},
    {"zh", Script::kHan, U"", {}, 0, U"", 0},
};

// A passage is the document language's only if nearly all its letters are in the alphabet: at
// least this share in the alphabet (a few names in another script are fine) ...
constexpr int kMinAlphabetPercent = 70;
// ... and at most this share in the same script but outside the alphabet (accented letters in an
// English passage, Kazakh letters in a Russian one, Persian letters in an Arabic one, kana in a
// Chinese one). Two letters in a hundred allow for foreign names.
constexpr int kMaxNearAlphabetPercent = 2;

// A passage whose words include this share of another profile's function words (same script) is
// not plainly in the document language even if it has enough of its own: a quotation run into a
// paragraph ("... as the Declaration puts it: Chacun peut se prévaloir de tous les droits ...").
// Passages in their own language have at most 3 % of the other lists' words (URLs aside).
constexpr int kMaxRivalFunctionWordPercent = 5;

// Function words are compared by a 64-bit FNV-1a hash of their lower-case code points (text.h),
// in a small open-addressed table that gives, for a word, the profiles whose list has it: one
// probe or two per word of the passage.
constexpr std::size_t kMaxFunctionWordLength = 12;  // code points; longer words are not looked up

static_assert(std::size(kProfiles) <= 8, "profile bits must fit FunctionWordTable's masks");

class FunctionWordTable {
 public:
  FunctionWordTable() {
    for (std::size_t k = 0; k < std::size(kProfiles); ++k) {
      for (std::u32string_view word : kProfiles[k].function_words) {
        std::uint64_t hash = core::kFnv1aOffset;
        for (char32_t cp : word) hash = core::fnv1a_step(hash, cp);
        std::size_t slot = hash % kSlots;
        while (slots_[slot].hash != 0 && slots_[slot].hash != hash) slot = (slot + 1) % kSlots;
        slots_[slot].hash = hash;
        slots_[slot].profiles |= static_cast<std::uint8_t>(1U << k);
      }
    }
  }

  // Bit k set: kProfiles[k] lists the word.
  std::uint8_t profiles(std::uint64_t hash) const {
    for (std::size_t slot = hash % kSlots; slots_[slot].hash != 0; slot = (slot + 1) % kSlots) {
      if (slots_[slot].hash == hash) return slots_[slot].profiles;
    }
    return 0;
  }

 private:
  static constexpr std::size_t kSlots = 512;  // about 200 words: short probe runs
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty (no word hashes to it in practice)
    std::uint8_t profiles = 0;
  };
  std::array<Slot, kSlots> slots_{};
};

const FunctionWordTable& function_word_table() {
  static const FunctionWordTable table;
  return table;
}

const LanguageProfile* find_profile(std::string_view code, std::size_t* index) {
  for (std::size_t k = 0; k < std::size(kProfiles); ++k) {
    if (kProfiles[k].code == code) {
      *index = k;
      return &kProfiles[k];
    }
  }
  return nullptr;
}

bool in_basic_alphabet(Script script, char32_t lower, UScriptCode unicode_script) {
  switch (script) {
    case Script::kLatin:
      return lower >= 'a' && lower <= 'z';
    case Script::kCyrillic:
      return (lower >= 0x430 && lower <= 0x44F) || lower == 0x451;  // а-я, ё
    case Script::kArabic:
      return lower >= 0x621 && lower <= 0x64A;  // the 28 letters, hamza forms, tatweel
    case Script::kHan:
      return unicode_script == USCRIPT_HAN;
  }
  return false;
}

// Letters of the script (or, for Chinese, of the neighbouring scripts) outside the alphabet.
bool near_alphabet(Script script, char32_t lower, UScriptCode unicode_script) {
  switch (script) {
    case Script::kLatin:
      return (lower >= 0xC0 && lower <= 0x24F) || (lower >= 0x1E00 && lower <= 0x1EFF);
    case Script::kCyrillic:
      return lower >= 0x400 && lower <= 0x52F;
    case Script::kArabic:
      return (lower >= 0x600 && lower <= 0x6FF) || (lower >= 0x750 && lower <= 0x77F) ||
             (lower >= 0x8A0 && lower <= 0x8FF) || (lower >= 0xFB50 && lower <= 0xFDFF) ||
             (lower >= 0xFE70 && lower <= 0xFEFF);
    case Script::kHan:
      return unicode_script == USCRIPT_HIRAGANA || unicode_script == USCRIPT_KATAKANA ||
             unicode_script == USCRIPT_HANGUL;
  }
  return false;
}

// What fit_profile() needs to know of a non-ASCII code point. Arabic letters and the common
// ideographs, which have no case, are decided inline; every other code point goes to ICU (letter
// case too: text.h), so the answers are the same as scan_letters()'.
struct Letter {
  bool is_letter = false;
  char32_t lower = 0;
  UScriptCode script = USCRIPT_COMMON;  // looked up only from U+1100 (the first wide script) on
};

Letter classify(char32_t cp) {
  if ((cp >= 0x621 && cp <= 0x63A) || (cp >= 0x640 && cp <= 0x64A)) {  // Arabic letters
    return {true, cp, USCRIPT_COMMON};
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) return {true, cp, USCRIPT_HAN};  // CJK Unified Ideographs
  const auto c = static_cast<UChar32>(cp);
  if (cp == core::kReplacementChar || !u_isalpha(c)) return {};
  Letter letter{true, core::to_lower(cp), USCRIPT_COMMON};
  if (cp >= 0x1100) {
    UErrorCode status = U_ZERO_ERROR;
    letter.script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) letter.script = USCRIPT_INVALID_CODE;
  }
  return letter;
}

// Counts over a passage, letters weighted as count_letters() weighs them.
struct ProfileFit {
  std::size_t letters = 0;
  std::size_t alphabet = 0;       // letters in the profile's alphabet
  std::size_t near_alphabet = 0;  // letters of its script outside it
  std::size_t markers = 0;        // letters among the profile's markers
  std::size_t words = 0;          // runs of letters
  std::array<std::size_t, std::size(kProfiles)> function_words{};  // words in each list
};

ProfileFit fit_profile(std::string_view text, const LanguageProfile& profile) {
  const FunctionWordTable& table = function_word_table();
  ProfileFit fit;
  std::uint64_t hash = core::kFnv1aOffset;
  std::size_t length = 0;  // of the current word, in code points
  auto end_word = [&] {
    if (length == 0) return;
    ++fit.words;
    if (length <= kMaxFunctionWordLength) {
      for (std::uint8_t bits = table.profiles(hash); bits != 0; bits &= bits - 1) {
        ++fit.function_words[static_cast<std::size_t>(std::countr_zero(bits))];
      }
    }
    hash = core::kFnv1aOffset;
    length = 0;
  };
  std::size_t offset = 0;
  while (offset < text.size()) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x80) {
      ++offset;
      const char c = static_cast<char>(byte);
      if (!core::is_ascii_alpha(c)) {
        end_word();
        continue;
      }
      const auto lower = static_cast<char32_t>(core::ascii_lower(c));
      ++fit.letters;
      if (profile.script == Script::kLatin) ++fit.alphabet;
      hash = core::fnv1a_step(hash, lower);
      ++length;
      continue;
    }
    const char32_t cp = core::decode_utf8(text, &offset);
    const Letter letter = classify(cp);
    if (!letter.is_letter) {
      end_word();
      continue;
    }
    const UScriptCode unicode_script = letter.script;
    const char32_t lower = letter.lower;
    const std::size_t weight = is_wide_script(unicode_script) ? 2 : 1;
    fit.letters += weight;
    if (in_basic_alphabet(profile.script, lower, unicode_script)) {
      fit.alphabet += weight;
    } else if (profile.extra_letters.find(lower) != std::u32string_view::npos) {
      fit.alphabet += weight;
      if (profile.markers.find(lower) != std::u32string_view::npos) fit.markers += weight;
    } else if (near_alphabet(profile.script, lower, unicode_script)) {
      fit.near_alphabet += weight;
    }
    hash = core::fnv1a_step(hash, lower);
    ++length;
  }
  end_word();
  return fit;
}

bool plainly_in_language(const ProfileFit& fit, std::size_t profile) {
  const auto share = [](std::size_t part, std::size_t whole, int percent) {
    return part * 100 >= whole * static_cast<std::size_t>(percent);
  };
  const LanguageProfile& own = kProfiles[profile];
  if (fit.letters < kMinLettersToIdentify ||
      !share(fit.alphabet, fit.letters, kMinAlphabetPercent) ||
      fit.near_alphabet * 100 > fit.letters * kMaxNearAlphabetPercent ||
      !share(fit.function_words[profile], fit.words, own.min_function_word_percent) ||
      !share(fit.markers, fit.letters, own.min_marker_percent)) {
    return false;
  }
  for (std::size_t k = 0; k < std::size(kProfiles); ++k) {
    if (k != profile && kProfiles[k].script == own.script &&
        share(fit.function_words[k], fit.words, kMaxRivalFunctionWordPercent) &&
        fit.function_words[k] > 0) {
      return false;
    }
  }
  return true;
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
  // The sample is only worth taking when it is much smaller than the text.
  if (text.size() > 2 * kSampleWindows * kSampleWindowBytes) {
    Guess quick =
        run_cld2(windows_sample(text, kSampleWindows, kSampleWindowBytes), CLD2::UNKNOWN_LANGUAGE);
    if (quick.confident && quick.language == quick.leader &&
        quick.rival_percent < kMaxSampleRivalPercent) {
      return std::move(quick.language);
    }
  }
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
  std::string clean;
  // What CLD2 says about passage i, and its script.
  auto examine = [&](std::size_t i) {
    const std::string_view text = utf8_prefix(all[i].text, kMaxPassageBytes);
    const LetterScan scan = scan_letters(text, text.size(), /*want_script=*/true);
    seen[i].script = scan.script;
    if (scan.letters == 0) return;
    clean.clear();
    append_clean(text, &clean);
    Guess guess = run_cld2(clean, hint);
    if (scan.letters >= kMinLettersToIdentify && guess.confident) seen[i].own = guess.language;
    seen[i].weak = std::move(guess.language);
  };

  // First the passages that plainly are in the document language; CLD2 reads only the others.
  // A short passage is put off: it matters only if the document turns out to be mixed.
  std::size_t profile_index = 0;
  const LanguageProfile* profile = find_profile(document, &profile_index);
  enum class Pass : std::uint8_t { kExamined, kPlain, kShort };
  std::vector<Pass> pass(all.size(), Pass::kExamined);
  bool mixed = false;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (profile != nullptr) {
      const ProfileFit fit = fit_profile(utf8_prefix(all[i].text, kMaxPassageBytes), *profile);
      if (plainly_in_language(fit, profile_index)) {
        seen[i].own = document;
        pass[i] = Pass::kPlain;
        continue;
      }
      if (fit.letters < kMinLettersToIdentify) {
        pass[i] = Pass::kShort;
        continue;
      }
    }
    examine(i);
    if (!seen[i].own.empty() && seen[i].own != document) mixed = true;
  }
  if (mixed) {
    // The neighbour rules below want every passage's script and CLD2's guess for the short ones.
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (pass[i] == Pass::kShort) {
        examine(i);
      } else if (pass[i] == Pass::kPlain) {
        const std::string_view text = utf8_prefix(all[i].text, kMaxPassageBytes);
        seen[i].script = scan_letters(text, text.size(), /*want_script=*/true).script;
      }
    }
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

// Footnote-to-site alignment: see footnote_links.h for the model. A "unit" is a paragraph as
// the extractor read it (FootnoteSite::unit), the place a lawyer would cite.
//
// Scores are integers in hundredths of a nat (natural-log units), so that ties are exact and the
// result does not depend on floating-point rounding. Structure:
//  - a line-break site left without a footnote costs kUnusedLineBreakCost: the detector is
//    precise (on the NGO commentary every one of its 70 sites is a real mark), so leaving one
//    unused needs evidence;
//  - a footnote placed at a block end costs kBlockEndCost: most block ends carry no mark;
//  - a footnote placed nowhere costs kFootnoteWithoutSiteCost, more than a block end, because
//    most marks that leave no line break stood at the end of a paragraph.
// Words shared by a footnote and the text around a site add to the pair (see lexical_rows).
//
// Confidence: for each footnote and each unit, the best score of an alignment that places
// the footnote in that unit (max-marginals, from a forward and a backward pass); the footnote
// is linked to the best unit only when every other unit, and placing it nowhere, scores at
// least kMinLinkMargin less. A footnote between neighbours that words anchor, with as many
// line-break sites as footnotes between them, has a large margin (moving it would leave a site
// unused and a footnote without one); in a stretch where a mark left no site and nothing says
// where, the alternatives score the same or nearly so, and its footnotes stay unlinked. The
// margin rests on the detector: a spurious line-break site in such a stretch would shift it.
#include "footnote_links.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "line_shapes.h"
#include "symbols.h"
#include "text.h"

namespace treatysearch::ingest {
namespace {

using Score = std::int32_t;

constexpr Score kUnusedLineBreakCost = 250;
constexpr Score kBlockEndCost = 150;
constexpr Score kFootnoteWithoutSiteCost = 300;

// 1.9 nats. Checked against the hand alignment of the NGO commentary's 77 footnotes
// (golden_labels_test.cc): every footnote linked with this margin is linked right.
constexpr Score kMinLinkMargin = 190;
// A footnote placed at a block end has only words for evidence, never a trace of the mark: it
// needs twice the margin.
constexpr Score kMinBlockEndLinkMargin = 400;

// A word's weight is its inverse document frequency over the units minus this: a word in a
// tenth of the units or more ("Kazakhstan", "rights", "Committee") says nothing about where a
// mark stood.
constexpr Score kCommonWordWeight = 230;
// In a short document every word is in a large share of the units, although a word found in
// one paragraph of a letter is as telling as one found in one paragraph of a report: document
// frequencies are taken over at least this many units.
constexpr std::size_t kMinDocumentFrequencyBase = 100;
// Only the rarest kMaxSharedWords words a footnote shares with a site count, and one pair's
// evidence is capped, so that a footnote sharing many words with a unit cannot outweigh the
// structure of several sites.
constexpr std::size_t kMaxSharedWords = 3;
constexpr Score kMaxLexicalScore = 1000;
// A footnote with more informative words than this (a list of authors, a law's full title)
// shares some rare word with many units by chance; its words weigh proportionally less.
constexpr std::size_t kMaxInformativeWords = 10;

// A score is the sum of one term per footnote and per site, each within +-kMaxLexicalScore, and
// (N + 1) x (M + 1) <= kMaxAlignmentCells bounds N + M by kMaxAlignmentCells / 2 + 1: no score
// overflows.
static_assert(kFootnoteWithoutSiteCost <= kMaxLexicalScore && kBlockEndCost <= kMaxLexicalScore &&
              kUnusedLineBreakCost <= kMaxLexicalScore);
static_assert(kMaxLexicalScore * (kMaxAlignmentCells / 2 + 1) <
              static_cast<std::size_t>(std::numeric_limits<Score>::max()));

// ---------------------------------------------------------------------------------------------
// Word keys

// Words are compared by the first kKeyLetters letters of their skeleton (see skeleton()):
// transliterated Russian in a URL path and the English text share a stem but rarely an ending
// ("kordayskom" / "Kordai", "zhambylskoj" / "Zhambyl", "pogroma" / "pogroms").
constexpr std::size_t kKeyLetters = 5;
constexpr std::size_t kMinWordLetters = 4;   // shorter words are function words or URL parts
constexpr std::size_t kMinNumberDigits = 3;  // years, law numbers; not days or months
constexpr std::size_t kMinOtherScriptLetters = 4;

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Russian and Kazakh names reach the text and the URLs through different transliterations:
// "Uyghur" / "uygurskiy", "Tokayev" / "tokaev", "Kordai" / "kordajjskom", "Zhambyl" /
// "zhhambylskoj". Both sides are reduced to a skeleton: doubled letters collapse, and an 'h'
// after a consonant and a 'y' or 'j' after a vowel are dropped. English words lose letters too,
// the same way on both sides.
std::string skeleton(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if (!out.empty()) {
      const char previous = out.back();
      const bool doubled = c == previous;
      const bool silent_h = c == 'h' && !is_vowel(previous);
      const bool glide = (c == 'y' || c == 'j') && is_vowel(previous);
      if (doubled || silent_h || glide) continue;
    }
    out += c;
  }
  return out;
}

struct Word {
  std::string text;  // letters lower-cased
  std::size_t code_points = 0;
  bool letters = false;
  bool digits = false;
  bool other_script = false;
};

// The key of a word, or an empty string for a word that carries no evidence: a short word, a
// word mixing letters and digits (URL identifiers such as "a3618252").
std::string word_key(const Word& word) {
  if (word.other_script) {
    return word.digits || word.code_points < kMinOtherScriptLetters ? std::string() : word.text;
  }
  if (word.letters && !word.digits && word.code_points >= kMinWordLetters) {
    return skeleton(word.text).substr(0, kKeyLetters);
  }
  if (word.digits && !word.letters && word.code_points >= kMinNumberDigits) return word.text;
  return std::string();
}

// Calls emit(key) for every word, pair of ideographs and document symbol of text that has a
// key. A document symbol ("CCPR/C/KAZ/CO/2", as symbols.h recognises it) gets a key that starts
// with '/', which no word key does. Chinese writes no spaces between words, so a run of
// ideographs is no word: each two ideographs in a row are a key instead, as the query side
// matches Chinese by its character pairs.
template <typename Emit>
void for_each_key(std::string_view text, Emit emit) {
  core::find_symbols(text, [&text, &emit](std::size_t begin, std::size_t end) {
    emit("/" + core::symbol_key(text.substr(begin, end - begin)));
  });

  Word word;
  const auto flush = [&word, &emit] {
    if (word.code_points > 0) {
      const std::string key = word_key(word);
      if (!key.empty()) emit(key);
    }
    word = Word();
  };
  std::size_t previous_ideograph = std::string_view::npos;  // its offset, when the last was one
  for (std::size_t pos = 0; pos < text.size();) {
    const core::DecodedCodePoint decoded = core::decode_at(text, pos);
    const char32_t cp = decoded.value;
    const bool ideograph = core::is_ideograph(cp);
    const bool ascii = cp < 0x80;
    const bool ascii_letter = ascii && core::is_ascii_alpha(static_cast<char>(cp));
    const bool digit = ascii && core::is_ascii_digit(static_cast<char>(cp));
    // Letters of every script; a combining mark continues the word its letter started.
    const bool other_letter = !ascii_letter && !ideograph &&
                              (core::is_letter(cp) || (word.other_script && core::is_mark(cp)));
    if (ideograph) {
      flush();
      if (previous_ideograph != std::string_view::npos) {
        emit(std::string(
            text.substr(previous_ideograph, pos + decoded.length - previous_ideograph)));
      }
      previous_ideograph = pos;
    } else if (ascii_letter || digit || other_letter) {
      previous_ideograph = std::string_view::npos;
      ++word.code_points;
      word.letters = word.letters || ascii_letter || other_letter;
      word.digits = word.digits || digit;
      word.other_script = word.other_script || other_letter;
      // Words match whatever their case, in every script ("ЗАКОН", "Закон", "закон").
      core::append_utf8(core::to_lower(cp), &word.text);
    } else {
      previous_ideograph = std::string_view::npos;
      flush();
    }
    pos += decoded.length;
  }
  flush();
}

using KeyId = std::uint32_t;
using KeySet = std::vector<KeyId>;  // sorted, unique

class Vocabulary {
 public:
  static constexpr KeyId kUnknown = static_cast<KeyId>(-1);

  KeyId add(const std::string& key) {
    return ids_.try_emplace(key, static_cast<KeyId>(ids_.size())).first->second;
  }

  KeyId find(const std::string& key) const {
    const auto it = ids_.find(key);
    return it == ids_.end() ? kUnknown : it->second;
  }

  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, KeyId> ids_;
};

void sort_unique(KeySet& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

// ---------------------------------------------------------------------------------------------
// Lexical evidence

// The text a mark at a site refers to: back to the previous site of the same unit (the text
// before it belongs to the previous mark), but at least kWordsBefore words, because two marks
// can stand a few words apart; and a few words after it, up to the next site, because a name
// cited in a footnote is often spelt out or abbreviated right after the mark ("... Persons with
// Disabilities[2]. CRPD invited ...").
constexpr std::size_t kWordsBefore = 25;
constexpr std::size_t kWordsAfter = 5;

std::size_t back_words(std::string_view text, std::size_t pos, std::size_t words) {
  std::size_t spaces = 0;
  for (; pos > 0; --pos) {
    if (text[pos - 1] == ' ' && ++spaces > words) return pos;
  }
  return 0;
}

std::size_t forward_words(std::string_view text, std::size_t pos, std::size_t words) {
  std::size_t spaces = 0;
  for (; pos < text.size(); ++pos) {
    if (text[pos] == ' ' && ++spaces > words) return pos;
  }
  return text.size();
}

struct SparseScore {
  std::size_t site = 0;
  Score score = 0;
};

// For every footnote, the lexical score of each site that shares words with it (sparse, in site
// order). A shared key of weight w adds w when it occurs in the site's context and w / 2 when it
// occurs only elsewhere in the site's unit. w is the key's inverse document frequency over
// the units less kCommonWordWeight, divided among the footnotes that have the key (a news
// site's name or "news" in several URLs is evidence for one of them at most) and scaled down for
// long footnotes.
std::vector<std::vector<SparseScore>> lexical_rows(const std::vector<std::string>& footnotes,
                                                   const std::vector<FootnoteSite>& sites,
                                                   const std::vector<std::string>& units) {
  const std::size_t site_count = sites.size();
  Vocabulary vocabulary;
  const auto add_keys = [&vocabulary](std::string_view text, KeySet& keys) {
    for_each_key(text, [&](const std::string& key) { keys.push_back(vocabulary.add(key)); });
    sort_unique(keys);
  };

  // Sites of each unit, in order: their offsets increase, since text is only appended.
  std::vector<std::vector<std::size_t>> sites_of_unit(units.size());
  for (std::size_t j = 0; j < site_count; ++j) {
    if (sites[j].unit < units.size()) sites_of_unit[sites[j].unit].push_back(j);
  }

  // Keys of each unit that has sites, and of each site's context.
  std::vector<KeySet> unit_keys(units.size());
  std::vector<KeySet> context_keys(site_count);
  std::vector<std::size_t> cited_units;
  for (std::size_t unit = 0; unit < units.size(); ++unit) {
    const std::vector<std::size_t>& own = sites_of_unit[unit];
    if (own.empty()) continue;
    cited_units.push_back(unit);
    const std::string_view text = units[unit];
    add_keys(text, unit_keys[unit]);
    for (std::size_t k = 0; k < own.size(); ++k) {
      const std::size_t offset = std::min(sites[own[k]].offset, text.size());
      const std::size_t previous = k == 0 ? 0 : std::min(sites[own[k - 1]].offset, offset);
      const std::size_t next = k + 1 == own.size()
                                   ? text.size()
                                   : std::clamp(sites[own[k + 1]].offset, offset, text.size());
      const std::size_t begin = std::min(back_words(text, offset, kWordsBefore), previous);
      const std::size_t end = std::min(forward_words(text, offset, kWordsAfter), next);
      add_keys(text.substr(begin, end - begin), context_keys[own[k]]);
    }
  }

  // Postings and weights.
  std::vector<std::vector<std::size_t>> units_with_key(vocabulary.size());
  std::vector<std::vector<std::size_t>> contexts_with_key(vocabulary.size());
  for (const std::size_t unit : cited_units) {
    for (const KeyId key : unit_keys[unit]) units_with_key[key].push_back(unit);
  }
  for (std::size_t j = 0; j < site_count; ++j) {
    for (const KeyId key : context_keys[j]) contexts_with_key[key].push_back(j);
  }
  const double unit_count =
      static_cast<double>(std::max(cited_units.size(), kMinDocumentFrequencyBase));
  std::vector<Score> weight(vocabulary.size(), 0);
  for (std::size_t key = 0; key < vocabulary.size(); ++key) {
    const std::size_t frequency = units_with_key[key].size();
    if (frequency == 0) continue;
    const double idf = std::log(unit_count / static_cast<double>(frequency));
    weight[key] = std::max(0, static_cast<Score>(std::lround(100.0 * idf)) - kCommonWordWeight);
  }

  std::vector<KeySet> footnote_keys(footnotes.size());
  std::vector<Score> footnote_frequency(vocabulary.size(), 0);
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    for_each_key(footnotes[i], [&](const std::string& key) {
      const KeyId id = vocabulary.find(key);
      if (id != Vocabulary::kUnknown && weight[id] > 0) footnote_keys[i].push_back(id);
    });
    sort_unique(footnote_keys[i]);
    for (const KeyId key : footnote_keys[i]) ++footnote_frequency[key];
  }

  std::vector<std::vector<SparseScore>> rows(footnotes.size());
  std::vector<Score> score(site_count, 0);
  std::vector<std::size_t> shared(site_count, 0);                   // keys counted so far, per site
  std::vector<KeyId> in_context(site_count, Vocabulary::kUnknown);  // last key seen in context
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    const std::size_t key_count = std::max(footnote_keys[i].size(), kMaxInformativeWords);
    std::vector<std::pair<Score, KeyId>> keys;  // weight for this footnote, key
    for (const KeyId key : footnote_keys[i]) {
      const auto scaled = static_cast<std::size_t>(weight[key]) * kMaxInformativeWords / key_count;
      keys.emplace_back(static_cast<Score>(scaled) / footnote_frequency[key], key);
    }
    // Heaviest first, so that kMaxSharedWords keeps the rarest shared words.
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::fill(score.begin(), score.end(), 0);
    std::fill(shared.begin(), shared.end(), 0);
    std::fill(in_context.begin(), in_context.end(), Vocabulary::kUnknown);
    for (const auto& [full, key] : keys) {
      for (const std::size_t j : contexts_with_key[key]) {
        in_context[j] = key;
        if (shared[j] == kMaxSharedWords) continue;
        score[j] += full;
        ++shared[j];
      }
      for (const std::size_t unit : units_with_key[key]) {
        for (const std::size_t j : sites_of_unit[unit]) {
          if (in_context[j] == key || shared[j] == kMaxSharedWords) continue;
          score[j] += full / 2;
          ++shared[j];
        }
      }
    }
    for (std::size_t j = 0; j < site_count; ++j) {
      if (score[j] > 0) rows[i].push_back({j, std::min(score[j], kMaxLexicalScore)});
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Alignment

// The rule for inputs too large to align: the k-th line-break site is footnote k's when the
// counts are equal, and nothing is linked otherwise.
std::vector<std::size_t> link_when_counts_match(std::size_t footnote_count,
                                                const std::vector<FootnoteSite>& sites) {
  std::vector<std::size_t> line_breaks;
  for (std::size_t j = 0; j < sites.size(); ++j) {
    if (sites[j].kind == FootnoteSiteKind::kLineBreak) line_breaks.push_back(j);
  }
  if (line_breaks.size() == footnote_count) return line_breaks;
  return std::vector<std::size_t>(footnote_count, kNoFootnoteSite);
}

void expand_row(const std::vector<SparseScore>& row, std::vector<Score>& dense) {
  std::fill(dense.begin(), dense.end(), 0);
  for (const SparseScore& entry : row) dense[entry.site] = entry.score;
}

}  // namespace

std::vector<std::size_t> align_footnotes(const std::vector<std::string>& footnotes,
                                         const std::vector<FootnoteSite>& sites,
                                         const std::vector<std::string>& units) {
  const std::size_t n = footnotes.size();
  const std::size_t m = sites.size();
  std::vector<std::size_t> links(n, kNoFootnoteSite);
  if (n == 0 || m == 0) return links;
  if (n + 1 > kMaxAlignmentCells / (m + 1)) return link_when_counts_match(n, sites);

  const std::vector<std::vector<SparseScore>> lexical = lexical_rows(footnotes, sites, units);
  std::vector<Score> unused_cost(m);  // a site left without a footnote
  std::vector<Score> placed_base(m);  // a footnote placed at the site, before its words count
  for (std::size_t j = 0; j < m; ++j) {
    const bool line_break = sites[j].kind == FootnoteSiteKind::kLineBreak;
    unused_cost[j] = line_break ? kUnusedLineBreakCost : 0;
    placed_base[j] = line_break ? 0 : -kBlockEndCost;
  }
  std::vector<Score> words(m, 0);  // the lexical row of the current footnote

  // Forward pass: forward[i][j] is the best score of footnotes [0, i) on sites [0, j).
  const std::size_t width = m + 1;
  std::vector<Score> forward((n + 1) * width);
  forward[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) forward[j] = forward[j - 1] - unused_cost[j - 1];
  for (std::size_t i = 1; i <= n; ++i) {
    expand_row(lexical[i - 1], words);
    const Score* above = &forward[(i - 1) * width];
    Score* here = &forward[i * width];
    here[0] = above[0] - kFootnoteWithoutSiteCost;
    for (std::size_t j = 1; j <= m; ++j) {
      here[j] = std::max({above[j - 1] + placed_base[j - 1] + words[j - 1],
                          above[j] - kFootnoteWithoutSiteCost, here[j - 1] - unused_cost[j - 1]});
    }
  }

  // Backward pass, one row at a time: after[j] is the best score of footnotes [i + 1, n) on
  // sites [j, m). Forward row i and `after` give footnote i's max-marginals: the best score of
  // the whole alignment with footnote i at site j, or placed nowhere.
  std::vector<Score> after(width);
  std::vector<Score> row(width);
  std::size_t unit_count = 0;
  for (const FootnoteSite& site : sites) unit_count = std::max(unit_count, site.unit + 1);
  std::vector<Score> best_of(unit_count);  // per unit: its best site's score
  std::vector<std::size_t> best_site_of(unit_count, kNoFootnoteSite);
  std::vector<std::size_t> touched;  // units with a site, in the order first seen
  after[m] = 0;
  for (std::size_t j = m; j-- > 0;) after[j] = after[j + 1] - unused_cost[j];
  for (std::size_t i = n; i-- > 0;) {
    expand_row(lexical[i], words);
    const Score* before = &forward[i * width];

    // Options are units, not sites: a lawyer cites the paragraph, so two sites of one unit
    // are the same answer. For each unit, the best site; then the best unit and the best
    // score of any other unit or of no place (equal scores give a margin of 0).
    touched.clear();
    for (std::size_t j = 0; j < m; ++j) {
      const Score score = before[j] + placed_base[j] + words[j] + after[j + 1];
      const std::size_t unit = sites[j].unit;
      if (best_site_of[unit] == kNoFootnoteSite) {
        touched.push_back(unit);
      } else if (score <= best_of[unit]) {
        continue;
      }
      best_of[unit] = score;
      best_site_of[unit] = j;
    }
    Score nowhere = std::numeric_limits<Score>::min();
    for (std::size_t j = 0; j <= m; ++j) {
      nowhere = std::max(nowhere, before[j] - kFootnoteWithoutSiteCost + after[j]);
    }
    Score best = nowhere;
    Score second = std::numeric_limits<Score>::min();
    std::size_t best_site = kNoFootnoteSite;
    for (const std::size_t unit : touched) {
      const Score score = best_of[unit];
      if (score > best) {
        second = best;
        best = score;
        best_site = best_site_of[unit];
      } else if (score > second) {
        second = score;
      }
      best_site_of[unit] = kNoFootnoteSite;
    }
    if (best_site != kNoFootnoteSite && !footnotes[i].empty()) {
      const bool block_end = sites[best_site].kind == FootnoteSiteKind::kBlockEnd;
      const Score required = block_end ? kMinBlockEndLinkMargin : kMinLinkMargin;
      if (best - second >= required) links[i] = best_site;
    }

    row[m] = after[m] - kFootnoteWithoutSiteCost;
    for (std::size_t j = m; j-- > 0;) {
      row[j] = std::max({after[j + 1] + placed_base[j] + words[j],
                         after[j] - kFootnoteWithoutSiteCost, row[j + 1] - unused_cost[j]});
    }
    std::swap(after, row);
  }
  return links;
}

// ---------------------------------------------------------------------------------------------
// Placing the footnotes of an extracted document

namespace {

bool is_body_text(const Block& block) {
  return block.kind == BlockKind::kParagraph || block.kind == BlockKind::kHeading ||
         block.kind == BlockKind::kListItem;
}

// A heading holds no mark that anything but its title would cite (and the segmenter makes no
// passage of it): a unit of one heading block is no site.
bool is_heading_unit(const Block& block, std::string_view unit) {
  return unit.size() == block.text.size() &&
         (block.kind == BlockKind::kHeading || looks_like_plain_heading(block.text));
}

// The units of a document's body and the sites in them, each site with the block it is in.
struct UnitsAndSites {
  std::vector<std::string> units;
  std::vector<FootnoteSite> sites;
  std::vector<std::size_t> site_blocks;
};

// For each block, whether it opens a unit; kNotBodyText for blocks outside every unit. A unit
// approximates a passage: a run of body text between blank lines, except that the next numbered
// paragraph opens one even without a blank line before it, and bullets after a numbered
// paragraph, even after a blank line, are part of the paragraph.
enum class UnitStart : std::uint8_t { kNotBodyText, kOpens, kContinues };

std::vector<UnitStart> unit_starts(const std::vector<Block>& blocks) {
  std::vector<UnitStart> starts(blocks.size(), UnitStart::kNotBodyText);
  bool open = false;          // the last unit may take the next block
  int paragraph = 0;          // the number of the last numbered paragraph that opened a unit
  bool in_paragraph = false;  // the last unit opens with that number
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (!is_body_text(block)) {
      open = false;
      continue;
    }
    const auto number = parse_paragraph_number(block.text);
    const bool next_paragraph = number && !number->quoted && number->number == paragraph + 1;
    const bool bullet_of_paragraph = open && in_paragraph && starts_with_bullet(block.text);
    const bool opens = !open || next_paragraph || (block.gap_before > 0 && !bullet_of_paragraph);
    if (opens) {
      in_paragraph = next_paragraph;
      if (next_paragraph) paragraph = number->number;
    }
    starts[b] = opens ? UnitStart::kOpens : UnitStart::kContinues;
    open = true;
  }
  return starts;
}

UnitsAndSites units_and_sites(const ExtractedDocument& document) {
  UnitsAndSites out;
  const std::vector<Block>& blocks = document.blocks;
  const std::vector<UnitStart> starts = unit_starts(blocks);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (starts[b] == UnitStart::kNotBodyText) continue;
    if (starts[b] == UnitStart::kOpens) out.units.emplace_back();
    std::string& unit = out.units.back();
    if (!unit.empty()) unit += ' ';
    unit += blocks[b].text;
    const bool last = b + 1 == blocks.size() || starts[b + 1] != UnitStart::kContinues;
    FootnoteSiteKind kind;
    if (!last && blocks[b + 1].continues_sentence) {
      kind = FootnoteSiteKind::kLineBreak;
    } else if (last ? !is_heading_unit(blocks[b], unit) : starts_item(blocks[b + 1].text)) {
      kind = FootnoteSiteKind::kBlockEnd;
    } else {
      continue;
    }
    out.sites.push_back({out.units.size() - 1, unit.size(), kind});
    out.site_blocks.push_back(b);
  }
  return out;
}

}  // namespace

void infer_footnote_refs(ExtractedDocument& document) {
  std::vector<std::size_t> notes;
  std::vector<std::string> texts;
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    Block& block = document.blocks[b];
    if (block.kind != BlockKind::kFootnote) continue;
    if (block.label.empty()) block.label = std::to_string(notes.size() + 1);
    notes.push_back(b);
    texts.push_back(block.text);
  }
  if (notes.empty()) return;
  const UnitsAndSites found = units_and_sites(document);
  const std::vector<std::size_t> links = align_footnotes(texts, found.sites, found.units);
  for (std::size_t k = 0; k < notes.size(); ++k) {
    if (links[k] == kNoFootnoteSite) continue;
    Block& citing = document.blocks[found.site_blocks[links[k]]];
    citing.footnote_refs.push_back(document.blocks[notes[k]].label);
  }
}

}  // namespace treatysearch::ingest

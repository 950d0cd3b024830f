// Footnote-to-site alignment: see footnote_links.h for the model.
//
// Scores are integers in hundredths of a nat (natural-log units), so that ties are exact and
// the result does not depend on floating-point rounding. Structure costs:
//  - a line-break site left without a footnote costs kUnusedLineBreakCost: the detector is
//    precise (on the NGO commentary every one of its 70 sites is a real mark), so leaving one
//    unused needs strong evidence;
//  - a footnote placed at a block end costs kBlockEndCost: many block ends carry no mark;
//  - a footnote placed nowhere costs kFootnoteWithoutSiteCost, more than a block end because
//    most marks that leave no line break stood at the end of a paragraph.
// Lexical evidence adds to a (footnote, site) pair the weight of every word the footnote shares
// with the text before the site (see lexical_rows).
//
// Confidence: for each footnote, the best score of an alignment that links it to its chosen
// site is compared with the best score of any alignment that links it elsewhere or nowhere
// (max-marginals from a forward and a backward pass). Only a difference of kMinLinkMargin or
// more links it. A footnote pinned between lexical anchors with as many line-break sites as
// footnotes between them gets a large margin (moving it would leave a site unused); a footnote
// in a stretch where a site is missing, and nothing says where, has alternatives of equal score
// and stays unlinked.
#include "footnote_links.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "text_cleanup.h"

namespace treatysearch::ingest {
namespace {

using Score = std::int32_t;

constexpr Score kUnusedLineBreakCost = 400;
constexpr Score kBlockEndCost = 150;
constexpr Score kFootnoteWithoutSiteCost = 300;
// One pair's lexical evidence is capped so that a long footnote sharing many words with a
// passage cannot outweigh the structure of several sites.
constexpr Score kMaxLexicalScore = 1000;
// Only the rarest kMaxSharedWords words a footnote shares with a site count, so that a long
// footnote (a list of authors, a law's full title) does not collect evidence from common words.
constexpr std::size_t kMaxSharedWords = 1;
constexpr std::size_t kMaxInformativeWords = 10;
// A word's weight is its inverse document frequency over the passages minus this: a word in
// a tenth of the passages or more ("Kazakhstan", "rights", "Committee") says nothing about where
// a mark stood.
constexpr Score kCommonWordWeight = 230;
constexpr Score kMinLinkMargin = 200;
// A footnote placed at a block end has only words for evidence, never the site itself: it needs
// twice the margin.
constexpr Score kMinBlockEndLinkMargin = 400;

// ---------------------------------------------------------------------------------------------
// Word keys

// Words are compared by their first kKeyLetters letters: transliterated Russian in a URL path
// and the English text share a stem but rarely an ending ("kordayskom" / "Kordai",
// "masanchi" / "Masanchi", "zhambylskoj" / "Zhambyl", "pogroma" / "pogroms").
constexpr std::size_t kKeyLetters = 5;
constexpr std::size_t kMinWordLetters = 4;  // shorter words are function words or URL parts
constexpr std::size_t kMinNumberDigits = 3;  // years, law numbers; not day or month numbers
constexpr std::size_t kMinOtherScriptLetters = 4;

bool is_ascii_letter(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'); }
bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

struct Word {
  std::string text;  // ASCII letters lower-cased; other letters as written
  std::size_t code_points = 0;
  bool letters = false;
  bool digits = false;
  bool other_script = false;
};

// The comparison key of a word, or an empty string for words that carry no evidence: short
// words, words mixing letters and digits (URL identifiers such as "a3618252").
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
    if (out.empty()) {
      out += c;
      continue;
    }
    const char previous = out.back();
    const bool doubled = c == previous;
    const bool silent_h = c == 'h' && !is_vowel(previous);
    const bool glide = (c == 'y' || c == 'j') && is_vowel(previous);
    if (!doubled && !silent_h && !glide) out += c;
  }
  return out;
}

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

// Calls emit(key, begin) for every word of text with a key; begin is the word's byte offset.
template <typename Emit>
void for_each_key(std::string_view text, Emit emit) {
  Word word;
  std::size_t begin = 0;
  const auto flush = [&word, &begin, &emit] {
    if (word.code_points > 0) {
      const std::string key = word_key(word);
      if (!key.empty()) emit(key, begin);
    }
    word = Word();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, pos);
    const char32_t cp = decoded.value;
    const bool ascii_letter = is_ascii_letter(cp);
    const bool digit = is_ascii_digit(cp);
    const bool other_letter = !ascii_letter && (is_upper_letter(cp) || is_lower_letter(cp));
    if (ascii_letter || digit || other_letter) {
      if (word.code_points == 0) begin = pos;
      ++word.code_points;
      word.letters = word.letters || ascii_letter || other_letter;
      word.digits = word.digits || digit;
      word.other_script = word.other_script || other_letter;
      if (ascii_letter) {
        word.text += static_cast<char>(cp >= U'a' ? cp : cp - U'A' + U'a');
      } else {
        word.text.append(text.substr(pos, decoded.length));
      }
    } else {
      flush();
    }
    pos += decoded.length;
  }
  flush();
}

class Vocabulary {
 public:
  std::uint32_t id(const std::string& key) {
    const auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(ids_.size()));
    return it->second;
  }
  // kUnknown for a key no passage has: such a footnote word can never match.
  std::uint32_t find(const std::string& key) const {
    const auto it = ids_.find(key);
    return it == ids_.end() ? kUnknown : it->second;
  }
  std::size_t size() const { return ids_.size(); }

  static constexpr std::uint32_t kUnknown = static_cast<std::uint32_t>(-1);

 public:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

void sort_unique(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// ---------------------------------------------------------------------------------------------
// Lexical evidence

// The text a mark at a site refers to: back to the previous site of the same passage (the text
// before that belongs to the previous mark), but at least kWordsBefore words, because two marks
// can stand a few words apart; and a few words after it, up to the next site, because a name
// cited in a footnote is often spelt out or abbreviated just after the mark ("... Persons with
// Disabilities[2]. CRPD invited ...").
constexpr std::size_t kWordsBefore = 25;
constexpr std::size_t kWordsAfter = 10;

std::size_t back_words(std::string_view text, std::size_t pos, std::size_t words) {
  std::size_t seen = 0;
  while (pos > 0) {
    if (text[pos - 1] == ' ' && ++seen > words) return pos;
    --pos;
  }
  return 0;
}

std::size_t forward_words(std::string_view text, std::size_t pos, std::size_t words) {
  std::size_t seen = 0;
  for (; pos < text.size(); ++pos) {
    if (text[pos] == ' ' && ++seen > words) return pos;
  }
  return text.size();
}

struct SparseScore {
  std::size_t site = 0;
  Score score = 0;
};

// For every footnote, the lexical score of each site that shares words with it (sparse, in
// site order). A shared key of weight w (the key's inverse document frequency over the
// passages, so that "Kazakhstan" weighs nothing and "Masanchi" much) adds w when it occurs in
// the site's context, and w / 2 when it occurs only elsewhere in the site's passage.
std::vector<std::vector<SparseScore>> lexical_rows(const std::vector<std::string>& footnotes,
                                                   const std::vector<FootnoteSite>& sites,
                                                   const std::vector<Passage>& passages) {
  const std::size_t site_count = sites.size();
  Vocabulary vocabulary;

  // Sites of each passage, in order (their offsets increase: text is only ever appended).
  std::vector<std::vector<std::size_t>> sites_of_passage(passages.size());
  for (std::size_t j = 0; j < site_count; ++j) {
    if (sites[j].passage < passages.size()) sites_of_passage[sites[j].passage].push_back(j);
  }

  // Keys of each site's context and of each passage that has sites.
  std::vector<std::vector<std::uint32_t>> context_keys(site_count);
  std::vector<std::vector<std::uint32_t>> passage_keys(passages.size());
  std::vector<std::size_t> passages_with_sites;
  const auto add_keys = [&vocabulary](std::string_view text, std::vector<std::uint32_t>& keys) {
    for_each_key(text, [&](const std::string& key, std::size_t) {
      keys.push_back(vocabulary.id(key));
    });
    sort_unique(keys);
  };
  for (std::size_t passage = 0; passage < passages.size(); ++passage) {
    const std::vector<std::size_t>& own = sites_of_passage[passage];
    if (own.empty()) continue;
    passages_with_sites.push_back(passage);
    const std::string_view text = passages[passage].text;
    add_keys(text, passage_keys[passage]);
    for (std::size_t k = 0; k < own.size(); ++k) {
      const std::size_t offset = std::min(sites[own[k]].offset, text.size());
      const std::size_t previous = k == 0 ? 0 : std::min(sites[own[k - 1]].offset, offset);
      const std::size_t next =
          k + 1 == own.size() ? text.size() : std::max(sites[own[k + 1]].offset, offset);
      const std::size_t begin = std::min(back_words(text, offset, kWordsBefore), previous);
      const std::size_t end = std::min(forward_words(text, offset, kWordsAfter), next);
      add_keys(text.substr(begin, end - begin), context_keys[own[k]]);
    }
  }

  // Inverse document frequency over the passages that have sites.
  std::vector<std::size_t> document_frequency(vocabulary.size(), 0);
  std::vector<std::vector<std::size_t>> passages_with_key(vocabulary.size());
  std::vector<std::vector<std::size_t>> contexts_with_key(vocabulary.size());
  for (const std::size_t passage : passages_with_sites) {
    for (const std::uint32_t key : passage_keys[passage]) {
      ++document_frequency[key];
      passages_with_key[key].push_back(passage);
    }
  }
  for (std::size_t j = 0; j < site_count; ++j) {
    for (const std::uint32_t key : context_keys[j]) contexts_with_key[key].push_back(j);
  }
  const double passage_count = static_cast<double>(passages_with_sites.size());
  std::vector<Score> weight(vocabulary.size(), 0);
  for (std::size_t key = 0; key < vocabulary.size(); ++key) {
    if (document_frequency[key] == 0) continue;
    const double idf = std::log(passage_count / static_cast<double>(document_frequency[key]));
    weight[key] = std::max(0, static_cast<Score>(std::lround(100.0 * idf)) - kCommonWordWeight);
  }

  // The keys of each footnote, and in how many footnotes each key occurs: a key several
  // footnotes share (a news site's name, "news", "html") is evidence for one of them at most,
  // so its weight is divided among them.
  std::vector<std::vector<std::uint32_t>> footnote_keys(footnotes.size());
  std::vector<Score> footnote_frequency(vocabulary.size(), 0);
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    std::vector<std::uint32_t>& keys = footnote_keys[i];
    for_each_key(footnotes[i], [&](const std::string& key, std::size_t) {
      const std::uint32_t id = vocabulary.find(key);
      if (id != Vocabulary::kUnknown && weight[id] > 0) keys.push_back(id);
    });
    sort_unique(keys);
    for (const std::uint32_t key : keys) ++footnote_frequency[key];
  }

  std::vector<std::vector<SparseScore>> rows(footnotes.size());
  std::vector<Score> dense(site_count, 0);
  std::vector<std::size_t> shared(site_count, 0);
  std::vector<std::size_t> in_context(site_count, 0);  // 1 + the key last seen in the context
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    std::vector<std::uint32_t>& keys = footnote_keys[i];
    std::stable_sort(keys.begin(), keys.end(),
                     [&weight, &footnote_frequency](std::uint32_t a, std::uint32_t b) {
                       return weight[a] / footnote_frequency[a] > weight[b] / footnote_frequency[b];
                     });
    if (std::getenv("FN_KEYS") != nullptr && std::atoi(std::getenv("FN_KEYS")) == static_cast<int>(i + 1)) {  // DEBUG-REMOVE
      for (const auto& [k, v] : vocabulary.ids_) {  // DEBUG-REMOVE
        if (std::find(keys.begin(), keys.end(), v) != keys.end()) std::fprintf(stderr, "KEY %s df %zu w %d ff %d\n", k.c_str(), document_frequency[v], weight[v], footnote_frequency[v]);  // DEBUG-REMOVE
      }  // DEBUG-REMOVE
    }  // DEBUG-REMOVE
    std::fill(dense.begin(), dense.end(), 0);
    std::fill(shared.begin(), shared.end(), 0);
    std::fill(in_context.begin(), in_context.end(), 0);
    // A long footnote (a list of authors) shares some rare word with many passages by chance;
    // its words weigh less, so that its chance evidence stays that of a short one.
    const std::size_t scale = std::max(keys.size(), kMaxInformativeWords);
    for (const std::uint32_t key : keys) {
      const Score full = static_cast<Score>(static_cast<std::size_t>(weight[key]) *
                                            kMaxInformativeWords / scale) /
                         footnote_frequency[key];
      const Score half = full / 2;
      for (const std::size_t j : contexts_with_key[key]) {
        in_context[j] = key + std::size_t{1};
        if (shared[j] < kMaxSharedWords) {
          dense[j] += full;
          ++shared[j];
        }
      }
      for (const std::size_t passage : passages_with_key[key]) {
        for (const std::size_t j : sites_of_passage[passage]) {
          if (in_context[j] == key + std::size_t{1} || shared[j] >= kMaxSharedWords) continue;
          dense[j] += half;
          ++shared[j];
        }
      }
    }
    for (std::size_t j = 0; j < site_count; ++j) {
      if (dense[j] > 0) rows[i].push_back({j, std::min(dense[j], kMaxLexicalScore)});
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Alignment

// The exact rule for inputs too large to align: the k-th line-break site is footnote k's when
// every footnote has one.
std::vector<std::size_t> link_when_counts_match(std::size_t footnote_count,
                                                const std::vector<FootnoteSite>& sites) {
  std::vector<std::size_t> links(footnote_count, kNoFootnoteSite);
  std::vector<std::size_t> line_breaks;
  for (std::size_t j = 0; j < sites.size(); ++j) {
    if (sites[j].kind == FootnoteSiteKind::kLineBreak) line_breaks.push_back(j);
  }
  if (line_breaks.size() != footnote_count) return links;
  return line_breaks;
}

// Expands a footnote's sparse lexical row into `out` (size M + 1, zero elsewhere).
void expand_row(const std::vector<SparseScore>& row, std::vector<Score>& out) {
  std::fill(out.begin(), out.end(), 0);
  for (const SparseScore& entry : row) out[entry.site] = entry.score;
}

}  // namespace

std::vector<std::size_t> align_footnotes(const std::vector<std::string>& footnotes,
                                         const std::vector<FootnoteSite>& sites,
                                         const std::vector<Passage>& passages) {
  const std::size_t n = footnotes.size();
  const std::size_t m = sites.size();
  std::vector<std::size_t> links(n, kNoFootnoteSite);
  if (n == 0 || m == 0) return links;
  if ((n + 1) > kMaxAlignmentCells / (m + 1)) return link_when_counts_match(n, sites);

  const std::vector<std::vector<SparseScore>> lexical = lexical_rows(footnotes, sites, passages);
  std::vector<Score> site_cost(m);      // cost of a site left without a footnote
  std::vector<Score> match_base(m);     // structural score of a footnote placed at the site
  for (std::size_t j = 0; j < m; ++j) {
    const bool line_break = sites[j].kind == FootnoteSiteKind::kLineBreak;
    site_cost[j] = line_break ? kUnusedLineBreakCost : 0;
    match_base[j] = line_break ? 0 : -kBlockEndCost;
  }

  // Forward pass: forward[i][j] is the best score of placing footnotes [0, i) among sites
  // [0, j), every site in that range used or left over.
  const std::size_t width = m + 1;
  std::vector<Score> forward((n + 1) * width);
  std::vector<Score> row_lexical(m, 0);
  forward[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) forward[j] = forward[j - 1] - site_cost[j - 1];
  for (std::size_t i = 1; i <= n; ++i) {
    expand_row(lexical[i - 1], row_lexical);
    const Score* above = &forward[(i - 1) * width];
    Score* here = &forward[i * width];
    here[0] = above[0] - kFootnoteWithoutSiteCost;
    for (std::size_t j = 1; j <= m; ++j) {
      const Score match = above[j - 1] + match_base[j - 1] + row_lexical[j - 1];
      const Score skip_footnote = above[j] - kFootnoteWithoutSiteCost;
      const Score skip_site = here[j - 1] - site_cost[j - 1];
      here[j] = std::max({match, skip_footnote, skip_site});
    }
  }

  // Backward pass, one row at a time: after[j] is the best score of placing footnotes [i + 1, n)
  // among sites [j, m). With forward row i it gives footnote i's max-marginals.
  std::vector<Score> after(width);
  std::vector<Score> current(width);
  after[m] = 0;
  for (std::size_t j = m; j-- > 0;) after[j] = after[j + 1] - site_cost[j];
  for (std::size_t i = n; i-- > 0;) {
    expand_row(lexical[i], row_lexical);
    const Score* before = &forward[i * width];

    // The best option for footnote i (a site, or no site) and the best score of any other.
    // Two options of equal score leave a margin of zero, whichever is called best.
    Score best = std::numeric_limits<Score>::min();
    Score second = std::numeric_limits<Score>::min();
    std::size_t best_site = kNoFootnoteSite;
    const auto consider = [&best, &second, &best_site](Score score, std::size_t site) {
      if (score > best) {
        second = best;
        best = score;
        best_site = site;
      } else if (score > second) {
        second = score;
      }
    };
    Score unplaced = std::numeric_limits<Score>::min();
    for (std::size_t j = 0; j <= m; ++j) {
      unplaced = std::max(unplaced, before[j] - kFootnoteWithoutSiteCost + after[j]);
    }
    consider(unplaced, kNoFootnoteSite);
    for (std::size_t j = 0; j < m; ++j) {
      consider(before[j] + match_base[j] + row_lexical[j] + after[j + 1], j);
    }
    if (std::getenv("FN_DEBUG") != nullptr) {
      std::fprintf(stderr, "FN %zu site %zu margin %d lex %d\n", i + 1, best_site, best - second,
                   best_site == kNoFootnoteSite ? 0 : row_lexical[best_site]);
    }
    const Score required = best_site != kNoFootnoteSite &&
                                   sites[best_site].kind == FootnoteSiteKind::kBlockEnd
                               ? kMinBlockEndLinkMargin
                               : kMinLinkMargin;
    if (best_site != kNoFootnoteSite && best - second >= required && !footnotes[i].empty()) {
      links[i] = best_site;
    }

    // Backward row i.
    current[m] = after[m] - kFootnoteWithoutSiteCost;
    for (std::size_t j = m; j-- > 0;) {
      const Score match = after[j + 1] + match_base[j] + row_lexical[j];
      const Score skip_footnote = after[j] - kFootnoteWithoutSiteCost;
      const Score skip_site = current[j + 1] - site_cost[j];
      current[j] = std::max({match, skip_footnote, skip_site});
    }
    std::swap(after, current);
  }
  return links;
}

}  // namespace treatysearch::ingest

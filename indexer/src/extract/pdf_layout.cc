#include "pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <string_view>
#include <utility>

#include "pdf_arabic.h"
#include "text.h"

namespace treatysearch::ingest::pdf {

namespace {

// A group of words standing on one visual line of the page (possibly across both columns).
struct Cluster {
  std::vector<std::size_t> words;  // indices into the page's words, left to right once sorted
  double y0 = 0, y1 = 0;           // vertical extent of its full-size words
  double max_font = 0;
};

double height(const Word& word) { return std::max(0.1, word.y1 - word.y0); }

// A word belongs to a line when most of the smaller of the two heights overlaps: superscripts
// and footnote numbers set smaller sit inside the line's extent.
bool overlaps(const Word& word, const Cluster& cluster) {
  const double overlap = std::min(word.y1, cluster.y1) - std::max(word.y0, cluster.y0);
  return overlap >= 0.5 * std::min(height(word), cluster.y1 - cluster.y0);
}

// How much taller than a line a word may be and still stretch the line's extent.
constexpr double kMaxStretch = 1.4;

std::vector<Cluster> cluster_words(const std::vector<Word>& words) {
  std::vector<std::size_t> order(words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return words[a].y0 + words[a].y1 < words[b].y0 + words[b].y1;
  });
  std::vector<Cluster> clusters;
  // Sorted by centre, a word's line is one of the last few opened.
  constexpr std::size_t kLookBack = 4;
  for (const std::size_t index : order) {
    const Word& word = words[index];
    Cluster* home = nullptr;
    for (std::size_t back = 0; back < std::min(kLookBack, clusters.size()); ++back) {
      Cluster& candidate = clusters[clusters.size() - 1 - back];
      if (overlaps(word, candidate)) {
        home = &candidate;
        break;
      }
    }
    if (home == nullptr) {
      clusters.emplace_back();
      home = &clusters.back();
      home->y0 = word.y0;
      home->y1 = word.y1;
      home->max_font = word.font_size;
    } else if (word.font_size >= 0.8 * home->max_font) {
      // A word much taller than the line it joins (a title set large beside the first page's
      // top-right block) does not stretch the line: stretched, the line would reach the next
      // line of small text and take its words ("7 mai 2019" and "Français" read as one line).
      if (height(word) < kMaxStretch * (home->y1 - home->y0)) {
        home->y0 = std::min(home->y0, word.y0);
        home->y1 = std::max(home->y1, word.y1);
      }
      home->max_font = std::max(home->max_font, word.font_size);
    }
    home->words.push_back(index);
  }
  for (Cluster& cluster : clusters) {
    std::sort(cluster.words.begin(), cluster.words.end(),
              [&](std::size_t a, std::size_t b) { return words[a].x0 < words[b].x0; });
  }
  return clusters;
}

double typical_font(const std::vector<Word>& words, const std::vector<std::size_t>& indices) {
  // The size that most of the text is set in (by bytes of text), in half points; sorted, so
  // that a line of many words costs n log n, not n squared.
  std::vector<std::pair<double, std::size_t>> sizes;
  sizes.reserve(indices.size());
  for (const std::size_t i : indices) {
    sizes.emplace_back(std::round(words[i].font_size * 2) / 2, words[i].text.size());
  }
  std::sort(sizes.begin(), sizes.end());
  double best = 0;
  std::size_t best_bytes = 0;
  for (std::size_t i = 0; i < sizes.size();) {
    std::size_t bytes = 0, j = i;
    for (; j < sizes.size() && sizes[j].first == sizes[i].first; ++j) bytes += sizes[j].second;
    if (bytes >= best_bytes) {  // ties go to the larger size
      best = sizes[i].first;
      best_bytes = bytes;
    }
    i = j;
  }
  return best > 0 ? best : 10.0;
}

// Whether the words of a line before and after index `split` both look like running text: each
// side a fifth of the page wide or more, three words or more, more letters than digits. The
// columns of a table of figures have gaps near the middle too, but are read row by row.
bool is_text_on_both_sides(const std::vector<Word>& words, const Cluster& cluster,
                           std::size_t split, double page_width) {
  const auto side_is_text = [&](std::size_t from, std::size_t to) {
    if (to - from < 3) return false;
    if (words[cluster.words[to - 1]].x1 - words[cluster.words[from]].x0 < 0.2 * page_width) {
      return false;
    }
    std::size_t digits = 0, others = 0;
    for (std::size_t k = from; k < to; ++k) {
      for (const char c : words[cluster.words[k]].text) {
        (core::is_ascii_digit(c) ? digits : others) += 1;
      }
    }
    return others > digits;
  };
  return side_is_text(0, split) && side_is_text(split, cluster.words.size());
}

// A vertical gutter between two columns: an x near the middle of the page that many lines have
// a wide gap across and almost no line has a word across. 0 when the page is one column.
double find_gutter(const std::vector<Word>& words, const std::vector<Cluster>& clusters,
                   double page_width) {
  if (clusters.size() < 8 || !(page_width > 0)) return 0;
  // 200 probes across the middle two fifths of the page, whatever its size.
  constexpr int kProbes = 200;
  double best_x = 0;
  int best_gaps = 0;
  for (int probe = 0; probe <= kProbes; ++probe) {
    const double x = page_width * (0.3 + 0.4 * probe / kProbes);
    int gaps = 0, crossings = 0;
    for (const Cluster& cluster : clusters) {
      for (std::size_t k = 0; k < cluster.words.size(); ++k) {
        const Word& word = words[cluster.words[k]];
        if (word.x0 < x && word.x1 > x) {
          ++crossings;
          break;
        }
        if (k + 1 < cluster.words.size()) {
          const Word& next = words[cluster.words[k + 1]];
          if (word.x1 <= x && next.x0 >= x && next.x0 - word.x1 >= 0.8 * cluster.max_font) {
            if (is_text_on_both_sides(words, cluster, k + 1, page_width)) ++gaps;
            break;
          }
        }
      }
    }
    if (gaps >= 6 && crossings * 4 <= gaps && gaps * 4 >= static_cast<int>(clusters.size()) &&
        gaps > best_gaps) {
      best_gaps = gaps;
      best_x = x;
    }
  }
  return best_x;
}

}  // namespace

bool is_label_token(std::string_view token) {
  if (token.empty() || token.size() > 16) return false;
  if (std::all_of(token.begin(), token.end(), [](char c) { return c == '*'; })) return true;
  std::string_view body = token;
  const bool opened = body.front() == '(';
  if (opened) body.remove_prefix(1);
  bool closed_by_paren = false, closed = false;
  while (!body.empty() && (body.back() == '.' || body.back() == ')' || body.back() == '-')) {
    closed_by_paren = closed_by_paren || body.back() == ')';
    closed = true;
    body.remove_suffix(1);
  }
  if (body.empty()) return false;
  // Numbers: "12.", "6.4", "5-" (Arabic documents), in ASCII or Arabic-Indic digits.
  std::size_t letters = 0, digits = 0, others = 0;
  bool starts_with_digit = false;
  for (std::size_t i = 0; i < body.size();) {
    const auto decoded = core::decode_at(body, i);
    const char32_t cp = decoded.value;
    const bool digit = (cp >= U'0' && cp <= U'9') || (cp >= 0x0660 && cp <= 0x0669) ||
                       (cp >= 0x06F0 && cp <= 0x06F9);
    if (i == 0) starts_with_digit = digit;
    if (digit) {
      ++digits;
    } else if (core::is_letter(cp) && !core::is_upper_letter(cp)) {
      ++letters;
    } else if (cp != U'.') {
      ++others;
    }
    i += decoded.length;
  }
  if (others > 0) return false;
  if (letters == 0) return starts_with_digit;
  // "(a)", "a)", "(iv)", "а)", "أ)", "b.": lower-case or caseless letters, only when a
  // parenthesis marks them, or one letter with a full stop.
  if (digits > 0 || letters > 4) return false;
  return closed_by_paren || (opened && closed) || (letters == 1 && body.size() < token.size());
}

namespace {

bool is_reference_mark(std::string_view text) {
  if (text.empty() || text.size() > 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return core::is_ascii_digit(c); }) ||
         std::all_of(text.begin(), text.end(), [](char c) { return c == '*'; });
}

// "•", "◦", "▪", "–", "-", "·" and the private-use bullets of Symbol and Wingdings.
bool is_bullet(std::string_view text) {
  static constexpr std::string_view kBullets[] = {
      "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x80\x93", "-",
      "\xC2\xB7",     "\xE2\x97\x8F", "\xEF\x82\xB7", "\xEF\x82\xA7", "o"};
  return std::find(std::begin(kBullets), std::end(kBullets), text) != std::end(kBullets);
}

std::string_view first_token(std::string_view text) {
  const std::size_t space = text.find(' ');
  return space == std::string_view::npos ? text : text.substr(0, space);
}

// One line piece: words of one cluster, one column, left to right.
Line make_line(std::vector<Word>& words, const std::vector<std::size_t>& piece) {
  Line line;
  const double font = typical_font(words, piece);
  line.font_size = font;
  line.x0 = words[piece.front()].x0;
  line.x1 = words[piece.back()].x1;
  line.y0 = words[piece.front()].y0;
  line.y1 = words[piece.front()].y1;
  std::vector<double> bottoms;
  bottoms.reserve(piece.size());
  for (const std::size_t i : piece) {
    const Word& word = words[i];
    line.x1 = std::max(line.x1, word.x1);
    line.y0 = std::min(line.y0, word.y0);
    line.y1 = std::max(line.y1, word.y1);
    if (std::abs(word.font_size - font) <= 0.06 * font) bottoms.push_back(word.y1);
  }
  double baseline = line.y1;
  if (!bottoms.empty()) {
    std::nth_element(bottoms.begin(),
                     bottoms.begin() + static_cast<std::ptrdiff_t>(bottoms.size() / 2),
                     bottoms.end());
    baseline = bottoms[bottoms.size() / 2];
  }
  line.baseline = baseline;
  std::string visual;
  bool any_rtl = false;
  int balance = 0;
  for (const std::size_t i : piece) {
    const int word_balance = rtl_balance(words[i].text);
    balance += word_balance;
    any_rtl = any_rtl || word_balance > 0 || has_rtl_letters(words[i].text);
  }
  line.rtl = balance > 0;

  // Reading order of the words: left to right, or right to left for an Arabic line.
  std::vector<std::size_t> reading(piece);
  if (line.rtl) std::reverse(reading.begin(), reading.end());

  // Footnote reference marks: digits or asterisks set smaller than the line and raised above
  // its baseline, after the line's first word.
  std::vector<bool> is_ref(piece.size(), false);
  for (std::size_t k = 1; k < reading.size(); ++k) {
    const Word& word = words[reading[k]];
    const Word& before = words[reading[k - 1]];
    const double gap = line.rtl ? before.x0 - word.x1 : word.x0 - before.x1;
    if (word.font_size <= 0.8 * font && word.y1 < baseline - 0.12 * font && gap < 0.5 * font &&
        is_reference_mark(word.text)) {
      is_ref[line.rtl ? piece.size() - 1 - k : k] = true;
      line.refs.push_back(words[reading[k]].text);
    }
  }

  // Text in visual order (left to right), reference marks left out.
  const Word* previous = nullptr;
  for (std::size_t k = 0; k < piece.size(); ++k) {
    if (is_ref[k]) continue;
    Word& word = words[piece[k]];
    if (previous != nullptr &&
        (previous->space_after || word.x0 - previous->x1 > 0.15 * std::min(font, word.font_size))) {
      visual.push_back(' ');
    }
    visual.append(word.text);
    previous = &word;
  }
  if (any_rtl) {
    line.text = logical_from_visual(visual, line.rtl);
    unify_mixed_digits(&line.text);
  } else {
    line.text = std::move(visual);
  }
  fold_presentation_forms(&line.text);

  // The leading label and where the text after it starts.
  line.text_x0 = line.x0;
  line.text_x1 = line.x1;
  if (reading.size() > 1 && is_bullet(words[reading[0]].text)) {
    // A bullet is no label, but the item's next lines align with the text after it.
    if (line.rtl) {
      line.text_x1 = words[reading[1]].x1;
    } else {
      line.text_x0 = words[reading[1]].x0;
    }
  }
  std::string_view lead = first_token(line.text);
  if (is_label_token(lead) && lead.size() < line.text.size()) {
    // Arabic documents may print the number and its dash apart: "9 - ...".
    const std::string_view rest = std::string_view(line.text).substr(lead.size());
    const char32_t last = core::last_code_point(lead);
    const bool ends_in_digit = (last >= U'0' && last <= U'9') || (last >= 0x0660 && last <= 0x0669);
    if (rest.size() > 3 && rest.substr(0, 3) == " - " && ends_in_digit) {
      lead = std::string_view(line.text).substr(0, lead.size() + 2);
    }
    line.lead = std::string(lead);
    // The words that make up the lead, counted in characters (its digits may have changed
    // script, never number).
    const std::size_t lead_length =
        core::count_code_points(lead) -
        static_cast<std::size_t>(std::count(lead.begin(), lead.end(), ' '));
    std::size_t covered = 0, k = 0;
    while (k < reading.size() && covered < lead_length) {
      covered += core::count_code_points(words[reading[k]].text);
      ++k;
    }
    if (k > 0 && k < reading.size()) {
      const Word& last_of_lead = words[reading[k - 1]];
      const Word& after = words[reading[k]];
      const double gap = line.rtl ? last_of_lead.x0 - after.x1 : after.x0 - last_of_lead.x1;
      // A tab, not a wide space of a justified line: wider than half an em and than twice and
      // a half the line's usual space between words.
      std::vector<double> spaces;
      for (std::size_t j = k + 1; j < reading.size(); ++j) {
        const Word& left = words[line.rtl ? reading[j] : reading[j - 1]];
        const Word& right = words[line.rtl ? reading[j - 1] : reading[j]];
        if (right.x0 - left.x1 > 0.05 * font) spaces.push_back(right.x0 - left.x1);
      }
      double usual_space = 0;
      if (!spaces.empty()) {
        std::nth_element(spaces.begin(),
                         spaces.begin() + static_cast<std::ptrdiff_t>(spaces.size() / 2),
                         spaces.end());
        usual_space = spaces[spaces.size() / 2];
      }
      line.lead_gap = gap >= 0.55 * font && gap >= 2.5 * usual_space;
      const Word& first = words[reading[0]];
      line.lead_small =
          first.font_size <= 0.8 * after.font_size || first.y1 < baseline - 0.12 * font;
      if (line.rtl) {
        line.text_x1 = after.x1;
      } else {
        line.text_x0 = after.x0;
      }
    }
  }
  return line;
}

}  // namespace

std::vector<Line> lines_from_words(std::vector<Word>& words, double page_width) {
  // Words without text, or with coordinates no page has (a damaged or hostile file: NaN would
  // break the sorting below), are left out.
  const auto unusable = [](const Word& word) {
    const bool finite = std::isfinite(word.x0) && std::isfinite(word.x1) &&
                        std::isfinite(word.y0) && std::isfinite(word.y1) &&
                        std::isfinite(word.font_size);
    return !finite || core::trim(word.text).empty();
  };
  words.erase(std::remove_if(words.begin(), words.end(), unusable), words.end());
  for (Word& word : words) {
    if (word.x1 < word.x0) std::swap(word.x0, word.x1);
    if (word.y1 < word.y0) std::swap(word.y0, word.y1);
    word.font_size = std::max(word.font_size, 0.1);
  }
  std::vector<Line> lines;
  if (words.empty()) return lines;
  const std::vector<Cluster> clusters = cluster_words(words);
  const double gutter = find_gutter(words, clusters, page_width);

  int balance = 0;
  for (const Word& word : words) balance += rtl_balance(word.text);
  const bool rtl_page = balance > 0;

  // Pieces of each cluster: split at the gutter and at very wide gaps (the first page's
  // header: "United Nations" ... "CERD/C/BRA/CO/18-20").
  struct Piece {
    std::vector<std::size_t> words;
    int column = 0;
  };
  std::vector<Line> band_left, band_right;
  const auto flush_band = [&] {
    std::vector<Line>& first = rtl_page ? band_right : band_left;
    std::vector<Line>& second = rtl_page ? band_left : band_right;
    for (Line& line : first) lines.push_back(std::move(line));
    for (Line& line : second) lines.push_back(std::move(line));
    band_left.clear();
    band_right.clear();
  };
  for (const Cluster& cluster : clusters) {
    bool spanning = false;
    if (gutter > 0) {
      for (const std::size_t i : cluster.words) {
        if (words[i].x0 < gutter && words[i].x1 > gutter) spanning = true;
      }
    }
    std::vector<Piece> pieces;
    for (const std::size_t i : cluster.words) {
      const int column = gutter > 0 && !spanning && words[i].x0 >= gutter ? 1 : 0;
      const bool wide_gap = !pieces.empty() && [&] {
        const Word& before = words[pieces.back().words.back()];
        return words[i].x0 - before.x1 > 3.5 * std::min(before.font_size, words[i].font_size);
      }();
      if (pieces.empty() || pieces.back().column != column || wide_gap) {
        pieces.push_back(Piece{{}, column});
      }
      pieces.back().words.push_back(i);
    }
    if (rtl_page) std::reverse(pieces.begin(), pieces.end());
    if (spanning || gutter <= 0) {
      flush_band();
      for (const Piece& piece : pieces) {
        lines.push_back(make_line(words, piece.words));
      }
      continue;
    }
    for (const Piece& piece : pieces) {
      Line line = make_line(words, piece.words);
      line.column = piece.column;
      (piece.column == 1 ? band_right : band_left).push_back(std::move(line));
    }
  }
  flush_band();
  return lines;
}

double body_font_size(const std::vector<PageLayout>& pages) {
  // Bytes of text per size in half points; sizes above 72 points are not running text.
  std::vector<std::size_t> bytes(145, 0);
  for (const PageLayout& page : pages) {
    for (const Line& line : page.lines) {
      if (line.role == LineRole::kFurniture) continue;
      const auto slot = static_cast<std::size_t>(std::lround(line.font_size * 2));
      if (slot < bytes.size()) bytes[slot] += line.text.size();
    }
  }
  const auto best = std::max_element(bytes.begin(), bytes.end());
  if (*best == 0) return 10.0;
  return static_cast<double>(best - bytes.begin()) / 2;
}

}  // namespace treatysearch::ingest::pdf

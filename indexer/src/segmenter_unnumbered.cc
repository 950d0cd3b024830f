// Unnumbered documents (letters, prose): ordinal passages "[n]", a letter's front matter,
// address block and closing.
#include "segmenter_parts.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::segmenter_detail {

using core::equals_ascii_ci;
using core::is_ascii_digit;
using core::last_code_point;
using core::starts_with_ascii_ci;

// ---------------------------------------------------------------------------------------------
// Unnumbered documents (letters, prose)

namespace {

struct Block {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
  bool single_line() const { return first == last; }
};

constexpr std::size_t kMaxFrontMatterBlocks = 10;
constexpr std::size_t kMaxLetterheadLineBytes = 200;
constexpr std::size_t kMaxSalutationBytes = 60;
constexpr std::size_t kMaxValedictionBytes = 40;
constexpr std::size_t kMaxAddressLineBytes = 80;
constexpr std::size_t kMaxDateLineBytes = 40;

// "12 September 2023", "September 12, 2023", "1st March 2022".
bool is_date_line(std::string_view text) {
  if (text.size() > kMaxDateLineBytes) return false;
  bool month = false;
  bool year = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',')) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != ',') ++pos;
    const std::string_view word = text.substr(begin, pos - begin);
    if (word.empty()) break;
    std::size_t digits = 0;
    while (digits < word.size() && is_ascii_digit(word[digits])) ++digits;
    const std::string_view suffix = word.substr(digits);
    if (core::month_number(word) != 0) {
      month = true;
    } else if (digits == 4 && suffix.empty()) {
      year = true;
    } else if (digits == 0 || digits > 2 ||
               !(suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" ||
                 suffix == "th")) {
      return false;
    }
  }
  return month && year;
}

bool is_letterhead_line(std::string_view text) {
  return is_mostly_upper_case(text) || text.find("\u2022") != std::string_view::npos ||
         starts_with_ascii_ci(text, "www.") || starts_with_ascii_ci(text, "reference") ||
         starts_with_ascii_ci(text, "ref.") || starts_with_ascii_ci(text, "ref:") ||
         is_date_line(text);
}

// "Excellency,", "Dear Sir or Madam,".
bool is_salutation(std::string_view text) {
  return text.size() <= kMaxSalutationBytes && last_code_point(text) == U',' &&
         starts_uppercase(text);
}

// "Yours sincerely,", "Sincerely,", "Kind regards,".
bool is_valediction(std::string_view text) {
  if (text.size() > kMaxValedictionBytes || last_code_point(text) != U',') return false;
  const std::string_view words = text.substr(0, text.size() - 1);
  return starts_with_ascii_ci(words, "yours") || equals_ascii_ci(words, "sincerely") ||
         equals_ascii_ci(words, "respectfully") || equals_ascii_ci(words, "regards") ||
         equals_ascii_ci(words, "kind regards") || equals_ascii_ci(words, "best regards");
}

bool starts_with_honorific(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kHonorifics = {
      "H.E. ", "H. E. ", "His Excellency", "Her Excellency", "S.E. ", "Mr. ", "Mrs. ", "Ms. ",
      "Mr ",   "Ms ",    "Dr. ",           "Prof. "};
  return std::any_of(kHonorifics.begin(), kHonorifics.end(),
                     [text](std::string_view honorific) { return text.starts_with(honorific); });
}

bool is_email_line(std::string_view text) {
  const std::size_t at = text.find('@');
  return at != std::string_view::npos && at > 0 && text.find(' ') == std::string_view::npos &&
         text.find('.', at) != std::string_view::npos;
}

class UnnumberedAssembler {
 public:
  UnnumberedAssembler(const std::vector<Line>& lines, std::size_t body_end, PassageSink& sink,
                      SegmentedText& result)
      : lines_(lines),
        body_end_(body_end),
        heading_runs_(heading_run_lengths(lines, body_end)),
        marks_headings_(marks_headings(lines, body_end)),
        sink_(sink),
        result_(result) {}

  void run() {
    const std::vector<Block> blocks = collect_blocks();
    for (std::size_t b = take_front_matter(blocks); b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      const std::string& first = lines_[block.first].text;
      if (is_valediction(first)) {
        add_closing(blocks, b);
        return;
      }
      if (is_address_block(block)) {
        for (std::size_t i = block.first; i <= block.last; ++i) {
          result_.address_block.push_back(lines_[i].text);
        }
        continue;
      }
      if (marks_headings_) {
        add_marked_block(block);
        continue;
      }
      const bool more_follows = b + 1 < blocks.size();
      if (block.single_line() && more_follows) {
        if (const auto heading = parse_enumerated_heading(first)) {
          path_.enter(ranker_.rank(*heading), first);
          continue;
        }
        if (looks_like_plain_heading(first) && heading_runs_[block.first] <= kMaxHeadingRun) {
          path_.enter(kPlainRank, first);
          continue;
        }
      }
      add_block_passage(block);
    }
  }

 private:
  // Whether the format marks the document's headings (HTML's <h1>-<h6>, Word's heading
  // styles): then they are its headings, and no short line is taken for one. Inferring
  // headings from the text would find different ones in each language of the same document
  // ("Now, therefore," is a short line in English and none in French).
  static bool marks_headings(const std::vector<Line>& lines, std::size_t body_end) {
    return std::any_of(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(body_end),
                       [](const Line& line) { return line.heading_level > 0; });
  }

  // A block of a document whose format marks headings: its runs of heading lines are headings,
  // its other runs passages.
  void add_marked_block(const Block& block) {
    std::size_t run = block.first;
    while (run <= block.last) {
      const bool heading = lines_[run].heading_level > 0;
      std::size_t end = run;
      while (end < block.last && (lines_[end + 1].heading_level > 0) == heading) ++end;
      if (heading) {
        enter_marked_heading(run, end);
      } else {
        add_block_passage({run, end});
      }
      run = end + 1;
    }
  }

  // A marked heading ranks by its level; a first-level one before any passage is the
  // document's title (front matter, as in numbered documents: not a section heading every
  // passage would carry).
  void enter_marked_heading(std::size_t first, std::size_t last) {
    std::string heading = lines_[first].text;
    for (std::size_t i = first + 1; i <= last; ++i) {
      heading += ' ';
      heading += lines_[i].text;
    }
    const int level = lines_[first].heading_level;
    if (level == 1 && ordinal_ == 0 && !entered_marked_heading_) {
      result_.front_matter.push_back(heading);
      return;
    }
    entered_marked_heading_ = true;
    path_.enter(level - 1, heading);
  }

  std::vector<Block> collect_blocks() const {
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < body_end_; ++i) {
      if (!lines_[i].has_text()) continue;
      const bool continues = !blocks.empty() && blocks.back().last + 1 == i;
      if (continues) {
        blocks.back().last = i;
      } else {
        blocks.push_back({i, i});
      }
    }
    return blocks;
  }

  // A letter's opening: everything up to and including the salutation ("Excellency,"), when
  // one appears among the first blocks after short letterhead lines; without a salutation,
  // the leading blocks made only of letterhead lines (capitals, "•" separators, a reference
  // or a date). Prose without either has no front matter.
  std::size_t take_front_matter(const std::vector<Block>& blocks) {
    const std::size_t limit = std::min(blocks.size(), kMaxFrontMatterBlocks);
    std::size_t end = 0;
    for (std::size_t b = 0; b < limit; ++b) {
      const Block& block = blocks[b];
      if (opens_marked_section(block)) break;  // the body has begun
      if (block.single_line() && is_salutation(lines_[block.first].text) &&
          !is_valediction(lines_[block.first].text)) {
        end = b + 1;
        break;
      }
      if (has_long_line(block, kMaxLetterheadLineBytes)) break;
    }
    if (end == 0) {
      while (end < limit && end + 1 < blocks.size() && is_letterhead_block(blocks[end])) ++end;
    }
    for (std::size_t b = 0; b < end; ++b) {
      for (std::size_t i = blocks[b].first; i <= blocks[b].last; ++i) {
        result_.front_matter.push_back(lines_[i].text);
      }
    }
    return end;
  }

  bool has_long_line(const Block& block, std::size_t limit) const {
    for (std::size_t i = block.first; i <= block.last; ++i) {
      if (lines_[i].text.size() > limit) return true;
    }
    return false;
  }

  // A heading the format marks below the title ("Preamble", "Article 1").
  bool opens_marked_section(const Block& block) const {
    return lines_[block.first].heading_level > 1;
  }

  // A heading the format marks is never letterhead, however capitalised ("ПРЕАМБУЛА").
  bool is_letterhead_block(const Block& block) const {
    for (std::size_t i = block.first; i <= block.last; ++i) {
      if (lines_[i].heading_level > 0 || !is_letterhead_line(lines_[i].text)) return false;
    }
    return true;
  }

  // An addressee block printed inside the text: short lines, none ending a sentence, opening
  // with an honorific ("H.E. Mr. ...") or, on three lines or more, holding an e-mail address.
  bool is_address_block(const Block& block) const {
    const std::size_t line_count = block.last - block.first + 1;
    if (line_count < 2 || has_long_line(block, kMaxAddressLineBytes)) return false;
    bool email = false;
    for (std::size_t i = block.first; i <= block.last; ++i) {
      if (ends_sentence(lines_[i].text)) return false;
      email = email || is_email_line(lines_[i].text);
    }
    return starts_with_honorific(lines_[block.first].text) || (line_count >= 3 && email);
  }

  void add_block_passage(const Block& block) {
    ++ordinal_;
    sink_.set_line(block.first);
    const std::size_t index = sink_.add(PassageKind::kUnnumbered, ordinal_label(ordinal_),
                                        lines_[block.first].text, "", path_.current());
    for (std::size_t i = block.first + 1; i <= block.last; ++i) {
      sink_.set_line(i);
      if (starts_item(lines_[i].text)) {
        sink_.append_block(index, lines_[i].text);
      } else {
        sink_.wrap_line(index, lines_[i].text);
      }
    }
  }

  // "Yours sincerely," and the signature after it (name, title, body) form one passage, so the
  // signatory stays searchable without the signature lines becoming passages of their own.
  void add_closing(const std::vector<Block>& blocks, std::size_t first_block) {
    ++ordinal_;
    const std::size_t index =
        sink_.add(PassageKind::kUnnumbered, ordinal_label(ordinal_), "", "", path_.current());
    for (std::size_t b = first_block; b < blocks.size(); ++b) {
      for (std::size_t i = blocks[b].first; i <= blocks[b].last; ++i) {
        sink_.set_line(i);
        sink_.append_block(index, lines_[i].text);
      }
    }
  }

  const std::vector<Line>& lines_;
  const std::size_t body_end_;
  const std::vector<std::size_t> heading_runs_;
  const bool marks_headings_;
  bool entered_marked_heading_ = false;
  PassageSink& sink_;
  SegmentedText& result_;
  SectionPath path_;
  HeadingRanker ranker_;
  std::size_t ordinal_ = 0;
};

}  // namespace

void assemble_unnumbered(const std::vector<Line>& lines, std::size_t body_end, PassageSink& sink,
                         SegmentedText& result) {
  UnnumberedAssembler(lines, body_end, sink, result).run();
}

}  // namespace treatysearch::ingest::segmenter_detail

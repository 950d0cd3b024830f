// Decisions on individual communications (Views) number their paragraphs "1.1", "2.1", "6.4",
// with whole numbers where a part has one paragraph ("1.", "10."): the labels must be those
// printed numbers. A hand-written Views-like document (our own words) tests every rule; the
// decisions of ../shared/corpus/unhrdb-treaty-body-paragraphs (a non-commercial data set read
// in place, never copied: the test skips when it is absent) measure it on real documents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "passages.h"
#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

using test_support::find_passage;
using test_support::labels_of_kind;

const Passage* find(const SegmentedText& segmented, std::string_view label) {
  return find_passage(segmented, label);
}

// Our own text, laid out as a Word or PDF export of Views gives it.
constexpr std::string_view kViews =
    R"(Views adopted by the Committee under article 5 (4) of the Optional Protocol

1.1 The author of the communication is A.B., a national of the State party, born in 1970. He claims that the State party has violated his rights under articles 9 and 14 of the Covenant.

1.2 On 3 March 2020, the Committee, acting through its Special Rapporteur, decided not to issue a request for interim measures.

Facts as submitted by the author

2.1 The author was arrested on 4 May 2018 and held for six days without access to counsel. The relevant provisions of the Code of Criminal Procedure read as follows:

"1. A detained person shall be informed of the reasons for the arrest.
2. A detained person shall have access to counsel from the moment of detention."

2.2 The author appealed against his detention, invoking the following arguments:

(a) That the arrest was not based on any warrant;

(b) That he was not brought before a judge within 48 hours;

(c) That the detention order was not reasoned.

2.3 The appeal was dismissed on 1 June 2018.1

The complaint

3. The author claims that his detention was arbitrary, in violation of article 9 of the Covenant.

State party's observations

4.1 On 2 October 2020, the State party submitted its observations. It lists the steps taken:
1. The author was informed of the charges.
2. The author was assisted by counsel.

4.2 The State party considers that the communication is inadmissible.

Consideration of admissibility

5.1 Before considering any claim, the Committee must decide whether the communication is admissible.

5.2 The Committee notes that the same matter is not being examined under another procedure.

Consideration of the merits

6.1 The Committee has considered the communication in the light of all the information made available to it.

6.2 The Committee notes that 2.5 million people live in the region concerned.

6.3 The Committee recalls its general comment No. 35, paragraph 12.

6.4 In the light of the above, the Committee finds a violation of article 9 (1).

7. The Committee, acting under article 5 (4) of the Optional Protocol, is of the view that the facts disclose a violation of article 9.

8.1 The State party is under an obligation to provide the author with an effective remedy.

8.2 The State party is also under an obligation to prevent similar violations.

8.3 The Committee wishes to receive, within 180 days, information about the measures taken.

Appendix

Individual opinion of Committee member G.H. (dissenting)

1. I regret that I cannot join the majority in this case.

2. In my view the detention was reviewed by a court without delay.

3. I would therefore have found no violation.

� The State party refers to the judgment of the Supreme Court of 1 June 2018.
)";

TEST(SegmentViews, DottedParagraphNumbersAreTheLabels) {
  const SegmentedText segmented = segment(kViews);
  EXPECT_TRUE(segmented.numbered);
  EXPECT_EQ(
      labels_of_kind(segmented, PassageKind::kParagraph),
      (std::vector<std::string>{"1.1", "1.2", "2.1", "2.2", "2.3", "3", "4.1", "4.2", "5.1", "5.2",
                                "6.1", "6.2", "6.3", "6.4", "7", "8.1", "8.2", "8.3"}));
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kSubParagraph),
            (std::vector<std::string>{"2.2 (a)", "2.2 (b)", "2.2 (c)"}));
  const Passage* sub = find(segmented, "2.2 (b)");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->parent, "2.2");
  // The quoted law's own numbering and the State party's list stay in their paragraphs.
  const Passage* quoting = find(segmented, "2.1");
  ASSERT_NE(quoting, nullptr);
  EXPECT_NE(quoting->text.find("2. A detained person shall have access"), std::string::npos);
  const Passage* listing = find(segmented, "4.1");
  ASSERT_NE(listing, nullptr);
  EXPECT_NE(listing->text.find("2. The author was assisted by counsel."), std::string::npos);
  // "2.5 million" is a quantity inside 6.2, not a paragraph.
  const Passage* quantity = find(segmented, "6.2");
  ASSERT_NE(quantity, nullptr);
  EXPECT_NE(quantity->text.find("2.5 million people"), std::string::npos);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kFootnote),
            std::vector<std::string>{"footnote 1"});
  // The opinion numbers its paragraphs afresh: they are neither paragraphs of the Views nor
  // text of 8.3, but ordinal passages under the opinion's heading.
  const Passage* last = find(segmented, "8.3");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->text.find("I regret"), std::string::npos);
  std::vector<std::string> opinion;
  for (const Passage& passage : segmented.passages) {
    if (passage.kind != PassageKind::kUnnumbered || passage.section_path.empty()) continue;
    if (passage.section_path.back().starts_with("Individual opinion")) {
      EXPECT_TRUE(passage.label.starts_with("[")) << passage.label;
      opinion.push_back(passage.text);
    }
  }
  EXPECT_EQ(opinion, (std::vector<std::string>{
                         "1. I regret that I cannot join the majority in this case.",
                         "2. In my view the detention was reviewed by a court without delay.",
                         "3. I would therefore have found no violation."}));
}

TEST(SegmentViews, OlderViewsPrintATrailingDotAndThirdLevels) {
  const SegmentedText segmented = segment(
      "1. The author is C.D.\n\n2.1. The facts began in 1999.\n\n2.2. The author fled.\n\n"
      "3.1. The author claims a violation.\n\n3.1.1. First, the arrest was unlawful.\n\n"
      "3.1.2. Second, the trial was unfair.\n\n3.2. Finally, the author seeks redress.\n\n"
      "4. The Committee finds a violation.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2.1", "2.2", "3.1", "3.1.1", "3.1.2", "3.2", "4"}));
}

TEST(SegmentViews, SkippedNumbersAreToleratedUpToTheLimit) {
  // A paragraph lost in a page break, or a part that starts at its second paragraph: up to
  // three numbers (kMaxMissingNumbers) may be skipped.
  const std::vector<std::string> before = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3"};
  const auto labels = [&](const std::vector<std::string>& after) {
    std::string text;
    for (const auto& label : before) text += label + " The Committee notes the facts.\n\n";
    for (const auto& label : after) text += label + " The Committee concludes.\n\n";
    return labels_of_kind(segment(text), PassageKind::kParagraph);
  };
  const auto joined = [&](const std::vector<std::string>& after) {
    std::vector<std::string> all = before;
    all.insert(all.end(), after.begin(), after.end());
    return all;
  };
  // 2.4, 2.5, 2.6 missing (N = 3): one chain.
  const std::vector<std::string> three_missing = {"2.7", "2.8", "3.1", "3.2", "3.3"};
  EXPECT_EQ(labels(three_missing), joined(three_missing));
  // Four missing (N + 1): 2.8 and 2.9 cannot follow 2.3, and the chain before the gap, the
  // longer, goes on with part 3.
  EXPECT_EQ(labels({"2.8", "2.9", "3.1", "3.2", "3.3"}), joined({"3.1", "3.2", "3.3"}));
  // A part's first paragraphs missing: 3.1, 3.2, 3.3 (N), then four (N + 1).
  const std::vector<std::string> part_starts_late = {"3.4", "3.5", "4.1", "4.2", "4.3"};
  EXPECT_EQ(labels(part_starts_late), joined(part_starts_late));
  EXPECT_EQ(labels({"3.5", "3.6", "4.1", "4.2", "4.3"}), joined({"4.1", "4.2", "4.3"}));
  // Whole parts missing: 3 and 4 (N - 1), then 3, 4, 5 and 6.1 (N + 1).
  const std::vector<std::string> parts_missing = {"5.1", "5.2", "5.3", "5.4", "5.5"};
  EXPECT_EQ(labels(parts_missing), joined(parts_missing));
  EXPECT_EQ(labels({"6.2", "6.3", "6.4", "6.5", "6.6"}), before);
}

TEST(SegmentViews, NOfAPartIsNeverFollowedByN1) {
  // "3." then "3.1": a part with sub-paragraphs is numbered from "3.1", so "3.1" here is a list
  // item inside paragraph 3, and 4. follows 3.
  const SegmentedText segmented = segment(
      "1. The author.\n\n2. The facts.\n\n3. The claims are these:\n\n"
      "3.1 The arrest was unlawful.\n\n4. The Committee.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3", "4"}));
}

// --- the decisions of the UNHRDB data set ------------------------------------------------------

std::filesystem::path jurisprudence_dir() {
  if (const char* dir = std::getenv("TREATYSEARCH_SHARED_DIR"))
    return std::filesystem::path(dir) / "corpus/unhrdb-treaty-body-paragraphs/jurisprudence";
  return std::filesystem::path(TREATYSEARCH_SOURCE_DIR) /
         "../shared/corpus/unhrdb-treaty-body-paragraphs/jurisprudence";
}

// A printed paragraph number of the main text: "1.", "2.1.", "3.5.1." (the data set's IDs end
// with a dot). The other IDs are the data set's own: "OP1-3." and "A1-4." number the paragraphs
// of opinions and appendices, which print "3." and "4." under their heading; "G1." and null
// mark unnumbered paragraphs.
bool is_printed_number(std::string_view id) {
  if (id.empty() || id.back() != '.') return false;
  for (const char c : id)
    if (!(c == '.' || (c >= '0' && c <= '9'))) return false;
  return true;
}

struct Rebuilt {
  std::string text;
  std::vector<std::string> expected;  // main-text labels, in order
};

// The decision as a PDF or Word export gives it: each section heading on its own line, each
// paragraph "ID Text" (dotted IDs as printed today, "2.1 Text", or with the older trailing dot
// "2.1. Text") with a blank line between; opinions and appendices under their heading, numbered
// as printed ("OP1-3." is "3.").
Rebuilt rebuild(const nlohmann::json& paragraphs, bool trailing_dot) {
  Rebuilt rebuilt;
  std::string section;
  for (const auto& paragraph : paragraphs) {
    const std::string text = paragraph.value("Text", "");
    const std::string id = paragraph["ID"].is_string() ? paragraph["ID"].get<std::string>() : "";
    const std::string heading = paragraph.contains("Section") && paragraph["Section"].is_string()
                                    ? paragraph["Section"]
                                    : "";
    if (!heading.empty() && heading != section) rebuilt.text += heading + "\n\n";
    section = heading;
    std::string printed;
    if (is_printed_number(id)) {
      const std::string label = id.substr(0, id.size() - 1);
      rebuilt.expected.push_back(label);
      printed = label.find('.') == std::string::npos || trailing_dot ? id : label;
    } else if (const auto dash = id.find('-'); dash != std::string::npos) {
      const std::string number = id.substr(dash + 1);
      if (!number.empty() && number.front() >= '0' && number.front() <= '9') printed = number;
    }
    // Some paragraphs of the data set already begin with their number.
    if (!printed.empty() &&
        (text.starts_with(id.substr(0, id.size() - 1) + " ") || text.starts_with(id + " ")))
      printed.clear();
    rebuilt.text += (printed.empty() ? "" : printed + " ") + text + "\n\n";
  }
  return rebuilt;
}

std::vector<int> levels_of(const std::string& label) {
  std::vector<int> levels;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t dot = label.find('.', begin);
    levels.push_back(std::stoi(label.substr(begin, dot - begin)));
    if (dot == std::string::npos) return levels;
    begin = dot + 1;
  }
}

// Whether each printed number is the one right after the number before it ("1", "2.1", ...,
// "2.9", "3", "4.1", "4.1.1"): no number skipped or repeated.
bool is_complete(const std::vector<std::string>& labels) {
  for (std::size_t k = 1; k < labels.size(); ++k) {
    const auto p = levels_of(labels[k - 1]), n = levels_of(labels[k]);
    const bool next_part = n[0] == p[0] + 1 && (n.size() == 1 || (n.size() == 2 && n[1] == 1));
    const bool next_in_part = n.size() == 2 && p.size() >= 2 && n[0] == p[0] && n[1] == p[1] + 1;
    const bool first_of_level =
        n.size() == 3 && p.size() == 2 && n[0] == p[0] && n[1] == p[1] && n[2] == 1;
    const bool next_of_level =
        n.size() == 3 && p.size() == 3 && n[0] == p[0] && n[1] == p[1] && n[2] == p[2] + 1;
    if (!next_part && !next_in_part && !first_of_level && !next_of_level) return false;
  }
  return true;
}

// Printed numbers found as labels, in order.
std::size_t count_labelled(const std::vector<std::string>& labels,
                           const std::vector<std::string>& expected) {
  std::size_t labelled = 0, j = 0;
  for (const std::string& label : labels) {
    while (j < expected.size() && expected[j] != label) ++j;
    if (j < expected.size()) ++labelled, ++j;
  }
  return labelled;
}

struct Tally {
  std::size_t documents = 0, exact = 0, paragraphs = 0, labelled = 0;
  void add(bool is_exact, std::size_t found, std::size_t numbered) {
    ++documents;
    exact += is_exact ? 1 : 0;
    labelled += found;
    paragraphs += numbered;
  }
  std::string summary() const {
    return std::to_string(exact) + " of " + std::to_string(documents) +
           " decisions labelled exactly, " + std::to_string(labelled) + " of " +
           std::to_string(paragraphs) + " numbered paragraphs labelled";
  }
};

TEST(SegmentViews, TheDecisionsOfTheUnhrdbDataSetGetTheirPrintedNumbers) {
  const std::filesystem::path dir = jurisprudence_dir();
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && !name.starts_with("_"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 1000u);

  for (const bool trailing_dot : {false, true}) {
    Tally all, complete;
    std::size_t shown = 0;
    for (const auto& file : files) {
      std::ifstream in(file);
      const nlohmann::json paragraphs_json = nlohmann::json::parse(in, nullptr, false);
      if (!paragraphs_json.is_array()) continue;
      const Rebuilt rebuilt = rebuild(paragraphs_json, trailing_dot);
      if (rebuilt.expected.empty()) continue;
      const auto labels = labels_of_kind(segment(rebuilt.text), PassageKind::kParagraph);
      const bool exact = labels == rebuilt.expected;
      const std::size_t labelled = count_labelled(labels, rebuilt.expected);
      all.add(exact, labelled, rebuilt.expected.size());
      // Fewer than three numbered paragraphs are not a main sequence (kMinNumberedParagraphs),
      // and the data set skips or repeats numbers in some decisions (a paragraph merged into
      // the one before, "4.1" then "4.10", opinions numbered in the Views' own sequence).
      if (rebuilt.expected.size() < kMinNumberedParagraphs || !is_complete(rebuilt.expected))
        continue;
      complete.add(exact, labelled, rebuilt.expected.size());
      if (!exact && shown++ < 20) {
        std::size_t k = 0;
        while (k < labels.size() && k < rebuilt.expected.size() && labels[k] == rebuilt.expected[k])
          ++k;
        std::cout << "  " << file.filename().string() << ": first difference at #" << k << ": got '"
                  << (k < labels.size() ? labels[k] : "") << "', printed '"
                  << (k < rebuilt.expected.size() ? rebuilt.expected[k] : "") << "'\n";
      }
    }
    std::cout << (trailing_dot ? "with trailing dots" : "as printed today") << ": all "
              << all.summary() << "; with a complete sequence " << complete.summary() << "\n";
    EXPECT_GE(complete.documents, 800u);
    EXPECT_GE(complete.exact * 100, complete.documents * 99);
    EXPECT_GE(all.labelled * 100, all.paragraphs * 90);
  }
}

}  // namespace
}  // namespace treatysearch::ingest

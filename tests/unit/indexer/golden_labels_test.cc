// Golden labels over the bundled corpus: the pinpoints a lawyer would cite must come out exactly
// as the documents print them.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

using Path = std::vector<std::string>;

std::string read_corpus_file(const std::string& name) {
  const std::string path = std::string(TREATYSEARCH_CORPUS_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

const SegmentedText& ngo_commentary() {
  static const SegmentedText segmented =
      segment(read_corpus_file("ngo-commentaries-kazakhstan-cerd-8-11-2022.txt"));
  return segmented;
}

const SegmentedText& follow_up_letter() {
  static const SegmentedText segmented =
      segment(read_corpus_file("cerd-follow-up-letter-kazakhstan-2023.txt"));
  return segmented;
}

const Passage* find(const SegmentedText& segmented, std::string_view label) {
  for (const Passage& passage : segmented.passages) {
    if (passage.label == label) return &passage;
  }
  return nullptr;
}

std::size_t count_label(const SegmentedText& segmented, std::string_view label) {
  std::size_t count = 0;
  for (const Passage& passage : segmented.passages) count += passage.label == label ? 1 : 0;
  return count;
}

std::vector<std::string> labels_of_kind(const SegmentedText& segmented, PassageKind kind) {
  std::vector<std::string> labels;
  for (const Passage& passage : segmented.passages) {
    if (passage.kind == kind) labels.push_back(passage.label);
  }
  return labels;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

struct GoldenPassage {
  std::string label;
  PassageKind kind;
  std::string parent;
  std::string text_prefix;
  Path section_path;
};

void expect_golden(const SegmentedText& segmented, const GoldenPassage& golden) {
  SCOPED_TRACE("label " + golden.label);
  ASSERT_EQ(count_label(segmented, golden.label), 1U);
  const Passage& passage = *find(segmented, golden.label);
  EXPECT_EQ(passage_kind_name(passage.kind), passage_kind_name(golden.kind));
  EXPECT_EQ(passage.parent, golden.parent);
  EXPECT_TRUE(starts_with(passage.text, golden.text_prefix))
      << "text starts: " << passage.text.substr(0, 80);
  EXPECT_EQ(passage.section_path, golden.section_path);
}

// ---------------------------------------------------------------------------------------------
// NGO commentaries on Kazakhstan's 8th to 11th reports to CERD (2022)

const std::string kPart1 = "1. GENERAL INFORMATION";
const std::string kPart2 =
    "2. KAZAKHSTAN\u2019S COMPLIANCE WITH THE OBLIGATIONS ASSUMED UNDER THE INTERNATIONAL "
    "CONVENTION ON THE ELIMINATION OF ALL FORMS OF RACIAL DISCRIMINATION (ICERD), "
    "RECOMMENDATIONS BY THE UNITED NATIONS COMMITTEE ON THE ELIMINATION OF RACIAL DISCRIMINATION "
    "(CERD) UPON THE RESULTS OF A REVIEW OF PERIODIC REPORTS SUBMITTED BY THE REPUBLIC OF "
    "KAZAKHSTAN ON THE IMPLEMENTATION OF ICERD AND COMMENTARY TO THE COMBINED 8-11 PERIODIC "
    "REPORTS BY THE REPUBLIC OF KAZAKHSTAN";
const std::string kGeneralInformation =
    "General information on the submission of reports on the implementation of the International "
    "Convention on the Elimination of All Forms of Racial Discrimination by the Republic of "
    "Kazakhstan";
const std::string kObligations =
    "The Republic of Kazakhstan and international obligations in the field of human rights";
const std::string kAntiDiscriminationLaw =
    "Recommendations on adoption of the special anti-discrimination legislation and introduction "
    "of amendments and additions in the existing legislation";
const std::string kDissemination =
    "Recommendations on widespread public dissemination of the reports of the State-party, "
    "concluding observations of the Committee on the Elimination of Racial Discrimination and "
    "other information";

TEST(NgoCommentaryGoldenTest, MainParagraphsOneTo262AppearOnceInOrder) {
  const std::vector<std::string> paragraphs =
      labels_of_kind(ngo_commentary(), PassageKind::kParagraph);
  std::vector<std::string> expected;
  for (int n = 1; n <= 262; ++n) expected.push_back(std::to_string(n));
  EXPECT_EQ(paragraphs, expected);
  EXPECT_TRUE(ngo_commentary().numbered);
}

TEST(NgoCommentaryGoldenTest, SelectedPassages) {
  using K = PassageKind;
  const std::vector<GoldenPassage> goldens = {
      {"1",
       K::kParagraph,
       "",
       "Pursuant to Article 9 of the ICERD, the State",
       {kPart1, kGeneralInformation}},
      {"6",
       K::kParagraph,
       "",
       "In 2013, 2015 and 2017, the Republic of Kazak",
       {kPart1, kGeneralInformation}},
      {"6, recommendation",
       K::kRecommendation,
       "6",
       "To ensure that regular periodic reports",
       {kPart1, kGeneralInformation}},
      {"13",
       K::kParagraph,
       "",
       "The Republic of Kazakhstan declared its indep",
       {kPart1, kObligations}},
      {"14",
       K::kParagraph,
       "",
       "Article 4 of the Constitution of the Republic",
       {kPart1, kObligations}},
      // Right after the quoted articles "«1. ... 2. ... 3. ... 4." of paragraph 14.
      {"15",
       K::kParagraph,
       "",
       "Thus, in its Constitution the Republic of Kaz",
       {kPart1, kObligations}},
      {"16",
       K::kParagraph,
       "",
       "According to Article 20 of the Law of the Rep",
       {kPart1, kObligations}},
      // Right after the quoted articles "«1. ... 3. ... 4. ... 5." of paragraph 16.
      {"17",
       K::kParagraph,
       "",
       "From the point of view of establishing in the",
       {kPart1, kObligations}},
      {"19, recommendation",
       K::kRecommendation,
       "19",
       "To implement in practice the principle",
       {kPart1, kObligations}},
      {"32, recommendation 1",
       K::kRecommendation,
       "32",
       "To enshrine in the legislation the obligations of a specific state body",
       {kPart1, kObligations}},
      {"32, recommendation 4",
       K::kRecommendation,
       "32",
       "To enshrine in the legislation the obligation of the state to translate",
       {kPart1, kObligations}},
      {"32, table entry 1",
       K::kTable,
       "32",
       "Recommendations of the CERD upon the results of the consideration of the initial to third "
       "periodic reports (2004)",
       {kPart2, kAntiDiscriminationLaw}},
      {"32, table entry 4",
       K::kTable,
       "32",
       "Specific domestic law regarding racial discrimination",
       {kPart2, kAntiDiscriminationLaw}},
      {"32, table entry 5",
       K::kTable,
       "32",
       "Adopt legislation, in the light of the Committee\u2019s general recommendation XV",
       {kPart2, kAntiDiscriminationLaw}},
      {"32, table entry 10",
       K::kTable,
       "32",
       "Consider amending the Labor Code",
       {kPart2, kAntiDiscriminationLaw}},
      // Right after the recommendations and the table that follow paragraph 32.
      {"33",
       K::kParagraph,
       "",
       "In terms of promotion and protection of the r",
       {kPart2, kAntiDiscriminationLaw}},
      {"35",
       K::kParagraph,
       "",
       "Despite the fact that these are repeated cycl",
       {kPart2, kAntiDiscriminationLaw}},
      {"35 (a)",
       K::kSubParagraph,
       "35",
       "plans to enact national anti-discrimination",
       {kPart2, kAntiDiscriminationLaw}},
      {"35 (b)",
       K::kSubParagraph,
       "35",
       "the definition of discrimination in national law",
       {kPart2, kAntiDiscriminationLaw}},
      {"36",
       K::kParagraph,
       "",
       "Article 14 of the Constitution of the Republic",
       {kPart2, kAntiDiscriminationLaw}},
      {"56, recommendation 3",
       K::kRecommendation,
       "56",
       "Consider the issue of special direction",
       {kPart2, kAntiDiscriminationLaw}},
      {"56, table entry 4",
       K::kTable,
       "56",
       "Include information in its next periodic report on "
       "emigration",
       {kPart2, "Recommendations on emigration issues"}},
      {"57",
       K::kParagraph,
       "",
       "According to E. Sadovskaya, an international",
       {kPart2, "Recommendations on emigration issues"}},
      {"63",
       K::kParagraph,
       "",
       "Below is a comparative table showing ethnic c",
       {kPart2,
        "Recommendations on participation of ethnic minorities in political life and "
        "representation of ethnic minority groups in State bodies and public services, as well "
        "as publication of statistical data on situation of ethnic minorities"}},
      {"63, table entry 3",
       K::kTable,
       "63",
       "Russians 29.9 % 23.7 % 23.7 % 20.2 % 19.76 %",
       {kPart2,
        "Recommendations on participation of ethnic minorities in political life and "
        "representation of ethnic minority groups in State bodies and public services, as well "
        "as publication of statistical data on situation of ethnic minorities"}},
      {"85, recommendation 3",
       K::kRecommendation,
       "85",
       "Exclude the term \u201Cleader of a public association\u201D",
       {kPart2,
        "Recommendations in respect of observance of human rights while struggling "
        "against crime"}},
      {"93, table entry 5",
       K::kTable,
       "93",
       "Take the necessary measures for the effective implementation of the constitutional",
       {kPart2,
        "Recommendations relating to education and development of ethnic minorities "
        "languages"}},
      {"100",
       K::kParagraph,
       "",
       "The Annex to the Report contains statistics o",
       {kPart2, "School education"}},
      // Right after the bullet list of paragraph 116.
      {"117",
       K::kParagraph,
       "",
       "Using the typology of \"hard\", \"medium\"",
       {kPart2, "Recommendations related to combating hate speech and hate crimes"}},
      {"160",
       K::kParagraph,
       "",
       "As for stateless persons, in Kazakhstan there",
       {kPart2, "Recommendations in regard to asylum-seekers, refugees and stateless persons"}},
      {"174, recommendation 10",
       K::kRecommendation,
       "174",
       "To ensure that the right of refugees and stateless persons",
       {kPart2, "Recommendations in regard to asylum-seekers, refugees and stateless persons"}},
      {"180",
       K::kParagraph,
       "",
       "On 5 February 2015, after the murder of a res",
       {kPart2,
        "Conflict between Kazakhs and Tajiks (February 2015, Bostandyk Village, Saryagash "
        "District, South Kazakhstan Oblast)"}},
      {"192",
       K::kParagraph,
       "",
       "On 5 February, a fight broke out between a gr",
       {kPart2, "Conflict"}},
      {"196",
       K::kParagraph,
       "",
       "On 8 February, the Akim of the Zhambyl Oblast",
       {kPart2, "Response of the authorities"}},
      {"230",
       K::kParagraph,
       "",
       "The YouTube channel \u201CTil Maydani\u201D was created",
       {kPart2,
        "Incident in the Pidzhim Village, Panfilov District, Almaty Oblast (October 2021)"}},
      {"248, recommendation",
       K::kRecommendation,
       "248",
       "Special training materials should be developed",
       {kPart2, "Recommendations in the area of training of public officials"}},
      {"253, recommendation",
       K::kRecommendation,
       "253",
       "The 1954 UN Convention relating to the Status of Stateless",
       {kPart2,
        "Recommendations related to ratification of international human rights treaties "
        "or its provisions"}},
      {"258, table entry 4",
       K::kTable,
       "258",
       "Submit the Core Document, in accordance with the harmonized guidelines",
       {kPart2, "Submitting the Basic Document"}},
      {"259",
       K::kParagraph,
       "",
       "A Basic document that serves as a component o",
       {kPart2, "Submitting the Basic Document"}},
      {"260",
       K::kParagraph,
       "",
       "Despite the fact that those are recurring rec",
       {kPart2, kDissemination}},
      {"262",
       K::kParagraph,
       "",
       "The key legal internet resources, Adilet Info",
       {kPart2, kDissemination}},
      {"262, recommendation",
       K::kRecommendation,
       "262",
       "To ensure that the reports by a member state are widely",
       {kPart2, kDissemination}},
      {"footnote 1",
       K::kFootnote,
       "",
       "The Kazakhstan International Bureau for Human Rights and Rule of Law",
       {}},
      // A linked footnote takes the section path of the passage citing it.
      {"footnote 2",
       K::kFootnote,
       "35",
       "https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/Download.aspx",
       {kPart2, kAntiDiscriminationLaw}},
      {"footnote 77",
       K::kFootnote,
       "253",
       "See Law of the Republic of Kazakhstan dated 28 January 2016",
       {kPart2,
        "Recommendations related to ratification of international human rights treaties "
        "or its provisions"}},
  };
  for (const GoldenPassage& golden : goldens) expect_golden(ngo_commentary(), golden);
}

TEST(NgoCommentaryGoldenTest, QuotedArticlesAndNestedListsStayInTheirParagraph) {
  const Passage* fourteen = find(ngo_commentary(), "14");
  ASSERT_NE(fourteen, nullptr);
  EXPECT_NE(fourteen->text.find(" 2. The Constitution has supreme legal force"), std::string::npos);
  EXPECT_TRUE(ends_with(fourteen->text, "the necessary condition for their application\u00BB."));

  const Passage* thirty_five = find(ngo_commentary(), "35");
  ASSERT_NE(thirty_five, nullptr);
  // The lead-in only: the sub-items are their own passages, so a hit is precise.
  EXPECT_TRUE(
      ends_with(thirty_five->text,
                "CRPD invited the Republic of Kazakhstan \u00ABto provide information on:"));

  const Passage* hundred_sixty = find(ngo_commentary(), "160");
  ASSERT_NE(hundred_sixty, nullptr);
  EXPECT_NE(hundred_sixty->text.find("(1) de jure stateless persons include"), std::string::npos);
  EXPECT_NE(hundred_sixty->text.find("(2) de facto stateless persons include"), std::string::npos);

  const Passage* table_entry = find(ngo_commentary(), "93, table entry 5");
  ASSERT_NE(table_entry, nullptr);
  EXPECT_NE(table_entry->text.find("ensuring: (a) The adequate quality of the minority language"),
            std::string::npos);
  EXPECT_TRUE(ends_with(table_entry->text, "(Arts. 5 (e) and 7). (Para. 9)"));
}

TEST(NgoCommentaryGoldenTest, LinesBrokenAtRemovedFootnoteMarksAreJoined) {
  const Passage* fifty_seven = find(ngo_commentary(), "57");
  ASSERT_NE(fifty_seven, nullptr);
  EXPECT_TRUE(ends_with(fifty_seven->text, "increased to 32,200 thousand again."));
  const Passage* sixty_four = find(ngo_commentary(), "64");
  ASSERT_NE(sixty_four, nullptr);
  EXPECT_NE(sixty_four->text.find("preliminary results of the census, the share of Kazakhs"),
            std::string::npos);
  const Passage* one_eighty = find(ngo_commentary(), "180");
  ASSERT_NE(one_eighty, nullptr);
  EXPECT_TRUE(ends_with(one_eighty->text, "began to leave the village after the pogroms."));
}

TEST(NgoCommentaryGoldenTest, OnlyParagraph35HasSubParagraphs) {
  EXPECT_EQ(labels_of_kind(ngo_commentary(), PassageKind::kSubParagraph),
            (std::vector<std::string>{"35 (a)", "35 (b)"}));
  EXPECT_TRUE(labels_of_kind(ngo_commentary(), PassageKind::kUnnumbered).empty());
}

TEST(NgoCommentaryGoldenTest, PopulationTableRows) {
  const std::vector<std::string> rows = {
      "1999 2009 2014",
      "2017 2018",
      "Russians 29.9 % 23.7 % 23.7 % 20.2 % 19.76 %",
      "Uzbeks 2.5 % 2.9 % 2.1 % 3.1 % 3.18 %",
      "Ukrainians 3.6 % 2.1 % 2.9 % 1.5 % 1.53 %",
      "Uighurs 1.4 % 1.4 % 1.3 % 1.5 % 1.46 %",
      "Tatars 1.7 % 1.3 % 1.4 % 1.1 % 1.11 %",
      "Germans 2.4 % 1.1 % 1.1 % 1.0 % 0.99 %",
      "Other ethnic groups 5.1 % 4.5 % 4.4 % 4.7 % 4.50 %",
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Passage* row = find(ngo_commentary(), "63, table entry " + std::to_string(i + 1));
    ASSERT_NE(row, nullptr) << i;
    EXPECT_EQ(row->text, rows[i]);
  }
  EXPECT_EQ(find(ngo_commentary(), "63, table entry 10"), nullptr);
}

TEST(NgoCommentaryGoldenTest, DerivedLabelsBelongToTheirParagraph) {
  for (const Passage& passage : ngo_commentary().passages) {
    SCOPED_TRACE(passage.label);
    EXPECT_FALSE(passage.text.empty());
    EXPECT_EQ(passage.text.find("\uFFFD"), std::string::npos);
    EXPECT_EQ(passage.text.find('\t'), std::string::npos);
    EXPECT_EQ(passage.text.find("  "), std::string::npos);
    EXPECT_EQ(passage.text.find("HYPERLINK"), std::string::npos);
    switch (passage.kind) {
      case PassageKind::kSubParagraph:
        EXPECT_TRUE(starts_with(passage.label, passage.parent + " ("));
        break;
      case PassageKind::kRecommendation:
        EXPECT_TRUE(starts_with(passage.label, passage.parent + ", recommendation"));
        break;
      case PassageKind::kTable:
        EXPECT_TRUE(starts_with(passage.label, passage.parent + ", table entry "));
        break;
      default:
        break;
    }
    if (passage.kind != PassageKind::kFootnote && passage.kind != PassageKind::kParagraph) {
      ASSERT_NE(find(ngo_commentary(), passage.parent), nullptr);
      EXPECT_EQ(find(ngo_commentary(), passage.parent)->kind, PassageKind::kParagraph);
    }
  }
}

TEST(NgoCommentaryGoldenTest, FootnotesAreCleaned) {
  const std::vector<std::string> footnotes =
      labels_of_kind(ngo_commentary(), PassageKind::kFootnote);
  ASSERT_EQ(footnotes.size(), 77U);
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    EXPECT_EQ(footnotes[i], "footnote " + std::to_string(i + 1));
  }
  const Passage* twenty_five = find(ngo_commentary(), "footnote 25");
  ASSERT_NE(twenty_five, nullptr);
  EXPECT_EQ(twenty_five->text,
            "https://vlast.kz/obsshestvo/37161-masancistilise-s-cego-nacalsa-konflikt-v-kordajskom-"
            "rajone.html");
  const Passage* forty_one = find(ngo_commentary(), "footnote 41");
  ASSERT_NE(forty_one, nullptr);
  EXPECT_EQ(forty_one->text, "https://rus.azattyq.org/a/31224661.html");
}

// Footnote links, read by hand: the footnote, and the text just before the place its mark stood
// in the paragraph (a line break inside the sentence), say the same thing.
struct GoldenLink {
  int footnote;
  std::string parent;
};

std::string footnote_label(int number) { return "footnote " + std::to_string(number); }

void expect_linked(const GoldenLink& link) {
  const std::string label = footnote_label(link.footnote);
  SCOPED_TRACE(label);
  const Passage* note = find(ngo_commentary(), label);
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->parent, link.parent);
  const Passage* citing = find(ngo_commentary(), link.parent);
  ASSERT_NE(citing, nullptr);
  EXPECT_NE(std::find(citing->footnotes.begin(), citing->footnotes.end(), label),
            citing->footnotes.end());
}

TEST(NgoCommentaryGoldenTest, HandVerifiedFootnoteLinks) {
  const std::vector<GoldenLink> links = {
      {2, "35"},    // CRPD list of issues (CRPD/C/KAZ/Q/1): "... sent a List of Issues ..."
      {11, "73"},   // kkassiyet.../report2021_un_desicions: "report of the Kadir-Kasiet ... UN
                    // treaty bodies"
      {14, "116"},  // medianet.kz: "International Centre for Journalism Medianet"
      {18, "175"},  // assembly.kz/ethnos/kk/tsygane: Roma, "website of the Assembly of the People"
      {21, "180"},  // lenta.ru/news/2015/02/06/murder: the murder of 5 February 2015
      {26, "193"},  // v-kordayskom-rayone-napali-na: "the attack on the police officers"
      {29, "196"},  // v-kordayskom-rayone-obyavili-rezhim-chs: "state of emergency in the Kordai
                    // District"
      {30, "196"},  // rezhim-chs-ne-vvodilsya-abaev: Abaev "said that no emergency regime ..."
      {33, "199"},  // policiya-rassleduet-bolee-120-ugolovnyh-del: "more than 120 criminal cases"
      {38, "202"},  // bekbolat-kibaev-stal-dvenadczatym-pogibshim: "a defendant died ..."
      {42, "204"},  // twitter.com/TokayevKZ: "Tokayev tweeted on 7 February"
      {45, "204"},  // zasedanie-soveta-bezopasnosti: "the Head of the Security Council"
      {46, "205"},  // saparbaev-o-besporyadkah ... nam-dolzhno-byt-stydno: "We should be ashamed"
      {49, "206"},  // kontrabanda-banditskie-razborki: smuggling, "two criminal groups"
      {52, "207"},  // mizernye-kompensacii: "money allocated as compensation"
      {56, "216"},  // selo-shonzhy-i-uygurskiy-rayon-predlozhili-pereimenovat: renaming
      {61, "220"},  // 80-chelovek-zaderzhali-vozle-posyolka-shornak: "about 80 people ..."
      {64, "222"},  // dtp-rebenok-besporyadki: "the road accident almost provoked riots"
      {67, "225"},  // saparbaev-priekhal-v-kaskabulak: the meeting in Kaskabulak
      {69, "226"},  // ryade-pokusheniy-na-zarezannogo: "several ... assassination attempts"
      {72, "235"},  // rt.com ... travlya-kazahstan-nacionalisty: "told RT about the persecution"
      {74, "250"},  // UN document G10/124/94 (2010): "Universal Periodic Review (June 2010)"
      {76, "250"},  // the third UPR cycle (February 2020)
      {77, "253"},  // Law of 28 January 2016: "on 28 January 2016 ... ratified the 1960
                    // Convention against Discrimination in Education"
  };
  for (const GoldenLink& link : links) expect_linked(link);
}

// Every link the text extractor infers must agree with the full hand alignment: the 70 line-break
// sites are all real marks and hold, in order, the footnotes other than 1 (the authors' credit on
// the title), 6, 7, 15, 16, 24 (end of paragraph 183) and 54 (end of paragraph 208), whose marks
// left no line break. (Footnote 3, the Labour Code of 23 November 2015, stands after "the new
// Labour Code of the Republic of Kazakhstan" in paragraph 56; paragraph 37 names the Labour Code
// in a list but has no site.) Which of them are linked may change; a link to another paragraph
// is a wrong pinpoint.
TEST(NgoCommentaryGoldenTest, EveryFootnoteLinkAgreesWithTheHandAlignment) {
  const std::map<int, std::string> alignment = {
      {2, "35"},   {3, "56"},   {4, "57"},   {5, "63"},   {8, "64"},   {9, "68"},   {10, "70"},
      {11, "73"},  {12, "85"},  {13, "95"},  {14, "116"}, {17, "158"}, {18, "175"}, {19, "180"},
      {20, "180"}, {21, "180"}, {22, "181"}, {23, "183"}, {24, "183"}, {25, "192"}, {26, "193"},
      {27, "194"}, {28, "195"}, {29, "196"}, {30, "196"}, {31, "197"}, {32, "198"}, {33, "199"},
      {34, "200"}, {35, "200"}, {36, "201"}, {37, "202"}, {38, "202"}, {39, "203"}, {40, "203"},
      {41, "203"}, {42, "204"}, {43, "204"}, {44, "204"}, {45, "204"}, {46, "205"}, {47, "205"},
      {48, "206"}, {49, "206"}, {50, "207"}, {51, "207"}, {52, "207"}, {53, "207"}, {54, "208"},
      {55, "215"}, {56, "216"}, {57, "216"}, {58, "217"}, {59, "217"}, {60, "219"}, {61, "220"},
      {62, "220"}, {63, "221"}, {64, "222"}, {65, "224"}, {66, "224"}, {67, "225"}, {68, "225"},
      {69, "226"}, {70, "226"}, {71, "227"}, {72, "235"}, {73, "239"}, {74, "250"}, {75, "250"},
      {76, "250"}, {77, "253"},
  };
  // 70 mid-sentence line breaks survive for 77 footnotes.
  EXPECT_EQ(ngo_commentary().footnote_sites, 70U);

  std::size_t linked = 0;
  std::map<std::string, std::vector<std::string>> cited;  // parent -> footnotes citing it
  for (int number = 1; number <= 77; ++number) {
    const std::string label = footnote_label(number);
    SCOPED_TRACE(label);
    const Passage* note = find(ngo_commentary(), label);
    ASSERT_NE(note, nullptr);
    if (note->parent.empty()) continue;
    ++linked;
    const auto expected = alignment.find(number);
    ASSERT_NE(expected, alignment.end()) << "linked to " << note->parent;
    EXPECT_EQ(note->parent, expected->second);
    cited[note->parent].push_back(label);
  }
  // The title holds footnote 1: no passage does.
  EXPECT_EQ(find(ngo_commentary(), "footnote 1")->parent, "");
  EXPECT_EQ(ngo_commentary().footnotes_linked, linked);
  EXPECT_GE(linked, 55U);

  // The citing side lists exactly the footnotes that name it as parent, in order.
  for (const Passage& passage : ngo_commentary().passages) {
    const auto it = cited.find(passage.label);
    const std::vector<std::string> expected =
        it == cited.end() ? std::vector<std::string>() : it->second;
    EXPECT_EQ(passage.footnotes, expected) << passage.label;
  }
}

// ---------------------------------------------------------------------------------------------
// CERD follow-up letter to Kazakhstan (2023): every passage

TEST(FollowUpLetterGoldenTest, EveryPassage) {
  using K = PassageKind;
  const std::string para18 = "Paragraph 18 (b) of the Concluding Observations";
  const std::string para32 = "Paragraph 32 of the Concluding Observations";
  const std::vector<GoldenPassage> goldens = {
      {"[1]", K::kUnnumbered, "", "I wish to inform you that the Committee on", {}},
      {"[2]", K::kUnnumbered, "", "The Committee welcomes the submission of the", {}},
      {"[3]", K::kUnnumbered, "", "The Committee appreciates the opportunity pro", {}},
      {"[4]", K::kUnnumbered, "", "The Committee welcomes the information provided by", {para18}},
      {"[5]", K::kUnnumbered, "", "The Committee requests further information on", {para18}},
      {"[6]", K::kUnnumbered, "", "The Committee notes the steps taken by the St", {para18}},
      {"[7]", K::kUnnumbered, "", "The Committee, however, regrets that the Stat", {para18}},
      {"[8]", K::kUnnumbered, "", "The Committee considers the response to this", {para18}},
      {"[9]", K::kUnnumbered, "", "The Committee welcomes the information provided on", {para32}},
      {"[10]", K::kUnnumbered, "", "Nevertheless, the Committee regrets the lack", {para32}},
      {"[11]", K::kUnnumbered, "", "Reiterating its recommendation, the Committee", {para32}},
      {"[12]", K::kUnnumbered, "", "The Committee considers the State party's resp", {para32}},
      {"[13]", K::kUnnumbered, "", "Rest assured, Excellency, that the Committee", {para32}},
      {"[14]", K::kUnnumbered, "", "Please accept, Excellency, the assurances", {para32}},
      {"[15]", K::kUnnumbered, "", "Yours sincerely, Verene Shepherd Chair Committee", {para32}},
  };
  const SegmentedText& letter = follow_up_letter();
  ASSERT_EQ(letter.passages.size(), goldens.size());
  for (std::size_t i = 0; i < goldens.size(); ++i) {
    EXPECT_EQ(letter.passages[i].label, goldens[i].label);
    expect_golden(letter, goldens[i]);
  }
  EXPECT_FALSE(letter.numbered);
  EXPECT_EQ(letter.passages[14].text,
            "Yours sincerely, Verene Shepherd Chair Committee on the Elimination of Racial "
            "Discrimination");
  EXPECT_TRUE(ends_with(letter.passages[4].text, "and distributing false messages."));
}

TEST(FollowUpLetterGoldenTest, LetterheadAndAddressBlockAreNotPassages) {
  const SegmentedText& letter = follow_up_letter();
  EXPECT_EQ(
      letter.front_matter,
      (std::vector<std::string>{
          "HAUT-COMMISSARIAT AUX DROITS DE L'HOMME \u2022 OFFICE OF THE HIGH COMMISSIONER "
          "FOR HUMAN RIGHTS",
          "PALAIS DES NATIONS \u2022 1211 GENEVA 10, SWITZERLAND",
          "www.ohchr.org \u2022 TEL: +41 22 917 9000 \u2022 FAX: +41 22 917 9008 \u2022 "
          "E-MAIL: ohchr-registry@un.org",
          "REFERENCE: CERD/110th session/2023/FU/AKB/ks", "12 September 2023", "Excellency,"}));
  EXPECT_EQ(
      letter.address_block,
      (std::vector<std::string>{
          "H.E. Mr. Yerlan Alimbayev", "Permanent Representative of the Republic of Kazakhstan",
          "to the United Nations Office,", "Geneva", "mission@kazakhstan-geneva.ch"}));
  for (const Passage& passage : letter.passages) {
    EXPECT_EQ(passage.text.find("Alimbayev"), std::string::npos) << passage.label;
    EXPECT_EQ(passage.text.find("REFERENCE"), std::string::npos) << passage.label;
  }
}

}  // namespace
}  // namespace treatysearch::ingest

// The result side over the bundled corpus (quick corpus: every document but the scanned
// letter), through the public API: sorting and its determinism, grouping and facets checked
// against counts the test makes itself from every hit, did you mean, similar passages and a
// passage shown in its document.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

const std::string kNgo =
    "Commentaries of Kazakhstan human rights organisations on the eighth to eleventh periodic "
    "reports of Kazakhstan (CERD/C/KAZ/8-11) on the implementation of the ICERD (2022), ";
// The NGO commentary's paragraph on how discrimination should be defined (direct, indirect and
// other forms, in one general definition).
const std::string kDefinitionParagraph = kNgo + "para. 42";

class Results : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    // Several shards whatever the machine's cores: facets and groups add up across shards.
    IndexerOptions options;
    options.shards = 3;
    Indexer indexer = Indexer::open(*dir_ / "index", options);
    const IngestReport report = indexer.add_paths({TREATYSEARCH_QUICK_CORPUS_DIR});
    ASSERT_GE(report.added, 10u);
    searcher_ = new Searcher(Searcher::open(*dir_ / "index"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }

  // Every hit of `query`, page by page (the largest page allowed).
  static std::vector<Hit> all_hits(const std::string& query, SearchOptions options = {}) {
    std::vector<Hit> hits;
    options.limit = QueryLimits::kMaxPageSize;
    for (options.offset = 0;; options.offset += options.limit) {
      SearchResult page = searcher_->search(query, options);
      if (page.hits.empty()) break;
      for (auto& hit : page.hits) hits.push_back(std::move(hit));
    }
    return hits;
  }

  static testing::TempDir* dir_;
  static Searcher* searcher_;
};

testing::TempDir* Results::dir_ = nullptr;
Searcher* Results::searcher_ = nullptr;

std::string file_of(const Hit& hit) { return hit.id.substr(0, hit.id.find(':')); }

std::uint32_t ordinal_of(const std::string& id) {
  return static_cast<std::uint32_t>(std::stoul(id.substr(id.find(':') + 1)));
}

// "2022-04-12" -> "20220412", "2022" -> "20220000"; "" stays "" (undated).
std::string date_key(const std::string& iso) {
  if (iso.size() < 4) return "";
  std::string key = iso.substr(0, 4);
  key += iso.size() >= 7 ? iso.substr(5, 2) : "00";
  key += iso.size() >= 10 ? iso.substr(8, 2) : "00";
  return key;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> ids(const std::vector<Hit>& hits) {
  std::vector<std::string> out;
  for (const Hit& hit : hits) out.push_back(hit.id);
  return out;
}

// --- sorting -----------------------------------------------------------------------------------

void expect_date_order(const std::vector<Hit>& hits, bool descending) {
  bool undated_seen = false;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const std::string key = date_key(hits[i].document.date);
    if (key.empty()) {
      undated_seen = true;
      continue;
    }
    ASSERT_FALSE(undated_seen) << "a dated passage after an undated one: " << hits[i].citation;
    if (i == 0 || date_key(hits[i - 1].document.date).empty()) continue;
    const std::string previous = date_key(hits[i - 1].document.date);
    if (descending)
      EXPECT_GE(previous, key) << hits[i].citation;
    else
      EXPECT_LE(previous, key) << hits[i].citation;
    if (previous == key) {
      EXPECT_GE(hits[i - 1].score, hits[i].score) << hits[i].citation;
    }
  }
}

TEST_F(Results, SortByDateOldestAndNewestFirstWithUndatedLast) {
  SearchOptions options;
  options.sort = SortOrder::kDateAscending;
  const std::vector<Hit> oldest = all_hits("discrimination", options);
  ASSERT_GT(oldest.size(), 50u);
  expect_date_order(oldest, false);
  options.sort = SortOrder::kDateDescending;
  const std::vector<Hit> newest = all_hits("discrimination", options);
  ASSERT_EQ(newest.size(), oldest.size());
  expect_date_order(newest, true);
  // Several years are present, so the two orders really differ.
  EXPECT_NE(date_key(oldest.front().document.date), date_key(newest.front().document.date));
}

TEST_F(Results, TheSameQueryGivesTheSameOrderEveryTime) {
  for (SortOrder sort :
       {SortOrder::kRelevance, SortOrder::kDateAscending, SortOrder::kDateDescending}) {
    SearchOptions options;
    options.sort = sort;
    const std::vector<std::string> first = ids(all_hits("discrimination women", options));
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(ids(all_hits("discrimination women", options)), first);
    const Searcher other = Searcher::open(*dir_ / "index");
    options.limit = 100;
    EXPECT_EQ(ids(other.search("discrimination women", options).hits),
              std::vector<std::string>(first.begin(),
                                       first.begin() + std::min<std::size_t>(100, first.size())));
  }
}

// --- grouping ----------------------------------------------------------------------------------

TEST_F(Results, GroupsCountEveryMatchingPassageOfTheirDocument) {
  for (const std::string query :
       {"discrimination", "\"racial discrimination\"", "disabilities AND women"}) {
    std::map<std::string, std::uint64_t> counted;  // file key -> hits, from every hit
    for (const Hit& hit : all_hits(query)) ++counted[file_of(hit)];
    ASSERT_FALSE(counted.empty()) << query;

    SearchOptions grouped;
    grouped.group = true;
    grouped.limit = 100;
    const SearchResult result = searcher_->search(query, grouped);
    EXPECT_TRUE(result.hits.empty());
    EXPECT_EQ(result.total, counted.size()) << query;
    ASSERT_EQ(result.groups.size(), counted.size()) << query;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < result.groups.size(); ++i) {
      const DocumentGroup& group = result.groups[i];
      EXPECT_EQ(group.rank, i + 1);
      EXPECT_TRUE(seen.insert(group.file_id).second) << "document twice: " << group.file_id;
      EXPECT_EQ(group.hit_count, counted[group.file_id]) << query << ": " << group.document.source;
      ASSERT_FALSE(group.passages.empty());
      EXPECT_LE(group.passages.size(), ResultLimits::kMaxPassagesPerGroup);
      EXPECT_EQ(group.passages.size(),
                std::min<std::size_t>(ResultLimits::kMaxPassagesPerGroup, group.hit_count));
      for (std::size_t p = 0; p < group.passages.size(); ++p) {
        EXPECT_EQ(file_of(group.passages[p]), group.file_id);
        if (p > 0) {
          EXPECT_GE(group.passages[p - 1].score, group.passages[p].score);
        }
      }
    }
    // Offset and limit count documents.
    grouped.offset = 1;
    grouped.limit = 2;
    const SearchResult page = searcher_->search(query, grouped);
    ASSERT_EQ(page.groups.size(), std::min<std::size_t>(2, result.groups.size() - 1)) << query;
    for (std::size_t i = 0; i < page.groups.size(); ++i) {
      EXPECT_EQ(page.groups[i].file_id, result.groups[i + 1].file_id);
      EXPECT_EQ(page.groups[i].rank, i + 2);
    }
  }
}

// --- facets ------------------------------------------------------------------------------------

using Tally = std::map<std::string, std::uint64_t>;

Tally as_tally(const std::vector<FacetCount>& counts) {
  Tally tally;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    EXPECT_TRUE(tally.emplace(counts[i].value, counts[i].count).second) << counts[i].value;
    if (i > 0) {
      // By count, then by value.
      EXPECT_TRUE(counts[i - 1].count > counts[i].count ||
                  (counts[i - 1].count == counts[i].count && counts[i - 1].value < counts[i].value))
          << counts[i - 1].value << " before " << counts[i].value;
    }
  }
  return tally;
}

TEST_F(Results, FacetsCountTheWholeResultSet) {
  for (const std::string query :
       {"discrimination", "\"persons with disabilities\"", "\"racial discrimination\" AND law"}) {
    Tally committee, state, type, year, language;
    const std::vector<Hit> hits = all_hits(query);
    ASSERT_FALSE(hits.empty()) << query;
    for (const Hit& hit : hits) {
      const DocumentInfo& d = hit.document;
      if (!d.committee.empty()) ++committee[d.committee];
      if (!d.state.empty()) ++state[d.state];
      if (!d.type.empty()) ++type[d.type];
      if (d.date.size() >= 4) ++year[d.date.substr(0, 4)];
      if (!hit.language.empty()) ++language[hit.language];
    }
    SearchOptions options;
    options.facets = true;
    options.limit = 3;  // the facets do not depend on the page
    const SearchResult result = searcher_->search(query, options);
    ASSERT_TRUE(result.facets.has_value());
    EXPECT_EQ(result.total, hits.size()) << query;
    EXPECT_EQ(as_tally(result.facets->committee), committee) << query;
    EXPECT_EQ(as_tally(result.facets->state), state) << query;
    EXPECT_EQ(as_tally(result.facets->type), type) << query;
    EXPECT_EQ(as_tally(result.facets->year), year) << query;
    EXPECT_EQ(as_tally(result.facets->language), language) << query;
    EXPECT_GT(result.facets->state.size(), 1u) << query;
  }
  EXPECT_FALSE(searcher_->search("discrimination").facets.has_value());
}

// The phrase's check rejects passages that have both words apart: facets and group counts
// (above) count only the passages it accepts.
TEST_F(Results, FacetsCountOnlyWhatAPhraseAccepts) {
  SearchOptions options;
  options.facets = true;
  const SearchResult phrase = searcher_->search("\"racial discrimination\"", options);
  const SearchResult words = searcher_->search("racial AND discrimination", options);
  ASSERT_TRUE(phrase.facets && words.facets);
  ASSERT_GT(words.total, phrase.total);
  std::uint64_t phrase_sum = 0;
  for (const FacetCount& count : phrase.facets->language) phrase_sum += count.count;
  EXPECT_EQ(phrase_sum, phrase.total);
}

// --- did you mean ------------------------------------------------------------------------------

TEST_F(Results, AMisspeltWordGetsTheCommonSpelling) {
  EXPECT_EQ(searcher_->search("discrimnation").suggestion, "discrimination");
  EXPECT_EQ(searcher_->search("racial discrimnation AND police").suggestion,
            "racial discrimination AND police");
  EXPECT_EQ(searcher_->search("discrimination").suggestion, "");
  SearchOptions quiet;
  quiet.suggest = false;
  EXPECT_EQ(searcher_->search("discrimnation", quiet).suggestion, "");
}

// --- similar passages --------------------------------------------------------------------------

// A paragraph on the definition of discrimination: it names discrimination and the definition
// itself or what a definition must cover (direct and indirect forms; article 1 of the
// Convention, which defines racial discrimination).
bool on_the_definition_of_discrimination(const Hit& hit) {
  const std::string text = lower(hit.text);
  const auto has = [&text](const char* word) { return text.find(word) != std::string::npos; };
  return has("discrimin") &&
         (has("defin") || has("direct") || has("article 1 ") || has("article 1("));
}

TEST_F(Results, SimilarToTheDefinitionParagraphFindsParagraphsOnTheDefinition) {
  const PassageInContext shown = searcher_->passage(kDefinitionParagraph);
  ASSERT_EQ(shown.passage.citation, kDefinitionParagraph);
  const std::string own = shown.passage.id;

  SearchOptions options;
  options.limit = 10;
  // Among the treaty bodies' paragraphs: the Universal Declaration's short articles on dignity
  // and rights share its words, not its subject.
  options.filters.committees = {"CERD", "CRPD"};
  const SearchResult like = searcher_->similar(kDefinitionParagraph, options);
  EXPECT_EQ(like.query, "like:" + own);
  ASSERT_EQ(like.hits.size(), options.limit);
  // Other States' documents come first; few of their passages are on the definition (9 of the
  // 130 English passages naming discrimination), yet they lead.
  std::size_t on_topic = 0;
  for (const Hit& hit : like.hits) {
    EXPECT_NE(hit.id, own);
    EXPECT_NE(hit.document.state, "Kazakhstan") << hit.citation;
    if (on_the_definition_of_discrimination(hit)) ++on_topic;
  }
  EXPECT_GE(on_topic, 4u);
  // By id, the same answer.
  EXPECT_EQ(ids(searcher_->similar(own, options).hits), ids(like.hits));

  // Within the commentary itself (filters apply), the paragraphs around it on the definition.
  options.filters.types = {doctype::kNgoCommentary};
  const SearchResult same_document = searcher_->similar(own, options);
  ASSERT_EQ(same_document.hits.size(), options.limit);
  std::size_t on_the_definition = 0;
  for (std::size_t i = 0; i < same_document.hits.size(); ++i) {
    const Hit& hit = same_document.hits[i];
    EXPECT_NE(hit.id, own);
    const std::string text = lower(hit.text);
    const bool definition =
        text.find("defin") != std::string::npos && text.find("discrimin") != std::string::npos;
    if (i < 5) {
      EXPECT_TRUE(definition) << hit.citation;
    }
    if (definition) ++on_the_definition;
  }
  EXPECT_GE(on_the_definition, 6u);
}

TEST_F(Results, SimilarRanksOtherStatesThenTheSameStateThenTheSameDocument) {
  const std::string own = searcher_->passage(kDefinitionParagraph).passage.id;
  SearchOptions options;
  options.filters.committees = {"CERD"};
  std::vector<Hit> hits;
  options.limit = QueryLimits::kMaxPageSize;
  for (options.offset = 0;; options.offset += options.limit) {
    SearchResult page = searcher_->similar(own, options);
    if (page.hits.empty()) break;
    for (std::size_t i = 0; i < page.hits.size(); ++i)
      EXPECT_EQ(page.hits[i].rank, options.offset + i + 1);
    for (auto& hit : page.hits) hits.push_back(std::move(hit));
  }
  ASSERT_GT(hits.size(), 20u);
  int tier = 0;
  std::set<int> tiers;
  for (const Hit& hit : hits) {
    EXPECT_NE(hit.id, own);
    EXPECT_EQ(hit.document.committee, "CERD");
    const int this_tier = file_of(hit) == own.substr(0, own.find(':')) ? 2
                          : hit.document.state == "Kazakhstan"         ? 1
                                                                       : 0;
    EXPECT_GE(this_tier, tier) << hit.citation;
    tier = std::max(tier, this_tier);
    tiers.insert(this_tier);
  }
  EXPECT_EQ(tiers.size(), 3u);
}

// --- a passage in its document -----------------------------------------------------------------

TEST_F(Results, ShowGivesThePassageWholeWithItsNeighbours) {
  const PassageInContext shown = searcher_->passage(kDefinitionParagraph, 2);
  EXPECT_EQ(shown.passage.paragraph, "42");
  EXPECT_NE(shown.passage.text.find("The fact of existence of various forms of discrimination"),
            std::string::npos);
  EXPECT_EQ(shown.passage.snippet.text, shown.passage.text);
  const std::uint32_t n = ordinal_of(shown.passage.id);
  ASSERT_EQ(shown.before.size(), 2u);
  ASSERT_EQ(shown.after.size(), 2u);
  EXPECT_EQ(ordinal_of(shown.before[0].id), n - 2);
  EXPECT_EQ(ordinal_of(shown.before[1].id), n - 1);
  EXPECT_EQ(ordinal_of(shown.after[0].id), n + 1);
  EXPECT_EQ(ordinal_of(shown.after[1].id), n + 2);
  EXPECT_EQ(shown.before[1].paragraph, "41");
  for (const Hit& hit : shown.after) EXPECT_EQ(file_of(hit), file_of(shown.passage));
  // The same by id; a first passage has nothing before it.
  EXPECT_EQ(searcher_->passage(shown.passage.id, 2).passage.text, shown.passage.text);
  const std::string first = file_of(shown.passage) + ":0";
  const PassageInContext start = searcher_->passage(first, 3);
  EXPECT_TRUE(start.before.empty());
  EXPECT_EQ(start.after.size(), 3u);
}

TEST_F(Results, ShowOfAPrintedDocumentGivesPagesAndSection) {
  SearchOptions options;
  options.filters.types = {"concluding-observations"};
  options.filters.committees = {"CRPD"};
  const SearchResult found = searcher_->search("reasonable accommodation", options);
  ASSERT_FALSE(found.hits.empty());
  const PassageInContext shown = searcher_->passage(found.hits[0].citation, 1);
  EXPECT_EQ(shown.passage.id, found.hits[0].id);
  EXPECT_GT(shown.passage.first_page, 0);
  EXPECT_GE(shown.passage.last_page, shown.passage.first_page);
  EXPECT_EQ(shown.passage.section, found.hits[0].section);
}

TEST_F(Results, ContextLimitAndUnknownPassages) {
  EXPECT_NO_THROW(searcher_->passage(kDefinitionParagraph, ResultLimits::kMaxContext));
  try {
    searcher_->passage(kDefinitionParagraph, ResultLimits::kMaxContext + 1);
    FAIL() << "context over the limit accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("context 21"), std::string::npos) << e.what();
  }
  for (const std::string& unknown :
       std::vector<std::string>{kNgo + "para. 4242", "0123456789abcdef:3", "CERD/C/XXX/1"}) {
    try {
      searcher_->passage(unknown);
      FAIL() << unknown << " found";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kNotFound) << e.what();
    }
    EXPECT_THROW(searcher_->similar(unknown), Error);
  }
}

}  // namespace
}  // namespace treatysearch

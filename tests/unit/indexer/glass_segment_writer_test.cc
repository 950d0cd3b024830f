// Build segments written straight in glass format (glass_segment_writer.h) must be what Xapian's
// own writer makes of the same documents: the same contents and statistics, a clean
// Database::check, and, once compacted (which copies posting list chunks as they are), the very
// same bytes, which shows the chunks are cut where Xapian cuts them.
#include "glass_segment_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "shard_documents.h"
#include "temp_dir.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using ingest::GlassSegmentWriter;
using testing::TempDir;

constexpr unsigned kBlock = 32768;
constexpr int kCompactFlags = Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL;

struct TestDocument {
  std::vector<std::pair<std::string, Xapian::termcount>> terms;
  std::vector<std::pair<Xapian::valueno, std::string>> values;
};

void write_with_segment_writer(const std::string& dir, Xapian::docid first,
                               const std::vector<TestDocument>& documents, unsigned block) {
  GlassSegmentWriter writer(dir, first, block);
  std::vector<GlassSegmentWriter::Term> terms;
  std::vector<GlassSegmentWriter::Value> values;
  for (const TestDocument& document : documents) {
    terms.assign(document.terms.begin(), document.terms.end());
    values.assign(document.values.begin(), document.values.end());
    writer.add_document(terms, values);
  }
  EXPECT_EQ(writer.documents(), documents.size());
  EXPECT_EQ(writer.next_docid(), first + documents.size());
  writer.finish();
}

void write_with_xapian(const std::string& dir, Xapian::docid first,
                       const std::vector<TestDocument>& documents, unsigned block,
                       const std::map<std::string, std::string>& metadata = {}) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE | Xapian::DB_NO_TERMLIST, block);
  Xapian::docid id = first;
  for (const TestDocument& document : documents) {
    Xapian::Document doc;
    for (const auto& [term, wdf] : document.terms) doc.add_term(term, wdf);
    for (const auto& [slot, value] : document.values) doc.add_value(slot, value);
    db.replace_document(id++, doc);
  }
  for (const auto& [key, value] : metadata) db.set_metadata(key, value);
  db.commit();
}

// Ranks 1..n drawn with probability proportional to 1/rank.
class Zipf {
 public:
  explicit Zipf(std::size_t n) {
    double sum = 0;
    for (std::size_t rank = 1; rank <= n; ++rank) cumulative_.push_back(sum += 1.0 / rank);
  }
  std::size_t operator()(std::mt19937& random) const {
    const double u = std::uniform_real_distribution<double>(0, cumulative_.back())(random);
    return std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
  }

 private:
  std::vector<double> cumulative_;
};

std::string random_bytes(std::mt19937& random, std::size_t size) {
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(random() & 0xff);
  return out;
}

// Documents as passages look to the index: words from a Zipfian vocabulary with small wdfs (now
// and then a huge one), boolean terms, a term in every document, a few values; some documents
// with values and no terms, a few with nothing, and now and then a value larger than a block.
std::vector<TestDocument> zipfian_documents(int count, unsigned seed) {
  std::mt19937 random(seed);
  const Zipf words(6000);
  std::vector<TestDocument> documents(count);
  for (int i = 0; i < count; ++i) {
    TestDocument& document = documents[i];
    const bool no_terms = i % 97 == 13;
    if (!no_terms && i % 251 != 7) {
      std::set<std::string> seen;
      const int length = 20 + static_cast<int>(random() % 140);
      for (int n = 0; n < length; ++n) {
        std::string word = "w" + std::to_string(words(random));
        if (!seen.insert(word).second) continue;
        Xapian::termcount wdf = 1 + random() % 4;
        if (random() % 500 == 0) wdf = 100000 + random() % 5000000;
        document.terms.emplace_back(std::move(word), wdf);
      }
      document.terms.emplace_back("every", random() % 3 == 0 ? 70000 + random() % 9000 : 1);
      document.terms.emplace_back("Qp" + std::to_string(i), 0);
      document.terms.emplace_back("XK" + std::to_string(i % 23), 0);
      std::shuffle(document.terms.begin(), document.terms.end(), random);
    }
    if (i % 251 == 7) continue;  // nothing at all
    document.values.emplace_back(0, "doc" + std::to_string(i));
    document.values.emplace_back(3, random_bytes(random, 1 + random() % 12));
    if (i % 3 == 0) document.values.emplace_back(7, std::string(1, static_cast<char>(i % 256)));
    if (i % 41 == 0) {
      // Larger than a block (an item of several pieces), up to 64 KiB.
      const std::size_t size = i % 82 == 0 ? 65536 : 3000 + random() % 40000;
      document.values.emplace_back(9, random_bytes(random, size));
    }
    // Slots whose keys do not sort as their numbers do (128, 255, 256: pack_uint).
    if (i % 5 == 0) document.values.emplace_back(256, "s256-" + std::to_string(i));
    if (i % 7 == 0) document.values.emplace_back(128, "s128-" + std::to_string(i));
    if (i % 11 == 0) document.values.emplace_back(255, "s255");
    std::shuffle(document.values.begin(), document.values.end(), random);
  }
  return documents;
}

std::size_t check_errors(const std::string& dir) {
  std::ostringstream out;
  try {
    return Xapian::Database::check(dir, Xapian::DBCHECK_FULL_TREE, &out);
  } catch (const Xapian::Error& e) {
    ADD_FAILURE() << dir << ": " << e.get_description();
    return 1;
  }
}

// Levels of the postlist table above its leaves, from check's statistics.
int postlist_levels(const std::string& dir) {
  std::ostringstream out;
  Xapian::Database::check(dir, Xapian::DBCHECK_SHOW_STATS, &out);
  std::smatch match;
  const std::string report = out.str();
  if (!std::regex_search(report, match, std::regex("levels=([0-9]+)"))) return -1;
  return std::stoi(match[1]);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Compacts `sources` into `out` as build segments are merged, and returns the postlist table's
// bytes: the compactor adds every key and tag in order to a fresh table, so equal bytes mean
// equal keys and tags (chunks included).
std::string compact(const std::vector<std::string>& sources, const std::string& out,
                    unsigned block) {
  try {
    Xapian::Database all;
    for (const std::string& source : sources) all.add_database(Xapian::Database(source));
    all.compact(out, kCompactFlags, block);
  } catch (const Xapian::Error& e) {
    // GoogleTest prints only std::exception's messages.
    throw std::runtime_error("compacting into " + out + ": " + e.get_description());
  }
  return file_bytes(out + "/postlist.glass");
}

// Where two byte strings first differ (npos if they do not), for a short failure message.
std::size_t first_difference(const std::string& a, const std::string& b) {
  const auto [i, j] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (i == a.end() && j == b.end()) return std::string::npos;
  return static_cast<std::size_t>(i - a.begin());
}

void expect_same_skip_to(const Xapian::Database& mine, const Xapian::Database& theirs,
                         const std::string& term, unsigned seed) {
  std::mt19937 random(seed);
  auto a = mine.postlist_begin(term);
  auto b = theirs.postlist_begin(term);
  Xapian::docid target = a == mine.postlist_end(term) ? 0 : *a;
  int steps = 0;
  while (true) {
    ASSERT_EQ(a == mine.postlist_end(term), b == theirs.postlist_end(term)) << term;
    if (a == mine.postlist_end(term)) break;
    ASSERT_EQ(*a, *b) << term << " after skip_to(" << target << ")";
    ASSERT_EQ(a.get_wdf(), b.get_wdf()) << term << " at " << *a;
    ASSERT_EQ(a.get_doclength(), b.get_doclength()) << term << " at " << *a;
    target = *a + 1 + random() % (steps++ % 2 ? 3 : 400);
    a.skip_to(target);
    b.skip_to(target);
  }
}

void compare_databases(const std::string& mine_dir, const std::string& theirs_dir, bool segment);

// Everything Xapian tells of the two databases, compared. A build segment has no metadata.
void expect_same_database(const std::string& mine_dir, const std::string& theirs_dir,
                          bool segment = true) {
  try {
    compare_databases(mine_dir, theirs_dir, segment);
  } catch (const Xapian::Error& e) {
    ADD_FAILURE() << "reading " << mine_dir << ": " << e.get_description();
  }
}

void compare_databases(const std::string& mine_dir, const std::string& theirs_dir, bool segment) {
  const Xapian::Database mine(mine_dir);
  const Xapian::Database theirs(theirs_dir);
  EXPECT_EQ(testing::shard_contents(mine), testing::shard_contents(theirs));
  EXPECT_EQ(mine.get_doccount(), theirs.get_doccount());
  EXPECT_EQ(mine.get_lastdocid(), theirs.get_lastdocid());
  EXPECT_EQ(mine.get_avlength(), theirs.get_avlength());
  EXPECT_EQ(mine.get_total_length(), theirs.get_total_length());
  EXPECT_EQ(mine.get_doclength_lower_bound(), theirs.get_doclength_lower_bound());
  EXPECT_EQ(mine.get_doclength_upper_bound(), theirs.get_doclength_upper_bound());
  EXPECT_EQ(mine.has_positions(), theirs.has_positions());
  EXPECT_FALSE(mine.has_positions());
  if (segment) {
    EXPECT_TRUE(mine.metadata_keys_begin() == mine.metadata_keys_end());
  }

  // Every term, in the same order, with the same statistics.
  std::vector<std::string> mine_terms;
  std::vector<std::string> theirs_terms;
  for (auto t = mine.allterms_begin(); t != mine.allterms_end(); ++t) {
    mine_terms.push_back(*t);
    EXPECT_EQ(t.get_termfreq(), theirs.get_termfreq(*t)) << *t;
    EXPECT_EQ(mine.get_termfreq(*t), theirs.get_termfreq(*t)) << *t;
    EXPECT_EQ(mine.get_collection_freq(*t), theirs.get_collection_freq(*t)) << *t;
    EXPECT_EQ(mine.get_wdf_upper_bound(*t), theirs.get_wdf_upper_bound(*t)) << *t;
  }
  for (auto t = theirs.allterms_begin(); t != theirs.allterms_end(); ++t)
    theirs_terms.push_back(*t);
  EXPECT_EQ(mine_terms, theirs_terms);

  // Document lengths, by the length list, and through skip_to over it.
  for (auto id = theirs.postlist_begin(""); id != theirs.postlist_end(""); ++id)
    EXPECT_EQ(mine.get_doclength(*id), theirs.get_doclength(*id)) << *id;
  expect_same_skip_to(mine, theirs, "", 1);

  // Values of every slot used (shard_contents reads only 0 to 9), stream by stream.
  std::set<Xapian::valueno> slots;
  for (Xapian::valueno slot = 0; slot < 400; ++slot)
    if (theirs.get_value_freq(slot) > 0 || mine.get_value_freq(slot) > 0) slots.insert(slot);
  for (const Xapian::valueno slot : slots) {
    EXPECT_EQ(mine.get_value_freq(slot), theirs.get_value_freq(slot)) << slot;
    EXPECT_EQ(mine.get_value_lower_bound(slot), theirs.get_value_lower_bound(slot)) << slot;
    EXPECT_EQ(mine.get_value_upper_bound(slot), theirs.get_value_upper_bound(slot)) << slot;
    std::vector<std::pair<Xapian::docid, std::string>> a;
    std::vector<std::pair<Xapian::docid, std::string>> b;
    for (auto v = mine.valuestream_begin(slot); v != mine.valuestream_end(slot); ++v)
      a.emplace_back(v.get_docid(), *v);
    for (auto v = theirs.valuestream_begin(slot); v != theirs.valuestream_end(slot); ++v)
      b.emplace_back(v.get_docid(), *v);
    EXPECT_TRUE(a == b) << "values of slot " << slot << " differ";
  }
}

TEST(GlassSegmentWriter, MatchesXapianOnZipfianDocuments) {
  TempDir dir;
  const std::vector<TestDocument> documents = zipfian_documents(4000, 7);
  write_with_segment_writer(dir / "mine", 1, documents, kBlock);
  write_with_xapian(dir / "theirs", 1, documents, kBlock);

  expect_same_database(dir / "mine", dir / "theirs");
  EXPECT_EQ(check_errors(dir / "mine"), 0u);
  EXPECT_GE(postlist_levels(dir / "mine"), 1);

  // Long lists (several chunks) and rare ones, through skip_to.
  const Xapian::Database mine(dir / "mine");
  const Xapian::Database theirs(dir / "theirs");
  for (const char* term : {"every", "w1", "w2", "w3", "w10", "w100", "w5000", "XK3", "Qp17"})
    expect_same_skip_to(mine, theirs, term, 2);
  EXPECT_GT(mine.get_termfreq("every"), 3000u);

  // Compacted alone, both give the same bytes: the same chunks.
  const std::string a = compact({dir / "mine"}, dir / "mine.compact", kBlock);
  const std::string b = compact({dir / "theirs"}, dir / "theirs.compact", kBlock);
  EXPECT_GT(a.size(), 20u * kBlock);
  EXPECT_EQ(first_difference(a, b), std::string::npos) << a.size() << " vs " << b.size();
}

TEST(GlassSegmentWriter, SegmentsCompactIntoAXapianShard) {
  TempDir dir;
  // The shard: documents 1 to 300 and 249701 to 250000, with metadata; then two segments.
  std::vector<TestDocument> shard_low = zipfian_documents(300, 11);
  std::vector<TestDocument> shard_high = zipfian_documents(300, 12);
  const std::vector<TestDocument> segment1 = zipfian_documents(1500, 13);
  const std::vector<TestDocument> segment2 = zipfian_documents(700, 14);
  {
    Xapian::WritableDatabase shard(dir / "shard", Xapian::DB_CREATE | Xapian::DB_NO_TERMLIST,
                                   kBlock);
    Xapian::docid id = 1;
    for (const auto* part : {&shard_low, &shard_high}) {
      for (const TestDocument& document : *part) {
        Xapian::Document doc;
        for (const auto& [term, wdf] : document.terms) doc.add_term(term, wdf);
        for (const auto& [slot, value] : document.values) doc.add_value(slot, value);
        shard.replace_document(id++, doc);
      }
      id = 249701;
    }
    shard.set_metadata("manifest", "shard metadata");
    shard.set_metadata("\x01z", std::string(40000, 'm'));
    shard.commit();
  }
  write_with_segment_writer(dir / "mine1", 250001, segment1, kBlock);
  write_with_segment_writer(dir / "mine2", 251501, segment2, kBlock);
  write_with_xapian(dir / "theirs1", 250001, segment1, kBlock);
  write_with_xapian(dir / "theirs2", 251501, segment2, kBlock);
  expect_same_database(dir / "mine1", dir / "theirs1");
  expect_same_database(dir / "mine2", dir / "theirs2");
  EXPECT_EQ(check_errors(dir / "mine1"), 0u);
  EXPECT_EQ(check_errors(dir / "mine2"), 0u);
  EXPECT_EQ(Xapian::Database(dir / "mine1").get_lastdocid(), 251500u);

  const std::string a = compact({dir / "shard", dir / "mine1", dir / "mine2"}, dir / "a", kBlock);
  const std::string b =
      compact({dir / "shard", dir / "theirs1", dir / "theirs2"}, dir / "b", kBlock);
  EXPECT_EQ(first_difference(a, b), std::string::npos) << a.size() << " vs " << b.size();
  EXPECT_EQ(check_errors(dir / "a"), 0u);
  const Xapian::Database merged(dir / "a");
  EXPECT_EQ(merged.get_doccount(), 300u + 300u + 1500u + 700u);
  EXPECT_EQ(merged.get_lastdocid(), 252200u);
  EXPECT_EQ(merged.get_metadata("manifest"), "shard metadata");
  expect_same_database(dir / "a", dir / "b", /*segment=*/false);
  EXPECT_EQ(testing::shard_contents(merged), testing::shard_contents(Xapian::Database(dir / "b")));
}

TEST(GlassSegmentWriter, DeepTreeAndAwkwardTerms) {
  TempDir dir;
  const std::string prefix(180, 'p');
  std::vector<TestDocument> documents(1200);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    auto& terms = documents[i].terms;
    // Many distinct terms sharing long prefixes: 2 KiB blocks hold few, so the tree grows tall.
    for (int k = 0; k < 25; ++k)
      terms.emplace_back(prefix + std::to_string(i * 25 + k) + "/" + std::to_string(k % 3), 1);
    terms.emplace_back(
        std::string(GlassSegmentWriter::kMaxTermBytes - 1, 'L') + static_cast<char>('a' + i % 3),
        2);
    terms.emplace_back(std::string("a\0b", 3), 1 + i % 2);
    terms.emplace_back(std::string("\0start", 6), 3);
    terms.emplace_back(std::string("end\0", 4), 1);
    terms.emplace_back(std::string("\0\0", 2), 0);
    terms.emplace_back(std::string("a\0", 2) + static_cast<char>(i % 5), 1);
    terms.emplace_back("\xff\xfe", 4);
    terms.emplace_back("caf\xc3\xa9", 1);
    terms.emplace_back(std::string(1, static_cast<char>(0x80 + i % 100)), 1);
    terms.emplace_back("a", 1);
    terms.emplace_back("a" + std::string(1 + i % 7, 'a'), 1);
    documents[i].values.emplace_back(1, std::string("\0\xff", 2) + std::to_string(i));
  }
  write_with_segment_writer(dir / "mine", 40000, documents, 2048);
  write_with_xapian(dir / "theirs", 40000, documents, 2048);
  EXPECT_GE(postlist_levels(dir / "mine"), 3);
  EXPECT_EQ(check_errors(dir / "mine"), 0u);
  expect_same_database(dir / "mine", dir / "theirs");
  const Xapian::Database mine(dir / "mine");
  EXPECT_EQ(mine.get_termfreq(std::string("\0\0", 2)), documents.size());
  EXPECT_EQ(mine.get_termfreq(std::string(GlassSegmentWriter::kMaxTermBytes - 1, 'L') + 'b'), 400u);

  const std::string a = compact({dir / "mine"}, dir / "mine.compact", 2048);
  const std::string b = compact({dir / "theirs"}, dir / "theirs.compact", 2048);
  EXPECT_EQ(first_difference(a, b), std::string::npos) << a.size() << " vs " << b.size();
}

TEST(GlassSegmentWriter, EmptyWriterGivesAnEmptyDatabase) {
  TempDir dir;
  GlassSegmentWriter writer(dir / "empty", 5000, kBlock);
  EXPECT_EQ(writer.next_docid(), 5000u);
  writer.finish();
  const Xapian::Database empty(dir / "empty");
  EXPECT_EQ(empty.get_doccount(), 0u);
  EXPECT_EQ(empty.get_lastdocid(), 0u);
  EXPECT_EQ(empty.get_total_length(), 0u);
  EXPECT_TRUE(empty.allterms_begin() == empty.allterms_end());
  EXPECT_EQ(check_errors(dir / "empty"), 0u);

  // An empty segment adds nothing to a compaction.
  const std::vector<TestDocument> documents = zipfian_documents(50, 3);
  write_with_xapian(dir / "shard", 1, documents, kBlock, {{"k", "v"}});
  compact({dir / "shard", dir / "empty"}, dir / "merged", kBlock);
  EXPECT_EQ(testing::shard_contents(Xapian::Database(dir / "merged")),
            testing::shard_contents(Xapian::Database(dir / "shard")));
  EXPECT_EQ(check_errors(dir / "merged"), 0u);
}

TEST(GlassSegmentWriter, RefusesBadInputAndStaysUsable) {
  TempDir dir;
  GlassSegmentWriter writer(dir / "segment", 10, kBlock);
  using Terms = std::vector<GlassSegmentWriter::Term>;
  using Values = std::vector<GlassSegmentWriter::Value>;
  writer.add_document(Terms{{"first", 1}}, Values{{0, "v10"}});

  const std::string too_long(GlassSegmentWriter::kMaxTermBytes + 1, 'x');
  const std::string zeros(GlassSegmentWriter::kMaxEscapedTermBytes / 2 + 1, '\0');
  const std::vector<std::pair<Terms, Values>> refused = {
      {Terms{{"fresh1", 1}, {too_long, 1}}, Values{}},
      {Terms{{"fresh2", 1}, {"", 1}}, Values{}},
      {Terms{{"fresh3", 1}, {zeros, 1}}, Values{}},
      {Terms{{"fresh4", 1}, {"first", 2}, {"fresh4", 1}}, Values{}},
      {Terms{{"fresh5", 1}}, Values{{1, "a"}, {1, "b"}}},
      {Terms{{"fresh6", 1}}, Values{{2, ""}}},
  };
  for (const auto& [terms, values] : refused) {
    try {
      writer.add_document(terms, values);
      ADD_FAILURE() << "accepted " << terms.back().first.size() << "-byte term";
    } catch (const std::invalid_argument& e) {
      const std::string message = e.what();
      if (terms.size() > 1 && terms[1].first == too_long) {
        EXPECT_NE(message.find(too_long), std::string::npos) << message;
      }
      if (terms.size() == 3) {
        EXPECT_NE(message.find("fresh4"), std::string::npos) << message;
      }
    }
    EXPECT_EQ(writer.documents(), 1u);
    EXPECT_EQ(writer.next_docid(), 11u);
  }
  writer.add_document(Terms{{"first", 3}, {"second", 1}}, Values{{0, "v11"}});
  EXPECT_EQ(writer.next_docid(), 12u);
  writer.finish();

  const Xapian::Database db(dir / "segment");
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_lastdocid(), 11u);
  const auto contents = testing::shard_contents(db);
  EXPECT_EQ(contents.at("doc 10"), "first/1 \n0=v10 ");
  EXPECT_EQ(contents.at("doc 11"), "first/3 second/1 \n0=v11 ");
  for (int i = 1; i <= 6; ++i) EXPECT_FALSE(db.term_exists("fresh" + std::to_string(i))) << i;
  EXPECT_EQ(db.get_collection_freq("first"), 4u);
  EXPECT_EQ(db.get_value_freq(1), 0u);
  EXPECT_EQ(check_errors(dir / "segment"), 0u);

  // Into a folder that exists: refused, naming it, and the folder left alone.
  fs::create_directories(dir / "taken");
  std::ofstream(dir / "taken/keep") << "x";
  GlassSegmentWriter second(dir / "taken", 1, kBlock);
  second.add_document(Terms{{"t", 1}}, Values{});
  try {
    second.finish();
    ADD_FAILURE() << "finish() wrote into an existing folder";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find(dir / "taken"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::exists(dir / "taken/keep"));
  EXPECT_FALSE(fs::exists(dir / "taken/iamglass"));
  EXPECT_THROW(second.finish(), std::logic_error);
  EXPECT_THROW(GlassSegmentWriter(dir / "x", 0, kBlock), std::invalid_argument);
  EXPECT_THROW(GlassSegmentWriter(dir / "x", 1, 3000), std::invalid_argument);
}

}  // namespace
}  // namespace treatysearch

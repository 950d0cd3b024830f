// The documents a query matches, read from postings (docid_set.h), against Xapian's own matcher
// under BoolWeight as the oracle: random query trees of every operator over a database with
// terms of every frequency and deleted documents, in memory and on disk (glass, whose posting
// lists are chunked, so that skip_to crosses chunks).
#include "docid_set.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace treatysearch::search {
namespace {

std::vector<Xapian::docid> ids_of(const DocidSet& set) {
  std::vector<Xapian::docid> ids;
  set.for_each([&](Xapian::docid id) { ids.push_back(id); });
  return ids;
}

TEST(DocidSet, HoldsIdsUpToItsLastInOrderAndCombines) {
  DocidSet a(130);
  for (const Xapian::docid id : {1u, 63u, 64u, 65u, 127u, 128u, 130u}) a.insert(id);
  a.insert(131);  // beyond last: ignored
  EXPECT_EQ(ids_of(a), (std::vector<Xapian::docid>{1, 63, 64, 65, 127, 128, 130}));
  EXPECT_EQ(a.size(), 7u);
  EXPECT_TRUE(a.contains(64));
  EXPECT_FALSE(a.contains(66));
  EXPECT_FALSE(a.contains(131));

  DocidSet b(130);
  for (const Xapian::docid id : {2u, 64u, 128u}) b.insert(id);
  DocidSet both = a;
  both.intersect(b);
  EXPECT_EQ(ids_of(both), (std::vector<Xapian::docid>{64, 128}));
  DocidSet either = a;
  either.unite(b);
  EXPECT_EQ(either.size(), 8u);
  DocidSet only_a = a;
  only_a.subtract(b);
  EXPECT_EQ(ids_of(only_a), (std::vector<Xapian::docid>{1, 63, 65, 127, 130}));
  DocidSet one = a;
  one.symmetric_difference(b);
  EXPECT_EQ(ids_of(one), (std::vector<Xapian::docid>{1, 2, 63, 65, 127, 130}));
  one.erase(2);
  EXPECT_FALSE(one.contains(2));
  EXPECT_FALSE(DocidSet(5).contains(0));
  EXPECT_TRUE(DocidSet(5).empty());
}

// Terms of every frequency: t0 in nearly all documents ... t5 in one of 1,000 (ANDed with the
// common ones it is probed for with skip_to), a term no document has, and a date value.
constexpr int kDocuments = 4000;
const std::vector<std::string> kTerms = {"t0", "t1", "t2", "t3", "t4", "t5", "absent"};
const std::vector<double> kShares = {0.95, 0.5, 0.2, 0.05, 0.01, 0.001, 0};

void fill(Xapian::WritableDatabase& db) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> share(0, 1);
  for (int i = 0; i < kDocuments; ++i) {
    Xapian::Document doc;
    for (std::size_t t = 0; t < kTerms.size(); ++t)
      if (share(random) < kShares[t]) doc.add_term(kTerms[t]);
    doc.add_value(1, std::to_string(1990 + i % 30));
    db.add_document(doc);
  }
  // Deleted documents: MatchAll and the postings must leave them out.
  for (Xapian::docid id = 5; id <= kDocuments; id += 97) db.delete_document(id);
  db.commit();
}

std::vector<Xapian::docid> oracle(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::vector<Xapian::docid> ids(mset.begin(), mset.end());
  std::sort(ids.begin(), ids.end());
  return ids;
}

class RandomQueries {
 public:
  explicit RandomQueries(unsigned seed) : random_(seed) {}

  Xapian::Query make(int depth) {
    const int pick = pick_of(depth > 0 ? 16 : 4);
    switch (pick) {
      case 0:
      case 1:
      case 2:
        return Xapian::Query(kTerms[pick_of(static_cast<int>(kTerms.size()))]);
      case 3:
        return pick_of(2) ? Xapian::Query::MatchAll : Xapian::Query::MatchNothing;
      case 4:
        return combine(Xapian::Query::OP_AND, depth);
      case 5:
        return combine(Xapian::Query::OP_OR, depth);
      case 6:
        return combine(Xapian::Query::OP_AND_NOT, depth);
      case 7:
        return combine(Xapian::Query::OP_XOR, depth);
      case 8:
        return combine(Xapian::Query::OP_FILTER, depth);
      case 9:
        return combine(Xapian::Query::OP_SYNONYM, depth);
      case 10:
        return combine(Xapian::Query::OP_MAX, depth);
      case 11:
        return combine(Xapian::Query::OP_AND_MAYBE, depth);
      case 12:
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, make(depth - 1), pick_of(2) ? 2.5 : 0);
      case 13: {  // left to Xapian: a value range
        const int from = 1990 + pick_of(30);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 1, std::to_string(from),
                             std::to_string(from + pick_of(10)));
      }
      case 14:  // left to Xapian: an elite set of terms
        return Xapian::Query(Xapian::Query::OP_ELITE_SET, kTerms.begin(), kTerms.begin() + 4, 2);
      default: {  // a term ANDed with common ones, as a phrase's words are
        const std::vector<Xapian::Query> words = {Xapian::Query("t0"), Xapian::Query("t1"),
                                                  Xapian::Query(kTerms[3 + pick_of(3)])};
        return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
      }
    }
  }

 private:
  int pick_of(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  Xapian::Query combine(Xapian::Query::op op, int depth) {
    std::vector<Xapian::Query> parts;
    const int count = 2 + pick_of(3);
    for (int i = 0; i < count; ++i) parts.push_back(make(depth - 1));
    return Xapian::Query(op, parts.begin(), parts.end());
  }

  std::mt19937 random_;
};

void expect_same_as_xapian(const Xapian::Database& db) {
  RandomQueries queries(2026);
  std::set<std::size_t> sizes;  // the trials must cover empty, small and large results
  for (int trial = 0; trial < 1500; ++trial) {
    const Xapian::Query query = queries.make(3);
    const std::vector<Xapian::docid> expected = oracle(db, query);
    const DocidSet matched = matching_documents(db, query);
    ASSERT_EQ(ids_of(matched), expected) << query.get_description();
    sizes.insert(expected.size() / 500);
  }
  EXPECT_GE(sizes.size(), 5u);
}

TEST(MatchingDocuments, AreXapiansMatchesInMemory) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  fill(db);
  expect_same_as_xapian(db);
}

TEST(MatchingDocuments, AreXapiansMatchesOnDisk) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    fill(db);
  }
  expect_same_as_xapian(Xapian::Database(dir / "db"));
}

TEST(MatchingDocuments, OfAnEmptyDatabaseAreNone) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  EXPECT_TRUE(matching_documents(db, Xapian::Query::MatchAll).empty());
  EXPECT_TRUE(matching_documents(db, Xapian::Query("t0")).empty());
}

}  // namespace
}  // namespace treatysearch::search

// PassageDocument holds what the Xapian::Document made of the same calls holds.
#include "passage_document.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace treatysearch {
namespace {

using ingest::PassageDocument;

std::vector<std::pair<std::string, Xapian::termcount>> terms_of(const PassageDocument& doc) {
  std::vector<std::pair<std::string, Xapian::termcount>> out;
  for (const auto& [term, wdf] : doc.terms()) out.emplace_back(term, wdf);
  return out;
}

std::vector<std::pair<std::string, Xapian::termcount>> terms_of(const Xapian::Document& doc) {
  std::vector<std::pair<std::string, Xapian::termcount>> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    out.emplace_back(*it, it.get_wdf());
  return out;
}

TEST(PassageDocument, TermsComeAsAddedAndRepeatsAddUpInXapian) {
  PassageDocument doc;
  const std::string with_zero("a\0b", 3);
  doc.add_term("rights", 3);
  doc.add_term("\xC3\xA9tat", 1);  // "état"
  doc.add_boolean_term("XCcerd");
  doc.add_term(with_zero, 2);
  doc.add_term("rights", 4);
  const std::vector<std::pair<std::string, Xapian::termcount>> added = {
      {"rights", 3}, {"\xC3\xA9tat", 1}, {"XCcerd", 0}, {with_zero, 2}, {"rights", 4}};
  EXPECT_EQ(terms_of(doc), added);
  // Terms added after a read are there at the next read.
  doc.add_term("a", 2);
  EXPECT_EQ(doc.terms().size(), added.size() + 1);
  EXPECT_EQ(doc.terms().back().first, "a");
  // Xapian's document sums the repeats and sorts by bytes (above 0x7F after ASCII).
  const std::vector<std::pair<std::string, Xapian::termcount>> in_xapian = {
      {"XCcerd", 0}, {"a", 2}, {with_zero, 2}, {"rights", 7}, {"\xC3\xA9tat", 1}};
  EXPECT_EQ(terms_of(doc.to_xapian()), in_xapian);
}

TEST(PassageDocument, ValuesAreSetReplacedAndRemovedBySlot) {
  PassageDocument doc;
  doc.set_value(7, "seven");
  doc.set_value(2, "two");
  doc.set_value(5, "five");
  doc.set_value(2, "deux");
  doc.set_value(5, "");  // removes, as in Xapian
  doc.set_value(9, "");  // removing what is not there is nothing
  EXPECT_EQ(doc.value(2), "deux");
  EXPECT_EQ(doc.value(5), "");
  EXPECT_EQ(doc.value(3), "");
  const std::vector<std::pair<Xapian::valueno, std::string>> expected = {{2, "deux"}, {7, "seven"}};
  EXPECT_EQ(doc.values(), expected);
}

TEST(PassageDocument, ToXapianHoldsTheSameTermsAndValues) {
  PassageDocument doc;
  Xapian::Document direct;
  const std::vector<std::pair<std::string, Xapian::termcount>> added = {
      {"the", 5}, {"Q1", 0}, {"state", 2}, {"the", 1}, {"Q1", 0}, {"party", 1}, {"K12", 0}};
  for (const auto& [term, wdf] : added) {
    doc.add_term(term, wdf);
    direct.add_term(term, wdf);
  }
  doc.set_value(0, "record");
  direct.add_value(0, "record");
  doc.set_value(4, "2021");
  direct.add_value(4, "2021");
  const Xapian::Document converted = doc.to_xapian();
  EXPECT_EQ(terms_of(converted), terms_of(direct));
  EXPECT_EQ(terms_of(doc), added);
  EXPECT_EQ(converted.get_value(0), "record");
  EXPECT_EQ(converted.get_value(4), "2021");
  EXPECT_EQ(converted.values_count(), 2u);
}

TEST(PassageDocument, AnEmptyDocumentHasNoTermsOrValues) {
  const PassageDocument doc;
  EXPECT_TRUE(doc.terms().empty());
  EXPECT_TRUE(doc.values().empty());
  EXPECT_EQ(doc.to_xapian().termlist_count(), 0u);
}

}  // namespace
}  // namespace treatysearch

#include "passage_record.h"

#include <gtest/gtest.h>

#include "schema.h"

namespace treatysearch::core {
namespace {

TEST(PassageRecord, RoundTrips) {
  PassageRecord in;
  in.file_key = "0123456789abcdef";
  in.ordinal = 300;
  in.kind = schema::PassageKind::kRecommendation;
  in.label = "32, recommendation 1";
  in.citation = "X, para. 32, recommendation 1";
  in.section = "A > B";
  in.text = std::string(1000, 'z') + "Қ";
  in.parent = "32";
  in.footnotes = {"footnote 3", "footnote 4"};
  in.first_page = 3;
  in.last_page = 4;
  Reference graded;
  graded.symbol = "CERD/C/KAZ/CO/8-10";
  graded.label = "18 (b)";
  graded.grade = "partially satisfactory";
  graded.inferred = true;
  Reference unknown;
  unknown.label = "38";
  unknown.document = "Report by the Independent Expert";
  in.references = {graded, unknown};
  PassageRecord out;
  ASSERT_TRUE(decode_passage(encode_passage(in), &out));
  EXPECT_EQ(out.references, in.references);
  EXPECT_EQ(out.first_page, 3u);
  EXPECT_EQ(out.last_page, 4u);
  EXPECT_EQ(out.file_key, in.file_key);
  EXPECT_EQ(out.ordinal, 300u);
  EXPECT_EQ(out.kind, schema::PassageKind::kRecommendation);
  EXPECT_EQ(out.label, in.label);
  EXPECT_EQ(out.citation, in.citation);
  EXPECT_EQ(out.section, in.section);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.parent, in.parent);
  EXPECT_EQ(out.footnotes, in.footnotes);
}

TEST(PassageRecord, EveryTruncationFailsCleanly) {
  PassageRecord in;
  in.label = "18 (b)";
  in.text = "text";
  in.footnotes = {"footnote 1"};
  in.references.resize(1);
  in.references[0].symbol = "CERD/C/KAZ/CO/8-10";
  const std::string bytes = encode_passage(in);
  PassageRecord out;
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE(decode_passage(bytes.substr(0, n), &out)) << n;
  EXPECT_FALSE(decode_passage("\x02garbage", &out));
}

TEST(PassageRecord, PagesOutOfOrderDoNotDecode) {
  PassageRecord in;
  in.first_page = 2;
  in.last_page = 2;
  std::string bytes = encode_passage(in);
  PassageRecord out;
  ASSERT_TRUE(decode_passage(bytes, &out));
  bytes[bytes.size() - 3] = 3;  // first page 3 after last page 2 (then no references)
  EXPECT_FALSE(decode_passage(bytes, &out));
}

TEST(PassageRecord, AnUnknownKindDoesNotDecode) {
  PassageRecord in;
  in.file_key = "k";
  in.kind = schema::PassageKind::kFootnote;
  std::string bytes = encode_passage(in);
  // version, file key (length 1, "k"), ordinal 0, then the kind.
  ASSERT_EQ(bytes[4], static_cast<char>(schema::PassageKind::kFootnote));
  PassageRecord out;
  ASSERT_TRUE(decode_passage(bytes, &out));
  bytes[4] = static_cast<char>(static_cast<int>(schema::PassageKind::kFootnote) + 1);
  EXPECT_FALSE(decode_passage(bytes, &out));
}

TEST(FileAndDocumentRecords, RoundTrip) {
  FileRecord f{"/abs/a.txt", "a.txt", 42, -5, 99, 7, 3};
  FileRecord g;
  ASSERT_TRUE(decode_file(encode_file(f), &g));
  EXPECT_EQ(g.path, "/abs/a.txt");
  EXPECT_EQ(g.display_path, "a.txt");
  EXPECT_EQ(g.size, 42u);
  EXPECT_EQ(g.mtime_ns, -5);
  EXPECT_EQ(g.content_hash, 99u);
  EXPECT_EQ(g.metadata_hash, 7u);
  EXPECT_EQ(g.passages, 3u);

  DocumentInfo d;
  d.symbol = "CERD/C/KAZ/CO/8-10";
  d.state = "Kazakhstan";
  d.date = "2022-04";
  d.format = "PDF";
  d.ocr = true;
  d.original_language = "es";
  DocumentInfo e;
  ASSERT_TRUE(decode_document(encode_document(d), &e));
  EXPECT_EQ(e.format, "PDF");
  EXPECT_TRUE(e.ocr);
  EXPECT_EQ(e.original_language, "es");
  EXPECT_EQ(e.symbol, d.symbol);
  EXPECT_EQ(e.state, d.state);
  EXPECT_EQ(e.date, d.date);
  EXPECT_TRUE(e.title.empty());
}

TEST(Schema, DateValuesSortAndPad) {
  EXPECT_EQ(schema::date_value("2023-09-12"), "20230912");
  EXPECT_EQ(schema::date_value("2022-04"), "20220400");
  EXPECT_EQ(schema::date_value("2022"), "20220000");
  EXPECT_EQ(schema::date_value("12 Sept"), "");
  EXPECT_LT(schema::date_value("2022"), schema::date_value("2022-01-01"));
}

TEST(Schema, FileKeysAreStableAndShort) {
  EXPECT_EQ(schema::file_key("/a/b.txt"), schema::file_key("/a/b.txt"));
  EXPECT_NE(schema::file_key("/a/b.txt"), schema::file_key("/a/c.txt"));
  EXPECT_EQ(schema::file_key(std::string(5000, 'p')).size(), 16u);
  // FNV-1a of the empty string is its offset basis: the hash never changes between releases.
  EXPECT_EQ(schema::file_key(""), "cbf29ce484222325");
}

}  // namespace
}  // namespace treatysearch::core

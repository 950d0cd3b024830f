// Bad input through the public API: per-file failures are values, limits hold at N and N+1,
// and nothing already indexed is lost.
#include <gtest/gtest.h>

#include <xapian.h>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

const FileReport& report_for(const IngestReport& report, const std::string& suffix) {
  for (const auto& f : report.files)
    if (f.path.size() >= suffix.size() &&
        f.path.compare(f.path.size() - suffix.size(), suffix.size(), suffix) == 0)
      return f;
  static FileReport none;
  ADD_FAILURE() << "no report for " << suffix;
  return none;
}

TEST(BadInput, EachBadFileIsReportedAndTheRestIsIndexed) {
  TempDir dir;
  dir.write("in/good.txt", "1. A paragraph about sextants.\n");
  dir.write("in/empty.txt", "");
  dir.write("in/blank.txt", "  \n\t\n");
  dir.write("in/binary.txt", std::string("ab\0cd", 5));
  // Four bytes are too few to tell a code page: this one fails; a longer text in the same code
  // page is read (see the encodings below).
  dir.write("in/latin1.txt", "caf\xE9");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({dir / "in", dir / "absent.txt"});
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.failed, 5u);
  EXPECT_EQ(report_for(report, "empty.txt").error, "file is empty");
  EXPECT_EQ(report_for(report, "blank.txt").error, "file has no text");
  EXPECT_EQ(report_for(report, "binary.txt").error, "binary file (NUL byte at byte 2)");
  EXPECT_EQ(report_for(report, "latin1.txt").error,
            "not UTF-8, and no code page was recognised with confidence (first non-UTF-8 byte at "
            "3; save the file as UTF-8)");
  EXPECT_EQ(report_for(report, "absent.txt").error, "no such file or folder");
  for (const auto& f : report.files)
    EXPECT_EQ(f.error.find('\n'), std::string::npos) << "one line: " << f.error;
  EXPECT_EQ(Searcher::open(index).search("sextants").hits.size(), 1u);
}

TEST(BadInput, TextInOtherEncodingsIsReadAndItsEncodingReported) {
  TempDir dir;
  dir.write("in/utf16.txt", std::string("\xFF\xFEh\0i\0 \0s\0t\0a\0r\0s\0", 18));
  dir.write("in/utf16-no-bom.txt", std::string("h\0e\0l\0l\0o\0 \0m\0o\0o\0n\0", 20));
  dir.write("in/utf32.txt", std::string("\xFF\xFE\0\0s\0\0\0u\0\0\0n\0\0\0", 16));
  dir.write("in/cp1252.txt",
            "Le caf\xE9 est tr\xE8s bon et la r\xE9union a \xE9t\xE9 tr\xE8s int\xE9ressante.\n");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({dir / "in"});
  indexer.commit();
  EXPECT_EQ(report.added, 4u);
  EXPECT_EQ(report.failed, 0u);
  EXPECT_EQ(report_for(report, "/utf16.txt").encoding, "UTF-16LE");
  EXPECT_EQ(report_for(report, "utf16-no-bom.txt").encoding, "UTF-16LE");
  EXPECT_EQ(report_for(report, "utf32.txt").encoding, "UTF-32LE");
  EXPECT_EQ(report_for(report, "cp1252.txt").encoding, "windows-1252");
  Searcher searcher = Searcher::open(index);
  for (const char* word : {"stars", "moon", "sun", "intéressante"})
    EXPECT_EQ(searcher.search(word).hits.size(), 1u) << word;
}

TEST(BadInput, FileSizeLimitAtNAndNPlusOne) {
  TempDir dir;
  const std::string text = "1. Paragraph about astrolabes.\n";
  const std::string at_limit = dir.write("at.txt", text);
  const std::string over = dir.write("over.txt", text + "x");
  IndexerOptions options;
  options.max_file_bytes = text.size();
  Indexer indexer = Indexer::open(dir / "index", options);
  const IngestReport report = indexer.add_paths({at_limit, over});
  EXPECT_EQ(report_for(report, "at.txt").status, FileStatus::kAdded);
  EXPECT_EQ(report_for(report, "over.txt").status, FileStatus::kFailed);
  EXPECT_EQ(report_for(report, "over.txt").error,
            "file is larger than the limit of " + std::to_string(text.size()) + " bytes");
}

TEST(BadInput, AGiantUnbrokenWordIsIndexedWithoutError) {
  TempDir dir;
  const std::string file =
      dir.write("giant.txt", "1. Before " + std::string(200 * 1024, 'q') + " after words.\n");
  Indexer indexer = Indexer::open(dir / "index");
  const IngestReport report = indexer.add_paths({file});
  ASSERT_EQ(report.added, 1u) << report.files.front().error;
  indexer.commit();
  EXPECT_EQ(Searcher::open(dir / "index").search("after").hits.size(), 1u);
}

TEST(BadInput, AFileAtTheSizeLimitWithoutParagraphBreaksBuildsANewIndex) {
  // Before: one passage of the whole file (of 268 MB, Xapian refused it and the first build
  // failed, every time); now capped passages, every word searchable.
  TempDir dir;
  std::string text = "Opening words about zanzibar. ";
  for (int n = 0; text.size() < 3 * 1024 * 1024; ++n)
    text += "Sentence " + std::to_string(n) + " of a document whose paragraph breaks were lost. ";
  text += "Closing words about samarkand.";
  const std::string file = dir.write("unbroken.txt", text);
  IndexerOptions options;
  options.max_file_bytes = text.size();  // exactly at the limit
  {
    Indexer indexer = Indexer::open(dir / "index", options);  // a new index
    const IngestReport report = indexer.add_paths({file});
    ASSERT_EQ(report.added, 1u) << report.files.front().error;
    EXPECT_GT(report.passages, 10u);
  }
  const Searcher searcher = Searcher::open(dir / "index");
  for (const char* word : {"zanzibar", "samarkand"}) {
    const SearchResult result = searcher.search(word);
    ASSERT_EQ(result.hits.size(), 1u) << word;
    EXPECT_LT(result.hits[0].text.size(), text.size() / 10) << word;
    EXPECT_EQ(result.hits[0].paragraph, "[1]");
  }
}

TEST(BadInput, AQueryWordOverTheLengthLimitIsNamedNotCalledPunctuation) {
  TempDir dir;
  {
    Indexer indexer = Indexer::open(dir / "index");
    indexer.add_text("t", "1. Some text about compasses.\n");
  }
  const Searcher searcher = Searcher::open(dir / "index");
  const auto error_of = [&](const std::string& query) -> std::string {
    try {
      searcher.search(query);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  const std::string long_word(65, 'w');
  EXPECT_NE(error_of(long_word).find("\"wwwwwwwwwwwwwwwwwwww...\" is longer than the limit of 64 "
                                     "bytes for a word"),
            std::string::npos)
      << error_of(long_word);
  EXPECT_NE(error_of("!!! ---").find("only punctuation or symbols"), std::string::npos);
  EXPECT_EQ(searcher.search(std::string(64, 'w')).hits.size(), 0u);  // at the limit: a word
}

TEST(BadInput, MissingCorruptAndForeignIndexesAreClearErrors) {
  TempDir dir;
  try {
    Searcher::open(dir / "nothing");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
  // A Xapian database that is not ours.
  {
    Xapian::WritableDatabase db(dir / "foreign", Xapian::DB_CREATE);
    db.commit();
  }
  try {
    Searcher::open(dir / "foreign");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
    EXPECT_NE(std::string(e.what()).find("not a treatysearch index"), std::string::npos);
  }
}

TEST(BadInput, SchemaMismatchTellsWhatToDo) {
  TempDir dir;
  const std::string index = dir / "index";
  { Indexer::open(index).commit(); }
  {
    Xapian::WritableDatabase db(index, Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
    db.set_metadata("treatysearch.schema", "999");
    db.commit();
  }
  for (int side = 0; side < 2; ++side) {
    try {
      if (side == 0)
        Searcher::open(index);
      else
        Indexer::open(index);
      FAIL() << "opened a schema-999 index";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kVersionMismatch);
      EXPECT_NE(std::string(e.what()).find("run treaty-index again"), std::string::npos);
    }
  }
}

TEST(BadInput, QueryAndOptionLimits) {
  TempDir dir;
  const std::string index = dir / "index";
  {
    Indexer indexer = Indexer::open(index);
    indexer.add_text("t", "1. Some text about compasses.\n");
    indexer.commit();
  }
  const Searcher searcher = Searcher::open(index);
  SearchOptions options;
  options.limit = QueryLimits::kMaxPageSize;
  EXPECT_NO_THROW(searcher.search("compasses", options));
  options.limit = QueryLimits::kMaxPageSize + 1;
  EXPECT_THROW(searcher.search("compasses", options), Error);
  options.limit = 10;
  options.offset = QueryLimits::kMaxWindow - 10;
  EXPECT_NO_THROW(searcher.search("compasses", options));
  options.offset += 1;
  EXPECT_THROW(searcher.search("compasses", options), Error);
  EXPECT_THROW(searcher.search(""), Error);
}

}  // namespace
}  // namespace treatysearch

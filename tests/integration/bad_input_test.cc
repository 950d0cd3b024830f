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
  dir.write("in/latin1.txt", "caf\xE9");
  dir.write("in/utf16.txt", "\xFF\xFEh\0i\0");
  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({dir / "in", dir / "absent.txt"});
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.failed, 6u);
  EXPECT_EQ(report_for(report, "empty.txt").error, "file is empty");
  EXPECT_EQ(report_for(report, "blank.txt").error, "file has no text");
  EXPECT_EQ(report_for(report, "binary.txt").error, "binary file (NUL byte at byte 2)");
  EXPECT_EQ(report_for(report, "latin1.txt").error,
            "not valid UTF-8 at byte 3 (save the file as UTF-8)");
  EXPECT_NE(report_for(report, "utf16.txt").error.find("UTF-16"), std::string::npos);
  EXPECT_EQ(report_for(report, "absent.txt").error, "no such file or folder");
  for (const auto& f : report.files)
    EXPECT_EQ(f.error.find('\n'), std::string::npos) << "one line: " << f.error;
  EXPECT_EQ(Searcher::open(index).search("sextants").hits.size(), 1u);
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
    Xapian::WritableDatabase db(index, Xapian::DB_OPEN);
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

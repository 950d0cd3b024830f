// The searcher's retry loop: a search that reads a revision the writer has since discarded
// reopens and retries, and gives up with one clear error after SearcherImpl::kMaxRetries.
// The writer commits from inside the search (SearcherImpl::on_attempt_for_testing), so the
// collision happens every time rather than by the luck of timing.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "searcher_impl.h"
#include "temp_dir.h"
#include "treatysearch/indexer.h"

namespace treatysearch {
namespace {

using testing::TempDir;

constexpr int kFiles = 8;
constexpr int kParagraphs = 30;

// Replaces every document of the index, `commits` times, each a commit of its own, so that the
// blocks of the revision a reader opened are freed and reused. The passages are long enough to
// fill many blocks: a table held in its root block alone is cached by the reader and never
// re-read.
void rewrite(const std::string& index, int commits, int* edition) {
  Indexer indexer = Indexer::open(index);
  for (int c = 0; c < commits; ++c) {
    ++*edition;
    for (int f = 0; f < kFiles; ++f) {
      std::string text;
      for (int p = 1; p <= kParagraphs; ++p) {
        text += std::to_string(p) + ". The lighthouse keeper " + std::to_string(f) +
                " writes edition " + std::to_string(*edition) + " of paragraph " +
                std::to_string(p) + ".";
        for (int w = 0; w < 40; ++w) text += " harbour" + std::to_string((f * p + w) % 97);
        text += "\n\n";
      }
      indexer.add_text("file-" + std::to_string(f), text);
    }
    indexer.commit();
  }
}

// An index of one commit and a searcher on it that counts its attempts; `commit_on_attempt`
// says on which attempts the writer rewrites the index (three commits) from inside the search.
class SearcherRetry : public ::testing::Test {
 protected:
  void SetUp() override { rewrite(index_, 1, &edition_); }

  search::SearcherImpl& searcher_with(std::function<bool(int attempt)> commit_on_attempt) {
    searcher_ = std::make_unique<search::SearcherImpl>(search::IndexSource::local(index_));
    searcher_->on_attempt_for_testing = [this, commit_on_attempt](int attempt) {
      attempts_ = attempt + 1;
      if (commit_on_attempt(attempt)) rewrite(index_, 3, &edition_);
    };
    return *searcher_;
  }

  TempDir dir_;
  const std::string index_ = dir_ / "index";
  int edition_ = 0;
  int attempts_ = 0;
  std::unique_ptr<search::SearcherImpl> searcher_;
};

TEST_F(SearcherRetry, ASearchThatMeetsADiscardedRevisionRetriesAndSeesTheNewOne) {
  search::SearcherImpl& searcher = searcher_with([](int attempt) { return attempt == 0; });
  SearchOptions page;
  page.limit = 100;
  const SearchResult result = searcher.search("lighthouse keeper", page);
  EXPECT_EQ(attempts_, 2);
  ASSERT_EQ(result.hits.size(), page.limit);
  for (const auto& hit : result.hits)
    EXPECT_NE(hit.text.find("edition " + std::to_string(edition_) + " "), std::string::npos)
        << hit.text;
}

TEST_F(SearcherRetry, GivesUpWithOneErrorAfterTheLastRetry) {
  search::SearcherImpl& searcher = searcher_with([](int) { return true; });
  try {
    searcher.search("lighthouse keeper", {});
    FAIL() << "a search that always meets a discarded revision succeeded";
  } catch (const Error& e) {
    // The index is fine: the caller is told to try again, not that a read failed, and not to
    // call Xapian's reopen() (its own message's advice).
    EXPECT_EQ(e.code(), ErrorCode::kLocked) << e.what();
    const std::string message = e.what();
    EXPECT_NE(message.find(index_), std::string::npos) << message;
    EXPECT_NE(message.find("try again"), std::string::npos) << message;
    EXPECT_EQ(message.find("reopen"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  EXPECT_EQ(attempts_, search::SearcherImpl::kMaxRetries + 1);
}

}  // namespace
}  // namespace treatysearch

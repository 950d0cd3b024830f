// A program that embeds treatysearch through its public headers alone: it indexes two texts
// held in memory, queries them and checks the index. Built and run by the test suite; also the
// README's example.
#include <treatysearch/check.h>
#include <treatysearch/indexer.h>
#include <treatysearch/search.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <unistd.h>

namespace {

int check(bool ok, const std::string& what) {
  if (!ok) std::cerr << "embed_example: FAILED: " << what << '\n';
  return ok ? 0 : 1;
}

}  // namespace

int main() {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("treatysearch-embed-" + std::to_string(::getpid()));
  int failures = 0;
  try {
    {
      treatysearch::Indexer indexer = treatysearch::Indexer::open(dir.string());
      treatysearch::DocumentInfo co;
      co.symbol = "CERD/C/XYZ/CO/1";
      co.committee = "CERD";
      co.type = "concluding-observations";
      co.state = "Kazakhstan";
      co.date = "2022-04-29";
      indexer.add_text("co.txt",
                       "1. The Committee welcomes the report.\n\n"
                       "2. The Committee is concerned about hate speech against minorities.\n\n"
                       "3. The Committee recommends that the State party:\n"
                       "(a) Adopt a law on hate speech;\n"
                       "(b) Train police officers.\n",
                       co);
      treatysearch::DocumentInfo letter;
      letter.title = "Letter on education";
      letter.date = "2023";
      indexer.add_text("letter.txt",
                       "The Committee welcomes the information on education.\n\n"
                       "It regrets the lack of data on refugees.\n",
                       letter);
      indexer.commit();
    }
    const treatysearch::Searcher searcher = treatysearch::Searcher::open(dir.string());
    const treatysearch::SearchResult police = searcher.search("police");
    failures += check(police.hits.size() == 1, "one hit for police");
    if (!police.hits.empty()) {
      std::cout << police.hits[0].citation << '\n';
      failures +=
          check(police.hits[0].citation == "CERD/C/XYZ/CO/1, para. 3 (b)",
                "citation 'CERD/C/XYZ/CO/1, para. 3 (b)', got '" + police.hits[0].citation + "'");
      failures += check(police.hits[0].document.state == "Kazakhstan", "state Kazakhstan");
    }
    const treatysearch::SearchResult refugees = searcher.search("refugees");
    failures += check(refugees.hits.size() == 1 && refugees.hits[0].paragraph == "[2]",
                      "refugees found in the letter's second paragraph");
    treatysearch::SearchOptions only_cerd;
    only_cerd.filters.committees = {"cerd"};
    failures += check(searcher.search("welcomes", only_cerd).hits.size() == 1,
                      "committee filter keeps the CERD passage only");
    failures += check(searcher.search("welcomes").hits.size() == 2, "welcomes in both texts");
    const treatysearch::CheckReport health = treatysearch::check_index(dir.string());
    failures += check(health.healthy() && health.passages == 7 && health.files == 2,
                      "check_index finds the 7 passages of 2 files healthy");
  } catch (const treatysearch::Error& e) {
    std::cerr << "embed_example: " << e.what() << '\n';
    failures++;
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

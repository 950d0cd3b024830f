// Development aid (not a test): prints the blocks extract_pdf makes of the PDFs named.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "extractors.h"

int main(int argc, char** argv) {
  using namespace treatysearch::ingest;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ExtractedDocument document;
    std::string error;
    WorkerOptions options;
    options.ocr = false;
    if (!extract_pdf(bytes, ExtractLimits{}, options, &document, &error)) {
      std::printf("%s: %s\n", argv[i], error.c_str());
      continue;
    }
    std::printf("== %s pages=%d title=[%s] subject=[%s] created=[%s]\n", argv[i], document.pages,
                document.hints.title.c_str(), document.hints.subject.c_str(),
                document.hints.created.c_str());
    for (const std::string& note : document.notes) std::printf("note: %s\n", note.c_str());
    for (const Block& block : document.blocks) {
      std::string refs;
      for (const std::string& ref : block.footnote_refs) refs += ref + ",";
      std::printf("[%s p%d-%d%s%s%s] %s\n", block.kind == BlockKind::kFootnote ? "FN" : "P",
                  block.page, block.last_page,
                  block.label.empty() ? "" : " label=", block.label.c_str(),
                  refs.empty() ? "" : (" refs=" + refs).c_str(), block.text.c_str());
    }
  }
}

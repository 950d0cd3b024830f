// libFuzzer target: the query language, parsed and compiled (query_parser.h) with a stub
// context (no index: truncated words expand to nothing, with a warning). Bad queries throw
// treatysearch::Error (kInvalidArgument); anything else escaping, a crash or a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzer.h"
#include "query_parser.h"
#include "treatysearch/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static treatysearch::core::Analyzer analyzer;
  const std::string query(reinterpret_cast<const char*>(data), size);
  try {
    const treatysearch::search::QueryNode root = treatysearch::search::parse_query(query);
    treatysearch::search::QueryContext context;
    context.languages = {"en", "fr", "ru"};
    context.variants = [](const std::string& surface, std::vector<std::string>* terms) {
      terms->push_back("E" + surface);  // as if every word had a capitalised spelling
    };
    const auto compiled = treatysearch::search::compile_query(root, analyzer, context, query);
    (void)compiled.query.get_description();
    (void)compiled.query_check.describe();
  } catch (const treatysearch::Error& e) {
    if (e.code() != treatysearch::ErrorCode::kInvalidArgument) __builtin_trap();
  }
  return 0;
}

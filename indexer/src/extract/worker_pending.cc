// Placeholder until the worker client lands (issue 9).
#include "worker.h"

namespace treatysearch::ingest {

bool extract_in_worker(WorkerFormat, std::string_view, const ExtractLimits&, const WorkerOptions&,
                       ExtractedDocument*, std::string* error) {
  *error = "the extraction worker is not available yet";
  return false;
}

}  // namespace treatysearch::ingest

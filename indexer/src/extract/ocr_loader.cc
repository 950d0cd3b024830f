// ocr_page for the worker: loads the OCR module (treatysearch-ocr.so, ocr.cc) at the first call
// and forwards to it, so that a PDF with a text layer never loads Tesseract.
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "ocr.h"

#ifndef TREATYSEARCH_OCR_MODULE_BUILD
#error "TREATYSEARCH_OCR_MODULE_BUILD (treatysearch-ocr.so in the build tree) must be defined"
#endif

namespace treatysearch::ingest {
namespace {

constexpr const char* kModuleFile = "treatysearch-ocr.so";
constexpr const char* kEntryPoint = "treatysearch_ocr_page";

using OcrEntry = void (*)(const PageImage*, const OcrOptions*, OcrPage*);

struct OcrModule {
  OcrEntry entry = nullptr;
  std::string error;  // why it could not be loaded
};

std::string executable_directory() {
  char path[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path);
  if (length <= 0 || static_cast<std::size_t>(length) >= sizeof path) return {};
  const std::string executable(path, static_cast<std::size_t>(length));
  return executable.substr(0, executable.rfind('/'));
}

// The module beside the running program (the worker, installed or built, sits beside it), else
// the one in the build tree (for the tests, which run elsewhere). Loaded once, kept loaded.
OcrModule load_module() {
  OcrModule module;
  std::vector<std::string> tried;
  for (const std::string& path :
       {executable_directory() + "/" + kModuleFile, std::string(TREATYSEARCH_OCR_MODULE_BUILD)}) {
    if (::access(path.c_str(), R_OK) != 0) {
      tried.push_back(path);
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      module.error = std::string("OCR is not available: ") + ::dlerror();
      return module;
    }
    void* symbol = ::dlsym(handle, kEntryPoint);
    if (symbol == nullptr) {
      module.error = "OCR is not available: " + path + " has no " + kEntryPoint;
      return module;
    }
    // POSIX guarantees that dlsym's object pointer converts to the function it names.
    std::memcpy(&module.entry, &symbol, sizeof module.entry);
    return module;
  }
  module.error = std::string("OCR is not available: ") + kModuleFile + " was not found (looked for";
  for (const auto& path : tried) module.error += " " + path;
  module.error += ")";
  return module;
}

}  // namespace

OcrPage ocr_page(const PageImage& image, const OcrOptions& options) {
  static const OcrModule module = load_module();  // thread-safe initialisation
  OcrPage page;
  if (module.entry == nullptr) {
    page.error = module.error;
    return page;
  }
  module.entry(&image, &options, &page);
  return page;
}

}  // namespace treatysearch::ingest

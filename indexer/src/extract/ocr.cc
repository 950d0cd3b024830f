// OCR of one page with Tesseract 5's C++ API: the image as gray pixels, the script found by OSD
// when no languages are given, paragraphs (RIL_PARA) with their confidence, and a deadline.
//
// This file is the module treatysearch-ocr.so, which the worker loads (ocr_loader.cc) the first
// time a page needs OCR: Tesseract and the libraries it brings take about 22 ms of CPU to load,
// as much as poppler and the rest of the worker together, and most PDFs need no OCR.
#include "ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>

#include "text.h"

namespace treatysearch::ingest {
namespace {

// Tesseract reports through tprintf, which writes to stderr unless debug_file names a file:
// "Estimating resolution as ...", "Too few characters. Skipping this page", warnings on
// Init. The worker's stderr is read for its last line only, so this noise would hide the line
// that matters.
void quiet(tesseract::TessBaseAPI* api) { api->SetVariable("debug_file", "/dev/null"); }

// An engine with its models loaded, kept for the next page of the same languages: loading
// eng+fra+spa takes 1 to 3 s (osd 0.4 s), as long as reading a page. One per thread, so that
// no lock is needed (the worker reads pages on one thread).
struct CachedEngine {
  std::unique_ptr<tesseract::TessBaseAPI> api;
  std::string languages;
};

// The engine for `languages`, ready for a new image; nullptr when they cannot be loaded.
tesseract::TessBaseAPI* engine_for(CachedEngine* cache, const std::string& languages,
                                   tesseract::OcrEngineMode mode) {
  if (cache->api != nullptr && cache->languages == languages) {
    cache->api->Clear();
    return cache->api.get();
  }
  cache->api.reset();
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  quiet(api.get());
  if (api->Init(nullptr, languages.c_str(), mode) != 0) return nullptr;
  cache->api = std::move(api);
  cache->languages = languages;
  return cache->api.get();
}

thread_local CachedEngine osd_engine;
thread_local CachedEngine text_engine;

// Languages for a script OSD found: the UN languages written in it.
std::string languages_for_script(std::string_view script) {
  if (script == "Cyrillic") return "rus";
  if (script == "Arabic") return "ara";
  if (script == "Han" || script == "HanS" || script == "HanT") return "chi_sim";
  return "eng+fra+spa";  // Latin, and what OSD cannot tell
}

// A gray image, tightly packed.
struct GrayImage {
  std::vector<unsigned char> pixels;
  int width = 0, height = 0;
};

// One byte per pixel: Tesseract binarises gray anyway, and (r + 2g + b) / 4 is the same for
// RGB and for the BGRA that poppler renders, so the channel order does not matter.
GrayImage gray_image(const PageImage& image) {
  GrayImage gray;
  gray.width = image.width;
  gray.height = image.height;
  gray.pixels.resize(static_cast<std::size_t>(image.width) *
                     static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row =
        image.pixels + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_line);
    unsigned char* out = gray.pixels.data() + static_cast<std::size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) {
      const unsigned char* p = row + static_cast<std::size_t>(x) * image.bytes_per_pixel;
      out[x] = image.bytes_per_pixel == 1
                   ? p[0]
                   : static_cast<unsigned char>((p[0] + 2 * p[1] + p[2]) / 4);
    }
  }
  return gray;
}

std::string check_image(const PageImage& image) {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0) return "empty page image";
  if (image.bytes_per_pixel != 1 && image.bytes_per_pixel != 3 && image.bytes_per_pixel != 4) {
    return "page image has " + std::to_string(image.bytes_per_pixel) + " bytes per pixel";
  }
  if (image.bytes_per_line / image.bytes_per_pixel < image.width) {
    return "page image rows are shorter than its width";
  }
  return {};
}

// The image turned clockwise by `quarter_turns` quarters.
GrayImage rotate_clockwise(const GrayImage& image, int quarter_turns) {
  quarter_turns = ((quarter_turns % 4) + 4) % 4;
  if (quarter_turns == 0) return image;
  GrayImage turned;
  turned.width = quarter_turns == 2 ? image.width : image.height;
  turned.height = quarter_turns == 2 ? image.height : image.width;
  turned.pixels.resize(image.pixels.size());
  const auto at = [](int x, int y, int width) {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
           static_cast<std::size_t>(x);
  };
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      int to_x = x, to_y = y;
      if (quarter_turns == 1) {
        to_x = image.height - 1 - y, to_y = x;
      } else if (quarter_turns == 2) {
        to_x = image.width - 1 - x, to_y = image.height - 1 - y;
      } else {
        to_x = y, to_y = image.width - 1 - x;
      }
      turned.pixels[at(to_x, to_y, turned.width)] = image.pixels[at(x, y, image.width)];
    }
  }
  return turned;
}

struct PageLayout {
  std::string languages;  // for the script found
  int upright_turns = 0;  // clockwise quarter turns that make the page upright
};

// Tesseract's orientation and script detection: the languages to read the page with (Latin's
// when OSD is unsure), and how to turn a page scanned sideways or upside
// down, when OSD is sure of it.
PageLayout detect_layout(const GrayImage& image, int dpi) {
  // OSD's own threshold for trusting an orientation (tesseract's min_orientation_margin).
  constexpr float kMinOrientationConfidence = 7.0f;
  // OSD tells Latin from Cyrillic by letter shapes, many of which the two share: on the scanned
  // Slovenia letter (Latin) it says "Cyrillic" with confidence 0.1 to 1.7, while printed UN
  // pages get 18 to 58 for their true script (English, Spanish, Russian, Arabic). Below this,
  // the page is read as Latin, the script of most UN scans.
  constexpr float kMinScriptConfidence = 5.0f;
  PageLayout layout;
  layout.languages = languages_for_script("");
  tesseract::TessBaseAPI* osd = engine_for(&osd_engine, "osd", tesseract::OEM_TESSERACT_ONLY);
  if (osd == nullptr) return layout;
  osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  osd->SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
  osd->SetSourceResolution(dpi);
  int orientation = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool detected = osd->DetectOrientationScript(&orientation, &orientation_confidence, &script,
                                                     &script_confidence);
  if (detected && script != nullptr && script_confidence >= kMinScriptConfidence) {
    layout.languages = languages_for_script(script);
  }
  osd->Clear();  // the page image and results; the model stays loaded
  if (!detected) return layout;
  // `orientation` is how far the page was turned clockwise; turning it back is the rest of a
  // full turn.
  if (orientation_confidence >= kMinOrientationConfidence && orientation % 90 == 0) {
    layout.upright_turns = (360 - orientation) / 90 % 4;
  }
  return layout;
}

// A paragraph's lines as one line: a word broken at a line end by a hyphen ("implemen-" then
// "tation") is joined again; other lines are joined with a space.
std::string paragraph_text(std::string_view recognised) {
  std::string text;
  for (const std::string_view raw_line : core::split_lines(recognised)) {
    const std::string_view line = core::trim(raw_line);
    if (line.empty()) continue;
    const bool hyphen_break =
        text.size() >= 2 && text.back() == '-' &&
        core::is_letter(core::last_code_point(text.substr(0, text.size() - 1))) &&
        core::is_lower_letter(core::first_code_point(line));
    if (hyphen_break) {
      text.pop_back();
    } else if (!text.empty()) {
      text.push_back(' ');
    }
    text.append(line);
  }
  return core::collapse_whitespace(text);
}

}  // namespace

// ocr_page (ocr.h) as the module implements it.
OcrPage recognise_page(const PageImage& image, const OcrOptions& options) {
  OcrPage page;
  page.error = check_image(image);
  if (!page.error.empty()) return page;
  GrayImage gray = gray_image(image);
  if (options.languages.empty()) {
    const PageLayout layout = detect_layout(gray, image.dpi);
    page.languages = layout.languages;
    gray = rotate_clockwise(gray, layout.upright_turns);
  } else {
    page.languages = options.languages;
  }

  tesseract::TessBaseAPI* api = engine_for(&text_engine, page.languages, tesseract::OEM_LSTM_ONLY);
  if (api == nullptr) {
    page.error = "cannot load the OCR languages " + page.languages +
                 " (is the tesseract-ocr language pack installed?)";
    return page;
  }
  // The API's default is one uniform block; a page needs the layout analysis.
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetImage(gray.pixels.data(), gray.width, gray.height, 1, gray.width);
  api->SetSourceResolution(image.dpi);

  // The deadline covers word recognition, where the time goes; layout analysis before it is
  // bounded by the worker's own limits.
  tesseract::ETEXT_DESC monitor;
  if (options.timeout_seconds > 0) {
    monitor.set_deadline_msecs(static_cast<std::int32_t>(
        std::max(1.0, std::ceil(std::min(options.timeout_seconds, 86'400.0) * 1000.0))));
  }
  const int status = api->Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    page.timed_out = true;
    return page;
  }
  if (status != 0) {
    page.error = "OCR failed";
    return page;
  }

  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (it != nullptr) {
    do {
      if (it->Empty(tesseract::RIL_PARA)) continue;
      const std::unique_ptr<char[]> recognised(it->GetUTF8Text(tesseract::RIL_PARA));
      if (recognised == nullptr) continue;
      std::string text = paragraph_text(recognised.get());
      if (text.empty()) continue;
      Block block;
      block.kind = BlockKind::kParagraph;
      block.text = std::move(text);
      block.confidence = it->Confidence(tesseract::RIL_PARA);
      page.blocks.push_back(std::move(block));
    } while (it->Next(tesseract::RIL_PARA));
  }
  page.confidence = static_cast<float>(api->MeanTextConf());
  it.reset();
  api->Clear();
  return page;
}

}  // namespace treatysearch::ingest

// The module's one exported symbol, found by ocr_loader.cc with dlsym.
extern "C" __attribute__((visibility("default"))) void treatysearch_ocr_page(
    const treatysearch::ingest::PageImage* image, const treatysearch::ingest::OcrOptions* options,
    treatysearch::ingest::OcrPage* page) {
  *page = treatysearch::ingest::recognise_page(*image, *options);
}

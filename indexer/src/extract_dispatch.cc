// Recognising a file's format by its bytes, and handing it to the extractor of that format.
#include <algorithm>
#include <string>
#include <string_view>

#include "extract.h"
#include "text.h"
#include "worker.h"

namespace treatysearch::ingest {

namespace {

constexpr std::string_view kOle2Signature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// Readers accept "%PDF-" anywhere in the first KiB (some files start with junk or a BOM).
constexpr std::size_t kPdfHeaderWindow = 1024;
// How far into a file HTML's opening tags are looked for.
constexpr std::size_t kHtmlSniffBytes = 4096;

bool contains(std::string_view bytes, std::string_view what) {
  return bytes.find(what) != std::string_view::npos;
}

// The zip's entry names are stored uncompressed in its local headers and central directory;
// finding "word/document.xml" among the bytes is how every DOCX sniffer works. extract_docx
// then reads the zip properly.
FormatInfo sniff_zip(std::string_view bytes) {
  if (contains(bytes, "word/document.xml")) return {Format::kDocx, "DOCX"};
  if (contains(bytes, "application/vnd.oasis.opendocument"))
    return {Format::kUnsupported, "OpenDocument"};
  if (contains(bytes, "xl/workbook.xml")) return {Format::kUnsupported, "Excel (XLSX)"};
  if (contains(bytes, "ppt/presentation.xml")) return {Format::kUnsupported, "PowerPoint (PPTX)"};
  // An Office package that is neither: a damaged or truncated DOCX, or one without its main
  // part, which extract_docx names precisely.
  if (contains(bytes, "[Content_Types].xml")) return {Format::kDocx, "DOCX"};
  return {Format::kUnsupported, "zip archive"};
}

// OLE2 compound files hold Word, Excel and PowerPoint 97-2003 documents; the directory names
// the streams in UTF-16LE.
FormatInfo sniff_ole2(std::string_view bytes) {
  constexpr std::string_view kWordStream("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  constexpr std::string_view kWorkbook("W\0o\0r\0k\0b\0o\0o\0k\0", 16);
  constexpr std::string_view kPowerPoint("P\0o\0w\0e\0r\0P\0o\0i\0n\0t\0", 20);
  if (contains(bytes, kWordStream)) return {Format::kWord97, "Word 97-2003"};
  if (contains(bytes, kWorkbook)) return {Format::kUnsupported, "Excel 97-2003"};
  if (contains(bytes, kPowerPoint)) return {Format::kUnsupported, "PowerPoint 97-2003"};
  return {Format::kUnsupported, "OLE2 compound file"};
}

// HTML: the first tag (after a byte-order mark, white space, comments, an XML declaration) is
// <!DOCTYPE html or <html, or one of the tags that only HTML opens with.
bool looks_like_html(std::string_view bytes) {
  std::string head = core::ascii_lowercase(bytes.substr(0, kHtmlSniffBytes));
  std::string_view rest = head;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  rest = core::trim(rest);
  if (!rest.starts_with('<')) return false;
  return contains(rest, "<!doctype html") || contains(rest, "<html") || rest.starts_with("<head") ||
         rest.starts_with("<body") || rest.starts_with("<meta") || rest.starts_with("<title");
}

}  // namespace

FormatInfo sniff_format(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kPdfHeaderWindow);
  if (contains(head, "%PDF-")) return {Format::kPdf, "PDF"};
  if (bytes.starts_with("PK\x03\x04")) return sniff_zip(bytes);
  if (bytes.starts_with(kOle2Signature)) return sniff_ole2(bytes);
  if (bytes.starts_with("{\\rtf")) return {Format::kUnsupported, "RTF"};
  if (looks_like_html(bytes)) return {Format::kHtml, "HTML"};
  return {Format::kText, "text"};
}

bool extract_document(std::string bytes, const ExtractOptions& options, ExtractedDocument* document,
                      std::string* error) {
  const FormatInfo format = sniff_format(bytes);
  bool ok = false;
  std::string why;
  switch (format.format) {
    case Format::kText:
      ok = extract_text(std::move(bytes), options.limits, document, &why);
      break;
    case Format::kDocx:
      ok = extract_docx(bytes, options.limits, document, &why);
      break;
    case Format::kHtml:
      ok = extract_html(bytes, options.limits, document, &why);
      break;
    case Format::kPdf:
      ok = extract_in_worker(WorkerFormat::kPdf, bytes, options.limits, options.worker, document,
                             &why);
      break;
    case Format::kWord97:
      ok = extract_in_worker(WorkerFormat::kWord97, bytes, options.limits, options.worker, document,
                             &why);
      break;
    case Format::kUnsupported:
      *error = "unsupported format (" + format.name +
               "); this version reads PDF, DOCX, Word 97-2003 (.doc), HTML and text";
      return false;
  }
  if (!ok) {
    // Text errors already say what the text is ("binary file", "not valid UTF-8 ...").
    *error = format.format == Format::kText ? why : format.name + ": " + why;
    return false;
  }
  if (document->format.empty()) document->format = format.name;
  return true;
}

}  // namespace treatysearch::ingest

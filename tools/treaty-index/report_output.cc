#include "report_output.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_common.h"

namespace treatysearch::cli {

using Json = nlohmann::ordered_json;

namespace {

Json string_or_null(const std::string& value) { return value.empty() ? Json() : Json(value); }

const char* skip_reason_code(SkipReason reason) {
  switch (reason) {
    case SkipReason::kHidden:
      return "hidden";
    case SkipReason::kSymlink:
      return "symlink";
    case SkipReason::kSymlinkOutside:
      return "symlink-outside";
    case SkipReason::kSymlinkToFolder:
      return "symlink-to-folder";
    case SkipReason::kDanglingSymlink:
      return "dangling-symlink";
    case SkipReason::kSpecialFile:
      return "special-file";
    case SkipReason::kUnsupportedFormat:
      return "unsupported-format";
    case SkipReason::kManifest:
      return "manifest";
  }
  return "";
}

}  // namespace

const char* status_word(FileStatus status) {
  switch (status) {
    case FileStatus::kAdded:
      return "added";
    case FileStatus::kUpdated:
      return "updated";
    case FileStatus::kUnchanged:
      return "unchanged";
    case FileStatus::kRemoved:
      return "removed";
    case FileStatus::kFailed:
      return "failed";
    case FileStatus::kDuplicate:
      return "duplicate";
  }
  return "";
}

std::string failure_line(const FileReport& file) {
  std::string line = file.path + ": " + file.error;
  if (file.old_passages_removed)
    line += file.passages == 1
                ? "; its indexed passage was removed"
                : "; its " + std::to_string(file.passages) + " indexed passages were removed";
  return line;
}

std::string reading_details(const FileReport& file) {
  std::string details = file.format;
  const auto add = [&details](const std::string& part) {
    if (!details.empty()) details += ", ";
    details += part;
  };
  if (!file.encoding.empty() && file.encoding != "UTF-8") add(file.encoding);
  if (file.pages > 0) add(std::to_string(file.pages) + (file.pages == 1 ? " page" : " pages"));
  if (file.ocr)
    add("OCR on " + std::to_string(file.ocr_pages) + (file.ocr_pages == 1 ? " page" : " pages"));
  return details;
}

void print_progress(const Progress& p) {
  const double mb = static_cast<double>(p.bytes) / 1e6;
  std::string last;
  if (p.file && p.file->status != FileStatus::kFailed) {
    const std::string details = reading_details(*p.file);
    last = printable(p.file->path) + (details.empty() ? "" : " (" + details + ")");
  }
  std::fprintf(stderr, "\r\033[K%zu/%zu files, %zu passages, %.1f MB/s  %s", p.files_done,
               p.files_total, p.passages, p.seconds > 0 ? mb / p.seconds : 0.0, last.c_str());
  std::fflush(stderr);
}

void print_files(const IngestReport& report, std::ostream& out) {
  for (const auto& file : report.files) {
    if (file.status == FileStatus::kFailed) continue;
    if (file.status == FileStatus::kDuplicate) {
      out << "duplicate: " << printable(file.path) << " (same content as "
          << printable(file.duplicate_of) << "; not indexed)\n";
      continue;
    }
    std::string details = reading_details(file);
    if (!details.empty()) details += ", ";
    details += std::to_string(file.passages) + (file.passages == 1 ? " passage" : " passages");
    out << status_word(file.status) << ": " << printable(file.path) << " (" << details << ")\n";
    for (const auto& note : file.notes) out << "  note: " << printable(note) << '\n';
  }
}

void print_skipped(const IngestReport& r, std::ostream& out) {
  std::size_t links = 0;
  for (const auto& s : r.skipped) {
    out << "skipped: " << printable(s.path) << " (" << s.detail << ")\n";
    if (s.reason == SkipReason::kSymlink) ++links;
  }
  if (links > 0)
    out << links << (links == 1 ? " symbolic link was" : " symbolic links were")
        << " not followed (--follow-links follows those leading inside the folders given)\n";
}

void print_summary(const IngestReport& r, bool verbose, std::ostream& out) {
  const std::string skipped =
      verbose && !r.skipped.empty() ? ", skipped " + std::to_string(r.skipped.size()) : "";
  if (r.added + r.updated + r.removed + r.failed + r.duplicates == 0) {
    out << "Nothing changed: " << r.unchanged << (r.unchanged == 1 ? " file" : " files")
        << " already up to date" << skipped << ".\n";
    return;
  }
  out << "added " << r.added << ", updated " << r.updated << ", unchanged " << r.unchanged
      << ", removed " << r.removed << ", failed " << r.failed;
  if (r.duplicates > 0) out << ", duplicates " << r.duplicates;
  if (r.failed_removed > 0) out << ", of which " << r.failed_removed << " removed from the index";
  out << skipped << " (" << r.passages << " passages from " << static_cast<double>(r.bytes) / 1e6
      << " MB in " << r.seconds << " s)\n";
}

void print_report_json(const IngestReport& r, std::ostream& out) {
  Json files = Json::array();
  for (const auto& f : r.files) {
    Json notes = Json::array();
    for (const auto& note : f.notes) notes.push_back(note);
    files.push_back(Json{{"path", f.path},
                         {"status", status_word(f.status)},
                         {"passages", f.passages},
                         {"bytes", f.bytes},
                         {"format", string_or_null(f.format)},
                         {"encoding", string_or_null(f.encoding)},
                         {"pages", f.pages},
                         {"ocr", f.ocr},
                         {"ocr_pages", f.ocr_pages},
                         {"notes", notes},
                         {"error", string_or_null(f.error)},
                         {"duplicate_of", string_or_null(f.duplicate_of)},
                         {"old_passages_removed", f.old_passages_removed}});
  }
  Json skipped = Json::array();
  for (const auto& s : r.skipped)
    skipped.push_back(
        Json{{"path", s.path}, {"reason", skip_reason_code(s.reason)}, {"detail", s.detail}});
  Json doc{
      {"added", r.added},           {"updated", r.updated},   {"unchanged", r.unchanged},
      {"removed", r.removed},       {"failed", r.failed},     {"failed_removed", r.failed_removed},
      {"duplicates", r.duplicates}, {"passages", r.passages}, {"bytes", r.bytes},
      {"seconds", r.seconds},       {"files", files},         {"skipped", skipped}};
  out << escape_controls(doc.dump(2, ' ', false, Json::error_handler_t::replace),
                         EscapeStyle::kJson)
      << '\n';
}

}  // namespace treatysearch::cli

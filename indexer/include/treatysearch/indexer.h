// Building and updating a treatysearch index.
//
//   treatysearch::Indexer indexer = treatysearch::Indexer::open("/path/to/index");
//   treatysearch::IngestReport report = indexer.add_paths({"corpus/"});
//   for (const auto& f : report.files)
//     if (f.status == treatysearch::FileStatus::kFailed) std::cerr << f.path << ": " << f.error;
//
// Each document is split into the passages a lawyer cites (numbered paragraphs, lettered
// sub-paragraphs, recommendations, footnotes, ...) and each passage becomes one searchable
// unit with its pinpoint citation. Indexing is incremental: files are recognised by their
// absolute path; unchanged files are skipped, changed files replace their old passages, and files
// that disappeared from an indexed folder are removed. After any run, what is searchable is what
// a first build of the same files would hold, except under a folder or file that could not be
// read: what was indexed from there stays as it was (and the run reports the failure).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "treatysearch/error.h"
#include "treatysearch/export.h"
#include "treatysearch/types.h"

namespace treatysearch {

// kDuplicate: the file holds the same bytes as another file indexed (FileReport::duplicate_of),
// so its passages would only repeat that file's: it is not indexed (and what was indexed from
// it before is removed). Of several copies, the one already indexed is kept; among copies new
// to the index, the first found. A duplicate is read again by every run (it has no record of
// its own), so that it is indexed as soon as its original is deleted or changed.
enum class FileStatus { kAdded, kUpdated, kUnchanged, kRemoved, kFailed, kDuplicate };

// What happened to one file (or one text given to add_text), or to a folder that could not be
// read (status kFailed, path the folder's).
struct FileReport {
  std::string path;  // as given, or as found under a given folder
  FileStatus status = FileStatus::kFailed;
  std::string error;  // one line, set when status == kFailed: "PDF: PDF is encrypted"
  // kAdded, kUpdated, kUnchanged: the file's passages in the index. kRemoved, and kFailed with
  // old_passages_removed: the passages taken out of the index. Otherwise 0.
  std::size_t passages = 0;
  std::uint64_t bytes = 0;
  // kFailed only. A file that was indexed and whose content can no longer be indexed (it became
  // empty, binary, unreadable as text, damaged, larger than the limit, ...) loses its old passages,
  // since a first build would not have them: then this is true. A file or folder that cannot be
  // read (no permission, I/O error) keeps what was indexed from it, and this stays false.
  bool old_passages_removed = false;
  // How the file was read (files read by this run): the format recognised from its content
  // ("PDF", "DOCX", "Word 97-2003", "HTML", "text"), the text encoding of a text file
  // ("UTF-8", "UTF-16LE", "windows-1251"), its pages (0 when the format has none), whether
  // some of its text was recognised by OCR and on how many pages, and notes that did not stop
  // the extraction ("page 3: OCR timed out after 60 s").
  std::string format;
  std::string encoding;
  int pages = 0;
  bool ocr = false;
  int ocr_pages = 0;
  std::vector<std::string> notes;
  // kDuplicate: the path (as reported) of the file whose copy this is.
  std::string duplicate_of;
};

// Why something found while walking a folder was left out.
enum class SkipReason {
  kHidden,             // its name starts with '.'; a hidden folder is not entered
  kSymlink,            // a symbolic link, not followed (IndexerOptions::follow_links)
  kSymlinkOutside,     // follow_links is on, but the link leads outside the folders given
  kSymlinkToFolder,    // a symbolic link to a folder: never followed, so no cycle can occur
  kDanglingSymlink,    // a symbolic link to nothing
  kSpecialFile,        // a FIFO, socket or device
  kUnsupportedFormat,  // a file of a format this version does not index
  kManifest,           // a manifest.xml below a folder given (only the one at its top is read)
};

// Something found while walking a folder that was deliberately left out. It is not a failure
// (it does not count in `failed`), and it is not indexed: had it been indexed before, it is
// removed like a deleted file.
struct SkippedPath {
  std::string path;  // as found under the given folder
  SkipReason reason = SkipReason::kHidden;
  std::string detail;  // one line for people: "symbolic link, not followed", "FIFO", ...
};

struct IngestReport {
  std::vector<FileReport> files;  // in the order the files were found
  std::size_t added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0, duplicates = 0;
  // Of the `failed`, those whose old passages were removed (FileReport::old_passages_removed).
  std::size_t failed_removed = 0;
  std::vector<SkippedPath> skipped;  // in the order they were found
  std::size_t passages = 0;          // passages written by this run
  std::uint64_t bytes = 0;           // bytes of input read and analysed by this run
  double seconds = 0;
};

// Progress of a long run, reported from the calling thread after each file.
struct Progress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t passages = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
  // The file just done, as reported in IngestReport::files (valid during the callback only).
  const FileReport* file = nullptr;
};

struct IndexerOptions {
  // Files larger than this fail with "file is larger than the limit"; tested at N and N+1.
  std::uint64_t max_file_bytes = 256ull << 20;
  // Pending changes are committed once the analysed text since the last commit reaches this
  // many bytes. Bounds peak memory (Xapian buffers postings until a commit), and is fastest
  // small: Xapian 1.4 keeps a term's pending postings in a tree that gets slower to append to
  // as it grows (tools/bench/README.md has the measurements).
  std::uint64_t flush_bytes = 512ull << 10;
  // Analysis threads; 0 = one per core.
  unsigned threads = 0;
  // Shards of a NEW index, each written by its own thread (Xapian's writer is single-threaded);
  // 0 = one per core. An existing index keeps the count it was created with.
  unsigned shards = 0;
  // Whether a NEW index keeps Xapian's term lists. Without them (the default) indexing takes
  // about a quarter less CPU and the index two fifths less disk, and an update leaves the
  // passages it replaces or removes in place, left out of every search (the index's passage
  // count and --check count them out). With them, the shards can also be served by Xapian's
  // own xapian-tcpsrv, which needs the term lists to send a passage (Searcher's remote shards
  // refuse shards without them, saying so). An existing index keeps what it was created with.
  bool term_lists = false;
  // A manifest (XML, see corpus/README.md) giving or overriding metadata per file. When empty,
  // a file named "manifest.xml" in each folder given to add_paths is used if present. A
  // manifest that is missing or invalid is fatal: open() throws for this one, add_paths for
  // one found in a folder (before writing anything).
  std::string manifest_path;
  // Symbolic links found while walking a folder are not followed by default (a link could
  // make any readable file of the machine searchable); they are reported in
  // IngestReport::skipped. When true, a link to a file is followed if its target is inside one
  // of the folders given to the same add_paths call. Links to folders are never followed.
  // A link named in add_paths itself is always read: the caller asked for it.
  bool follow_links = false;
  // Scanned PDF pages (no text layer) are read by OCR (Tesseract), at most ocr_page_seconds per
  // page (a slower page is left out with a note). ocr_languages are Tesseract's ("eng+fra");
  // empty: chosen per page from the script Tesseract detects. With ocr false, such pages are
  // left out, and a PDF without any text layer fails.
  bool ocr = true;
  int ocr_page_seconds = 60;
  std::string ocr_languages;
  // PDF and Word 97-2003 files are read by a separate worker process (treaty-extract, installed
  // with the library) under these limits, so that a file that crashes or hangs its parser costs
  // only itself. A file over a limit fails with a message naming it.
  int extract_seconds = 600;                        // wall clock per file
  std::uint64_t extract_memory_bytes = 2ull << 30;  // address space of the worker
  // The worker program; empty: $TREATYSEARCH_EXTRACT_WORKER, else the installed one, else the
  // one of the build tree the library comes from.
  std::string extract_worker;
  // Called after each file; may be empty.
  std::function<void(const Progress&)> on_progress;
};

// The format a file's name says, as Indexer::add_paths decides which files found in a folder to
// read: "PDF", "DOCX", "Word 97-2003", "HTML" or "text"; empty for a name whose files are not
// indexed when found in a folder. (A file named to add_paths is read whatever its name, and its
// content decides its format.) Thread-safe; never throws but std::bad_alloc.
TREATYSEARCH_API std::string format_for_file_name(const std::string& path);

// The writer of one index. Only one Indexer may hold an index at a time (across processes); a
// second gets Error kLocked. Not thread-safe: call it from one thread (it runs its own analysis
// and shard-writer threads). Work is committed at the end of add_paths, by commit(), and
// whenever flush_bytes is reached; each file's passages land together, so a crash loses at most
// the uncommitted files and never leaves a damaged index. add_text does not commit.
// A NEW index is built in a temporary folder beside `index_dir` ("<index_dir>.tmp-<pid>") and
// appears at `index_dir`, complete, at the first commit (the end of the first add_paths, or
// commit()): searchers never see it half-built, and building it this way is faster. A crash
// before that first commit leaves no index; the next run removes the abandoned folder.
class TREATYSEARCH_API Indexer {
 public:
  // Opens the index in `index_dir`, creating it (and missing parent folders) if needed.
  // Throws Error: kInvalidArgument (an empty `index_dir`), kLocked, kVersionMismatch, kCorrupt,
  // kIo; for options.manifest_path kNotFound or kInvalidArgument (then no index is created),
  // with a message naming the manifest.
  static Indexer open(const std::string& index_dir, IndexerOptions options = {});

  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;
  ~Indexer();  // commits pending work; errors at this point are swallowed, so call commit()

  // Indexes files and folders (recursively; what a folder holds besides regular files of
  // supported formats is skipped and listed in IngestReport::skipped, while named files of
  // unsupported formats fail). A folder or file that cannot be read is a failure, and what was
  // indexed from it stays. Per-file problems are reported, never thrown. Throws Error when the
  // index itself fails (disk full, lock lost; work committed before then stays), and
  // kInvalidArgument or kIo for an invalid manifest.xml in a folder, before writing anything.
  IngestReport add_paths(const std::vector<std::string>& paths);

  // Indexes `text` as a document named `name` (its identity, like a path). Metadata in `info`
  // overrides what is detected from the text; info.source is ignored (name is used).
  FileReport add_text(const std::string& name, std::string_view text,
                      const DocumentInfo& info = {});

  // Makes all changes so far durable and visible to searchers. Throws Error kIo on failure.
  void commit();

 private:
  struct Impl;
  explicit Indexer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace treatysearch

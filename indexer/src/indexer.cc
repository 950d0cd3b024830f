// The public Indexer: walks paths, decides what changed, analyses files on worker threads, and
// hands each result, in the order the files were found, to the writer of the shard that holds
// the file (shard_pool.h), each shard writing on its own thread.
#include "treatysearch/indexer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "citation.h"
#include "document_builder.h"
#include "extract.h"
#include "file_walker.h"
#include "index_writer.h"
#include "language_detect.h"
#include "manifest.h"
#include "metadata_detect.h"
#include "passage_record.h"
#include "schema.h"
#include "segmenter.h"
#include "shard_pool.h"
#include "text_blocks.h"

namespace treatysearch {

namespace fs = std::filesystem;
using ingest::FoundFile;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::int64_t mtime_ns(const fs::path& path, std::error_code& ec) {
  const auto t = fs::last_write_time(path, ec);
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// One file's analysis result, produced on a worker thread and consumed by the writer.
struct Prepared {
  FileReport report;
  std::string file_key;
  core::FileRecord record;
  DocumentInfo info;
  std::vector<ingest::PassageDocument> passages;
  ingest::DocumentBuilder::Variants variants;  // spelling variants and stems for the vocabulary
  std::set<std::string> languages;             // of the document and of its passages
  bool content_unchanged = false;  // same bytes as indexed; only the record needs updating
  // The file was read but its content cannot be indexed (empty, binary, not UTF-8, too large,
  // no text): whatever was indexed from it must go, as a first build would not have it. A file
  // that cannot be read at all keeps its passages (the cause may pass: permissions, a disk).
  bool content_unindexable = false;
};

// Files already indexed, by content: (size, content hash) -> the path reported for the file.
// A file read with the same content as another is a duplicate of it (FileStatus::kDuplicate).
struct ContentKey {
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
  auto operator<=>(const ContentKey&) const = default;
};
using ContentIndex = std::map<ContentKey, std::string>;

// A file that must be read: it is new, or its size or mtime changed.
struct Task {
  std::size_t report_index;
  FoundFile file;
  std::optional<core::FileRecord> old;
  const ingest::Manifest* manifest;
  // Files of the index that this run keeps unchanged, by content (read-only while the
  // analysis threads run): a copy of one of them is not extracted at all.
  const ContentIndex* unchanged_content = nullptr;
};

// Hash of the manifest entry that applies to `path` (0 when none).
std::uint64_t metadata_hash(const ingest::Manifest* manifest, const std::string& path) {
  const DocumentInfo* listed = manifest ? manifest->find(path) : nullptr;
  return listed ? core::schema::stable_hash(core::encode_document(*listed)) : 0;
}

ingest::ExtractOptions extract_options(const IndexerOptions& options) {
  ingest::ExtractOptions extract;
  extract.worker.ocr = options.ocr;
  extract.worker.ocr_page_seconds = options.ocr_page_seconds;
  extract.worker.ocr_languages = options.ocr_languages;
  extract.worker.wall_seconds = options.extract_seconds;
  extract.worker.cpu_seconds = options.extract_seconds;
  extract.worker.address_space_bytes = options.extract_memory_bytes;
  extract.worker.worker_path = options.extract_worker;
  return extract;
}

void report_extraction(const ingest::ExtractedDocument& document, FileReport* report) {
  report->format = document.format;
  report->encoding = document.encoding;
  report->pages = document.pages;
  report->ocr = document.ocr;
  report->ocr_pages = document.ocr_pages;
  report->notes = document.notes;
}

// Everything from an extracted document to Xapian documents. Never throws for bad content:
// problems become report.error.
// `shard`: the shard the file goes to (DocumentBuilder::build), or DocumentBuilder::kAnyShard.
void analyse_document(const ingest::ExtractedDocument& document, const DocumentInfo& overrides,
                      ingest::DocumentBuilder& builder, std::size_t shard, Prepared* out) {
  report_extraction(document, &out->report);
  ingest::SegmentedText segmented = ingest::segment(document);
  if (segmented.passages.empty()) {
    out->report.error = "no text to index (only front matter or artifacts)";
    return;
  }
  // The manifest's language, else the detected one; "en" only when the text is too short or
  // ambiguous to tell. Passages in another language than the document's are marked.
  DocumentInfo info = ingest::merge(
      ingest::detect_metadata(ingest::metadata_text(document), document.hints), overrides);
  if (info.language.empty()) info.language = "en";
  info.format = document.format;
  info.ocr = document.ocr;
  ingest::assign_passage_languages(&segmented.passages, info.language);
  info.source = out->report.path;
  out->report.error =
      builder.build(out->file_key, info, segmented.passages, &out->passages, &out->variants, shard);
  if (!out->report.error.empty()) {
    out->passages.clear();
    return;
  }
  out->languages.insert(info.language);
  for (const auto& passage : segmented.passages)
    if (!passage.language.empty()) out->languages.insert(passage.language);
  out->report.passages = segmented.passages.size();
  out->info = std::move(info);
}

Prepared prepare_file(const Task& task, const IndexerOptions& options,
                      const ingest::ShardPool& shards, ingest::DocumentBuilder& builder) {
  Prepared out;
  out.report.path = task.file.display;
  out.file_key = core::schema::file_key(task.file.absolute.string());
  try {
    std::error_code ec;
    out.record.path = task.file.absolute.string();
    out.record.display_path = task.file.display;
    out.record.mtime_ns = mtime_ns(task.file.absolute, ec);
    std::string error;
    std::optional<std::string> bytes = ingest::read_file_limited(
        task.file.absolute, options.max_file_bytes, &error, task.file.through_links);
    if (!bytes) {
      out.report.error = error;
      // Over the size limit is about the content; the size is checked again after the failure,
      // so a file that grew past the limit while being read counts as too large too.
      const auto size = fs::file_size(task.file.absolute, ec);
      out.content_unindexable = !ec && size > options.max_file_bytes;
      return out;
    }
    out.record.size = bytes->size();
    out.record.content_hash = core::schema::stable_hash(*bytes);
    out.record.metadata_hash = metadata_hash(task.manifest, out.record.path);
    out.report.bytes = bytes->size();
    if (task.unchanged_content) {
      const auto copy = task.unchanged_content->find({out.record.size, out.record.content_hash});
      if (copy != task.unchanged_content->end()) {
        out.report.duplicate_of = copy->second;
        return out;
      }
    }
    if (task.old && task.old->content_hash == out.record.content_hash &&
        task.old->size == out.record.size && task.old->metadata_hash == out.record.metadata_hash) {
      out.content_unchanged = true;
      out.record.passages = task.old->passages;
      return out;
    }
    out.content_unindexable = true;  // from here on, every failure is about the content
    ingest::ExtractedDocument document;
    if (!ingest::extract_document(std::move(*bytes), extract_options(options), &document, &error)) {
      out.report.error = error;
      return out;
    }
    const DocumentInfo* listed = task.manifest ? task.manifest->find(out.record.path) : nullptr;
    analyse_document(document, listed ? *listed : DocumentInfo{}, builder,
                     shards.shard_of(out.file_key), &out);
    out.record.passages = static_cast<std::uint32_t>(out.passages.size());
  } catch (const std::bad_alloc&) {
    out.report.error = "out of memory while analysing the file";
    out.content_unindexable = false;  // may pass: keep what was indexed
  } catch (const std::exception& e) {
    out.report.error = std::string("cannot analyse the file: ") + e.what();
  }
  if (!out.report.error.empty()) out.passages.clear();
  return out;
}

// Runs prepare_file on worker threads, handing results to `consume` in task order. At most
// `window` files are analysed ahead of the writer, which bounds memory.
template <typename Consume>
void run_pipeline(const std::vector<Task>& tasks, const IndexerOptions& options,
                  const ingest::ShardPool& shards, Consume&& consume) {
  if (tasks.empty()) return;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = static_cast<unsigned>(
      std::min<std::size_t>(options.threads ? options.threads : cores, tasks.size()));
  // Files analysed ahead of the writers: enough to keep every shard fed while one commits.
  const std::size_t window = std::max<std::size_t>(16, threads * 16);

  std::vector<std::optional<Prepared>> slots(tasks.size());
  std::mutex mutex;
  std::condition_variable ready, space;
  std::size_t next_task = 0, consumed = 0;
  bool stop = false;

  auto worker = [&] {
    ingest::DocumentBuilder builder;
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        space.wait(lock, [&] { return stop || next_task < consumed + window; });
        if (stop || next_task >= tasks.size()) return;
        i = next_task++;
      }
      Prepared prepared = prepare_file(tasks[i], options, shards, builder);
      {
        std::lock_guard lock(mutex);
        slots[i] = std::move(prepared);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  auto stop_workers = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    space.notify_all();
    for (auto& thread : pool) thread.join();
  };
  try {
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      Prepared prepared;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return slots[i].has_value(); });
        prepared = std::move(*slots[i]);
        slots[i].reset();
        consumed = i + 1;
      }
      space.notify_all();
      consume(tasks[i], std::move(prepared));
    }
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
}

bool is_under(const std::string& path, const fs::path& folder) {
  const std::string root = folder.string();
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         (root.back() == '/' || path[root.size()] == '/');
}

void count(IngestReport* report, FileStatus status) {
  switch (status) {
    case FileStatus::kAdded:
      ++report->added;
      break;
    case FileStatus::kUpdated:
      ++report->updated;
      break;
    case FileStatus::kUnchanged:
      ++report->unchanged;
      break;
    case FileStatus::kRemoved:
      ++report->removed;
      break;
    case FileStatus::kFailed:
      ++report->failed;
      break;
    case FileStatus::kDuplicate:
      ++report->duplicates;
      break;
  }
}

bool is_under_any(const std::string& path, const std::vector<fs::path>& folders) {
  return std::any_of(folders.begin(), folders.end(),
                     [&](const fs::path& folder) { return is_under(path, folder); });
}

}  // namespace

struct Indexer::Impl {
  Impl(const std::string& dir, IndexerOptions opts)
      : options(std::move(opts)),
        given_manifest(load_given_manifest(options.manifest_path)),
        pool(dir, options.flush_bytes, options.shards, options.term_lists) {}

  // Queues the writing of an analysed file on its shard's thread.
  void write(std::shared_ptr<Prepared> prepared, std::uint64_t bytes) {
    for (const auto& language : prepared->languages) pool.add_language(language);
    const std::string key = prepared->file_key;
    pool.submit(key, [prepared = std::move(prepared), bytes](ingest::IndexWriter& writer) {
      writer.replace_file(prepared->file_key, prepared->record, prepared->info,
                          std::move(prepared->passages), bytes);
      writer.add_variants(prepared->variants);
      writer.maybe_commit();
    });
  }

  // IndexerOptions::manifest_path, loaded before the index is opened: a manifest that is
  // missing or invalid is fatal (Error), as indexing without it would index files under wrong
  // metadata, and then no index is created.
  static std::unique_ptr<ingest::Manifest> load_given_manifest(const std::string& path) {
    if (path.empty()) return nullptr;
    return std::make_unique<ingest::Manifest>(ingest::Manifest::load(path));
  }

  // Loads a manifest.xml found in a folder, once. Throws Error if it is invalid (fatal, like a
  // given one), before any file of the run is written.
  const ingest::Manifest* manifest_at(const fs::path& path) {
    auto it = manifests.find(path.string());
    if (it != manifests.end()) return it->second.get();
    auto loaded = std::make_unique<ingest::Manifest>(ingest::Manifest::load(path.string()));
    return manifests.emplace(path.string(), std::move(loaded)).first->second.get();
  }

  const ingest::Manifest* manifest_for(const fs::path& file,
                                       const std::vector<const ingest::Manifest*>& candidates) {
    for (const auto* manifest : candidates)
      if (manifest && manifest->find(file.string())) return manifest;
    return nullptr;
  }

  IndexerOptions options;
  std::unique_ptr<ingest::Manifest> given_manifest;  // before pool: loaded first
  ingest::ShardPool pool;
  std::map<std::string, std::unique_ptr<ingest::Manifest>> manifests;  // found in folders
  std::unique_ptr<ingest::DocumentBuilder> text_builder;  // for add_text, made on first use
};

std::string format_for_file_name(const std::string& path) {
  const ingest::FormatInfo format = ingest::format_for_path(path);
  return format.format == ingest::Format::kUnsupported ? std::string() : format.name;
}

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;
Indexer::~Indexer() = default;

Indexer Indexer::open(const std::string& index_dir, IndexerOptions options) {
  // An empty path would resolve to the current folder, or to a default chosen by the caller;
  // either way not what was asked for.
  if (index_dir.empty()) throw Error(ErrorCode::kInvalidArgument, "the index folder path is empty");
  return Indexer(std::make_unique<Impl>(index_dir, std::move(options)));
}

IngestReport Indexer::add_paths(const std::vector<std::string>& paths) {
  const auto start = Clock::now();
  IngestReport report;
  ingest::WalkOptions walk_options;
  walk_options.follow_links = impl_->options.follow_links;
  ingest::WalkResult walked = ingest::walk_paths(paths, walk_options);
  report.skipped = std::move(walked.skipped);

  std::vector<const ingest::Manifest*> manifests;
  if (impl_->given_manifest) manifests.push_back(impl_->given_manifest.get());
  for (const auto& path : walked.manifests) manifests.push_back(impl_->manifest_at(path));

  // Plan: unreadable paths fail now, files whose size and mtime match their record are
  // unchanged without being read, the rest become tasks.
  const std::size_t first_file = report.files.size();
  std::vector<Task> tasks;
  ContentIndex content;  // unchanged files, then (in the writer) the files indexed by this run
  std::set<std::string> seen;
  for (auto& file : walked.files) {
    FileReport entry;
    entry.path = file.display;
    seen.insert(file.absolute.string());
    if (!file.error.empty()) {
      entry.error = file.error;
      report.files.push_back(entry);
      continue;
    }
    const std::string key = core::schema::file_key(file.absolute.string());
    std::optional<core::FileRecord> old = impl_->pool.file_record(key);
    std::error_code ec;
    const auto size = fs::file_size(file.absolute, ec);
    const ingest::Manifest* manifest = impl_->manifest_for(file.absolute, manifests);
    if (old && !ec && old->size == size && old->mtime_ns == mtime_ns(file.absolute, ec) && !ec &&
        old->metadata_hash == metadata_hash(manifest, file.absolute.string())) {
      // Not read, but it must still be readable: an unreadable file is reported, not called
      // unchanged.
      std::string why;
      if (!ingest::can_read(file.absolute, &why, file.through_links)) {
        entry.error = "cannot read: " + why + ingest::kKeptNote;
        report.files.push_back(entry);
        continue;
      }
      entry.status = FileStatus::kUnchanged;
      entry.passages = old->passages;
      content.emplace(ContentKey{old->size, old->content_hash}, entry.path);
      report.files.push_back(entry);
      continue;
    }
    report.files.push_back(entry);
    tasks.push_back({report.files.size() - 1, file, std::move(old), manifest, &content});
  }

  Progress progress;
  progress.files_total = report.files.size() - first_file;
  auto tick = [&](const FileReport& file) {
    ++progress.files_done;
    progress.seconds = seconds_since(start);
    progress.file = &file;
    if (impl_->options.on_progress) impl_->options.on_progress(progress);
    progress.file = nullptr;
  };
  for (const auto& entry : report.files)
    if (entry.status == FileStatus::kUnchanged || !entry.error.empty()) tick(entry);

  run_pipeline(tasks, impl_->options, impl_->pool, [&](const Task& task, Prepared prepared) {
    FileReport& entry = report.files[task.report_index];
    entry = prepared.report;
    // The vocabulary entries of a file analysed but not written still go to its shard: the
    // analysis listed them there once only (DocumentBuilder::build).
    const auto keep_variants = [&] {
      if (prepared.variants.empty()) return;
      impl_->pool.submit(prepared.file_key,
                         [variants = std::move(prepared.variants)](ingest::IndexWriter& w) {
                           w.add_variants(variants);
                         });
    };
    if (entry.error.empty() && entry.duplicate_of.empty()) {
      // The first copy found by this run is the one indexed; content maps only files whose
      // passages are (or stay) in the index.
      const auto [it, inserted] = content.emplace(
          ContentKey{prepared.record.size, prepared.record.content_hash}, entry.path);
      if (!inserted) entry.duplicate_of = it->second;
    }
    if (!entry.error.empty()) {
      keep_variants();
      entry.status = FileStatus::kFailed;
      if (prepared.content_unindexable && task.old) {
        impl_->pool.submit(prepared.file_key, [key = prepared.file_key](ingest::IndexWriter& w) {
          w.remove_file(key);
        });
        entry.old_passages_removed = true;
        entry.passages = task.old->passages;
      } else if (task.old) {
        entry.error += ingest::kKeptNote;
      }
    } else if (!entry.duplicate_of.empty()) {
      keep_variants();
      entry.status = FileStatus::kDuplicate;
      entry.passages = 0;
      if (task.old) {
        // It was indexed as a file of its own (its original appeared since): its passages go,
        // and so does its record, so that it is read again while it remains a copy.
        impl_->pool.submit(prepared.file_key, [key = prepared.file_key](ingest::IndexWriter& w) {
          w.remove_file(key);
        });
      }
    } else if (prepared.content_unchanged) {
      entry.status = FileStatus::kUnchanged;
      entry.passages = prepared.record.passages;
      impl_->pool.submit(prepared.file_key,
                         [key = prepared.file_key, record = prepared.record](
                             ingest::IndexWriter& w) { w.update_record(key, record); });
    } else {
      entry.status = task.old ? FileStatus::kUpdated : FileStatus::kAdded;
      impl_->write(std::make_shared<Prepared>(std::move(prepared)), entry.bytes);
      report.passages += entry.passages;
      report.bytes += entry.bytes;
      progress.passages += entry.passages;
      progress.bytes += entry.bytes;
    }
    tick(entry);
  });

  // Files that were indexed under a walked folder and are gone now (or are skipped now, as a
  // first build would skip them). Under a folder that could not be read nothing is known to be
  // gone: what was indexed there stays.
  impl_->pool.drain();
  for (const auto& [key, record] : impl_->pool.file_records()) {
    if (seen.count(record.path)) continue;
    if (!is_under_any(record.path, walked.folders)) continue;
    if (is_under_any(record.path, walked.unreadable_folders)) continue;
    impl_->pool.submit(key, [key = key](ingest::IndexWriter& w) { w.remove_file(key); });
    FileReport entry;
    entry.path = record.display_path;
    entry.status = FileStatus::kRemoved;
    entry.passages = record.passages;
    report.files.push_back(entry);
  }
  impl_->pool.commit();

  for (std::size_t i = first_file; i < report.files.size(); ++i) {
    if (!report.files[i].error.empty()) report.files[i].status = FileStatus::kFailed;
    count(&report, report.files[i].status);
    if (report.files[i].old_passages_removed) ++report.failed_removed;
  }
  report.seconds = seconds_since(start);
  return report;
}

FileReport Indexer::add_text(const std::string& name, std::string_view text,
                             const DocumentInfo& info) {
  Prepared prepared;
  prepared.report.path = name;
  const std::string identity = "text:" + name;
  prepared.file_key = core::schema::file_key(identity);
  std::string error;
  ingest::ExtractedDocument document;
  if (!ingest::extract_text(std::string(text), ingest::ExtractLimits{}, &document, &error)) {
    prepared.report.error = error;
    prepared.report.status = FileStatus::kFailed;
    return prepared.report;
  }
  if (!impl_->text_builder) impl_->text_builder = std::make_unique<ingest::DocumentBuilder>();
  // A text that fails is not written, nor are its vocabulary entries: a later text must not
  // rely on them (kAnyShard).
  analyse_document(document, info, *impl_->text_builder, ingest::DocumentBuilder::kAnyShard,
                   &prepared);
  if (!prepared.report.error.empty()) {
    prepared.report.status = FileStatus::kFailed;
    return prepared.report;
  }
  prepared.record.path = identity;
  prepared.record.display_path = name;
  prepared.record.size = text.size();
  prepared.record.content_hash = core::schema::stable_hash(text);
  prepared.record.passages = static_cast<std::uint32_t>(prepared.passages.size());
  impl_->pool.drain();
  const bool existed = impl_->pool.file_record(prepared.file_key).has_value();
  prepared.report.bytes = text.size();
  prepared.report.status = existed ? FileStatus::kUpdated : FileStatus::kAdded;
  FileReport report = prepared.report;
  impl_->write(std::make_shared<Prepared>(std::move(prepared)), text.size());
  return report;
}

void Indexer::commit() { impl_->pool.commit(); }

}  // namespace treatysearch

// check_index (check.h): Xapian's check of every shard, then treatysearch's own records.
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "index_layout.h"
#include "metadata_keys.h"
#include "passage_record.h"
#include "position_list.h"
#include "record_reader.h"
#include "schema.h"
#include "schema_check.h"
#include "term_numbers.h"
#include "tombstones.h"
#include "treatysearch/check.h"
#include "treatysearch/error.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
namespace schema = core::schema;
namespace layout = core::layout;

void add_problem(CheckReport* report, const std::string& where, const std::string& what) {
  report->problems.push_back(where + ": " + what);
}

std::string describe(const Xapian::Error& e) {
  return e.get_type() + std::string(": ") + e.get_msg();
}

// The shard names the stub lists ("auto shard0", ...), in order; unreadable lines are problems.
std::vector<std::string> read_stub(const std::string& index_dir, CheckReport* report) {
  const std::string stub = index_dir + "/" + layout::kStubFile;
  std::ifstream in(stub);
  std::vector<std::string> shards;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    if (line.rfind("auto ", 0) == 0 && line.size() > 5)
      shards.push_back(line.substr(5));
    else
      add_problem(report, stub, "line " + std::to_string(number) + " is not \"auto <shard>\"");
  }
  if (in.bad()) add_problem(report, stub, "cannot be read");
  if (shards.empty()) add_problem(report, stub, "lists no shard");
  return shards;
}

// Xapian's own check of one shard's tables. True if it found nothing wrong.
bool xapian_check(const std::string& shard_dir, CheckReport* report) {
  std::ostringstream out;
  try {
    const std::size_t errors = Xapian::Database::check(shard_dir, 0, &out);
    if (errors == 0) return true;
    // The report's lines name the table and the fault; its last line is the most specific.
    std::string last, line;
    std::istringstream lines(out.str());
    while (std::getline(lines, line))
      if (!line.empty()) last = line;
    add_problem(report, shard_dir,
                "Xapian's check found " + std::to_string(errors) + " error(s)" +
                    (last.empty() ? std::string() : " (" + last + ")"));
  } catch (const Xapian::Error& e) {
    add_problem(report, shard_dir, "Xapian's check failed: " + describe(e));
  }
  return false;
}

// Index-wide records, kept in the first shard: schema and analyzer versions, shard count.
void check_index_records(const std::string& index_dir, std::size_t listed_shards,
                         CheckReport* report) {
  try {
    const Xapian::Database db(index_dir);
    core::check_index_schema(db, index_dir);
    const unsigned recorded = core::read_shard_count(db, index_dir);
    if (recorded != listed_shards)
      add_problem(report, index_dir,
                  "records " + std::to_string(recorded) + " shards but its stub lists " +
                      std::to_string(listed_shards));
  } catch (const Error& e) {
    report->problems.push_back(e.what());
  } catch (const Xapian::Error& e) {
    add_problem(report, index_dir, "cannot be opened: " + describe(e));
  }
}

// Every passage's record and position list, every file's record and document information, and
// whether each file's record counts the passages this shard holds for it.
void check_shard_records(const std::string& shard_dir, CheckReport* report) {
  try {
    const Xapian::Database db(shard_dir);
    std::map<std::string, std::uint64_t> passages_of_file;
    core::PassageRecord passage;
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> positions;
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> numbered;
    const std::uint32_t numbers_given = core::TermNumbering::numbers_given(db);
    const std::vector<Xapian::Database> shard{db};
    core::RecordReader records(shard);
    // The passages updates superseded (tombstones.h) belong to no file any more.
    std::set<Xapian::docid> dead;
    for (const core::Tombstone& tombstone : core::read_tombstones(db, core::Backend::kLocal)) {
      const std::vector<Xapian::docid> superseded = core::superseded_docids(db, tombstone);
      dead.insert(superseded.begin(), superseded.end());
      const std::uint64_t held = superseded.size();
      if (held != tombstone.dead)
        add_problem(report, shard_dir,
                    "file " + tombstone.file_key + ": the shard holds " + std::to_string(held) +
                        " superseded passages of it, its tombstone says " +
                        std::to_string(tombstone.dead));
    }
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      if (dead.contains(*it)) continue;
      const Xapian::Document document = db.get_document(*it);
      const std::string where = "passage " + std::to_string(*it);
      if (!records.decode(document.get_value(schema::kRecordSlot), &passage)) {
        add_problem(report, shard_dir, where + ": record does not decode");
        continue;
      }
      ++passages_of_file[passage.file_key];
      const std::string encoded = document.get_value(schema::kPositionsSlot);
      positions.clear();
      if (core::is_numbered_position_list(encoded)) {
        if (!core::decode_numbered_position_list(encoded, &numbered))
          add_problem(report, shard_dir, where + ": position list does not decode");
        else if (!numbered.empty() && numbered.back().first >= numbers_given)
          add_problem(report, shard_dir,
                      where + ": position list names term number " +
                          std::to_string(numbered.back().first) + ", but the shard gave " +
                          std::to_string(numbers_given));
      } else if (!encoded.empty() && !core::decode_position_list(encoded, &positions)) {
        add_problem(report, shard_dir, where + ": position list does not decode");
      }
      ++report->passages;
    }

    const std::string file_prefix = schema::kFileRecordPrefix;
    core::visit_metadata_keys(db, core::Backend::kLocal, file_prefix, [&](const std::string& key) {
      const std::string file_key = key.substr(file_prefix.size());
      core::FileRecord file;
      if (!core::decode_file(db.get_metadata(key), &file)) {
        add_problem(report, shard_dir, "file record " + file_key + ": does not decode");
        return true;
      }
      ++report->files;
      const auto held = passages_of_file.find(file_key);
      const std::uint64_t count = held == passages_of_file.end() ? 0 : held->second;
      if (count != file.passages)
        add_problem(report, shard_dir,
                    "file " + file.display_path + ": the shard holds " + std::to_string(count) +
                        " of its passages, its record says " + std::to_string(file.passages));
      if (held != passages_of_file.end()) passages_of_file.erase(held);
      return true;
    });
    for (const auto& [file_key, count] : passages_of_file)
      add_problem(report, shard_dir,
                  std::to_string(count) + " passages of file " + file_key + " have no file record");

    const std::string info_prefix = schema::kDocInfoPrefix;
    core::visit_metadata_keys(db, core::Backend::kLocal, info_prefix, [&](const std::string& key) {
      DocumentInfo info;
      if (!core::decode_document(db.get_metadata(key), &info))
        add_problem(report, shard_dir,
                    "document information " + key.substr(info_prefix.size()) + ": does not decode");
      return true;
    });
  } catch (const Xapian::Error& e) {
    add_problem(report, shard_dir, "cannot be read: " + describe(e));
  }
}

}  // namespace

CheckReport check_index(const std::string& index_dir) {
  std::error_code ec;
  if (!fs::is_directory(index_dir, ec))
    throw Error(ErrorCode::kNotFound, index_dir + ": no index here");
  if (!fs::is_regular_file(fs::path(index_dir) / layout::kStubFile, ec))
    throw Error(ErrorCode::kNotFound,
                index_dir + ": not a treatysearch index (no " + layout::kStubFile + " file)");

  CheckReport report;
  const std::vector<std::string> shards = read_stub(index_dir, &report);
  report.shards = static_cast<unsigned>(shards.size());
  bool every_shard_sound = !shards.empty();
  for (const std::string& name : shards) {
    const std::string shard_dir = index_dir + "/" + name;
    if (xapian_check(shard_dir, &report))
      check_shard_records(shard_dir, &report);
    else
      every_shard_sound = false;
  }
  // Read through the stub only when every shard is sound: Xapian opens them all.
  if (every_shard_sound) check_index_records(index_dir, shards.size(), &report);
  return report;
}

}  // namespace treatysearch

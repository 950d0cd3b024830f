#include "corpus_states.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <vector>

namespace treatysearch::crash {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write");
}

// Regular files below `root`, as sorted relative paths.
std::set<fs::path> files_below(const fs::path& root) {
  std::set<fs::path> files;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root));
  return files;
}

std::string added_document() {
  std::string text = "Crash test addendum\n\n";
  for (int n = 1; n <= 40; ++n)
    text += std::to_string(n) + ". The Committee recommends that the State party review measure " +
            std::to_string(n) + " on access to justice for minorities and report on it.\n\n";
  return text;
}

}  // namespace

CorpusStates make_corpus_states(const fs::path& corpus, const fs::path& a, const fs::path& b,
                                std::size_t extend_every) {
  if (extend_every == 0) throw std::runtime_error("one file in 0 cannot be extended");
  fs::remove_all(a);
  fs::remove_all(b);
  fs::create_directories(a);
  fs::copy(corpus, a, fs::copy_options::recursive);
  // The corpus may be read-only (a shared folder): the copies must be ours to change.
  for (const auto& entry : fs::recursive_directory_iterator(a))
    fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::add);
  fs::copy(a, b, fs::copy_options::recursive);

  std::vector<fs::path> texts;
  for (const auto& file : files_below(b))
    if (file.extension() == ".txt") texts.push_back(file);
  if (texts.empty()) throw std::runtime_error(corpus.string() + ": no .txt file to index");

  const std::string first = read_file(b / texts[0]);
  std::size_t cut = first.find("\n\n", first.size() / 2);
  write_file(b / texts[0], first.substr(0, cut == std::string::npos ? first.size() / 2 : cut));
  std::size_t next = 1;
  if (texts.size() >= 3) fs::remove(b / texts[next++]);
  for (std::size_t i = next; i < texts.size(); i += extend_every)
    write_file(b / texts[i], read_file(b / texts[i]) +
                                 "\n\n9001. The Committee requests follow-up information on "
                                 "paragraph 9000 within one year.\n");
  write_file(b / "crash-added.txt", added_document());

  CorpusStates states;
  states.dirs[0] = a;
  states.dirs[1] = b;
  states.files[0] = files_below(a).size();
  states.files[1] = files_below(b).size();
  return states;
}

void sync_folder(const fs::path& from, const std::string& to) {
  const auto wanted = files_below(from);
  for (const auto& file : files_below(to))
    if (!wanted.count(file)) fs::remove(fs::path(to) / file);
  for (const auto& file : wanted) {
    const fs::path target = fs::path(to) / file;
    const std::string content = read_file(from / file);
    if (!fs::exists(target) || read_file(target) != content) write_file(target, content);
  }
}

}  // namespace treatysearch::crash

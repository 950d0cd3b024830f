// The two states of a corpus the crash tool switches between, and the folder sync that switches.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace treatysearch::crash {

struct CorpusStates {
  std::filesystem::path dirs[2];  // A: the corpus as given; B: changed (see make_corpus_states)
  std::size_t files[2] = {0, 0};
};

// Copies `corpus` to `a`, and to `b` with changes every kind of update meets: the first text
// file cut to its first half (fewer passages), the second deleted when there are three or more,
// one in `extend_every` of the remaining ones (every other by default; a large corpus's update is
// a small share of it) extended by a numbered paragraph, and a new file added. Throws
// std::runtime_error when the corpus has no .txt file or `extend_every` is 0.
CorpusStates make_corpus_states(const std::filesystem::path& corpus, const std::filesystem::path& a,
                                const std::filesystem::path& b, std::size_t extend_every = 2);

// Makes folder `to` hold exactly the files of `from`: copies those that are new or differ (with
// a new modification time, as an editor would) and removes those `from` lacks.
void sync_folder(const std::filesystem::path& from, const std::string& to);

}  // namespace treatysearch::crash

#include "xapian_peer.h"

#include <xapian.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace treatysearch::bench {

std::uint64_t index_with_termgenerator(const std::vector<std::filesystem::path>& files,
                                       const std::filesystem::path& db_dir) {
  // Xapian's default flush (a commit every 10,000 documents), whatever this process inherited.
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  std::uint64_t bytes = 0;
  try {
    Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      if (!in.good() && !in.eof()) throw std::runtime_error(path.string() + ": cannot read");
      bytes += text.size();
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      doc.set_data(path.string());
      doc.add_boolean_term("Q" + path.string());
      db.add_document(doc);
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(e.get_description());
  }
  return bytes;
}

}  // namespace treatysearch::bench

#include "document_builder.h"

#include "citation.h"
#include "passage_record.h"
#include "schema.h"
#include "states.h"

namespace treatysearch::ingest {

namespace {

namespace schema = core::schema;

std::string join_section(const std::vector<std::string>& path) {
  std::string joined;
  for (const auto& heading : path) {
    if (!joined.empty()) joined += " > ";
    joined += heading;
  }
  return joined;
}

void add_boolean(const char* prefix, const std::string& value, Xapian::Document* doc) {
  if (value.empty()) return;
  std::string term = prefix;
  for (char c : value.substr(0, schema::kMaxFilterValueBytes))
    term.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  doc->add_boolean_term(term);
}

// Feeds analyzer tokens into a Xapian document.
class PostingSink : public core::TokenSink {
 public:
  PostingSink(Xapian::Document* doc, std::string* buffer) : doc_(doc), term_(buffer) {}
  void on_token(const core::Token& token) override {
    term_->assign(token.surface);
    doc_->add_posting(*term_, token.position);
    if (!token.stem.empty()) {
      term_->assign(schema::kStemPrefix);
      term_->append(token.stem);
      doc_->add_term(*term_);
    }
  }

 private:
  Xapian::Document* doc_;
  std::string* term_;
};

}  // namespace

std::string DocumentBuilder::id_term(const std::string& file_key, std::size_t ordinal) {
  return schema::kIdPrefix + file_key + ":" + std::to_string(ordinal);
}

void DocumentBuilder::add_filter_terms(const std::string& file_key, const DocumentInfo& info,
                                       Xapian::Document* doc) {
  doc->add_boolean_term(schema::kFilePrefix + file_key);
  add_boolean(schema::kCommitteePrefix, info.committee, doc);
  add_boolean(schema::kTypePrefix, info.type, doc);
  add_boolean(schema::kLanguagePrefix, info.language, doc);
  add_boolean(schema::kSymbolPrefix, info.symbol, doc);
  const std::string state = core::canonical_state(info.state);
  add_boolean(schema::kStatePrefix, state.empty() ? info.state : state, doc);
  const std::string date = schema::date_value(info.date);
  if (!date.empty()) doc->add_value(schema::kDateSlot, date);
}

void DocumentBuilder::build(const std::string& file_key, const DocumentInfo& info,
                            const std::vector<Passage>& passages,
                            std::vector<Xapian::Document>* out) {
  out->reserve(out->size() + passages.size());
  for (std::size_t ordinal = 0; ordinal < passages.size(); ++ordinal) {
    const Passage& passage = passages[ordinal];
    Xapian::Document doc;
    PostingSink sink(&doc, &term_);
    analyzer_.analyze(passage.text, info.language, sink);
    add_filter_terms(file_key, info, &doc);
    doc.add_boolean_term(id_term(file_key, ordinal));

    core::PassageRecord record;
    record.file_key = file_key;
    record.ordinal = static_cast<std::uint32_t>(ordinal);
    record.kind = static_cast<std::uint8_t>(passage.kind);
    record.label = passage.label;
    record.citation = build_citation(info, passage.kind, passage.label);
    record.section = join_section(passage.section_path);
    record.text = passage.text;
    record.parent = passage.parent;
    record.footnotes = passage.footnotes;
    doc.set_data(core::encode_passage(record));
    out->push_back(std::move(doc));
  }
}

}  // namespace treatysearch::ingest

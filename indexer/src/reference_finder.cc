#include "reference_finder.h"

#include <algorithm>
#include <array>
#include <optional>

#include "metadata_rules.h"
#include "states.h"
#include "symbols.h"
#include "text.h"

namespace treatysearch::ingest {

namespace {

using core::Reference;

bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

std::size_t skip_blanks(std::string_view text, std::size_t i) {
  for (;;) {
    if (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) {
      ++i;
    } else if (starts_with(text, i, "\u00a0")) {
      i += 2;
    } else {
      return i;
    }
  }
}

bool is_word_byte(char c) {
  return core::is_ascii_alnum(c) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The words that introduce paragraph numbers, lower case, longest first where one is the
// prefix of another. Russian "пункт" takes any ending (matched apart).
constexpr std::array<std::string_view, 16> kParagraphWords = {
    "paragraphs",  "paragraphes",  "paragraphe", "paragraph",    "p\u00e1rrafos", "p\u00e1rrafo",
    "p\u00e1rrs.", "p\u00e1rr.",   "paras.",     "paras",        "para.",         "para",
    "par.",        "\u00a7\u00a7", "\u00a7",     "\u043f\u043f."};

// The bytes a paragraph word can start with: 'p', 'r' ("recommendation"), the lead bytes of
// "§" and of "п"/"П". The scan (Finder::run) passes every other byte by.
constexpr bool is_paragraph_word_start(unsigned char byte) {
  return byte == 'p' || byte == 'r' || byte == 0xC2 || byte == 0xD0;
}
static_assert(std::all_of(kParagraphWords.begin(), kParagraphWords.end(),
                          [](std::string_view word) {
                            return is_paragraph_word_start(static_cast<unsigned char>(word[0]));
                          }),
              "a paragraph word starts with a byte the scan passes by");

// The length of a paragraph word at lower[i] (0 if none). `text` is the original, for the
// Cyrillic capital. REQUIRES: is_paragraph_word_start(lower[i]) (the scan asks only then).
std::size_t paragraph_word_at(std::string_view lower, std::size_t i, bool recommendations) {
  if (i > 0 && is_word_byte(lower[i - 1]) && !starts_with(lower, i, "\u00a7")) return 0;
  if (recommendations && !lower.substr(0, i).ends_with("general "))
    for (std::string_view word : {"recommendations ", "recommendation "})
      if (starts_with(lower, i, word)) return word.size() - 1;
  // Each paragraph word starting with "p" goes on with "ar" or "ár" ("para", "párrafo"), and
  // none but "recommendation" (above) starts with "r": "persons" and "rights" stop here.
  if (lower[i] == 'p' && !starts_with(lower, i + 1, "ar") && !starts_with(lower, i + 1, "\u00e1r"))
    return 0;
  if (lower[i] == 'r') return 0;
  for (std::string_view word : kParagraphWords)
    if (starts_with(lower, i, word)) {
      const std::size_t end = i + word.size();
      if (word.back() != '.' && word != "\u00a7" && word != "\u00a7\u00a7" && end < lower.size() &&
          is_word_byte(lower[end]))
        continue;
      return word.size();
    }
  for (std::string_view stem : {"\u043f\u0443\u043d\u043a\u0442", "\u041f\u0443\u043d\u043a\u0442"})
    if (starts_with(lower, i, stem)) {
      std::size_t end = i + stem.size();
      while (end + 1 < lower.size() && (static_cast<unsigned char>(lower[end]) == 0xD0 ||
                                        static_cast<unsigned char>(lower[end]) == 0xD1))
        end += 2;  // the ending: Cyrillic letters
      return end - i;
    }
  if (starts_with(lower, i, "\u043f.")) return 3;  // "п."
  return 0;
}

// The symbol at text[i] after optional "(" (the symbol and the offset after it), if any.
std::optional<std::pair<std::string, std::size_t>> symbol_at(std::string_view text, std::size_t i) {
  if (i < text.size() && text[i] == '(') ++i;
  const std::size_t length = core::symbols_detail::symbol_length_at(text, i, false);
  if (length == 0) return std::nullopt;
  return std::make_pair(std::string(text.substr(i, length)), i + length);
}

// What follows a label list says the labels are of a treaty, a law or a resolution.
bool names_a_provision(std::string_view after) {
  for (std::string_view word : {"article",
                                "art.",
                                "arts.",
                                "the convention",
                                "the covenant",
                                "the optional protocol",
                                "the protocol",
                                "resolution",
                                "general assembly",
                                "security council",
                                "the general assembly",
                                "the principles",
                                "the paris principles",
                                "rule",
                                "the rules",
                                "the law",
                                "the code",
                                "the act",
                                "the constitution",
                                "l'article",
                                "la convention",
                                "le pacte",
                                "del art",
                                "la convenci",
                                "el pacto",
                                "\u0441\u0442\u0430\u0442\u044c"})
    if (starts_with(after, 0, word)) return true;
  return false;
}

bool is_state_report_symbol(std::string_view symbol) {
  // <committee>/C/<ISO3>/<n> or <n-m>: a periodic report, not CO, LOI, FCO, Q, RQ, D, ...
  std::size_t slashes = static_cast<std::size_t>(std::count(symbol.begin(), symbol.end(), '/'));
  if (slashes != 3) return false;
  const std::size_t last = symbol.rfind('/');
  return last + 1 < symbol.size() && core::is_ascii_digit(symbol[last + 1]) &&
         symbol.find("/C/") != std::string_view::npos;
}

// What the text calls a document it does not identify: from `at` to the first bracket,
// comma, semicolon or full stop, or the end of its sixth word ("Report by the Independent
// Expert", "Annex to the Report").
std::string document_words(std::string_view text, std::size_t at) {
  std::size_t end = at, words = 0;
  while (end < text.size() && end - at < 80) {
    const char c = text[end];
    if (c == '(' || c == ')' || c == ',' || c == ';' ||
        (c == '.' && end + 1 < text.size() && text[end + 1] == ' '))
      break;
    if (c == ' ' && ++words == 6) break;
    ++end;
  }
  return std::string(core::trim(text.substr(at, end - at)));
}

class Finder {
 public:
  Finder(std::string_view text, const ReferenceContext& context)
      : text_(text), lower_(core::ascii_lowercase(text)), context_(context) {}

  std::vector<Reference> run() {
    std::vector<std::pair<std::size_t, std::size_t>> claimed;  // symbol spans used by labels
    for (std::size_t i = 0; i < text_.size();) {
      // Most bytes cannot start a paragraph word: rejected here, without a call.
      if (!is_paragraph_word_start(static_cast<unsigned char>(lower_[i]))) {
        ++i;
        continue;
      }
      const std::size_t word = paragraph_word_at(lower_, i, context_.follows_up);
      if (word == 0) {
        ++i;
        continue;
      }
      std::size_t end = 0;
      const std::size_t labels_at = skip_blanks(text_, i + word);
      const auto labels = core::read_label_list(text_, labels_at, &end);
      if (labels.empty()) {
        i += word;
        continue;
      }
      const std::string_view keyword = std::string_view(lower_).substr(i, word);
      const bool abbreviated = keyword.back() == '.' || starts_with(keyword, 0, "\u00a7");
      if (auto target = resolve(i, end, abbreviated, &claimed))
        for (const auto& label : labels) {
          Reference reference = *target;
          reference.label = label;
          add(std::move(reference));
        }
      i = end;
    }
    // Documents named without a paragraph.
    core::find_symbols(text_, [&](std::size_t begin, std::size_t end) {
      for (const auto& [b, e] : claimed)
        if (b == begin && e == end) return;
      const std::string symbol(text_.substr(begin, end - begin));
      if (core::symbol_key(symbol) == core::symbol_key(context_.own_symbol)) return;
      Reference reference;
      reference.symbol = symbol;
      add(std::move(reference));
    });
    return std::move(found_);
  }

 private:
  void add(Reference reference) {
    if (std::find(found_.begin(), found_.end(), reference) == found_.end())
      found_.push_back(std::move(reference));
  }

  // A paragraph number with nothing saying whose.
  Reference bare() const {
    if (context_.follows_up && !context_.concluding_observations.empty())
      return from_context(context_.concluding_observations, "concluding observations");
    if (context_.bare_labels_are_own) return own();
    return Reference{};  // the paragraph is known, its document is not
  }

  Reference own() const {
    Reference r;
    r.symbol = context_.own_symbol;
    r.inferred = true;
    if (r.symbol.empty()) r.document = "this document";
    return r;
  }

  Reference from_context(const std::string& symbol, std::string_view document) const {
    Reference r;
    r.symbol = symbol;
    r.inferred = !symbol.empty();
    if (symbol.empty()) r.document = std::string(document);
    return r;
  }

  // The document the labels between [word, end) cite, or nothing when they are a treaty's.
  // `abbreviated`: the word was "para.", "párr.", "§" (citation style: "X, para. 4").
  std::optional<Reference> resolve(std::size_t word, std::size_t end, bool abbreviated,
                                   std::vector<std::pair<std::size_t, std::size_t>>* claimed) {
    // Before: "CCPR/C/KAZ/CO/2, §37-38"; "article 1, paragraph 1"; "The Report (paragraphs".
    const std::size_t from = word > 80 ? word - 80 : 0;
    std::string_view before = std::string_view(lower_).substr(from, word - from);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const bool after_comma = !before.empty() && before.back() == ',';
    while (!before.empty() && (before.back() == ' ' || before.back() == ','))
      before.remove_suffix(1);
    std::optional<std::pair<std::size_t, std::size_t>> symbol_before;
    core::find_symbols(text_.substr(from, word - from), [&](std::size_t b, std::size_t e) {
      if (from + e == from + before.size()) symbol_before = {from + b, from + e};
    });
    if (symbol_before) {
      claimed->push_back(*symbol_before);
      Reference r;
      r.symbol = std::string(
          text_.substr(symbol_before->first, symbol_before->second - symbol_before->first));
      return r;
    }
    if (mentions_article(before)) return std::nullopt;
    // "Ibid., para. 17"; "General Assembly resolution 70/1, para. 4"; "(Report of the Special
    // Rapporteur ..., 2018, párr. 117)": in citation style the document is what the comma
    // follows (in prose, "paragraph 8, on ..., paragraph 38" lists this document's).
    if (after_comma && abbreviated) {
      for (std::string_view same :
           {"ibid.", "ibid", "idem", "ib\u00eddem", "\u0442\u0430\u043c \u0436\u0435"})
        if (before.ends_with(same)) return from_context(context_.previous_symbol, "ibid.");
      if (ends_with_provision(before)) return std::nullopt;
      return from_context("", cited_words(from + before.size()));
    }

    // After: "of the Concluding Observations (CERD/C/KAZ/CO/8-10)", "(CERD/C/...)", "above".
    const std::size_t at = skip_blanks(lower_, end);
    std::string_view after = std::string_view(lower_).substr(at, 120);
    if (auto symbol = symbol_at(text_, at)) {
      claimed->push_back({symbol->second - symbol->first.size(), symbol->second});
      Reference r;
      r.symbol = symbol->first;
      return r;
    }
    for (std::string_view word_after :
         {"above", "below", "supra", "infra", "ci-dessus", "ci-dessous", "ci-apr\u00e8s",
          "m\u00e1s arriba", "\u0432\u044b\u0448\u0435", "\u043d\u0438\u0436\u0435"})
      if (starts_with(after, 0, word_after)) return own();
    std::size_t noun = 0;
    for (std::string_view link :
         {"of the ", "of its ", "of their ", "of ", "in the ", "in its ", "de l'", "des ", "du ",
          "de la ", "de las ", "de los ", "del ", "de "})
      if (starts_with(after, 0, link)) {
        noun = link.size();
        break;
      }
    if (noun > 0) {
      for (std::string_view noun_word :
           {"document ", "documento ", "\u0434\u043e\u043a\u0443\u043c\u0435\u043d\u0442\u0430 "})
        if (starts_with(after, noun, noun_word)) noun += noun_word.size();
      if (auto symbol = symbol_at(text_, at + noun)) {
        claimed->push_back({symbol->second - symbol->first.size(), symbol->second});
        Reference r;
        r.symbol = symbol->first;
        return r;
      }
      return named_document(at + noun, claimed);
    }
    if (names_a_provision(after)) return std::nullopt;  // "paragraph 5 Article 14 of the Law"
    // Russian puts the document in the genitive, with no word for "of".
    if (starts_with(after, 0, "\u0437\u0430\u043a\u043b\u044e\u0447") ||
        starts_with(after, 0, "\u0434\u043e\u043a\u043b\u0430\u0434"))
      return named_document(at, claimed);
    if (before.ends_with("report (") || before.ends_with("rapport (") ||
        before.ends_with("informe ("))
      return from_context(context_.report, "report");
    if (before.ends_with("observations (") || before.ends_with("observaciones finales ("))
      return from_context(context_.concluding_observations, "concluding observations");
    return bare();
  }

  // "... General Assembly resolution 70/1", "... decision 2/3": a resolution's paragraph.
  static bool ends_with_provision(std::string_view before) {
    const std::size_t space = before.rfind(' ');
    const std::string_view number = before.substr(space == std::string_view::npos ? 0 : space + 1);
    if (number.find('/') == std::string_view::npos) return false;
    const std::string_view rest = before.substr(0, space == std::string_view::npos ? 0 : space);
    return rest.ends_with("resolution") || rest.ends_with("decision") ||
           rest.ends_with("r\u00e9solution") || rest.ends_with("resoluci\u00f3n");
  }

  // The words before a citation's comma, back to its bracket or sentence start: what the
  // document is called ("Report of the Special Rapporteur ..., 2018").
  std::string cited_words(std::size_t comma) const {
    const std::size_t limit = comma > 200 ? comma - 200 : 0;
    std::size_t begin = comma;
    while (begin > limit && text_[begin - 1] != '(' && text_[begin - 1] != ';' &&
           !(text_[begin - 1] == ' ' && begin >= 2 && text_[begin - 2] == '.'))
      --begin;
    if (begin == limit && limit > 0)  // start at a whole word
      begin = std::min(comma, text_.find(' ', begin));
    return std::string(core::trim(text_.substr(begin, comma - begin)));
  }

  static bool mentions_article(std::string_view before) {
    // "article 1, paragraph", "art. 5 (f), para.", "arts. 2, para. 1 (d)": the article's
    // number (with its lettered parts) right before the paragraph word, not "(art. 5 (f)).
    // (Para. 12)", where a sentence ends between them.
    std::size_t i = before.size();
    const auto skip_spaces_back = [&] {
      while (i > 0 && before[i - 1] == ' ') --i;
    };
    for (;;) {  // lettered parts: "(f)", "(ii)"
      skip_spaces_back();
      if (i == 0 || before[i - 1] != ')') break;
      const std::size_t open = before.rfind('(', i - 1);
      if (open == std::string_view::npos || i - open > 6) return false;
      for (std::size_t k = open + 1; k + 1 < i; ++k)
        if (!core::is_ascii_lower(before[k])) return false;
      i = open;
    }
    const std::size_t number_end = i;
    while (i > 0 && (core::is_ascii_digit(before[i - 1]) ||
                     (before[i - 1] == '.' && i < number_end && core::is_ascii_digit(before[i]))))
      --i;
    if (i == number_end) return false;  // no article number
    skip_spaces_back();
    const std::string_view rest = before.substr(0, i);
    for (std::string_view word :
         {"article", "art.", "arts.", "art\u00edculo", "art\u00edculos",
          "\u0441\u0442\u0430\u0442\u044c\u0438", "\u0441\u0442\u0430\u0442\u044c\u044f",
          "\u0441\u0442\u0430\u0442\u0435\u0439"})
      if (rest.ends_with(word)) return true;
    return false;
  }

  // The document named at lower_[at] after "of the": concluding observations, the Report, ...
  std::optional<Reference> named_document(
      std::size_t at, std::vector<std::pair<std::size_t, std::size_t>>* claimed) {
    const std::string_view after = std::string_view(lower_).substr(at, 120);
    if (names_a_provision(after)) return std::nullopt;
    const auto explicit_symbol_within = [&](std::size_t span) -> std::optional<Reference> {
      const std::size_t open = lower_.find('(', at);
      if (open == std::string::npos || open > at + span) return std::nullopt;
      auto symbol = symbol_at(text_, open);
      if (!symbol) return std::nullopt;
      claimed->push_back({symbol->second - symbol->first.size(), symbol->second});
      Reference r;
      r.symbol = symbol->first;
      return r;
    };
    for (std::string_view own_word : {"present ", "these ", "this ", "pr\u00e9sent", "presente",
                                      "\u043d\u0430\u0441\u0442\u043e\u044f\u0449"})
      if (starts_with(after, 0, own_word)) return own();
    for (std::string_view co :
         {"concluding observations", "previous concluding observations", "observations finales",
          "observaciones finales",
          "\u0437\u0430\u043a\u043b\u044e\u0447\u0438\u0442\u0435\u043b\u044c\u043d"})
      if (starts_with(after, 0, co)) {
        if (auto r = explicit_symbol_within(co.size() + 40)) return r;
        if (starts_with(after, 0, "previous"))
          return from_context("", "previous concluding observations");
        return from_context(context_.concluding_observations, "concluding observations");
      }
    for (std::string_view report :
         {"report", "rapport", "informe", "\u0434\u043e\u043a\u043b\u0430\u0434"})
      if (starts_with(after, 0, report)) {
        if (auto r = explicit_symbol_within(report.size() + 40)) return r;
        std::string_view rest = after.substr(report.size());
        while (!rest.empty() && rest.front() != ' ' && rest.front() != ',' && rest.front() != ')')
          rest.remove_prefix(1);  // the rest of a Russian ending
        for (std::string_view other :
             {" by", " of the special", " of the independent", " of the working",
              " of the secretary", " of the high", " on ", " to the general", " to the human"})
          if (starts_with(rest, 0, other)) {
            return from_context("", document_words(text_, at));
          }
        return from_context(context_.report, "report");
      }
    for (std::string_view other :
         {"annex", "anexo", "general comment", "general recommendation", "views", "decision"})
      if (starts_with(after, 0, other)) {
        // "the Annex to the Report contain ..." -> "Annex to the Report"
        std::string words = document_words(text_, at);
        const std::size_t report = core::ascii_lowercase(words).find("report");
        if (report != std::string::npos) words.resize(report + 6);
        return from_context("", words);
      }
    return bare();
  }

  std::string_view text_;
  std::string lower_;
  const ReferenceContext& context_;
  std::vector<Reference> found_;
};

}  // namespace

ReferenceContext reference_context(const DocumentInfo& info, const std::vector<Passage>& passages) {
  ReferenceContext context;
  context.own_symbol = info.symbol;
  const std::string& type = info.type;
  context.bare_labels_are_own = !info.symbol.empty() && type != doctype::kFollowUpLetter &&
                                type != doctype::kNgoCommentary && type != doctype::kOther &&
                                !type.empty();
  const std::string own_key = core::symbol_key(info.symbol);
  for (std::size_t n = 0; n < passages.size() && n < kContextPassages; ++n)
    core::find_symbols(passages[n].text, [&](std::size_t begin, std::size_t end) {
      const std::string symbol = passages[n].text.substr(begin, end - begin);
      if (core::symbol_key(symbol) == own_key) return;
      if (context.concluding_observations.empty() && symbol.find("/CO/") != std::string::npos)
        context.concluding_observations = symbol;
      if (context.report.empty() && is_state_report_symbol(symbol)) context.report = symbol;
    });
  if (type == doctype::kStateReport && context.report.empty()) context.report = info.symbol;
  context.follows_up = type == doctype::kFollowUpLetter || type == doctype::kFollowUpInformation;
  if (type == doctype::kFollowUpInformation) {
    context.bare_labels_are_own = false;
    const std::size_t fco = info.symbol.find("/FCO/");
    if (context.concluding_observations.empty() && fco != std::string::npos)
      context.concluding_observations =
          info.symbol.substr(0, fco) + "/CO/" + info.symbol.substr(fco + 5);
  }
  return context;
}

std::vector<core::Reference> find_references(std::string_view text,
                                             const ReferenceContext& context) {
  return Finder(text, context).run();
}

namespace {

// "fourth" -> 4, "initial" -> 1; -1 for other words.
int ordinal_word(std::string_view word) {
  if (word == "initial") return 1;
  return metadata_detail::read_ordinal_words(word, metadata_detail::Language::kEnglish);
}

// The reports a heading names: "initial to third periodic reports" -> "1-3", "fourth and fifth
// periodic reports" -> "4-5", "fifth periodic report" -> "5"; empty when it names none.
std::string reports_named(std::string_view lower) {
  const std::size_t periodic = lower.find(" periodic report");
  if (periodic == std::string_view::npos) return {};
  std::vector<std::string_view> words;
  std::size_t end = periodic;
  while (words.size() < 3 && end > 0) {
    std::size_t begin = lower.rfind(' ', end - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    words.insert(words.begin(), lower.substr(begin, end - begin));
    if (begin == 0) break;
    end = begin - 1;
  }
  // "<first> to|and <last>" or "<only>"
  if (words.size() == 3 && (words[1] == "to" || words[1] == "and")) {
    const int first = ordinal_word(words[0]), last = ordinal_word(words[2]);
    if (first > 0 && last > first) return std::to_string(first) + "-" + std::to_string(last);
  }
  const int only = ordinal_word(words.back());
  return only > 0 ? std::to_string(only) : std::string();
}

// The year in parentheses at the end of a heading ("... (2010)"), or 0.
int year_in_brackets(std::string_view text) {
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos || open + 6 > text.size() || text[open + 5] != ')') return 0;
  int year = 0;
  for (std::size_t i = open + 1; i < open + 5; ++i) {
    if (!core::is_ascii_digit(text[i])) return 0;
    year = year * 10 + (text[i] - '0');
  }
  return year;
}

}  // namespace

std::optional<core::Reference> column_reference(std::string_view heading,
                                                const DocumentInfo& info) {
  const std::string lower = core::ascii_lowercase(heading);
  const std::string reports = reports_named(lower);
  if (reports.empty()) return std::nullopt;
  const int year = year_in_brackets(heading);
  const std::string_view code = core::state_code_for_name(info.state);
  core::Reference reference;
  if (year >= kFirstCountryCodeYear && !info.committee.empty() && !code.empty()) {
    reference.symbol = info.committee + "/C/" + std::string(code) + "/CO/" + reports;
    reference.inferred = true;
    return reference;
  }
  const std::size_t periodic = lower.find(" periodic report");
  const std::size_t of = lower.rfind(" of the ", periodic);
  reference.document =
      "concluding observations on the " +
      std::string(core::trim(heading.substr(of == std::string::npos ? 0 : of + 8)));
  return reference;
}

std::string find_grade(std::string_view text) {
  const std::string lower = core::ascii_lowercase(text);
  bool assessing = false;
  for (std::string_view verb : {"consider", "assess", "evaluat", "grade", "rating", "estime",
                                "\u00e9value", "considera", "eval\u00faa", "calific"})
    assessing = assessing || lower.find(verb) != std::string::npos;
  if (!assessing) return {};
  // Longest first where one contains another; stems (French and Spanish agree in gender) take
  // any ending, whole words none.
  struct Grade {
    std::string_view words;
    bool stem;
  };
  for (const Grade& grade :
       {Grade{"largely satisfactory", false}, Grade{"partially satisfactory", false},
        Grade{"not satisfactory", false}, Grade{"unsatisfactory", false},
        Grade{"satisfactory", false}, Grade{"insufficient action", false},
        Grade{"insufficient", false}, Grade{"no response", false}, Grade{"no reply", false},
        Grade{"no action", false}, Grade{"measures taken contrary", false},
        Grade{"partiellement satisfaisant", true}, Grade{"satisfaisant", true},
        Grade{"insuffisant", true}, Grade{"parcialmente satisfactori", true},
        Grade{"satisfactori", true}, Grade{"insuficiente", false}}) {
    for (std::size_t at = lower.find(grade.words); at != std::string::npos;
         at = lower.find(grade.words, at + 1)) {
      const std::size_t end = at + grade.words.size();
      const bool word_start = at == 0 || !core::is_ascii_alpha(lower[at - 1]);
      const bool word_end = end >= lower.size() || !core::is_ascii_alpha(lower[end]);
      if (word_start && (word_end || grade.stem)) return std::string(grade.words);
    }
  }
  for (std::string_view mark : {"assessment: ", "grade: ", "grade ", "assessment "}) {
    const std::size_t at = lower.find(mark);
    if (at == std::string::npos) continue;
    const std::size_t g = at + mark.size();
    if (g < text.size() && text[g] >= 'A' && text[g] <= 'E' &&
        (g + 1 == text.size() || !core::is_ascii_alpha(text[g + 1]))) {
      std::size_t e = g + 1;
      if (e < text.size() && (text[e] == '1' || text[e] == '2')) ++e;
      return std::string(text.substr(g, e - g));
    }
  }
  return {};
}

}  // namespace treatysearch::ingest

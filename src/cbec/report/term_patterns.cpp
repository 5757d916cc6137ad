#include "cbec/report/term_patterns.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cbec/core/error.hpp"

namespace cbec {

std::vector<TermPattern> compile_patterns(const std::vector<std::string>& patterns, const char* option, const std::vector<std::string>& terms) {
  std::vector<TermPattern> out;
  for (const auto& p : patterns) {
    try {
      out.push_back({p, std::regex(p, std::regex::ECMAScript)});
    } catch (const std::regex_error&) {
      if (std::find(terms.begin(), terms.end(), p) == terms.end())
        throw SpecError(fmt::format("{}: '{}' is neither a term of the models nor a regular expression (escape ( ) [ ] with \\)", option, p));
      out.push_back({p, std::regex("$^")});
    }
  }
  return out;
}

bool any_match(const std::vector<TermPattern>& patterns, const std::string& term) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const TermPattern& p) { return p.matches(term); });
}

std::vector<std::string> shown_terms(const std::vector<std::string>& all, const TermSelection& s) {
  std::vector<std::string> terms;
  if (s.keep.empty()) terms = all;
  for (const auto& p : compile_patterns(s.keep, "keep", all)) {
    bool found = false;
    for (const auto& term : all)
      if (p.matches(term)) {
        found = true;
        if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
      }
    if (!found && std::find(terms.begin(), terms.end(), p.text) == terms.end()) terms.push_back(p.text);   // an empty row, as asked
  }
  const auto drop = compile_patterns(s.drop, "drop", all);
  std::vector<TermPattern> hidden;
  for (const auto& [label, patterns] : s.indicate)
    for (auto& p : compile_patterns(patterns, "indicate", all)) hidden.push_back(std::move(p));
  terms.erase(std::remove_if(terms.begin(), terms.end(), [&](const std::string& t) { return any_match(drop, t) || any_match(hidden, t); }), terms.end());
  std::vector<std::string> ordered;
  for (const auto& p : compile_patterns(s.order, "order", all))
    for (const auto& term : terms)
      if (p.matches(term) && std::find(ordered.begin(), ordered.end(), term) == ordered.end()) ordered.push_back(term);
  for (const auto& term : terms)
    if (std::find(ordered.begin(), ordered.end(), term) == ordered.end()) ordered.push_back(term);
  return ordered;
}

}  // namespace cbec

// Which terms a table of estimates shows, and in what order (regression_table.hpp,
// estimates_table.hpp). CONVENTION for term patterns (keep, drop, order, indicate): a pattern equal
// to a term's name matches that term only; any other pattern is a regular expression (ECMAScript)
// matched anywhere in the name, as fixest's etable: "^year" matches year dummies, "log\\(" every log term.
#pragma once
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace cbec {

// A term pattern compiled once.
struct TermPattern {
  std::string text;
  std::regex re;
  bool matches(const std::string& term) const { return term == text || std::regex_search(term, re); }
};

// The patterns of an option; a pattern that is no regular expression may still name a term exactly
// ("l(x"), otherwise a SpecError names the option.
std::vector<TermPattern> compile_patterns(const std::vector<std::string>& patterns, const char* option, const std::vector<std::string>& terms);
bool any_match(const std::vector<TermPattern>& patterns, const std::string& term);

struct TermSelection {
  std::vector<std::string> keep, drop, order;
  std::vector<std::pair<std::string, std::vector<std::string>>> indicate;   // label -> patterns (hidden terms)
};

// The terms shown, in order: `all` (the terms in order of first appearance), or those `keep`
// matches in its order (a pattern matching nothing gives an empty row of its name); less `drop` and
// `indicate`; `order` first.
std::vector<std::string> shown_terms(const std::vector<std::string>& all, const TermSelection& s);

}  // namespace cbec

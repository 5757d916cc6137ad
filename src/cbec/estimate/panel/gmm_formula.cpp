#include "cbec/estimate/panel/gmm_formula.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <climits>

#include "cbec/core/error.hpp"
#include "cbec/formula/ast.hpp"

namespace cbec {

int GmmFormula::max_regressor_lag() const {
  int m = 0;
  for (const auto& t : regressors) m = std::max(m, t.lag);
  return m;
}

int GmmFormula::min_gmm_lag() const {
  int m = INT_MAX;
  for (const auto& g : gmm) m = std::min(m, g.min_lag);
  return m;
}

namespace {

// A piece of the formula text with its offset, for messages pointing into the whole formula.
struct Piece {
  std::string text;
  size_t pos = 0;
};

Piece trimmed(const std::string& s, size_t begin, size_t end) {
  while (begin < end && std::isspace(static_cast<unsigned char>(s[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
  return {s.substr(begin, end - begin), begin};
}

// Splits s[begin, end) at `sep` outside parentheses and back-quotes.
std::vector<Piece> split_top(const std::string& s, size_t begin, size_t end, char sep) {
  std::vector<Piece> out;
  int depth = 0;
  bool quoted = false;
  size_t start = begin;
  for (size_t i = begin; i < end; ++i) {
    const char c = s[i];
    if (c == '`') quoted = !quoted;
    if (quoted) continue;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) throw FormulaError(formula_error_message(s, i, "this ')' has no matching '('"));
    if (c == sep && depth == 0) {
      out.push_back(trimmed(s, start, i));
      start = i + 1;
    }
  }
  if (depth > 0) throw FormulaError(formula_error_message(s, end, "a '(' is never closed"));
  out.push_back(trimmed(s, start, end));
  return out;
}

// The canonical text of an expression (as cbec names terms), checked by the formula parser.
std::string canonical(const std::string& formula, const Piece& p) {
  if (p.text.empty()) throw FormulaError(formula_error_message(formula, p.pos, "a term is expected here"));
  try {
    return expression_text(p.text);
  } catch (const FormulaError&) {
    throw FormulaError(formula_error_message(formula, p.pos, fmt::format("'{}' is not an expression", p.text)));
  }
}

int whole_number(const std::string& formula, const Piece& p) {
  size_t used = 0;
  int v = 0;
  try {
    v = std::stoi(p.text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != p.text.size() || v < 0)
    throw FormulaError(formula_error_message(formula, p.pos, "a lag is a whole number >= 0"));
  return v;
}

// A term `l(x, a:b)` / `lag(x, a:b)` / `l(x, k)`: the expression x and the lag range; or nullopt-like
// (ok = false) for any other term.
struct LagRange {
  bool ok = false;
  Piece variable;
  int from = 0, to = 0;
};

LagRange lag_range(const std::string& formula, const Piece& term) {
  LagRange r;
  const std::string& t = term.text;
  const size_t open = t.find('(');
  if (open == std::string::npos || t.back() != ')') return r;
  size_t name_end = open;
  while (name_end > 0 && std::isspace(static_cast<unsigned char>(t[name_end - 1]))) --name_end;
  const bool is_l = name_end == 1 && t[0] == 'l', is_lag = name_end == 3 && t.compare(0, 3, "lag") == 0;
  if (!is_l && !is_lag) return r;
  const char* fn = is_l ? "l" : "lag";
  // the call must span the whole term: its '(' closes at the end
  int depth = 0;
  for (size_t i = open; i < t.size(); ++i) {
    if (t[i] == '(') ++depth;
    if (t[i] == ')' && --depth == 0 && i + 1 != t.size()) return r;
  }
  auto args = split_top(formula, term.pos + open + 1, term.pos + t.size() - 1, ',');
  if (args.size() != 2)
    throw FormulaError(formula_error_message(formula, term.pos, fmt::format("{}() takes a variable and lags, e.g. l(x, 1) or l(x, 2:99)", fn)));
  r.ok = true;
  r.variable = args[0];
  auto ends = split_top(formula, args[1].pos, args[1].pos + args[1].text.size(), ':');
  if (ends.size() > 2) throw FormulaError(formula_error_message(formula, args[1].pos, "a lag range is from:to, e.g. 2:99"));
  r.from = whole_number(formula, ends[0]);
  r.to = ends.size() == 2 ? whole_number(formula, ends[1]) : r.from;
  if (r.to < r.from) throw FormulaError(formula_error_message(formula, args[1].pos, "the lag range must not decrease"));
  return r;
}

// The terms of a sum, lag ranges expanded.
std::vector<GmmTerm> expand_terms(const std::string& formula, size_t begin, size_t end) {
  std::vector<GmmTerm> out;
  for (const Piece& p : split_top(formula, begin, end, '+')) {
    const LagRange r = lag_range(formula, p);
    if (!r.ok) {
      const std::string c = canonical(formula, p);
      out.push_back({c, c, 0});
      continue;
    }
    const std::string v = canonical(formula, r.variable);
    for (int k = r.from; k <= r.to; ++k) out.push_back({k == 0 ? v : fmt::format("l({}, {})", v, k), v, k});
  }
  return out;
}

}  // namespace

GmmFormula parse_gmm_formula(const std::string& text) {
  GmmFormula f;
  f.text = text;
  auto parts = split_top(text, 0, text.size(), '|');
  if (parts.size() < 2 || parts.size() > 3)
    throw FormulaError(formula_error_message(text, parts.size() > 3 ? parts[3].pos : text.size(),
                                             "a GMM formula has two or three parts: y ~ regressors | l(y, 2:99) [| iv instruments]"));
  auto sides = split_top(text, parts[0].pos, parts[0].pos + parts[0].text.size(), '~');
  if (sides.size() != 2) throw FormulaError(formula_error_message(text, parts[0].pos, "the first part is y ~ regressors"));
  f.depvar = canonical(text, sides[0]);
  f.regressors = expand_terms(text, sides[1].pos, sides[1].pos + sides[1].text.size());
  for (const Piece& p : split_top(text, parts[1].pos, parts[1].pos + parts[1].text.size(), '+')) {
    const LagRange r = lag_range(text, p);
    if (!r.ok) throw FormulaError(formula_error_message(text, p.pos, "GMM-style instruments are written l(x, from:to), e.g. l(y, 2:99)"));
    f.gmm.push_back({canonical(text, r.variable), r.from, r.to});
  }
  if (parts.size() == 3) {
    f.iv_given = true;
    f.iv = expand_terms(text, parts[2].pos, parts[2].pos + parts[2].text.size());
  } else {
    for (const auto& t : f.regressors)
      if (std::none_of(f.gmm.begin(), f.gmm.end(), [&](const GmmInstrument& g) { return g.variable == t.variable; })) f.iv.push_back(t);
  }
  return f;
}

}  // namespace cbec

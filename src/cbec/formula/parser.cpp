// Recursive-descent parser for fixest-style formulas (see ast.hpp for the grammar by example).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "cbec/core/error.hpp"
#include "cbec/core/text_position.hpp"
#include "cbec/formula/ast.hpp"

namespace cbec {

std::string formula_error_message(const std::string& text, size_t pos, const std::string& what) {
  return fmt::format("formula error at position {}: {}\n  {}\n  {}^", character_position(text, pos), what, text, caret_padding(text, pos));
}

namespace {

std::string number_text(double v) { return fmt::format("{:g}", v); }

class Parser {
 public:
  Parser(const std::string& text, size_t begin, size_t end) : s_(text), i_(begin), end_(end) {}

  [[noreturn]] void fail(size_t pos, const std::string& what) const {
    throw FormulaError(formula_error_message(s_, pos, what));
  }
  void skip() {
    while (i_ < end_ && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool at_end() {
    skip();
    return i_ >= end_;
  }
  char peek() {
    skip();
    return i_ < end_ ? s_[i_] : '\0';
  }
  size_t pos() {
    skip();
    return i_;
  }
  void expect(char c) {
    if (peek() != c) fail(pos(), at_end() ? fmt::format("expected '{}' but the formula ends", c)
                                          : fmt::format("expected '{}' here", c));
    ++i_;
  }
  static bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.' || (c & 0x80); }
  static bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

  std::string identifier() {
    skip();
    size_t start = i_;
    if (i_ < end_ && s_[i_] == '`') {  // `name with spaces`
      size_t close = s_.find('`', i_ + 1);
      if (close == std::string::npos || close >= end_) fail(i_, "unclosed back-quoted name");
      i_ = close + 1;
      return s_.substr(start + 1, close - start - 1);
    }
    while (i_ < end_ && ident_char(s_[i_])) ++i_;
    if (i_ == start) fail(start, "expected a variable name");
    return s_.substr(start, i_ - start);
  }

  // Arithmetic expression (inside function calls and I()).
  Expr expr() {
    Expr left = product();
    while (peek() == '+' || peek() == '-') {
      Expr node;
      node.kind = Expr::Kind::Binary;
      node.pos = pos();
      node.op = s_[i_++];
      node.args = {std::move(left), product()};
      left = std::move(node);
    }
    return left;
  }
  Expr product() {
    Expr left = power();
    while (peek() == '*' || peek() == '/') {
      Expr node;
      node.kind = Expr::Kind::Binary;
      node.pos = pos();
      node.op = s_[i_++];
      node.args = {std::move(left), power()};
      left = std::move(node);
    }
    return left;
  }
  Expr power() {
    Expr base = unary();
    if (peek() == '^') {
      Expr node;
      node.kind = Expr::Kind::Binary;
      node.pos = pos();
      node.op = s_[i_++];
      node.args = {std::move(base), power()};
      return node;
    }
    return base;
  }
  // Nesting (parentheses, calls, signs) is bounded so that a hostile formula cannot exhaust the stack.
  static constexpr int kMaxDepth = 200;
  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxDepth) p.fail(p.pos(), fmt::format("the formula nests more than {} levels deep; simplify it", kMaxDepth));
    }
    ~DepthGuard() { --p.depth_; }
  };
  Expr unary() {
    DepthGuard guard(*this);
    if (peek() == '-') {
      Expr node;
      node.kind = Expr::Kind::Unary;
      node.pos = pos();
      node.op = s_[i_++];
      node.args = {unary()};
      return node;
    }
    return atom();
  }
  Expr atom() {
    const size_t p = pos();
    if (at_end()) fail(p, "the formula ends where a term is expected");
    char c = s_[i_];
    if (c == '(') {
      ++i_;
      Expr inner = expr();
      expect(')');
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && i_ + 1 < end_ && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      char* stop = nullptr;
      Expr node;
      node.kind = Expr::Kind::Num;
      node.pos = p;
      node.number = std::strtod(s_.c_str() + i_, &stop);
      i_ = static_cast<size_t>(stop - s_.c_str());
      return node;
    }
    if (c == '"' || c == '\'') {  // a quoted text, e.g. a level: i(region, ref = "East")
      const size_t close = s_.find(c, i_ + 1);
      if (close == std::string::npos || close >= end_) fail(p, "a quoted text is never closed");
      Expr node;
      node.kind = Expr::Kind::Text;
      node.pos = p;
      node.name = s_.substr(i_ + 1, close - i_ - 1);
      i_ = close + 1;
      return node;
    }
    if (!ident_start(c) && c != '`') fail(p, fmt::format("unexpected '{}'", c));
    Expr node;
    node.pos = p;
    node.name = identifier();
    if (peek() == '(') {
      node.kind = Expr::Kind::Call;
      ++i_;
      if (peek() != ')') {
        while (true) {
          // named argument: name = value
          size_t save = i_;
          std::string arg_name;
          skip();
          if (i_ < end_ && ident_start(s_[i_])) {
            std::string id = identifier();
            if (peek() == '=' && (i_ + 1 >= end_ || s_[i_ + 1] != '=')) {
              ++i_;
              arg_name = id;
            } else {
              i_ = save;
            }
          }
          node.args.push_back(expr());
          node.arg_names.push_back(arg_name);
          if (peek() == ':' && is_shift(node.name) && node.args.size() == 2 && arg_name.empty()) {
            Expr range;  // l(x, from:to): expanded into one term per period by expand_ranges
            range.kind = Expr::Kind::Binary;
            range.pos = node.args.back().pos;
            range.op = s_[i_++];
            range.args = {std::move(node.args.back()), expr()};
            node.args.back() = std::move(range);
          }
          if (peek() == ',') { ++i_; continue; }
          break;
        }
      }
      expect(')');
    }
    return node;
  }

  // A term: factors joined by ':' or '*'. Returns one or more terms ('*' expands).
  std::vector<Term> term() {
    const size_t p = pos();
    std::vector<std::vector<Expr>> groups{{unary()}};
    std::vector<char> ops;
    while (peek() == ':' || peek() == '*') {
      ops.push_back(s_[i_++]);
      groups.push_back({unary()});
    }
    // a*b  -> a + b + a:b ; a:b -> a:b ; a*b:c -> a + b:c + a:b:c
    std::vector<std::vector<Expr>> blocks{{groups[0][0]}};
    for (size_t k = 0; k < ops.size(); ++k) {
      if (ops[k] == ':') blocks.back().push_back(groups[k + 1][0]);
      else blocks.push_back({groups[k + 1][0]});
    }
    // Crossing expands to 2^nb - 1 terms: bounded so that no formula explodes (or overflows the mask).
    constexpr size_t kMaxCrossed = 10;
    const size_t nb = blocks.size();
    if (nb > kMaxCrossed)
      fail(p, fmt::format("{} factors crossed with '*' would expand to 2^{} - 1 terms; cross at most {} and write other interactions with ':'",
                          nb, nb, kMaxCrossed));
    std::vector<Term> out;
    for (size_t mask = 1; mask < (size_t{1} << nb); ++mask) {
      Term t;
      for (size_t b = 0; b < nb; ++b)
        if (mask & (size_t{1} << b)) t.factors.insert(t.factors.end(), blocks[b].begin(), blocks[b].end());
      out.push_back(std::move(t));
    }
    std::stable_sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return a.factors.size() < b.factors.size(); });
    return expand_ranges(std::move(out));
  }

  // A term with a factor l(x, from:to), f(x, from:to) or d(x, from:to) becomes one term per period,
  // in order, as fixest's formula expansion (expand_lags_internal, l__expand): period 0 is x itself, a
  // negative lag a lead and a negative lead a lag; a term with two such factors takes every pair,
  // the first factor's periods the outer loop.
  std::vector<Term> expand_ranges(std::vector<Term> terms) const {
    static constexpr long kMaxPeriods = 1000;
    std::vector<Term> out;
    for (Term& t : terms) {
      std::vector<Term> expanded{Term{}};
      for (const Expr& factor : t.factors) {
        refuse_nested_range(factor, true);
        std::vector<Expr> choices{factor};
        if (is_range_call(factor)) {
          const Expr& range = factor.args[1];
          const long from = whole_period(range.args[0]), to = whole_period(range.args[1]);
          if (std::labs(to - from) >= kMaxPeriods)
            fail(range.pos, fmt::format("a range of at most {} periods, not {}", kMaxPeriods, std::labs(to - from) + 1));
          choices.clear();
          for (long k = from;; k += to >= from ? 1 : -1) {
            choices.push_back(shifted_by(factor, k));
            if (k == to) break;
          }
        }
        std::vector<Term> next;
        for (const Term& head : expanded)
          for (const Expr& c : choices) {
            Term e = head;
            e.factors.push_back(c);
            next.push_back(std::move(e));
          }
        expanded = std::move(next);
      }
      for (Term& e : expanded) out.push_back(std::move(e));
    }
    return out;
  }

  static bool is_shift(const std::string& name) { return name == "l" || name == "f" || name == "d"; }
  static bool is_range(const Expr& e) { return e.kind == Expr::Kind::Binary && e.op == ':'; }
  static bool is_range_call(const Expr& e) { return e.kind == Expr::Kind::Call && is_shift(e.name) && e.args.size() >= 2 && is_range(e.args[1]); }

  // A range is expanded only as a term's own factor: anywhere else (inside log(), arithmetic, the
  // outcome) it is refused, saying how to write the periods.
  void refuse_nested_range(const Expr& e, bool top) const {
    if (is_range_call(e) && !top)
      fail(e.args[1].pos, fmt::format("a range of periods such as {0}(x, 0:2) expands a term of its own (x + {0}(x, 1) + {0}(x, 2)); "
                                      "here write each period: {0}(x, 0), {0}(x, 1), ...", e.name));
    for (size_t a = 0; a < e.args.size(); ++a)
      if (!(top && a == 1 && is_range_call(e))) refuse_nested_range(e.args[a], false);
  }

  long whole_period(const Expr& e) const {
    const bool negative = e.kind == Expr::Kind::Unary && e.args[0].kind == Expr::Kind::Num;
    const double v = e.kind == Expr::Kind::Num ? e.number : negative ? -e.args[0].number : 0.5;
    if (v != std::floor(v) || std::fabs(v) > 1e6) fail(e.pos, "a range of periods is from:to in whole numbers, e.g. 0:2 or -1:1");
    return static_cast<long>(v);
  }

  // The call shifted by k periods: x at 0, else the call with k (a lag by -k a lead, and back).
  static Expr shifted_by(const Expr& call, long k) {
    if (k == 0) return call.args[0];
    Expr e = call;
    if (call.name != "d" && k < 0) e.name = call.name == "l" ? "f" : "l";
    Expr n;
    n.kind = Expr::Kind::Num;
    n.pos = call.args[1].pos;
    n.number = static_cast<double>(call.name != "d" && k < 0 ? -k : k);
    e.args[1] = std::move(n);
    return e;
  }

  // A sum of terms; "0", "1" and "-1" control the intercept.
  std::vector<Term> terms(bool* intercept) {
    std::vector<Term> out;
    bool negative = false;
    while (true) {
      const size_t p = pos();
      if (at_end()) fail(p, "a term is expected here");
      if (std::isdigit(static_cast<unsigned char>(peek()))) {
        Expr n = atom();
        if (n.number != 0 && n.number != 1) fail(p, "only 0 or 1 may stand alone (intercept control)");
        if (!intercept) fail(p, "an intercept control is not allowed here");
        *intercept = negative ? n.number == 0 : n.number == 1;
      } else {
        auto ts = term();
        if (negative) fail(p, "removing a term with '-' is only supported for the intercept (-1)");
        for (auto& t : ts) out.push_back(std::move(t));
      }
      if (peek() == '+') { ++i_; negative = false; continue; }
      if (peek() == '-') { ++i_; negative = true; continue; }
      break;
    }
    if (!at_end()) fail(pos(), fmt::format("unexpected '{}'; terms are joined by '+'", peek()));
    return out;
  }

 private:
  const std::string& s_;
  size_t i_, end_;
  int depth_ = 0;
};

// Top-level positions of a character (outside parentheses and back-quotes).
std::vector<size_t> split_top(const std::string& s, size_t begin, size_t end, char sep) {
  std::vector<size_t> out;
  int depth = 0;
  char quote = 0;  // the open back-quote or quote, if any
  for (size_t i = begin; i < end; ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '`' || c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') {
      if (--depth < 0) throw FormulaError(formula_error_message(s, i, "this ')' has no matching '('"));
    }
    if (c == sep && depth == 0) out.push_back(i);
  }
  if (depth > 0) throw FormulaError(formula_error_message(s, end, "a '(' is never closed"));
  return out;
}

}  // namespace

std::string Expr::text() const {
  switch (kind) {
    case Kind::Var: return name;
    case Kind::Num: return number_text(number);
    case Kind::Text: return fmt::format("\"{}\"", name);
    case Kind::Unary: return fmt::format("-{}", args[0].text());
    case Kind::Binary: {
      auto wrap = [](const Expr& e) { return e.kind == Kind::Binary ? fmt::format("({})", e.text()) : e.text(); };
      return op == '^' ? wrap(args[0]) + "^" + wrap(args[1]) : wrap(args[0]) + op + wrap(args[1]);
    }
    case Kind::Call: {
      std::string out = name + "(";
      for (size_t k = 0; k < args.size(); ++k) {
        if (k) out += ", ";
        if (!arg_names[k].empty()) out += arg_names[k] + " = ";
        out += args[k].text();
      }
      return out + ")";
    }
  }
  return "";
}

std::string Term::text() const {
  std::string out;
  for (size_t k = 0; k < factors.size(); ++k) {
    if (k) out += ':';
    out += factors[k].text();
  }
  return out;
}

ModelSpec parse_formula(const std::string& text) {
  ModelSpec spec;
  spec.formula = text;
  auto bars = split_top(text, 0, text.size(), '|');
  if (bars.size() > 2) throw FormulaError(formula_error_message(text, bars[2], "at most three parts: y ~ x | fixed effects | endogenous ~ instruments"));
  const size_t main_end = bars.empty() ? text.size() : bars[0];
  auto tildes = split_top(text, 0, main_end, '~');
  if (tildes.size() != 1)
    throw FormulaError(formula_error_message(text, tildes.empty() ? 0 : tildes[1],
                                             tildes.empty() ? "a formula needs '~' between the outcome and the regressors"
                                                            : "only one '~' is allowed before the first '|'"));
  {
    Parser p(text, 0, tildes[0]);
    spec.lhs = p.expr();
    if (!p.at_end()) p.fail(p.pos(), "the outcome must be a single expression");
    // A number is no outcome (a constant regressed on x): most likely a column named with digits
    // ("2019 ~ x"), which a formula reads as the number.
    if (spec.lhs.kind == Expr::Kind::Num)
      p.fail(0, "the outcome is a number, not a column; a column named with digits is read as a number: write its name in backquotes (`2019`)");
    p.refuse_nested_range(spec.lhs, false);
  }
  {
    Parser p(text, tildes[0] + 1, main_end);
    if (p.at_end()) p.fail(p.pos(), "no regressors after '~' (write 1 for an intercept-only model)");
    spec.rhs = p.terms(&spec.intercept);
  }
  // Parts after the first '|': a part with '~' is the IV part, otherwise fixed effects.
  for (size_t b = 0; b < bars.size(); ++b) {
    const size_t begin = bars[b] + 1, end = b + 1 < bars.size() ? bars[b + 1] : text.size();
    auto iv = split_top(text, begin, end, '~');
    if (!iv.empty()) {
      if (b + 1 < bars.size()) throw FormulaError(formula_error_message(text, bars[b + 1], "the IV part (endogenous ~ instruments) must come last"));
      Parser pe(text, begin, iv[0]);
      if (pe.at_end()) pe.fail(pe.pos(), "no endogenous variable before '~' in the IV part");
      spec.endogenous = pe.terms(nullptr);
      Parser pi(text, iv[0] + 1, end);
      if (pi.at_end()) pi.fail(pi.pos(), "no instruments after '~' in the IV part");
      spec.instruments = pi.terms(nullptr);
      continue;
    }
    if (b == 1) throw FormulaError(formula_error_message(text, bars[b], "the third part must be an IV part: endogenous ~ instruments"));
    Parser p(text, begin, end);
    if (p.at_end()) p.fail(p.pos(), "no fixed effects after '|'");
    if (std::isdigit(static_cast<unsigned char>(p.peek())) && text.substr(p.pos(), 1) == "0") continue;  // | 0: no FE
    while (true) {
      spec.fe_pos.push_back(p.pos());
      std::vector<std::string> vars{p.identifier()};
      while (p.peek() == '^') {
        p.expect('^');
        vars.push_back(p.identifier());
      }
      spec.fixed_effects.push_back(std::move(vars));
      if (p.peek() == '+') { p.expect('+'); continue; }
      if (!p.at_end()) p.fail(p.pos(), "fixed effects are variable names joined by '+' (interact with '^')");
      break;
    }
  }
  if (!spec.fixed_effects.empty()) spec.intercept = false;
  return spec;
}

std::string expression_text(const std::string& expression) { return parse_formula(expression + " ~ 1").lhs.text(); }

namespace {
bool reads_other_rows(const Expr& e) {
  static const char* const across[] = {"l", "f", "d", "growth", "scale", "winsor"};
  if (e.kind == Expr::Kind::Call && std::any_of(std::begin(across), std::end(across), [&](const char* f) { return e.name == f; })) return true;
  return std::any_of(e.args.begin(), e.args.end(), [](const Expr& a) { return reads_other_rows(a); });
}
}  // namespace

bool ModelSpec::reads_other_rows() const {
  if (cbec::reads_other_rows(lhs)) return true;
  for (const auto* terms : {&rhs, &endogenous, &instruments})
    for (const auto& t : *terms)
      for (const auto& f : t.factors)
        if (cbec::reads_other_rows(f)) return true;
  return false;
}

namespace {
void add_variables(const Expr& e, std::vector<std::string>& out) {
  if (e.kind == Expr::Kind::Var) {
    if (std::find(out.begin(), out.end(), e.name) == out.end()) out.push_back(e.name);
    return;
  }
  for (size_t a = 0; a < e.args.size(); ++a)
    if (a >= e.arg_names.size() || e.arg_names[a].empty()) add_variables(e.args[a], out);
}
}  // namespace

std::vector<std::string> Expr::variables() const {
  std::vector<std::string> out;
  add_variables(*this, out);
  return out;
}

std::vector<std::string> ModelSpec::variables() const {
  std::vector<std::string> out;
  add_variables(lhs, out);
  for (const auto* terms : {&rhs, &endogenous, &instruments})
    for (const auto& t : *terms)
      for (const auto& f : t.factors) add_variables(f, out);
  for (const auto& fe : fixed_effects)
    for (const auto& v : fe)
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  return out;
}

std::vector<std::string> expression_variables(const std::string& expression) { return parse_formula(expression + " ~ 1").lhs.variables(); }

}  // namespace cbec

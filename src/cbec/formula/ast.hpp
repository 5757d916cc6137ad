// The parsed form of a model formula in the style of R fixest:
//   y ~ x1 + log(x2) + l(x3, 1) + x1:x4 + i(year, ref = 2015) | unit + year + province^year | xe ~ z1 + z2
// Every node keeps its position in the formula text so errors can point at it.
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct Expr {
  enum class Kind { Var, Num, Text, Call, Binary, Unary };
  Kind kind = Kind::Var;
  std::string name;              // Var: variable; Call: function name; Text: the quoted text
  double number = 0;             // Num
  char op = 0;                   // Binary: + - * / ^ ; Unary: -
  std::vector<Expr> args;        // Call arguments / operands
  std::vector<std::string> arg_names;  // Call: "" for positional, else the name (ref = ...)
  size_t pos = 0;                // offset in the formula text

  // Canonical text, used for term names: "log(x2)", "l(x3, 1)", "I(x^2)".
  std::string text() const;
  // The data columns it names (each once): its variables and its calls' positional arguments' (a
  // named argument such as ref = East is a level or a setting, not a column).
  std::vector<std::string> variables() const;
};

// A term is a product of factors joined by ':' (x1:x4); `*` expands to main effects + interaction.
struct Term {
  std::vector<Expr> factors;
  std::string text() const;
};

struct ModelSpec {
  std::string formula;                       // the original text
  Expr lhs;
  std::vector<Term> rhs;
  bool intercept = true;
  std::vector<std::vector<std::string>> fixed_effects;  // each: variables interacted with ^
  std::vector<size_t> fe_pos;
  std::vector<Term> endogenous;              // IV part, left of ~
  std::vector<Term> instruments;             // IV part, right of ~
  bool has_iv() const { return !endogenous.empty(); }
  // Whether a term reads other rows than its own: lags, leads, differences and growth (l, f, d,
  // growth) or statistics over all rows (scale, winsor).
  bool reads_other_rows() const;
  // The data columns the formula names (each once): variables, positional arguments of calls and
  // fixed effects; checked against the data before a study runs.
  std::vector<std::string> variables() const;
};

// Parses a formula; a FormulaError shows the formula with a caret under the problem.
ModelSpec parse_formula(const std::string& text);

// The canonical text of one expression, as terms are named ("l(d, 1)" for "l(d,1)"); a
// FormulaError when it is not an expression.
std::string expression_text(const std::string& expression);
// The data columns one expression (a control term such as "log(x2)") names.
std::vector<std::string> expression_variables(const std::string& expression);

// The FormulaError message pointing at `pos` in `text`.
std::string formula_error_message(const std::string& text, size_t pos, const std::string& what);

}  // namespace cbec

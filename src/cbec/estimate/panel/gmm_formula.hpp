// The formula of a dynamic-panel GMM model, written as R plm's pgmm (and close to Stata xtabond2):
//
//   log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) | l(log(emp), 2:99) [| iv terms]
//
// Part 1 is the model in levels (no intercept: the transformation removes it; system GMM adds it
// with the time effects). `l(x, a:b)` (or pgmm's `lag(x, a:b)`) expands to l(x, a), ..., l(x, b),
// lag 0 being x itself. Part 2 lists the GMM-style instruments, each `l(x, a:b)`: levels of x
// lagged a to b periods instrument the differenced equation (xtabond2's gmm(x, lag(a b))). Part 3,
// when present, lists the standard ("iv-style") instruments; without it they are the regressors of
// part 1 whose variable is not a GMM-style instrument (pgmm's rule).
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct GmmTerm {
  std::string text;        // the cbec term: "log(capital)", "l(log(wage), 1)"
  std::string variable;    // the lagged expression in canonical form: "log(wage)"
  int lag = 0;
};

struct GmmInstrument {
  std::string variable;    // canonical expression, e.g. "log(emp)"
  int min_lag = 2, max_lag = 99;
};

struct GmmFormula {
  std::string text;                    // as written
  std::string depvar;                  // canonical outcome expression
  std::vector<GmmTerm> regressors;     // part 1, expanded, in formula order
  std::vector<GmmInstrument> gmm;      // part 2
  std::vector<GmmTerm> iv;             // part 3, or pgmm's default
  bool iv_given = false;               // part 3 was written

  int max_regressor_lag() const;
  int min_gmm_lag() const;
};

// Parses and expands; a FormulaError points at the problem in the text.
GmmFormula parse_gmm_formula(const std::string& text);

}  // namespace cbec

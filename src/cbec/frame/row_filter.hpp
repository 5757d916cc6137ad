// A row filter: the `if` / subset expression every analysis takes (`--if "region3 == 'East'"`,
// study `subset = "..."`), parsed once and evaluated on a Frame.
//
// GRAMMAR (whitespace between tokens is free):
//   expr       := and ( ('|' | '||') and )*
//   and        := unary ( ('&' | '&&') unary )*
//   unary      := '!' unary | '(' expr ')' | comparison
//   comparison := operand op operand            op: == != < <= > >=
//               | operand ['!'] 'in' '(' literal (',' literal)* ')'
//   operand    := column | literal
//   column     := a name of letters, digits, '_', '.' and any non-ASCII (Chinese) characters,
//                 or any text in back-quotes: `GDP (亿元)`
//   literal    := number (12, -3.5, 1e3) | 'text' | "text"
//                 | True | False (the numbers 1 and 0, as a logical column holds them; also TRUE,
//                   true, FALSE, false), read as a column when the data has one of that name
// A comparison names at least one column. Text columns compare with quoted texts (== and != by
// value, the order operators byte-wise), numeric columns with numbers; mixing them is an error
// naming the column. Missing values make a comparison unknown, and unknown rows are dropped, as R's
// subset(): !(x == 1) keeps no row where x is missing. Nesting deeper than 100 levels and
// expressions longer than 10,000 characters are refused.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct FilterNode;

class RowFilter {
 public:
  // Parses; a SpecError points at the position of a syntax error.
  explicit RowFilter(std::string expression);
  ~RowFilter();
  RowFilter(RowFilter&&) noexcept;
  RowFilter& operator=(RowFilter&&) noexcept;

  const std::string& expression() const { return text_; }
  // The columns the expression names, in order of appearance.
  std::vector<std::string> columns() const;
  // The rows where the expression is true, in order. A DataError names an unknown column or a
  // comparison of a text column with a number (or the reverse).
  std::vector<size_t> rows(const Frame& frame) const;

 private:
  std::string text_;
  std::unique_ptr<FilterNode> root_;
};

}  // namespace cbec

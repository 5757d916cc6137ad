#include "cbec/frame/row_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "cbec/core/error.hpp"
#include "cbec/core/text_position.hpp"

namespace cbec {

namespace {

constexpr size_t kMaxDepth = 100;
constexpr size_t kMaxLength = 10000;

// Three-valued truth per row: 0 false, 1 true, -1 unknown (a missing value was compared).
using Truth = std::vector<int8_t>;

}  // namespace

struct FilterNode {
  enum Kind { Or, And, Not, Compare, In } kind;
  enum class Op { Eq, Ne, Lt, Le, Gt, Ge };
  struct Operand {
    bool is_column = false;
    bool is_text = false;   // a quoted literal
    std::string name;       // column name or text literal
    double number = 0;
    size_t pos = 0;
  };
  std::unique_ptr<FilterNode> a, b;
  Operand left, right;            // Compare; In: left only
  Op op = Op::Eq;
  bool negate = false;            // In: "!in"
  std::vector<Operand> set;       // In
  explicit FilterNode(Kind k) : kind(k) {}
};

namespace {

using Op = FilterNode::Op;
using Operand = FilterNode::Operand;

std::string error_at(const std::string& text, size_t pos, const std::string& what) {
  return fmt::format("--if / subset error at position {}: {}\n  {}\n  {}^", character_position(text, pos), what, text, caret_padding(text, pos));
}

bool name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c >= 0x80; }

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}

  std::unique_ptr<FilterNode> parse() {
    if (s_.size() > kMaxLength) throw SpecError(fmt::format("--if / subset: the expression is longer than {} characters", kMaxLength));
    skip();
    if (i_ == s_.size()) throw SpecError("--if / subset: the expression is empty; write e.g. region3 == 'East'");
    auto e = expr(0);
    skip();
    if (i_ != s_.size()) fail("unexpected text; join conditions with & or |");
    return e;
  }

 private:
  const std::string& s_;
  size_t i_ = 0;

  [[noreturn]] void fail(const std::string& what) const { throw SpecError(error_at(s_, std::min(i_, s_.size()), what)); }
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool eat(const char* tok) {
    skip();
    const size_t n = std::char_traits<char>::length(tok);
    if (s_.compare(i_, n, tok) != 0) return false;
    i_ += n;
    return true;
  }
  void depth_check(size_t depth) const {
    if (depth > kMaxDepth) fail(fmt::format("nested more than {} levels deep", kMaxDepth));
  }

  std::unique_ptr<FilterNode> expr(size_t depth) {
    depth_check(depth);
    auto left = conjunction(depth);
    while (eat("||") || eat("|")) {
      auto n = std::make_unique<FilterNode>(FilterNode::Or);
      n->a = std::move(left);
      n->b = conjunction(depth);
      left = std::move(n);
    }
    return left;
  }
  std::unique_ptr<FilterNode> conjunction(size_t depth) {
    auto left = unary(depth);
    while (eat("&&") || eat("&")) {
      auto n = std::make_unique<FilterNode>(FilterNode::And);
      n->a = std::move(left);
      n->b = unary(depth);
      left = std::move(n);
    }
    return left;
  }
  std::unique_ptr<FilterNode> unary(size_t depth) {
    depth_check(depth + 1);
    skip();
    if (s_.compare(i_, 2, "!=") != 0 && eat("!")) {
      auto n = std::make_unique<FilterNode>(FilterNode::Not);
      n->a = unary(depth + 1);
      return n;
    }
    if (eat("(")) {
      auto e = expr(depth + 1);
      if (!eat(")")) fail("a ')' is missing here");
      return e;
    }
    return comparison();
  }
  std::unique_ptr<FilterNode> comparison() {
    Operand left = operand();
    skip();
    const size_t at = i_;
    bool negate = false;
    if (s_.compare(i_, 1, "!") == 0 && s_.compare(i_, 2, "!=") != 0) {
      ++i_;
      negate = true;
      skip();
    }
    if (s_.compare(i_, 2, "in") == 0 && (i_ + 2 == s_.size() || !name_char(static_cast<unsigned char>(s_[i_ + 2])))) {
      i_ += 2;
      auto n = std::make_unique<FilterNode>(FilterNode::In);
      n->left = left;
      n->negate = negate;
      if (!eat("(")) fail("'in' takes a list in parentheses, e.g. region in ('East', 'West')");
      do {
        n->set.push_back(operand());
        if (n->set.back().is_column) {
          i_ = n->set.back().pos;
          fail("'in' lists values (numbers or quoted texts), not columns");
        }
      } while (eat(","));
      if (!eat(")")) fail("a ')' or ',' is missing here");
      return n;
    }
    if (negate) {
      i_ = at;
      fail("expected 'in' after '!' here");
    }
    auto n = std::make_unique<FilterNode>(FilterNode::Compare);
    if (eat("==")) n->op = Op::Eq;
    else if (eat("!=")) n->op = Op::Ne;
    else if (eat("<=")) n->op = Op::Le;
    else if (eat(">=")) n->op = Op::Ge;
    else if (eat("<")) n->op = Op::Lt;
    else if (eat(">")) n->op = Op::Gt;
    else if (s_.compare(i_, 1, "=") == 0) fail("write == to compare (a single = is not a comparison)");
    else fail("expected a comparison (== != < <= > >=) or 'in'");
    n->left = left;
    n->right = operand();
    if (!n->left.is_column && !n->right.is_column) {
      i_ = n->left.pos;
      fail("a comparison must name a column");
    }
    return n;
  }
  Operand operand() {
    skip();
    Operand o;
    o.pos = i_;
    if (i_ == s_.size()) fail("expected a column, a number or a quoted text");
    const char c = s_[i_];
    if (c == '\'' || c == '"' || c == '`') {
      const size_t close = s_.find(c, i_ + 1);
      if (close == std::string::npos) fail(fmt::format("the quote {} is not closed", c));
      o.name = s_.substr(i_ + 1, close - i_ - 1);
      o.is_column = c == '`';
      o.is_text = !o.is_column;
      i_ = close + 1;
      return o;
    }
    const char* begin = s_.c_str() + i_;
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') {
      char* end = nullptr;
      const double v = std::strtod(begin, &end);
      if (end != begin && std::isfinite(v) && (end == s_.c_str() + s_.size() || !name_char(static_cast<unsigned char>(*end)))) {
        o.number = v;
        i_ += static_cast<size_t>(end - begin);
        return o;
      }
      if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) fail("expected a column, a number or a quoted text");
    }
    const size_t start = i_;
    while (i_ < s_.size() && name_char(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ == start) fail("expected a column, a number or a quoted text");
    o.is_column = true;
    o.name = s_.substr(start, i_ - start);
    return o;
  }
};

bool holds(Op op, int cmp) {
  switch (op) {
    case Op::Eq: return cmp == 0;
    case Op::Ne: return cmp != 0;
    case Op::Lt: return cmp < 0;
    case Op::Le: return cmp <= 0;
    case Op::Gt: return cmp > 0;
    case Op::Ge: return cmp >= 0;
  }
  return false;
}

int compare(double a, double b) { return a < b ? -1 : a > b ? 1 : 0; }

class Evaluator {
 public:
  Evaluator(const Frame& f, const std::string& text) : f_(f), text_(text) {}

  Truth eval(const FilterNode& n) const {
    switch (n.kind) {
      case FilterNode::Or:
      case FilterNode::And: {
        Truth a = eval(*n.a);
        const Truth b = eval(*n.b);
        const int8_t dominant = n.kind == FilterNode::Or ? 1 : 0;   // true decides an or, false an and
        for (size_t i = 0; i < a.size(); ++i)
          a[i] = (a[i] == dominant || b[i] == dominant) ? dominant : (a[i] < 0 || b[i] < 0) ? -1 : static_cast<int8_t>(1 - dominant);
        return a;
      }
      case FilterNode::Not: {
        Truth a = eval(*n.a);
        for (auto& v : a)
          if (v >= 0) v = static_cast<int8_t>(1 - v);
        return a;
      }
      case FilterNode::Compare: return compare_node(n);
      case FilterNode::In: return in_node(n);
    }
    return {};
  }

 private:
  const Frame& f_;
  const std::string& text_;

  const Column& column(const Operand& o) const {
    if (!f_.has(o.name))
      throw DataError(error_at(text_, o.pos, fmt::format("no column '{}' in {}{}", o.name, f_.source().empty() ? "the data" : f_.source(),
                                                         did_you_mean(f_.suggest(o.name)))));
    return f_.get(o.name);
  }
  // The literal's type must be the column's.
  void check_types(const Column& c, const Operand& col, const Operand& lit) const {
    if (c.is_numeric() && lit.is_text)
      throw DataError(error_at(text_, lit.pos, fmt::format("column '{}' is numeric; compare it with a number, not the text '{}'", c.name, lit.name)));
    if (!c.is_numeric() && !lit.is_text) {
      if (const std::string hint = c.number_hint(); !hint.empty())
        throw DataError(error_at(text_, lit.pos, fmt::format("column '{}' holds text, not numbers: {}", c.name, hint)));
      throw DataError(error_at(text_, lit.pos, fmt::format("column '{}' holds text; compare it with a quoted text, e.g. {} == '{}'", c.name, col.name,
                                                           c.levels.empty() ? "East" : c.levels.front())));
    }
  }

  // True and False (also TRUE, true, FALSE, false: pandas', R's and Stata users' spellings) named
  // where no column has that name: the numbers 1 and 0, as a logical column holds them.
  Operand truth_or_column(const Operand& o) const {
    if (!o.is_column || f_.has(o.name)) return o;
    for (const auto& [word, value] : {std::pair<const char*, double>{"True", 1}, {"TRUE", 1}, {"true", 1}, {"False", 0}, {"FALSE", 0}, {"false", 0}})
      if (o.name == word) {
        Operand literal = o;
        literal.is_column = false;
        literal.number = value;
        return literal;
      }
    return o;
  }

  Truth compare_node(const FilterNode& node) const {
    const size_t rows = f_.nrows();
    Truth out(rows, -1);
    const Operand left = truth_or_column(node.left), right = truth_or_column(node.right);
    if (!left.is_column && !right.is_column)
      throw DataError(error_at(text_, node.left.pos, "the comparison names no column (True and False are the numbers 1 and 0)"));
    if (left.is_column && right.is_column) {
      const Column& a = column(left);
      const Column& b = column(right);
      if (a.is_numeric() != b.is_numeric())
        throw DataError(error_at(text_, right.pos, fmt::format("column '{}' holds {} and column '{}' {}; they cannot be compared", a.name,
                                                               a.is_numeric() ? "numbers" : "text", b.name, b.is_numeric() ? "numbers" : "text")));
      for (size_t i = 0; i < rows; ++i)
        if (!a.is_missing(i) && !b.is_missing(i))
          out[i] = holds(node.op, a.is_numeric() ? compare(a.values[i], b.values[i]) : a.levels[a.codes[i]].compare(b.levels[b.codes[i]]));
      return out;
    }
    const bool column_left = left.is_column;
    const Operand& col = column_left ? left : right;
    const Operand& lit = column_left ? right : left;
    const Column& c = column(col);
    check_types(c, col, lit);
    // cmp(column value, literal), flipped when the literal is on the left.
    auto oriented = [&](int cmp) { return holds(node.op, column_left ? cmp : -cmp); };
    if (c.is_numeric()) {
      for (size_t i = 0; i < rows; ++i)
        if (!std::isnan(c.values[i])) out[i] = oriented(compare(c.values[i], lit.number));
      return out;
    }
    std::vector<int8_t> by_level(c.levels.size());
    for (size_t l = 0; l < c.levels.size(); ++l) {
      const int cmp = c.levels[l].compare(lit.name);
      by_level[l] = oriented(cmp < 0 ? -1 : cmp > 0 ? 1 : 0);
    }
    for (size_t i = 0; i < rows; ++i)
      if (c.codes[i] >= 0) out[i] = by_level[static_cast<size_t>(c.codes[i])];
    return out;
  }

  Truth in_node(const FilterNode& n) const {
    const Column& c = column(n.left);
    for (const auto& v : n.set) check_types(c, n.left, v);
    Truth out(f_.nrows(), -1);
    auto member = [&](auto&& equal) {
      for (const auto& v : n.set)
        if (equal(v)) return !n.negate;
      return n.negate;
    };
    // As R's %in% (and Stata's inlist): a missing value is in no list, never unknown, so
    // !(region in ('East')) and region !in ('East') keep the rows where region is missing.
    if (c.is_numeric()) {
      for (size_t i = 0; i < out.size(); ++i)
        out[i] = std::isnan(c.values[i]) ? n.negate : member([&](const Operand& v) { return c.values[i] == v.number; });
      return out;
    }
    std::vector<int8_t> by_level(c.levels.size());
    for (size_t l = 0; l < c.levels.size(); ++l) by_level[l] = member([&](const Operand& v) { return c.levels[l] == v.name; });
    for (size_t i = 0; i < out.size(); ++i) out[i] = c.codes[i] >= 0 ? by_level[static_cast<size_t>(c.codes[i])] : n.negate;
    return out;
  }
};

void collect_columns(const FilterNode& n, std::vector<std::string>& out) {
  auto add = [&](const Operand& o) {
    if (o.is_column && std::find(out.begin(), out.end(), o.name) == out.end()) out.push_back(o.name);
  };
  if (n.a) collect_columns(*n.a, out);
  if (n.b) collect_columns(*n.b, out);
  add(n.left);
  add(n.right);
}

}  // namespace

RowFilter::RowFilter(std::string expression) : text_(std::move(expression)) { root_ = Parser(text_).parse(); }
RowFilter::~RowFilter() = default;
RowFilter::RowFilter(RowFilter&&) noexcept = default;
RowFilter& RowFilter::operator=(RowFilter&&) noexcept = default;

std::vector<std::string> RowFilter::columns() const {
  std::vector<std::string> out;
  collect_columns(*root_, out);
  return out;
}

std::vector<size_t> RowFilter::rows(const Frame& frame) const {
  const Truth t = Evaluator(frame, text_).eval(*root_);
  std::vector<size_t> keep;
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == 1) keep.push_back(i);
  return keep;
}

}  // namespace cbec

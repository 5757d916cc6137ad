#include "cbec/formula/design.hpp"

#include <fmt/format.h>


#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/core/memory.hpp"
#include "cbec/frame/dense_codes.hpp"
#include "cbec/frame/levels.hpp"
#include "cbec/frame/number_format_hint.hpp"
#include "cbec/frame/part_of_whole.hpp"
#include "cbec/frame/transforms.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rows a thread takes at a time in the design's passes over the rows (fewer: one thread).
constexpr size_t kBlockRows = size_t{1} << 16;

// Why a row became unusable, recorded by the first operation that produced a missing value.
enum Reason : uint8_t { kOk = 0, kMissing, kLogNonPositive, kLagUnavailable, kNonFinite };
const char* reason_name(uint8_t r) {
  switch (r) {
    case kLogNonPositive: return "log_nonpositive";
    case kLagUnavailable: return "lag_unavailable";
    case kNonFinite: return "nonfinite";
    default: return "missing";
  }
}

// Column values: a view of a frame column (no copy) or a computed vector.
using Values = std::shared_ptr<const std::vector<double>>;
Values computed(std::vector<double> v) { return std::make_shared<const std::vector<double>>(std::move(v)); }
Values view(const std::vector<double>& v) { return Values(std::shared_ptr<void>(), &v); }

struct NamedColumn {
  std::string name;
  Values values;
};

class Evaluator {
 public:
  Evaluator(const Frame& frame, const ModelSpec& spec, const DesignOptions& options)
      : frame_(frame), spec_(spec), options_(options), reason_(frame.nrows(), kOk) {}

  std::vector<uint8_t>& reasons() { return reason_; }

  [[noreturn]] void fail(size_t pos, const std::string& what) const {
    throw FormulaError(formula_error_message(spec_.formula, pos, what));
  }

  const Column& column(const Expr& e) const {
    if (!frame_.has(e.name)) {
      fail(e.pos, fmt::format("unknown variable '{}'{}{}", e.name,
                              frame_.source().empty() ? "" : " in " + frame_.source(), did_you_mean(frame_.suggest(e.name))));
    }
    return frame_.get(e.name);
  }

  // A row without its unit or time has no lag because it is missing an identifier, not because the
  // period before is unobserved: counted as missing (it was counted as lag_unavailable).
  void mark_missing_ids(const Panel& p) {
    for (size_t i = 0; i < p.unit_code.size(); ++i)
      if (p.unit_code[i] < 0 && reason_[i] == kOk) reason_[i] = kMissing;
  }

  // Marks rows where `out` became missing although every input was present.
  void mark(const std::vector<double>& out, const std::vector<const std::vector<double>*>& inputs, Reason why) {
    for (size_t i = 0; i < out.size(); ++i) {
      if (!std::isnan(out[i]) || reason_[i] != kOk) continue;
      bool inputs_ok = std::all_of(inputs.begin(), inputs.end(), [i](const std::vector<double>* v) { return !std::isnan((*v)[i]); });
      if (inputs_ok) reason_[i] = why;
    }
  }

  const Panel& panel(const Expr& at) {
    if (!panel_) {
      if (options_.panel_unit.empty() || options_.panel_time.empty())
        fail(at.pos, fmt::format("{}() needs a panel: declare the unit and time variables (--panel unit,time)", at.name));
      panel_ = std::make_unique<Panel>(declare_panel(frame_, options_.panel_unit, options_.panel_time));
    }
    return *panel_;
  }

  static constexpr int kMaxShift = 1000000;   // lags, leads and differences: far beyond any panel's length
  int integer_arg(const Expr& call, size_t k, int fallback) const {
    if (call.args.size() <= k) return fallback;
    const Expr& a = call.args[k];
    double v = a.kind == Expr::Kind::Num ? a.number
               : (a.kind == Expr::Kind::Unary && a.args[0].kind == Expr::Kind::Num) ? -a.args[0].number
                                                                                     : kNaN;
    if (std::isnan(v) || v != std::floor(v)) fail(a.pos, fmt::format("{}() needs a whole number here", call.name));
    if (std::fabs(v) > kMaxShift) fail(a.pos, fmt::format("{}() takes at most {} periods here, not {:g}", call.name, kMaxShift, v));
    return static_cast<int>(v);
  }

  // A numeric expression over all frame rows (a plain variable is a view of its column).
  Values numeric(const Expr& e) {
    const size_t n = frame_.nrows();
    switch (e.kind) {
      case Expr::Kind::Num: return computed(std::vector<double>(n, e.number));
      case Expr::Kind::Text: fail(e.pos, fmt::format("the quoted text {} is not a number; a quoted text names a level, e.g. i(var, ref = \"East\")", e.text()));
      case Expr::Kind::Var: {
        const Column& c = column(e);
        if (!c.is_numeric())
          fail(e.pos, fmt::format("variable '{}' holds text; use i({}) for its categories or pick a numeric variable", e.name, e.name));
        return view(c.values);
      }
      case Expr::Kind::Unary: {
        std::vector<double> v = *numeric(e.args[0]);
        for (auto& x : v) x = -x;
        return computed(std::move(v));
      }
      case Expr::Kind::Binary: {
        Values pa = numeric(e.args[0]), pb = numeric(e.args[1]);
        const auto &a = *pa, &b = *pb;
        std::vector<double> out(n);
        for (size_t i = 0; i < n; ++i) {
          switch (e.op) {
            case '+': out[i] = a[i] + b[i]; break;
            case '-': out[i] = a[i] - b[i]; break;
            case '*': out[i] = a[i] * b[i]; break;
            case '/': out[i] = a[i] / b[i]; break;
            case '^': out[i] = std::pow(a[i], b[i]); break;
          }
          if (!std::isfinite(out[i])) out[i] = kNaN;
        }
        mark(out, {&a, &b}, kNonFinite);
        return computed(std::move(out));
      }
      case Expr::Kind::Call: return computed(call(e));
    }
    return {};
  }

  std::vector<double> call(const Expr& e) {
    const std::string& f = e.name;
    auto need_args = [&](size_t lo, size_t hi) {
      if (e.args.size() < lo || e.args.size() > hi)
        fail(e.pos, fmt::format("{}() takes {} argument{}", f, lo == hi ? std::to_string(lo) : fmt::format("{} to {}", lo, hi), hi > 1 ? "s" : ""));
    };
    if (f == "log" || f == "log1p" || f == "exp" || f == "sqrt" || f == "abs" || f == "I") {
      need_args(1, 1);
      Values px = numeric(e.args[0]);
      const auto& x = *px;
      std::vector<double> out(x.size());
      for (size_t i = 0; i < x.size(); ++i) {
        double v = x[i];
        if (f == "log") out[i] = v > 0 ? std::log(v) : kNaN;
        else if (f == "log1p") out[i] = v > -1 ? std::log1p(v) : kNaN;
        else if (f == "exp") out[i] = std::exp(v);
        else if (f == "sqrt") out[i] = v >= 0 ? std::sqrt(v) : kNaN;
        else if (f == "abs") out[i] = std::fabs(v);
        else out[i] = v;
        if (!std::isfinite(out[i])) out[i] = kNaN;
      }
      mark(out, {&x}, f == "log" || f == "log1p" ? kLogNonPositive : kNonFinite);
      return out;
    }
    if (f == "l" || f == "f" || f == "d" || f == "growth")
      if (auto in_whole = read_in_whole(e)) return std::move(*in_whole);
    if (f == "l" || f == "f" || f == "d") {
      need_args(1, 2);
      const Panel& p = panel(e);
      int k = integer_arg(e, 1, 1);
      Values px = numeric(e.args[0]);
      const auto& x = *px;
      auto shifted = panel_shift(p, x, f == "f" ? -k : k);
      if (f == "d")
        for (size_t i = 0; i < x.size(); ++i) shifted[i] = x[i] - shifted[i];
      mark_missing_ids(p);
      mark(shifted, {&x}, kLagUnavailable);
      return shifted;
    }
    if (f == "growth") {
      need_args(1, 1);
      Values px = numeric(e.args[0]);
      TransformReport rep;
      std::vector<double> out = panel_growth(panel(e), *px, rep);
      mark_missing_ids(panel(e));
      mark(out, {px.get()}, kLagUnavailable);
      return out;
    }
    if (f == "scale" || f == "winsor") {
      // scale(x): z-score over all rows of the data; winsor(x, lower, upper): percentiles as Stata winsor2.
      need_args(f == "scale" ? 1 : 3, f == "scale" ? 1 : 3);
      Values px = numeric(e.args[0]);
      TransformReport rep;
      if (f == "scale") return standardize(*px, "z", nullptr, rep);
      auto pct = [&](size_t k) {
        const Expr& a = e.args[k];
        if (a.kind != Expr::Kind::Num) fail(a.pos, "winsor() takes numbers as percentiles, e.g. winsor(x, 1, 99)");
        return a.number;
      };
      try {
        return winsorize(*px, pct(1), pct(2), nullptr, rep);
      } catch (const SpecError& err) {
        fail(e.pos, err.what());
      }
    }
    if (f == "i") fail(e.pos, "i() makes categories; it cannot be used inside arithmetic");
    fail(e.pos, fmt::format("unknown function '{}()'; available: log, log1p, exp, sqrt, abs, I, l, f, d, growth, scale, winsor, i", f));
  }

  // A time operator's values on a part of a whole (Frame::part_of: --if, --split-by, a group): the
  // operator evaluated on every row of the whole, as Stata's `regress y L.x if ...` and plm's subset=
  // build the lag before keeping the sample, then read at the part's rows, with the whole's reason a
  // row is missing. Only when each column the operator reads, and the panel's unit and time, are the
  // whole's unchanged on the part's rows and the whole is a panel; otherwise (a column made or changed
  // in the part, a whole with a unit twice in a period) nothing, and the part's own rows are used.
  std::optional<std::vector<double>> read_in_whole(const Expr& e) {
    if (whole_failed_) return std::nullopt;
    std::vector<std::string> names = e.variables();
    names.push_back(options_.panel_unit);
    names.push_back(options_.panel_time);
    if (!same_in_whole(frame_, names)) return std::nullopt;
    if (!whole_) whole_ = std::make_unique<Evaluator>(*frame_.origin(), spec_, options_);
    try {
      whole_->panel(e);
    } catch (const DataError&) {
      whole_failed_ = true;
      return std::nullopt;
    }
    std::vector<double> out = at_part_rows(frame_, whole_->call(e));
    const std::vector<size_t>& rows = frame_.origin_rows();
    for (size_t i = 0; i < rows.size(); ++i)
      if (std::isnan(out[i]) && reason_[i] == kOk) reason_[i] = whole_->reason_[rows[i]];
    return out;
  }

  // Whether a factor is a variable holding text (a term of dummies).
  bool text_variable(const Expr& e) const { return e.kind == Expr::Kind::Var && frame_.has(e.name) && !frame_.get(e.name).is_numeric(); }

  // Whether a factor is categorical without a slope: a text variable, or i(var) (i(var, x) is slopes).
  bool categorical(const Expr& e) const {
    if (e.kind == Expr::Kind::Var) return text_variable(e);
    if (e.kind != Expr::Kind::Call || e.name != "i") return false;
    for (size_t k = 1; k < e.args.size(); ++k)
      if (e.arg_names[k].empty()) return false;
    return true;
  }

  // The columns of one factor of a term: one numeric column, or dummies for a categorical, its
  // first level left out as the reference when `contrasts` (see terms_columns); i(var, ref = level)
  // leaves out the levels named instead.
  std::vector<NamedColumn> factor_columns(const Expr& e, bool contrasts) {
    const bool is_i = e.kind == Expr::Kind::Call && e.name == "i";
    if (!is_i && !text_variable(e)) return {{e.text(), numeric(e)}};
    if (is_i && (e.args.empty() || e.args[0].kind != Expr::Kind::Var)) fail(e.pos, "i() needs a variable name first: i(var), i(var, x), i(var, ref = level)");
    const Expr& var = is_i ? e.args[0] : e;
    const Column& c = column(var);
    // Numbers written as text ('1.84%') would enter as one dummy per distinct value.
    if (!is_i && !c.levels.empty() && std::all_of(c.levels.begin(), c.levels.end(), [](const std::string& l) { return !number_format_hint(l).empty(); }))
      fail(e.pos, fmt::format("variable '{}' holds numbers written as text ({} distinct, e.g. '{}'), which would enter as that many dummies: {}; "
                              "for categories write i({})", e.name, c.levels.size(), c.levels.front(), number_format_hint(c.levels.front()), e.name));
    Values slope;
    std::string slope_name;
    std::vector<std::string> refs;
    bool has_ref = false;
    if (is_i) {
      for (size_t k = 1; k < e.args.size(); ++k) {
        const std::string& an = e.arg_names[k];
        if (an.empty() && k == 1) {
          slope = numeric(e.args[k]);
          slope_name = e.args[k].text();
        } else if (an == "ref") {
          // ref = level, ref = "level" or several, ref = c(-1, -1000) (fixest's event-study bins)
          has_ref = true;
          const Expr& r = e.args[k];
          const bool several = r.kind == Expr::Kind::Call && r.name == "c";
          if (several && r.args.empty()) fail(r.pos, "ref = c() names no level");
          for (const Expr& level : several ? r.args : std::vector<Expr>{r})
            refs.push_back(level.kind == Expr::Kind::Var || level.kind == Expr::Kind::Text ? level.name : level.text());
        } else {
          fail(e.args[k].pos, "i() accepts a variable, an optional slope variable and ref = level");
        }
      }
    }
    Levels lv = code_levels(c);
    std::vector<std::string>& labels = lv.labels;
    std::vector<int32_t>& codes = lv.codes;
    std::vector<bool> keep(labels.size(), true);
    for (const auto& r : refs) {
      auto it = std::find(labels.begin(), labels.end(), r);
      if (it == labels.end()) fail(e.pos, fmt::format("ref = {} is not a level of '{}'", r, var.name));
      if (!keep[static_cast<size_t>(it - labels.begin())]) fail(e.pos, fmt::format("ref names the level {} twice", r));
      keep[it - labels.begin()] = false;
    }
    if (contrasts && !has_ref && !labels.empty()) keep[0] = false;
    std::vector<NamedColumn> out;
    for (size_t l = 0; l < labels.size(); ++l) {
      if (!keep[l]) continue;
      std::vector<double> v(codes.size());
      for (size_t i = 0; i < codes.size(); ++i) {
        if (codes[i] < 0) v[i] = kNaN;
        else v[i] = codes[i] == static_cast<int32_t>(l) ? (slope ? (*slope)[i] : 1.0) : 0.0;
        if (slope && codes[i] >= 0 && std::isnan((*slope)[i])) v[i] = kNaN;
      }
      out.push_back({fmt::format("{}::{}", var.name, labels[l]) + (slope ? ":" + slope_name : ""), computed(std::move(v))});
    }
    if (out.empty() && std::any_of(codes.begin(), codes.end(), [](int32_t c) { return c < 0; })) {
      // No indicator carries the missing values (a single level, the reference): the rows missing
      // in the variable still leave the sample, as R's model.frame drops them.
      std::vector<double> present(codes.size());
      for (size_t i = 0; i < codes.size(); ++i) present[i] = codes[i] < 0 ? kNaN : 0.0;
      presence_.push_back(computed(std::move(present)));
    }
    return out;
  }

  // Columns whose missing values leave the sample without being regressors (see factor_columns).
  const std::vector<Values>& presence() const { return presence_; }

  // All columns of a term (products over its factors), contrasts[k] for factor k.
  std::vector<NamedColumn> term_columns(const Term& t, const std::vector<bool>& contrasts) {
    std::vector<NamedColumn> acc = factor_columns(t.factors[0], contrasts[0]);
    for (size_t k = 1; k < t.factors.size(); ++k) {
      auto next = factor_columns(t.factors[k], contrasts[k]);
      std::vector<NamedColumn> prod;
      for (const auto& a : acc)
        for (const auto& b : next) {
          std::vector<double> v = *a.values;
          for (size_t i = 0; i < v.size(); ++i) v[i] *= (*b.values)[i];
          prod.push_back({a.name + ":" + b.name, computed(std::move(v))});
        }
      acc = std::move(prod);
    }
    return acc;
  }

  // The columns of a sum of terms. A categorical factor is coded as R's model.matrix codes it (and so
  // fixest, i() included): by contrasts, its first level the reference, when the term without it is
  // in the model (for a main effect: the intercept or fixed effects, or an earlier categorical main
  // effect coded in full), else by an indicator per level; so y ~ 0 + x + g has every level of g and
  // y ~ x:g a slope per level (Chambers and Hastie 1992, Statistical Models in S, chapter 2; R's
  // model.matrix, whose rule this is).
  std::vector<NamedColumn> terms_columns(const std::vector<Term>& terms) {
    const auto key = [](const std::vector<Expr>& factors, size_t skip) {
      std::vector<std::string> texts;
      for (size_t k = 0; k < factors.size(); ++k)
        if (k != skip) texts.push_back(factors[k].text());
      std::sort(texts.begin(), texts.end());
      return texts;
    };
    std::vector<std::vector<std::string>> in_model;
    for (const auto& t : terms) in_model.push_back(key(t.factors, t.factors.size()));
    bool constant = spec_.intercept || !spec_.fixed_effects.empty();
    std::vector<NamedColumn> out;
    for (const auto& t : terms) {
      std::vector<bool> contrasts(t.factors.size(), false);
      for (size_t k = 0; k < t.factors.size(); ++k) {
        if (!categorical(t.factors[k])) continue;
        if (t.factors.size() == 1) {
          contrasts[k] = constant;
          constant = true;  // every level spans the constant
        } else {
          contrasts[k] = std::find(in_model.begin(), in_model.end(), key(t.factors, k)) != in_model.end();
        }
      }
      for (auto& c : term_columns(t, contrasts)) out.push_back(std::move(c));
    }
    return out;
  }

 private:
  const Frame& frame_;
  const ModelSpec& spec_;
  const DesignOptions& options_;
  std::vector<uint8_t> reason_;
  std::vector<Values> presence_;
  std::unique_ptr<Panel> panel_;
  std::unique_ptr<Evaluator> whole_;   // on frame_.origin(), for read_in_whole
  bool whole_failed_ = false;          // the whole is not a panel: time operators on the part's rows
};

// A copy of f, its codes copied by the threads into pages they make resident (a million ids' 10M
// codes: one thread's page faults otherwise).
Factor copy_factor(const Factor& f) {
  Factor out;
  out.name = f.name;
  out.n_levels = f.n_levels;
  out.labels = f.labels;
  const long n = static_cast<long>(f.codes.size());
  resize_resident(out.codes, f.codes.size());
#pragma omp parallel for schedule(static) if (f.codes.size() > kBlockRows)
  for (long i = 0; i < n; ++i) out.codes[static_cast<size_t>(i)] = f.codes[static_cast<size_t>(i)];
  return out;
}

}  // namespace

namespace {

// release: when not null, the frame being consumed (the same object as `frame`); its columns are
// released once the design has what it needs from them.
Design build(const Frame& frame, const ModelSpec& spec, const DesignOptions& options, Frame* release) {
  Design d;
  d.spec = spec;
  d.n_input = frame.nrows();
  Evaluator ev(frame, spec, options);
  d.depvar = spec.lhs.text();
  NamedColumn y{d.depvar, ev.numeric(spec.lhs)};
  auto x_cols = ev.terms_columns(spec.rhs);
  auto endog_cols = ev.terms_columns(spec.endogenous);
  auto inst_cols = ev.terms_columns(spec.instruments);
  std::vector<Factor> fes;
  for (size_t k = 0; k < spec.fixed_effects.size(); ++k) {
    for (const auto& v : spec.fixed_effects[k])
      if (!frame.has(v))
        throw FormulaError(formula_error_message(spec.formula, spec.fe_pos[k], fmt::format("unknown fixed-effect variable '{}'{}", v, did_you_mean(frame.suggest(v)))));
    fes.push_back(make_factor(frame, spec.fixed_effects[k]));
  }
  std::map<std::string, Factor> groups;
  std::map<std::string, size_t> groups_as_fe;  // a grouping that is also a one-variable fixed effect: its index
  for (const auto& g : options.groups) {
    auto same = std::find_if(spec.fixed_effects.begin(), spec.fixed_effects.end(), [&](const auto& fe) { return fe.size() == 1 && fe[0] == g; });
    if (same != spec.fixed_effects.end()) groups_as_fe.emplace(g, static_cast<size_t>(same - spec.fixed_effects.begin()));
    else groups.emplace(g, make_factor(frame, {g}));
  }
  std::vector<double> w;
  if (!options.weights.empty()) w = frame.numeric(options.weights);

  // Usable rows: y, every regressor and instrument a number, every fixed effect and grouping a
  // level, the weight (if any) a positive number. Checked column by column over a block of rows at
  // a time (loops the compiler vectorizes), the blocks by the threads; then each block writes its
  // rows at its offset in the sample, in row order. The drops are counted per block by reason.
  auto& reason = ev.reasons();
  const size_t n = frame.nrows();
  const long blocks = static_cast<long>((n + kBlockRows - 1) / kBlockRows);
  std::vector<const double*> numbers{y.values->data()};
  for (const auto* set : {&x_cols, &endog_cols, &inst_cols})
    for (const auto& c : *set) numbers.push_back(c.values->data());
  for (const auto& v : ev.presence()) numbers.push_back(v->data());
  std::vector<const int32_t*> levels;
  for (const auto& f : fes) levels.push_back(f.codes.data());
  for (const auto& [name, g] : groups) levels.push_back(g.codes.data());
  enum RowState : uint8_t { kUsable = 0, kUnusable = 1, kNonpositiveWeight = 2 };
  std::vector<uint8_t> state;
  resize_resident(state, n);
  std::vector<size_t> usable(static_cast<size_t>(blocks), 0), nonpositive(static_cast<size_t>(blocks), 0);
  std::vector<std::array<size_t, 256>> missing(static_cast<size_t>(blocks));
#pragma omp parallel for schedule(static) if (blocks > 1)
  for (long b = 0; b < blocks; ++b) {
    const size_t from = static_cast<size_t>(b) * kBlockRows, m = std::min(n, from + kBlockRows) - from;
    uint8_t* s = state.data() + from;
    for (const double* v : numbers)
      for (size_t i = 0; i < m; ++i) s[i] |= static_cast<uint8_t>(std::isnan(v[from + i]));
    for (const int32_t* c : levels)
      for (size_t i = 0; i < m; ++i) s[i] |= static_cast<uint8_t>(c[from + i] < 0);
    if (!w.empty())
      for (size_t i = 0; i < m; ++i)
        if (s[i] == kUsable) s[i] = std::isnan(w[from + i]) ? kUnusable : w[from + i] <= 0 ? kNonpositiveWeight : kUsable;
    std::array<size_t, 256>& missing_of = missing[static_cast<size_t>(b)];
    missing_of.fill(0);
    size_t count = 0;
    for (size_t i = 0; i < m; ++i) count += s[i] == kUsable;
    usable[static_cast<size_t>(b)] = count;
    if (count == m) continue;
    for (size_t i = 0; i < m; ++i)
      if (s[i] == kUnusable) ++missing_of[reason[from + i]];
      else if (s[i] == kNonpositiveWeight) ++nonpositive[static_cast<size_t>(b)];
  }
  std::vector<size_t> offset(static_cast<size_t>(blocks) + 1, 0);
  for (size_t b = 0; b < static_cast<size_t>(blocks); ++b) offset[b + 1] = offset[b] + usable[b];
  std::vector<size_t> rows;
  resize_resident(rows, offset.back());
#pragma omp parallel for schedule(static) if (blocks > 1)
  for (long b = 0; b < blocks; ++b) {
    const size_t from = static_cast<size_t>(b) * kBlockRows, m = std::min(n, from + kBlockRows) - from;
    size_t* out = rows.data() + offset[static_cast<size_t>(b)];
    if (usable[static_cast<size_t>(b)] == m) {
      for (size_t i = 0; i < m; ++i) out[i] = from + i;
    } else {
      const uint8_t* s = state.data() + from;
      for (size_t i = 0; i < m; ++i)
        if (s[i] == kUsable) *out++ = from + i;
    }
  }
  std::vector<uint8_t>().swap(state);
  for (size_t b = 0; b < static_cast<size_t>(blocks); ++b) {
    if (nonpositive[b]) d.dropped["nonpositive_weight"] += nonpositive[b];
    for (size_t r = 0; r < missing[b].size(); ++r)
      if (missing[b][r]) d.dropped[reason_name(static_cast<uint8_t>(r))] += missing[b][r];
  }
  std::vector<uint8_t>().swap(reason);
  // Singletons: observations alone in a fixed-effect level carry no information (Correia 2015).
  if (options.drop_singletons && !fes.empty()) {
    size_t removed = drop_singletons(fes, rows);
    if (removed) d.dropped["singletons"] = removed;
  }
  if (rows.empty() && !options.share_of_rows) throw_no_observations(spec.formula, n, d.dropped);
  if (rows.size() < rows.capacity() / 2) rows.shrink_to_fit();
  d.rows = std::move(rows);
  const std::vector<size_t>& sample = d.rows;
  // Each full-length coding is freed as soon as it is restricted to the sample.
  for (auto& f : fes) {
    d.fixed_effects.push_back(restrict_factor(std::move(f), sample));
    std::vector<int32_t>().swap(f.codes);
  }
  for (auto& [name, g] : groups) {
    d.groups.emplace(name, restrict_factor(std::move(g), sample));
    std::vector<int32_t>().swap(g.codes);
  }
  for (const auto& [name, k] : groups_as_fe) d.groups.emplace(name, copy_factor(d.fixed_effects[k]));
  std::vector<Factor>().swap(fes);
  groups.clear();
  if (!w.empty()) {
    d.weights.resize(static_cast<long>(sample.size()));
    for (size_t r = 0; r < sample.size(); ++r) d.weights[static_cast<long>(r)] = w[sample[r]];
    std::vector<double>().swap(w);
  }
  if (spec.intercept) {
    x_cols.insert(x_cols.begin(), NamedColumn{"(Intercept)", computed(std::vector<double>(n, 1.0))});
  }
  // The columns in their order in the design; when consuming the frame, each frame column is
  // released after the last design column that reads it (columns read by none right away).
  std::vector<NamedColumn*> order{&y};
  for (auto* set : {&x_cols, &endog_cols, &inst_cols})
    for (auto& c : *set) order.push_back(&c);
  std::vector<size_t> last_use;  // per frame column: 1 + index in `order` of its last reader, 0 if none
  auto release_after = [&](size_t done) {  // releases the columns whose last reader is order[done - 1]
    if (!release) return;
    bool any = false;
    for (size_t c = 0; c < last_use.size(); ++c)
      if (last_use[c] == done && frame.columns()[c].size() > 0) {
        release->release(frame.columns()[c].name);
        any = true;
      }
    if (any) release_free_memory();
  };
  if (release) {
    last_use.assign(frame.ncols(), 0);
    for (size_t c = 0; c < frame.ncols(); ++c)
      for (size_t j = 0; j < order.size(); ++j)
        if (order[j]->values.get() == &frame.columns()[c].values) last_use[c] = j + 1;
    release_after(0);
  }
  // Copies column `j` of `order` into `out` (sample rows), then frees what only it needed.
  // The rows are copied by the threads in parallel (each row once: the same copy for any count),
  // into pages made resident first (make_resident; a column at a time, so that the frame's columns
  // are released as the design's are filled, not after all of them are held).
  auto take = [&](size_t j, double* out) {
    make_resident(out, sample.size() * sizeof(double));
    const std::vector<double>& v = *order[j]->values;
    const long rows_in_sample = static_cast<long>(sample.size());
    if (sample.size() == v.size()) {  // every row: the sample's rows increase, so it is 0, 1, ..., n - 1
#pragma omp parallel for schedule(static) if (sample.size() > kBlockRows)
      for (long r = 0; r < rows_in_sample; ++r) out[r] = v[static_cast<size_t>(r)];
    } else {
#pragma omp parallel for schedule(static) if (sample.size() > kBlockRows)
      for (long r = 0; r < rows_in_sample; ++r) out[r] = v[sample[static_cast<size_t>(r)]];
    }
    if (release) {
      order[j]->values.reset();
      release_after(j + 1);
    }
  };
  const long ns = static_cast<long>(sample.size());
  auto names_of = [](const std::vector<NamedColumn>& cols, std::vector<std::string>& names) {
    for (const auto& c : cols) names.push_back(c.name);
  };
  names_of(x_cols, d.x_names);
  names_of(endog_cols, d.endog_names);
  names_of(inst_cols, d.instrument_names);
  if (options.stacked) {
    d.n_x = static_cast<long>(x_cols.size());
    d.n_endog = static_cast<long>(endog_cols.size());
    d.n_instruments = static_cast<long>(inst_cols.size());
    d.stacked.resize(ns, static_cast<long>(order.size()));
    for (size_t j = 0; j < order.size(); ++j) take(j, d.stacked.col(static_cast<long>(j)).data());
  } else {
    d.y.resize(ns);
    d.X.resize(ns, static_cast<long>(x_cols.size()));
    d.endog.resize(ns, static_cast<long>(endog_cols.size()));
    d.instruments.resize(ns, static_cast<long>(inst_cols.size()));
    size_t j = 0;
    take(j++, d.y.data());
    for (Eigen::MatrixXd* m : {&d.X, &d.endog, &d.instruments})
      for (long c = 0; c < m->cols(); ++c) take(j++, m->col(c).data());
  }
  return d;
}

}  // namespace

// The factor over the sample's rows, re-coded to the levels present there (keeping their order).
// When the sample is every row and every level occurs, that is the factor itself, moved, not copied.
Factor restrict_factor(Factor&& f, const std::vector<size_t>& rows) {
  std::vector<int32_t> map(f.n_levels, -1);  // the levels present marked 0 by the threads
  const long in_sample = static_cast<long>(rows.size());
#pragma omp parallel for schedule(static) if (rows.size() > kBlockRows)
  for (long a = 0; a < in_sample; ++a) set_once(map[static_cast<size_t>(f.codes[rows[static_cast<size_t>(a)]])], int32_t{0});
  if (rows.size() == f.codes.size() && std::find(map.begin(), map.end(), -1) == map.end()) return std::move(f);
  Factor out;
  out.name = f.name;
  int32_t next = 0;
  for (size_t l = 0; l < map.size(); ++l)
    if (map[l] == 0) {
      map[l] = next++;
      if (!f.labels.empty()) out.labels.push_back(f.labels[l]);
    }
  out.n_levels = static_cast<size_t>(next);
  out.codes.resize(rows.size());
  const long n = static_cast<long>(rows.size());
#pragma omp parallel for schedule(static) if (static_cast<size_t>(n) > kBlockRows)
  for (long r = 0; r < n; ++r) out.codes[static_cast<size_t>(r)] = map[f.codes[rows[static_cast<size_t>(r)]]];
  return out;
}

void throw_no_observations(const std::string& formula, size_t n_input, const std::map<std::string, size_t>& dropped) {
  if (n_input == 0) throw DataError(fmt::format("no observations for '{}': the data has no rows", formula));
  std::vector<std::string> why;
  for (const auto& [r, count] : dropped) why.push_back(fmt::format("{} {}", count, r));
  throw DataError(fmt::format("no observations left for '{}': all {} rows were dropped ({}); see \"What is dropped, and why\" in the README",
                              formula, n_input, fmt::join(why, ", ")));
}

Design build_design(const Frame& frame, const ModelSpec& spec, const DesignOptions& options) {
  return build(frame, spec, options, nullptr);
}

Design build_design(Frame&& frame, const ModelSpec& spec, const DesignOptions& options) {
  return build(frame, spec, options, &frame);
}

const Factor& Design::grouping(const std::string& name) const {
  auto it = groups.find(name);
  if (it == groups.end()) throw SpecError(fmt::format("internal: grouping '{}' not carried by the design", name));
  return it->second;
}

}  // namespace cbec

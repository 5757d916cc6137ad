// One-dimensional maximization of the concentrated likelihood: Brent's method with a Newton
// polish, and the interpolating search for a costly log-determinant (see spatial_ml_search.hpp).
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"

#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace cbec::detail {

namespace {

constexpr double kStartSpacing = 0.05;     // the first nodes: start and start +- this; the first trust region
constexpr double kLocateTolerance = 2e-4;  // steps below this end the locating phase
constexpr double kPolishSpacing = 2e-4;    // the polishing stencil's spacing
constexpr size_t kMaxLocateNodes = 12;     // then Brent on exact values instead

struct Node {
  double x, value;
};

// The polynomial through the nodes in Newton's form, c_j = f[x_0, ..., x_j] (divided differences).
class Interpolant {
 public:
  explicit Interpolant(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      x_.push_back(n.x);
      c_.push_back(n.value);
    }
    for (size_t k = 1; k < c_.size(); ++k)
      for (size_t i = c_.size() - 1; i >= k; --i) c_[i] = (c_[i] - c_[i - 1]) / (x_[i] - x_[i - k]);
  }

  // P(t), P'(t), P''(t) by Horner's scheme on the nested form c_0 + (t - x_0)(c_1 + (t - x_1)(...)).
  std::array<double, 3> operator()(double t) const {
    double p = c_.back(), d = 0, dd = 0;
    for (size_t j = c_.size() - 1; j-- > 0;) {
      const double u = t - x_[j];
      dd = 2 * d + u * dd;
      d = p + u * d;
      p = c_[j] + u * p;
    }
    return {p, d, dd};
  }

 private:
  std::vector<double> x_, c_;
};

}  // namespace

std::pair<double, double> maximize_brent(const Function1& f, double lo, double hi) {
  const auto r = boost::math::tools::brent_find_minima([&](double x) { return -f(x); }, lo, hi, std::numeric_limits<double>::digits / 2);
  return {r.first, -r.second};
}

std::pair<double, double> maximize(const Function1& f, std::pair<double, double> search, std::pair<double, double> bounds) {
  const auto start = maximize_brent(f, search.first, search.second);
  double x = start.first, fx = start.second;
  for (int step = 0; step < 3; ++step) {
    // The difference step shrinks near a bound, where ln|I - rho W| bends sharply (binary weights
    // with rho near 1 / max eigenvalue): the stencil's error moves the step by about h (h / d)^3
    // at a distance d from the bound, so h stays below d / 100.
    const double h = std::min(1e-3, 0.01 * std::min(x - bounds.first, bounds.second - x));
    if (!(h > 1e-7)) break;
    const double f1 = f(x + h), f_1 = f(x - h), f2 = f(x + 2 * h), f_2 = f(x - 2 * h);
    const double d1 = (8 * (f1 - f_1) - (f2 - f_2)) / (12 * h), d2 = (f1 - 2 * fx + f_1) / (h * h);
    if (!(d2 < 0)) break;
    const double next = x - d1 / d2;
    if (std::abs(next - x) > h) break;
    // A step must raise f unless the gain it promises, f' dx / 2, is below f's rounding (1e-10
    // relative): there the differences locate the maximum more finely than values can. It never
    // lowers f by more than rounding (1e-13 relative).
    const double fn = f(next);
    if (!(fn >= fx) && (std::abs(d1 * (next - x)) > 1e-10 * (1 + std::abs(fx)) || fx - fn > 1e-13 * (1 + std::abs(fx)))) break;
    x = next;
    fx = fn;
  }
  return {x, fx};
}

std::pair<double, double> maximize_on_grid(const Function1& f, std::pair<double, double> interval, int points, GridPlacement placement,
                                           bool polish, int peaks) {
  const bool mid = placement == GridPlacement::Midpoints;
  const double step = (interval.second - interval.first) / (mid ? points : points - 1);
  const auto at = [&](int i) { return std::clamp(interval.first + (i + (mid ? 0.5 : 0.0)) * step, interval.first, interval.second); };
  std::vector<double> value(static_cast<size_t>(points));
  for (int i = 0; i < points; ++i) value[static_cast<size_t>(i)] = f(at(i));
  // The grid's local maxima (NaN never one), best first; the best grid point when there is none.
  std::vector<int> tops;
  for (int i = 0; i < points; ++i) {
    const double v = value[static_cast<size_t>(i)];
    if ((i == 0 || v >= value[static_cast<size_t>(i - 1)]) && (i == points - 1 || v > value[static_cast<size_t>(i + 1)])) tops.push_back(i);
  }
  std::sort(tops.begin(), tops.end(), [&](int a, int b) { return value[static_cast<size_t>(a)] > value[static_cast<size_t>(b)]; });
  if (tops.empty()) tops.push_back(0);
  if (static_cast<int>(tops.size()) > peaks) tops.resize(static_cast<size_t>(peaks));
  std::pair<double, double> best{at(tops.front()), -std::numeric_limits<double>::infinity()};
  for (int top : tops) {
    const double lo = top == 0 ? interval.first : at(top - 1), hi = top == points - 1 ? interval.second : at(top + 1);
    const std::pair<double, double> r = polish ? maximize(f, {lo, hi}, interval) : maximize_brent(f, lo, hi);
    if (r.second > best.second) best = r;
  }
  return best;
}

CostlySearch maximize_costly_ldet(const BatchFunction& ldet, const Function1& g, std::pair<double, double> interval, double start) {
  const double lo = interval.first, hi = interval.second;  // not a structured binding: lambdas below capture them (clang)
  CostlySearch out;
  const auto exact_at = [&](const std::vector<double>& xs) {
    out.factorizations += static_cast<int>(xs.size());
    return ldet(xs);
  };
  const auto exact = [&](double x) { return exact_at({x})[0]; };
  std::vector<Node> nodes;  // distinct abscissae: a point already there is not evaluated again
  const auto add = [&](double x) {
    for (const Node& n : nodes)
      if (std::abs(n.x - x) < 1e-12) return n.value;
    nodes.push_back({x, exact(x)});
    return nodes.back().value;
  };
  // The cubic through the four nodes nearest x.
  const auto nearest_cubic = [&](double x) {
    std::vector<Node> near = nodes;
    const size_t m = std::min<size_t>(near.size(), 4);
    std::partial_sort(near.begin(), near.begin() + static_cast<long>(m), near.end(),
                      [x](const Node& a, const Node& b) { return std::abs(a.x - x) < std::abs(b.x - x); });
    near.resize(m);
    return Interpolant(near);
  };
  // The maximum of P + g on [x - radius, x + radius] (inside the interval), and whether it lies on
  // that region's edge (not the interval's).
  const auto model_maximum = [&](const Interpolant& p, double x, double radius) {
    const double a = std::max(lo, x - radius), b = std::min(hi, x + radius);
    const double top = maximize([&](double t) { return p(t)[0] + g(t); }, {a, b}, interval).first;
    const double tiny = 1e-6 * radius;
    return std::make_pair(top, (a > lo && top - a < tiny) || (b < hi && b - top < tiny));
  };

  // Locating: a trust-region iteration on the cubic through the four nodes nearest x (x a node),
  // the region halved when the step gains less than a quarter of what the model promised and
  // doubled when a good step spans nearly all of it. When it stalls (the region collapses, or too many
  // nodes), Brent's method on exact values to 1e-4.
  double radius = std::min(kStartSpacing, (hi - lo) / 4);
  double x = std::clamp(start, lo + radius, hi - radius);
  const std::vector<double> first_nodes{x - radius, x, x + radius};
  const std::vector<double> first_values = exact_at(first_nodes);
  for (size_t k = 0; k < first_nodes.size(); ++k) nodes.push_back({first_nodes[k], first_values[k]});
  double lx = first_values[1] + g(x);
  for (bool located = false; !located;) {
    if (nodes.size() >= kMaxLocateNodes || radius < kLocateTolerance / 4) {
      const auto r = boost::math::tools::brent_find_minima([&](double t) { return -(exact(t) + g(t)); }, lo, hi, 14);
      x = r.first;
      break;
    }
    const Interpolant p = nearest_cubic(x);
    const auto [next, edge] = model_maximum(p, x, radius);
    const double step = std::abs(next - x);
    if (step < kLocateTolerance && !edge) {
      x = next;
      located = true;
      continue;
    }
    const double promised = p(next)[0] + g(next) - lx;
    const double gained = add(next) + g(next) - lx;
    if (gained > 0) {
      x = next;
      lx += gained;
    }
    if (gained < 0.25 * promised) radius = step / 2;
    else if (step > 0.9 * radius) radius *= 2;
  }
  // Polishing: exact values at x + k s, k = -2..2, the quartic P through them, and the maximum of
  // P + g within 3 s of x; inside 2 s it is the answer (with P's value and second derivative
  // there), else the stencil moves there. Equal spacing s bounds the rounding of P' by
  // ~3 |error of ldet| / s (about 1e-11 / 2e-4) and its truncation by |ldet^(5)| s^4 / 30.
  const double s = kPolishSpacing;
  for (int round = 0; round < 3; ++round) {
    x = std::clamp(x, lo + 2 * s, hi - 2 * s);
    std::vector<double> at;
    for (int k = -2; k <= 2; ++k) at.push_back(x + k * s);
    const std::vector<double> values = exact_at(at);
    std::vector<Node> stencil;
    for (size_t k = 0; k < at.size(); ++k) stencil.push_back({at[k], values[k]});
    const Interpolant p(stencil);
    const double top = model_maximum(p, x, 3 * s).first;
    const bool edge_of_interval = top - lo < 3 * s || hi - top < 3 * s;
    if (std::abs(top - x) <= 2 * s || edge_of_interval) {
      out.x = top;
      const std::array<double, 3> at_top = p(top);
      out.ldet = at_top[0];
      out.ldet_second = at_top[2];
      return out;
    }
    x = top;
  }
  // Not settled: Brent on exact values, the second derivative by central differences.
  out.x = maximize([&](double t) { return exact(t) + g(t); }, interval).first;
  const std::vector<double> around = exact_at({out.x - s, out.x, out.x + s});
  out.ldet = around[1];
  out.ldet_second = (around[2] - 2 * out.ldet + around[0]) / (s * s);
  return out;
}

}  // namespace cbec::detail

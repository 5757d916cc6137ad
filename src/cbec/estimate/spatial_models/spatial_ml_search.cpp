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

constexpr double kStartSpacing = 0.05;     // the first nodes: start and start +- this
constexpr double kLocateTolerance = 1e-3;  // steps below this end the locating phase
constexpr double kPolishSpacing = 1e-3;    // the last nodes: x +- this
constexpr size_t kInterpolationNodes = 5;  // P has degree at most 4
constexpr size_t kMaxNodes = 25;           // then Brent on exact values instead

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

std::pair<double, double> maximize(const Function1& f, std::pair<double, double> search, std::pair<double, double> bounds) {
  const auto r = boost::math::tools::brent_find_minima([&](double x) { return -f(x); }, search.first, search.second,
                                                       std::numeric_limits<double>::digits / 2);
  double x = r.first, fx = -r.second;
  const double h = 1e-3;
  for (int step = 0; step < 3; ++step) {
    if (x - 2 * h <= bounds.first || x + 2 * h >= bounds.second) break;
    const double f1 = f(x + h), f_1 = f(x - h), f2 = f(x + 2 * h), f_2 = f(x - 2 * h);
    const double d1 = (8 * (f1 - f_1) - (f2 - f_2)) / (12 * h), d2 = (f1 - 2 * fx + f_1) / (h * h);
    if (!(d2 < 0)) break;
    const double next = x - d1 / d2;
    if (std::abs(next - x) > h) break;
    // Near the maximum f changes by ~f'' dx^2 / 2, below the rounding of f: a step within a few
    // ulps of f(x) is kept, as the differences locate the maximum more finely than values can.
    const double fn = f(next);
    if (!(fn >= fx - 4 * std::numeric_limits<double>::epsilon() * std::abs(fx))) break;
    x = next;
    fx = fn;
  }
  return {x, fx};
}

CostlySearch maximize_costly_ldet(const Function1& ldet, const Function1& g, std::pair<double, double> interval, double start) {
  const auto [lo, hi] = interval;
  CostlySearch out;
  const auto exact = [&](double x) {
    ++out.factorizations;
    return ldet(x);
  };
  std::vector<Node> nodes;
  const auto add = [&](double x) { nodes.push_back({x, exact(x)}); };
  // The interpolant through the nodes nearest x, and the maximum of P + g inside their span
  // widened by its width on each side (and inside the interval).
  const auto model_maximum = [&](double x) {
    std::vector<Node> near = nodes;
    const size_t m = std::min(near.size(), kInterpolationNodes);
    std::partial_sort(near.begin(), near.begin() + static_cast<long>(m), near.end(),
                      [x](const Node& a, const Node& b) { return std::abs(a.x - x) < std::abs(b.x - x); });
    near.resize(m);
    const auto [a, b] = std::minmax_element(near.begin(), near.end(), [](const Node& u, const Node& v) { return u.x < v.x; });
    const double width = b->x - a->x;
    const Interpolant p(near);
    const auto top = maximize([&](double t) { return p(t)[0] + g(t); }, {std::max(lo, a->x - width), std::min(hi, b->x + width)}, interval);
    return std::make_pair(top.first, p);
  };

  const double h = std::min(kStartSpacing, (hi - lo) / 4);
  double x = std::clamp(start, lo + h, hi - h);
  add(x - h);
  add(x);
  add(x + h);
  for (;;) {
    if (nodes.size() >= kMaxNodes) {
      // Not settled: Brent on exact values, the second derivative by central differences.
      const double top = maximize([&](double t) { return exact(t) + g(t); }, interval).first;
      const double d = kPolishSpacing;
      out.x = top;
      out.ldet = exact(top);
      out.ldet_second = (exact(top + d) - 2 * out.ldet + exact(top - d)) / (d * d);
      return out;
    }
    const double next = model_maximum(x).first;
    const double step = std::abs(next - x);
    x = next;
    const bool known = std::any_of(nodes.begin(), nodes.end(), [x](const Node& n) { return std::abs(n.x - x) < kLocateTolerance; });
    if (step < kLocateTolerance || known) break;
    add(x);
  }
  for (const double side : {-1.0, 1.0}) {
    const double t = std::clamp(x + side * kPolishSpacing, lo, hi);
    const bool near = std::any_of(nodes.begin(), nodes.end(), [t](const Node& n) { return std::abs(n.x - t) < 0.5 * kPolishSpacing; });
    if (!near) add(t);
  }
  const auto [top, p] = model_maximum(x);
  out.x = top;
  out.ldet = exact(top);
  out.ldet_second = p(top)[2];
  return out;
}

}  // namespace cbec::detail

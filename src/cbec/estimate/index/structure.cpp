#include "cbec/estimate/index/structure.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per row: sector outputs and labour, their totals; false when anything is missing or non-positive.
bool sectors(const Frame& f, const std::vector<std::string>& q, const std::vector<std::string>& l, size_t i, std::vector<double>& Q,
             std::vector<double>& L, double& QT, double& LT) {
  if (q.size() != l.size() || q.empty()) throw SpecError("give one labour column for each output column");
  Q.assign(q.size(), 0);
  L.assign(l.size(), 0);
  QT = LT = 0;
  for (size_t s = 0; s < q.size(); ++s) {
    Q[s] = f.numeric(q[s])[i];
    L[s] = f.numeric(l[s])[i];
    // A sector without output is defined (its deviation term is 1); one without labour is not.
    if (!(Q[s] >= 0) || !(L[s] > 0)) return false;
    QT += Q[s];
    LT += L[s];
  }
  return QT > 0;
}
}  // namespace

std::vector<double> structure_advancement(const Frame& f, const std::string& tertiary, const std::string& secondary) {
  const auto &y3 = f.numeric(tertiary), &y2 = f.numeric(secondary);
  std::vector<double> out(f.nrows());
  for (size_t i = 0; i < out.size(); ++i) out[i] = y2[i] > 0 ? y3[i] / y2[i] : kNaN;
  return out;
}

std::vector<double> structural_deviation(const Frame& f, const std::vector<std::string>& q, const std::vector<std::string>& l) {
  std::vector<double> out(f.nrows(), kNaN), Q, L;
  double QT, LT;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!sectors(f, q, l, i, Q, L, QT, LT)) continue;
    double e = 0;
    for (size_t s = 0; s < Q.size(); ++s) e += std::fabs((Q[s] / QT) / (L[s] / LT) - 1);
    out[i] = e;
  }
  return out;
}

std::vector<double> theil_rationalization(const Frame& f, const std::vector<std::string>& q, const std::vector<std::string>& l) {
  std::vector<double> out(f.nrows(), kNaN), Q, L;
  double QT, LT;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!sectors(f, q, l, i, Q, L, QT, LT)) continue;
    double t = 0;
    // A sector without output leaves the index missing (0 ln 0, as the formula written out in Stata or R).
    for (size_t s = 0; s < Q.size(); ++s) t += (Q[s] / QT) * std::log((Q[s] / L[s]) / (QT / LT));
    out[i] = t;
  }
  return out;
}

std::vector<double> location_quotient(const Frame& f, const std::string& region, const std::string& industry, const std::string& value,
                                      const std::string& group) {
  const Column &r = f.get(region), &j = f.get(industry);
  const auto& x = f.numeric(value);
  const Column* by = group.empty() ? nullptr : &f.get(group);
  auto g = [&](size_t i) { return by ? by->text(i) : std::string(); };
  auto labelled = [&](size_t i) { return !r.is_missing(i) && !j.is_missing(i) && (!by || !by->is_missing(i)); };
  std::map<std::string, double> region_total, industry_total, total;
  // Each region and industry has one value (within a group, a year): a repeat is refused. (Without
  // a group a panel's years were summed into the shares but not into the row's own value, which gave
  // location quotients of about 1/T of the real ones.)
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (!labelled(i)) continue;
    const auto [at, fresh] = seen.emplace(g(i) + "\x1f" + r.text(i) + "\x1f" + j.text(i), i);
    if (!fresh && group.empty())
      throw DataError(fmt::format("region '{}' and industry '{}' appear twice, in data lines {} and {}: a location quotient needs one value "
                                  "per region and industry; for panel data give --group with the period column (one LQ per period), or "
                                  "sum or drop the repeats",
                                  r.text(i), j.text(i), f.line(at->second), f.line(i)));
    if (!fresh)
      throw DataError(fmt::format("region '{}' and industry '{}' appear twice in {} '{}', in data lines {} and {}: a location quotient needs "
                                  "one value per region and industry in each; sum or drop the repeats",
                                  r.text(i), j.text(i), group, g(i), f.line(at->second), f.line(i)));
    if (std::isnan(x[i])) continue;
    if (x[i] < 0) throw DataError(fmt::format("'{}' is negative in data line {}; location quotients need non-negative values", value, f.line(i)));
    region_total[g(i) + "\x1f" + r.text(i)] += x[i];
    industry_total[g(i) + "\x1f" + j.text(i)] += x[i];
    total[g(i)] += x[i];
  }
  std::vector<double> out(f.nrows(), kNaN);
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (std::isnan(x[i]) || !labelled(i)) continue;
    const double rt = region_total[g(i) + "\x1f" + r.text(i)], it = industry_total[g(i) + "\x1f" + j.text(i)], t = total[g(i)];
    if (rt > 0 && it > 0) out[i] = (x[i] / rt) / (it / t);
  }
  return out;
}

}  // namespace cbec

#include "cbec/frame/spatial_weights.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cbec/core/error.hpp"

namespace cbec {

void check_dense_size(size_t n, const std::string& what, const std::string& instead) {
  if (n > kMaxDenseUnits)
    throw SpecError(fmt::format("{} are dense: {} units make {:.3g} weights (more than {} units is refused); {}", what, n,
                                static_cast<double>(n) * static_cast<double>(n - 1), kMaxDenseUnits, instead));
}

WeightsAudit audit_weights(const SpatialWeights& w) {
  WeightsAudit a;
  const Eigen::SparseMatrix<double, Eigen::RowMajor> t = w.W.transpose();
  for (Eigen::Index i = 0; i < w.W.outerSize(); ++i) {
    bool any = false;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) {
      if (it.value() == 0) continue;
      any = true;
      if (it.col() == i) {
        a.self_links.push_back(w.ids[static_cast<size_t>(i)]);
        continue;
      }
      if (t.coeff(i, it.col()) == 0) {
        ++a.one_way;
        if (a.one_way_examples.size() < 5)
          a.one_way_examples.push_back(w.ids[static_cast<size_t>(i)] + " -> " + w.ids[static_cast<size_t>(it.col())]);
      }
    }
    if (!any) a.islands.push_back(w.ids[static_cast<size_t>(i)]);
  }
  return a;
}

std::vector<std::string> audit_notes(const WeightsAudit& a) {
  std::vector<std::string> notes;
  if (a.one_way)
    notes.push_back(fmt::format("The weights are asymmetric: {} link{} listed in one direction only (e.g. {}); an edge list giving each pair once "
                                "leaves the other unit without that neighbour: add {} to make every link mutual.",
                                a.one_way, a.one_way == 1 ? " is" : "s are", fmt::join(a.one_way_examples, ", "), "--symmetrize (Python: symmetrize=True)"));
  if (!a.self_links.empty())
    notes.push_back(fmt::format("{} unit{} its own neighbour (self-link): {}.", a.self_links.size(), a.self_links.size() == 1 ? " is" : "s are",
                                fmt::join(a.self_links, ", ")));
  if (!a.islands.empty())
    notes.push_back(fmt::format("{} unit{} no neighbours (islands): {}.", a.islands.size(), a.islands.size() == 1 ? " has" : "s have",
                                a.islands.size() <= 10 ? fmt::format("{}", fmt::join(a.islands, ", "))
                                                       : fmt::format("{} and {} more", fmt::join(a.islands.begin(), a.islands.begin() + 10, ", "), a.islands.size() - 10)));
  return notes;
}

SpatialWeights symmetrize(const SpatialWeights& w) {
  SpatialWeights out = w;
  const Eigen::SparseMatrix<double, Eigen::RowMajor> t = w.W.transpose();
  std::vector<Eigen::Triplet<double>> trip;
  trip.reserve(static_cast<size_t>(w.W.nonZeros()) * 2);
  for (Eigen::Index i = 0; i < w.W.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) trip.emplace_back(static_cast<int>(i), static_cast<int>(it.col()), it.value());
  for (Eigen::Index i = 0; i < t.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(t, i); it; ++it)
      if (w.W.coeff(i, it.col()) == 0) trip.emplace_back(static_cast<int>(i), static_cast<int>(it.col()), it.value());
  out.W.setFromTriplets(trip.begin(), trip.end());
  out.construction = w.construction + ", symmetrized";
  return out;
}

}  // namespace cbec

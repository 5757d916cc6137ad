#include "cbec/estimate/ols/fixed_effects.hpp"

#include <numeric>

namespace cbec {

namespace {
int32_t find_root(std::vector<int32_t>& parent, int32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}
}  // namespace

size_t absorbed_parameters(const std::vector<Factor>& fes) {
  if (fes.empty()) return 0;
  size_t k = fes[0].n_levels;
  if (fes.size() >= 2) {
    // Connected components of the graph whose nodes are the levels of FE 1 and FE 2.
    const Factor &a = fes[0], &b = fes[1];
    std::vector<int32_t> parent(a.n_levels + b.n_levels);
    std::iota(parent.begin(), parent.end(), 0);
    for (size_t i = 0; i < a.codes.size(); ++i) {
      int32_t x = find_root(parent, a.codes[i]), y = find_root(parent, static_cast<int32_t>(a.n_levels) + b.codes[i]);
      if (x != y) parent[x] = y;
    }
    size_t components = 0;
    for (size_t v = 0; v < parent.size(); ++v) components += find_root(parent, static_cast<int32_t>(v)) == static_cast<int32_t>(v);
    k += b.n_levels - components;
  }
  for (size_t q = 2; q < fes.size(); ++q) k += fes[q].n_levels - 1;
  return k;
}

bool nested_in(const Factor& inner, const Factor& outer) {
  std::vector<int32_t> home(inner.n_levels, -1);
  for (size_t i = 0; i < inner.codes.size(); ++i) {
    int32_t& h = home[inner.codes[i]];
    if (h < 0) h = outer.codes[i];
    else if (h != outer.codes[i]) return false;
  }
  return true;
}

}  // namespace cbec

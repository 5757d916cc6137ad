#include "cbec/frame/factor.hpp"

#include <map>

#include "cbec/frame/levels.hpp"

namespace cbec {

Factor make_factor(const Frame& frame, const std::vector<std::string>& variables) {
  Factor out;
  for (size_t k = 0; k < variables.size(); ++k) out.name += (k ? "^" : "") + variables[k];
  const size_t n = frame.nrows();
  // Code each variable by sorted level, then combine.
  std::vector<std::vector<int32_t>> per;
  std::vector<std::vector<std::string>> labels;
  for (const auto& v : variables) {
    Levels lv = code_levels(frame.get(v));
    std::vector<int32_t> codes = std::move(lv.codes);
    std::vector<std::string> lab = std::move(lv.labels);
    per.push_back(std::move(codes));
    labels.push_back(std::move(lab));
  }
  if (per.size() == 1) {
    out.codes = std::move(per[0]);
    out.labels = std::move(labels[0]);
    out.n_levels = out.labels.size();
    return out;
  }
  // Interactions: combine codes in lexicographic order of the components.
  std::map<std::vector<int32_t>, int32_t> combos;
  for (size_t i = 0; i < n; ++i) {
    std::vector<int32_t> key;
    bool ok = true;
    for (const auto& p : per) { ok &= p[i] >= 0; key.push_back(p[i]); }
    if (ok) combos.emplace(key, 0);
  }
  int32_t next = 0;
  for (auto& [key, code] : combos) {
    code = next++;
    std::string lab;
    for (size_t k = 0; k < key.size(); ++k) lab += (k ? "^" : "") + labels[k][key[k]];
    out.labels.push_back(lab);
  }
  out.n_levels = out.labels.size();
  out.codes.assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    std::vector<int32_t> key;
    bool ok = true;
    for (const auto& p : per) { ok &= p[i] >= 0; key.push_back(p[i]); }
    if (ok) out.codes[i] = combos.at(key);
  }
  return out;
}

size_t drop_singletons(const std::vector<Factor>& fes, std::vector<size_t>& rows) {
  const size_t before = rows.size();
  std::vector<std::vector<uint32_t>> counts(fes.size());
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t q = 0; q < fes.size(); ++q) {
      counts[q].assign(fes[q].n_levels, 0);
      for (size_t r : rows) ++counts[q][fes[q].codes[r]];
    }
    size_t kept = 0;  // compacted in place: no second row index
    for (size_t a = 0; a < rows.size(); ++a) {
      const size_t r = rows[a];
      bool single = false;
      for (size_t q = 0; q < fes.size() && !single; ++q) single = counts[q][fes[q].codes[r]] == 1;
      if (single) changed = true;
      else rows[kept++] = r;
    }
    rows.resize(kept);
  }
  return before - rows.size();
}

}  // namespace cbec

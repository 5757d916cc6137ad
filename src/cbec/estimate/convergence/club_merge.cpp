// Club merging (Phillips and Sul 2009, appendix B, step 5; von Lyncker and Thoennessen 2017,
// section 3.2), in ConvergenceClubs' mergeClubs order: starting from club i, clubs i+1, i+2, ... are
// added while the union converges (t > -1.65); vLT adds club k only if also t(current + k) >
// t(k + k+1). The first club not added starts the next merged club; when the last club is the one
// not added, it stays on its own.
#include <algorithm>

#include "cbec/estimate/convergence/club_convergence.hpp"

namespace cbec {

void merge_clubs(const Eigen::MatrixXd& X, const ClubOptions& o, ClubResult& result) {
  const auto& clubs = result.clubs;
  const size_t n = clubs.size();
  result.merged.clear();
  if (n < 2) {
    result.merged = clubs;
    for (size_t c = 0; c < n; ++c) result.merged[c].merged = {c + 1};
    return;
  }
  auto joined = [](std::vector<size_t> a, const std::vector<size_t>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  size_t i = 0;
  while (i + 1 < n) {
    Club current{clubs[i].members, {i + 1}, {}};
    bool last_alone = false;
    size_t k = i + 1;
    for (; k < n; ++k) {
      const LogTTest t = log_t_test(X, joined(current.members, clubs[k].members), o.r);
      if (!converges(t)) {
        last_alone = k + 1 == n;
        break;
      }
      if (o.merge == "vlt" && k + 1 < n && !(t.stat > log_t_test(X, joined(clubs[k].members, clubs[k + 1].members), o.r).stat)) break;
      current.members = joined(current.members, clubs[k].members);
      current.merged.push_back(k + 1);
    }
    current.test = log_t_test(X, current.members, o.r);
    result.merged.push_back(current);
    if (last_alone) result.merged.push_back({clubs[n - 1].members, {n}, clubs[n - 1].test});
    i = std::min(k, n - 1);
  }
}

}  // namespace cbec

// Reuse of demeaned columns across models estimated on the same data in one command (stepwise
// tables, robustness columns): a column is demeaned once per (fixed effects, sample, weights).
#pragma once
#include <Eigen/Core>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "cbec/formula/design.hpp"

namespace cbec {

class DemeanCache {
 public:
  // The key of a design's fixed effects, sample rows and weights.
  static std::string sample_key(const Design& d);
  // Looks up a demeaned column; false when absent.
  bool find(const std::string& key, Eigen::VectorXd& out) const;
  void store(const std::string& key, const Eigen::VectorXd& v);
  size_t hits() const { return hits_; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Eigen::VectorXd> columns_;
  mutable size_t hits_ = 0;
};

}  // namespace cbec

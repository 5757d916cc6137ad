// Eigen's own OpenMP threads (its sparse-times-dense and large dense products) for one scope,
// restored on leaving it. Eigen opens a parallel region per product: on small products, or on a
// loaded machine, the threads wait for each other longer than the product takes (bench/spreg:
// 7.2 s with 2 threads against 0.48 s with 1 at n = 5,000 under load 8). Not for use inside a
// parallel region (Eigen's setting is global).
#pragma once
#include <Eigen/Core>

namespace cbec {

class EigenThreads {
 public:
  explicit EigenThreads(int threads) : saved_(Eigen::nbThreads()) { Eigen::setNbThreads(threads); }
  ~EigenThreads() { Eigen::setNbThreads(saved_); }
  EigenThreads(const EigenThreads&) = delete;
  EigenThreads& operator=(const EigenThreads&) = delete;

 private:
  int saved_;
};

}  // namespace cbec

// Mediation analysis by the three-step procedure (Baron and Kenny 1986; Wen et al. 2004, the
// stepwise test common in Chinese studies): (1) Y on D, (2) M on D, (3) Y on D and M, each with the
// same controls and fixed effects; indirect effect a*b with the Sobel (1982) test
// z = ab / sqrt(b^2 s_a^2 + a^2 s_b^2), and a cluster (unit) bootstrap percentile confidence interval
// of a*b (Preacher and Hayes 2008), parallel and reproducible by seed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct MediationSpec {
  std::string y, treatment, mediator, unit;   // unit: clusters for the SEs and the bootstrap
  std::vector<std::string> controls;
  std::vector<std::string> fixed_effects;     // e.g. {"city", "year"}
  size_t draws = 500;
  uint64_t seed = 12345;
  double level = 0.95;
  int threads = 0;
};

struct MediationResult {
  RegressionResult total, mediator, direct;   // steps 1-3
  double c = 0, a = 0, b = 0, c_prime = 0;
  double indirect = 0, sobel_z = 0, sobel_p = 0, proportion = 0;
  double boot_low = 0, boot_high = 0;
  size_t draws = 0;
};

MediationResult mediation(const Frame& frame, const MediationSpec& spec);

}  // namespace cbec

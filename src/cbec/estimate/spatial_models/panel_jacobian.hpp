// The Jacobian sum_t ln|I - rho W_t| of a spatial panel's likelihood (Elhorst 2014, Spatial
// Econometrics, eq. 3.6, T ln|I - rho W| when every period has the same W): one log-determinant per
// distinct period weights W_t, counted once per period using it, so unbalanced panels (each period's
// W restricted to its units) cost one factorization per distinct unit set.
#pragma once
#include <utility>
#include <vector>

#include "cbec/estimate/spatial_models/log_determinant.hpp"
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

struct PanelJacobian {
  std::vector<LogDeterminant> logdet;   // per distinct W_t
  std::vector<double> count;            // periods using each
  std::pair<double, double> interval;   // rho's admissible values: the intersection over the W_t

  double operator()(double rho) const;        // sum_t ln|I - rho W_t|
  double derivative(double rho) const;        // -sum_t tr(W_t (I - rho W_t)^-1)
};

// Throws NumericError when the weights leave no interval around 0.
PanelJacobian panel_jacobian(const SpatialPanelData& data, LogDetMethod method);

}  // namespace cbec

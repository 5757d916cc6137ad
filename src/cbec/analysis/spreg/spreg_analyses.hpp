// The spatial regression analyses (family spreg): cross-section models by maximum likelihood
// (spreg).
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis spreg_analysis();

}  // namespace cbec

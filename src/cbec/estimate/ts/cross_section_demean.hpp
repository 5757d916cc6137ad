// Cross-sectional demeaning of a cointegration panel (Stata's xtcointtest `demean`; Pedroni 1999
// sec. 2, Levin-Lin-Chu 2002 sec. 5): y_it and x_it minus their means over the units observed in
// period t, against common time effects.
#pragma once
#include "cbec/estimate/ts/cointegration_data.hpp"

namespace cbec {

CointegrationData cross_section_demeaned(const CointegrationData& d);

}  // namespace cbec

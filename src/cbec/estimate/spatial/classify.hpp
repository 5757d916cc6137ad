// Class breaks for choropleth maps, as R classInt: Fisher-Jenks natural breaks (exact dynamic
// programming minimising the within-class sum of squares; Fisher 1958, Jenks 1977; breaks at the
// midpoints between classes, as classInt "fisher"), quantiles (R type 7), equal intervals, and
// standard-deviation classes (mean +/- whole SDs, clipped to the data range). Units fall in
// [b_k, b_k+1), the last class closed on the right.
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct Classification {
  std::string method;
  std::vector<double> breaks;   // k + 1 values
  std::vector<int> cls;         // class (0..k-1) of each value, -1 when missing
  std::string note;             // fewer classes than asked (more than the distinct values), as classInt
};

Classification classify(const std::vector<double>& values, const std::string& method, int k = 5);

}  // namespace cbec

// Aggregation of group-time ATTs into summary parameters (Callaway and Sant'Anna 2021, sec. 3.3,
// eq. 3.8-3.11), each with its influence function, including the term for the estimated cohort
// shares (the did package's wif(), with the did 2.3 fix for the group aggregation). Internal to
// callaway_santanna.cpp.
#pragma once
#include <Eigen/Dense>

#include <optional>
#include <string>
#include <vector>

namespace cbec {

struct GroupTimeInput {
  std::vector<double> group, time, att;  // estimated ATT(g, t) only
  Eigen::MatrixXd influence;             // units x entries
  std::vector<double> unit_group;        // cohort of each unit (0 = never treated)
  Eigen::VectorXd unit_weight;           // first-period weight of each unit
};

struct AggregateEstimate {
  double key = 0, att = 0;
  Eigen::VectorXd influence;
  std::vector<size_t> entries;  // the input ATT(g, t) it averages (simple, dynamic, calendar)
};

struct AggregationOutput {
  std::string type;
  AggregateEstimate overall;
  std::vector<AggregateEstimate> effects;
};

AggregationOutput aggregate_simple(const GroupTimeInput& in);
AggregationOutput aggregate_dynamic(const GroupTimeInput& in, int min_e, int max_e, std::optional<int> balance_e);
AggregationOutput aggregate_group(const GroupTimeInput& in);
AggregationOutput aggregate_calendar(const GroupTimeInput& in);

}  // namespace cbec

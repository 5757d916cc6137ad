// Convergence clubs (Phillips and Sul 2007, Econometrica 75(6), section 4; 2009, J. Applied
// Econometrics 24(7), section 3 and appendix B), as the R package ConvergenceClubs implements them
// (findClubs, mergeClubs; Sichera and Pizzuto 2019):
//  0. optionally take logs, then the Hodrick-Prescott trend of each unit (lambda 400, or none);
//  1. order the units by the last period (or the mean of the last fraction of periods), decreasing;
//  2. if the log t test does not reject convergence for all remaining units, they form one club;
//  3. core group: the first pair (k, k+1) in the order with t > -1.65, grown unit by unit while
//     t > -1.65; the core is the grown group with the largest |t| (ConvergenceClubs' "max" rule);
//     no such pair: the remaining units diverge;
//  4. sieve: each remaining unit joins the core when core + unit has t > c* (default 0);
//  5. remove the club and repeat from 2 on the units left (one unit left: divergent).
// Merging (Phillips and Sul 2009, appendix B): adjacent clubs k, k+1 are merged while the log t test
// of their union does not reject; von Lyncker and Thoennessen (2017) merge club k into the current
// one only if, in addition, that t exceeds the t of clubs k and k+1 together.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/convergence/log_t.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct ClubOptions {
  bool logs = true;            // log of the variable before filtering
  double hp_lambda = 400;      // 0 = no filtering
  double r = 0.3;              // fraction of periods discarded in the log t regression
  double cstar = 0;            // sieve critical value c*
  double order_fraction = 0;   // 0: order by the last period; else by the mean of the last fraction
  std::string merge = "ps";    // none | ps | vlt
  // The core group's size k*: "convergenceclubs", the largest |t_k| (R ConvergenceClubs' coreG);
  // "paper", the largest t_k (Phillips and Sul 2007, section 4 step 2; 2009, appendix B).
  std::string core_rule = "convergenceclubs";
};

struct Club {
  std::vector<size_t> members;   // unit indices, in the clustering order
  std::vector<size_t> merged;    // for merged clubs: the (1-based) initial clubs joined
  LogTTest test;
};

struct ClubResult {
  std::string variable;
  std::vector<std::string> units;
  size_t periods = 0;
  ClubOptions options;
  LogTTest full;                          // all units
  std::vector<Club> clubs;                // after clustering
  std::vector<size_t> divergent;
  std::vector<Club> merged;               // after merging (empty when merge = none)
};

// X: units x periods of the variable already transformed (logs, filtered).
void find_clubs(const Eigen::MatrixXd& X, const ClubOptions& options, ClubResult& result);
// Merges result.clubs into result.merged by options.merge.
void merge_clubs(const Eigen::MatrixXd& X, const ClubOptions& options, ClubResult& result);

// Logs and filtering per options; rows = units.
Eigen::MatrixXd club_input(const Eigen::MatrixXd& raw, const ClubOptions& options, const std::string& variable);

// The whole procedure on a balanced panel of `variable`.
ClubResult club_convergence(const Frame& frame, const std::string& variable, const std::string& unit, const std::string& time, const ClubOptions& options = {});


}  // namespace cbec

// Tables and figures of the staggered-DID analyses (event study, Sun-Abraham, placebo, wild
// bootstrap, Goodman-Bacon, mediation). `truth` is the known truth of simulated data or null.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/estimate/did/bacon.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/mediation.hpp"
#include "cbec/estimate/did/placebo.hpp"
#include "cbec/estimate/did/wild_bootstrap.hpp"
#include "cbec/report/figures.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// Effects by period relative to treatment; binned endpoints are labelled and their true effect
// is the average over the periods they bin.
Table event_periods_table(const std::string& title, const std::vector<EventPeriod>& periods, const nlohmann::json& truth);
Figure event_periods_figure(const std::string& title, const std::vector<EventPeriod>& periods, const nlohmann::json& truth);

// "Known true ATT of the simulated data" under a table, when the truth has one.
void add_truth_note(Table& t, const nlohmann::json& truth);

Table placebo_table(const PlaceboResult& p);
Table wild_bootstrap_table(const WildBootstrapResult& r, const nlohmann::json& truth);
Table bacon_table(const BaconResult& b, const std::string& decomposed, const nlohmann::json& truth);
Table mediation_table(const MediationResult& m);

}  // namespace cbec

// Tables of the panel cointegration results (FMOLS/DOLS, Kao, Pedroni, Westerlund, Hansen's Lc, Jarque-Bera).
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/ts/jarque_bera.hpp"
#include "cbec/estimate/ts/kao.hpp"
#include "cbec/estimate/ts/long_run_fit.hpp"
#include "cbec/estimate/ts/pedroni.hpp"
#include "cbec/estimate/ts/westerlund.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// The panel estimate, then each unit's (with Hansen's Lc for FMOLS, leads and lags for DOLS).
std::vector<Table> long_run_tables(const PanelLongRun& r, const std::string& long_run);
Table kao_table(const KaoResult& r, const std::string& long_run);
// `lags`: the ADF lag rule in words.
Table pedroni_table(const PedroniResult& r, const std::string& lags, const std::string& long_run);
Table westerlund_table(const WesterlundResult& r, const std::string& lags, const std::string& long_run);
// Hansen's Lc of each unit's FMOLS.
Table hansen_lc_table(const PanelLongRun& r, const std::string& long_run);
// One row per sample: its label and the test.
Table jarque_bera_table(const std::vector<std::pair<std::string, JarqueBera>>& rows, const std::string& variable);

}  // namespace cbec

# ADF of single series against statsmodels (adfuller: MacKinnon 1994 p-values, MacKinnon 2010
# critical values): Produc's log gsp and unemp of the first three states, each deterministic term,
# fixed lags and AIC/BIC selection with maxlag 4.
# Run: /usr/bin/python3 tests/reference/ts/adf_statsmodels.py > tests/reference/fixtures/ts_adf_statsmodels.json
import json

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.stattools import adfuller

d = pd.read_csv("tests/data/produc.csv")
cases = []
for state in ["ALABAMA", "ARIZONA", "ARKANSAS"]:
    s = d[d.state == state].sort_values("year")
    for var, x in [("gsp", np.log(s.gsp.values)), ("unemp", s.unemp.values)]:
        for reg, det in [("n", "none"), ("c", "constant"), ("ct", "trend")]:
            for lags in ["0", "2", "aic", "bic"]:
                if lags in ("aic", "bic"):
                    r = adfuller(x, maxlag=4, regression=reg, autolag=lags.upper())
                else:
                    r = adfuller(x, maxlag=int(lags), regression=reg, autolag=None)
                cases.append({"state": state, "variable": var, "deterministic": det, "lags": lags, "max_lags": 4,
                              "stat": r[0], "p_value": r[1], "used_lag": int(r[2]), "nobs": int(r[3]),
                              "critical": [r[4]["1%"], r[4]["5%"], r[4]["10%"]]})
print(json.dumps({"source": "statsmodels " + statsmodels.__version__ + " adfuller", "cases": cases}, indent=1))

# First-generation panel unit-root tests against plm's purtest (p.approx = "MacKinnon1994", the
# per-unit p-values cbec computes) on Produc (gsp, unemp; 48 states x 17 years) and Grunfeld (inv;
# 10 firms x 20 years), levels and first differences, each deterministic term, fixed and selected lags,
# with plm's default dfcor = FALSE (cbec's mle_variance) and dfcor = TRUE; and after cross-sectional
# demeaning (cbec's demean) done in R.
# Run: Rscript tests/reference/ts/purtest_plm.R > tests/reference/fixtures/ts_purtest_plm.json
suppressMessages({library(plm); library(jsonlite)})
produc <- read.csv("tests/data/produc.csv")
grunfeld <- read.csv("tests/data/grunfeld.csv")
wide <- function(d, unit, time, var) {
  d <- d[order(d[[unit]], d[[time]]), ]
  as.data.frame(split(d[[var]], d[[unit]]))
}
sets <- list(list(data = "produc.csv", unit = "state", time = "year", var = "gsp", d = produc),
             list(data = "produc.csv", unit = "state", time = "year", var = "unemp", d = produc),
             list(data = "grunfeld.csv", unit = "firm", time = "year", var = "inv", d = grunfeld))
exos <- c(none = "none", intercept = "constant", trend = "trend")
tests <- list(levinlin = c("llc", "t*"), ips_W = c("ips", "W-tbar"), ips_Z = c("ips", "Z-tbar"),
              madwu = c("fisher_adf", "P"), invnormal = c("fisher_adf", "Z"), logit = c("fisher_adf", "L*"), Pm = c("fisher_adf", "Pm"),
              hadri = c("hadri", "Z (robust)"), hadri_h = c("hadri", "Z"))
lagsets <- list(list(lags = 1, cbec = "1", max = -1), list(lags = "SIC", cbec = "bic", max = 2), list(lags = "AIC", cbec = "aic", max = 2),
                list(lags = "Hall", cbec = "tsig", max = 2))
# MacKinnon (1994) Table 3's range of tau: cbec holds tau at its ends, plm extrapolates the polynomials
range94 <- list(none = c(-19.04, Inf), intercept = c(-18.83, 2.74), trend = c(-16.18, 0.7))
cases <- list()
for (s in sets) for (series in c("levels", "differences")) {
  w <- wide(s$d, s$unit, s$time, s$var)
  if (series == "differences") w <- as.data.frame(lapply(w, diff))
  for (exo in names(exos)) for (tn in names(tests)) for (lg in lagsets) for (dfcor in c(FALSE, TRUE)) {
    test <- sub("_.*", "", tn)
    if (exo == "none" && test %in% c("ips", "hadri")) next
    if (test == "hadri" && (lg$cbec != "1")) next
    if (tn == "ips_Z" && exo != "intercept") next
    ips.stat <- if (tn == "ips_Z") "Ztbar" else NULL
    r <- purtest(w, test = test, exo = exo, lags = lg$lags, pmax = max(lg$max, 0), dfcor = dfcor, Hcons = (tn != "hadri_h"),
                 ips.stat = ips.stat, p.approx = "MacKinnon1994")
    cases[[length(cases) + 1]] <- list(data = s$data, unit = s$unit, time = s$time, variable = s$var, series = series,
      deterministic = unname(exos[exo]), test = tests[[tn]][1], stat = tests[[tn]][2], lags = lg$cbec, max_lags = lg$max,
      mle_variance = !dfcor, value = unname(r$statistic$statistic), p_value = unname(r$statistic$p.value),
      tau_outside_range = if (test == "hadri") 0L else sum(vapply(r$idres, function(x) x$trho < range94[[exo]][1] || x$trho > range94[[exo]][2], TRUE)))
  }
}
# Cross-sectional demeaning (cbec's demean), done here on the wide levels before differencing
for (s in sets) for (series in c("levels", "differences")) {
  w <- wide(s$d, s$unit, s$time, s$var)
  w <- as.data.frame(as.matrix(w) - rowMeans(as.matrix(w)))
  if (series == "differences") w <- as.data.frame(lapply(w, diff))
  for (tn in c("levinlin", "ips_W", "madwu", "hadri")) {
    test <- sub("_.*", "", tn)
    r <- purtest(w, test = test, exo = "intercept", lags = 1, dfcor = FALSE, p.approx = "MacKinnon1994")
    cases[[length(cases) + 1]] <- list(data = s$data, unit = s$unit, time = s$time, variable = s$var, series = series, demean = TRUE,
      deterministic = "constant", test = tests[[tn]][1], stat = tests[[tn]][2], lags = "1", max_lags = -1, mle_variance = TRUE,
      value = unname(r$statistic$statistic), p_value = unname(r$statistic$p.value), tau_outside_range = 0L)
  }
}
cat(toJSON(list(source = paste("plm", packageVersion("plm"), "purtest"), cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE))

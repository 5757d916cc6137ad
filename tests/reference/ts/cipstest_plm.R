# Pesaran's CIPS against plm's cipstest (model = "cmg") on Grunfeld (inv, value; 10 x 20) and Produc
# (unemp; 48 x 17), lags 1 and 2 (plm's lags = 0 silently runs 1 lag, so it is not a reference for
# cbec's lags = 0), each deterministic term, plain and truncated. The p-values are not compared:
# plm interpolates the critical values on an uneven grid; cbec reports the bracket.
# Run: Rscript tests/reference/ts/cipstest_plm.R > tests/reference/fixtures/ts_cipstest_plm.json
suppressMessages({library(plm); library(jsonlite)})
sets <- list(list(data = "grunfeld.csv", index = c("firm", "year"), var = "inv"),
             list(data = "grunfeld.csv", index = c("firm", "year"), var = "value"),
             list(data = "produc.csv", index = c("state", "year"), var = "unemp"))
types <- c(none = "none", drift = "constant", trend = "trend")
cases <- list()
for (s in sets) {
  p <- pdata.frame(read.csv(file.path("tests/data", s$data)), index = s$index)
  for (lags in 1:2) for (type in names(types)) for (tr in c(FALSE, TRUE)) {
    r <- suppressWarnings(cipstest(p[[s$var]], lags = lags, type = type, model = "cmg", truncated = tr))
    cases[[length(cases) + 1]] <- list(data = s$data, unit = s$index[1], time = s$index[2], variable = s$var, lags = lags,
      deterministic = unname(types[type]), truncated = tr, cips = unname(r$statistic),
      cadf = unname(vapply(r$tmods, function(m) coef(summary(m))["le", "t value"], 0)))
  }
}
cat(toJSON(list(source = paste("plm", packageVersion("plm"), "cipstest"), cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE))

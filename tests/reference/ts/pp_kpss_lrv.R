# Phillips-Perron, KPSS and kernel long-run variances of single series from Produc (log gsp, unemp of
# three states) and Grunfeld (inv of firm 1):
#  - KPSS against tseries::kpss.test (level, trend; lshort TRUE/FALSE) and urca::ur.kpss;
#  - PP Z(t) (none, constant, trend) computed with lm in its exact form, and with a trend against
#    tseries::pp.test, whose closed form through D_x replaces n^2 - 1 by n^2 (a difference of O(1/n^2));
#  - the Bartlett, Parzen and quadratic-spectral long-run variance at fixed bandwidths against
#    sandwich::kernHAC(sandwich = FALSE) of lm(u ~ 1) without prewhitening (gamma_j over n, weights k(j / bw));
#  - Newey-West (1994) and Andrews (1991) AR(1) bandwidths against bwNeweyWest / bwAndrews (prewhite = 0).
# Run: Rscript tests/reference/ts/pp_kpss_lrv.R > tests/reference/fixtures/ts_pp_kpss_lrv.json
suppressMessages({library(tseries); library(urca); library(sandwich); library(jsonlite)})
produc <- read.csv("tests/data/produc.csv"); grunfeld <- read.csv("tests/data/grunfeld.csv")
series <- list()
for (st in c("ALABAMA", "ARIZONA", "ARKANSAS")) {
  d <- produc[produc$state == st, ]; d <- d[order(d$year), ]
  series[[length(series) + 1]] <- list(data = "produc.csv", unit_col = "state", unit = st, variable = "gsp", log = TRUE, y = log(d$gsp))
  series[[length(series) + 1]] <- list(data = "produc.csv", unit_col = "state", unit = st, variable = "unemp", log = FALSE, y = d$unemp)
}
g <- grunfeld[grunfeld$firm == 1, ]; g <- g[order(g$year), ]
series[[length(series) + 1]] <- list(data = "grunfeld.csv", unit_col = "firm", unit = "1", variable = "inv", log = FALSE, y = g$inv)
kpss <- list(); pp <- list(); lrv <- list(); bws <- list()
for (s in series) {
  id <- s[c("data", "unit_col", "unit", "variable", "log")]
  for (null in c("Level", "Trend")) for (lshort in c(TRUE, FALSE)) {
    r <- suppressWarnings(kpss.test(s$y, null = null, lshort = lshort))
    u <- ur.kpss(s$y, type = if (null == "Level") "mu" else "tau", lags = if (lshort) "short" else "long")
    kpss[[length(kpss) + 1]] <- c(id, list(deterministic = if (null == "Level") "constant" else "trend", bandwidth = if (lshort) "short" else "long",
      stat = unname(r$statistic), p_value = unname(r$p.value), lag = unname(r$parameter), urca_stat = u@teststat))
  }
  for (lshort in c(TRUE, FALSE)) for (det in c("none", "constant", "trend")) {
    # Phillips-Perron (1988) Z(t) in its exact finite-sample form (as Stata's pperron):
    # sqrt(g0 / l2) t - (l2 - g0) / (2 sqrt(l2)) * n se(phi) / s, computed here with lm
    yt <- s$y[-1]; yl <- s$y[-length(s$y)]; n <- length(yt); tt <- (1:n) - n / 2
    fit <- switch(det, none = lm(yt ~ yl - 1), constant = lm(yt ~ yl), trend = lm(yt ~ yl + tt))
    cf <- summary(fit)$coefficients["yl", ]
    u <- residuals(fit); l <- trunc((if (lshort) 4 else 12) * (n / 100)^0.25)
    g0 <- sum(u^2) / n
    l2 <- g0 + 2 * sum(sapply(seq_len(l), function(j) (1 - j / (l + 1)) * sum(u[-(1:j)] * u[1:(n - j)]) / n))
    z <- sqrt(g0 / l2) * (cf[["Estimate"]] - 1) / cf[["Std. Error"]] - (l2 - g0) / (2 * sqrt(l2)) * n * cf[["Std. Error"]] / summary(fit)$sigma
    tseries_z <- if (det == "trend") unname(pp.test(s$y, type = "Z(t_alpha)", lshort = lshort)$statistic) else NA
    pp[[length(pp) + 1]] <- c(id, list(deterministic = det, bandwidth = if (lshort) "short" else "long", stat = z, lag = l, tseries = tseries_z))
  }
  u <- s$y - mean(s$y)
  m <- lm(u ~ 1)
  for (kernel in c("Bartlett", "Parzen", "Quadratic Spectral")) for (bw in c(1.5, 3, 4.7)) {
    v <- kernHAC(m, kernel = kernel, bw = bw, prewhite = FALSE, adjust = FALSE, sandwich = FALSE)
    lrv[[length(lrv) + 1]] <- c(id, list(kernel = c(Bartlett = "bartlett", Parzen = "parzen", `Quadratic Spectral` = "qs")[[kernel]], bandwidth = bw,
      lrv = unname(v[1, 1])))
  }
  for (kernel in c("Bartlett", "Parzen", "Quadratic Spectral"))
    bws[[length(bws) + 1]] <- c(id, list(kernel = c(Bartlett = "bartlett", Parzen = "parzen", `Quadratic Spectral` = "qs")[[kernel]],
      newey_west = bwNeweyWest(as.matrix(u), kernel = kernel, prewhite = 0), andrews = bwAndrews(as.matrix(u), kernel = kernel, prewhite = 0)))
}
cat(toJSON(list(source = paste0("tseries ", packageVersion("tseries"), ", urca ", packageVersion("urca"), ", sandwich ", packageVersion("sandwich")),
                kpss = kpss, pp = pp, lrv = lrv, bandwidth = bws), auto_unbox = TRUE, digits = NA, pretty = TRUE))

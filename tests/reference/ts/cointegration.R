# Reference numbers for the panel cointegration estimators and tests (cbec ts fmols, dols, coint
# --test kao, hansen_lc, jb), written independently from the published formulas:
#  - long-run covariances: sandwich's lrvar/kernHAC (prewhite = FALSE, adjust = FALSE) with the
#    bandwidths of bwAndrews and bwNeweyWest (prewhite = 0, weights = 1), for the Bartlett, Parzen
#    and Quadratic Spectral kernels; the one-sided Delta = Gamma_0 + sum_j k(j/b) Gamma_j by hand
#    with sandwich::kweights;
#  - Jarque-Bera: tseries::jarque.bera.test;
#  - FMOLS: Phillips and Hansen (1990) eq. 3.5-3.6 (unit); Phillips and Moon (1999) pooled, Pedroni
#    (2000) weighted, Pedroni (2001) group mean; Hansen (1992) eq. 8 Lc;
#  - DOLS: Stock and Watson (1993) by lm() with leads and lags; Kao and Chiang (2000) pooled, Mark and
#    Sul (2003) weighted, Pedroni (2001) group mean;
#  - Kao (1999) DF_rho, DF_t, DF*_rho, DF*_t (eq. 15-18) and ADF (eq. 19).
# Data: plm's Produc (48 US states 1970-1986) and Grunfeld (10 firms 1935-1954).
# Run from the repository root: Rscript tests/reference/ts/cointegration.R
suppressPackageStartupMessages({library(sandwich); library(tseries); library(jsonlite)})
source("tests/reference/ts/cointegration_functions.R")
produc <- read.csv("tests/data/produc.csv"); gr <- read.csv("tests/data/grunfeld.csv")
produc <- produc[order(produc$state, produc$year), ]; gr <- gr[order(gr$firm, gr$year), ]
pr <- produc; pr$lgsp <- log(pr$gsp); pr$lpc <- log(pr$pc); pr$lemp <- log(pr$emp)
pu <- unit_list(pr, "state", "lgsp", c("lpc", "lemp")); gu <- unit_list(gr, "firm", "inv", c("value", "capital"))

# long-run covariances of a demeaned pair (Grunfeld firm 1: inv, diff of value)
g1 <- gu[[1]]; U <- scale(cbind(g1$y[-1], diff(g1$X[, 1])), scale = FALSE)
lr <- list()
for (k in names(kname)) for (rule in c("andrews", "nw")) {
  b <- bandwidth(U, k, rule)
  lr[[length(lr) + 1]] <- list(kernel = k, bandwidth_rule = rule, bandwidth = b,
    omega = unname(lrvar(U, bw = b, kernel = kname[[k]], prewhite = FALSE, adjust = FALSE) * nrow(U)),
    delta = unname(lrc(U, k, b)$delta))
}
fm_case <- function(id, units, estimator, trend, kernel, rule) {
  f <- fmols_panel(units, estimator, trend, kernel, rule)
  c(list(id = id, estimator = estimator, trend = trend, kernel = kernel, bandwidth = rule,
         beta = unname(f$beta), se = unname(f$se), jb = unname(jarque.bera.test(f$resid)$statistic)),
    if (!is.null(f$t_gm)) list(t_group_mean = unname(f$t_gm)))
}
dols_case <- function(id, units, estimator, trend, kernel, rule_bw, rule, p, q, max) {
  f <- dols_panel(units, estimator, trend, kernel, rule_bw, rule, p, q, max)
  c(list(id = id, estimator = estimator, trend = trend, kernel = kernel, bandwidth = rule_bw, rule = rule, leads = p, lags = q, max = max,
         beta = unname(f$beta), se = unname(f$se)),
    if (!is.null(f$t_gm)) list(t_group_mean = unname(f$t_gm), chosen_leads = unname(f$leads), chosen_lags = unname(f$lags)))
}
u1 <- fmols_unit(pu[[1]], FALSE, "bartlett", "nw"); u1t <- fmols_unit(gu[[3]], TRUE, "qs", "andrews")
d1 <- dols_unit(gu[[1]], FALSE, "bartlett", "nw", c(1, 1))
set.seed(7); z <- rt(200, df = 5); jb <- jarque.bera.test(z)
out <- list(source_script = "tests/reference/ts/cointegration.R", sandwich = as.character(packageVersion("sandwich")),
  tseries = as.character(packageVersion("tseries")),
  long_run = lr,
  jarque_bera = list(x = z, stat = unname(jb$statistic), p = jb$p.value),
  fmols_unit = list(
    list(id = "produc_alabama", unit = 1, trend = FALSE, kernel = "bartlett", bandwidth = "nw", beta = u1$beta, se = u1$se, omega12 = u1$omega12, hansen_lc = u1$lc, jb = unname(jarque.bera.test(u1$resid)$statistic)),
    list(id = "grunfeld_firm3_trend", unit = 3, trend = TRUE, kernel = "qs", bandwidth = "andrews", beta = u1t$beta, se = u1t$se, omega12 = u1t$omega12, hansen_lc = u1t$lc)),
  dols_unit = list(list(id = "grunfeld_firm1", unit = 1, beta = d1$beta, se = d1$se, omega = d1$omega)),
  fmols = list(fm_case("produc_pooled", pu, "pooled", FALSE, "bartlett", "nw"),
               fm_case("produc_weighted", pu, "weighted", FALSE, "bartlett", "nw"),
               fm_case("produc_group_mean", pu, "group_mean", FALSE, "bartlett", "nw"),
               fm_case("grunfeld_pooled_trend_parzen", gu, "pooled", TRUE, "parzen", "andrews"),
               fm_case("grunfeld_weighted_qs_fixed", gu, "weighted", FALSE, "qs", 3)),
  dols = list(dols_case("produc_pooled", pu, "pooled", FALSE, "bartlett", "nw", "fixed", 1, 1, 0),
              dols_case("produc_weighted", pu, "weighted", FALSE, "bartlett", "nw", "fixed", 1, 1, 0),
              dols_case("produc_group_mean_aic", pu, "group_mean", FALSE, "bartlett", "nw", "aic", 0, 0, 1),
              dols_case("grunfeld_pooled_bic_trend", gu, "pooled", TRUE, "qs", "andrews", "bic", 0, 0, 2),
              dols_case("grunfeld_group_mean", gu, "group_mean", FALSE, "bartlett", "nw", "fixed", 1, 2, 0)),
  kao = list(c(list(id = "produc_lags1", lags = 1, kernel = "bartlett", bandwidth = "nw"), kao(pu, 1, "bartlett", "nw")),
             c(list(id = "grunfeld_lags2_qs", lags = 2, kernel = "qs", bandwidth = "andrews"), kao(gu, 2, "qs", "andrews"))))
write_json(out, "tests/reference/fixtures/ts_cointegration.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote ts_cointegration.json\n")

# Reference numbers for Westerlund's (2007, Oxford Bull. Econ. Stat. 69) error-correction panel
# cointegration tests (cbec ts coint --test westerlund), written from the paper's eq. 2 and 8-11 since
# no independent implementation is at hand (Stata's xtwest is not free software; no R or Python port
# follows the paper). Long-run variances with sandwich's kernels and bandwidths (lrc of
# cointegration_functions.R); the moments of westerlund_moments.R (cbec's simulation, see
# src/cbec/estimate/ts/westerlund_moments.hpp).
# Data: plm's Produc (48 US states 1970-1986) and Grunfeld (10 firms 1935-1954).
# Run from the repository root: Rscript tests/reference/ts/westerlund.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})
source("tests/reference/ts/cointegration_functions.R")
produc <- read.csv("tests/data/produc.csv"); gr <- read.csv("tests/data/grunfeld.csv")
produc <- produc[order(produc$state, produc$year), ]; gr <- gr[order(gr$firm, gr$year), ]
pr <- produc; pr$lgsp <- log(pr$gsp); pr$lpc <- log(pr$pc); pr$lemp <- log(pr$emp)

# mean, variance of Gt, Ga, Pt, Pa for k = 1, 2 (westerlund_moments.R)
moments <- list(none = rbind(c(-0.9773, 1.1111, -3.8317, 21.5280, -0.4977, 1.5392, -1.0005, 9.3883),
                             c(-1.3762, 1.1134, -5.8511, 30.8779, -0.9214, 1.8459, -2.4490, 24.9710)),
                constant = rbind(c(-1.7926, 0.8014, -7.2514, 29.8815, -1.4707, 0.9669, -4.3573, 19.9880),
                                 c(-2.0540, 0.8588, -9.3138, 40.4769, -1.7305, 1.1245, -6.0078, 33.9566)),
                trend = rbind(c(-2.3747, 0.6757, -12.1105, 46.7921, -2.1282, 0.7575, -9.0837, 36.8921),
                              c(-2.5433, 0.7278, -13.8742, 55.4790, -2.3011, 0.8467, -10.6801, 48.4077)))

# ECM rows t = first..last (1-based t of y: dy_t = y_t - y_{t-1}), columns y_{t-1}, d_t, x_{t-1}, dy lags, dx_{t+q..t-p}
ecm <- function(y, X, trend, p, q, first, last, intercept = TRUE) {
  t <- first:last; k <- ncol(X); dX <- rbind(NA, diff(X)); dy <- c(NA, diff(y))
  Z <- if (intercept) cbind(y[t - 1], 1) else cbind(y[t - 1]); if (trend) Z <- cbind(Z, t)
  Z <- cbind(Z, X[t - 1, , drop = FALSE])
  for (j in seq_len(p)) Z <- cbind(Z, dy[t - j])
  g0 <- ncol(Z) + 1
  for (j in -q:p) Z <- cbind(Z, dX[t - j, , drop = FALSE])
  list(y = dy[t], Z = unname(Z), g0 = g0)
}
choose <- function(y, X, trend, rule, p, q, pmax, qmax, intercept = TRUE) {
  if (rule == "fixed") return(c(p, q))
  T <- length(y); best <- c(0, 0); bic <- Inf
  for (a in 0:pmax) for (b in 0:qmax) {
    e <- ecm(y, X, trend, a, b, pmax + 2, T - qmax, intercept); f <- lm.fit(e$Z, e$y); n <- length(e$y); K <- ncol(e$Z)
    ic <- log(sum(f$residuals^2) / n) + (if (rule == "aic") 2 * K / n else K * log(n) / n)
    if (ic < bic) { bic <- ic; best <- c(a, b) }
  }
  best
}
westerlund <- function(df, id, y, x, trend, kernel, rule, lag_rule, p, q, pmax = 2, qmax = 2, intercept = TRUE) {
  units <- unit_list(df, id, y, x); N <- length(units); T <- length(units[[1]]$y); k <- length(x)
  u <- lapply(units, function(d) {
    pq <- choose(d$y, d$X, trend, lag_rule, p, q, pmax, qmax, intercept)
    e <- ecm(d$y, d$X, trend, pq[1], pq[2], pq[1] + 2, T - pq[2], intercept); f <- lm.fit(e$Z, e$y)
    n <- length(e$y); K <- ncol(e$Z); s2 <- sum(f$residuals^2) / (n - K)
    se <- sqrt(s2 * chol2inv(qr.R(f$qr))[1, 1]); a <- f$coefficients[1]
    g <- e$g0:K; uu <- drop(e$Z[, g, drop = FALSE] %*% f$coefficients[g]) + f$residuals
    dy <- diff(d$y); if (intercept) dy <- dy - mean(dy)   # d_t = 0: dy not demeaned
    a1 <- sqrt(lrc(cbind(uu), kernel, rule)$omega[1, 1] / lrc(cbind(dy), kernel, rule)$omega[1, 1])
    W <- e$Z[, -1]; yt <- lm.fit(W, e$Z[, 1])$residuals; dyt <- lm.fit(W, e$y)$residuals
    list(t = a / se, ga = T * a / a1, num = sum(yt * dyt) / a1, den = sum(yt^2), sn = sqrt(s2) / a1, lags = pq[1], leads = pq[2], alpha = unname(a), alpha1 = a1)
  })
  g <- function(f) sapply(u, f)
  a <- sum(g(function(v) v$num)) / sum(g(function(v) v$den))
  raw <- c(Gt = mean(g(function(v) v$t)), Ga = mean(g(function(v) v$ga)),
           Pt = a / (mean(g(function(v) v$sn)) / sqrt(sum(g(function(v) v$den)))), Pa = T * a)
  m <- moments[[if (!intercept) "none" else if (trend) "trend" else "constant"]][k, ]; mu <- m[c(1, 3, 5, 7)]; v <- m[c(2, 4, 6, 8)]
  z <- c((sqrt(N) * (raw[1:2] - mu[1:2])), raw[3] - sqrt(N) * mu[3], sqrt(N) * (raw[4] - mu[4])) / sqrt(v)
  list(raw = unname(raw), stat = unname(z), p_value = unname(pnorm(z)), unit_lags = g(function(v) v$lags),
       unit_leads = g(function(v) v$leads), alpha = g(function(v) v$alpha), alpha1 = g(function(v) v$alpha1))
}
case <- function(id, df, unit, y, x, trend, kernel, rule, lag_rule, p, q, pmax = 2, qmax = 2, intercept = TRUE)
  c(list(id = id, unit = unit, y = y, x = x, trend = trend, intercept = intercept, kernel = kernel, bandwidth = rule, lag_rule = lag_rule,
         lags = p, leads = q, max_lags = pmax, max_leads = qmax),
    westerlund(df, unit, y, x, trend, kernel, rule, lag_rule, p, q, pmax, qmax, intercept))
out <- list(source_script = "tests/reference/ts/westerlund.R", sandwich = as.character(packageVersion("sandwich")),
  cases = list(
    case("produc_two_regressors_lag1", pr, "state", "lgsp", c("lpc", "lemp"), FALSE, "bartlett", "nw", "fixed", 1, 0),
    case("produc_one_regressor_aic", pr, "state", "lgsp", "lpc", FALSE, "bartlett", "nw", "aic", 0, 0, 2, 1),
    case("grunfeld_trend_lead_qs", gr, "firm", "inv", c("value", "capital"), TRUE, "qs", "andrews", "fixed", 1, 1),
    case("grunfeld_one_regressor_bic_trend", gr, "firm", "inv", "value", TRUE, "bartlett", 3, "bic", 0, 0, 1, 1),
    case("produc_no_deterministic_terms", pr, "state", "lgsp", c("lpc", "lemp"), FALSE, "bartlett", "nw", "fixed", 1, 0, intercept = FALSE),
    case("grunfeld_no_deterministic_terms_aic", gr, "firm", "inv", "value", FALSE, "parzen", "andrews", "aic", 0, 0, 1, 1, intercept = FALSE)))
write_json(out, "tests/reference/fixtures/ts_westerlund.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote ts_westerlund.json\n")

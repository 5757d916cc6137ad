# Reference numbers for Pedroni's (1999, 2004) panel cointegration tests (cbec ts coint --test pedroni),
# written from the formulas of Pedroni (1999, Oxford Bull. Econ. Stat. 61, Table 1) because no
# independent implementation is at hand (CRAN's pco departs from Table 1: it weights by L^-4, misaligns
# e_{t-1} and de_t, and builds the ADF statistics without the ADF regression). Long-run variances
# with sandwich's kernels and bandwidths (lrc of cointegration_functions.R); moments of Pedroni (1999,
# Table 2) as CRAN's pco prints the table (the one-regressor rows: see pedroni_moments.R). Table 1 prints
# the panel ADF's s~*^2 as (1/N) sum s*_i^2, which makes the statistic depend on the units of y; it is
# weighted by L_i^-2 here, as sigma~^2 of the panel PP t (scale-free, and standard normal under H0 in the
# simulations of tests/unit/ts/pedroni_simulation_test.cpp).
# Data: plm's Produc (48 US states 1970-1986) and Grunfeld (10 firms 1935-1954).
# Run from the repository root: Rscript tests/reference/ts/pedroni.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})
source("tests/reference/ts/cointegration_functions.R")
produc <- read.csv("tests/data/produc.csv"); gr <- read.csv("tests/data/grunfeld.csv")
produc <- produc[order(produc$state, produc$year), ]; gr <- gr[order(gr$firm, gr$year), ]
pr <- produc; pr$lgsp <- log(pr$gsp); pr$lpc <- log(pr$pc); pr$lemp <- log(pr$emp)

# mu and v (panel v, panel rho, panel t, group rho, group t), Pedroni (1999, Table 2); k = 1 see header of
# src/cbec/estimate/ts/pedroni_moments.hpp
moments <- list(
  none = rbind(c(3.971, 29.608, -2.758, 25.860, -1.011, 1.588, -5.800, 25.744, -1.396, 0.772),
               c(6.982, 81.145, -6.388, 64.288, -1.662, 1.559, -9.889, 41.943, -1.992, 0.649)),
  constant = rbind(c(8.62, 60.75, -6.02, 31.27, -1.73, 0.93, -9.05, 35.98, -2.03, 0.66),
                   c(11.754, 104.546, -9.495, 57.61, -2.177, 0.964, -12.938, 51.49, -2.453, 0.618)),
  trend = rbind(c(17.886, 118.986, -10.542, 43.794, -2.309, 0.694, -13.600, 50.324, -2.547, 0.585),
                c(21.162, 160.249, -14.011, 64.219, -2.648, 0.69, -17.359, 66.387, -2.872, 0.555)))

# ADF regression of e without deterministic terms on rows first..T (first >= p + 1, 0-based as cbec)
adf_rows <- function(e, p, first) {
  T <- length(e); t <- (first + 1):T; de <- c(NA, diff(e))
  X <- matrix(e[t - 1]); for (j in seq_len(p)) X <- cbind(X, de[t - j]); list(y = de[t], X = X)
}
adf_lags <- function(e, rule, p, pmax) {
  if (rule == "fixed") return(p)
  ic <- sapply(0:pmax, function(q) { a <- adf_rows(e, q, pmax + 1); f <- lm.fit(a$X, a$y); n <- length(a$y)
    log(sum(f$residuals^2) / n) + (if (rule == "aic") 2 * ncol(a$X) / n else ncol(a$X) * log(n) / n) })
  which.min(ic) - 1
}

pedroni <- function(df, id, y, x, trend, kernel, rule, lag_rule, p, pmax = NA, demean = FALSE, intercept = TRUE) {
  if (demean) for (v in c(y, x)) df[[v]] <- df[[v]] - ave(df[[v]], df$year)
  units <- unit_list(df, id, y, x); N <- length(units); T <- length(units[[1]]$y); k <- length(x)
  if (is.na(pmax)) pmax <- floor(12 * (T / 100)^0.25)
  u <- lapply(units, function(d) {
    tt <- 1:T; D <- if (!intercept) NULL else if (trend) cbind(1, tt) else cbind(rep(1, T))
    e <- lm.fit(cbind(D, d$X), d$y)$residuals                                    # step 1
    dX <- diff(d$X); if (trend) dX <- cbind(1, dX)
    eta <- lm.fit(dX, diff(d$y))$residuals                                      # step 3
    L2 <- lrc(cbind(eta), kernel, rule)$omega[1, 1]
    lag <- e[-T]; de <- diff(e); g <- sum(lag * e[-1]) / sum(lag^2); uu <- e[-1] - g * lag   # step 4
    s2 <- mean(uu^2); sig2 <- lrc(cbind(uu), kernel, rule)$omega[1, 1]; lambda <- (sig2 - s2) / 2
    q <- adf_lags(e, lag_rule, p, pmax); a <- adf_rows(e, q, q + 1)              # step 5
    res <- lm.fit(a$X, a$y)$residuals; s2s <- mean(res^2)
    if (q > 0) { W <- a$X[, -1, drop = FALSE]; es <- lm.fit(W, a$X[, 1])$residuals; ds <- lm.fit(W, a$y)$residuals }
    else { es <- a$X[, 1]; ds <- a$y }
    list(w = 1 / L2, A = sum(lag^2), B = sum(lag * de) - (T - 1) * lambda, sig2 = sig2, s2s = s2s,
         num = sum(es * ds), den = sum(es^2), lags = q)
  })
  g <- function(f) sapply(u, f)
  w <- g(function(v) v$w); A <- g(function(v) v$A); B <- g(function(v) v$B); sig2 <- g(function(v) v$sig2)
  s2s <- g(function(v) v$s2s); num <- g(function(v) v$num); den <- g(function(v) v$den)
  raw <- c(panel_v = T^2 * N^1.5 / sum(w * A), panel_rho = T * sqrt(N) * sum(w * B) / sum(w * A),
           panel_pp = sum(w * B) / sqrt(mean(w * sig2) * sum(w * A)),
           panel_adf = sum(w * num) / sqrt(mean(w * s2s) * sum(w * den)),   # s~*^2 weighted by L^-2, as sigma~^2
           group_rho = T / sqrt(N) * sum(B / A), group_pp = sum(B / sqrt(sig2 * A)) / sqrt(N),
           group_adf = sum(num / sqrt(s2s * den)) / sqrt(N))
  m <- moments[[if (!intercept) "none" else if (trend) "trend" else "constant"]][k, ]
  mu <- m[c(1, 3, 5, 5, 7, 9, 9)]; v <- m[c(2, 4, 6, 6, 8, 10, 10)]
  z <- (raw - mu * sqrt(N)) / sqrt(v)
  p <- c(pnorm(z[1], lower.tail = FALSE), pnorm(z[-1]))
  list(raw = unname(raw), stat = unname(z), p_value = unname(p), unit_lags = g(function(v) v$lags))
}

case <- function(id, df, unit, y, x, trend, kernel, rule, lag_rule, p, pmax = NA, demean = FALSE, logs = FALSE, intercept = TRUE)
  c(list(id = id, unit = unit, y = y, x = x, trend = trend, intercept = intercept, kernel = kernel, bandwidth = rule, lag_rule = lag_rule, lags = p,
         max_lags = pmax, demean = demean, logs = logs),
    pedroni(df, unit, y, x, trend, kernel, rule, lag_rule, p, pmax, demean, intercept))
out <- list(source_script = "tests/reference/ts/pedroni.R", sandwich = as.character(packageVersion("sandwich")),
  cases = list(
    case("produc_two_regressors", pr, "state", "lgsp", c("lpc", "lemp"), FALSE, "bartlett", "nw", "fixed", 1),
    case("produc_one_regressor_aic_demean", pr, "state", "lgsp", "lpc", FALSE, "bartlett", "nw", "aic", 0, 2, TRUE),
    case("grunfeld_trend_qs_andrews", gr, "firm", "inv", c("value", "capital"), TRUE, "qs", "andrews", "fixed", 2),
    case("grunfeld_one_regressor_trend_bic", gr, "firm", "inv", "value", TRUE, "parzen", 3, "bic", 0, 3),
    case("produc_two_regressors_no_intercepts", pr, "state", "lgsp", c("lpc", "lemp"), FALSE, "bartlett", "nw", "fixed", 1, intercept = FALSE),
    case("grunfeld_one_regressor_no_intercepts_aic", gr, "firm", "inv", "value", FALSE, "qs", "andrews", "aic", 0, 2, intercept = FALSE)))
write_json(out, "tests/reference/fixtures/ts_pedroni.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote ts_pedroni.json\n")

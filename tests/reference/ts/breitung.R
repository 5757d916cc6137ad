# Reference numbers for Breitung's (2000) lambda and Breitung and Das's (2005) robust t (cbec ts
# unitroot --tests breitung), written from the papers' formulas (see src/cbec/estimate/ts/breitung.cpp):
# no free implementation is at hand (plm's purtest has no Breitung test; Stata's xtunitroot is closed).
# Lags per unit: fixed, or the ADF lag rule of adf_statsmodels.py / purtest (AIC on the common sample
# t = pmax + 2..T with the test's deterministic terms, dfcor irrelevant). Data: plm's Produc and Grunfeld.
# Run from the repository root: Rscript tests/reference/ts/breitung.R
suppressPackageStartupMessages(library(jsonlite))
produc <- read.csv("tests/data/produc.csv"); gr <- read.csv("tests/data/grunfeld.csv")
produc <- produc[order(produc$state, produc$year), ]; gr <- gr[order(gr$firm, gr$year), ]

adf_x <- function(y, p, first, det) {   # rows t = first+1..T (1-based), columns y_{t-1}, dy lags, deterministic
  T <- length(y); t <- (first + 1):T; dy <- c(NA, diff(y))
  X <- matrix(y[t - 1]); for (j in seq_len(p)) X <- cbind(X, dy[t - j])
  if (det != "none") X <- cbind(X, 1); if (det == "trend") X <- cbind(X, t)
  list(y = dy[t], X = X)
}
aic_lags <- function(y, det, pmax) {
  ic <- sapply(0:pmax, function(q) { a <- adf_x(y, q, pmax + 1, det); f <- lm.fit(a$X, a$y); n <- length(a$y)
    log(sum(f$residuals^2) / n) + 2 * ncol(a$X) / n })
  which.min(ic) - 1
}
transformed <- function(y, p, det) {   # psi(L) on the difference and the level; s from the ADF regression
  a <- adf_x(y, p, p + 1, "none"); e <- a$y; v <- a$X[, 1]
  if (p > 0) {
    L <- a$X[, -1, drop = FALSE]; psi <- lm.fit(if (det == "trend") cbind(L, 1) else L, e)$coefficients[1:p]
    e <- e - drop(L %*% psi); r <- seq_along(v)   # v[r] = y_{t-1}, t = p + 1 + r (1-based y index p + r)
    for (j in 1:p) v <- v - psi[j] * y[p + r - j]
  }
  full <- adf_x(y, p, p + 1, det); s <- sqrt(mean(lm.fit(full$X, full$y)$residuals^2)); e <- e / s; v <- v / s
  if (det == "none") return(list(e = e, v = v))
  if (det == "constant") return(list(e = e, v = v - v[1]))
  n <- length(e) - 1; es <- vs <- numeric(n)
  for (t in 1:n) { m <- n - t + 1; es[t] <- sqrt(m / (m + 1)) * (e[t] - sum(e[(t + 1):(n + 1)]) / m)
    vs[t] <- v[t] - v[1] - (t - 1) / (n + 1) * sum(e) }
  list(e = es, v = vs)
}
breitung <- function(df, id, var, det, lag_rule, p, pmax = NA) {
  Y <- lapply(split(df[[var]], df[[id]]), identity); T <- length(Y[[1]])
  lags <- sapply(Y, function(y) if (lag_rule == "fixed") p else aic_lags(y, det, pmax)); P <- max(lags)
  tr <- Map(function(y, l) transformed(tail(y, T - (P - l)), l, det), Y, lags)
  num <- sum(sapply(tr, function(z) sum(z$e * z$v))); den <- sum(sapply(tr, function(z) sum(z$v^2)))
  lambda <- num / sqrt(den); rho <- num / den
  E <- sapply(tr, `[[`, "e"); V <- sapply(tr, `[[`, "v"); U <- E - rho * V; Om <- crossprod(U) / nrow(U)
  q <- sum(sapply(1:nrow(V), function(t) drop(V[t, ] %*% Om %*% V[t, ]))); vv <- sum(V^2)
  trob <- rho / sqrt(q / vv^2)
  list(lambda = lambda, p_lambda = pnorm(lambda), t_robust = trob, p_robust = pnorm(trob), lags = unname(lags))
}
case <- function(id, df, unit, var, det, lag_rule, p, pmax = NA)
  c(list(id = id, unit = unit, variable = var, deterministic = det, lag_rule = lag_rule, lags_fixed = p, max_lags = pmax),
    breitung(df, unit, var, det, lag_rule, p, pmax))
out <- list(source_script = "tests/reference/ts/breitung.R", cases = list(
  case("produc_unemp_constant_lag1", produc, "state", "unemp", "constant", "fixed", 1),
  case("produc_unemp_trend_aic", produc, "state", "unemp", "trend", "aic", 0, 3),
  case("grunfeld_inv_trend_lag0", gr, "firm", "inv", "trend", "fixed", 0),
  case("grunfeld_inv_none_aic", gr, "firm", "inv", "none", "aic", 0, 2)))
write_json(out, "tests/reference/fixtures/ts_breitung.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote ts_breitung.json\n")

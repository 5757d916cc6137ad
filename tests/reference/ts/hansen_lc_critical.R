# Critical values of Hansen's (1992) Lc by simulating its null distribution: y_t = d_t' a + x_t' b + u_t,
# x_t an m-dimensional random walk independent of u_t ~ iid N(0, 1), so that the FM correction is
# zero and omega_1.2 = 1 is known; Lc = T^-1 sum_t S_t' M^-1 S_t with S_t the partial sums of z_t u^_t
# (OLS residuals), M = sum z_t z_t'. The limit is free of nuisance parameters (Hansen 1992, Theorem 3),
# so T = 1000 and 20000 replications approximate it; Hansen's Table 1 gives the same quantiles to
# his simulation's accuracy. Writes tests/reference/fixtures/ts_hansen_lc_critical.json, from which
# src/cbec/estimate/ts/hansen_lc_critical.cpp copies the numbers.
# Run from the repository root: Rscript tests/reference/ts/hansen_lc_critical.R
suppressPackageStartupMessages(library(jsonlite))
set.seed(1992)
T <- 1000; reps <- 20000; probs <- c(0.90, 0.95, 0.975, 0.99)
lc_draws <- function(m, trend) {
  D <- cbind(rep(1, T)); if (trend) D <- cbind(D, 1:T)
  replicate(reps, {
    X <- apply(matrix(rnorm(T * m), T, m), 2, cumsum); Z <- cbind(D, X); u <- rnorm(T)
    q <- qr(Z); e <- qr.resid(q, u)
    S <- apply(Z * e, 2, cumsum); Mi <- chol2inv(qr.R(q))
    sum((S %*% Mi) * S) / mean(e^2) / T
  })
}
out <- list(source_script = "tests/reference/ts/hansen_lc_critical.R", T = T, replications = reps, probabilities = probs, cases = list())
for (trend in c(FALSE, TRUE)) for (m in 1:4) {
  q <- unname(quantile(lc_draws(m, trend), probs, type = 8))
  out$cases[[length(out$cases) + 1]] <- list(m = m, trend = trend, quantiles = q)
  cat(m, trend, q, "\n")
}
write_json(out, "tests/reference/fixtures/ts_hansen_lc_critical.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)

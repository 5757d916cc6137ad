# Reference for the wild cluster bootstrap (WCR, Rademacher, full enumeration of the 2^G sign
# vectors): brute force, re-estimating the model by lm() with fixed-effect dummies for every draw.
# With full enumeration the bootstrap p-value is deterministic, so cbec must match it exactly.
# Counting rule: |t*| > |t| strictly (see run() below).
# Writes tests/data/wild_small.csv and tests/reference/fixtures/did_wild_enumerated.json.
# Run from the repository root: Rscript tests/reference/did/wild_bootstrap_enumerated.R
set.seed(20261123)
G <- 8; Tn <- 6
d <- expand.grid(year = 1:Tn, id = 1:G)
d$cl <- d$id
d$x <- rnorm(nrow(d)) + 0.2 * d$id
d$z <- rnorm(nrow(d))
d$y <- 0.15 * d$x + 0.3 * d$z + 0.5 * d$id / G + rnorm(nrow(d)) + rnorm(G)[d$id]
write.csv(d[, c("id", "year", "cl", "x", "z", "y")], "tests/data/wild_small.csv", row.names = FALSE)

cr1_t <- function(fit, X, cl, j, theta) {
  # t with an unscaled cluster-robust variance: the small-sample factor cancels in the comparison.
  M <- solve(crossprod(X)); e <- residuals(fit)
  s <- rowsum(X * e, cl); V <- M %*% crossprod(s) %*% M
  (coef(fit)[j] - theta) / sqrt(V[j, j])
}
run <- function(formula_full, term, theta) {
  X <- model.matrix(formula_full, d); y <- d$y
  j <- which(colnames(X) == term)
  full <- lm.fit(X, y); class(full) <- "lm"
  t0 <- cr1_t(full, X, d$cl, j, theta)
  yr <- y - theta * X[, j]
  r <- lm.fit(X[, -j, drop = FALSE], yr)
  fitted_r <- yr - r$residuals + theta * X[, j]; u <- r$residuals
  signs <- as.matrix(expand.grid(rep(list(c(-1, 1)), G)))
  tb <- apply(signs, 1, function(v) {
    ys <- fitted_r + v[d$cl] * u
    f <- lm.fit(X, ys); class(f) <- "lm"
    cr1_t(f, X, d$cl, j, theta)
  })
  # Draws beyond |t| strictly, as boottest, fwildclusterboot (mean(abs(t_stat) < abs(t_boot))) and
  # WildBootTests.jl: the all-plus and all-minus sign vectors reproduce |t| and are not counted; a
  # draw within 1e-7 of |t| (relative) is such a tie whatever the rounding.
  list(t_unscaled = unname(t0), p = mean(abs(tb) > abs(t0) * (1 + 1e-7)), estimate = unname(full$coefficients[j]))
}
res <- list(
  ols = c(list(formula = "y ~ x + z", term = "x", theta = 0), run(y ~ x + z, "x", 0)),
  fe = c(list(formula = "y ~ x + z | id + year", term = "x", theta = 0), run(y ~ x + z + factor(id) + factor(year), "x", 0)),
  fe_null = c(list(formula = "y ~ x + z | id + year", term = "z", theta = 0.2), run(y ~ x + z + factor(id) + factor(year), "z", 0.2))
)
jsonlite::write_json(list(source_script = "tests/reference/did/wild_bootstrap_enumerated.R", G = G, draws = 2^G, cases = res),
                     "tests/reference/fixtures/did_wild_enumerated.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)

# Reference verdicts for the collinearity rule on regressors of extreme scale: which of lm and
# fixest drop a regressor (beside x1 and an intercept) that is 1e6 times (1 + cv z) for a
# coefficient of variation cv, or of scale 1e-6, and lm's coefficients where it keeps all. cbec's
# rule (README "What is dropped, and why") is relative (residual sum of squares at most 1e-10 of the
# column's own); lm's qr compares the unsquared ratio with 1e-7; fixest 0.12.2 compares the
# residual sum of squares itself with collin.tol = 1e-9. fixest is not a Debian package: its
# verdicts are recorded when it is installed (R_LIBS), else left out.
# Writes tests/data/collinearity_scale.csv and tests/reference/fixtures/ols_collinearity_scale.json.
# Run from the repository root: Rscript tests/reference/ols/collinearity_scale.R
suppressPackageStartupMessages(library(jsonlite))
set.seed(20261204)
n <- 200
d <- data.frame(id = rep(1:20, each = 10), t = rep(1:10, 20), x1 = rnorm(n))
d$big_cv4 <- 1e6 * (1 + 1e-4 * rnorm(n))
d$big_cv6 <- 1e6 * (1 + 1e-6 * rnorm(n))
d$big_cv8 <- 1e6 * (1 + 1e-8 * rnorm(n))
d$tiny <- 1e-6 * rnorm(n)
d$y <- d$x1 + 2e-4 * d$big_cv4 + 1e5 * d$tiny + rnorm(n)
write.csv(data.frame(lapply(d, function(v) sprintf("%.17g", v))), "tests/data/collinearity_scale.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("tests/data/collinearity_scale.csv")  # the numbers as the file holds them
has_fixest <- requireNamespace("fixest", quietly = TRUE)
models <- lapply(c("big_cv4", "big_cv6", "big_cv8", "tiny"), function(v) {
  f <- as.formula(paste("y ~ x1 +", v))
  m <- lm(f, d)
  out <- list(variable = v, formula = paste("y ~ x1 +", v), lm_drops = is.na(coef(m)[[v]]),
              lm_terms = names(coef(m))[!is.na(coef(m))], lm_coef = unname(coef(m)[!is.na(coef(m))]))
  if (has_fixest) out$fixest_drops <- v %in% fixest::feols(f, d, notes = FALSE)$collin.var
  out
})
write_json(list(source = "tests/reference/ols/collinearity_scale.R", fixest_version = if (has_fixest) as.character(packageVersion("fixest")) else NULL,
                models = models), "tests/reference/fixtures/ols_collinearity_scale.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)

# Reference numbers for two-way clustered standard errors whose variance matrix is not positive
# semi-definite (Cameron, Gelbach and Miller 2011, section 2.3). fixest 0.12.2 replaces a matrix with
# a negative variance on its diagonal by U max(Lambda, 1e-10) U' (its vcov_fix); one whose variances
# are positive but an eigenvalue negative is kept as it is. The data: a small unbalanced panel
# (14 units x up to 6 years) where the unweighted fit has a negative variance and the weighted one
# only a negative eigenvalue. fixest is not a Debian package (built from its public source release
# into a private library for this purpose only).
# Writes tests/data/multiway_psd.csv and tests/reference/fixtures/ols_multiway_psd_fix.json.
# Run from the repository root: R_LIBS=<library with fixest> Rscript tests/reference/ols/multiway_psd_fix.R
suppressPackageStartupMessages({library(fixest); library(jsonlite)})
setFixest_nthreads(1)
set.seed(127)
d <- expand.grid(id = 1:14, year = 2001:2006)
d <- d[sample(nrow(d), 70), ]
d <- d[order(d$id, d$year), ]
n <- nrow(d)
a <- rnorm(14); b <- rnorm(6)
d$x1 <- rnorm(n) + a[d$id]; d$x2 <- runif(n) * 10; d$x3 <- rpois(n, 3)
d$w <- runif(n, 0.2, 3)
d$y <- 1 + 0.5 * d$x1 - 0.2 * d$x2 + 0.1 * d$x3 + a[d$id] + b[d$year - 2000] + rnorm(n) * (1 + d$x2 / 10)
write.csv(data.frame(lapply(d, function(v) sprintf("%.17g", v))), "tests/data/multiway_psd.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("tests/data/multiway_psd.csv")
fit <- function(weighted) {
  f <- if (weighted) feols(y ~ x1 + x2 + x3 | id + year, d, weights = ~w, notes = FALSE)
       else feols(y ~ x1 + x2 + x3 | id + year, d, notes = FALSE)
  V <- suppressMessages(vcov(f, vcov = ~id + year))
  raw <- vcov(f, vcov = ~id + year, vcov_fix = FALSE)
  list(weighted = weighted, nobs = nobs(f), coef = as.list(coef(f)), se = as.list(sqrt(diag(V))),
       raw_variance = as.list(diag(raw)), negative_variance = any(diag(raw) < 0),
       min_eigenvalue = min(eigen(raw, symmetric = TRUE, only.values = TRUE)$values))
}
out <- list(source = "tests/reference/ols/multiway_psd_fix.R", fixest_version = as.character(packageVersion("fixest")),
            formula = "y ~ x1 + x2 + x3 | id + year", vcov = "cluster:id+year", models = list(fit(FALSE), fit(TRUE)))
write_json(out, "tests/reference/fixtures/ols_multiway_psd_fix.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
str(out$models)

# Reference log-determinants ln|I - rho W| for cbec's log_determinant module from spatialreg
# (Debian r-cran-spatialreg) on the Columbus contiguity weights (tests/data/columbus.gal, spData),
# row-standardized ("W") and binary ("B"): the exact value (eigenvalues, spatialreg's eigenw), its
# derivative -sum(lambda / (1 - rho lambda)), the rho interval 1/range(lambda) and spatialreg's
# Chebyshev approximation (cheb_setup, q = 5; do_ldet). Binary weights use rho / 6.5, inside their
# interval (-0.335, 0.167).
# Run from the repository root: Rscript tests/reference/spreg/log_determinant.R
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(jsonlite)})
nb <- read.gal("tests/data/columbus.gal")
d <- read.csv("tests/data/columbus.csv")
stopifnot(all(as.integer(attr(nb, "region.id")) == d$POLYID))
rhos <- c(-0.6, -0.2, 0, 0.3, 0.55, 0.9)
one <- function(style, rhos) {
  lw <- nb2listw(nb, style = style)
  ev <- eigenw(lw)
  W <- listw2mat(lw)
  exact <- sapply(rhos, function(r) as.numeric(determinant(diag(nrow(W)) - r * W, logarithm = TRUE)$modulus))
  env <- new.env()
  assign("listw", lw, envir = env); assign("n", length(nb), envir = env); assign("family", "SAR", envir = env)
  assign("similar", FALSE, envir = env)
  cheb_setup(env, q = 5)
  cheb <- sapply(rhos, function(r) do_ldet(r, env))
  list(eigen = sapply(rhos, function(r) sum(log(1 - r * Re(ev)))),
       exact_dense = exact,
       derivative = sapply(rhos, function(r) -sum(Re(ev) / (1 - r * Re(ev)))),
       interval = 1 / range(Re(ev)),
       chebyshev = cheb)
}
out <- list(source_script = "tests/reference/spreg/log_determinant.R", spatialreg = as.character(packageVersion("spatialreg")),
            rho_W = rhos, rho_B = rhos / 6.5, W = one("W", rhos), B = one("B", rhos / 6.5))
write_json(out, "tests/reference/fixtures/spreg_log_determinant.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

# Reference numbers for spatial panel ML fits whose likelihood a plain Brent search got wrong (two
# random panels of the December 2026 audit, tests/data/spxt_sac_two_peaks.* and
# spxt_re_baltagi_bound.*, row-standardized contiguity):
#  - the fixed-effects SAC with unit effects, whose profile likelihood has two peaks with rho and
#    lambda nearly swapped (cbec stopped at the lower: rho 0.511, lambda -0.211, ln L 2 lower);
#  - the random-effects SEM with Baltagi-Song-Koh errors, whose search ran to lambda -> 1, where the
#    error covariance loses its digits (ln L +908 where splm's is -340.59).
# splm 1.6-5 is not a Debian package: built from its public source into a private library (R_LIBS).
# Writes tests/reference/fixtures/cli_spxt_search.json.
# Run from the repository root: R_LIBS=<library with splm> Rscript tests/reference/cli/spxt_search.R
suppressWarnings(suppressPackageStartupMessages({library(splm); library(spdep); library(jsonlite)}))
cases <- list()
add <- function(name, args, path, value, tol = 1e-6) cases[[length(cases) + 1]] <<- list(name = name, args = args, path = path, value = value, tol = tol)
fit <- function(stem, ...) {
  d <- read.csv(sprintf("tests/data/%s.csv", stem))
  lw <- nb2listw(read.gal(sprintf("tests/data/%s.gal", stem), region.id = sort(unique(d$id))), style = "W")
  spml(y ~ x1 + x2, data = d, index = c("id", "year"), listw = lw, ...)
}
args <- function(stem, ...) c("spxt", sprintf("tests/data/%s.csv", stem), "y ~ x1 + x2", "--w", sprintf("tests/data/%s.gal", stem),
                              "--id", "id", "--unit", "id", "--time", "year", "--impact-draws", "0", "--json", ...)
# splm names the lag lambda and the error rho: coef(sac)[1] is cbec's rho, [2] its lambda.
sac <- fit("spxt_sac_two_peaks", model = "within", effect = "individual", lag = TRUE, spatial.error = "b")
a <- args("spxt_sac_two_peaks", "--model", "sac", "--effect", "individual")
add("FE SAC: rho at the higher of two peaks", a, "models/0/coef/rho", unname(coef(sac)[1]), 1e-5)
add("FE SAC: lambda at the higher of two peaks", a, "models/0/coef/lambda", unname(coef(sac)[2]), 1e-5)
add("FE SAC: x1", a, "models/0/coef/x1", unname(coef(sac)["x1"]), 1e-5)
sem <- fit("spxt_re_baltagi_bound", model = "random", lag = FALSE, spatial.error = "b")
a <- args("spxt_re_baltagi_bound", "--model", "sem", "--effect", "random", "--re-errors", "baltagi")
add("RE SEM (Baltagi errors): lambda not at the bound", a, "models/0/coef/lambda", unname(sem$errcomp["rho"]), 1e-5)
add("RE SEM (Baltagi errors): log-likelihood", a, "models/0/loglik", as.numeric(sem$logLik), 1e-8)
write_json(list(source = "tests/reference/cli/spxt_search.R", splm = as.character(packageVersion("splm")), cases = cases),
           "tests/reference/fixtures/cli_spxt_search.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(coef(sac)); print(sem$errcomp); print(sem$logLik)

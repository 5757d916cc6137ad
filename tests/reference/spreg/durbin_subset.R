# Reference values for cbec's spreg with a subset of Durbin terms (durbin_terms), from spatialreg
# (Debian r-cran-spatialreg) on the Columbus data (tests/data/columbus.csv, columbus.gal):
# CRIME ~ INC + HOVAL with row-standardized contiguity weights and the spatial lag of one regressor
# only: lagsarlm / errorsarlm / lmSLX with Durbin = ~ INC and Durbin = ~ HOVAL (method = "eigen",
# the "ase" variance), and the SDM's LeSage-Pace impacts (exact, from W's eigenvalues) with
# simulated standard errors from 20,000 draws; and the Boston hedonic model (tests/data/
# boston_hedonic.csv, boston.gal; see boston.R) with the lags of crim, nox2 and log_lstat only, whose
# rho is precise enough (SE 0.03) for simulated SEs to be compared across generators (Columbus'
# rho, 0.35 with SE 0.16, gives 1/(1 - rho) draws so heavy-tailed that 20,000 draws leave their SD
# uncertain by tens of per cent).
# Run from the repository root: Rscript tests/reference/spreg/durbin_subset.R
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(jsonlite)})
nb <- read.gal("tests/data/columbus.gal")
d <- read.csv("tests/data/columbus.csv")
stopifnot(all(as.integer(attr(nb, "region.id")) == d$POLYID))
lw <- nb2listw(nb, style = "W")
f <- CRIME ~ INC + HOVAL
fit_json <- function(m, spatial) {
  s <- summary(m)
  out <- list(terms = rownames(s$Coef), coef = unname(s$Coef[, 1]), se = unname(s$Coef[, 2]),
              loglik = as.numeric(logLik(m)), aic = AIC(m), sigma2 = m$s2)
  if (spatial == "rho") { out$rho <- unname(m$rho); out$rho_se <- unname(m$rho.se) }
  if (spatial == "lambda") { out$lambda <- unname(m$lambda); out$lambda_se <- unname(m$lambda.se) }
  out
}
impacts_json <- function(m, listw) {
  set.seed(20261201)
  im <- summary(impacts(m, listw = listw, R = 20000), zstats = TRUE, short = TRUE)
  list(direct = unname(im$res$direct), indirect = unname(im$res$indirect), total = unname(im$res$total),
       se_direct = unname(im$semat[, 1]), se_indirect = unname(im$semat[, 2]), se_total = unname(im$semat[, 3]))
}
one_subset <- function(durbin) {
  sdm <- lagsarlm(f, d, lw, Durbin = durbin, method = "eigen")
  slx <- lmSLX(f, d, lw, Durbin = durbin)
  ss <- summary(slx)$coefficients
  list(sdm = c(fit_json(sdm, "rho"), list(impacts = impacts_json(sdm, lw))),
       sdem = fit_json(errorsarlm(f, d, lw, Durbin = durbin, method = "eigen"), "lambda"),
       slx = list(terms = rownames(ss), coef = unname(ss[, 1]), se = unname(ss[, 2])))
}
INC <- one_subset(~ INC); HOVAL <- one_subset(~ HOVAL)
b <- read.csv("tests/data/boston_hedonic.csv")
bnb <- read.gal("tests/data/boston.gal")
stopifnot(all(as.integer(attr(bnb, "region.id")) == b$tract))
blw <- nb2listw(bnb, style = "W")
bf <- log_cmedv ~ crim + zn + indus + chas + nox2 + rm2 + age + log_dis + log_rad + tax + ptratio + b + log_lstat
bsdm <- lagsarlm(bf, b, blw, Durbin = ~ crim + nox2 + log_lstat, method = "eigen")
boston <- list(sdm = c(fit_json(bsdm, "rho"), list(impacts = impacts_json(bsdm, blw))),
               sdem = fit_json(errorsarlm(bf, b, blw, Durbin = ~ crim + nox2 + log_lstat, method = "eigen"), "lambda"))
out <- list(source_script = "tests/reference/spreg/durbin_subset.R", spatialreg = as.character(packageVersion("spatialreg")),
            INC = INC, HOVAL = HOVAL, boston = boston)
write_json(out, "tests/reference/fixtures/spreg_durbin_subset.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

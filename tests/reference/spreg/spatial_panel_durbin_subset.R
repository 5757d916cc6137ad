# Reference numbers for spatial panel Durbin models whose W x covers chosen regressors only
# (cbec spxt --durbin-terms; spatialreg's Durbin = ~ x1 + x2 for panels), on Munnell's Produc data
# with splm's 48-state weights usaww (as spatial_panel.R, spatial_panel_re.R, spatial_panel_gm_impacts.R):
#  - ML, fixed effects: splm 1.6-5 spml(model = "within", lag = TRUE) with W log(pcap) and W unemp
#    added to the data (splm's ML has no Durbin option; its SDM is the SAR with W x columns, lagged
#    period by period on the raw variables: cbec's lags = "splm"), individual, time and two-way effects.
#  - ML, random effects: spml(model = "random", lag = TRUE, spatial.error = "none") with the same columns.
#  - GM: spgm(..., Durbin = ~ log(pcap) + unemp) (W x of the formula's terms, splm's lag_x), sar and
#    sem within, sar random.
# splm's "lambda" is the spatial lag (cbec's rho). splm 1.6-5 is not in Debian: install it from
# CRAN's sources into a private library first. Run from the repository root:
#   Rscript tests/reference/spreg/spatial_panel_durbin_subset.R
suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(jsonlite)})
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
W <- listw2mat(lw)
idx <- c("state", "year")
stopifnot(all(diff(match(pr$state, unique(pr$state))[pr$year == pr$year[1]]) == 1))
wlag <- function(v) ave(v, pr$year, FUN = function(z) as.vector(W %*% z))
pr$w_lpcap <- wlag(log(pr$pcap)); pr$w_unemp <- wlag(pr$unemp)
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
fd <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp + w_lpcap + w_unemp
terms <- c("log(pcap)", "unemp")
ctl <- list(tol.opt = 1e-12)

ml_fe <- function(effect) {
  m <- spml(fd, data = pr, index = idx, listw = lw, model = "within", effect = effect, lag = TRUE, spatial.error = "none", control = ctl)
  cf <- coef(m)
  list(estimator = "ml", model = "sdm", effect = effect, lags = "splm", rho = unname(cf[1]), coef = unname(cf[-1]),
       se = unname(sqrt(diag(m$vcov))), sigma2 = m$sigma2, loglik = as.numeric(m$logLik))
}
ml_re <- function() {
  m <- spml(fd, data = pr, index = idx, listw = lw, model = "random", lag = TRUE, spatial.error = "none")
  list(estimator = "ml", model = "sdm", effect = "random", rho = unname(m$arcoef), se_rho = unname(sqrt(m$vcov.arcoef[1, 1])),
       phi = unname(m$errcomp["phi"]), coef = unname(m$coefficients), se = unname(sqrt(diag(m$vcov))),
       sigma2 = m$sigma2$idios, loglik = as.numeric(m$logLik))
}
gm <- function(model, lag, error) {
  m <- spgm(fm, data = pr, index = idx, listw = lw, model = model, lag = lag, spatial.error = error, moments = "initial",
            Durbin = ~ log(pcap) + unemp)
  b <- coef(m)
  is_lag <- if (is.null(names(b))) rep(FALSE, length(b)) else names(b) == "lambda"
  se <- unname(sqrt(diag(m$vcov)))
  out <- list(estimator = "gm", model = if (lag) "sar" else "sem", effect = c(within = "individual", random = "random")[[model]],
              terms = names(b)[!is_lag], coef = unname(b[!is_lag]), se = se[!is_lag])
  if (lag) { out$rho <- unname(b[is_lag]); out$se_rho <- se[is_lag] }
  if (error) { out$lambda <- unname(m$errcomp["rho", 1]); out$sigma2_v <- unname(m$errcomp["sigma^2_v", 1]) }
  out
}
cases <- list(ml_fe("individual"), ml_fe("time"), ml_fe("twoways"), ml_re(),
              gm("within", TRUE, FALSE), gm("within", FALSE, TRUE), gm("random", TRUE, FALSE))
write_json(list(source = "splm 1.6-5 spml with W x columns; spgm(Durbin = ~ log(pcap) + unemp); Produc, usaww",
                durbin_terms = terms, cases = cases),
           "tests/reference/fixtures/spreg_panel_durbin_subset.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

# Reference numbers for cbec's GM spatial panel models with Durbin terms (spxt --estimator gm
# --durbin) and the LeSage-Pace impacts of the GM lag models (sar, sac, with and without Durbin
# terms), on Munnell's Produc data with splm's 48-state weights usaww (as spatial_panel_gm.R).
# - Durbin fits: splm 1.6-5 spgm(..., Durbin = TRUE), which adds W x of every regressor but the
#   intercept (named lag_x; cbec's W.x), for sem, sar and sac, within and random (initial and
#   fullweights moments). splm's "lambda" is the spatial lag (cbec's rho), its "rho" the error
#   coefficient (cbec's lambda).
# - Impacts: splm's impacts(fit, listw, time = 17) on spgm fits takes the traces of
#   kronecker(I_T, W) by repeated products (spatialreg::trW(type = "mult"), 30 powers) and sums the
#   LeSage-Pace series to 30 terms (spatialreg::intImpacts). cbec's exact (eigenvalue) impacts equal
#   that series to rho^30 (< 3e-10 relative here). splm's point impacts are recorded for the lag
#   models it covers (sar, with and without Durbin terms; it refuses sac: "impacts for sarar not yet
#   implemented"); for sac the same intImpacts call is made on the spgm fit by hand.
# - Simulated standard errors: splm 1.6-5 cannot be used. Without Durbin terms it draws
#   mu = (lambda, beta) but reads the spatial parameter from position irho = length(beta) + 1 (the
#   last slope) and the slopes from the others, so its SEs are those of the wrong parameters
#   (log(pcap)'s direct-effect z value comes out +7.4 for an estimate of -0.04); with Durbin = TRUE
#   it stops ("object 'l_zero_fill' not found"). The SEs here are spatialreg::intImpacts on the
#   same traces with the draws laid out right (rho first, irho = drop2beta = 1), R = 100000 draws
#   of N(coef, vcov), rho kept in (-1, 0.999) as splm's interval: simulation error about 0.3%.
# splm 1.6-5 is not in Debian: install it from CRAN's sources into a private library first.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_gm_impacts.R
suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(spatialreg); library(jsonlite); library(Matrix)})
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
W <- listw2dgCMatrix(lw)
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
idx <- c("state", "year")
n_periods <- 17
tr <- trW(kronecker(Diagonal(n_periods), W), type = "mult")   # what impacts.splm_GM computes

fit <- function(model, lag, error, moments, durbin)
  spgm(fm, data = pr, index = idx, listw = lw, model = model, lag = lag, spatial.error = error, moments = moments, Durbin = durbin)
cbec_model <- function(lag, error) if (lag && error) "sac" else if (lag) "sar" else "sem"

durbin_case <- function(model, lag, error, moments) {
  m <- fit(model, lag, error, moments, TRUE)
  b <- coef(m)
  is_lag <- if (is.null(names(b))) rep(FALSE, length(b)) else names(b) == "lambda"   # sem random: unnamed, model-matrix order
  se <- unname(sqrt(diag(m$vcov)))
  out <- list(model = cbec_model(lag, error), effect = c(within = "individual", random = "random")[[model]], moments = moments,
              coef = unname(b[!is_lag]), se = se[!is_lag])
  if (lag) { out$rho <- unname(b[is_lag]); out$se_rho <- se[is_lag] }
  if (error) {
    out$lambda <- unname(m$errcomp["rho", 1]); out$sigma2_v <- unname(m$errcomp["sigma^2_v", 1])
    if (model == "random") { out$sigma2_1 <- unname(m$errcomp["sigma^2_1", 1]); out$theta <- unname(m$errcomp["theta", 1]) }
  }
  out
}

# intImpacts on an spgm lag fit: coefficients (lambda, [(Intercept)], x, [lag_x]), vcov in that order.
impacts_case <- function(model, lag, error, durbin, draws = 100000) {
  m <- fit(model, lag, error, "initial", durbin)
  b <- drop(m$coefficients)
  V <- as.matrix(m$vcov); dimnames(V) <- list(names(b), names(b))
  beta <- b[-1]
  icept <- grep("(Intercept)", names(beta), fixed = TRUE); iicept <- length(icept) > 0L
  b1 <- if (iicept) beta[-icept] else beta
  type <- if (durbin) "mixed" else "lag"
  P <- matrix(b1, ncol = if (durbin) 2 else 1)
  bnames <- names(b1)[seq_len(nrow(P))]
  set.seed(20261201)
  im <- intImpacts(rho = b[1], beta = beta, P = P, n = length(m$residuals), mu = b, Sigma = V, irho = 1, drop2beta = 1,
                   bnames = bnames, interval = c(-1, 0.999), type = type, tr = tr, R = draws, listw = NULL, evalues = NULL,
                   tol = 1e-6, empirical = FALSE, Q = NULL, icept = icept, iicept = iicept, p = length(b1), zero_fill = NULL)
  if (lag && !error) {   # splm's own point impacts, where it has them, are the same numbers
    own <- impacts(m, listw = lw, time = n_periods)
    o <- match(bnames, attr(own, "bnames"))
    stopifnot(isTRUE(all.equal(unname(own$direct[o]), unname(im$res$direct), tolerance = 1e-12)),
              isTRUE(all.equal(unname(own$total[o]), unname(im$res$total), tolerance = 1e-12)))
  }
  sd_of <- function(s) unname(apply(as.matrix(s), 2, sd))
  list(model = cbec_model(lag, error), effect = c(within = "individual", random = "random")[[model]], durbin = durbin,
       names = bnames, direct = unname(im$res$direct), indirect = unname(im$res$indirect), total = unname(im$res$total),
       se_direct = sd_of(im$sres$direct), se_indirect = sd_of(im$sres$indirect), se_total = sd_of(im$sres$total),
       draws = nrow(attr(im, "samples")$samples), point = if (lag && !error) "splm impacts()" else "spatialreg intImpacts")
}

# The sac's KKP criterion is flat at its minimum: splm's nlminb ("relative convergence") stops at
# lambda = 0.13078788959, where splm's own criterion (arg, variance concentrated out) is above its
# value at cbec's lambda 0.1307878545536197 (5.50831278487005e-09 against 5.50831278486944e-09).
ns <- asNamespace("splm")
local({
  d <- pr[order(pr$year, pr$state), ]; N <- 48; Ws <- kronecker(Diagonal(n_periods), W)
  r1 <- ns$ivplm.w2sls(Y = log(d$gsp), X = model.matrix(fm, d), lag = TRUE, listw = Ws, listw2 = Ws, twow = FALSE, lag.instruments = FALSE,
                       t = n_periods, N = N, NT = N * n_periods, Durbin = TRUE, xdur = NULL)
  Gg <- ns$fswithin(Ws, as.matrix(as.numeric(residuals(r1))), N, n_periods)
  crit <- function(l) optimize(function(s) ns$arg(c(l, s), v = Gg, verbose = FALSE), c(0, 1), tol = 1e-14)$objective
  splm_lambda <- fit("within", TRUE, TRUE, "initial", TRUE)$errcomp["rho", 1]
  stopifnot(crit(0.1307878545536197) < crit(splm_lambda))
})

durbin <- list()
for (model in c("within", "random")) for (le in list(c(FALSE, TRUE), c(TRUE, TRUE), c(TRUE, FALSE)))
  durbin <- c(durbin, list(durbin_case(model, le[1], le[2], "initial")))
durbin <- c(durbin, list(durbin_case("random", FALSE, TRUE, "fullweights"), durbin_case("random", TRUE, TRUE, "fullweights")))

impacts_cases <- list()
for (d in c(FALSE, TRUE)) for (model in c("within", "random")) for (error in c(FALSE, TRUE))
  impacts_cases <- c(impacts_cases, list(impacts_case(model, TRUE, error, d)))

out <- list(source = "splm 1.6-5 spgm(Durbin = TRUE); impacts of spgm lag fits by spatialreg::intImpacts on trW(kronecker(I_17, W), 'mult')",
            terms = c("(Intercept)", "log(pcap)", "log(pc)", "log(emp)", "unemp"), durbin = durbin, impacts = impacts_cases)
write_json(out, "tests/reference/fixtures/spreg_panel_gm_impacts_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")

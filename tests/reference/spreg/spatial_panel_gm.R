# Reference numbers for cbec's GM spatial panel models (estimate/spatial_models/spatial_panel_gm.hpp)
# and the GM spatial Hausman test on Munnell's Produc data (48 US states, 1970-1986) with splm's
# 48-state weights usaww, as Millo and Piras (2012, J. Stat. Softw. 47(1), section 6): splm 1.6-5
# spgm(model = "within" | "random", lag = FALSE | TRUE, spatial.error = TRUE | FALSE, moments =
# "initial" | "weights" | "fullweights") and sphtest on the within and random GM fits.
# splm's "lambda" is the spatial-lag coefficient (cbec's rho) and its "rho" the error coefficient
# (cbec's lambda). With model = "within" splm uses the initial moments whatever `moments` says, so
# the within fits are run once. nlminb's result does not move when its tolerances are tightened
# (rel.tol = x.tol = 1e-15), checked below.
# moments = "weights": splm's nlminb stops after two iterations with "false convergence (8)" (the
# criterion is weighted by 1/sigma_v^4, about 1e6, and badly scaled), a little away from the
# initial estimates. The minimum of splm's own criterion (arg1) is found here with L-BFGS-B scaled
# to the parameters and stored as "converged" (lambda, sigma2_v, sigma2_1; its criterion is checked
# to be below splm's); cbec is checked against that, and splm's stopped values are kept beside.
# splm 1.6-5 is not in Debian: install it from CRAN's sources into a private library first.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_gm.R
suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(jsonlite); library(Matrix)})
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
idx <- c("state", "year")

fit <- function(model, lag, error, moments, ...)
  spgm(fm, data = pr, index = idx, listw = lw, model = model, lag = lag, spatial.error = error, moments = moments, ...)

gm_case <- function(model, lag, error, moments) {
  m <- fit(model, lag, error, moments)
  tight <- fit(model, lag, error, moments, control = list(rel.tol = 1e-15, x.tol = 1e-15, eval.max = 1000, iter.max = 1000))
  stopifnot(isTRUE(all.equal(coef(m), coef(tight), tolerance = 1e-9)))
  cbec_model <- if (lag && error) "sac" else if (lag) "sar" else "sem"
  b <- coef(m)
  is_lag <- if (is.null(names(b))) rep(FALSE, length(b)) else names(b) == "lambda"   # unnamed: see hausman_case
  se <- unname(sqrt(diag(m$vcov)))
  out <- list(model = cbec_model, effect = c(within = "individual", random = "random")[[model]], moments = moments,
              coef = unname(b[!is_lag]), se = se[!is_lag])
  if (lag) { out$rho <- unname(b[is_lag]); out$se_rho <- se[is_lag] }
  if (error) {
    out$lambda <- unname(m$errcomp["rho", 1]); out$sigma2_v <- unname(m$errcomp["sigma^2_v", 1])
    if (model == "random") { out$sigma2_1 <- unname(m$errcomp["sigma^2_1", 1]); out$theta <- unname(m$errcomp["theta", 1]) }
  }
  out
}
# splm's own pipeline (sperrorgm, spsarargm) up to the weighted moments, then arg1 minimised properly.
ns <- asNamespace("splm")
converged_weights <- function(lag) {
  ord <- order(pr$year, pr$state); d <- pr[ord, ]
  W <- listw2dgCMatrix(lw); N <- 48; t <- length(unique(d$year)); Ws <- kronecker(Diagonal(t), W)
  x <- model.matrix(fm, d); y <- log(d$gsp)
  if (!lag) {
    res <- as.matrix(residuals(lm(y ~ x - 1)))
    Gg <- ns$fs(Ws, res, N, t)
  } else {
    r1 <- ns$ivplm.w2sls(Y = y, X = x, lag = TRUE, listw = Ws, listw2 = Ws, twow = FALSE, lag.instruments = FALSE, t = t, N = N, NT = N * t, Durbin = FALSE, xdur = NULL)
    r2 <- ns$ivplm.b2sls(Y = y, X = x, lag = TRUE, listw = Ws, listw2 = Ws, twow = FALSE, lag.instruments = FALSE, t = t, N = N, NT = N * t, Durbin = FALSE, xdur = NULL)
    res <- as.matrix(as.numeric(residuals(r1))); res2 <- as.matrix(as.numeric(residuals(r2)))
    Gg <- ns$fswithin(Ws, res, N, t)
  }
  pars <- c(solve(crossprod(res), crossprod(res, as.matrix(Ws %*% res))), crossprod(res) / (N * t))
  e1 <- nlminb(pars, ns$arg, v = Gg, verbose = FALSE, lower = c(-0.999, 0), upper = c(0.999, Inf))
  if (!lag) {
    S1 <- as.numeric(crossprod(res - e1$par[1] * Gg$ub, Gg$Q1u - e1$par[1] * Gg$Q1ub) / N)
    Ggw <- ns$pw(bigG = Gg$bigG, smallg = Gg$smallg, Q1u = Gg$Q1u, Q1ub = Gg$Q1ub, Q1ubb = Gg$Q1ubb, u = res, ub = Gg$ub, ubb = Gg$ubb, N = N, TR = Gg$TR)
  } else {
    S1 <- as.numeric(crossprod(res2 - e1$par[1] * as.matrix(W %*% res2)) / N)
    Ggw <- ns$pwbetween(bigG = Gg$bigG, smallg = Gg$smallg, u = res2, N = N, t = t, TR = Gg$TR, listw = W)
  }
  crit <- function(p) as.numeric(ns$arg1(p, v = Ggw, t = t, ss = e1$par[2], SS = S1, verbose = FALSE))
  p0 <- c(e1$par[1], e1$par[2], S1)
  stopped <- nlminb(p0, ns$arg1, v = Ggw, t = t, ss = e1$par[2], SS = S1, verbose = FALSE, lower = c(-0.999, 0, 0), upper = c(0.999, Inf, Inf))
  o <- optim(p0, crit, method = "L-BFGS-B", lower = c(-0.999, 0, 0), upper = c(0.999, Inf, Inf),
             control = list(parscale = c(0.1, 1e-4, 1e-2), factr = 1, maxit = 10000))
  stopifnot(o$value < stopped$objective)
  list(lambda = o$par[1], sigma2_v = o$par[2], sigma2_1 = o$par[3], criterion = o$value, criterion_splm = stopped$objective,
       splm_message = stopped$message)
}

cases <- list(gm_case("within", FALSE, TRUE, "initial"), gm_case("within", TRUE, TRUE, "initial"))
for (mom in c("initial", "weights", "fullweights")) {
  sem <- gm_case("random", FALSE, TRUE, mom); sac <- gm_case("random", TRUE, TRUE, mom)
  if (mom == "weights") { sem$converged <- converged_weights(FALSE); sac$converged <- converged_weights(TRUE) }
  cases <- c(cases, list(sem, sac))
}
# lag = TRUE without spatial error: splm's ivsplm, w2sls (within) and ec2sls (random), no moments.
cases <- c(cases, list(gm_case("within", TRUE, FALSE, "initial"), gm_case("random", TRUE, FALSE, "initial")))

# splm 1.6-5's random-effects GM error model (sperrorgm) returns its coefficients without names, so
# sphtest cannot match them with the within fit's and stops ("system is computationally singular"):
# the names are put back (the model matrix's column order) before the test.
hausman_case <- function(lag, error, moments) {
  re <- fit("random", lag, error, moments)
  if (is.null(names(coef(re)))) {
    names(re$coefficients) <- colnames(model.matrix(fm, pr))
    dimnames(re$vcov) <- list(names(re$coefficients), names(re$coefficients))
  }
  h <- sphtest(fit("within", lag, error, moments), re)
  list(model = if (lag && error) "sac" else if (lag) "sar" else "sem", moments = moments,
       stat = as.numeric(h$statistic), df = as.numeric(h$parameter), p_value = as.numeric(h$p.value))
}
hausman <- list(hausman_case(FALSE, TRUE, "initial"), hausman_case(FALSE, TRUE, "fullweights"), hausman_case(TRUE, TRUE, "initial"),
                hausman_case(TRUE, FALSE, "initial"))

out <- list(source = "splm 1.6-5 spgm, sphtest on spgm fits",
            terms = c("(Intercept)", "log(pcap)", "log(pc)", "log(emp)", "unemp"), gm = cases, hausman = hausman)
write_json(out, "tests/reference/fixtures/spreg_panel_gm_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")

# Reference numbers for cbec's SAC (SARAR) spatial panel model by ML on an UNBALANCED panel
# (estimate/spatial_models/spatial_panel_sac_unbalanced.cpp), which no R panel package fits (splm's
# spml refuses unbalanced panels): the log-likelihood written out with dense matrices and maximized
# here. The model, with D the effect dummies (Lee and Yu 2010, J. Econometrics 154, section 2: the
# direct approach; Elhorst 2014, Spatial Econometrics, eq. 3.9 and 3.21 combined):
#   y_t = rho W_t y_t + X_t beta + D_t alpha + u_t,  u_t = lambda W_t u_t + v_t,  v ~ N(0, sigma2 I)
#   ln L = sum_t ln|I - rho W_t| + sum_t ln|I - lambda W_t| - N/2 ln(2 pi sigma2) - e'e / (2 sigma2),
#   e = B (A y - X beta - D alpha),  A = I - rho W,  B = I - lambda W  (W block-diagonal in the W_t),
# alpha and beta concentrated out by least squares of B A y on [B X, B D] (what is projected out,
# B D, depends on lambda), sigma2 = e'e / N, (rho, lambda) by a profile: optimize over lambda of the
# optimum over rho. SEs: the inverse of minus the Hessian (numDeriv, Richardson extrapolation) of ln L
# in (rho, lambda, beta, ln sigma2) with alpha concentrated out (the Hessian of a likelihood profiled
# over alpha gives the same block of the inverse observed information as the full one).
# Checks printed and stored under "checks":
#  1. the same code on the balanced panel reproduces splm 1.6-5's spml(model = "within", effect =
#     "individual", lag = TRUE, spatial.error = "b") (with unit effects, and balanced, B D spans D,
#     so the projection is splm's within transformation); with time or two-way effects splm applies
#     W to the demeaned variables, another likelihood, so it is not compared;
#  2. on the unbalanced panel, spatialreg's sacsarlm with effect dummies on the block-diagonal
#     weights (the same likelihood, maximized by another optimizer: nlminb stops 1e-6 to 1e-5
#     relative from the maximum; this likelihood is lower at its (rho, lambda)).
# Data: Munnell's Produc (48 US states, 1970-1986) with splm's usaww, with the 24 state-years of
# spatial_panel_re_unbalanced.R removed (tests/data/produc_unbalanced_re.csv: no state loses all its
# neighbours in any year). Each year's W_t is usaww restricted to that year's states and
# row-standardized again (cbec's convention for unbalanced spatial panels).
# Run from the repository root: R_LIBS=/tmp/rlib Rscript tests/reference/spreg/spatial_panel_sac_unbalanced.R
suppressWarnings(suppressPackageStartupMessages({
  library(splm); library(plm); library(spdep); library(spatialreg); library(numDeriv); library(jsonlite); library(Matrix)
}))
full <- read.csv("tests/data/produc.csv")
unbalanced <- read.csv("tests/data/produc_unbalanced_re.csv")
states <- unique(full$state); years <- sort(unique(full$year))
Wfull <- nb2mat(read.gal("tests/data/usaww.gal", region.id = states), style = "B")
xnames <- c("log(pcap)", "log(pc)", "log(emp)", "unemp")

# The panel sorted by year, then state; the dense block-diagonal W and each W_t's eigenvalues.
panel <- function(pr, effect) {
  pr <- pr[order(pr$year, match(pr$state, states)), ]
  si <- match(pr$state, states); yi <- match(pr$year, years)
  blocks <- lapply(seq_along(years), function(k) {
    s <- si[yi == k]; w <- Wfull[s, s, drop = FALSE]
    stopifnot(all(rowSums(w) > 0))     # no state loses all its neighbours
    w / rowSums(w)
  })
  X <- cbind(log(pr$pcap), log(pr$pc), log(pr$emp), pr$unemp); colnames(X) <- xnames
  if (effect == "pooled") X <- cbind("(Intercept)" = 1, X)
  unit <- if (effect %in% c("individual", "twoways")) outer(si, seq_along(states), "==") * 1
  time <- if (effect %in% c("time", "twoways")) outer(yi, seq_along(years), "==") * 1
  if (effect == "twoways") time <- time[, -1]     # the unit dummies already sum to one
  D <- cbind(unit, time)
  ev <- unlist(lapply(blocks, function(w) Re(eigen(w, only.values = TRUE)$values)))
  list(y = log(pr$gsp), X = X, D = D, W = as.matrix(bdiag(blocks)), ev = ev, N = nrow(pr),
       interval = c(1 / min(ev), 1 / max(ev)))
}
jac <- function(p, r) sum(log(1 - r * p$ev))
# M_{B D} B [y, W y, X]: the columns filtered by B and residualized on the filtered dummies.
filtered <- function(p, lam) {
  B <- diag(p$N) - lam * p$W
  V <- B %*% cbind(p$y, p$W %*% p$y, p$X)
  if (is.null(p$D)) V else qr.resid(qr(B %*% p$D), V)
}
loglik <- function(p, rss, rho, lam) jac(p, rho) + jac(p, lam) - p$N / 2 * (log(2 * pi * rss / p$N) + 1)
# Given lambda: the residuals c0, c1 of (B y, B W y) on [B X, B D]; e(rho) = c0 - rho c1.
given <- function(p, lam) {
  F <- filtered(p, lam)
  q <- qr(F[, -(1:2), drop = FALSE])
  list(F = F, q = q, c0 = qr.resid(q, F[, 1]), c1 = qr.resid(q, F[, 2]))
}
fit <- function(pr, effect) {
  p <- panel(pr, effect)
  lo <- p$interval[1] + 1e-9; hi <- p$interval[2] - 1e-9
  prof <- function(lam) {
    g <- given(p, lam)
    o <- optimize(function(r) jac(p, r) - p$N / 2 * log(sum((g$c0 - r * g$c1)^2)), c(lo, hi), maximum = TRUE, tol = 1e-12)
    o$objective + jac(p, lam)
  }
  lam <- optimize(prof, c(lo, hi), maximum = TRUE, tol = 1e-12)$maximum
  g <- given(p, lam)
  rho <- optimize(function(r) jac(p, r) - p$N / 2 * log(sum((g$c0 - r * g$c1)^2)), c(lo, hi), maximum = TRUE, tol = 1e-12)$maximum
  beta <- qr.coef(g$q, g$F[, 1] - rho * g$F[, 2])
  rss <- sum((g$c0 - rho * g$c1)^2)
  # ln L in (rho, lambda, beta, ln sigma2) with alpha concentrated out
  ll <- function(th) {
    F <- filtered(p, th[2])
    e <- F[, 1] - th[1] * F[, 2] - F[, -(1:2), drop = FALSE] %*% th[3:(2 + ncol(p$X))]
    s2 <- exp(th[length(th)])
    jac(p, th[1]) + jac(p, th[2]) - p$N / 2 * log(2 * pi * s2) - sum(e^2) / (2 * s2)
  }
  th <- c(rho, lam, beta, log(rss / p$N))
  score <- grad(ll, th)
  vc <- solve(-hessian(ll, th, method.args = list(d = 0.01, r = 6)))[1:(2 + ncol(p$X)), 1:(2 + ncol(p$X))]
  th <- th[1:(2 + ncol(p$X))]
  list(effect = effect, n = p$N, terms = c("rho", "lambda", colnames(p$X)), coef = unname(th),
       se = unname(sqrt(diag(vc))), sigma2 = rss / p$N, loglik = loglik(p, rss, rho, lam),
       max_abs_score = max(abs(score)), p = p)
}
strip <- function(f) f[setdiff(names(f), "p")]

# 1. balanced Produc, unit effects: splm
b <- fit(full, "individual")
lw <- mat2listw(Wfull, style = "W")
sp <- spml(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, data = full, index = c("state", "year"), listw = lw,
           model = "within", effect = "individual", lag = TRUE, spatial.error = "b")
cf <- coef(sp)   # splm: "lambda" the lag (cbec's rho), "rho" the error (cbec's lambda)
splm_ref <- c(cf[1], cf[2], cf[-(1:2)])
check_splm <- list(what = "balanced Produc, unit effects: this code against splm 1.6-5 spml(within, lag = TRUE, spatial.error = \"b\")",
                   max_rel_diff_coef = max(abs(b$coef - splm_ref) / pmax(abs(splm_ref), 0.05)),
                   rel_diff_coef = unname(abs(b$coef - splm_ref) / pmax(abs(splm_ref), 0.05)),
                   rel_diff_sigma2 = abs(b$sigma2 - sp$sigma2) / sp$sigma2,
                   # splm's SEs are from the expected information (Lee and Yu 2010, eq. 39), these from the observed
                   rel_diff_se_expected_vs_observed = unname(abs(b$se - sqrt(diag(sp$vcov))) / sqrt(diag(sp$vcov))))
print(check_splm)

# 2. unbalanced: the reference cases; spatialreg's sacsarlm with dummies as a check
cases <- lapply(c("pooled", "individual", "time", "twoways"), function(e) fit(unbalanced, e))
check_sacsarlm <- lapply(cases, function(cs) {
  p <- cs$p
  dat <- data.frame(y = p$y, x1 = p$X[, xnames[1]], x2 = p$X[, xnames[2]], x3 = p$X[, xnames[3]], x4 = p$X[, xnames[4]])
  if (!is.null(p$D)) dat <- cbind(dat, d = p$D)
  f <- if (is.null(p$D)) y ~ x1 + x2 + x3 + x4 else y ~ . - 1
  lwb <- mat2listw(p$W, style = "W")
  m <- sacsarlm(f, data = dat, listw = lwb, method = "eigen")
  b <- m$coefficients[c(if (is.null(p$D)) "(Intercept)", "x1", "x2", "x3", "x4")]
  ref <- c(m$rho, m$lambda, b)
  list(effect = cs$effect, max_rel_diff_coef = max(abs(cs$coef - ref) / pmax(abs(ref), 0.05)),
       # sacsarlm's logLik (its own log-determinants) differs by ~1e-8; this likelihood is lower at
       # sacsarlm's (rho, lambda) than at its own maximum
       loglik_minus_sacsarlm = cs$loglik - as.numeric(logLik(m)),
       loglik_at_sacsarlm_minus_maximum = {g <- given(p, m$lambda); loglik(p, sum((g$c0 - m$rho * g$c1)^2), m$rho, m$lambda) - cs$loglik})
})
print(check_sacsarlm)
for (cs in cases) cat(cs$effect, "max |score| at the optimum:", cs$max_abs_score, "\n")

out <- list(source = "tests/reference/spreg/spatial_panel_sac_unbalanced.R",
            data = "produc_unbalanced_re.csv",
            removed = "states with index i %% 3 == 1 (1-based, in the data order) lose year 1970 + i %% 17; states 45-48 lose 1985-1986 (24 state-years)",
            checks = list(splm_balanced = check_splm, sacsarlm_unbalanced = check_sacsarlm),
            models = lapply(cases, strip))
write_json(out, "tests/reference/fixtures/spreg_panel_sac_unbalanced_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

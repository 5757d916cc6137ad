# Reference numbers for the LeSage-Pace impacts of cbec's spatial panel lag models (SAR, SDM, SAC) on
# an UNBALANCED panel (estimate/spatial_models/impacts.cpp, stacked_spatial_impacts): the impacts of
# the stacked model over the N observed unit-periods with the block-diagonal weights W = diag(W_t),
#   S_k = diag_t (I - rho W_t)^-1 (beta_k I + theta_k W_t)
#   direct_k = tr(S_k) / N, total_k = 1' S_k 1 / N, indirect_k = total_k - direct_k
# (LeSage and Pace 2009, Introduction to Spatial Econometrics, section 2.7, eq. 2.46-2.48, with the
# block-diagonal W of the stacked panel).
# The fits: spatialreg's lagsarlm (SAR), lagsarlm with Durbin = ~ x's only (SDM: the effect dummies
# are not lagged) and sacsarlm (SAC: the impacts use rho, the lag, only) with the effect dummies as
# regressors on the block-diagonal weights (method "eigen"), as spatial_panel.R and
# spatial_panel_sac_unbalanced.R check cbec's unbalanced fits. For each fit:
#  - point: spatialreg's impacts(fit, listw = the block-diagonal listw) (dense (I - rho W)^-1);
#    for the SDM its impacts of the last regressor miss its Durbin term (a spatialreg 1.2.6 bug, below);
#  - dense: the formula above with dense matrices at the fit's (rho, beta, theta), a check of the
#    formula against spatialreg (and what cbec is held to at the same estimates, to 1e-10);
#  - simulated: impacts(fit, tr = trW(W, type = "mult"), R = 20000) (SDM: the same draws written out) (the traces exact by sparse
#    products, the series to order 30: rho^30 < 1e-20 here), the standard deviations of the draws
#    (spatialreg draws (rho, beta, theta) from N(estimates, the fit's variance) as cbec does);
#  - vcov: the fit's variance of (rho, beta, theta) in that order, so that cbec's simulation can be
#    run on spatialreg's variance and compared within Monte Carlo error.
# Random effects (SAR and SDM, spatial_panel_re_unbalanced.R): the dense formula at the estimates of
# tests/reference/fixtures/spreg_panel_re_unbalanced_produc.json (no R package fits them); the SAC
# with fixed effects likewise at the maximum of spatial_panel_sac_unbalanced.R's likelihood.
# Data: Munnell's Produc with splm's usaww, the 24 state-years of spatial_panel_re_unbalanced.R
# removed (tests/data/produc_unbalanced_re.csv; no state loses all its neighbours in any year); W_t
# usaww restricted to year t's states and row-standardized again (cbec's convention).
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_impacts_unbalanced.R
suppressWarnings(suppressPackageStartupMessages({
  library(spdep); library(spatialreg); library(jsonlite); library(Matrix)
}))
full <- read.csv("tests/data/produc.csv")
unbalanced <- read.csv("tests/data/produc_unbalanced_re.csv")
states <- unique(full$state); years <- sort(unique(full$year))
Wfull <- nb2mat(read.gal("tests/data/usaww.gal", region.id = states), style = "B")
xnames <- c("log(pcap)", "log(pc)", "log(emp)", "unemp")

pr <- unbalanced[order(unbalanced$year, match(unbalanced$state, states)), ]
si <- match(pr$state, states); yi <- match(pr$year, years)
blocks <- lapply(seq_along(years), function(k) {
  s <- si[yi == k]; w <- Wfull[s, s, drop = FALSE]
  stopifnot(all(rowSums(w) > 0))
  w / rowSums(w)
})
W <- as.matrix(bdiag(blocks)); N <- nrow(W)
lw <- mat2listw(W, style = "W")
X <- cbind(log(pr$pcap), log(pr$pc), log(pr$emp), pr$unemp); colnames(X) <- xnames
dummies <- function(effect) {
  unit <- if (effect %in% c("individual", "twoways")) outer(si, seq_along(states), "==") * 1
  time <- if (effect %in% c("time", "twoways")) outer(yi, seq_along(years), "==") * 1
  if (effect == "twoways") time <- time[, -1]
  cbind(unit, time)
}

# The dense formula (eq. 2.46-2.48 with the block-diagonal W).
dense_impacts <- function(rho, beta, theta) {
  A <- solve(diag(N) - rho * W)
  t(sapply(seq_along(beta), function(k) {
    S <- A %*% (beta[k] * diag(N) + theta[k] * W)
    d <- sum(diag(S)) / N; tot <- sum(S) / N
    c(direct = d, indirect = tot - d, total = tot)
  }))
}
as_list <- function(m) list(direct = unname(m[, 1]), indirect = unname(m[, 2]), total = unname(m[, 3]))

tr <- trW(as(lw, "CsparseMatrix"), m = 30, type = "mult")
# SDs of the impacts over R draws of (rho, beta, theta) ~ N(mu, V): the series of LeSage and Pace
# (2009, eq. 4.26) in tr(W^j), j = 0..30; W row-stochastic, so the total is (beta + theta) / (1 - rho).
simulated_se <- function(mu, V, R) {
  k <- (length(mu) - 1) / 2; trs <- c(N, tr)
  draws <- MASS::mvrnorm(R, mu, V)
  out <- apply(draws, 1, function(d) {
    g <- d[1]^(0:29); b <- d[2:(k + 1)]; th <- d[(k + 2):(2 * k + 1)]
    dir <- (b * sum(g * trs[1:30]) + th * sum(g * trs[2:31])) / N; tot <- (b + th) / (1 - d[1])
    c(dir, tot - dir, tot)
  })
  matrix(apply(out, 1, sd), ncol = 3)
}
set.seed(20261202)
case <- function(model, effect) {
  D <- dummies(effect)
  dat <- data.frame(y = log(pr$gsp), x1 = X[, 1], x2 = X[, 2], x3 = X[, 3], x4 = X[, 4])
  if (!is.null(D)) dat <- cbind(dat, d = D)
  f <- if (is.null(D)) y ~ x1 + x2 + x3 + x4 else y ~ . - 1
  ctl <- list(tol.opt = 1e-12)
  m <- switch(model,
              sar = lagsarlm(f, data = dat, listw = lw, method = "eigen", control = ctl),
              sdm = lagsarlm(f, data = dat, listw = lw, method = "eigen", control = ctl, Durbin = ~ x1 + x2 + x3 + x4),
              sac = sacsarlm(f, data = dat, listw = lw, method = "eigen"))
  cf <- m$coefficients
  beta <- unname(cf[c("x1", "x2", "x3", "x4")])
  theta <- if (model == "sdm") unname(cf[c("lag.x1", "lag.x2", "lag.x3", "lag.x4")]) else rep(0, 4)
  point <- impacts(m, listw = lw)
  # spatialreg gives the impacts of every regressor, the effect dummies' too: the x's come first
  stopifnot(attr(point, "bnames")[1:4] == c("x1", "x2", "x3", "x4"))
  pm <- cbind(point$direct, point$indirect, point$total)[1:4, ]
  dense <- dense_impacts(m$rho, beta, theta)
  vnames <- c("rho", "x1", "x2", "x3", "x4", if (model == "sdm") c("lag.x1", "lag.x2", "lag.x3", "lag.x4"))
  V <- vcov(m)[vnames, vnames]
  if (model == "sdm") {
    # spatialreg 1.2.6 drops the last Durbin term from impacts() in a model without intercept
    # (Durbin = ~ x1 + x2 + x3 + x4 with y ~ . - 1): its impacts of x4 are those of theta4 = 0 (with
    # or without "- 1" in the Durbin formula); those of x1..x3 equal the dense formula. So the SDM's
    # reference is the dense formula, and its SEs are drawn here as spatialreg draws them
    # ((rho, beta, theta) ~ N(estimates, vcov), the series in the same exact traces).
    se <- simulated_se(c(m$rho, beta, theta), V, R = 20000)
  } else {
    se <- summary(impacts(m, tr = tr, R = 20000), zstats = TRUE, short = TRUE)$semat[1:4, ]
  }
  list(model = model, effect = effect, n = N, rho = unname(m$rho), beta = beta,
       theta = if (model == "sdm") theta, vcov = unname(V),
       point = as_list(pm), dense = as_list(dense),
       # the SDM: over x1..x3 (spatialreg's x4 misses theta4)
       max_rel_diff_dense_vs_spatialreg = max((abs(dense - pm) / abs(pm))[if (model == "sdm") 1:3 else 1:4, ]),
       se = list(direct = unname(se[, 1]), indirect = unname(se[, 2]), total = unname(se[, 3])), draws = 20000)
}
cases <- list(case("sar", "individual"), case("sar", "twoways"), case("sar", "time"), case("sar", "pooled"),
              case("sdm", "individual"), case("sdm", "twoways"), case("sac", "individual"), case("sac", "twoways"))
for (cs in cases) cat(cs$model, cs$effect, "rho", cs$rho, "dense vs spatialreg", cs$max_rel_diff_dense_vs_spatialreg, "\n")

re <- fromJSON("tests/reference/fixtures/spreg_panel_re_unbalanced_produc.json", simplifyVector = FALSE)
re_cases <- lapply(re$models, function(r) {
  terms <- unlist(r$terms); cf <- unlist(r$coef)
  beta <- cf[match(xnames, terms)]
  theta <- if (r$model == "sdm") cf[match(paste0("W.", xnames), terms)] else rep(0, 4)
  list(model = r$model, effect = "random", rho = cf[terms == "rho"], beta = beta,
       theta = if (r$model == "sdm") theta, dense = as_list(dense_impacts(cf[terms == "rho"], beta, theta)))
})

# SAC: sacsarlm's nlminb stops 1e-6 to 1e-5 (relative) short of the maximum (spatial_panel_sac_unbalanced.R),
# so cbec's SAC fits are held to the dense formula at the maximum found there (its fixture).
sac <- fromJSON("tests/reference/fixtures/spreg_panel_sac_unbalanced_produc.json", simplifyVector = FALSE)
sac_cases <- lapply(sac$models, function(r) {
  terms <- unlist(r$terms); cf <- unlist(r$coef)
  beta <- cf[match(xnames, terms)]
  list(model = "sac", effect = r$effect, rho = cf[terms == "rho"], beta = beta,
       dense = as_list(dense_impacts(cf[terms == "rho"], beta, rep(0, 4))))
})

out <- list(source = "tests/reference/spreg/spatial_panel_impacts_unbalanced.R",
            versions = list(spatialreg = as.character(packageVersion("spatialreg")), spdep = as.character(packageVersion("spdep"))),
            data = "produc_unbalanced_re.csv", terms = xnames, models = cases, random = re_cases, sac_likelihood = sac_cases)
write_json(out, "tests/reference/fixtures/spreg_panel_impacts_unbalanced_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")

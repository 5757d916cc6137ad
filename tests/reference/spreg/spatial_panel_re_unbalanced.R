# Reference numbers for cbec's random-effects SAR and SDM on an UNBALANCED panel
# (estimate/spatial_models/spatial_panel_re.hpp), where splm's spml refuses unbalanced panels: the
# log-likelihood written out with dense matrices from the formulas (Baltagi 2013, Econometric
# Analysis of Panel Data, 5th ed., section 9.2: the unbalanced one-way error component model;
# Millo and Piras 2012, J. Stat. Softw. 47(1), section 2, for the spatial lag), maximized here.
# Data: Munnell's Produc (48 US states, 1970-1986) with splm's 48-state weights usaww, with 24
# state-years removed (below). Each year's W_t is usaww restricted to that year's states and
# row-standardized again (cbec's convention for unbalanced spatial panels). The panel is written to
# tests/data/produc_unbalanced_re.csv (no state loses all its neighbours in any year, unlike
# produc_unbalanced.csv, which leaves one island).
#   y_it = rho (W_t y_t)_i + x_it' beta + mu_i + v_it,  Var(u_i) = sigma2 (I_{T_i} + phi J_{T_i})
#   ln L(rho, phi) = -NT/2 (ln 2 pi + 1 + ln sigma2_hat) - 1/2 sum_i ln(1 + T_i phi)
#                    + sum_t ln|I - rho W_t|,
# beta and sigma2 by GLS given (rho, phi) (quasi-demeaning with theta_i = 1 - (1 + T_i phi)^-1/2).
# SEs as cbec (and splm): beta's sigma2 (X'Sigma^-1 X)^-1 given (rho, phi); (rho, phi) from the
# inverse of minus the Hessian of ln L(rho, phi) (numDeriv, Richardson extrapolation).
# SDM: the same with W_t x_t among the regressors.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_re_unbalanced.R
suppressPackageStartupMessages({library(spdep); library(numDeriv); library(jsonlite)})
pr <- read.csv("tests/data/produc.csv")
gal <- read.gal("tests/data/usaww.gal", region.id = unique(pr$state))
Wfull <- nb2mat(gal, style = "B", zero.policy = TRUE)
states <- unique(pr$state); years <- sort(unique(pr$year))
# removed: every third state (index mod 3 == 1) loses one year (1970 + its index mod 17), the last four lose 1985-1986
si <- match(pr$state, states)
drop <- (si %% 3 == 1 & pr$year == 1970 + si %% 17) | (si > 44 & pr$year >= 1985)
pr <- pr[!drop, ]
write.csv(pr, "tests/data/produc_unbalanced_re.csv", row.names = FALSE)   # the data cbec's test reads
pr <- pr[order(pr$year, match(pr$state, states)), ]
si <- match(pr$state, states)
Wt <- lapply(years, function(t) {
  s <- si[pr$year == t]
  w <- Wfull[s, s, drop = FALSE]
  stopifnot(all(rowSums(w) > 0))     # no state loses all its neighbours
  w / rowSums(w)
})
lag_t <- function(v) unlist(lapply(seq_along(years), function(k) as.vector(Wt[[k]] %*% v[pr$year == years[k]])))
y <- log(pr$gsp)
X0 <- cbind("(Intercept)" = 1, "log(pcap)" = log(pr$pcap), "log(pc)" = log(pr$pc), "log(emp)" = log(pr$emp), unemp = pr$unemp)
wy <- lag_t(y)
Ti <- as.vector(table(factor(si, levels = seq_along(states))))
N <- length(y)
ldet <- function(rho) sum(sapply(Wt, function(w) as.numeric(determinant(diag(nrow(w)) - rho * w)$modulus)))

gls <- function(rho, phi, X) {
  theta <- 1 - 1 / sqrt(1 + Ti * phi)
  qd <- function(v) v - theta[si] * ave(v, si)
  ys <- qd(y - rho * wy); Xs <- apply(X, 2, qd)
  fit <- lm.fit(Xs, ys)
  s2 <- sum(fit$residuals^2) / N
  list(beta = fit$coefficients, sigma2 = s2, xsx = crossprod(Xs),
       loglik = -N / 2 * (log(2 * pi) + 1 + log(s2)) - sum(log(1 + Ti * phi)) / 2 + ldet(rho))
}
fit_case <- function(model) {
  X <- X0
  if (model == "sdm") {
    wx <- apply(X0[, -1], 2, lag_t)
    colnames(wx) <- paste0("W.", colnames(X0)[-1])
    X <- cbind(X0, wx)
  }
  prof <- function(rho) optimize(function(lp) gls(rho, exp(lp), X)$loglik, c(log(1e-8), log(1e8)), maximum = TRUE, tol = 1e-12)
  rho <- optimize(function(r) prof(r)$objective, c(-0.99, 0.99), maximum = TRUE, tol = 1e-12)$maximum
  phi <- exp(prof(rho)$maximum)
  g <- gls(rho, phi, X)
  h <- hessian(function(p) gls(p[1], p[2], X)$loglik, c(rho, phi))
  vt <- solve(-h)
  list(model = model, terms = c("rho", "phi", colnames(X)),
       coef = unname(c(rho, phi, g$beta)),
       se = unname(c(sqrt(diag(vt)), sqrt(diag(g$sigma2 * solve(g$xsx))))),
       sigma2 = g$sigma2, loglik = g$loglik, n = N)
}
out <- list(source = "tests/reference/spreg/spatial_panel_re_unbalanced.R",
            removed = list(rule = "states with index i %% 3 == 1 (1-based, in the data order) lose year 1970 + i %% 17; states 45-48 lose 1985-1986",
                           count = sum(drop)),
            models = list(fit_case("sar"), fit_case("sdm")))
write_json(out, "tests/reference/fixtures/spreg_panel_re_unbalanced_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

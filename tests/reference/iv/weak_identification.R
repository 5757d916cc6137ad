# Reference numbers for cbec's weak-identification statistics of 2SLS with two endogenous regressors
# and three excluded instruments: the Kleibergen-Paap (2006) rk Wald F under HC1 and CR1 variances
# and the Cragg-Donald F under iid errors, with and without two-way fixed effects.
# Nothing here calls an IV package: the statistics are computed from their published formulas.
#
# Kleibergen and Paap (2006, J. Econometrics 133, section 2): with the partialled-out first stage
# X = Z Pi + V (Z: excluded instruments, X: endogenous, both residualized on the exogenous regressors
# and fixed effects), Theta = F Pi G^-1 with F'F = Z'Z and G'G = X'X (the normalization of Stata's
# ranktest), SVD Theta = U S V'. For H0: rank(Pi) = K - 1,
#   A_perp = [U12; U22] U22^-1 (U22 U22')^(1/2),  B_perp = (V22 V22')^(1/2) V22'^-1 [V12' V22'],
#   lambda = A_perp' Theta B_perp',  Omega = (B_perp (x) A_perp') Var(vec Theta) (B_perp (x) A_perp')',
#   rk = lambda' Omega^-1 lambda,  Var(vec Theta) = (G^-T (x) F) Var(vec Pi) (G^-1 (x) F').
# Var(vec Pi) is the sandwich over the K stacked first-stage equations, with the small-sample factor
# of the chosen variance (HC1: N/(N-L); CR1: G/(G-1) (N-1)/(N-L')), L = every first-stage parameter
# (exogenous regressors, excluded instruments, absorbed fixed effects), L' = L without fixed effects
# nested in the cluster variable (one kept for the intercept when all are nested). Then F = rk / L2
# (L2 = excluded instruments). This equals ivreg2's rkf: it computes rk with HC0/CR0 (ranktest) and
# scales it by (N-L)/N / L2 (robust) or (N-L)/(N-1) (G-1)/G / L2 (cluster).
# Cragg and Donald (1993); Stock and Yogo (2005, eq. 3.5): F_CD = mineval(Sigma^-1/2 Pi'Z'Z Pi Sigma^-1/2) / L2,
# Sigma = V'V / (N - L); computed here from the canonical correlations (ivreg2: r^2/(1-r^2) (N-L)/L2),
# and checked against the KP rk Wald statistic with the iid Kronecker variance Sigma (x) (Z'Z)^-1.
# Sanderson and Windmeijer (2016, eq. 13 and section 4): per endogenous x_j, e_j = x_j - X_{-j} d_j with d_j
# the 2SLS coefficients of x_j on X_{-j} (instruments Z), F_SW = Wald(Z in e_j ~ Z) / (L2 - K + 1).
# Run from the repository root: Rscript tests/reference/iv/weak_identification.R
suppressPackageStartupMessages({library(jsonlite)})
set.seed(20240611)
n_firm <- 60; n_year <- 10; n <- n_firm * n_year
d <- data.frame(firm = rep(1:n_firm, each = n_year), year = rep(2001:2010, n_firm))
a <- rnorm(n_firm)[d$firm]; b <- rnorm(n_year)[d$year - 2000]
d$w <- rnorm(n) + 0.3 * a
d$z1 <- rnorm(n) + 0.5 * a; d$z2 <- rnorm(n) * (1 + abs(d$w)); d$z3 <- rnorm(n) + 0.2 * b
u <- rnorm(n) * (0.5 + abs(d$z1)) + a
v1 <- 0.5 * u + rnorm(n) + rnorm(n_firm)[d$firm]; v2 <- 0.3 * u + rnorm(n) * (1 + 0.5 * abs(d$z3))
d$x1 <- 0.6 * d$z1 + 0.3 * d$z2 + 0.1 * d$z3 + 0.4 * d$w + a + v1
d$x2 <- 0.2 * d$z1 + 0.25 * d$z2 + 0.5 * d$z3 - 0.3 * d$w + b + v2
d$y <- 1 + d$x1 - 0.5 * d$x2 + 0.5 * d$w + a + b + u
d <- round(d, 10)
write.csv(d, "tests/data/iv_two_endog.csv", row.names = FALSE)

msqrt <- function(m) { e <- eigen(m, symmetric = TRUE); e$vectors %*% diag(sqrt(pmax(e$values, 0)), nrow(m)) %*% t(e$vectors) }
resid_on <- function(M, W) if (is.null(W)) M else qr.resid(qr(W), M)
kp_rk <- function(X, Z, VPi) {
  K <- ncol(X); L2 <- ncol(Z)
  Fm <- chol(crossprod(Z)); Gm <- chol(crossprod(X))
  Pi <- solve(crossprod(Z), crossprod(Z, X))
  Theta <- Fm %*% Pi %*% solve(Gm)
  s <- svd(Theta, nu = L2, nv = K); U <- s$u; V <- s$v
  q <- K - 1
  U12 <- U[seq_len(q), K:L2, drop = FALSE]; U22 <- U[K:L2, K:L2, drop = FALSE]
  V12 <- V[seq_len(q), K, drop = FALSE]; V22 <- V[K, K, drop = FALSE]
  A <- rbind(U12, U22) %*% solve(U22) %*% msqrt(U22 %*% t(U22))
  B <- msqrt(V22 %*% t(V22)) %*% solve(t(V22)) %*% t(rbind(V12, V22))
  lambda <- t(A) %*% Theta %*% t(B)
  T <- kronecker(t(solve(Gm)), Fm)
  R <- kronecker(B, t(A))
  Omega <- R %*% T %*% VPi %*% t(T) %*% t(R)
  drop(t(lambda) %*% solve(Omega, lambda))
}
# Joint covariance of vec(Pi) (columns stacked) from the K first-stage equations' scores.
vec_pi_vcov <- function(X, Z, type, cluster = NULL, factor = 1) {
  M <- solve(crossprod(Z)); Pi <- M %*% crossprod(Z, X); E <- X - Z %*% Pi
  S <- do.call(cbind, lapply(seq_len(ncol(X)), function(k) E[, k] * Z))
  if (type == "cluster") S <- rowsum(S, cluster)
  bread <- kronecker(diag(ncol(X)), M)
  factor * bread %*% crossprod(S) %*% bread
}
cragg_donald <- function(X, Z, dof) {
  r2 <- cancor(X, Z, xcenter = FALSE, ycenter = FALSE)$cor^2
  min(r2 / (1 - r2)) * dof / ncol(Z)
}
sanderson_windmeijer <- function(X, Z, j, VPiFun) {
  Xo <- X[, -j, drop = FALSE]; Ph <- Z %*% solve(crossprod(Z), crossprod(Z, Xo))
  dj <- solve(crossprod(Ph, Xo), crossprod(Ph, X[, j])); e <- X[, j] - Xo %*% dj
  g <- solve(crossprod(Z), crossprod(Z, e))
  drop(t(g) %*% solve(VPiFun(e), g)) / (ncol(Z) - ncol(X) + 1)
}
cases <- list()
for (fe in c("none", "firm+year")) {
  W <- if (fe == "none") cbind(1, d$w) else model.matrix(~ w + factor(firm) + factor(year), d)
  X <- resid_on(as.matrix(d[, c("x1", "x2")]), W); Z <- resid_on(as.matrix(d[, c("z1", "z2", "z3")]), W)
  L <- ncol(W) + ncol(Z); L2 <- ncol(Z); N <- n; G <- n_firm
  Lc <- if (fe == "none") L else L - n_firm + 1   # firm effects nested in the cluster variable firm
  sig <- crossprod(X - Z %*% solve(crossprod(Z), crossprod(Z, X))) / (N - L)
  factors <- list(iid = NA, hc1 = N / (N - L), "cluster:firm" = G / (G - 1) * (N - 1) / (N - Lc))
  for (vc in names(factors)) {
    f <- factors[[vc]]
    VPi <- if (vc == "iid") kronecker(sig, solve(crossprod(Z)))
           else vec_pi_vcov(X, Z, if (vc == "hc1") "hc" else "cluster", d$firm, f)
    rkf <- kp_rk(X, Z, VPi) / L2
    one <- function(e, type) {
      if (type == "iid") return((sum((e - Z %*% solve(crossprod(Z), crossprod(Z, e)))^2) / (N - L)) * solve(crossprod(Z)))
      vec_pi_vcov(matrix(e), Z, if (type == "hc1") "hc" else "cluster", d$firm, f)
    }
    sw <- sapply(1:2, function(j) sanderson_windmeijer(X, Z, j, function(e) one(e, vc)))
    case <- list(formula = if (fe == "none") "y ~ w | x1 + x2 ~ z1 + z2 + z3" else "y ~ w | firm + year | x1 + x2 ~ z1 + z2 + z3",
                 vcov = vc, nobs = N, kleibergen_paap_f = rkf, sanderson_windmeijer_f = list(x1 = sw[1], x2 = sw[2]))
    if (vc == "iid") {
      case$cragg_donald_f <- cragg_donald(X, Z, N - L)
      stopifnot(abs(case$cragg_donald_f / rkf - 1) < 1e-10)  # KP rk with iid variance = Cragg-Donald
    }
    cases[[length(cases) + 1]] <- case
  }
}
write_json(list(source_script = "tests/reference/iv/weak_identification.R", data = "tests/data/iv_two_endog.csv", cases = cases),
           "tests/reference/fixtures/iv_weak_identification.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote iv_weak_identification.json\n")

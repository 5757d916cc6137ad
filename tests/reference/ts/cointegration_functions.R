# The formulas behind tests/reference/ts/cointegration.R (long-run covariances with sandwich's kernels and
# bandwidths, FMOLS, DOLS, Kao), written from the papers; sourced by that script and bench/ts/run.sh.
suppressPackageStartupMessages({library(sandwich)})
kname <- c(bartlett = "Bartlett", parzen = "Parzen", qs = "Quadratic Spectral")

bandwidth <- function(U, kernel, rule) {
  if (is.numeric(rule)) return(rule)
  if (rule == "andrews") bwAndrews(U, kernel = kname[[kernel]], prewhite = 0, weights = 1)
  else bwNeweyWest(U, kernel = kname[[kernel]], prewhite = 0, weights = 1)
}
# Omega (two-sided) and Delta (one-sided) of U as given (not demeaned).
lrc <- function(U, kernel, rule) {
  U <- as.matrix(U); n <- nrow(U); b <- bandwidth(U, kernel, rule)
  w <- kweights(1:(n - 1) / b, kernel = kname[[kernel]])
  G <- function(j) crossprod(U[1:(n - j), , drop = FALSE], U[(j + 1):n, , drop = FALSE]) / n   # sum u_{t-j} u_t' / n
  S <- crossprod(U) / n; D <- S
  for (j in seq_along(w)) if (abs(w[j]) > 1e-7) D <- D + w[j] * G(j)
  list(omega = D + t(D) - S, delta = D, sigma = S, bw = b)
}
correction <- function(L) {
  k <- nrow(L$omega) - 1; i2 <- 2:(k + 1)
  bb <- solve(L$omega[i2, i2, drop = FALSE], L$omega[i2, 1, drop = FALSE])
  list(b = bb, lambda = L$delta[i2, 1, drop = FALSE] - L$delta[i2, i2, drop = FALSE] %*% bb,
       omega12 = drop(L$omega[1, 1] - L$omega[1, i2, drop = FALSE] %*% bb))
}
unit_list <- function(df, id, y, x) lapply(split(df, df[[id]]), function(d) list(y = d[[y]], X = as.matrix(d[, x, drop = FALSE])))

# --- FMOLS ---
fm_rows <- function(u, trend) {
  n <- length(u$y) - 1; D <- cbind(rep(1, n)); if (trend) D <- cbind(D, 2:(n + 1))
  X <- u$X[-1, , drop = FALSE]; dX <- diff(u$X); y <- u$y[-1]
  M <- diag(n) - D %*% solve(crossprod(D), t(D))
  list(n = n, D = D, X = X, dX = dX, y = y, Xt = M %*% X, yt = drop(M %*% y), M = M)
}
fmols_unit <- function(u, trend, kernel, rule) {
  r <- fm_rows(u, trend)
  u1 <- resid(lm(r$y ~ 0 + r$D + r$X))
  L <- lrc(cbind(u1, r$dX), kernel, rule); cc <- correction(L)
  yp <- r$y - drop(r$dX %*% cc$b); Qi <- solve(crossprod(r$Xt))
  beta <- drop(Qi %*% (crossprod(r$Xt, yp) - r$n * cc$lambda))
  up <- drop(r$M %*% (yp - r$X %*% beta))
  Z <- cbind(r$D, r$X); Mi <- solve(crossprod(Z)); corr <- c(rep(0, ncol(r$D)), cc$lambda)
  S <- apply(Z * up, 2, cumsum) - outer(1:r$n, corr)
  lc <- sum(rowSums((S %*% Mi) * S)) / cc$omega12 / r$n
  list(beta = beta, se = sqrt(diag(cc$omega12 * Qi)), omega12 = cc$omega12, bw = L$bw, lc = lc, resid = up)
}
fmols_panel <- function(units, estimator, trend, kernel, rule) {
  rows <- lapply(units, fm_rows, trend = trend); N <- length(units)
  fits <- lapply(units, fmols_unit, trend = trend, kernel = kernel, rule = rule)
  if (estimator == "group_mean") {
    B <- sapply(fits, function(f) f$beta); SE <- sapply(fits, function(f) f$se)
    B <- matrix(B, ncol = N); SE <- matrix(SE, ncol = N)
    return(list(beta = rowMeans(B), se = sqrt(rowSums(SE^2)) / N, t_gm = rowSums(B / SE) / sqrt(N),
                resid = unlist(lapply(fits, function(f) f$resid))))
  }
  Q <- Reduce(`+`, lapply(rows, function(r) crossprod(r$Xt)))
  if (estimator == "pooled") {
    b0 <- solve(Q, Reduce(`+`, lapply(rows, function(r) crossprod(r$Xt, r$yt))))
    Ls <- lapply(rows, function(r) lrc(cbind(drop(r$yt - r$Xt %*% b0), r$dX), kernel, rule))
    cc <- correction(list(omega = Reduce(`+`, lapply(Ls, `[[`, "omega")) / N, delta = Reduce(`+`, lapply(Ls, `[[`, "delta")) / N))
    rhs <- Reduce(`+`, lapply(rows, function(r) crossprod(r$Xt, r$y - r$dX %*% cc$b) - r$n * cc$lambda))
    beta <- drop(solve(Q, rhs))
    resid <- unlist(lapply(rows, function(r) drop(r$M %*% (r$y - r$dX %*% cc$b - r$X %*% beta))))
    return(list(beta = beta, se = sqrt(diag(cc$omega12 * solve(Q))), omega12 = cc$omega12, resid = resid))
  }
  ccs <- lapply(rows, function(r) correction(lrc(cbind(resid(lm(r$y ~ 0 + r$D + r$X)), r$dX), kernel, rule)))
  Qw <- Reduce(`+`, Map(function(r, cc) crossprod(r$Xt) / cc$omega12, rows, ccs))
  rhs <- Reduce(`+`, Map(function(r, cc) (crossprod(r$Xt, r$y - r$dX %*% cc$b) - r$n * cc$lambda) / cc$omega12, rows, ccs))
  beta <- drop(solve(Qw, rhs))
  resid <- unlist(Map(function(r, cc) drop(r$M %*% (r$y - r$dX %*% cc$b - r$X %*% beta)), rows, ccs))
  list(beta = beta, se = sqrt(diag(solve(Qw))), resid = resid)
}

# --- DOLS (fixed leads p and lags q, or chosen by an information criterion) ---
dols_design <- function(u, trend, p, q, first, last) {   # rows first..last, 1-based
  X <- u$X; k <- ncol(X); dX <- rbind(NA, diff(X)); rows <- first:last
  W <- cbind(rep(1, length(rows))); if (trend) W <- cbind(W, rows)
  for (j in -q:p) W <- cbind(W, dX[rows + j, , drop = FALSE])
  list(y = u$y[rows], X = X[rows, , drop = FALSE], W = W)
}
dols_choose <- function(u, trend, rule, p, q, max) {
  if (rule == "fixed") return(c(p, q))
  T <- length(u$y); best <- Inf; ch <- c(0, 0)
  pen <- function(n) switch(rule, aic = 2, bic = log(n), hq = 2 * log(log(n)))
  for (a in 0:max) for (b in 0:max) {
    d <- dols_design(u, trend, a, b, max + 2, T - max)
    if (length(d$y) < ncol(d$X) + ncol(d$W) + 2) next   # K + 2 rows at least (a saturated fit wins any criterion)
    f <- lm(d$y ~ 0 + d$X + d$W); n <- length(d$y)
    ic <- log(sum(resid(f)^2) / n) + length(coef(f)) * pen(n) / n
    if (ic < best) { best <- ic; ch <- c(a, b) }
  }
  ch
}
dols_part <- function(u, trend, kernel, rule_bw, ll) {
  T <- length(u$y); d <- dols_design(u, trend, ll[1], ll[2], ll[2] + 2, T - ll[1])
  M <- diag(length(d$y)) - d$W %*% solve(crossprod(d$W), t(d$W))
  list(Xt = M %*% d$X, yt = drop(M %*% d$y), d = d, ll = ll)
}
dols_unit <- function(u, trend, kernel, rule_bw, ll) {
  pp <- dols_part(u, trend, kernel, rule_bw, ll)
  f <- lm(pp$d$y ~ 0 + pp$d$X + pp$d$W); k <- ncol(pp$d$X)
  v <- resid(f); om <- lrc(cbind(v), kernel, rule_bw)$omega[1, 1]
  V <- om * solve(crossprod(cbind(pp$d$X, pp$d$W)))[1:k, 1:k, drop = FALSE]
  list(beta = unname(coef(f)[1:k]), se = sqrt(diag(V)), omega = om, resid = unname(v), ll = ll, part = pp)
}
dols_panel <- function(units, estimator, trend, kernel, rule_bw, rule, p, q, max) {
  N <- length(units)
  fits <- lapply(units, function(u) dols_unit(u, trend, kernel, rule_bw, dols_choose(u, trend, rule, p, q, max)))
  if (estimator == "group_mean") {
    B <- matrix(sapply(fits, `[[`, "beta"), ncol = N); SE <- matrix(sapply(fits, `[[`, "se"), ncol = N)
    return(list(beta = rowMeans(B), se = sqrt(rowSums(SE^2)) / N, t_gm = rowSums(B / SE) / sqrt(N),
                leads = sapply(fits, function(f) f$ll[1]), lags = sapply(fits, function(f) f$ll[2])))
  }
  w <- if (estimator == "weighted") sapply(fits, `[[`, "omega") else rep(1, N)
  Q <- Reduce(`+`, Map(function(f, wi) crossprod(f$part$Xt) / wi, fits, w))
  rhs <- Reduce(`+`, Map(function(f, wi) crossprod(f$part$Xt, f$part$yt) / wi, fits, w))
  beta <- drop(solve(Q, rhs))
  if (estimator == "weighted") return(list(beta = beta, se = sqrt(diag(solve(Q)))))
  om <- mean(sapply(fits, function(f) lrc(cbind(f$part$yt - f$part$Xt %*% beta), kernel, rule_bw)$omega[1, 1]))
  list(beta = beta, se = sqrt(diag(om * solve(Q))), omega = om)
}

# --- Kao (1999) ---
kao <- function(units, lags, kernel, rule) {
  N <- length(units); T <- length(units[[1]]$y)
  Xt <- lapply(units, function(u) scale(u$X, scale = FALSE)); yt <- lapply(units, function(u) u$y - mean(u$y))
  b <- solve(Reduce(`+`, lapply(Xt, crossprod)), Reduce(`+`, Map(crossprod, Xt, yt)))
  e <- Map(function(x, y) drop(y - x %*% b), Xt, yt)
  lagged <- unlist(lapply(e, function(v) v[-T])); cur <- unlist(lapply(e, function(v) v[-1]))
  f1 <- lm(cur ~ 0 + lagged); rho <- unname(coef(f1)); n1 <- length(cur)
  t_rho <- (rho - 1) / sqrt(sum(resid(f1)^2) / n1 / sum(lagged^2))
  A <- do.call(rbind, lapply(e, function(v) { de <- diff(v); rows <- (lags + 2):T
    cbind(v[rows], v[rows - 1], sapply(seq_len(lags), function(j) de[rows - 1 - j])) }))
  f2 <- lm(A[, 1] ~ 0 + A[, -1]); XA <- A[, -1, drop = FALSE]
  t_adf <- (coef(f2)[1] - 1) / sqrt(sum(resid(f2)^2) / nrow(A) * solve(crossprod(XA))[1, 1])
  Ls <- lapply(units, function(u) lrc(scale(cbind(diff(u$y), diff(u$X)), scale = FALSE), kernel, rule))   # w = (dy, dx), demeaned
  S <- Reduce(`+`, lapply(Ls, `[[`, "sigma")) / N; W <- Reduce(`+`, lapply(Ls, `[[`, "omega")) / N
  cond <- function(M) drop(M[1, 1] - M[1, -1, drop = FALSE] %*% solve(M[-1, -1, drop = FALSE], M[-1, 1, drop = FALSE]))
  sv2 <- cond(S); s0v2 <- cond(W); sv <- sqrt(sv2); s0v <- sqrt(s0v2)
  star <- function(t) (t + sqrt(6 * N) * sv / (2 * s0v)) / sqrt(s0v2 / (2 * sv2) + 3 * sv2 / (10 * s0v2))
  st <- c(DF_rho = (sqrt(N) * T * (rho - 1) + 3 * sqrt(N)) / sqrt(10.2), DF_t = sqrt(1.25) * t_rho + sqrt(1.875 * N),
          `DF*_rho` = (sqrt(N) * T * (rho - 1) + 3 * sqrt(N) * sv2 / s0v2) / sqrt(3 + 36 * sv2^2 / (5 * s0v2^2)),
          `DF*_t` = star(t_rho), ADF = unname(star(t_adf)))
  list(rho = rho, t_rho = t_rho, t_adf = unname(t_adf), sigma2_v = sv2, sigma2_0v = s0v2,
       statistics = as.list(st), p_values = as.list(pnorm(st)))
}


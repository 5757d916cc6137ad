# Reference numbers for cbec's random-effects models with a spatial error, SEM-RE and SAC-RE, on an
# UNBALANCED panel (estimate/spatial_models/spatial_panel_re.hpp), where splm's spml refuses
# unbalanced panels and no R package fits them: the log-likelihood written out with dense N x N
# matrices and maximized here. With D the N x n unit dummies of the rows present, B_t = I - lambda W_t
# and A_t = I - rho W_t on the units present in period t (W_t: usaww restricted to them,
# row-standardized again), u = A y - X beta and Var(u) = sigma2 Sigma:
#   "b"   (Baltagi, Song and Koh 2003, J. Econometrics 117, eq. 2.1-2.2, u = D mu + e,
#          e_t = lambda W_t e_t + v_t):   Sigma = phi D D' + blockdiag_t (B_t'B_t)^-1
#   "kkp" (Kapoor, Kelejian and Prucha 2007, J. Econometrics 140, section 2, u_t = lambda W_t u_t
#          + e_t, e = D mu + v):          Sigma = B^-1 (I + phi D D') B^-1',  B = blockdiag_t B_t
#   ln L(rho, lambda, phi) = -N/2 (ln 2 pi + 1 + ln sigma2_hat) - 1/2 ln|Sigma| + sum_t ln|A_t|,
# beta and sigma2 by GLS given (rho, lambda, phi), through the Cholesky factor of the dense Sigma
# (nothing of cbec's Woodbury form is used here).
# First the same code on the balanced Produc panel against splm 1.6-5 spml(model = "random",
# spatial.error = "b" / "kkp", lag = FALSE / TRUE): the dense likelihood at splm's estimates equals
# splm's logLik, and its maximum splm's estimates (to splm's own optimizer's precision); the
# differences are written to the fixture ("balanced_check"): ln L at splm's estimates to 2e-12; the
# SEM maxima to 1e-8; the SAC maxima (ln L above splm's by 5e-10) differ from splm's by up to 6e-7 in
# rho and lambda, 7e-6 in phi (1e-6 relative), 2e-6 relative in beta, splm's optimizer's precision
# along the flat (rho, lambda, phi) directions. Then its maximum on the unbalanced
# Produc panel of spatial_panel_re_unbalanced.R (tests/data/produc_unbalanced_re.csv, 24 state-years
# removed).
# Maximum: nlminb on (rho, lambda, ln phi), polished by Newton steps on numDeriv's gradient and
# Hessian (Richardson extrapolation). SEs as cbec (and splm): beta's sigma2 (X'Sigma^-1 X)^-1 given
# (rho, lambda, phi); those of (rho, lambda, phi) from the inverse of minus numDeriv's Hessian of
# ln L(rho, lambda, phi).
# splm 1.6-5 is not in Debian: R_LIBS=/tmp/rlib (CRAN's sources).
# Run from the repository root: R_LIBS=/tmp/rlib Rscript tests/reference/spreg/spatial_panel_re_error_unbalanced.R
suppressPackageStartupMessages({library(splm); library(spdep); library(numDeriv); library(jsonlite)})
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
full <- read.csv("tests/data/produc.csv")
states <- unique(full$state)
gal <- read.gal("tests/data/usaww.gal", region.id = states)
Wfull <- nb2mat(gal, style = "B", zero.policy = TRUE)

# The panel's pieces, rows ordered by year and then state.
panel <- function(pr) {
  pr <- pr[order(pr$year, match(pr$state, states)), ]
  si <- match(pr$state, states); yr <- pr$year; years <- sort(unique(yr))
  rows <- lapply(years, function(t) which(yr == t))
  Wt <- lapply(years, function(t) { s <- si[yr == t]; w <- Wfull[s, s, drop = FALSE]; stopifnot(all(rowSums(w) > 0)); w / rowSums(w) })
  D <- outer(si, seq_along(states), "==") * 1
  D <- D[, colSums(D) > 0, drop = FALSE]
  y <- log(pr$gsp)
  wy <- unlist(lapply(seq_along(years), function(k) as.vector(Wt[[k]] %*% y[rows[[k]]])))
  list(pr = pr, y = y, wy = wy, X = model.matrix(fm, pr), rows = rows, Wt = Wt, D = D, N = nrow(pr))
}

# The dense N x N Sigma (its period blocks filled one by one), its Cholesky factor, GLS.
loglik_parts <- function(p, P, errors, lag) {
  rho <- if (lag) p[1] else 0; lambda <- p[length(p) - 1]; phi <- p[length(p)]
  Sigma <- matrix(0, P$N, P$N)
  BiD <- matrix(0, P$N, ncol(P$D))   # kkp: B^-1 D
  for (k in seq_along(P$rows)) {
    r <- P$rows[[k]]
    B <- diag(length(r)) - lambda * P$Wt[[k]]
    if (errors == "b") Sigma[r, r] <- solve(crossprod(B))
    else { Bi <- solve(B); Sigma[r, r] <- tcrossprod(Bi); BiD[r, ] <- Bi %*% P$D[r, ] }
  }
  Sigma <- Sigma + phi * (if (errors == "b") tcrossprod(P$D) else tcrossprod(BiD))
  C <- chol(Sigma)
  ay <- P$y - rho * P$wy
  ys <- backsolve(C, ay, transpose = TRUE); Xs <- backsolve(C, P$X, transpose = TRUE)
  fit <- lm.fit(Xs, ys)
  s2 <- sum(fit$residuals^2) / P$N
  ldet_a <- if (lag) sum(sapply(P$Wt, function(w) as.numeric(determinant(diag(nrow(w)) - rho * w)$modulus))) else 0
  list(beta = fit$coefficients, sigma2 = s2, xsx = crossprod(Xs),
       loglik = -P$N / 2 * (log(2 * pi) + 1 + log(s2)) - sum(log(diag(C))) + ldet_a)
}
loglik <- function(p, P, errors, lag) loglik_parts(p, P, errors, lag)$loglik

# Maximum from `start` = (rho, lambda, phi) (rho only when lag).
maximize <- function(P, errors, lag, start) {
  q <- c(start[-length(start)], log(start[length(start)]))
  f <- function(q) loglik(c(q[-length(q)], exp(q[length(q)])), P, errors, lag)
  q <- nlminb(q, function(q) -f(q), control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 1000, iter.max = 500))$par
  for (it in 1:4) q <- q - solve(hessian(f, q), grad(f, q))   # Newton polish
  p <- c(q[-length(q)], exp(q[length(q)]))
  g <- loglik_parts(p, P, errors, lag)
  vt <- solve(-hessian(loglik, p, P = P, errors = errors, lag = lag))
  list(theta = p, beta = unname(g$beta), se_theta = sqrt(diag(vt)),
       se_beta = unname(sqrt(diag(g$sigma2 * solve(g$xsx)))), sigma2 = g$sigma2, loglik = g$loglik,
       grad = grad(loglik, p, P = P, errors = errors, lag = lag))
}
theta_names <- function(lag) c(if (lag) "rho", "lambda", "phi")
errors_name <- c(b = "baltagi", kkp = "kkp")

# Balanced: the dense likelihood against splm.
bal <- panel(full)
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
balanced_check <- list()
for (lag in c(FALSE, TRUE)) for (errors in c("b", "kkp")) {
  m <- spml(fm, data = full, index = c("state", "year"), listw = lw, model = "random", lag = lag, spatial.error = errors)
  at <- unname(c(if (lag) m$arcoef, m$errcomp["rho"], m$errcomp["phi"]))
  ll_at_splm <- loglik(at, bal, errors, lag)
  fit <- maximize(bal, errors, lag, at)
  rel <- function(a, b) max(abs(a - b) / pmax(abs(b), 1e-3))
  balanced_check[[length(balanced_check) + 1]] <- list(
    model = if (lag) "sac" else "sem", errors = errors_name[[errors]],
    splm_loglik = as.numeric(m$logLik), dense_loglik_at_splm = ll_at_splm,
    loglik_difference_at_splm = ll_at_splm - as.numeric(m$logLik),
    dense_max_loglik = fit$loglik,
    max_rel_difference_theta = rel(fit$theta, at),
    max_rel_difference_beta = rel(fit$beta, unname(m$coefficients)),
    rel_difference_sigma2 = rel(fit$sigma2, m$sigma2$idios))
  cat(sprintf("balanced %s %s: ln L dense at splm - splm = %.2e; dense max - splm = %.2e; max rel diff theta %.2e, beta %.2e, sigma2 %.2e\n",
              if (lag) "sac" else "sem", errors, ll_at_splm - as.numeric(m$logLik), fit$loglik - as.numeric(m$logLik),
              rel(fit$theta, at), rel(fit$beta, unname(m$coefficients)), rel(fit$sigma2, m$sigma2$idios)))
  stopifnot(abs(ll_at_splm - as.numeric(m$logLik)) < 1e-7, fit$loglik >= as.numeric(m$logLik) - 1e-9)
}

# Unbalanced: the dense likelihood maximized.
unb <- panel(read.csv("tests/data/produc_unbalanced_re.csv"))
models <- list()
for (lag in c(FALSE, TRUE)) for (errors in c("b", "kkp")) {
  start <- c(if (lag) 0.01, 0.5, 7)
  fit <- maximize(unb, errors, lag, start)
  cat(sprintf("unbalanced %s %s: theta %s, ln L %.10f, |gradient| %.1e\n", if (lag) "sac" else "sem", errors,
              paste(format(fit$theta, digits = 10), collapse = " "), fit$loglik, max(abs(fit$grad))))
  models[[length(models) + 1]] <- list(
    model = if (lag) "sac" else "sem", errors = errors_name[[errors]],
    terms = c(theta_names(lag), colnames(unb$X)),
    coef = c(fit$theta, fit$beta), se = c(fit$se_theta, fit$se_beta),
    sigma2 = fit$sigma2, sigma2_mu = fit$theta[length(fit$theta)] * fit$sigma2, loglik = fit$loglik,
    max_abs_gradient = max(abs(fit$grad)), n = unb$N)
}
out <- list(source = "tests/reference/spreg/spatial_panel_re_error_unbalanced.R",
            data = "tests/data/produc_unbalanced_re.csv (spatial_panel_re_unbalanced.R)",
            balanced_check = balanced_check, models = models)
write_json(out, "tests/reference/fixtures/spreg_panel_re_error_unbalanced_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

# Reference numbers for spxt's dynamic SAR/SDM with the bias correction of Yu, de Jong and Lee
# (2008, J. Econometrics 146, 118-134; individual effects) and Lee and Yu (2010, Econometric
# Theory 26, 564-597; two-way effects, the time effects removed by the orthonormal transformation
# F_{n,n-1}): SDPDmod 0.0.6 (CRAN; built from its sources into a private library, R_LIBS=/tmp/rlib),
# SDPDm(dynamic = TRUE, tlaginfo = list(ind = NULL, tl = TRUE, stl = TRUE), LYtrans = TRUE) and
# impactsSDPDm, on Munnell's Produc data (48 states, 1970-1986; 1970 the initial condition) with
# splm's row-standardized 48-state weights usaww.
# Three conventions of SDPDmod are replaced so that its numbers are the exact quasi-ML and its
# correction (everything else, the transformations, the variance and the bias correction, is
# SDPDmod's own code):
#  - it inverts the information matrix Sigma after Matrix::nearPD, meant to repair a matrix that is
#    not positive definite; but nearPD drops eigenvalues below 1e-6 times the largest (eig.tol),
#    and Sigma's sigma2 entry 1/(2 sigma2^2) is ~4e6 on Produc against eigenvalues ~1 for the
#    slopes, so nearPD changes a positive-definite Sigma (smallest eigenvalue 0.93) and with it the
#    standard errors (SE of y(t-1) 0.157 instead of 0.021) and the bias correction (y(t-1)'s
#    coefficient 5.52 instead of 0.84, rho -0.019 instead of 0.683; sar, unit effects). Here nearPD
#    returns Sigma itself when Sigma is positive definite (as YJL's Sigma^-1), else SDPDmod's repair;
#  - its log-determinant is read off a grid of step 0.001 (lndetfull, nearest point): here the
#    exact ln|I - rho W| (determinant()) in f_sar and f2_sar_dyn;
#  - its rho search is optimize() with the default tol (1.2e-4): here tol = 1e-12 and a Newton polish.
# The point impacts are impactsSDPDm's simulated means with the variance scaled by 1e-30 (so every
# draw is the estimate); their simulated SEs (impactsSDPDm with NSIM = 4000) depend on R's
# generator and are compared within Monte-Carlo error only.
# Run from the repository root: R_LIBS=/tmp/rlib Rscript tests/reference/spreg/spatial_panel_dynamic_sdpd.R
suppressWarnings(suppressPackageStartupMessages({library(SDPDmod); library(jsonlite)}))
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
W <- usaww / rowSums(usaww)
ldet_exact <- function(rho, w) as.numeric(determinant(diag(nrow(w)) - rho * w, logarithm = TRUE)$modulus)
near_pd <- Matrix::nearPD
assignInNamespace("nearPD", function(x, ...) if (inherits(try(chol(x), silent = TRUE), "try-error")) near_pd(x, ...) else list(mat = x), "Matrix")
ns <- asNamespace("SDPDmod")
exact_env <- function(Wn) {
  e <- new.env(parent = ns)
  # optimize to 1e-12, then Newton steps on central differences of the objective (h = 1e-5):
  # optimize's comparisons stop ~1e-8 short (relative) on a flat maximum, which moves a small
  # slope like sdm's W*log(pcap) (b = b_0 - rho b_d) by 1e-6 relative
  e$optimize <- function(f, lower, upper, maximum = FALSE, ...) {
    r <- stats::optimize(f, lower = lower, upper = upper, ..., tol = 1e-12)
    x <- r$minimum; h <- 1e-5
    g <- function(x) f(x, ...)
    for (i in 1:3) x <- x - (g(x + h) - g(x - h)) / (2 * h) / ((g(x + h) - 2 * g(x) + g(x - h)) / h^2)
    list(minimum = x, objective = g(x))
  }
  # SDPDmod's f_sar with the exact log-determinant of the (possibly transformed) W of the fit
  e$f_sar <- function(rho, detval, epeo, eped, epeod, n, t, dynamic) {
    zz <- epeo - 2 * rho * epeod + rho * rho * eped
    if (dynamic) zz <- zz / (n * t)
    (n * t / 2) * log(zz) - t * ldet_exact(rho, Wn(n))
  }
  e$f2_sar_dyn <- function(rho, bhat, y0, Z0, detval, n0, t0, sige, sind0, tind0, Wy0) {
    x <- cbind(Wy0, Z0)
    re1 <- ns$demean(y0, x = x, N = n0, t = t0, effect = "individual", sind = sind0, tind = tind0)
    eee <- re1$yw - re1$xw[, -1] %*% bhat - rho * re1$xw[, 1]
    as.numeric(-(n0 * t0 / 2) * log(2 * pi * sige) + t0 * ldet_exact(rho, W) - sum(eee^2) / (2 * sige))
  }
  e
}
# the W of the fit: W itself (n = 48) or, with two-way effects, F'WF (n = 47, SDPDmod's demeanF)
Fn <- eigen(diag(48) - matrix(1 / 48, 48, 48))$vectors[, 1:47]
Wn <- function(n) if (n == 48) W else t(Fn) %*% W %*% Fn
fit <- function(model, effect) {
  f <- SDPDm
  environment(f) <- exact_env(Wn)
  f(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, data = pr, W = W, index = c("state", "year"),
    model = model, effect = effect, dynamic = TRUE, tlaginfo = list(ind = NULL, tl = TRUE, stl = TRUE), LYtrans = TRUE)
}
point_impacts <- function(m) {
  m$varcov <- m$varcov * 1e-30
  im <- impactsSDPDm(m, NSIM = 2)
  tab <- function(x) unname(x[, 1])
  list(direct_short = tab(im$DIRECTst.tab), indirect_short = tab(im$INDIRECTst.tab), total_short = tab(im$TOTALst.tab),
       direct_long = tab(im$DIRECTlt.tab), indirect_long = tab(im$INDIRECTlt.tab), total_long = tab(im$TOTALlt.tab))
}
impact_ses <- function(m) {
  im <- impactsSDPDm(m, NSIM = 4000)
  tab <- function(x) unname(x[, 2])
  list(direct_short = tab(im$DIRECTst.tab), indirect_short = tab(im$INDIRECTst.tab), total_short = tab(im$TOTALst.tab),
       direct_long = tab(im$DIRECTlt.tab), indirect_long = tab(im$INDIRECTlt.tab), total_long = tab(im$TOTALlt.tab))
}
case <- function(model, effect) {
  m <- fit(model, effect)
  list(model = model, effect = effect,
       # SDPDmod's order: y(t-1), W*y(t-1), x, [W*x]; rho; sigma2
       uncorrected = list(coef = unname(m$coefficients), se = unname(m$std), rho = unname(m$rho), rho_se = unname(m$rho.se),
                          sigma2 = unname(m$sige), loglik = unname(m$likl)),
       corrected = list(coef = unname(m$coefficients1), se = unname(m$std1), rho = unname(m$rho1), rho_se = unname(m$rho.se1),
                        sigma2 = unname(m$sige1), loglik = unname(m$likl1)),
       impacts = point_impacts(m), impacts_se = impact_ses(m))
}
cases <- list(case("sar", "individual"), case("sdm", "individual"), case("sar", "twoways"), case("sdm", "twoways"))
out <- list(source = "SDPDmod 0.0.6 SDPDm(dynamic = TRUE, tl = TRUE, stl = TRUE, LYtrans = TRUE), exact log-determinant, optimize tol 1e-12 and Newton polish, nearPD only if not positive definite; impactsSDPDm point values",
            terms = c("l(log(gsp), 1)", "W.l(log(gsp), 1)", "log(pcap)", "log(pc)", "log(emp)", "unemp"), cases = cases)
write_json(out, "tests/reference/fixtures/spreg_panel_dynamic_sdpd.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")

# Reference for cbec's panel threshold regression (Hansen 1999, J. Econometrics 93: 345-368),
# written from the paper's formulas: the within transformation (2.3), the concentrated sum of
# squared errors S1(gamma) by lm() on the transformed data, F1 = (S0 - S1) / sigma^2 with
# sigma^2 = S1 / (n (T - 1)) (3.7), the LR statistic (3.10) and its no-rejection region with
# c(alpha) = -2 ln(1 - sqrt(alpha)) (3.13), the double-threshold sequential estimate and the
# refinement of the first threshold (section 4), and the coefficients with homoskedastic and White
# standard errors, as Hansen's own program prints them. The threshold grid is Hansen's program's:
# 393 quantiles of the distinct threshold values (qn = 400, trimming 1%), a threshold splits
# q < gamma from q >= gamma, and a second threshold excludes the qn * trim grid points on either
# side of the first. Both samples are covered: all periods, and Hansen's, where one period per firm
# is deleted after the within transformation (delete_last = TRUE). Bootstrap p-values are random
# and checked in the C++ tests by simulation instead.
# Cross-checked once against pdR 1.9.3 ptm() on the same data (its LR statistics use n T instead
# of n (T - 1) in sigma^2; scaled back, they agree).
# Data: Hansen's model, i_it on q, q^2, q^3, d, q d (all lagged) and lagged cash flow c whose slope
# changes with lagged debt d. Run from the repository root: Rscript tests/reference/panel/threshold.R
suppressPackageStartupMessages(library(jsonlite))
raw <- read.csv("tests/data/hansen1999_invest.csv")
lagv <- function(v) ave(v, raw$firm, FUN = function(z) c(NA, head(z, -1)))
raw$q1 <- lagv(raw$q); raw$c1 <- lagv(raw$c); raw$d1 <- lagv(raw$d)
d <- raw[!is.na(raw$q1), ]
d$q2 <- d$q1^2; d$q3 <- d$q1^3; d$qd <- d$q1 * d$d1
n <- length(unique(d$firm)); TT <- length(unique(d$year))
within <- function(v) v - ave(v, d$firm)
thresh <- d$d1
dd <- sort(unique(thresh)); qn <- 400
grid_for <- function(trim) { sq <- seq(trim, trim + (1 / qn) * (qn - 2 * qn * trim), by = 1 / qn); dd[floor(sq * length(dd))] }
qq1 <- grid_for(0.01)
X <- sapply(c("q1", "q2", "q3", "d1", "qd"), function(v) within(d[[v]]))
y <- within(d$i)

run <- function(delete_last) {
  keep <- if (delete_last) d$year != max(d$year) else rep(TRUE, nrow(d))
  dfree <- n * (TT - 1)
  sse_of <- function(gs) {   # SSE with regime slopes of c at the thresholds gs
    Z <- cbind(X, within(d$c1))
    for (g in sort(gs)) Z <- cbind(Z, within(d$c1 * (thresh < g)))
    sum(resid(lm.fit(Z[keep, ], y[keep]))^2)
  }
  candidates <- function(fixed, trim) {
    if (length(fixed) == 0) return(qq1)
    i <- seq_along(qq1); drop <- rep(FALSE, length(qq1))
    for (r in fixed) { nn <- sum(qq1 < r); drop <- drop | (i >= nn - qn * trim & i < nn + qn * trim) }
    qq1[!drop]
  }
  search <- function(fixed, trim) {
    g <- candidates(fixed, trim); s <- sapply(g, function(x) sse_of(c(fixed, x)))
    k <- which.min(s); lr <- (s / s[k] - 1) * dfree
    ok <- g[lr <= -2 * log(1 - sqrt(0.95))]
    list(gamma = g[k], sse = s[k], ci = c(min(ok), max(ok)), n_grid = length(g), lr_sum = sum(lr))
  }
  coefs <- function(gs) {
    gs <- sort(gs); regimes <- cut(thresh, c(-Inf, gs, Inf), right = FALSE)
    Z <- X; for (lv in levels(regimes)) Z <- cbind(Z, within(d$c1 * (regimes == lv)))
    Z <- Z[keep, ]; yy <- y[keep]
    fit <- lm.fit(Z, yy); e <- resid(fit); b <- coef(fit)
    ZZi <- solve(crossprod(Z))
    se_h <- sqrt(diag(ZZi) * sum(e^2) / (dfree - ncol(Z)))
    se_w <- sqrt(diag(ZZi %*% crossprod(Z * e) %*% ZZi))
    list(coef = unname(b), se = unname(se_h), se_white = unname(se_w))
  }
  s0 <- sum(resid(lm.fit(cbind(X, within(d$c1))[keep, ], y[keep]))^2)
  one <- search(numeric(0), 0.01)
  two <- search(one$gamma, 0.01)
  refined <- search(two$gamma, 0.01)
  three <- search(c(refined$gamma, two$gamma), 0.05)
  list(sse0 = s0, single = c(one, list(F = (s0 - one$sse) / (one$sse / dfree), model = coefs(one$gamma))),
       double = c(two, list(F = (one$sse - two$sse) / (two$sse / dfree), refined = refined$gamma, refined_ci = refined$ci,
                            refined_sse = refined$sse, model = coefs(c(refined$gamma, two$gamma)))),
       triple = c(three, list(F = (refined$sse - three$sse) / (three$sse / dfree), model = coefs(c(refined$gamma, two$gamma, three$gamma)))))
}
out <- list(source_script = "tests/reference/panel/threshold.R", n = n, T = TT, grid = length(qq1),
            all_periods = run(FALSE), delete_last = run(TRUE))
write_json(out, "tests/reference/fixtures/panel_threshold.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)

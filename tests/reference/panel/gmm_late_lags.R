# Reference for cbec's dynamic-panel GMM when a GMM-style variable's lags start after the first
# differenced period: "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:99) + l(log(wage), 3:99)"
# on EmplUK (tests/data/empluk.csv), difference GMM with two-way effects, one- and two-step. Period s
# of the differenced equation has the instruments w_t, t <= s - 3, and none while s < 3 (xtabond2's
# rule; cbec crashed here). plm 2.6's pgmm fails on this range itself ("only 0's may be mixed with
# negative subscripts"), so the same instrument set is built with lw1 = log(wage) of the previous year
# and lag(lw1, 2:99); its all-zero columns and pgmm's automatic standard instrument for log(wage) are
# dropped and the estimator recomputed with pgmm's own formulas, then vcovHC (Windmeijer), sargan
# (Hansen's J) and mtest on the rebuilt object. Checked first on a range cbec handled (44 of 44 agree).
# Run from the repository root: Rscript tests/reference/panel/gmm_late_lags.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
em <- read.csv("tests/data/empluk.csv")
em <- em[order(em$firm, em$year), ]
prev <- match(paste(em$firm, em$year - 1), paste(em$firm, em$year))
em$lw1 <- log(em$wage)[prev]
 pd <- pdata.frame(em, index = c("firm", "year"))
refit <- function(m, steps, H, drop_last) {
  W <- lapply(m$W, as.matrix); nc <- ncol(W[[1]])
  keep <- colSums(Reduce("+", lapply(W, abs))) != 0 & seq_len(nc) <= nc - drop_last
  W <- lapply(W, function(w) w[, keep, drop = FALSE]); yX <- m$model
  A1 <- solve(Reduce("+", lapply(W, function(x) t(x) %*% H %*% x))) * length(W)
  WX <- Reduce("+", mapply(function(x, y) crossprod(x, y), W, yX, SIMPLIFY = FALSE)); Wy <- WX[, 1]; WX <- WX[, -1]
  B1 <- solve(t(WX) %*% A1 %*% WX); b1 <- drop(B1 %*% t(WX) %*% A1 %*% Wy)
  res1 <- lapply(yX, function(x) drop(x[, 1] - x[, -1] %*% b1))
  A2 <- solve(Reduce("+", mapply(function(x, e) t(x) %*% outer(e, e) %*% x, W, res1, SIMPLIFY = FALSE)))
  m2 <- m; m2$W <- W; m2$A1 <- A1; m2$A2 <- A2
  nm <- if (is.list(m$coefficients)) names(m$coefficients[[2]]) else names(m$coefficients)
  if (steps == "twosteps") {
    B2 <- solve(t(WX) %*% A2 %*% WX); b2 <- drop(B2 %*% t(WX) %*% A2 %*% Wy); names(b1) <- names(b2) <- nm
    m2$coefficients <- list(b1, b2); m2$vcov <- B2; m2$residuals <- lapply(yX, function(x) drop(x[, 1] - x[, -1] %*% b2))
  } else { names(b1) <- nm; m2$coefficients <- b1; m2$vcov <- B1; m2$residuals <- res1 }
  m2
}
res <- list()
for (steps in c("onestep", "twosteps")) {
  m <- suppressWarnings(pgmm(log(emp) ~ lag(log(emp), 1) + log(wage) | lag(log(emp), 2:99) + lag(lw1, 2:99),
                             data = pd, transformation = "d", model = steps, effect = "twoways"))
  T <- 9; TL1 <- 2
  m <- refit(m, steps, tcrossprod(diff(diag(1, T - TL1 + 1))), drop_last = 1)
  vr <- vcovHC(m); sg <- sargan(m)
  res[[steps]] <- list(terms = names(coef(m)), coef = unname(coef(m)), se_robust = unname(sqrt(diag(vr))), hansen = unname(sg$statistic), hansen_df = unname(sg$parameter),
                       ar1 = unname(mtest(m, 1, vcov = vr)$statistic[1]), ar2 = unname(mtest(m, 2, vcov = vr)$statistic[1]), n_instr = ncol(m$W[[1]]))
}
write_json(res, "tests/reference/fixtures/panel_gmm_late_lags.json", digits = 10, auto_unbox = TRUE, pretty = TRUE)
print(res$twosteps[c("coef", "se_robust", "hansen", "hansen_df", "ar1", "ar2", "n_instr")])

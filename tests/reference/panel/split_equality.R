# Reference numbers for `--split-by` (cbec's Wald test that coefficients are equal in k groups,
# src/cbec/estimate/group_equality.hpp) on tests/data/core_panel.csv, y ~ x1 + x2 in each of the 8
# regions A-H:
#  - per group: lm() coefficients and the HC0 / HC1 / iid variances (sandwich::vcovHC);
#  - the block-diagonal Wald statistic of H0: b_A = b_B = ... = b_H for x1 and x2, chi2(14), written
#    out independently of cbec's formula as (R b)' (R V R')^-1 (R b) with V = blockdiag(V_g);
#  - the fully interacted pooled model lm(y ~ region * (x1 + x2)) with its HC0 variance and
#    car::linearHypothesis on the 14 interaction terms: with HC0 it equals the block-diagonal
#    statistic (the design is block-diagonal and HC0 has no small-sample factor);
#  - the same with a subset (year >= 2015) to check --if.
# Run from the repository root: Rscript tests/reference/panel/split_equality.R
suppressPackageStartupMessages({library(sandwich); library(car); library(jsonlite)})
d <- read.csv("tests/data/core_panel.csv")
d <- d[complete.cases(d[, c("y", "x1", "x2", "region")]), ]

blockdiag_wald <- function(data, type) {
  groups <- sort(unique(data$region))
  b <- list(); V <- list(); dfres <- 0; out <- list()
  for (g in groups) {
    m <- lm(y ~ x1 + x2, data = data[data$region == g, ])
    b[[g]] <- coef(m)[c("x1", "x2")]
    v <- if (type == "iid") vcov(m) else vcovHC(m, type = type)
    V[[g]] <- v[c("x1", "x2"), c("x1", "x2")]
    dfres <- dfres + m$df.residual
    out[[g]] <- list(coef = as.list(coef(m)), se = as.list(sqrt(diag(v))), nobs = nobs(m))
  }
  k <- length(groups); p <- 2
  bb <- unlist(b)
  VV <- matrix(0, k * p, k * p)
  for (i in seq_len(k)) VV[((i - 1) * p + 1):(i * p), ((i - 1) * p + 1):(i * p)] <- V[[i]]
  R <- matrix(0, (k - 1) * p, k * p)
  for (i in 2:k) for (j in 1:p) { R[(i - 2) * p + j, j] <- -1; R[(i - 2) * p + j, (i - 1) * p + j] <- 1 }
  d <- R %*% bb
  W <- as.numeric(t(d) %*% solve(R %*% VV %*% t(R)) %*% d)
  q <- (k - 1) * p
  list(groups = out, chi2 = W, df = q, p_value = pchisq(W, q, lower.tail = FALSE),
       F = W / q, F_df2 = dfres, F_p_value = pf(W / q, q, dfres, lower.tail = FALSE))
}

interacted_hc0 <- function(data) {
  data$region <- factor(data$region)
  m <- lm(y ~ region * (x1 + x2), data = data)
  h <- grep("^region.*:x[12]$", names(coef(m)), value = TRUE)
  lh <- linearHypothesis(m, paste(h, "= 0"), vcov. = vcovHC(m, type = "HC0"), test = "Chisq")
  list(chi2 = lh$Chisq[2], df = lh$Df[2])
}

out <- list(
  hc0 = blockdiag_wald(d, "HC0"), hc1 = blockdiag_wald(d, "HC1"), iid = blockdiag_wald(d, "iid"),
  interacted_hc0 = interacted_hc0(d),
  subset_2015_hc0 = blockdiag_wald(d[d$year >= 2015, ], "HC0"),
  subset_2015_interacted_hc0 = interacted_hc0(d[d$year >= 2015, ]))
stopifnot(abs(out$hc0$chi2 - out$interacted_hc0$chi2) < 1e-8 * out$hc0$chi2)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "tests/reference/fixtures/panel_split_equality.json")

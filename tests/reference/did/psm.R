# Reference for cbec's propensity-score matching: MatchIt 4.5.5 on its lalonde data (Dehejia and Wahba 1999): logit and probit scores, nearest-neighbour matching on the
# score without replacement (greedy, largest score first), 1:2 with a caliper of 0.1 SD of the
# score, and with replacement; matched controls of each treated unit, matching weights, and the
# balance after matching (standardized mean differences, MatchIt's treated-SD convention), and the
# t test after matching as Stata's pstest with psmatch2's weights.
# MatchIt 4.5.5 was built from its CRAN source into a private library for this run
# (R_LIBS=<lib> Rscript ...): Debian bookworm's 4.5.1 computes |distance difference| with an integer
# abs on this platform, so its nearest-neighbour matching ignores calipers and always takes the
# lower-score neighbour (fixed in 4.5.4, "calipers would not work properly on some systems", #163).
# The probit score is fitted with glm's convergence tightened to 1e-14 and passed to matchit(), as
# glm's default stopping rule leaves probit scores 4e-7 from the maximum.
# Writes tests/data/lalonde.csv and tests/reference/fixtures/did_psm.json.
# Run from the repository root: Rscript tests/reference/did/psm.R
suppressPackageStartupMessages({library(MatchIt); library(jsonlite)})
stopifnot(packageVersion("MatchIt") >= "4.5.4")
data("lalonde", package = "MatchIt")
d <- lalonde
d$black <- as.numeric(d$race == "black"); d$hispan <- as.numeric(d$race == "hispan")
rownames(d) <- NULL
d <- d[, c("treat", "age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75", "re78")]
write.csv(d, "tests/data/lalonde.csv", row.names = FALSE)
f <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
covs <- c("age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75")
# Stata pstest's t test after matching: regress x treated [iw=_weight] with psmatch2's weights
# (treated 1, each control the sum of its 1/k shares of the treated it is matched to), so N = sum w.
pstest_t <- function(x, t, w) {
  k <- w > 0; x <- x[k]; t <- t[k]; w <- w[k]
  sw <- tapply(w, t, sum); m <- tapply(w * x, t, sum) / sw
  sse <- sum(w * (x - m[as.character(t)])^2); df <- sum(w) - 2
  tt <- unname((m["1"] - m["0"]) / sqrt(sse / df * (1 / sw["0"] + 1 / sw["1"])))
  c(t = tt, p = 2 * pt(-abs(tt), df))
}
run <- function(...) {
  m <- matchit(f, data = d, method = "nearest", ...)
  mm <- m$match.matrix
  matches <- lapply(seq_len(nrow(mm)), function(i) { v <- mm[i, ]; as.integer(v[!is.na(v)]) })
  s <- summary(m, standardize = TRUE)$sum.matched
  shares <- numeric(nrow(d))   # psmatch2's _weight, from the matches (not from MatchIt's rescaled weights)
  for (i in seq_along(matches)) if (length(matches[[i]])) {
    shares[as.integer(rownames(mm)[i])] <- 1
    shares[matches[[i]]] <- shares[matches[[i]]] + 1 / length(matches[[i]])
  }
  tp <- sapply(covs, function(v) pstest_t(d[[v]], d$treat, shares))
  list(distance = unname(m$distance), treated_rows = as.integer(rownames(mm)), matches = matches,
       weights = unname(m$weights), smd = unname(s[covs, "Std. Mean Diff."]),
       means_control = unname(s[covs, "Means Control"]), t_after = unname(tp["t", ]), p_after = unname(tp["p", ]))
}
out <- list(source_script = "tests/reference/did/psm.R", covariates = covs,
            nn = run(),
            nn_probit = run(distance = fitted(glm(f, binomial("probit"), d, control = glm.control(epsilon = 1e-14, maxit = 100)))),
            nn2_caliper = run(ratio = 2, caliper = 0.1),
            nn_replace = run(replace = TRUE))
write_json(out, "tests/reference/fixtures/did_psm.json", digits = NA, auto_unbox = TRUE)

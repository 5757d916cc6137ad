# Reference values for TOPSIS, coefficient-of-variation weights and AHP written from their
# definitions in base R, on the provincial science panel (tests/data/scitech_2011_2019.csv) and on
# a 4 x 4 pairwise matrix. Run from the repository root: Rscript tests/reference/index/topsis_ahp.R
suppressPackageStartupMessages(library(jsonlite))
w <- read.csv("tests/data/scitech_2011_2019.csv")
X <- as.matrix(w[, c("patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity")])
cvw <- apply(X, 2, function(v) sd(v) / mean(v)); cvw <- cvw / sum(cvw)
neg <- c(FALSE, FALSE, FALSE, TRUE)
V <- sweep(sweep(X, 2, sqrt(colSums(X^2)), "/"), 2, cvw, "*")
best <- ifelse(neg, apply(V, 2, min), apply(V, 2, max)); worst <- ifelse(neg, apply(V, 2, max), apply(V, 2, min))
dp <- sqrt(rowSums(sweep(V, 2, best)^2)); dm <- sqrt(rowSums(sweep(V, 2, worst)^2))
# Min-max TOPSIS (the entropy-TOPSIS of applied papers): the indicators min-max standardized, a
# negative one reversed (max - x) / (max - min), weighted by the same CV weights; ideal max, anti-ideal min.
S <- apply(X, 2, function(v) (v - min(v)) / (max(v) - min(v))); S[, neg] <- 1 - S[, neg]
Vm <- sweep(S, 2, cvw, "*")
dpm <- sqrt(rowSums(sweep(Vm, 2, apply(Vm, 2, max))^2)); dmm <- sqrt(rowSums(sweep(Vm, 2, apply(Vm, 2, min))^2))
A <- matrix(c(1, 3, 5, 7, 1/3, 1, 3, 5, 1/5, 1/3, 1, 3, 1/7, 1/5, 1/3, 1), 4, byrow = TRUE)
e <- eigen(A); k <- which.max(Re(e$values)); lam <- Re(e$values[k]); v <- Re(e$vectors[, k]); v <- v / sum(v)
ci <- (lam - 4) / 3
write_json(list(source_script = "tests/reference/index/topsis_ahp.R", cv_weights = unname(cvw), topsis = unname(dm / (dp + dm)),
                topsis_minmax = unname(dmm / (dpm + dmm)),
                ahp = list(w = v, lambda_max = lam, ci = ci, cr = ci / 0.90)),
           "tests/reference/fixtures/index_topsis_ahp.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)

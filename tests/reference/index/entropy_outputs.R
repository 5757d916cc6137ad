# Reference values for the entropy outputs cbec reports beside the weights (base R, from the
# definitions in src/cbec/estimate/index/entropy_weights.hpp; independent of cbec): on the provincial
# panel tests/data/scitech_2011_2019.csv (31 provinces x 9 years), min-max standardization with
# rd_intensity negative and shift 1e-4:
#  - pooled: the minimum and maximum of each indicator, k = 1 / ln n, every row's score with the
#    shift in the shares only (cbec's default) and with the shift in the scores too (--shift-scores);
#  - per-year scope: the minimum and maximum of each indicator within 2015 and k = 1 / ln 31.
# Run from the repository root: Rscript tests/reference/index/entropy_outputs.R
suppressPackageStartupMessages(library(jsonlite))
w <- read.csv("tests/data/scitech_2011_2019.csv")
ind <- c("patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity")
neg <- c(FALSE, FALSE, FALSE, TRUE)
shift <- 1e-4
entropy <- function(X) {
  n <- nrow(X)
  S <- sapply(seq_along(ind), function(j) { x <- X[, j]; if (neg[j]) (max(x) - x) / (max(x) - min(x)) else (x - min(x)) / (max(x) - min(x)) })
  e <- apply(S, 2, function(v) { p <- (v + shift) / sum(v + shift); -sum(ifelse(p > 0, p * log(p), 0)) / log(n) })
  wt <- (1 - e) / sum(1 - e)
  list(n = n, k = 1 / log(n), min = unname(apply(X, 2, min)), max = unname(apply(X, 2, max)), w = unname(wt),
       scores = drop(S %*% wt), scores_shifted = drop((S + shift) %*% wt))
}
X <- as.matrix(w[, ind])
pooled <- entropy(X)
y2015 <- entropy(as.matrix(w[w$year == 2015, ind]))
out <- list(source_script = "tests/reference/index/entropy_outputs.R", indicators = ind, negative = neg, shift = shift,
            pooled = pooled, per_year_2015 = y2015[c("n", "k", "min", "max", "w")])
write_json(out, "tests/reference/fixtures/index_entropy_outputs.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote index_entropy_outputs.json\n")

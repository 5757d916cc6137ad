# Reference values for cbec's entropy weights by scope (entropy_by_group.cpp), from the definitions in
# base R (independent code, no cbec), on tests/data/scitech_2011_2019.csv (31 provinces x 9 years):
# - per-year: min-max standardization, shares, e, g, w all within each year (n = 31, k = 1 / ln 31);
# - time-varying: min-max standardization pooled over all 279 rows (scores comparable across
#   years), then shares, e, g, w within each year.
# Run from the repository root: Rscript tests/reference/index/entropy_scope.R
suppressPackageStartupMessages(library(jsonlite))
w <- read.csv("tests/data/scitech_2011_2019.csv")
ind <- c("patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity")
neg <- c(FALSE, FALSE, FALSE, TRUE)
minmax <- function(X) sapply(seq_along(ind), function(j) { x <- X[, j]; if (neg[j]) (max(x) - x) / (max(x) - min(x)) else (x - min(x)) / (max(x) - min(x)) })
entropy <- function(S) {
  n <- nrow(S)
  e <- apply(S, 2, function(v) { p <- v / sum(v); -sum(ifelse(p > 0, p * log(p), 0)) / log(n) })
  wt <- (1 - e) / sum(1 - e)
  list(e = e, w = wt, scores = drop(S %*% wt))
}
X <- as.matrix(w[, ind])
pooled <- minmax(X)
years <- sort(unique(w$year))
per_year <- lapply(years, function(y) { r <- w$year == y; entropy(minmax(X[r, ])) })
time_varying <- lapply(years, function(y) entropy(pooled[w$year == y, ]))
scores <- function(res) { s <- numeric(nrow(w)); for (k in seq_along(years)) s[w$year == years[k]] <- res[[k]]$scores; s }
out <- list(source_script = "tests/reference/index/entropy_scope.R", indicators = ind, negative = neg, years = years,
  per_year = lapply(per_year, function(r) r[c("e", "w")]), per_year_scores = scores(per_year),
  time_varying = lapply(time_varying, function(r) r[c("e", "w")]), time_varying_scores = scores(time_varying))
write_json(out, "tests/reference/fixtures/index_entropy_scope.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote index_entropy_scope.json\n")

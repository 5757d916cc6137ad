# Reference values for cbec's Phillips-Sul log t test and club clustering (club_convergence.cpp).
# Run with ConvergenceClubs 2.2.5 from CRAN (Sichera and Pizzuto; GPL-3), which is not in Debian:
# install it into a private library and point R_LIBS at it, e.g.
#   R_LIBS=/tmp/rlib-club Rscript tests/reference/convergence/club_convergence.R   (from the repository root)
# Data: the package's GDP data (per-capita GDP of 152 countries 1970-2003, Phillips and Sul 2009),
# first 50 countries, written in long form to tests/data/ps_gdp50.csv. The trend is the
# Hodrick-Prescott filter of log GDP (lambda = 400), solved here from its definition
# (I + lambda D'D) tau = y; it reproduces the package's filteredGDP (made with mFilter) to 1e-9.
suppressPackageStartupMessages({ library(jsonlite); library(ConvergenceClubs) })
data(GDP); data(filteredGDP)
gdp <- GDP[1:50, ]
years <- 1970:2003
long <- data.frame(country = rep(gdp$Countries, each = length(years)), year = rep(years, nrow(gdp)),
                   gdp = as.vector(t(as.matrix(gdp[, -1]))))
write.csv(long, "tests/data/ps_gdp50.csv", row.names = FALSE)

hp <- function(y, lambda) { n <- length(y); D <- diff(diag(n), differences = 2); drop(solve(diag(n) + lambda * crossprod(D), y)) }
logs <- log(as.matrix(gdp[, -1]))
filt <- t(apply(logs, 1, hp, lambda = 400))
stopifnot(max(abs(filt - as.matrix(filteredGDP[1:50, -1]))) < 1e-9)
X <- data.frame(country = gdp$Countries, filt)
cols <- 2:ncol(X)

test <- function(m) as.list(m[c("beta", "std.err", "tvalue", "pvalue")])
club_list <- function(cl) {
  nm <- setdiff(names(cl), "divergent")
  list(clubs = lapply(nm, function(k) c(list(members = I(X$country[cl[[k]]$id])), test(cl[[k]]$model))),
       divergent = if (is.null(cl$divergent)) list() else I(X$country[cl$divergent$id]))
}
full <- function(M, r) test(estimateMod(computeH(M), time_trim = r))
clubs <- findClubs(X, dataCols = cols, unit_names = 1, refCol = ncol(X), time_trim = 0.3, HACmethod = "FQSB", cstar = 0)
clubs_c <- findClubs(X, dataCols = cols, unit_names = 1, refCol = ncol(X), time_trim = 1/3, HACmethod = "FQSB", cstar = 1)
Xm <- X; Xm$ref <- rowMeans(filt[, 32:34])   # ordering by the mean of the last 3 periods (fraction 0.1 of 34)
clubs_m <- findClubs(Xm, dataCols = cols, unit_names = 1, refCol = ncol(Xm), time_trim = 0.3, HACmethod = "FQSB", cstar = 0)
out <- list(
  source_script = "tests/reference/convergence/club_convergence.R",
  package = paste("ConvergenceClubs", packageVersion("ConvergenceClubs")),
  hp_trend_first_unit = unname(filt[1, ]),
  full_r03 = full(filt, 0.3), full_r13 = full(filt, 1/3), full_unfiltered_r03 = full(logs, 0.3),
  clubs_r03 = club_list(clubs),
  merged_ps_r03 = club_list(mergeClubs(clubs, mergeMethod = "PS")),
  merged_vlt_r03 = club_list(mergeClubs(clubs, mergeMethod = "vLT")),
  clubs_r13_cstar1 = club_list(clubs_c),
  merged_ps_r13_cstar1 = club_list(mergeClubs(clubs_c, mergeMethod = "PS")),
  clubs_order_last3 = club_list(clubs_m))
write_json(out, "tests/reference/fixtures/convergence_club.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote convergence_club.json\n")

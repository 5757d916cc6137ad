# The R side of the benchmark: CSV reading with data.table::fread, and the same regressions with
# fixest::feols (if installed) or estimatr::lm_robust, clustered by id. Prints the coefficients and
# fixest's demeaning iterations (at its default tolerance and at cbec's, 1e-10).
args <- commandArgs(TRUE); task <- args[1]; path <- args[2]; threads <- as.integer(args[3])
data.table::setDTthreads(threads)
d <- data.table::fread(path)
if (task %in% c("feols", "feols3")) {
  f <- if (task == "feols") y ~ x1 + x2 + x3 + x4 + x5 | id + year else y3 ~ x1 + x2 + x3 + x4 + x5 | id + year + ind
  if (requireNamespace("fixest", quietly = TRUE)) {
    fixest::setFixest_nthreads(threads)
    m <- fixest::feols(f, d, cluster = ~id)
    cat("fixest", coef(m), "iterations", max(m$iterations), "\n")
  } else {
    m <- estimatr::lm_robust(update(f, . ~ x1 + x2 + x3 + x4 + x5), d, fixed_effects = if (task == "feols") ~id + year else ~id + year + ind,
                             clusters = id, se_type = "stata")
    cat("estimatr", coef(m), "\n")
  }
}

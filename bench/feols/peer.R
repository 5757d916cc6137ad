# The R side of the benchmark: CSV reading with data.table::fread, and the same regression with
# fixest::feols (if installed) or estimatr::lm_robust, clustered by id.
args <- commandArgs(TRUE); task <- args[1]; path <- args[2]; threads <- as.integer(args[3])
data.table::setDTthreads(threads)
d <- data.table::fread(path)
if (task == "feols") {
  if (requireNamespace("fixest", quietly = TRUE)) {
    fixest::setFixest_nthreads(threads)
    m <- fixest::feols(y ~ x1 + x2 + x3 + x4 + x5 | id + year, d, cluster = ~id)
    cat("fixest", coef(m), "\n")
  } else {
    m <- estimatr::lm_robust(y ~ x1 + x2 + x3 + x4 + x5, d, fixed_effects = ~id + year, clusters = id, se_type = "stata")
    cat("estimatr", coef(m), "\n")
  }
}

# A simulated cointegrated panel for the ts benchmark: N units x T periods,
# x1, x2 random walks, y = a_i + 2 x1 - 0.5 x2 + u, u AR(1) with rho 0.5 correlated with dx.
# Usage: Rscript make_data.R N T out.csv
args <- commandArgs(TRUE); N <- as.integer(args[1]); T <- as.integer(args[2])
set.seed(2026)
rows <- lapply(seq_len(N), function(i) {
  e1 <- rnorm(T); e2 <- rnorm(T); x1 <- 10 + cumsum(e1); x2 <- 10 + cumsum(e2)
  u <- stats::filter(rnorm(T) + 0.5 * (e1 + e2), 0.5, method = "recursive")
  data.frame(id = i, t = seq_len(T), y = i / N + 2 * x1 - 0.5 * x2 + as.numeric(u), x1 = x1, x2 = x2)
})
write.csv(do.call(rbind, rows), args[3], row.names = FALSE)

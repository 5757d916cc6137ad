# Synthetic two-way panel for the benchmark: n rows, n/20 units x 20 years, 5 regressors.
args <- commandArgs(TRUE); n <- as.numeric(args[1]); path <- args[2]
set.seed(1)
units <- n / 20
d <- data.frame(id = rep(seq_len(units), each = 20), year = rep(2001:2020, times = units))
a <- rnorm(units)[d$id]; g <- rnorm(20)[d$year - 2000]
for (k in 1:5) d[[paste0("x", k)]] <- rnorm(n) + 0.3 * a
d$y <- with(d, 1 * x1 - 0.5 * x2 + 0.25 * x3 + 0 * x4 + 2 * x5 + a + g + rnorm(n))
data.table::fwrite(d, path)

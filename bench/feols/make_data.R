# Synthetic panel for the benchmark: n rows, n/20 units x 20 years, 5 regressors; and a third
# fixed-effect dimension for the three-way benchmark: 1,000 industries, each unit in one industry
# until a year when it may move to another (drawn after the two-way columns, which stay as before).
args <- commandArgs(TRUE); n <- as.numeric(args[1]); path <- args[2]
set.seed(1)
units <- n / 20
d <- data.frame(id = rep(seq_len(units), each = 20), year = rep(2001:2020, times = units))
a <- rnorm(units)[d$id]; g <- rnorm(20)[d$year - 2000]
for (k in 1:5) d[[paste0("x", k)]] <- rnorm(n) + 0.3 * a
d$y <- with(d, 1 * x1 - 0.5 * x2 + 0.25 * x3 + 0 * x4 + 2 * x5 + a + g + rnorm(n))
first <- sample.int(1000, units, TRUE); then <- sample.int(1000, units, TRUE)
move <- sample(2001:2030, units, TRUE)  # a third of the units never move
d$ind <- ifelse(d$year >= move[d$id], then[d$id], first[d$id])
d$y3 <- d$y + rnorm(1000)[d$ind]
data.table::fwrite(d, path)

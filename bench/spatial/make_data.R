# Synthetic data of the spatial benchmark: n units at uniform random locations in the unit square
# and a spatially smooth variable plus noise (so Moran's I is clearly positive), deterministic for
# a given n (seed 20240601). Usage: Rscript make_data.R <n> <out.csv>
args <- commandArgs(TRUE)
n <- as.integer(args[1])
set.seed(20240601)
x <- runif(n)
y <- runif(n)
v <- sin(6 * pi * x) + cos(6 * pi * y) + rnorm(n)
write.csv(data.frame(id = seq_len(n), x = sprintf("%.12f", x), y = sprintf("%.12f", y), v = sprintf("%.12f", v)),
          args[2], row.names = FALSE, quote = FALSE)

# The R peer of the spatial benchmark (spdep): k = 6 nearest-neighbour weights, row-standardized,
# then one task, timed inside R (loading and the weights are timed apart and not counted):
#   moran: moran.mc(nsim = <nsim>);  lisa: localmoran_perm(nsim = <nsim>) on <threads> cores.
# knearneigh uses dbscan's k-d tree when r-cran-dbscan is installed, else an exhaustive search.
# Prints "task<TAB>seconds<TAB>statistic". Usage: Rscript peer.R <data.csv> <moran|lisa> <nsim> <threads>
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
nsim <- as.integer(args[3])
invisible(set.coresOption(if (as.integer(args[4]) > 1) as.integer(args[4]) else NULL))
t0 <- proc.time()[["elapsed"]]
lw <- nb2listw(knn2nb(knearneigh(cbind(d$x, d$y), k = 6)), style = "W")
t1 <- proc.time()[["elapsed"]]
set.seed(1)
if (args[2] == "moran") {
  stat <- moran.mc(d$v, lw, nsim = nsim)$statistic
} else {
  l <- localmoran_perm(d$v, lw, nsim = nsim, iseed = 1)
  stat <- sum(l[, "Pr(folded) Sim"] < 0.05)  # units with a folded pseudo p-value under 5%
}
t2 <- proc.time()[["elapsed"]]
cat(sprintf("weights\t%.2f\n%s\t%.2f\t%.6f\n", t1 - t0, args[2], t2 - t1, stat))

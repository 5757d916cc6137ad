# Hansen's (1999) investment panel (tests/data/hansen1999_invest.csv, 565 firms x 15 years) copied
# k times for the threshold bootstrap's scaling: copy j's firms are renumbered and every value is
# perturbed by a factor exp(0.01 z) so copies do not tie; the lagged regressors of Hansen's model
# are added as columns. Usage: Rscript make_data.R k out.csv
args <- commandArgs(TRUE); k <- as.integer(args[1]); path <- args[2]
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
h <- read.csv(file.path(here, "../../tests/data/hansen1999_invest.csv"))
set.seed(1)
d <- do.call(rbind, lapply(seq_len(k) - 1, function(j) {
  x <- h
  x$firm <- x$firm + j * 10000
  if (j > 0) for (v in c("i", "q", "c", "d")) x[[v]] <- x[[v]] * exp(0.01 * rnorm(nrow(x)))
  x
}))
lag1 <- function(v) ave(v, d$firm, FUN = function(z) c(NA, head(z, -1)))
d$q1 <- lag1(d$q); d$d1 <- lag1(d$d); d$c1 <- lag1(d$c)
d$q2 <- d$q1^2; d$q3 <- d$q1^3; d$qd <- d$q1 * d$d1
write.csv(d, path, row.names = FALSE)

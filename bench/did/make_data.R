# Synthetic staggered panel for the DID benchmark: <units> units x 20 periods (2001-2020), cohorts
# adopting 2004-2018 and a never-treated quarter, one covariate, dynamic heterogeneous effects.
# Usage: Rscript make_data.R <units> <out.csv>
args <- commandArgs(TRUE); n <- as.integer(args[1]); set.seed(1)
g <- ifelse(runif(n) < 0.25, 0, sample(2004:2018, n, TRUE))
d <- data.frame(id = rep(seq_len(n), each = 20), year = rep(2001:2020, n), first_treat = rep(g, each = 20))
d$x <- rep(rnorm(n), each = 20)
a <- rep(rnorm(n), each = 20)
post <- d$first_treat > 0 & d$year >= d$first_treat
d$y <- a + 0.05 * (d$year - 2000) + 0.3 * d$x + ifelse(post, 1 + 0.1 * (d$year - d$first_treat), 0) + rnorm(nrow(d))
write.csv(d, args[2], row.names = FALSE)

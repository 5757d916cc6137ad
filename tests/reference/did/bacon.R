# Reference for cbec's Goodman-Bacon (2021) decomposition: the R package bacondecomp (public source,
# installed into a private library for this purpose only; not a Debian package) on its castle-doctrine
# data (Cheng and Hoekstra 2013, as shipped with bacondecomp), exported to tests/data/castle.csv with
# a first_treat column (first year with post = 1; 0 = never treated).
# Run: R_LIBS=<library with bacondecomp and fixest> Rscript tests/reference/did/bacon.R
suppressPackageStartupMessages({library(bacondecomp); library(jsonlite)})
d <- castle[, c("state", "year", "l_homicide", "post")]
ft <- tapply(ifelse(d$post == 1, d$year, Inf), d$state, min)
d$first_treat <- ifelse(is.finite(ft[as.character(d$state)]), ft[as.character(d$state)], 0)
write.csv(d, "tests/data/castle.csv", row.names = FALSE)
b <- bacon(l_homicide ~ post, data = castle, id_var = "state", time_var = "year", quietly = TRUE)
twfe <- coef(lm(l_homicide ~ post + factor(state) + factor(year), castle))[["post"]]
b$untreated[!is.finite(b$untreated)] <- 0
write_json(list(source_script = "tests/reference/did/bacon.R", bacondecomp = as.character(packageVersion("bacondecomp")),
                twfe = twfe, two_by_twos = b), "tests/reference/fixtures/did_bacon_castle.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("TWFE", twfe, " sum", sum(b$estimate * b$weight), "\n")

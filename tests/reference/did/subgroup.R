# Reference for cbec's subgroup difference test: the model fitted separately in two groups of
# units (odd and even id) of tests/data/mediation_small.csv with lm() and sandwich::vcovCL (CR1,
# Stata's factor), and z = (b_1 - b_2) / sqrt(V_1 + V_2).
# Run from the repository root: Rscript tests/reference/did/subgroup.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})
d <- read.csv("tests/data/mediation_small.csv")
d$odd <- d$id %% 2
fit <- function(s) { m <- lm(y_med ~ did + x, s); V <- vcovCL(m, cluster = ~id, type = "HC1"); c(coef(m)[["did"]], sqrt(V["did", "did"])) }
a <- fit(d[d$odd == 0, ]); b <- fit(d[d$odd == 1, ])
z <- (a[1] - b[1]) / sqrt(a[2]^2 + b[2]^2)
write_json(list(source_script = "tests/reference/did/subgroup.R", b0 = a[1], se0 = a[2], b1 = b[1], se1 = b[2],
                difference = a[1] - b[1], z = z, p = 2 * pnorm(-abs(z))),
           "tests/reference/fixtures/did_subgroup.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)

# Reference for cbec's three-step mediation: lm() with sandwich::vcovCL (CR1, Stata factor) on a
# deterministic panel built from tests/data/staggered_small.csv plus a simulated mediator
# (m = 0.6 did + noise; y_med = y + 0.8 m), and the Sobel statistic written out from its formula.
# Writes tests/data/mediation_small.csv and tests/reference/fixtures/did_mediation.json.
# Run from the repository root: Rscript tests/reference/did/mediation.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})
d <- read.csv("tests/data/staggered_small.csv")
d$did <- as.numeric(d$first_treat > 0 & d$year >= d$first_treat)
set.seed(99)
d$m <- 0.6 * d$did + 0.3 * d$x + rnorm(nrow(d))
d$y_med <- d$y + 0.8 * d$m
write.csv(d[, c("id", "year", "first_treat", "did", "x", "m", "y_med")], "tests/data/mediation_small.csv", row.names = FALSE)
fit <- function(f) { m <- lm(f, d); V <- vcovCL(m, cluster = ~id, type = "HC1"); list(b = coef(m), se = sqrt(diag(V))) }
s1 <- fit(y_med ~ did + x); s2 <- fit(m ~ did + x); s3 <- fit(y_med ~ did + m + x)
a <- s2$b[["did"]]; b <- s3$b[["m"]]; sa <- s2$se[["did"]]; sb <- s3$se[["m"]]
z <- a * b / sqrt(b^2 * sa^2 + a^2 * sb^2)
fe <- function(f) coef(lm(f, d))
out <- list(source_script = "tests/reference/did/mediation.R", c = s1$b[["did"]], a = a, b = b, c_prime = s3$b[["did"]],
            sobel_z = z, sobel_p = 2 * pnorm(-abs(z)),
            fe = list(c = fe(y_med ~ did + x + factor(id) + factor(year))[["did"]], a = fe(m ~ did + x + factor(id) + factor(year))[["did"]],
                      b = fe(y_med ~ did + m + x + factor(id) + factor(year))[["m"]]))
write_json(out, "tests/reference/fixtures/did_mediation.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)

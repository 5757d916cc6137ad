# Reference for cbec's wild cluster bootstrap (did --method wild) against fwildclusterboot 0.14.3
# (github:s3alfisc/fwildclusterboot, installed into a private library for this purpose only, with
# fixest 0.12.2): WCR, Rademacher, full enumeration of the 2^G sign vectors (G = 8 or 10 clusters),
# so the p-value is deterministic and the confidence interval (test inversion) is too, up to the
# root finders' tolerance. Cases: two-way FE; controls; observation and unit weights (fe = NULL);
# an unbalanced panel; G = 10 with a unit treated after the sample (never treated). fwildclusterboot
# counts the draws with |t*| > |t| strictly (mean(abs(t_stat) < abs(t_boot))), as boottest.
# Writes tests/data/wild8.csv, wild8u.csv, wild10.csv and tests/reference/fixtures/did_wild_fwildclusterboot.json.
# Run from the repository root: R_LIBS=<library with fwildclusterboot> Rscript tests/reference/did/wild_fwildclusterboot.R
suppressPackageStartupMessages({library(fixest); library(fwildclusterboot); library(jsonlite)})
set.seed(77)
mk <- function(G, Tn, ft) {
  d <- expand.grid(year = 2001:(2000 + Tn), id = 1:G)
  d$first_treat <- ft[d$id]
  d$region <- ifelse(d$id %% 2 == 0, "A", "B")
  d$x <- rnorm(nrow(d)) + 0.1 * d$id
  d$x2 <- runif(nrow(d))
  d$w <- round(runif(G, 0.5, 2), 3)[d$id]        # unit-level weights
  d$wi <- round(runif(nrow(d), 0.5, 2), 3)       # observation-level weights
  did <- as.numeric(d$first_treat > 0 & d$year >= d$first_treat)
  d$y <- 0.4 * did + 0.3 * d$x - 0.2 * d$x2 + rnorm(G)[d$id] + 0.1 * (d$year - 2000) + rnorm(nrow(d))
  d[, c("id", "year", "first_treat", "region", "x", "x2", "w", "wi", "y")]
}
d8 <- mk(8, 8, c(2004, 2004, 2006, 2006, 2007, 0, 0, 0))
write.csv(d8, "tests/data/wild8.csv", row.names = FALSE)
d10 <- mk(10, 7, c(2003, 2004, 2004, 2005, 2006, 0, 0, 0, 0, 2008))
write.csv(d10, "tests/data/wild10.csv", row.names = FALSE)
write.csv(d8[-c(3, 11, 12, 30, 47, 60), ], "tests/data/wild8u.csv", row.names = FALSE)
prep <- function(file) {
  d <- read.csv(file.path("tests/data", file))
  ft <- ifelse(d$first_treat == 0 | d$first_treat > max(d$year), NA, d$first_treat)
  d$did <- as.numeric(!is.na(ft) & d$year >= ft)
  d
}
one <- function(name, file, controls, wvar = NULL, fe = "id") {
  dd <<- prep(file)
  fml <- as.formula(paste("y ~", paste(c("did", controls), collapse = " + "), "| id + year"))
  fit <- if (is.null(wvar)) eval(bquote(feols(.(fml), data = dd, cluster = ~id)))
         else eval(bquote(feols(.(fml), data = dd, cluster = ~id, weights = ~.(as.name(wvar)))))
  dqrng::dqset.seed(1); set.seed(1)
  bt <- suppressWarnings(suppressMessages(boottest(fit, param = "did", clustid = "id", B = 9999, type = "rademacher", fe = fe,
                                                   tol = 1e-12, maxiter = 200)))
  G <- length(unique(dd$id))   # B = 9999 > 2^G: boottest enumerates
  list(name = name, data = file, controls = as.list(controls), weights = if (is.null(wvar)) "" else wvar,
       estimate = unname(coef(fit)["did"]), t = unname(tstat(fit)["did"]), p = bt$p_val, ci = unname(bt$conf_int), draws = 2^G)
}
cases <- list(one("base", "wild8.csv", character()),
              one("controls", "wild8.csv", c("x", "x2")),
              one("observation_weights", "wild8.csv", "x", wvar = "wi", fe = NULL),
              one("unit_weights", "wild8.csv", character(), wvar = "w", fe = NULL),
              one("unbalanced", "wild8u.csv", "x"),
              one("g10", "wild10.csv", "x"))
write_json(list(what = "fwildclusterboot 0.14.3 boottest, WCR Rademacher, enumerated", cases = cases),
           "tests/reference/fixtures/did_wild_fwildclusterboot.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
for (c in cases) cat(sprintf("%-20s p = %.10g  ci = [%.10g, %.10g]\n", c$name, c$p, c$ci[1], c$ci[2]))

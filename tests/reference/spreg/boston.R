# Reference values for cbec's spreg on the Boston housing tracts (Harrison & Rubinfeld 1978, with
# the corrections of Gilley & Pace 1996, as spData's boston.c and its contiguity list boston.soi;
# spData is CC0 / GPL): the hedonic model of spatialreg's examples with row-standardized weights,
# SAR, SEM, SDM and SDEM by ML (method "eigen", "ase" variance). Writes tests/data/boston.csv
# (transformed variables) and tests/data/boston.gal, and the fixture.
# Run from the repository root: Rscript tests/reference/spreg/boston.R
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(jsonlite)})
data(boston, package = "spData")
b <- boston.c
d <- data.frame(tract = seq_len(nrow(b)), log_cmedv = log(b$CMEDV), crim = b$CRIM, zn = b$ZN, indus = b$INDUS,
                chas = as.numeric(as.character(b$CHAS)), nox2 = b$NOX^2, rm2 = b$RM^2, age = b$AGE, log_dis = log(b$DIS),
                log_rad = log(b$RAD), tax = b$TAX, ptratio = b$PTRATIO, b = b$B, log_lstat = log(b$LSTAT))
write.csv(d, "tests/data/boston.csv", row.names = FALSE)
write.nb.gal(boston.soi, "tests/data/boston.gal", ind = d$tract)
lw <- nb2listw(boston.soi, style = "W")
f <- log_cmedv ~ crim + zn + indus + chas + nox2 + rm2 + age + log_dis + log_rad + tax + ptratio + b + log_lstat
one <- function(m, p) {
  s <- summary(m)
  list(terms = rownames(s$Coef), coef = unname(s$Coef[, 1]), se = unname(s$Coef[, 2]), loglik = as.numeric(logLik(m)),
       aic = AIC(m), sigma2 = m$s2, estimate = unname(m[[p]]), estimate_se = unname(m[[paste0(p, ".se")]]))
}
out <- list(source_script = "tests/reference/spreg/boston.R", spatialreg = as.character(packageVersion("spatialreg")),
            sar = one(lagsarlm(f, d, lw), "rho"), sem = one(errorsarlm(f, d, lw), "lambda"),
            sdm = one(lagsarlm(f, d, lw, Durbin = TRUE), "rho"), sdem = one(errorsarlm(f, d, lw, Durbin = TRUE), "lambda"))
write_json(out, "tests/reference/fixtures/spreg_boston_ml.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

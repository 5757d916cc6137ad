# Reference numbers for how categorical terms are coded, from R's lm and model.matrix (which fixest
# follows, its i() included): a categorical main effect by contrasts (first level the reference)
# when the model has an intercept or fixed effects or an earlier categorical main effect coded in
# full, else one indicator per level; in an interaction by contrasts only when the term without it
# is in the model (y ~ x1:region: a slope per region). Data: tests/data/core_panel.csv (region: 8
# text levels). iid standard errors. Each model: cbec's formula, R's, and R's names mapped to cbec's.
# Run from the repository root: Rscript tests/reference/ols/categorical_coding.R
suppressPackageStartupMessages(library(jsonlite))
d <- read.csv("tests/data/core_panel.csv")
D <- model.matrix(~ 0 + region, d)[, -c(1, 3)]  # the region dummies but A's and C's
cbec_name <- function(r) {
  r <- gsub("^relevel\\(factor\\(region\\), ref = \"C\"\\)", "region", r)
  r <- gsub("^Dregion", "region", r)
  r <- gsub("factor\\(year\\)", "year::", r)
  r <- gsub("region([A-H])", "region::\\1", r)
  r
}
fit <- function(id, cbec_formula, r_formula) {
  m <- lm(as.formula(r_formula), d)
  b <- coef(m); se <- sqrt(diag(vcov(m)))
  list(id = id, formula = cbec_formula, r_formula = r_formula, nobs = nobs(m), df_resid = m$df.residual,
       terms = cbec_name(names(b)), coef = unname(b), se = unname(se))
}
models <- list(
  fit("no_intercept_text", "y ~ 0 + x1 + region", "y ~ 0 + x1 + region"),
  fit("slope_per_level", "y ~ x1:region", "y ~ x1:region"),
  fit("slope_per_level_beside", "y ~ x2 + x1:region", "y ~ x2 + x1:region"),
  fit("interaction_with_main", "y ~ x1 * region", "y ~ x1 * region"),
  fit("no_intercept_two", "y ~ 0 + region + i(year)", "y ~ 0 + region + factor(year)"),
  fit("i_with_intercept", "y ~ x1 + i(region) + i(year)", "y ~ x1 + factor(region) + factor(year)"),
  fit("i_without_intercept", "y ~ x1 + i(region) + i(year) - 1", "y ~ x1 + factor(region) + factor(year) - 1"),
  # a reference level named in quotes, and two references (fixest's ref = c(...))
  fit("ref_quoted", "y ~ x1 + i(region, ref = \"C\")", "y ~ x1 + relevel(factor(region), ref = \"C\")"),
  fit("ref_several", "y ~ x1 + i(region, ref = c('A', C))", "y ~ x1 + D"))
for (k in seq_along(models)) models[[k]]$terms <- gsub("factor\\(region\\)", "region::", models[[k]]$terms)
out <- list(source_script = "tests/reference/ols/categorical_coding.R", r_version = R.version.string, models = models)
write_json(out, "tests/reference/fixtures/ols_categorical_coding.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote ols_categorical_coding.json\n")

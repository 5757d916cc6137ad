# Reference numbers for cbec psm's balance table where a covariate is constant among the treated:
# MatchIt 4.5.5's summary(standardize = TRUE) then divides by the pooled within-group SD (its
# bal1var falls back to pooled_sd when the treated's SD is below sqrt(machine epsilon)): x2; d is a
# 0/1 covariate (standardized by sqrt(p (1 - p)) of the treated). The data
# are deterministic (written here). MatchIt is not a Debian package: built from its public source
# into a private library (R_LIBS). Writes tests/data/psm_treated_constant.csv and
# tests/reference/fixtures/cli_psm_balance.json.
# Run from the repository root: R_LIBS=<library with MatchIt> Rscript tests/reference/cli/psm_balance.R
suppressPackageStartupMessages({library(MatchIt); library(jsonlite)})
n <- 80; i <- 1:n
treat <- as.integer(i %% 4 == 0 | i %% 7 == 0)
x1 <- round(sin(i * 1.3) * 2 + treat * 0.8, 6)
x2 <- ifelse(treat == 1, 3, round(3 + cos(i * 0.7) * 1.5, 6))
d <- as.integer(i %% 3 == 0 | i %% 5 == 0)
y <- round(1 + x1 + 0.5 * treat + cos(i), 6)
df <- data.frame(id = i, treat, x1, x2, d, y)
write.csv(df, "tests/data/psm_treated_constant.csv", row.names = FALSE, quote = FALSE)
g <- glm(treat ~ x1 + x2 + d, binomial, df, control = glm.control(epsilon = 1e-16, maxit = 200))
m <- matchit(treat ~ x1 + x2 + d, df, distance = fitted(g), caliper = 0.2)
s <- summary(m, standardize = TRUE)
args <- c("psm", "tests/data/psm_treated_constant.csv", "--treat", "treat", "--covariates", "x1", "x2", "d", "--caliper", "0.2", "--json")
cases <- list()
for (k in 1:3) {
  v <- c("x1", "x2", "d")[k]
  cases[[length(cases) + 1]] <- list(name = paste("SMD before,", v), args = args, path = sprintf("balance/%d/smd_before", k - 1), value = unname(s$sum.all[v, "Std. Mean Diff."]), tol = 1e-6)
  cases[[length(cases) + 1]] <- list(name = paste("SMD after,", v), args = args, path = sprintf("balance/%d/smd_after", k - 1), value = unname(s$sum.matched[v, "Std. Mean Diff."]), tol = 1e-6)
}
write_json(list(source = "tests/reference/cli/psm_balance.R", MatchIt = as.character(packageVersion("MatchIt")), cases = cases),
           "tests/reference/fixtures/cli_psm_balance.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(s$sum.all[, 1:3], digits = 10); print(s$sum.matched[, 1:3], digits = 10)

# Reference numbers for `cbec gmm --if`: the subset is taken before the panel is laid out, so the
# lags and GMM-style instruments come from the kept rows only, as plm's pgmm on subset(data, ...)
# (pgmm's own `subset =` argument is ignored by plm 2.6: it fits the whole data, which the script
# checks). Arellano and Bond's employment data (tests/data/empluk.csv, plm's EmplUK), difference GMM,
# two steps, two-way effects, from 1980 on. Writes tests/reference/fixtures/cli_gmm_subset.json.
# Run from the repository root: Rscript tests/reference/cli/gmm_subset.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
d <- read.csv("tests/data/empluk.csv")
f <- log(emp) ~ lag(log(emp), 1) + log(wage) | lag(log(emp), 2:99)
fit <- function(data, ...) pgmm(f, data = data, index = c("firm", "year"), effect = "twoways", model = "twosteps", transformation = "d", ...)
kept <- fit(subset(d, year >= 1980))
stopifnot(all.equal(coef(fit(d, subset = year >= 1980)), coef(fit(d))))   # pgmm's subset argument does nothing
se <- sqrt(diag(vcovHC(kept)))
args <- c("gmm", "tests/data/empluk.csv", "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:99)", "--panel", "firm,year",
          "--if", "year >= 1980", "--steps", "2", "--effect", "twoways", "--json")
cases <- list()
add <- function(name, path, value) cases[[length(cases) + 1]] <<- list(name = name, args = args, path = path, value = value, tol = 1e-6)
add("gmm --if: lag coefficient as pgmm on the subset", "coef/l(log(emp), 1)", unname(coef(kept)[1]))
add("gmm --if: wage coefficient as pgmm on the subset", "coef/log(wage)", unname(coef(kept)[2]))
add("gmm --if: Windmeijer SE of the lag as pgmm on the subset", "se/l(log(emp), 1)", unname(se[1]))
add("gmm --if: instruments built from the kept rows", "gmm/n_instruments", ncol(kept$W[[1]]))
write_json(list(source = "tests/reference/cli/gmm_subset.R", plm = as.character(packageVersion("plm")), cases = cases),
           "tests/reference/fixtures/cli_gmm_subset.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(coef(kept), digits = 12); print(se, digits = 12)

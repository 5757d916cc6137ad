# Reference numbers for cbec's Sun-Abraham option control = "fixest" (issue 13, item 7): what
# fixest::sunab does when no unit is never treated. fixest (0.12.x) could not be built here (its
# R dependencies dreamerr, stringmagic and numDeriv are not installed), so its estimates are
# derived by an explicit lm() with the dummies sunab() builds, following fixest's source
# (R/did.R: sunab, aggregate.fixest; src/misc_funs.cpp: cpp_find_never_always_treated;
# R/VCOV.R: the small-sample correction):
#   - relative period = year - cohort; cohorts whose rows have only negative relative periods
#     (never treated, or treated after the sample) are the reference: no dummies;
#   - every other cohort gets one dummy per relative period except ref.p = -1, in fixest's column
#     order (relative period, then cohort); so with no never-treated units the last cohort is
#     interacted too and fixest drops the dummies that are collinear with the unit and year fixed
#     effects, in column order (lm's pivoting drops the same ones);
#   - per relative period: the kept coefficients averaged with shares = their cells' observation
#     counts; ATT: all kept coefficients with relative period >= 0, same shares;
#   - clustered by unit with fixest's default ssc: G/(G-1) (n-1)/(n-K), K = kept coefficients +
#     year levels (the unit fixed effect is nested in the cluster).
# The same code is first checked against real fixest 0.12.1 output on base_stagg with its
# never-treated units (tests/reference/fixtures/did_fixest_event.json, made by fixest_event.R);
# the script stops if it does not reproduce it to 1e-8.
# Run from the repository root: Rscript tests/reference/did/sunab_no_never.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})

sunab_lm <- function(d) {
  periods <- sort(unique(d$year))
  d$cohort <- ifelse(d$year_treated %in% periods, d$year_treated, NA)
  d$rel <- ifelse(is.na(d$cohort), -1, d$year - d$cohort)
  interacted <- tapply(d$rel, d$year_treated, function(r) any(r < 0) && any(r >= 0))
  cells <- unique(d[!is.na(d$cohort) & interacted[as.character(d$year_treated)] & d$rel != -1, c("rel", "cohort")])
  cells <- cells[order(cells$rel, cells$cohort), ]
  names <- sprintf("year::%d:cohort::%d", cells$rel, cells$cohort)
  X <- sapply(seq_len(nrow(cells)), function(k) as.numeric(!is.na(d$cohort) & d$rel == cells$rel[k] & d$cohort == cells$cohort[k]))
  colnames(X) <- names
  D <- data.frame(y = d$y, x1 = d$x1, id = factor(d$id), year = factor(d$year), X, check.names = FALSE)
  fml <- function(keep) reformulate(c("x1", "id", "year", sprintf("`%s`", keep)), "y")
  fit <- lm(fml(names), D)
  kept <- names[!is.na(coef(fit)[sprintf("`%s`", names)])]
  fit <- lm(fml(kept), D)
  cf <- coef(fit)
  n <- nrow(D); G <- nlevels(D$id); K <- 1 + length(kept) + nlevels(D$year)
  V <- vcovCL(fit, cluster = ~id, type = "HC0", cadjust = TRUE) * (n - 1) / (n - K)
  tick <- function(v) sprintf("`%s`", v)
  agg <- function(v) {
    s <- colSums(X[, v, drop = FALSE]); s <- s / sum(s)
    c(estimate = sum(s * cf[tick(v)]), se = sqrt(drop(t(s) %*% V[tick(v), tick(v)] %*% s)))
  }
  rel_kept <- cells$rel[match(kept, names)]
  per <- lapply(split(kept, rel_kept), agg)
  list(coef = lapply(per, `[[`, "estimate"), se = lapply(per, `[[`, "se"),
       att = unname(agg(kept[rel_kept >= 0])["estimate"]), att_se = unname(agg(kept[rel_kept >= 0])["se"]),
       x1 = unname(cf["x1"]), nobs = n, cells = lapply(split(kept, rel_kept), length),
       dropped_collinear = setdiff(names, kept), cell_coef = as.list(setNames(cf[tick(kept)], kept)))
}

d <- read.csv("tests/data/base_stagg.csv")
# 1. The reproduction against real fixest output (never-treated units present).
fx <- fromJSON("tests/reference/fixtures/did_fixest_event.json")$sunab
full <- sunab_lm(d)
for (r in names(full$coef)) {
  stopifnot(abs(full$coef[[r]] - fx$coef[[paste0("year::", r)]]) < 1e-8 * max(1, abs(full$coef[[r]])))
  stopifnot(abs(full$se[[r]] - fx$se[[paste0("year::", r)]]) < 1e-8 * max(1, full$se[[r]]))
}
stopifnot(abs(full$att - fx$att) < 1e-8, abs(full$att_se - fx$att_se) < 1e-8, abs(full$x1 - fx$x1) < 1e-8)
# 2. No never-treated units: base_stagg without its 50 never-treated units (cohorts 2-10).
treated <- sunab_lm(d[d$year_treated != 10000, ])
out <- list(source_script = "tests/reference/did/sunab_no_never.R",
            method = "explicit lm() reproducing fixest::sunab (fixest not buildable here); checked against fixest 0.12.1 on base_stagg",
            check_with_never_treated = list(max_abs_diff_coef = max(abs(unlist(full$coef) - unlist(fx$coef[paste0("year::", names(full$coef))])))),
            no_never_treated = treated)
write_json(out, "tests/reference/fixtures/did_sunab_no_never.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("collinear dummies dropped:", treated$dropped_collinear, "\n")
print(cbind(estimate = unlist(treated$coef), se = unlist(treated$se)))

# Reference numbers for the Hausman tests (cbec hausman / hausman_robust) from plm 2.6 and MASS:
#  - classic: specifications where V_FE - V_RE is not positive definite (found by computing its
#    eigenvalues for a few EmplUK and Grunfeld models), with plm::phtest's |d'V^-1 d|, Stata's
#    generalized-inverse statistic d'V^+ d (MASS::ginv) with df = rank(V), and cbec's statistic
#    d'V_+^+ d with df = rank(V_+), V_+ the positive semi-definite part of V (eigenvalues below zero
#    set to zero), computed by hand with eigen() and MASS::ginv; plus a positive definite case.
#  - regression-based (Wooldridge 2010, 10.7.3): plm::phtest(method = "aux") with the iid variance
#    and with vcovHC(method = "arellano", type = "sss", cluster = "group") (= CR1 by firm).
# Run from the repository root: Rscript tests/reference/panel/hausman.R
suppressPackageStartupMessages({library(plm); library(MASS); library(jsonlite)})
gr <- read.csv("tests/data/grunfeld.csv"); em <- read.csv("tests/data/empluk.csv")
# phtest(method = "aux") builds its formula from column names, so logs are columns there
em$lemp <- log(em$emp); em$lwage <- log(em$wage); em$lcap <- log(em$capital); em$lout <- log(em$output)
tol_rank <- function(ev) sqrt(.Machine$double.eps) * max(abs(ev))   # MASS::ginv's tolerance
classic <- function(id, data, dataset, form, cbec_formula) {
  fe <- plm(form, data, index = c("firm", "year"), model = "within")
  re <- plm(form, data, index = c("firm", "year"), model = "random", random.method = "swar")
  cf <- intersect(names(coef(fe)), names(coef(re)))
  d <- coef(fe)[cf] - coef(re)[cf]; V <- vcov(fe)[cf, cf] - vcov(re)[cf, cf]
  e <- eigen(V, symmetric = TRUE); tol <- tol_rank(e$values)
  Vplus <- e$vectors %*% diag(pmax(e$values, 0), length(cf)) %*% t(e$vectors)
  rank_plus <- sum(e$values > tol); rank_v <- sum(abs(e$values) > tol)
  stat_plus <- if (rank_plus > 0) drop(t(d) %*% ginv(Vplus) %*% d) else 0
  # the same by hand from the eigen-decomposition (a check of the ginv call)
  pos <- e$values > tol
  stat_plus_eig <- sum((t(e$vectors[, pos, drop = FALSE]) %*% d)^2 / e$values[pos])
  if (abs(stat_plus - stat_plus_eig) > 1e-8 * max(1, abs(stat_plus))) cat(id, "ginv", stat_plus, "eig", stat_plus_eig, "\n")
  ph <- phtest(fe, re)
  list(id = id, dataset = dataset, formula = cbec_formula, eigenvalues = e$values,
       phtest_stat = unname(ph$statistic), phtest_df = unname(ph$parameter),
       inverse_stat = drop(t(d) %*% solve(V) %*% d),
       stata_ginv_stat = drop(t(d) %*% ginv(V) %*% d), stata_rank = rank_v,
       stat = stat_plus, df = rank_plus, negative_eigenvalues = sum(e$values < -tol),
       p = if (rank_plus > 0) pchisq(stat_plus, rank_plus, lower.tail = FALSE) else NA)
}
robust <- function(id, data, dataset, form, cbec_formula, vc) {
  pd <- pdata.frame(data, index = c("firm", "year"))
  h <- if (vc == "iid") phtest(form, data = pd, method = "aux")
       else phtest(form, data = pd, method = "aux", vcov = function(x) vcovHC(x, method = "arellano", type = "sss", cluster = "group"))
  list(id = id, dataset = dataset, formula = cbec_formula, vcov = vc, stat = unname(h$statistic), df = unname(h$parameter), p = h$p.value)
}
out <- list(source_script = "tests/reference/panel/hausman.R", plm = as.character(packageVersion("plm")),
  classic = list(
    classic("empluk_output", em, "empluk.csv", log(emp) ~ log(wage) + log(capital) + log(output), "log(emp) ~ log(wage) + log(capital) + log(output)"),
    classic("empluk_levels", em, "empluk.csv", emp ~ wage + capital + output, "emp ~ wage + capital + output"),
    classic("grunfeld_square", gr, "grunfeld.csv", inv ~ value + capital + I(value^2), "inv ~ value + capital + I(value^2)"),
    classic("empluk_no_positive", em, "empluk.csv", log(emp) ~ log(output), "log(emp) ~ log(output)"),
    classic("grunfeld_pd", gr, "grunfeld.csv", inv ~ value + capital, "inv ~ value + capital")),
  robust = list(
    robust("grunfeld_iid", gr, "grunfeld.csv", inv ~ value + capital, "inv ~ value + capital", "iid"),
    robust("grunfeld_cluster", gr, "grunfeld.csv", inv ~ value + capital, "inv ~ value + capital", "cluster"),
    robust("empluk_cluster", em, "empluk.csv", lemp ~ lwage + lcap + lout, "log(emp) ~ log(wage) + log(capital) + log(output)", "cluster"),
    robust("empluk_iid", em, "empluk.csv", lemp ~ lwage + lcap, "log(emp) ~ log(wage) + log(capital)", "iid")))
write_json(out, "tests/reference/fixtures/panel_hausman.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote panel_hausman.json\n")

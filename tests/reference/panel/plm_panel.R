# Reference numbers for cbec's classic panel estimators (xtreg) from plm (Debian r-cran-plm):
# pooling, within (individual, time, two-way), between, first differences, random effects
# (Swamy-Arora), the Hausman test (phtest), plm's R-squared and Stata-style within/between/overall
# R-squared computed from the definitions, and vcovHC(arellano) / vcovSCC robust standard errors
# (vcovSCC times fixest's Driscoll-Kraay factor T/(T-1) (n-1)/(n-K'), K' the slopes and the unit
# effects, the time effects being nested in the periods; t df T - 1).
# Data: Grunfeld (balanced) and EmplUK (unbalanced), both from plm.
# Run from the repository root: Rscript tests/reference/panel/plm_panel.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
data("EmplUK", package = "plm")
write.csv(EmplUK[, c("firm", "year", "sector", "emp", "wage", "capital", "output")], "tests/data/empluk.csv", row.names = FALSE)
gr <- read.csv("tests/data/grunfeld.csv"); em <- read.csv("tests/data/empluk.csv")
xt_r2 <- function(m, d, y, xs, unit) {
  b <- coef(m)[xs]; X <- as.matrix(d[, xs, drop = FALSE]); xb <- drop(X %*% b); yy <- d[[y]]
  ym <- ave(yy, d[[unit]]); xm <- ave(xb, d[[unit]])
  c(within = cor(yy - ym, xb - xm)^2, between = cor(tapply(yy, d[[unit]], mean), tapply(xb, d[[unit]], mean))^2, overall = cor(yy, xb)^2)
}
run <- function(id, data, form, y, xs, model, effect = "individual", vcov = "iid", index = c("firm", "year")) {
  pm <- plm(form, data = data, index = index, model = model, effect = effect, random.method = "swar")
  V <- switch(vcov, iid = vcov(pm), arellano = vcovHC(pm, method = "arellano", type = "HC1"), scc = vcovSCC(pm, type = "HC0"))
  if (vcov == "scc") {
    T <- length(unique(data[[index[2]]])); n <- nobs(pm)
    K <- length(coef(pm)) + if (model == "within" && effect != "time") length(unique(data[[index[1]]])) else 0
    V <- V * T / (T - 1) * (n - 1) / (n - K)
  }
  b <- coef(pm); se <- sqrt(diag(V)); tt <- b / se; df <- df.residual(pm)
  nl <- function(v) as.list(setNames(unname(v), names(b)))
  out <- list(id = id, model = switch(paste(model, effect), "pooling individual" = "pooled", "within individual" = "fe",
         "within time" = "fe_time", "within twoways" = "twoways", "between individual" = "be", "fd individual" = "fd", "random individual" = "re"),
       formula = paste(y, "~", paste(xs, collapse = " + ")), vcov = vcov, nobs = nobs(pm),
       coef = nl(b), se = nl(se), stat = nl(tt), df_resid = df,
       r2 = unname(r.squared(pm)), ref = sprintf("plm(model = '%s', effect = '%s'), vcov %s", model, effect, vcov))
  # p-values as plm's summary prints them: t(df) for the least-squares models, the normal for
  # random effects (GLS); and its joint test of the slopes (F, or Wald chi2 for random effects)
  if (vcov == "iid") {
    sm <- summary(pm)
    out$p_value <- nl(sm$coefficients[, 4])
    out$wald_slopes <- list(stat = unname(sm$fstatistic$statistic), df = unname(sm$fstatistic$parameter),
                            p = unname(sm$fstatistic$p.value), test = names(sm$fstatistic$statistic))
  }
  if (model == "random") {
    # plm's r.squared default (type = "cor"): squared correlation of the quasi-demeaned response and fit
    out$adj_r2 <- unname(r.squared(pm, dfcor = TRUE))
    ec <- ercomp(pm); out$sigma2_e <- unname(ec$sigma2["idios"]); out$sigma2_u <- unname(ec$sigma2["id"])
    out$theta <- range(ec$theta)
    out$xt_r2 <- as.list(xt_r2(pm, data[complete.cases(data[, c(y, xs)]), ], y, xs, index[1]))
  }
  if (model == "within" && effect == "individual") out$xt_r2 <- as.list(xt_r2(pm, data, y, xs, index[1]))
  out
}
gr_models <- list(
  run("pooled", gr, inv ~ value + capital, "inv", c("value", "capital"), "pooling"),
  run("fe", gr, inv ~ value + capital, "inv", c("value", "capital"), "within"),
  run("fe_arellano", gr, inv ~ value + capital, "inv", c("value", "capital"), "within", vcov = "arellano"),
  run("fe_time", gr, inv ~ value + capital, "inv", c("value", "capital"), "within", "time"),
  run("twoways", gr, inv ~ value + capital, "inv", c("value", "capital"), "within", "twoways"),
  run("twoways_scc", gr, inv ~ value + capital, "inv", c("value", "capital"), "within", "twoways", vcov = "scc"),
  run("be", gr, inv ~ value + capital, "inv", c("value", "capital"), "between"),
  run("fd", gr, inv ~ value + capital, "inv", c("value", "capital"), "fd"),
  run("re", gr, inv ~ value + capital, "inv", c("value", "capital"), "random"))
em$lemp <- log(em$emp); em$lwage <- log(em$wage); em$lcap <- log(em$capital)
em_models <- list(
  run("pooled", em, lemp ~ lwage + lcap, "lemp", c("lwage", "lcap"), "pooling"),
  run("fe", em, lemp ~ lwage + lcap, "lemp", c("lwage", "lcap"), "within"),
  run("twoways", em, lemp ~ lwage + lcap, "lemp", c("lwage", "lcap"), "within", "twoways"),
  run("be", em, lemp ~ lwage + lcap, "lemp", c("lwage", "lcap"), "between"),
  run("fd", em, lemp ~ lwage + lcap, "lemp", c("lwage", "lcap"), "fd"),
  run("re", em, lemp ~ lwage + lcap, "lemp", c("lwage", "lcap"), "random"))
ph <- function(data, form) { fe <- plm(form, data, index = c("firm", "year"), model = "within"); re <- plm(form, data, index = c("firm", "year"), model = "random"); h <- phtest(fe, re); list(stat = unname(h$statistic), df = unname(h$parameter), p = h$p.value) }
em_f <- lemp ~ lwage + lcap
out <- list(source_script = "tests/reference/panel/plm_panel.R", plm = as.character(packageVersion("plm")),
  grunfeld = list(models = gr_models, hausman = ph(gr, inv ~ value + capital)),
  empluk = list(models = em_models, hausman = ph(em, em_f)))
write_json(out, "tests/reference/fixtures/panel_plm.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote panel_plm.json\n")

# Reference numbers for CR2 (Bell-McCaffrey) cluster-robust variances when fixed effects are
# absorbed and NOT nested in the cluster (cbec issue 13, items 1-2), and for CR2 after random effects.
#
# Convention matched by cbec: the CR2 adjustment A_g = (I - H_gg)^(-1/2) uses the leverage of the
# FULL design, fixed-effect dummies included, i.e. clubSandwich::vcovCR(type = "CR2") on lm with
# factor dummies, which equals estimatr::lm_robust(fixed_effects =, se_type = "CR2") and
# clubSandwich on plm within models (Pustejovsky and Tipton 2018, Theorem 2 as revised in the
# authors' 2022 corrigendum: with OLS, fixed effects nested in the clusters do not change the estimator). Satterthwaite df: clubSandwich::coef_test(test =
# "Satterthwaite"). Random effects: clubSandwich::vcovCR on plm(model = "random"), whose target is
# the fitted random-effects working covariance Phi = sigma_e^2 I + sigma_u^2 J per unit
# (Pustejovsky and Tipton 2018, section 2).
# Run from the repository root: Rscript tests/reference/ols/cr2_absorbed_fe.R
suppressPackageStartupMessages({library(clubSandwich); library(estimatr); library(plm); library(jsonlite)})

relmax <- function(a, b) max(abs(a - b) / abs(b))
nl <- function(v, terms) as.list(setNames(unname(v), terms))

# lm with factor dummies + clubSandwich, cross-checked with estimatr (absorbed FE).
lm_model <- function(id, data, y, x, fe, cluster, formula, cbec_terms = x, command = "reg", extra = list()) {
  dd <- data[complete.cases(data[, c(y, x, fe, cluster)]), ]
  fm <- as.formula(paste(y, "~", paste(c(x, paste0("factor(", fe, ")")), collapse = " + ")))
  m <- lm(fm, dd)
  V <- vcovCR(m, cluster = dd[[cluster]], type = "CR2")
  ct <- coef_test(m, vcov = V, test = "Satterthwaite")
  rownames(ct) <- ct$Coef
  b <- coef(m)[x]; se <- sqrt(diag(as.matrix(V)))[x]; df <- ct[x, "df_Satt"]
  dd$cluster_ <- dd[[cluster]]
  er <- eval(bquote(lm_robust(.(as.formula(paste(y, "~", paste(x, collapse = " + ")))), data = dd,
                  fixed_effects = .(as.formula(paste("~", paste(fe, collapse = " + ")))),
                  clusters = cluster_, se_type = "CR2")))
  stopifnot(relmax(er$std.error[x], se) < 1e-8, relmax(coef(er)[x], b) < 1e-10)
  c(list(id = id, dataset = deparse(substitute(data)), command = command, formula = formula, cluster = cluster,
       nobs = nrow(dd), n_clusters = length(unique(dd[[cluster]])),
       coef = nl(b, cbec_terms), se = nl(se, cbec_terms), df = nl(df, cbec_terms),
       estimatr = list(se = nl(er$std.error[x], cbec_terms), df = nl(er$df[x], cbec_terms),
                       max_rel_diff_se = relmax(er$std.error[x], se)),
       ref = "clubSandwich::vcovCR(lm with factor dummies, type = 'CR2') + coef_test(Satterthwaite); estimatr::lm_robust(fixed_effects, se_type = 'CR2')"),
    extra)
}

grunfeld <- read.csv("tests/data/grunfeld.csv")
empluk <- read.csv("tests/data/empluk.csv")
base_stagg <- read.csv("tests/data/base_stagg.csv")
base_stagg$did <- as.numeric(base_stagg$year_treated <= 10 & base_stagg$year >= base_stagg$year_treated)
core_panel <- read.csv("tests/data/core_panel.csv")

x <- c("value", "capital")
models <- list(
  lm_model("grunfeld_fe2_cr2_firm", grunfeld, "inv", x, c("firm", "year"), "firm", "inv ~ value + capital | firm + year",
           extra = list(old_cbec_se = list(value = 0.01617))),
  lm_model("grunfeld_fe2_cr2_year", grunfeld, "inv", x, c("firm", "year"), "year", "inv ~ value + capital | firm + year"),
  lm_model("grunfeld_fe1year_cr2_firm", grunfeld, "inv", x, c("year"), "firm", "inv ~ value + capital | year"),
  lm_model("empluk_fe2_cr2_firm", empluk, "emp", c("wage", "capital"), c("firm", "year"), "firm", "emp ~ wage + capital | firm + year"),
  lm_model("stagg_twfe_cr2_id", base_stagg, "y", "did", c("id", "year"), "id", "y ~ did | id + year", command = "did"),
  lm_model("stagg_twfe_x1_cr2_id", base_stagg, "y", c("did", "x1"), c("id", "year"), "id", "y ~ did + x1 | id + year", command = "did"),
  lm_model("core_fe2_cr2_region", core_panel, "y", c("x1", "x2"), c("id", "year"), "region", "y ~ x1 + x2 | id + year"))

# Year dummies as regressors and firm absorbed: the same vcov for value and capital.
dd <- grunfeld
m <- lm(inv ~ value + capital + factor(year) + factor(firm), dd)
V <- vcovCR(m, cluster = dd$firm, type = "CR2")
er <- lm_robust(inv ~ value + capital + factor(year), data = dd, fixed_effects = ~firm, clusters = firm, se_type = "CR2")
stopifnot(relmax(er$std.error[x], sqrt(diag(as.matrix(V)))[x]) < 1e-8)

# plm: two-way within clustered by firm (clubSandwich on plm) equals lm with dummies.
pm <- plm(inv ~ value + capital, data = grunfeld, index = c("firm", "year"), model = "within", effect = "twoways")
Vp <- vcovCR(pm, cluster = "individual", type = "CR2")
stopifnot(relmax(sqrt(diag(as.matrix(Vp))), unlist(models[[1]]$se)) < 1e-8)
models[[1]]$plm_twoways_se <- nl(sqrt(diag(as.matrix(Vp))), x)
models[[1]]$plm_twoways_df <- nl(coef_test(pm, vcov = Vp, test = "Satterthwaite")$df_Satt, x)

# Random effects (Swamy-Arora), CR2 with the RE working covariance as target (clubSandwich default for plm).
re_model <- function(id, data, form, terms, cbec_formula, index = c("firm", "year"), cluster = "firm") {
  dataset <- deparse(substitute(data))
  data <- data[complete.cases(data[, c(all.vars(form), index, cluster)]), ]
  data <- data[order(data[[index[1]]], data[[index[2]]]), ]
  environment(form) <- environment()  # clubSandwich re-evaluates the call (data, index) in the formula environment
  pm <- eval(bquote(plm(form, data = data, index = .(index), model = "random", random.method = "swar")))
  V <- if (cluster == index[1]) vcovCR(pm, type = "CR2") else vcovCR(pm, cluster = data[[cluster]], type = "CR2")
  ct <- coef_test(pm, vcov = V, test = "Satterthwaite")
  list(id = id, dataset = dataset, command = "xtreg", model = "re", formula = cbec_formula, cluster = cluster,
       panel = index, nobs = nobs(pm), n_clusters = length(unique(data[[cluster]])),
       coef = nl(coef(pm), terms), se = nl(sqrt(diag(as.matrix(V))), terms), df = nl(ct$df_Satt, terms),
       ref = "clubSandwich::vcovCR(plm(model = 'random'), type = 'CR2') + coef_test(Satterthwaite)")
}
models <- c(models, list(
  re_model("grunfeld_re_cr2_firm", grunfeld, inv ~ value + capital, c("(Intercept)", "value", "capital"), "inv ~ value + capital"),
  re_model("empluk_re_cr2_firm", empluk, emp ~ wage + capital, c("(Intercept)", "wage", "capital"), "emp ~ wage + capital"),
  # Several units per cluster: the working covariance is block diagonal by unit within each region.
  re_model("core_re_cr2_region", core_panel, y ~ x1 + x2, c("(Intercept)", "x1", "x2"), "y ~ x1 + x2", index = c("id", "year"), cluster = "region")))

out <- list(source_script = "tests/reference/ols/cr2_absorbed_fe.R", r_version = R.version.string,
            packages = list(clubSandwich = as.character(packageVersion("clubSandwich")),
                            estimatr = as.character(packageVersion("estimatr")), plm = as.character(packageVersion("plm"))),
            models = models)
write_json(out, "tests/reference/fixtures/ols_cr2_absorbed_fe.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null")
cat("wrote tests/reference/fixtures/ols_cr2_absorbed_fe.json\n")

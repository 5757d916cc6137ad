# Reference numbers for the regression core (cbec reg / feols) from R's lm, sandwich, clubSandwich
# and plm (Debian packages), on plm's Grunfeld data and a deterministic synthetic panel.
# Fixed-effect models are fitted by lm with factor dummies; cbec's small-sample conventions
# (README "Inference") are applied explicitly here so every factor is visible:
#   iid  s^2 (X'X)^-1, s^2 = e'We/(n-K)          (= lm)
#   HC1  n/(n-K) HC0                               (= sandwich HC1 = Stata robust)
#   CR1  G/(G-1) (n-1)/(n-K') meat                 (= sandwich::vcovCL HC1 without fixed effects;
#        K' = k + fixed effects not nested in the cluster, + 1 when all are nested: fixest "nested")
#   two-way CR1: Cameron-Gelbach-Miller with G_min/(G_min-1) on every term (fixest cluster.df = "min")
#   CR2  clubSandwich::vcovCR(type = "CR2") with Satterthwaite df (coef_test)
#   DK   plm::vcovSCC (Bartlett, maxlag floor(T^(1/4)) unless given) times fixest's factor with the periods as
#        clusters, T/(T-1) (n-1)/(n-K'), K' = k + fixed effects not nested in the period; t df T - 1
#        (fixest vcov = "DK"; cross-checked against fixest when it is installed)
# Run from the repository root: Rscript tests/reference/core/lm_sandwich.R
suppressPackageStartupMessages({library(sandwich); library(clubSandwich); library(plm); library(jsonlite)})
dir <- "tests/reference/fixtures"

# --- deterministic synthetic panel: 40 units x 8 years, unbalanced, weights, missing values ---
set.seed(42)
d <- expand.grid(year = 2011:2018, id = 1:40)
d <- d[-sample(nrow(d), 16), ]                 # gaps
a <- rnorm(40); g <- rnorm(8)
d$region <- LETTERS[(d$id - 1) %/% 5 + 1]        # 8 regions, units nested in regions
d$x1 <- rnorm(nrow(d)) + 0.5 * a[d$id]
d$x2 <- rnorm(nrow(d)) + 0.3 * g[d$year - 2010]
d$w <- round(runif(nrow(d), 0.5, 2), 3)
d$y <- 1 + 0.8 * d$x1 - 0.4 * d$x2 + a[d$id] + g[d$year - 2010] + rnorm(nrow(d))
d$z1 <- rnorm(nrow(d)); d$z2 <- rnorm(nrow(d)); v <- rnorm(nrow(d))
d$xe <- 0.6 * d$z1 - 0.5 * d$z2 + 0.4 * a[d$id] + v     # endogenous: shares v with y
d$y <- d$y + 0.7 * d$xe + 0.6 * v
d$x2[c(5, 77)] <- NA                            # two missing values
write.csv(d[, c("id", "year", "region", "x1", "x2", "w", "z1", "z2", "xe", "y")], "tests/data/core_panel.csv", row.names = FALSE, na = "")

nested_in <- function(fe, cl) all(tapply(cl, fe, function(v) length(unique(v))) == 1)

ref_model <- function(id, data, y, x, fe, vcov, weights = NULL, formula) {
  cc <- complete.cases(data[, c(y, x, fe, unlist(vcov$cluster), weights)])
  dd <- data[cc, ]
  rhs <- c(x, if (length(fe)) paste0("factor(", fe, ")"))
  fm <- as.formula(paste(y, "~", paste(rhs, collapse = " + ")))
  wvec <- if (is.null(weights)) NULL else dd[[weights]]
  m <- if (is.null(wvec)) lm(fm, dd) else lm(fm, dd, weights = wvec)
  terms <- if (length(fe)) x else c("(Intercept)", x)
  n <- nobs(m); p <- m$rank; k <- length(terms)
  X <- model.matrix(m); e <- residuals(m); ww <- if (is.null(wvec)) rep(1, n) else wvec
  M <- solve(crossprod(X * sqrt(ww)))
  type <- vcov$type
  df <- n - p
  if (type == "iid") {
    V <- vcov(m)
  } else if (type %in% c("HC0", "HC1", "HC2", "HC3")) {
    V <- vcovHC(m, type = type)
  } else if (type == "CR1") {
    cls <- unlist(vcov$cluster)
    K <- p
    if (length(fe)) {
      nest <- sapply(fe, function(f) any(sapply(cls, function(cv) nested_in(dd[[f]], dd[[cv]]))))
      absorbed_nested <- sum(sapply(fe[nest], function(f) length(unique(dd[[f]]))))
      K <- if (all(nest)) k + 1 else p - absorbed_nested + (if (nest[1]) 1 else 0)
    }
    S <- X * (e * ww)
    Gs <- sapply(cls, function(cv) length(unique(dd[[cv]])))
    Gmin <- min(Gs)
    subsets <- unlist(lapply(seq_along(cls), function(r) combn(cls, r, simplify = FALSE)), recursive = FALSE)
    meat <- 0
    for (s in subsets) {
      key <- interaction(dd[, s, drop = FALSE], drop = TRUE)
      G <- if (identical(vcov$multiway_df, "each")) length(unique(key)) else Gmin
      sg <- rowsum(S, key)
      meat <- meat + (-1)^(length(s) + 1) * G / (G - 1) * crossprod(sg)
    }
    V <- M %*% meat %*% M * (n - 1) / (n - K)
    df <- Gmin - 1
    if (!length(fe) && length(cls) == 1) stopifnot(isTRUE(all.equal(unname(V), unname(vcovCL(m, cluster = dd[[cls]], type = "HC1")), tolerance = 1e-10)))
  } else if (type == "CR2") {
    V <- as.matrix(vcovCR(m, cluster = dd[[vcov$cluster]], type = "CR2"))
    ct <- coef_test(m, vcov = "CR2", cluster = dd[[vcov$cluster]], test = "Satterthwaite")
    sat_df <- setNames(ct$df_Satt, ct$Coef)
  }
  idx <- match(terms, names(coef(m)))
  b <- coef(m)[idx]; se <- sqrt(diag(V))[idx]; tt <- b / se
  dfs <- if (type == "CR2") sat_df[terms] else setNames(rep(df, k), terms)
  pv <- 2 * pt(abs(tt), dfs, lower.tail = FALSE)
  tss <- sum(ww * (dd[[y]] - weighted.mean(dd[[y]], ww))^2)
  rss <- sum(ww * e^2)
  fit <- list(r2 = 1 - rss / tss, adj_r2 = 1 - (rss / tss) * (n - 1) / (n - p), rss = rss)
  if (length(fe)) {
    # within R2: residual SS over the SS of y demeaned by the fixed effects
    yd <- residuals(lm(as.formula(paste(y, "~", paste(paste0("factor(", fe, ")"), collapse = "+"))), dd, weights = ww))
    fit$r2_within <- 1 - rss / sum(ww * yd^2)
  }
  names_list <- function(v) as.list(setNames(unname(v), terms))
  list(id = id, estimator = if (length(fe)) "feols" else "ols", formula = formula, weights = weights,
       vcov = vcov, nobs = n, df_resid = n - p, coef = names_list(b), se = names_list(se),
       stat = names_list(tt), p_value = names_list(pv), df = names_list(dfs), fit = fit,
       ref = "lm + sandwich/clubSandwich; conventions in the script header")
}

gr <- read.csv("tests/data/grunfeld.csv")
x <- c("value", "capital")
v <- function(type, cluster = list(), ...) c(list(type = type, cluster = cluster), list(...))
grunfeld <- list(
  ref_model("ols_iid", gr, "inv", x, c(), v("iid"), formula = "inv ~ value + capital"),
  ref_model("ols_hc0", gr, "inv", x, c(), v("HC0"), formula = "inv ~ value + capital"),
  ref_model("ols_hc1", gr, "inv", x, c(), v("HC1"), formula = "inv ~ value + capital"),
  ref_model("ols_hc2", gr, "inv", x, c(), v("HC2"), formula = "inv ~ value + capital"),
  ref_model("ols_hc3", gr, "inv", x, c(), v("HC3"), formula = "inv ~ value + capital"),
  ref_model("ols_cr1_firm", gr, "inv", x, c(), v("CR1", list("firm")), formula = "inv ~ value + capital"),
  ref_model("ols_cr1_firm_year", gr, "inv", x, c(), v("CR1", list("firm", "year")), formula = "inv ~ value + capital"),
  ref_model("ols_cr1_firm_year_each", gr, "inv", x, c(), v("CR1", list("firm", "year"), multiway_df = "each"), formula = "inv ~ value + capital"),
  ref_model("ols_cr2_firm", gr, "inv", x, c(), v("CR2", "firm"), formula = "inv ~ value + capital"),
  ref_model("fe1_iid", gr, "inv", x, c("firm"), v("iid"), formula = "inv ~ value + capital | firm"),
  ref_model("fe1_hc1", gr, "inv", x, c("firm"), v("HC1"), formula = "inv ~ value + capital | firm"),
  ref_model("fe1_cr1_firm", gr, "inv", x, c("firm"), v("CR1", list("firm")), formula = "inv ~ value + capital | firm"),
  ref_model("fe2_iid", gr, "inv", x, c("firm", "year"), v("iid"), formula = "inv ~ value + capital | firm + year"),
  ref_model("fe2_hc1", gr, "inv", x, c("firm", "year"), v("HC1"), formula = "inv ~ value + capital | firm + year"),
  ref_model("fe2_cr1_firm", gr, "inv", x, c("firm", "year"), v("CR1", list("firm")), formula = "inv ~ value + capital | firm + year"),
  ref_model("fe2_cr1_firm_year", gr, "inv", x, c("firm", "year"), v("CR1", list("firm", "year")), formula = "inv ~ value + capital | firm + year")
)
# The CR2 vcov clubSandwich reports for lm with firm dummies, compared with cbec's absorbed version.
grunfeld[[length(grunfeld) + 1]] <- ref_model("fe1_cr2_firm", gr, "inv", x, c("firm"), v("CR2", "firm"), formula = "inv ~ value + capital | firm")

cp <- read.csv("tests/data/core_panel.csv")
xs <- c("x1", "x2")
synth <- list(
  ref_model("ols_iid_w", cp, "y", xs, c(), v("iid"), weights = "w", formula = "y ~ x1 + x2"),
  ref_model("ols_hc1_w", cp, "y", xs, c(), v("HC1"), weights = "w", formula = "y ~ x1 + x2"),
  ref_model("ols_cr1_w", cp, "y", xs, c(), v("CR1", list("id")), weights = "w", formula = "y ~ x1 + x2"),
  ref_model("fe2_iid", cp, "y", xs, c("id", "year"), v("iid"), formula = "y ~ x1 + x2 | id + year"),
  ref_model("fe2_cr1_id", cp, "y", xs, c("id", "year"), v("CR1", list("id")), formula = "y ~ x1 + x2 | id + year"),
  ref_model("fe2_cr1_region", cp, "y", xs, c("id", "year"), v("CR1", list("region")), formula = "y ~ x1 + x2 | id + year"),
  ref_model("fe2_w_cr1_id", cp, "y", xs, c("id", "year"), v("CR1", list("id")), weights = "w", formula = "y ~ x1 + x2 | id + year"),
  ref_model("fe2_cr1_id_year", cp, "y", xs, c("id", "year"), v("CR1", list("id", "year")), formula = "y ~ x1 + x2 | id + year")
)

# --- Driscoll-Kraay (plm::vcovSCC) on Grunfeld: pooled and two-way within ---
dk_model <- function(id, model, effect, formula, maxlag = NULL) {
  pm <- plm(inv ~ value + capital, data = gr, index = c("firm", "year"), model = model, effect = effect)
  V <- if (is.null(maxlag)) vcovSCC(pm, type = "HC0") else vcovSCC(pm, type = "HC0", maxlag = maxlag)
  T <- length(unique(gr$year)); n <- nobs(pm)
  K <- length(coef(pm)) + if (model == "within") length(unique(gr$firm)) else 0  # year effects nested in the period
  V <- V * T / (T - 1) * (n - 1) / (n - K)
  b <- coef(pm); terms <- names(b); se <- sqrt(diag(V)); tt <- b / se; df <- T - 1
  if (requireNamespace("fixest", quietly = TRUE)) {
    fx <- fixest::feols(as.formula(if (model == "within") "inv ~ value + capital | firm + year" else "inv ~ value + capital"), gr,
                        panel.id = ~firm + year, vcov = if (is.null(maxlag)) "DK" else fixest::DK(maxlag))
    stopifnot(max(abs(fixest::se(fx)[names(b)] / se - 1)) < 1e-8, fixest::degrees_freedom(fx, "t") == df)
  }
  nl <- function(v) as.list(setNames(unname(v), ifelse(terms == "(Intercept)", "(Intercept)", terms)))
  list(id = id, estimator = if (model == "pooling") "ols" else "feols", formula = formula,
       vcov = list(type = "DK", cluster = list(), lag = if (is.null(maxlag)) floor(20^(1/4)) else maxlag, time = "year"),
       panel = c("firm", "year"), nobs = nobs(pm), coef = nl(b), se = nl(se), stat = nl(tt),
       p_value = nl(2 * pt(abs(tt), df, lower.tail = FALSE)), df = nl(rep(df, length(b))), ref = "plm::vcovSCC(type = 'HC0') * T/(T-1) (n-1)/(n-K'); = fixest vcov = 'DK'")
}
grunfeld <- c(grunfeld, list(
  dk_model("pooled_dk", "pooling", "individual", "inv ~ value + capital"),
  dk_model("pooled_dk_lag3", "pooling", "individual", "inv ~ value + capital", 3),
  dk_model("fe2_dk", "within", "twoways", "inv ~ value + capital | firm + year")))

# --- 2SLS (AER::ivreg) without and with fixed effects (dummies); first-stage F under iid errors ---
suppressPackageStartupMessages(library(AER))
iv_model <- function(id, fe, vc, formula) {
  dd <- cp[complete.cases(cp[, c("y", "x1", "xe", "z1", "z2", fe)]), ]
  fes <- if (length(fe)) paste0(" + ", paste0("factor(", fe, ")", collapse = " + ")) else ""
  m <- ivreg(as.formula(paste0("y ~ xe + x1", fes, " | z1 + z2 + x1", fes)), data = dd)
  terms <- if (length(fe)) c("xe", "x1") else c("(Intercept)", "xe", "x1")
  n <- nrow(dd); p <- length(coef(m)); k <- length(terms)
  if (vc$type == "iid") { V <- vcov(m); df <- n - p }
  if (vc$type == "HC1") { V <- vcovHC(m, type = "HC1"); df <- n - p }
  if (vc$type == "CR1") {
    # sandwich::estfun(ivreg) uses the projected regressors; fixest-style nested K as for OLS
    K <- if (length(fe)) (if (all(fe %in% vc$cluster)) k + 1 else p - length(unique(dd[[fe[1]]])) + 1) else p
    S <- estfun(m); M <- bread(m) / n
    G <- length(unique(dd[[vc$cluster]]))
    V <- M %*% crossprod(rowsum(S, dd[[vc$cluster]])) %*% M * G / (G - 1) * (n - 1) / (n - K)
    df <- G - 1
  }
  fs <- lm(as.formula(paste0("xe ~ x1 + z1 + z2", fes)), dd); fs0 <- lm(as.formula(paste0("xe ~ x1", fes)), dd)
  f1 <- anova(fs0, fs)$F[2]
  idx <- match(terms, names(coef(m))); b <- coef(m)[idx]; se <- sqrt(diag(V))[idx]; tt <- b / se
  nl <- function(v) as.list(setNames(unname(v), terms))
  list(id = id, estimator = "iv", formula = formula, vcov = vc, nobs = n, coef = nl(b), se = nl(se), stat = nl(tt),
       p_value = nl(2 * pt(abs(tt), df, lower.tail = FALSE)), df = nl(rep(df, k)),
       tests = list(first_stage_f = f1), ref = "AER::ivreg + sandwich")
}
synth <- c(synth, list(
  iv_model("iv_iid", c(), v("iid"), "y ~ x1 | xe ~ z1 + z2"),
  iv_model("iv_hc1", c(), v("HC1"), "y ~ x1 | xe ~ z1 + z2"),
  iv_model("iv_fe1_iid", c("id"), v("iid"), "y ~ x1 | id | xe ~ z1 + z2"),
  iv_model("iv_fe1_cr1", c("id"), v("CR1", "id"), "y ~ x1 | id | xe ~ z1 + z2")))

meta <- function(ds, models) list(dataset = ds, source_script = "tests/reference/core/lm_sandwich.R",
  r_version = R.version.string, packages = list(sandwich = as.character(packageVersion("sandwich")),
  clubSandwich = as.character(packageVersion("clubSandwich")), plm = as.character(packageVersion("plm"))), models = models)
write_json(meta("grunfeld", grunfeld), file.path(dir, "core_lm_grunfeld.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null")
write_json(meta("core_panel", synth), file.path(dir, "core_lm_core_panel.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null")
cat("wrote core_lm_grunfeld.json and core_lm_core_panel.json\n")

# Reference numbers for cbec's panel post-estimation outputs (plm 2.6) on Grunfeld (balanced) and
# EmplUK (unbalanced):
#  - pFtest(within, pooling) for effect individual, time, twoways;
#  - plmtest(pooling, effect, type) for bp, honda, kw (and ghm for twoways);
#  - within_intercept(within) with its SE (iid, and vcov = vcovHC(arellano, sss, cluster group) = CR1);
#  - fixef(within, type = "level") with its SEs (one-way); for the two-way model a hand computation:
#    the dummies' coefficients of lm(y ~ 0 + x + factor(firm) + factor(year)) (every firm level, the
#    first year dropped, i.e. 0: fixest's normalization). On the balanced Grunfeld data these equal
#    plm::fixef(effect = "individual") of the two-way model (checked below); on the unbalanced EmplUK
#    data plm's levels differ, as plm recovers the other dimension's effects from its means;
#  - logLik of lm(y ~ x + factor(firm)) (the LSDV regression): log-likelihood, AIC, BIC, with
#    df = slopes + dummies + 1 (lm's convention);
#  - summary(within)$r.squared: within R-squared and its adjusted form;
#  - for the two-way model, Stata's within/between/overall R-squared of `xtreg y x i.year, fe` by
#    hand: xb = x'b + year effect (the year dummies' coefficients above), within =
#    cor(y - ybar_i, xb - xbar_i)^2, between = cor of unit means, overall = cor(y, xb)^2.
# Run from the repository root: Rscript tests/reference/panel/postestimation.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
gr <- read.csv("tests/data/grunfeld.csv"); em <- read.csv("tests/data/empluk.csv")
em$lemp <- log(em$emp); em$lwage <- log(em$wage); em$lcap <- log(em$capital); em$lout <- log(em$output)
cr1 <- function(x) vcovHC(x, method = "arellano", type = "sss", cluster = "group")
one <- function(id, data, dataset, form, cbec_formula) {
  pd <- pdata.frame(data, index = c("firm", "year"))
  pool <- plm(form, pd, model = "pooling")
  fe <- plm(form, pd, model = "within"); ft <- plm(form, pd, model = "within", effect = "time")
  f2 <- plm(form, pd, model = "within", effect = "twoways")
  ht <- function(h) list(stat = unname(h$statistic), df = if (is.null(h$parameter)) NULL else unname(h$parameter), p = h$p.value)
  lm_tests <- list()
  for (eff in c("individual", "time", "twoways")) for (ty in c("bp", "honda", "kw", "ghm")) {
    if (ty == "ghm" && eff != "twoways") next
    lm_tests[[paste0(ty, "_", eff)]] <- ht(plmtest(pool, effect = eff, type = ty))
  }
  wi <- within_intercept(fe); wic <- within_intercept(fe, vcov = cr1); wi2 <- within_intercept(f2)
  fx <- fixef(fe, type = "level")
  # LSDV log-likelihood
  mf <- model.frame(fe); y <- pmodel.response(fe, model = "pooling"); X <- model.matrix(fe, model = "pooling")[, names(coef(fe)), drop = FALSE]
  ids <- index(fe)[[1]]
  lsdv <- lm(y ~ X + factor(ids))
  tids <- index(f2)[[2]]
  Xp2 <- model.matrix(f2, model = "pooling")[, names(coef(f2)), drop = FALSE]
  lsdv2 <- lm(y ~ 0 + Xp2 + factor(ids) + factor(tids))
  cf2 <- coef(lsdv2)
  fx2i <- cf2[grep("^factor\\(ids\\)", names(cf2))]
  fx2t <- c(0, cf2[grep("^factor\\(tids\\)", names(cf2))]); names(fx2t) <- levels(factor(tids))
  if (pdim(f2)$balanced) stopifnot(max(abs(fx2i - fixef(f2, effect = "individual"))) < 1e-8 * max(abs(fx2i)))
  # two-way R-squared trio (Stata xtreg ..., fe with i.year)
  tid <- index(f2)[[2]]
  Xp <- model.matrix(f2, model = "pooling")[, names(coef(f2)), drop = FALSE]
  xb <- drop(Xp %*% coef(f2)) + fx2t[as.character(tid)]  # the year effects of the dummy regression
  ybar <- ave(y, ids); xbbar <- ave(xb, ids)
  r2w <- cor(y - ybar, xb - xbbar)^2; r2b <- cor(tapply(y, ids, mean), tapply(xb, ids, mean))^2; r2o <- cor(y, xb)^2
  list(id = id, dataset = dataset, formula = cbec_formula, nobs = nobs(fe),
       f_individual = ht(pFtest(fe, pool)), f_time = ht(pFtest(ft, pool)), f_twoways = ht(pFtest(f2, pool)),
       lm = lm_tests,
       within_intercept = unname(wi), within_intercept_se = attr(wi, "se"), within_intercept_se_cluster = attr(wic, "se"),
       within_intercept_twoways = unname(wi2), within_intercept_twoways_se = attr(wi2, "se"),
       fixef_levels = names(fx), fixef = as.numeric(fx), fixef_se = as.numeric(attr(fx, "se")),
       fixef_twoways_individual = as.numeric(fx2i), fixef_twoways_time = as.numeric(fx2t), fixef_twoways_time_levels = names(fx2t),
       loglik = as.numeric(logLik(lsdv)), loglik_df = attr(logLik(lsdv), "df"), aic = AIC(lsdv), bic = BIC(lsdv),
       r2_within = unname(summary(fe)$r.squared["rsq"]), adj_r2_within = unname(summary(fe)$r.squared["adjrsq"]),
       twoways_r2_within_xt = r2w, twoways_r2_between_xt = r2b, twoways_r2_overall_xt = r2o)
}
out <- list(source_script = "tests/reference/panel/postestimation.R", plm = as.character(packageVersion("plm")),
  cases = list(
    one("grunfeld", gr, "grunfeld.csv", inv ~ value + capital, "inv ~ value + capital"),
    one("empluk", em, "empluk.csv", lemp ~ lwage + lcap + lout, "log(emp) ~ log(wage) + log(capital) + log(output)")))
write_json(out, "tests/reference/fixtures/panel_postestimation.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote panel_postestimation.json\n")

# Reference numbers for three panel-regression conventions (session 27 audit):
#  - the adjusted within R2 of `reg`: fixest's war2 (reghdfe's r2_a_within), 1 - (1 - wr2)(n - G)/df_resid,
#    G the fixed-effect parameters; on Grunfeld with firm and year effects and on firm effects alone;
#  - xtreg's F test that all u_i = 0 with a time-invariant regressor (the firm mean of value) listed: the
#    within model drops it and Stata's F compares with the pooled model without it (plm::pFtest on the
#    model without the regressor; pFtest on the model with it keeps it in the pooled model);
#  - xtreg --vcov robust: Stata's `xtreg, fe vce(robust)`, the cluster-robust variance by firm with
#    Stata's factor G/(G-1) (N-1)/(N-K), K the slopes and the intercept (the firm effects, nested in the
#    clusters, not counted), written out here.
# fixest from a private library: R_LIBS=<lib with fixest> Rscript tests/reference/panel/xtreg_conventions.R
suppressPackageStartupMessages({library(fixest); library(plm); library(jsonlite)})
gr <- read.csv("tests/data/grunfeld.csv")
gr$value_mean <- ave(gr$value, gr$firm)
m2 <- feols(inv ~ value + capital | firm + year, gr)
m1 <- feols(inv ~ value + capital | firm, gr)
pg <- pdata.frame(gr, index = c("firm", "year"))
fe <- plm(inv ~ value + capital, pg, model = "within")
po <- plm(inv ~ value + capital, pg, model = "pooling")
f_stata <- pFtest(fe, po)
fe_z <- plm(inv ~ value + capital + value_mean, pg, model = "within")
stopifnot(isTRUE(all.equal(coef(fe_z), coef(fe))))   # the firm mean is absorbed
# Stata's robust: cluster by firm, factor G/(G-1) (N-1)/(N-K) with K = 2 slopes + 1 intercept
X <- model.matrix(fe); e <- residuals(fe); g <- index(fe)$firm
bread <- solve(crossprod(X)); meat <- Reduce(`+`, lapply(split(seq_along(e), g), function(i) { s <- crossprod(X[i, , drop = FALSE], e[i]); s %*% t(s) }))
N <- nobs(fe); G <- length(unique(g)); K <- 3
V <- bread %*% meat %*% bread * G / (G - 1) * (N - 1) / (N - K)
out <- list(source_script = "tests/reference/panel/xtreg_conventions.R", fixest = as.character(packageVersion("fixest")),
            plm = as.character(packageVersion("plm")),
            war2 = list(twoway = unname(r2(m2, "war2")), twoway_wr2 = unname(r2(m2, "wr2")), firm = unname(r2(m1, "war2"))),
            f_effects = list(stat = unname(f_stata$statistic), df1 = unname(f_stata$parameter[1]), df2 = unname(f_stata$parameter[2])),
            robust_se = unname(sqrt(diag(V))))
write_json(out, "tests/reference/fixtures/panel_xtreg_conventions.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote panel_xtreg_conventions.json\n")

# Reference values for cbec's entropy weights, VIF and convergence measures, computed directly from
# their definitions in base R (independent code, no cbec):
# - entropy weight method (pooled, min-max, one negative indicator) on the real provincial panel
#   2011-2019 (31 provinces x 9 years = 279 rows: k = 1 / ln 279) from china_provincial_scitech
#   (huhuaping/techme, MIT licence), exported to tests/data/scitech_2011_2019.csv;
# - VIF = 1 / (1 - R2_j) from lm() (as Stata estat vif / car::vif without factors);
# - sigma convergence (SD, CV by year; OLS trend) and beta convergence (cross-section and panel
#   with firm fixed effects) of log investment in plm's Grunfeld data.
# Run from the repository root: Rscript tests/reference/index/index_convergence.R
suppressPackageStartupMessages(library(jsonlite))
w <- read.csv("../shared/data/china_provincial_scitech/scitech_province_wide.csv")
w <- w[w$prov_id != 0 & w$year >= 2011 & w$year <= 2019, c("province_en", "year", "patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity")]
stopifnot(nrow(w) == 279, !anyNA(w))
write.csv(w, "tests/data/scitech_2011_2019.csv", row.names = FALSE)
ind <- c("patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity")
neg <- c(FALSE, FALSE, FALSE, TRUE)   # rd_intensity treated as negative only to exercise the direction
X <- as.matrix(w[, ind]); n <- nrow(X)
S <- sapply(seq_along(ind), function(j) { x <- X[, j]; if (neg[j]) (max(x) - x) / (max(x) - min(x)) else (x - min(x)) / (max(x) - min(x)) })
ent <- function(shift) {
  e <- apply(S, 2, function(v) { p <- (v + shift) / sum(v + shift); -sum(ifelse(p > 0, p * log(p), 0)) / log(n) })
  wt <- (1 - e) / sum(1 - e)
  list(e = e, w = wt, scores = drop(S %*% wt))
}
vifs <- sapply(seq_along(ind), function(j) { r2 <- summary(lm(X[, j] ~ X[, -j]))$r.squared; 1 / (1 - r2) })
gr <- read.csv("tests/data/grunfeld.csv")
# sigma convergence: the SD of ln inv, the CV sd / mean of inv's levels (scale-free)
sig <- do.call(rbind, lapply(split(gr$inv, gr$year), function(v) c(sd = sd(log(v)), cv = sd(v) / mean(v))))
years <- as.numeric(rownames(sig))
sd_fit <- summary(lm(sig[, "sd"] ~ years))$coefficients; cv_fit <- summary(lm(sig[, "cv"] ~ years))$coefficients
first <- gr[gr$year == 1935, ]; last <- gr[gr$year == 1954, ]
cs <- data.frame(g = (log(last$inv) - log(first$inv)) / 19, l0 = log(first$inv))
b_cs <- coef(lm(g ~ l0, cs))[["l0"]]
gr <- gr[order(gr$firm, gr$year), ]
gr$dl <- ave(log(gr$inv), gr$firm, FUN = function(v) c(NA, diff(v)))
gr$l1 <- ave(log(gr$inv), gr$firm, FUN = function(v) c(NA, head(v, -1)))
b_panel <- coef(lm(dl ~ l1 + factor(firm), gr))[["l1"]]
out <- list(source_script = "tests/reference/index/index_convergence.R", indicators = ind, negative = neg,
  entropy = ent(0), entropy_shift = ent(1e-4), vif = vifs,
  sigma = list(sd = unname(sig[, "sd"]), cv = unname(sig[, "cv"]), sd_slope = sd_fit[2, 1], sd_se = sd_fit[2, 2], sd_p = sd_fit[2, 4],
               cv_slope = cv_fit[2, 1], cv_se = cv_fit[2, 2]),
  beta_cs = list(beta = b_cs, speed = -log(1 + 19 * b_cs) / 19), beta_panel = list(beta = b_panel, speed = -log(1 + b_panel)))
write_json(out, "tests/reference/fixtures/index_convergence.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote index_convergence.json\n")

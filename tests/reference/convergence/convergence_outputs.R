# Reference values for the convergence outputs beside the estimates (base R lm; independent of cbec)
# on plm's Grunfeld data, log investment:
#  - sigma convergence: the population SD (divisor n) and the CV of the levels by year beside the sample SD, and
#    the trend regressions' intercepts with their SEs and p-values (lm(sd ~ year), lm(cv ~ year));
#  - beta convergence, cross-section (T = 19) and panel (firm fixed effects, T = 1), iid variance:
#    beta, its SE, the speed -ln(1 + T beta) / T and half-life ln 2 / speed with delta-method SEs
#    se(speed) = se(beta) / |1 + T beta|, se(half-life) = ln 2 se(speed) / speed^2, the gradient
#    taken numerically here (central differences) as an independent check of the analytic form.
# Run from the repository root: Rscript tests/reference/convergence/convergence_outputs.R
suppressPackageStartupMessages(library(jsonlite))
gr <- read.csv("tests/data/grunfeld.csv")
pop_sd <- function(v) sqrt(mean((v - mean(v))^2))
by <- split(log(gr$inv), gr$year)
years <- as.numeric(names(by))
levels <- split(gr$inv, gr$year)   # the CV is of the levels (scale-free), the SD of the logs
sd_s <- sapply(by, sd); cv_s <- sapply(levels, sd) / sapply(levels, mean)
sd_p <- sapply(by, pop_sd); cv_p <- sapply(levels, pop_sd) / sapply(levels, mean)
tr <- function(v) { cf <- summary(lm(v ~ years))$coefficients; list(intercept = cf[1, 1], intercept_se = cf[1, 2], intercept_p = cf[1, 4], slope = cf[2, 1]) }
delta <- function(b, se, T) {
  speed <- function(b) -log(1 + T * b) / T
  half <- function(b) log(2) / speed(b)
  h <- 1e-6 * max(1, abs(b))
  g_s <- (speed(b + h) - speed(b - h)) / (2 * h); g_h <- (half(b + h) - half(b - h)) / (2 * h)
  list(beta = b, beta_se = se, speed = speed(b), speed_se = abs(g_s) * se, half_life = half(b), half_life_se = abs(g_h) * se)
}
first <- gr[gr$year == 1935, ]; last <- gr[gr$year == 1954, ]
cs <- data.frame(g = (log(last$inv) - log(first$inv)) / 19, l0 = log(first$inv))
m_cs <- summary(lm(g ~ l0, cs))$coefficients
gr <- gr[order(gr$firm, gr$year), ]
gr$dl <- ave(log(gr$inv), gr$firm, FUN = function(v) c(NA, diff(v)))
gr$l1 <- ave(log(gr$inv), gr$firm, FUN = function(v) c(NA, head(v, -1)))
m_p <- summary(lm(dl ~ l1 + factor(firm), gr))$coefficients
out <- list(source_script = "tests/reference/convergence/convergence_outputs.R",
            sigma = list(sd_sample = unname(sd_s), sd_population = unname(sd_p), cv_population = unname(cv_p),
                         sd_trend = tr(sd_s), cv_trend = tr(cv_s)),
            beta_cs = delta(m_cs["l0", 1], m_cs["l0", 2], 19), beta_panel = delta(m_p["l1", 1], m_p["l1", 2], 1))
write_json(out, "tests/reference/fixtures/convergence_outputs.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote convergence_outputs.json\n")

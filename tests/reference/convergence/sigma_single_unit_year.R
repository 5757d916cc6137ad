# Reference for sigma convergence when a year has a single unit (no SD): the trend of the yearly
# SDs and CVs by R's lm, which leaves that year's NA out. Writes a deterministic unbalanced panel
# (6 units, 2010-2017, 2015 observed for one unit only) to tests/data/sigma_single_year.csv.
# Run from the repository root: Rscript tests/reference/convergence/sigma_single_unit_year.R
suppressPackageStartupMessages(library(jsonlite))
set.seed(7)
d <- expand.grid(unit = 1:6, year = 2010:2017)
d$x <- round(exp(rnorm(nrow(d), 3 - 0.03 * (d$year - 2010), 0.4 - 0.02 * (d$year - 2010))), 4)
d <- d[!(d$year == 2015 & d$unit > 1), ]
write.csv(d, "tests/data/sigma_single_year.csv", row.names = FALSE)
by <- split(d$x, d$year)
yr <- as.numeric(names(by)); s <- sapply(by, sd); cv <- s / sapply(by, mean)
trend <- function(v) { m <- summary(lm(v ~ yr)); cf <- coef(m)
  list(slope = cf[2, 1], se = cf[2, 2], p_value = cf[2, 4], intercept = cf[1, 1], intercept_se = cf[1, 2]) }
out <- list(source_script = "tests/reference/convergence/sigma_single_unit_year.R", left_out = 2015,
            sd_trend = trend(s), cv_trend = trend(cv))
write_json(out, "tests/reference/fixtures/convergence_sigma_single_year.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote convergence_sigma_single_year.json\n")

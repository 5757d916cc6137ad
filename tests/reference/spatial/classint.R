# Class breaks from classInt (Debian r-cran-classint) for cbec's map classification, on Columbus CRIME.
# Run from the repository root: Rscript tests/reference/spatial/classint.R
suppressPackageStartupMessages({library(classInt); library(jsonlite)})
x <- read.csv("tests/data/columbus.csv")$CRIME
br <- function(style, n) classIntervals(x, n, style = style)$brks
out <- list(source_script = "tests/reference/spatial/classint.R",
            fisher5 = br("fisher", 5), fisher3 = br("fisher", 3), quantile5 = br("quantile", 5), equal4 = br("equal", 4),
            fisher5_class = findCols(classIntervals(x, 5, style = "fisher")) - 1)
write_json(out, "tests/reference/fixtures/spatial_classint.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)

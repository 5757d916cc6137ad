# Class breaks from classInt (Debian r-cran-classint) for cbec's map classification, on Columbus CRIME,
# and on values with one decimal (a random case of the December 2026 audit) whose 5-class optimum is
# not unique: two partitions with the same within-class sum of squares, 1337662/34125, classInt's
# Fisher code choosing one (break 0.85, not 0.75).
# Run from the repository root: Rscript tests/reference/spatial/classint.R
suppressPackageStartupMessages({library(classInt); library(jsonlite)})
x <- read.csv("tests/data/columbus.csv")$CRIME
tied <- c(1.8, 0.2, -3.6, 4.3, 0.4, -6.7, 2.9, 7.7, -1.4, 3.3, 1.2, 0.8, 0, 0.9, 2.5, -0.9, -4.8, -3.6, -0.4, 2.3, -2.4,
          1, 1.5, 5.2, 1.8, -2.9, 0.4, 2.5, -0.9, -7.3, 0.7, -3.2, 4.2, -1, 0.2, 2.1, 0.5, 0, 0.9, -3.7, -2.8, 0.2, 2.2, -3.9,
          -2.6, -1.1, -4.2, -2.6, 2.2, 1.8, 4.9, -1.6, 2.8, 1.7, -1.6, 1.7, 5.9, 0, 4.7, -0.3, -4.2, 3.3, -1.8)
br <- function(style, n) classIntervals(x, n, style = style)$brks
out <- list(source_script = "tests/reference/spatial/classint.R",
            fisher5 = br("fisher", 5), fisher3 = br("fisher", 3), quantile5 = br("quantile", 5), equal4 = br("equal", 4),
            fisher5_class = findCols(classIntervals(x, 5, style = "fisher")) - 1,
            tied_values = tied, tied_fisher5 = classIntervals(tied, 5, style = "fisher")$brks)
write_json(out, "tests/reference/fixtures/spatial_classint.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)

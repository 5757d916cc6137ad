# A dense weight matrix as R users write it: spdep::nb2mat of the Columbus contiguity (GAL) with
# row-standardized weights, saved by write.csv (a quoted header with an empty corner cell and the
# unit ids as row names). cbec must read it as the same weights as the GAL file.
# Run from the repository root: Rscript tests/reference/spatial/weight_matrix.R
suppressPackageStartupMessages(library(spdep))
nb <- read.gal("tests/data/columbus.gal", override.id = TRUE)
W <- nb2mat(nb, style = "W")
dimnames(W) <- list(attr(nb, "region.id"), attr(nb, "region.id"))
write.csv(W, "tests/reference/fixtures/spatial_columbus_W.matrix.csv")

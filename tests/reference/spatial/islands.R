# Reference numbers for the global and local statistics when a unit has no neighbour (an island):
# the 11 Zhejiang prefectures with queen contiguity (tests/data/zhejiang_queen.gal; Zhoushan, on
# islands, has none) and a fixed positive variable. spdep's defaults with zero.policy = TRUE:
# globalG.test (adjust.n, adjust.x), moran.test (adjust.n), localmoran with style "S" weights (scaled
# to the units with neighbours, nb2listw's eff.n), and p.adjust of local p-values with the island's NA.
# Run from the repository root: Rscript tests/reference/spatial/islands.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
# The GAL file's header "0 11" is GeoDa's, which read.gal refuses: its unit lines are read here.
gal <- readLines("tests/data/zhejiang_queen.gal")[-1]
ids <- sub(" .*", "", gal[seq(1, length(gal), 2)])
nb <- lapply(strsplit(trimws(gal[seq(2, length(gal), 2)]), " +"), function(v) if (length(v) == 0 || v[1] == "") 0L else sort(match(v, ids)))
class(nb) <- "nb"; attr(nb, "region.id") <- ids
x <- c(37.19, 23.65, 5.32, 20.41, 16.92, 8.73, 33.10, 7.45, 4.86, 15.08, 2.17)
out <- list(source_script = "tests/reference/spatial/islands.R", spdep = as.character(packageVersion("spdep")), ids = ids, x = x)
for (style in c("B", "W", "S")) {
  lw <- nb2listw(nb, style = style, zero.policy = TRUE)
  g <- globalG.test(x, lw, zero.policy = TRUE)
  m <- moran.test(x, lw, zero.policy = TRUE, randomisation = TRUE)
  lm <- localmoran(x, lw, zero.policy = TRUE)
  p <- lm[, 5]
  out[[style]] <- list(
    general_g = list(G = unname(g$estimate[1]), EG = unname(g$estimate[2]), VG = unname(g$estimate[3]), z = as.numeric(g$statistic), p = as.numeric(g$p.value)),
    moran = list(I = unname(m$estimate[1]), EI = unname(m$estimate[2]), VI = unname(m$estimate[3])),
    local_moran = list(Ii = unname(lm[, 1]), E = unname(lm[, 2]), Var = unname(lm[, 3])),
    p_local = unname(p), p_bonferroni = p.adjust(p, "bonferroni"), p_bh = p.adjust(p, "BH"))
}
write_json(out, "tests/reference/fixtures/spatial_islands.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
cat("wrote spatial_islands.json\n")

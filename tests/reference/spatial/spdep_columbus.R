# Reference values for cbec's spatial statistics from spdep (Debian r-cran-spdep) on the Columbus
# neighbourhood data (Anselin 1988) that spData ships: contiguity weights columbus.gal and the
# variables CRIME, INC, HOVAL, exported to tests/data/columbus.csv and tests/data/columbus.gal.
# Run from the repository root: Rscript tests/reference/spatial/spdep_columbus.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
options(warn = -1)  # globalG.test warns that binary weights are recommended for style "W"
gal <- system.file("weights/columbus.gal", package = "spData")[1]
file.copy(gal, "tests/data/columbus.gal", overwrite = TRUE)
nb <- read.gal(gal)
col <- sf::st_read(system.file("shapes/columbus.shp", package = "spData")[1], quiet = TRUE)
ids <- attr(nb, "region.id")
d <- data.frame(POLYID = as.integer(ids), CRIME = col$CRIME, INC = col$INC, HOVAL = col$HOVAL)
write.csv(d, "tests/data/columbus.csv", row.names = FALSE)
one <- function(style) {
  lw <- nb2listw(nb, style = style)
  mr <- moran.test(d$CRIME, lw, randomisation = TRUE); mn <- moran.test(d$CRIME, lw, randomisation = FALSE)
  gr <- geary.test(d$CRIME, lw, randomisation = TRUE); gn <- geary.test(d$CRIME, lw, randomisation = FALSE)
  lm <- localmoran(d$CRIME, lw)
  lwstar <- nb2listw(include.self(nb), style = style)
  gg <- globalG.test(d$CRIME, lw)
  list(general_g = list(G = unname(gg$estimate[1]), EG = unname(gg$estimate[2]), VG = unname(gg$estimate[3]), z = unname(gg$statistic[1]), p = unname(gg$p.value[1])),
       moran = list(I = unname(mr$estimate[1]), EI = unname(mr$estimate[2]), VI_rand = unname(mr$estimate[3]), z_rand = unname(mr$statistic),
                    p_rand = mr$p.value, VI_norm = unname(mn$estimate[3]), z_norm = unname(mn$statistic), p_norm = mn$p.value),
       geary = list(C = unname(gr$estimate[1]), VC_rand = unname(gr$estimate[3]), z_rand = unname(gr$statistic), VC_norm = unname(gn$estimate[3]),
                    z_norm = unname(gn$statistic)),
       local_moran = list(Ii = unname(lm[, 1]), E = unname(lm[, 2]), Var = unname(lm[, 3]), Z = unname(lm[, 4]), p = unname(lm[, 5])),
       localG = as.numeric(localG(d$CRIME, lw)), localGstar = as.numeric(localG(d$CRIME, lwstar)))
}
out <- list(source_script = "tests/reference/spatial/spdep_columbus.R", spdep = as.character(packageVersion("spdep")),
            B = one("B"), W = one("W"),
            S = list(weights_1 = nb2listw(nb, style = "S")$weights[[1]], weights_5 = nb2listw(nb, style = "S")$weights[[5]],
                     moran_I = unname(moran.test(d$CRIME, nb2listw(nb, style = "S"))$estimate[1])), p_bh = p.adjust(localmoran(d$CRIME, nb2listw(nb))[, 5], "BH"))
# Gi* with the unit included before the weights are transformed (include.self, then nb2listw's
# style): the same z for every style, as row rescaling leaves Gi* unchanged. Columbus and the 11
# Zhejiang prefectures (verified land borders, tests/data/zhejiang_city_adjacency.csv; x of 2019
# from tests/data/studies/zhejiang_panel.csv).
gistar <- function(x, nb) sapply(c("B", "W", "S"), function(style) as.numeric(localG(x, nb2listw(include.self(nb), style = style, zero.policy = TRUE), zero.policy = TRUE)), simplify = FALSE)
zj <- read.csv("tests/data/zhejiang_cities.csv", encoding = "UTF-8")
adj <- read.csv("tests/data/zhejiang_city_adjacency.csv")
zj_nb <- lapply(zj$name_en, function(city) sort(match(c(adj$b_en[adj$a_en == city], adj$a_en[adj$b_en == city]), zj$name_en)))
zj_nb <- structure(lapply(zj_nb, function(v) if (length(v)) as.integer(v) else 0L), class = "nb", region.id = zj$name_en)  # Zhoushan: no land border
zp <- read.csv("tests/data/studies/zhejiang_panel.csv")
zx <- zp$x[zp$year == 2019][match(zj$name_en, zp$city[zp$year == 2019])]
out$gistar <- list(columbus = gistar(d$CRIME, nb),
                   zhejiang = list(ids = zj$name_en, x = zx, gistar = gistar(zx, zj_nb),
                                   gi = list(B = as.numeric(localG(zx, nb2listw(zj_nb, style = "B", zero.policy = TRUE), zero.policy = TRUE)), W = as.numeric(localG(zx, nb2listw(zj_nb, style = "W", zero.policy = TRUE), zero.policy = TRUE)))))
# Gi* on weights that are not 0/1 (w_ij = 1 / |i - j| between the Columbus polygons' positions in the
# file), with an explicit self-weight of 2 on the original scale (spdep: the diagonal of the matrix,
# the neighbours marked self.included).
Wd <- 1 / abs(outer(seq_along(d$CRIME), seq_along(d$CRIME), "-")); diag(Wd) <- 2
out$gistar$self_weight <- list(value = 2, z = sapply(c("B", "W"), function(style) {
  lw <- mat2listw(Wd, style = style); attr(lw$neighbours, "self.included") <- TRUE
  as.numeric(localG(d$CRIME, lw)) }, simplify = FALSE))
# The weights' constants of the moments (Cliff and Ord 1981), styles B and W.
out$constants <- sapply(c("B", "W"), function(style) { k <- spweights.constants(nb2listw(nb, style = style)); list(S0 = k$S0, S1 = k$S1, S2 = k$S2) }, simplify = FALSE)
write_json(out, "tests/reference/fixtures/spatial_columbus.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote spatial_columbus.json\n")

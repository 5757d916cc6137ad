# Reference distances on the WGS-84 ellipsoid (spdep's longlat = TRUE: nbdists, dnearneigh,
# knearneigh) for cbec's `ellipsoid` option, on the 31 provincial capitals of data/china_provinces.csv:
# every pairwise distance, the 4 nearest neighbours, a distance band whose edge lies between a
# pair's sphere (haversine, 6371.0088 km) and ellipsoid distances (so the sphere gives a different
# set), and Moran's I under row-standardized inverse-distance weights (moran.test, randomisation)
# of a deterministic variable x_i = lat_i / 10 + cos(i).
# Run from the repository root: Rscript tests/reference/spatial/distance_ellipsoid.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
p <- read.csv("data/china_provinces.csv")
xy <- cbind(p$capital_lon, p$capital_lat)
n <- nrow(xy)
all <- dnearneigh(xy, 0, 1e5, longlat = TRUE)
d <- nbdists(all, xy, longlat = TRUE)
D <- matrix(0, n, n)
for (i in seq_len(n)) D[i, all[[i]]] <- d[[i]]
hav <- function(i, j) { r <- pi / 180; a <- sin((xy[j, 2] - xy[i, 2]) * r / 2)^2 + cos(xy[i, 2] * r) * cos(xy[j, 2] * r) * sin((xy[j, 1] - xy[i, 1]) * r / 2)^2; 2 * 6371.0088 * asin(sqrt(a)) }
S <- outer(seq_len(n), seq_len(n), Vectorize(hav))
# The band: halfway between the sphere and ellipsoid distances of the pair whose two differ most
# among pairs of 300-700 km, so exactly one of the two metrics puts that pair inside.
cand <- which(upper.tri(D) & D > 300 & D < 700, arr.ind = TRUE)
gap <- abs(D[cand] - S[cand])
k <- which.max(gap)
band <- (D[cand][k] + S[cand][k]) / 2
nb_band <- dnearneigh(xy, 0, band, longlat = TRUE)
knn4 <- knearneigh(xy, k = 4, longlat = TRUE)$nn
x <- p$capital_lat / 10 + cos(seq_len(n))
lw <- nb2listw(all, glist = lapply(d, function(v) 1 / v), style = "W")
mt <- moran.test(x, lw, randomisation = TRUE)
out <- list(source_script = "tests/reference/spatial/distance_ellipsoid.R", spdep = as.character(packageVersion("spdep")),
            ids = p$name_en, distance = D, band = band, band_pair = unname(cand[k, ] - 1),
            band_neighbours = lapply(nb_band, function(v) if (length(v) == 1 && v == 0) integer(0) else v - 1),
            knn4 = knn4 - 1, x = x, moran_i = unname(mt$estimate[1]), moran_expectation = unname(mt$estimate[2]),
            moran_variance = unname(mt$estimate[3]), moran_z = unname(mt$statistic), moran_p = mt$p.value)
write_json(out, "tests/reference/fixtures/spatial_distance_ellipsoid.json", digits = NA, pretty = TRUE)

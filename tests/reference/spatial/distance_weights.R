# Reference neighbour sets and distances for cbec's distance-based weights on the 11 Zhejiang city
# seats (lon/lat): spdep::knearneigh / dnearneigh (longlat = TRUE) for the neighbour sets, and the
# haversine distance on a 6371.0088 km sphere written out here for the inverse-distance weights.
# Run from the repository root: Rscript tests/reference/spatial/distance_weights.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
z <- read.csv("tests/data/zhejiang_cities.csv")
xy <- cbind(z$lon, z$lat)
knn3 <- knearneigh(xy, k = 3, longlat = TRUE)$nn
band <- dnearneigh(xy, 0, 150, longlat = TRUE)
hav <- function(i, j) { r <- pi / 180; a <- sin((xy[j, 2] - xy[i, 2]) * r / 2)^2 + cos(xy[i, 2] * r) * cos(xy[j, 2] * r) * sin((xy[j, 1] - xy[i, 1]) * r / 2)^2; 2 * 6371.0088 * asin(sqrt(a)) }
D <- outer(seq_len(nrow(xy)), seq_len(nrow(xy)), Vectorize(hav))
out <- list(source_script = "tests/reference/spatial/distance_weights.R", knn3 = knn3 - 1,
            band150 = lapply(band, function(v) if (length(v) == 1 && v == 0) integer(0) else v - 1), distance = D)
write_json(out, "tests/reference/fixtures/spatial_distance_weights.json", digits = NA, pretty = TRUE)

# Reference values for named weights matrices in a study file (tests/data/studies/spreg_weights.toml):
# Moran's I of x in each year of tests/data/studies/zhejiang_panel.csv with
#   W2: inverse squared great-circle distance between the polygons' centroids (planar GEOS centroids
#       of tests/data/zhejiang_polygons.csv, haversine distance), row-standardized;
#   W3: the 3 nearest centroids by great-circle distance (spdep::knearneigh(longlat = TRUE)), binary.
# Independent of cbec's builders: sf for the centroids, the haversine formula written out here.
# Run from the repository root: Rscript tests/reference/spreg/named_weights.R
suppressPackageStartupMessages({library(sf); library(spdep); library(jsonlite)})
sf_use_s2(FALSE)
poly <- read.csv("tests/data/zhejiang_polygons.csv")
g <- st_as_sfc(poly$wkt)
cen <- suppressWarnings(st_coordinates(st_centroid(g)))
ids <- poly$city
hav <- function(lon1, lat1, lon2, lat2) {
  r <- pi / 180
  a <- sin((lat2 - lat1) * r / 2)^2 + cos(lat1 * r) * cos(lat2 * r) * sin((lon2 - lon1) * r / 2)^2
  2 * 6371.0088 * asin(sqrt(a))
}
n <- length(ids)
D <- outer(1:n, 1:n, function(i, j) hav(cen[i, 1], cen[i, 2], cen[j, 1], cen[j, 2]))
W2 <- ifelse(D > 0, 1 / D^2, 0)
lw2 <- mat2listw(W2, style = "W")
lw3 <- nb2listw(knn2nb(knearneigh(cen, k = 3, longlat = TRUE)), style = "B")
d <- read.csv("tests/data/studies/zhejiang_panel.csv")
out <- list(ids = ids, centroid_lon = cen[, 1], centroid_lat = cen[, 2])
for (yr in sort(unique(d$year))) {
  x <- d$x[d$year == yr][match(ids, d$city[d$year == yr])]
  out[[as.character(yr)]] <- list(W2_I = unname(moran.test(x, lw2)$estimate[1]), W3_I = unname(moran.test(x, lw3)$estimate[1]))
}
out$source_script <- "tests/reference/spreg/named_weights.R"
write_json(out, "tests/reference/fixtures/spreg_named_weights.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)

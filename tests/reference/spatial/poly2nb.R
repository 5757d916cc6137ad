# Reference for cbec's contiguity weights: spdep::poly2nb (queen and rook) on real polygons read
# from WKT with sf: the 11 Zhejiang prefectures (tests/data/zhejiang_polygons.csv) and the 41 cities
# of the Yangtze River Delta from the shipped prefecture polygons (data/china_city_polygons.csv).
# poly2nb's default snap is sqrt(.Machine$double.eps) (about 1.5e-8 degrees).
# Writes tests/reference/fixtures/spatial_poly2nb.json. Run from the repository root.
suppressPackageStartupMessages({library(sf); library(spdep); library(jsonlite)})
pairs_of <- function(ids, wkt, queen) {
  g <- st_as_sfc(wkt)
  nb <- poly2nb(g, queen = queen)
  out <- character(0)
  for (i in seq_along(nb)) for (j in nb[[i]]) if (j > 0 && i < j) out <- c(out, paste(sort(c(ids[i], ids[j])), collapse = "|"))
  sort(out)
}
zj <- read.csv("tests/data/zhejiang_polygons.csv", stringsAsFactors = FALSE)
yrd_names <- read.csv("examples/yrd/cities.csv", stringsAsFactors = FALSE)$city_cn
all <- read.csv("data/china_city_polygons.csv", stringsAsFactors = FALSE)
yrd <- all[all$city_cn %in% yrd_names, ]
stopifnot(nrow(yrd) == 41)
out <- list(source_script = "tests/reference/spatial/poly2nb.R", spdep = as.character(packageVersion("spdep")),
            zhejiang = list(queen = pairs_of(zj$city, zj$wkt, TRUE), rook = pairs_of(zj$city, zj$wkt, FALSE)),
            yrd = list(ids = yrd$city_cn, queen = pairs_of(yrd$city_cn, yrd$wkt, TRUE), rook = pairs_of(yrd$city_cn, yrd$wkt, FALSE)))
write_json(out, "tests/reference/fixtures/spatial_poly2nb.json", pretty = TRUE)

# Writes a small Stata file with a string variable, a labelled variable and missing values, to
# test cbec's .dta reader (ReadStat): tests/data/small.dta. Run: Rscript tests/reference/core/make_dta.R
d <- data.frame(id = 1:4, city = c("杭州", "Ningbo", NA, "温州"), x = c(1.5, NA, 3.25, -2), year = c(2015L, 2016L, NA, 2018L),
                stringsAsFactors = FALSE)
attr(d, "var.labels") <- c("identifier", "city name", "a number", "year")
foreign::write.dta(d, "tests/data/small.dta", version = 10)

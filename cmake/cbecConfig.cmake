# find_package(cbec): the installed library's targets (cbec::cbec, cbec::base, cbec::engine, cbec::io,
# cbec::report, cbec::study) and the Debian packages they link. Polygons need the GDAL module
# (lib/cbec/libcbec_gdal.so), found beside a program in bin/ or through CBEC_GDAL_MODULE.
include(CMakeFindDependencyMacro)
find_dependency(Eigen3 3.4 NO_MODULE)
find_dependency(Boost 1.74)
find_dependency(OpenMP)
find_dependency(fmt)
find_dependency(nlohmann_json 3.10)
find_dependency(nanoflann)
find_dependency(OpenSSL)
find_dependency(tomlplusplus)
find_dependency(PkgConfig)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
include("${CMAKE_CURRENT_LIST_DIR}/cbecTargets.cmake")

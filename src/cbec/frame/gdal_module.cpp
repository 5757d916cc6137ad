#include "cbec/frame/gdal_module.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

constexpr const char* kModuleFile = "libcbec_gdal.so";

std::vector<std::filesystem::path> candidates() {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  const auto add = [&out](const fs::path& p) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  if (const char* v = std::getenv("CBEC_GDAL_MODULE"); v && *v) add(v);
  // The binary holding this code: the program, a test, or the Python module's shared library.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&candidates), &info) && info.dli_fname && std::string(info.dli_fname).find('/') != std::string::npos)
    add(fs::absolute(info.dli_fname).parent_path() / kModuleFile);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    add(exe.parent_path() / kModuleFile);
    add(exe.parent_path().parent_path() / "lib" / "cbec" / kModuleFile);
  }
  return out;
}

const GdalModule& load() {
  std::string tried;
  for (const auto& path : candidates()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      tried += (tried.empty() ? "" : ", ") + path.string();
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* e = dlerror();
      throw DataError(fmt::format("polygons need cbec's GDAL module '{}', which cannot be loaded: {} "
                                  "(it needs the GDAL shared library cbec was built with)", path.string(), e ? e : "unknown error"));
    }
    using Entry = const GdalModule* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, kGdalModuleEntry));
    const GdalModule* m = entry ? entry() : nullptr;
    if (!m || m->version != kGdalModuleVersion)
      throw DataError(fmt::format("'{}' is not the GDAL module of this build of cbec (version {} expected); rebuild or reinstall cbec",
                                  path.string(), kGdalModuleVersion));
    return *m;
  }
  throw DataError(fmt::format("polygons need cbec's GDAL module {}, which was not found (looked at {}); build it with "
                              "`cmake --build build --target cbec_gdal`, install cbec, or set CBEC_GDAL_MODULE to its path",
                              kModuleFile, tried));
}

}  // namespace

const GdalModule& gdal_module() {
  static const GdalModule& m = load();
  return m;
}

void throw_if_failed(const GdalStatus& status) {
  if (status.kind == GdalStatus::Data) throw DataError(status.message);
  if (status.kind == GdalStatus::Numeric) throw NumericError(status.message);
}

}  // namespace cbec

// cbec.run_study("study.toml"): the study file read, validated, run and its report folder written
// as `cbec run` does (cli/cmd_run.cpp), with each step's tables and JSON handed back.
#include <pybind11/stl.h>

#include <filesystem>

#include "cbec/study/run_study.hpp"
#include "engine.hpp"

namespace cbec::python {

namespace {

py::dict run(const std::string& path, const std::string& out, int threads, bool no_cache, bool check) {
  StudySpec spec = read_study(path);
  py::dict result;
  result["title"] = spec.title;
  result["n_analyses"] = spec.analyses.size();
  if (check) return result;
  StudyReport rep;
  std::string folder;
  std::vector<std::string> warnings;
  {
    py::gil_scoped_release unlocked;
    rep = run_study(spec, threads, no_cache ? "" : (std::filesystem::path(spec.dir) / ".cbec-cache").string());
    folder = out.empty() ? (std::filesystem::path(spec.dir) / spec.output).string() : out;
    warnings = write_report(rep, folder);
  }
  py::list sections;
  for (const auto& s : rep.sections) {
    py::dict d;
    d["type"] = s.type;
    d["title"] = s.title;
    d["tables"] = s.tables;
    d["json"] = s.results.dump(2);
    sections.append(d);
  }
  result["sections"] = sections;
  result["data_summary"] = rep.data_summary;
  result["folder"] = folder;
  result["warnings"] = warnings;
  result["reused"] = rep.reused;
  return result;
}

}  // namespace

void bind_study(py::module_& m) {
  m.def("run_study", &run, py::arg("path"), py::arg("out") = "", py::arg("threads") = 0, py::arg("no_cache") = false, py::arg("check") = false,
        "Runs a study file and writes its report folder (default: the study's [study] output beside it)");
}

}  // namespace cbec::python

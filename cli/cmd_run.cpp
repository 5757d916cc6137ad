// cbec run study.toml: the whole study, from data to a report folder.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cbec/analysis/analysis.hpp"
#include "cbec/study/run_study.hpp"
#include "cbec/study/study_data.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "processes.hpp"

namespace cbec::cli {

void add_run(CLI::App& app) {
  struct Opts {
    std::string study, out;
    int threads = 0;
    bool check = false, no_cache = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("run", "Run a study file (TOML) and write its report folder");
  cmd->add_option("study", o->study, "Study file (.toml)")->required();
  cmd->add_option("-o,--out", o->out, "Report folder (default: [study] output, beside the study file)");
  cmd->add_option("--threads", o->threads, "Threads for replications (default: all)")->check(CLI::Range(0, Resampling::kMaxThreads));
  cmd->add_flag("--check", o->check, "Only validate the study file and its data (read, joined, the panel declared), running no analysis");
  cmd->add_flag("--no-cache", o->no_cache, "Recompute every step (default: reuse steps whose inputs are unchanged, from .cbec-cache beside the study file)");
  cmd->callback([o] {
    require_one_process("cbec run");
    StudySpec spec = read_study(o->study);
    if (o->check) {
      const StudyData data = read_study_data(spec);
      std::cout << fmt::format("{}: valid ({} analys{}; data {}: {})\n", o->study, spec.analyses.size(), spec.analyses.size() == 1 ? "is" : "es",
                               std::filesystem::path(spec.data).filename().string(), data.panel.summary());
      return;
    }
    StudyReport rep = run_study(spec, o->threads, o->no_cache ? "" : (std::filesystem::path(spec.dir) / ".cbec-cache").string());
    const std::string folder = o->out.empty() ? (std::filesystem::path(spec.dir) / spec.output).string() : o->out;
    for (const auto& w : write_report(rep, folder)) std::cerr << "warning: " << w << "\n";
    std::cout << fmt::format("{}: {} analyses{}; report in {}/index.html\n", spec.title, rep.sections.size(),
                             rep.reused ? fmt::format(" ({} reused from the cache)", rep.reused) : "", folder);
  });
}

}  // namespace cbec::cli

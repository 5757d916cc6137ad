#include "cbec/report/web_assets.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

#include "cbec/core/resource_dir.hpp"

namespace cbec {

std::string web_dir() {
  std::string dir = find_resource_dir("web", "render_figures.mjs", "CBEC_WEB_DIR");
  return dir.empty() ? "web" : dir;   // missing: the messages below name where it was expected
}

std::optional<std::string> web_asset(const std::string& relative_path) {
  std::ifstream in(std::filesystem::path(web_dir()) / "node_modules" / relative_path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string render_figure_files(const std::string& folder) {
  const std::string script = (std::filesystem::path(web_dir()) / "render_figures.mjs").string();
  if (!std::filesystem::exists(script) || !std::filesystem::exists(std::filesystem::path(web_dir()) / "node_modules" / "vega"))
    return fmt::format("SVG/PNG figures not written: the npm packages are missing in {} (run scripts/install-deps.sh)", web_dir());
  std::vector<std::string> args = {"node", script, folder};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "node", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return "SVG/PNG figures not written: Node.js (node) is not installed";
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return fmt::format("SVG/PNG figures not written: {} failed", script);
  return "";
}

}  // namespace cbec

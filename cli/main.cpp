// cbec: the command-line tool. Each subcommand lives in its own cmd_*.cpp; no statistics here.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cbec/core/error.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"cbec: panel, spatial and policy-evaluation econometrics for CBEC research"};
  app.set_version_flag("--version", std::string("cbec ") + CBEC_VERSION);
  app.require_subcommand(1);
  for (const auto& add : cbec::cli::all_commands()) add(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const cbec::Error& e) {
    std::cerr << "cbec: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cbec: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}

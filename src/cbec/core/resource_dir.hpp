// Where cbec finds the files it ships beside the program (data/, web/): never a path baked in at
// build time, so the library builds the same wherever its sources are.
#pragma once
#include <string>

namespace cbec {

// The folder `name` (e.g. "data") holding `marker` (a file that must be in it), searched in order:
// the environment variable `env` when set, <program folder>/../<name> (a build inside the source
// tree: build/cbec), <program folder>/../share/cbec/<name> (an installed cbec). Empty when absent;
// `tried` receives every place looked at, for the caller's error message.
std::string find_resource_dir(const std::string& name, const std::string& marker, const char* env, std::string* tried = nullptr);

}  // namespace cbec

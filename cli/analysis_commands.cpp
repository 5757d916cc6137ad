// The subcommands generated from the analysis registry: one per command group (`cbec did`), its
// flags the union of its analyses' option schemas, the chosen analysis run through the same
// validation and the same `run` as a study step. No analysis is wired here by hand.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean_cache.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/stats/reduce_exchange.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "output.hpp"
#include "processes.hpp"
#include "spatial_input.hpp"

namespace cbec::cli {

namespace {

struct GroupArgs {
  std::string data, selector, unit, time, panel, first_treat, save;
  std::string seed = "12345";
  int threads = 0;
  std::map<std::string, std::vector<std::string>> raw;   // option key -> the texts given
  std::map<std::string, CLI::Option*> flags;
  SpatialInputArgs spatial;
  CsvDeclaration input;
  OutputOptions out;
};

// One option's help and default, as its declaration says.
std::string described(const OptionSpec& spec) {
  std::string h = spec.help;
  if (!spec.default_value.is_null() && !(spec.kind == OptionKind::Flag))
    h += fmt::format(" (default {})", spec.default_value.is_string() ? spec.default_value.get<std::string>() : spec.default_value.dump());
  if (!spec.choices.empty()) h += fmt::format(" [{}]", fmt::join(spec.choices, "|"));
  return h;
}

// The help of an option the group's analyses share: each distinct declaration with the analyses
// that use it ("--lags" is a selection rule for unitroot but a fixed count for cips).
std::string help_of(const OptionSpec& spec, const CommandGroup& g) {
  std::vector<std::pair<std::string, std::vector<std::string>>> meanings;   // described text -> users
  size_t users = 0;
  for (const Analysis* a : g.analyses)
    for (const OptionSpec& s : a->options)
      if (s.key == spec.key) {
        const std::string text = described(s);
        auto it = std::find_if(meanings.begin(), meanings.end(), [&](const auto& m) { return m.first == text; });
        if (it == meanings.end()) it = meanings.insert(meanings.end(), {text, {}});
        it->second.push_back(a->name);
        ++users;
        break;
      }
  if (meanings.empty()) return described(spec);
  const bool all = g.analyses.size() <= 1 || users == g.analyses.size();
  if (meanings.size() == 1) return all ? meanings[0].first : fmt::format("{} {{{}}}", meanings[0].first, fmt::join(meanings[0].second, ", "));
  std::string h;
  for (const auto& [text, names] : meanings) h += fmt::format("{}{{{}}}: {}", h.empty() ? "" : "; ", fmt::join(names, ", "), text);
  return h;
}

bool any_need(const CommandGroup& g, bool Needs::*need) {
  return std::any_of(g.analyses.begin(), g.analyses.end(), [&](const Analysis* a) { return a->needs.*need; });
}

void add_group(CLI::App& app, const CommandGroup& g) {
  auto args = std::make_shared<GroupArgs>();
  std::string description = g.summary;
  if (g.analyses.size() > 1) {
    description += fmt::format(". {}:", g.selector_positional ? "Analyses" : flag_name(g.selector));
    for (const Analysis* a : g.analyses) description += fmt::format("\n  {:<12} {}", a->name, a->summary);
  }
  auto* cmd = app.add_subcommand(g.name, description);
  if (g.analyses.size() > 1) {
    std::vector<std::string> names;
    for (const Analysis* a : g.analyses) names.push_back(a->name);
    const std::string help = fmt::format("{}{}", fmt::join(names, " | "), g.default_analysis.empty() ? "" : " (default " + g.default_analysis + ")");
    auto* sel = g.selector_positional ? cmd->add_option(g.selector, args->selector, help) : cmd->add_option(flag_name(g.selector), args->selector, help);
    if (g.default_analysis.empty()) sel->required();
  }
  cmd->add_option("data", args->data, "Data file (.csv, .tsv, .dta)")->required();
  add_input_options(*cmd, args->input);
  std::vector<std::string> seen;
  for (const Analysis* a : g.analyses)
    for (const auto& spec : a->options) {
      if (std::find(seen.begin(), seen.end(), spec.key) != seen.end()) continue;
      seen.push_back(spec.key);
      auto& target = args->raw[spec.key];
      std::string flags = flag_name(spec.key);
      for (const auto& alias : spec.aliases) flags += "," + flag_name(alias);
      if (spec.kind == OptionKind::Flag) {
        args->flags[spec.key] = cmd->add_flag(flags)->description(help_of(spec, g));
      } else if (spec.positional) {
        cmd->add_option(spec.key, target, help_of(spec, g));
      } else {
        auto* opt = cmd->add_option(flags, target, help_of(spec, g));
        // A range is "-4,3" or, as CLI11 splits a bracketed list, "[-4,3]" (two items).
        if (spec.kind == OptionKind::Range) opt->expected(1, 2);
        else if (spec.kind != OptionKind::TextList && spec.kind != OptionKind::Terms) opt->expected(1)->allow_extra_args(false);   // "--test kao data.csv": the file is the data
      }
    }
  const bool panel = std::any_of(g.analyses.begin(), g.analyses.end(), [](const Analysis* a) { return a->needs.panel != PanelNeed::None; });
  if (panel) {
    cmd->add_option("--unit", args->unit, "Unit identifier column");
    cmd->add_option("--time", args->time, "Time period column (whole numbers)");
    cmd->add_option("--panel", args->panel, "unit,time: the same as --unit and --time");
  }
  if (any_need(g, &Needs::treatment))
    cmd->add_option("--first-treat", args->first_treat, "First treatment period of each unit (0 or missing: never treated)");
  if (any_need(g, &Needs::resampling)) {
    cmd->add_option("--seed", args->seed, "Random seed (the same seed gives the same numbers whatever the thread count)");
    cmd->add_option("--threads", args->threads, "Threads for replications (default: all)")->check(CLI::Range(0, Resampling::kMaxThreads));
  }
  if (any_need(g, &Needs::spatial)) add_spatial_input_options(*cmd, args->spatial);
  std::vector<std::string> creators;
  for (const Analysis* a : g.analyses)
    if (a->creates) creators.push_back(a->name);
  if (!creators.empty())
    cmd->add_option("--save", args->save, fmt::format("Write the data with the new column(s) to this .csv file{}",
                                                      creators.size() < g.analyses.size() ? fmt::format(" {{{}}}", fmt::join(creators, ", ")) : ""));
  add_output_options(*cmd, args->out);
  cmd->callback([args, g] {
    const std::string chosen = args->selector.empty() ? (g.analyses.size() == 1 ? g.analyses[0]->name : g.default_analysis) : args->selector;
    const Analysis& a = find_analysis(chosen);
    if (a.command != g.name) throw SpecError(fmt::format("'{}' is not an analysis of cbec {}; it is run by cbec {}", chosen, g.name, a.command));
    std::vector<RawOption> raw;
    for (const auto& [key, texts] : args->raw) {
      // CLI11 gives an option left without its value the next arguments, even another option's name.
      for (const auto& text : texts)
        if (text.size() > 2 && text.rfind("--", 0) == 0 && std::isalpha(static_cast<unsigned char>(text[2])))
          throw SpecError(fmt::format("{} needs a value before the next option (it was given '{}')", flag_name(key), text));
      if (!texts.empty()) raw.push_back({key, texts.size() == 1 ? nlohmann::json(texts[0]) : nlohmann::json(texts), flag_name(key), true});
    }
    for (const auto& [key, flag] : args->flags)
      if (flag->count() > 0) raw.push_back({key, "true", flag_name(key), true});
    std::vector<std::string> problems;
    const Options options = validate_options(a.options, raw, a.name, problems);
    if (!problems.empty()) throw SpecError(fmt::format("{}", fmt::join(problems, "; ")));
    AnalysisContext ctx;
    ctx.data = args->data;
    ctx.unit = args->unit;
    ctx.time = args->time;
    if (!args->panel.empty()) std::tie(ctx.unit, ctx.time) = parse_panel(args->panel);
    ctx.first_treat = args->first_treat;
    ctx.resampling = {parse_seed(args->seed, "--seed"), args->threads};
    DemeanCache cache;
    ctx.cache = &cache;
    if (!args->save.empty() && !a.creates) throw SpecError(fmt::format("--save: '{}' adds no column to the data", a.name));
    ctx.frame_disposable = args->save.empty();
    StageTimer timer;
    ctx.timer = args->out.timing ? &timer : nullptr;
    StageLap lap(ctx.timer);
    // Under mpirun, an analysis that can take its rows in shares has each process read its part.
    CsvOptions csv = declared_csv(args->input, "--");
    ReduceExchange* processes = reduce_exchange();
    // A CSV read for an analysis that names every column it reads (formulas, column options, vcov,
    // subset; the panel's unit and time) is parsed for those columns only, whole or in shares.
    if (a.names_every_column && a.names_every_column(options) && args->save.empty() && !csv.cache)
      if (const auto header = column_names(args->data, csv)) {
        std::vector<std::string> texts{ctx.unit, ctx.time, ctx.first_treat};
        for (const auto& [key, given] : args->raw) texts.insert(texts.end(), given.begin(), given.end());
        csv.only_columns = columns_named(*header, texts);
      }
    std::optional<Frame> share;
    if (processes && a.shares_by) share = read_table_shares(args->data, csv, a.shares_by(options, ctx), *processes, ctx.rows_split_by);
    Frame frame = share ? std::move(*share) : read_table(args->data, csv);
    share.reset();
    lap.lap(Stage::Read);
    SpatialSetup spatial;
    if (a.needs.spatial)
      ctx.spatial = [&](const Frame& f) -> const SpatialSetup& {
        if (spatial.w.ids.empty()) spatial = spatial_setup_from_args(args->spatial, f, args->data);
        return spatial;
      };
    Outcome out = run_analysis(a, frame, options, ctx);
    if (!writes_output()) return;  // under mpirun, rank 0 writes for all (processes.hpp)
    if (!args->save.empty()) {
      write_csv(frame, args->save);
      if (!out.tables.empty())
        out.tables.front().notes.push_back(fmt::format("Written to {} with the new column(s) {}.", args->save, fmt::join(a.creates(options), ", ")));
    }
    emit(out.tables, out.json, args->out, ctx.timer);
  });
}

}  // namespace

void add_analysis_commands(CLI::App& app) {
  for (const auto& g : command_groups()) add_group(app, g);
}

}  // namespace cbec::cli

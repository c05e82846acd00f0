// `leda wfm`: WFM schedules. `leda wfm import` turns a WFM export (NICE IEX, Genesys Cloud,
// the neutral CSV) into the neutral schedule CSV (wfm/importers.hpp).
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "util/atomic_file.hpp"
#include "wfm/importers.hpp"

namespace leda::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kWfmUsage =
    "leda wfm: WFM schedules (the `schedule` and `activities` joins of wfm-adherence)\n\n"
    "usage: leda wfm import --from iex|genesys|csv FILE... --out schedule.csv [options]\n"
    "       leda wfm import --help\n\n"
    "commands:\n"
    "  import   convert a WFM export into the neutral schedule CSV\n\n"
    "exit codes: 0 ok, 1 partly failed, 2 usage error, 3 nothing could be done\n";

constexpr const char* kImportHelp =
    "leda wfm import: convert a WFM schedule export into the neutral schedule CSV\n\n"
    "usage: leda wfm import --from iex|genesys|csv FILE... --out schedule.csv [options]\n\n"
    "Writes wfm_agent_id,schedule_date,activity_code,start,end,paid: one row per scheduled\n"
    "activity, times RFC 3339 with the management unit's UTC offset at that instant, sorted by\n"
    "agent and start (a base row before an overlay that starts with it; the later of two\n"
    "overlapping rows wins). Prints what was read and skipped. The output is written whole or\n"
    "not at all.\n\n"
    "  --from iex      NICE IEX schedule detail export, pipe-delimited, one row per activity:\n"
    "                  columns from a '#fields:' first line, else --fields; by default\n"
    "                  schedDate (MMDDYYYY), tvID, excCode, startTime, stopTime and an optional\n"
    "                  excDate (the date of startTime, for the second half of a night shift).\n"
    "                  Times are local to the management unit (--tz, required); a stop at or\n"
    "                  before the start is on the next day (00:00|00:00 is a whole day).\n"
    "  --from genesys  Genesys Cloud schedule-search JSON: each shift activity is a row of its\n"
    "                  user; fullDayTimeOffMarkers (days off) have no scheduled time and are\n"
    "                  only listed.\n"
    "  --from csv      the neutral CSV itself: checked, offsets kept, sorted.\n\n"
    "A row that cannot be read is named (file, line or JSON path, field, reason) on stderr and\n"
    "skipped; every other row is written.\n\n"
    "exit codes: 0 every row was read and written;\n"
    "            1 some rows or files could not be read (the others were written; with\n"
    "              --strict nothing was written);\n"
    "            2 usage error (unknown option, an option of another --from, bad --tz);\n"
    "            3 nothing could be done (no file or row could be read, the activity code\n"
    "              list cannot be read, the output cannot be written)\n\n"
    "options";

struct ImportArgs {
  std::string from, out, tz, fields, time_format = "24h", fold = "earlier", unpaid;
  std::string activity_codes;
  std::vector<std::string> field_names, files;
  bool strict = false;
};

// A usage error for an option given with the wrong --from, or empty when there is none.
std::string misplaced_option(const po::variables_map& vm, const std::string& from) {
  struct Only {
    const char* option;
    const char* source;
  };
  constexpr Only kOnly[] = {{"fields", "iex"}, {"field", "iex"},  {"time-format", "iex"},
                            {"fold", "iex"},   {"unpaid", "iex"}, {"activity-codes", "genesys"}};
  for (const Only& o : kOnly)
    if (vm.count(o.option) && !vm[o.option].defaulted() && from != o.source)
      return fmt::format("--{} applies to --from {} only", o.option, o.source);
  if (from == "csv" && vm.count("tz"))
    return "--tz does not apply to --from csv (it keeps offsets)";
  return {};
}

void print_summary(const ImportArgs& a, const wfm::ImportResult& r) {
  std::set<std::string> agents;
  for (const auto& n : r.rows)
    agents.insert(n.row.wfm_agent_id);
  const bool one = r.records == 1;
  const char* unit = a.from == "iex"       ? (one ? "line" : "lines")
                     : a.from == "genesys" ? (one ? "activity" : "activities")
                                           : (one ? "row" : "rows");
  std::string line =
      fmt::format("leda wfm import: {}, {} file{}: {} {} read, {} row{} for {} agent{}", a.from,
                  r.files.size(), r.files.size() == 1 ? "" : "s", r.records, unit, r.rows.size(),
                  r.rows.size() == 1 ? "" : "s", agents.size(), agents.size() == 1 ? "" : "s");
  if (a.from == "iex") line += fmt::format(" ({} full-day, days off)", r.full_day_rows);
  line += fmt::format(", {} skipped", r.errors.size());
  if (!r.file_errors.empty())
    line += fmt::format(", {} file{} unreadable", r.file_errors.size(),
                        r.file_errors.size() == 1 ? "" : "s");
  std::printf("%s\n", line.c_str());
  if (!r.ignored_columns.empty()) {
    std::string cols;
    for (const auto& c : r.ignored_columns)
      cols += (cols.empty() ? "" : ", ") + c;
    std::printf("  unknown columns ignored: %s\n", cols.c_str());
  }
  if (!r.days_off.empty()) {
    std::string days;
    for (const auto& d : r.days_off)
      days += (days.empty() ? "" : ", ") + d.wfm_agent_id + " " + d.date;
    std::printf("  days off (fullDayTimeOffMarkers, no scheduled time): %zu: %s\n",
                r.days_off.size(), days.c_str());
  }
  for (const auto& id : r.flattened)
    std::printf(
        "  %s: an overlay starts before the row under it; its rows are written as their "
        "layers\n",
        id.c_str());
}

int import(int argc, char** argv) {
  ImportArgs a;
  po::options_description desc(kImportHelp);
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("from", po::value(&a.from)->value_name("iex|genesys|csv"), "the export's format (required)")
    ("out,o", po::value(&a.out)->value_name("FILE"), "the neutral schedule CSV to write (required)")
    ("tz", po::value(&a.tz)->value_name("ZONE"),
     "the management unit's IANA zone: required for iex; for genesys only when the file has no "
     "managementUnitTimeZone")
    ("fields", po::value(&a.fields)->value_name("A|B|..."),
     "iex: the column names, for files without a '#fields:' line (a file's own line wins)")
    ("field", po::value(&a.field_names)->value_name("ROLE=NAME"),
     "iex: the column of ROLE agent (tvID), date (schedDate), code (excCode), start (startTime) "
     "or stop (stopTime); may be repeated")
    ("time-format", po::value(&a.time_format)->value_name("24h|12h")->default_value("24h"),
     "iex: HH:MM, or hh:mmAM / hh:mmPM")
    ("fold", po::value(&a.fold)->value_name("earlier|later")->default_value("earlier"),
     "iex: a local time that occurs twice (DST ends) is its first or its second occurrence; a "
     "time that does not exist (DST starts) is an error")
    ("unpaid", po::value(&a.unpaid)->value_name("CODES"),
     "iex: activity codes (comma-separated) written paid=false; all others are paid")
    ("activity-codes", po::value(&a.activity_codes)->value_name("FILE"),
     "genesys: the activity code list ({\"entities\": [{\"id\", \"name\"}]}): codes are "
     "written by name instead of by activityCodeId")
    ("strict", po::bool_switch(&a.strict), "write nothing when any row or file cannot be read")
    ("file", po::value(&a.files)->value_name("FILE"), "input files (plain arguments)");
  // clang-format on
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(desc).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "leda wfm import: %s (see leda wfm import --help)\n", e.what());
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  auto usage = [](const std::string& message) {
    std::fprintf(stderr, "leda wfm import: %s (see leda wfm import --help)\n", message.c_str());
    return kExitUsage;
  };
  if (a.from != "iex" && a.from != "genesys" && a.from != "csv")
    return usage(a.from.empty() ? "--from iex|genesys|csv is required"
                                : "--from must be iex, genesys or csv, not '" + a.from + "'");
  if (a.out.empty()) return usage("--out FILE is required");
  if (a.files.empty()) return usage("no input FILE given");
  if (const std::string m = misplaced_option(vm, a.from); !m.empty()) return usage(m);

  wfm::ImportResult r;
  try {
    if (a.from == "iex") {
      wfm::IexOptions o;
      if (a.tz.empty()) return usage("--tz ZONE (the management unit's time zone) is required");
      o.tz = a.tz;
      o.fields = wfm::split_names(a.fields);
      for (const auto& f : a.field_names)
        wfm::add_iex_field_name(o, f);
      if (a.time_format != "24h" && a.time_format != "12h")
        return usage("--time-format must be 24h or 12h, not '" + a.time_format + "'");
      o.twelve_hour = a.time_format == "12h";
      if (a.fold != "earlier" && a.fold != "later")
        return usage("--fold must be earlier or later, not '" + a.fold + "'");
      o.fold = a.fold == "later" ? wfm::Fold::kLater : wfm::Fold::kEarlier;
      for (const auto& c : wfm::split_names(a.unpaid))
        o.unpaid.insert(c);
      r = wfm::import_iex(a.files, o);
    } else if (a.from == "genesys") {
      r = wfm::import_genesys(a.files, {a.activity_codes, a.tz});
    } else {
      r = wfm::import_csv(a.files);
    }
  } catch (const wfm::WfmZoneError& e) {
    return usage(std::string("--tz: ") + e.what());
  } catch (const wfm::WfmUsageError& e) {
    return usage(e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda wfm import: %s\n", e.what());
    return kExitFailed;
  }

  for (const auto& e : r.file_errors)
    std::fprintf(stderr, "leda wfm import: %s\n", e.text().c_str());
  for (const auto& e : r.errors)
    std::fprintf(stderr, "leda wfm import: %s\n", e.text().c_str());
  print_summary(a, r);
  const bool failures = !r.errors.empty() || !r.file_errors.empty();
  if (failures && r.rows.empty()) {
    std::printf("  nothing written: no row could be read\n");
    return kExitFailed;
  }
  if (failures && a.strict) {
    std::printf("  nothing written (--strict)\n");
    return kExitPartial;
  }
  try {
    util::write_file_atomically(a.out, wfm::neutral_csv(r.rows));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda wfm import: %s\n", e.what());
    return kExitFailed;
  }
  std::printf("  wrote %s (%zu row%s)\n", a.out.c_str(), r.rows.size(),
              r.rows.size() == 1 ? "" : "s");
  return failures ? kExitPartial : kExitOk;
}

}  // namespace

int wfm(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kWfmUsage, stderr);
    return kExitUsage;
  }
  const std::string_view sub = argv[1];
  if (sub == "--help" || sub == "-h" || sub == "help") {
    std::fputs(kWfmUsage, stdout);
    return kExitOk;
  }
  if (sub == "import") return import(argc - 1, argv + 1);
  std::fprintf(stderr, "leda wfm: unknown command '%s'\n\n%s", argv[1], kWfmUsage);
  return kExitUsage;
}

}  // namespace leda::cli

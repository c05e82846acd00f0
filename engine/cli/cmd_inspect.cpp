// `leda inspect`: load Data Access files and describe what was read (load/load_report.hpp).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "load/load_report.hpp"
#include "load/loader.hpp"

namespace leda::cli {
namespace po = boost::program_options;

int inspect(int argc, char** argv) {
  std::vector<std::string> data;
  std::string format = "table";
  unsigned threads = 0;
  po::options_description desc(
      "leda inspect: load Data Access files and describe them\n\n"
      "usage: leda inspect --data DIR|FILE... [--format table|json] [--threads N] [--strict]\n\n"
      "Reads every file under each DIR (recursively; names starting with '.' and files ending\n"
      "in .csv, .md, .txt or .json.tmp are skipped) and each FILE named, gzip or plain JSON.\n"
      "Prints files and records per data type, sessions after merging by natural key,\n"
      "duplicates dropped, the time range, schema versions, unknown fields and union branches,\n"
      "errors (the first 20 with file, line and byte offset), bytes read, load throughput and\n"
      "memory. Bad records are reported and skipped; the good ones are always loaded.\n\n"
      "exit codes: 0 loaded (errors are reported but do not fail without --strict),\n"
      "            1 --strict and the input had errors, 2 usage error,\n"
      "            3 a path does not exist or holds no data file\n\n"
      "options");
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("data,d", po::value(&data)->value_name("DIR|FILE")->multitoken(),
     "directories and files to read (may be repeated; also taken as plain arguments)")
    ("format,f", po::value(&format)->value_name("table|json")->default_value(format),
     "output: a readable table, or JSON for other tools")
    ("threads,t", po::value(&threads)->value_name("N")->default_value(0),
     "parsing threads (0: all cores); the result is the same for any N")
    ("strict", "exit with code 1 when any error was found in the input");
  // clang-format on
  po::positional_options_description positional;
  positional.add("data", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(desc).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "leda inspect: %s (see leda inspect --help)\n", e.what());
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  if (format != "table" && format != "json") {
    std::fprintf(stderr, "leda inspect: --format must be table or json, not '%s'\n",
                 format.c_str());
    return kExitUsage;
  }
  if (data.empty()) {
    std::fprintf(stderr, "leda inspect: --data DIR|FILE is required (see leda inspect --help)\n");
    return kExitUsage;
  }

  load::LoadOptions options;
  options.threads = threads;
  options.needs = kNeedEverything;
  options.progress = true;
  load::LoadResult result;
  try {
    result = load::load(data, options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda inspect: %s\n", e.what());
    return kExitFailed;
  }
  if (result.stats.files_total == 0) {
    std::fprintf(stderr, "leda inspect: no data files found\n");
    return kExitFailed;
  }
  const std::string report = format == "json" ? load_report_json(result.stats, result.model)
                                              : load_report_table(result.stats, result.model);
  std::fwrite(report.data(), 1, report.size(), stdout);
  if (result.stats.errors > 0 && vm.count("strict")) return kExitPartial;
  return kExitOk;
}

}  // namespace leda::cli

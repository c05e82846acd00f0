// wfm/csv_import.cpp — the neutral schedule CSV, checked and normalized (see importers.hpp).
#include "host/csv_reader.hpp"
#include "wfm/importers.hpp"
#include "wfm/schedule_reader.hpp"

namespace leda::wfm {

ImportResult import_csv(const std::vector<std::string>& files) {
  ImportResult r;
  r.files = files;
  for (std::uint32_t f = 0; f < files.size(); ++f) {
    try {
      const JoinTable csv = host::read_csv("schedule", files[f]);
      r.records += csv.rows();
      std::vector<NeutralRow> rows = parse_schedule_rows(csv, f, r.errors, &r.ignored_columns);
      for (NeutralRow& n : rows)
        r.rows.push_back(std::move(n));
    } catch (const JoinError& e) {
      r.file_errors.push_back({{}, 0, {}, {}, e.what()});  // the message names the file
    }
  }
  finish_import(r);
  return r;
}

}  // namespace leda::wfm

// Genesys Cloud schedule-search JSON (wfm/importers.hpp import_genesys). New York is UTC-4
// (EDT) until 2026-11-01 06:00Z and UTC-5 (EST) after.
#include <catch2/catch.hpp>

#include "../host/cli_support.hpp"
#include "wfm/importers.hpp"
#include "wfm_support.hpp"

using Catch::Contains;
using leda::wfm::GenesysOptions;
using leda::wfm::ImportResult;
using wfmtest::fixture;
using wfmtest::utc;

namespace {

// A schedule search result with one user whose one shift holds `activities`.
std::string one_shift(const std::string& activities, const std::string& zone = "\"UTC\"") {
  return "{\"managementUnitTimeZone\": " + zone +
         ", \"userSchedules\": {\"u1\": {\"shifts\": [{\"startDate\": "
         "\"2026-10-31T12:00:00Z\", \"activities\": [" +
         activities + "]}]}}}";
}

const std::string kGood =
    "{\"activityCodeId\": \"0\", \"startDate\": \"2026-10-31T12:00:00Z\", \"lengthInMinutes\": 60}";

ImportResult import_text(const std::string& json, GenesysOptions o = {}) {
  leda::test::TempDir dir("wfm-genesys");
  leda::test::write_file(dir / "s.json", json);
  return leda::wfm::import_genesys({dir / "s.json"}, o);
}

}  // namespace

TEST_CASE("Genesys: activities become rows, codes by name with the code list", "[wfm][genesys]") {
  GenesysOptions o;
  o.activity_codes = fixture("genesys-activity-codes.json");
  const ImportResult r = leda::wfm::import_genesys({fixture("genesys-schedule.json")}, o);
  CHECK(r.errors.empty());
  CHECK(r.file_errors.empty());
  CHECK(r.records == 4);
  CHECK(leda::wfm::neutral_csv(r.rows) ==
        "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
        // 12:00Z + 480 min = 20:00Z: 08:00 to 16:00 EDT
        "4a2e-agent-a,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:00:00-04:00,true\n"
        "4a2e-agent-a,2026-10-31,BREAK,2026-10-31T10:00:00-04:00,2026-10-31T10:15:00-04:00,true\n"
        // starts 02:00Z = 22:00 EDT on Oct 31 (the schedule date); + 510 min = 10:30Z = 05:30 EST
        "9f1c-agent-b,2026-10-31,WORK,2026-10-31T22:00:00-04:00,2026-11-01T05:30:00-05:00,true\n"
        // 06:00Z is the second 01:00 of the night, in EST; countsAsPaidTime false
        "9f1c-agent-b,2026-10-31,MEAL,2026-11-01T01:00:00-05:00,2026-11-01T01:30:00-05:00,false\n");
  CHECK(r.rows[3].row.start == utc(2026, 11, 1, 6));
  CHECK(r.rows[3].row.end == utc(2026, 11, 1, 6, 30));
  // The full-day time off has no scheduled time: listed, not imported.
  REQUIRE(r.days_off.size() == 1);
  CHECK(r.days_off[0].wfm_agent_id == "9f1c-agent-b");
  CHECK(r.days_off[0].date == "2026-11-02");
}

TEST_CASE("Genesys: without the code list the activityCodeId is the code", "[wfm][genesys]") {
  const ImportResult r = leda::wfm::import_genesys({fixture("genesys-schedule.json")}, {});
  REQUIRE(r.rows.size() == 4);
  CHECK(r.rows[0].row.activity_code == "0");
  CHECK(r.rows[1].row.activity_code == "1");
  CHECK(r.rows[3].row.activity_code == "2");
  CHECK_FALSE(r.rows[3].row.paid);
}

TEST_CASE("Genesys: a bad activity is named by its JSON path, the others are kept",
          "[wfm][genesys]") {
  const ImportResult r = import_text(
      one_shift(kGood + ", {\"activityCodeId\": \"1\", \"startDate\": \"2026-10-31T13:00:00Z\"}"
                        ", {\"activityCodeId\": \"1\", \"startDate\": \"2026-10-31T13:00:00\", "
                        "\"lengthInMinutes\": 15}"
                        ", {\"startDate\": \"2026-10-31T13:00:00Z\", \"lengthInMinutes\": 15}"
                        ", {\"activityCodeId\": \"1\", \"startDate\": \"2026-10-31T14:00:00Z\", "
                        "\"lengthInMinutes\": 15, \"countsAsPaidTime\": \"yes\"}"));
  REQUIRE(r.errors.size() == 4);
  CHECK_THAT(r.errors[0].text(),
             Contains("s.json: userSchedules[\"u1\"].shifts[0].activities[1].lengthInMinutes: "
                      "missing"));
  CHECK_THAT(r.errors[1].text(),
             Contains("activities[2].startDate: no UTC offset (add Z or +HH:MM): "
                      "'2026-10-31T13:00:00'"));
  CHECK_THAT(r.errors[2].text(), Contains("activities[3].activityCodeId: missing"));
  CHECK_THAT(r.errors[3].text(), Contains("activities[4].countsAsPaidTime: not true or false"));
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].row.start == utc(2026, 10, 31, 12));
  CHECK(r.rows[0].row.end == utc(2026, 10, 31, 13));
  CHECK(r.rows[0].row.paid);  // no countsAsPaidTime: paid
  CHECK(r.records == 5);
}

TEST_CASE("Genesys: files that cannot be read at all", "[wfm][genesys]") {
  const ImportResult broken = import_text("{\"userSchedules\": {\n  \"u1\": [}\n}");
  REQUIRE(broken.file_errors.size() == 1);
  CHECK_THAT(broken.file_errors[0].text(), Contains("s.json: not JSON at line 2, column 10"));

  const std::string no_zone =
      "{\"userSchedules\": {\"u1\": {\"shifts\": [{\"startDate\": \"2026-10-31T12:00:00Z\", "
      "\"activities\": [" +
      kGood + "]}]}}}";
  const ImportResult missing = import_text(no_zone);
  REQUIRE(missing.file_errors.size() == 1);
  CHECK_THAT(missing.file_errors[0].text(),
             Contains("managementUnitTimeZone: missing (give the zone with --tz)"));
  GenesysOptions chicago;
  chicago.tz = "America/Chicago";
  const ImportResult given = import_text(no_zone, chicago);
  REQUIRE(given.rows.size() == 1);
  CHECK(given.rows[0].start_offset_min == -300);  // CDT on Oct 31

  const ImportResult unknown = import_text(one_shift(kGood, "\"Mars/Olympus\""));
  REQUIRE(unknown.file_errors.size() == 1);
  CHECK_THAT(unknown.file_errors[0].text(),
             Contains("managementUnitTimeZone: unknown time zone 'Mars/Olympus'"));

  const ImportResult not_users = import_text("{\"managementUnitTimeZone\": \"UTC\"}");
  REQUIRE(not_users.file_errors.size() == 1);
  CHECK_THAT(not_users.file_errors[0].text(), Contains("userSchedules: missing"));
}

TEST_CASE("Genesys: an id missing from the code list, a bad code list", "[wfm][genesys]") {
  GenesysOptions o;
  o.activity_codes = fixture("genesys-activity-codes.json");
  const ImportResult r =
      import_text(one_shift("{\"activityCodeId\": \"9\", \"startDate\": \"2026-10-31T12:00:00Z\", "
                            "\"lengthInMinutes\": 60}"),
                  o);
  REQUIRE(r.errors.size() == 1);
  CHECK_THAT(r.errors[0].text(),
             Contains("activities[0].activityCodeId: '9' is not in the activity code list"));

  leda::test::TempDir dir("wfm-codes");
  leda::test::write_file(dir / "codes.json",
                         "{\"entities\": [{\"id\": \"0\", \"name\": \"WORK\"}, "
                         "{\"id\": \"0\", \"name\": \"OTHER\"}]}");
  o.activity_codes = dir / "codes.json";
  CHECK_THROWS_WITH(import_text(one_shift(kGood), o),
                    Contains("codes.json: entities[1].id: '0' is listed twice"));
  leda::test::write_file(dir / "codes.json", "{\"entities\": [{\"id\": \"0\"}]}");
  CHECK_THROWS_WITH(import_text(one_shift(kGood), o),
                    Contains("codes.json: entities[0].name: missing"));
}

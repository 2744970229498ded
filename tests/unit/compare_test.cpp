// The comparison (Engine::compare): the policies a region has had, each
// column the estimate's own answer for its policy and date, and the variants
// the current policy allows; and the rule data's fingerprint in the catalog.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.h"

using namespace uie_test;
using nlohmann::json;

namespace {

json shanxi_enterprise(const std::string& date) {
  return {{"region", "140000"}, {"date", date}, {"program", "stabilization_refund"},
          {"facts", {{"unit_type", "enterprise"}, {"contribution_months", 24}, {"insured_headcount", 80},
                     {"layoffs", 4}, {"contributions_paid", 56789.12}}}};
}

json compare(const json& request) { return json::parse(engine().compare(request.dump(), {"2026-12-06"})); }

std::vector<std::string> column_ids(const json& c) {
  std::vector<std::string> ids;
  for (const auto& col : c["columns"]) {
    std::string id = col["policy"].get<std::string>();
    if (!col["variant"].is_null()) id += "+" + col["variant"]["kind"].get<std::string>();
    ids.push_back(id);
  }
  return ids;
}

// The request a column answers: its policy and date named, its variant's fact set.
json column_request(json request, const json& col) {
  request["policy"] = col["policy"];
  request["date"] = col["as_of"];
  if (!col["variant"].is_null()) request["facts"][col["variant"]["fact"].get<std::string>()] = col["variant"]["value"];
  return request;
}

}  // namespace

TEST_CASE("a Shanxi enterprise's comparison: 2021, 2024, 2025, both sizes and the uplift if adopted") {
  json request = shanxi_enterprise("2025-08-01");
  json c = compare(request);
  REQUIRE(c["ok"] == true);
  CHECK(column_ids(c) == std::vector<std::string>{"cn-2021-29", "sx-2024-28", "sx-2025-13", "sx-2025-13+size",
                                                  "sx-2025-13+size", "sx-2025-13+uplift"});
  CHECK(c["current"] == 2);
  CHECK(c["columns"][0]["as_of"] == "2021-08-01");  // the same day, in the document's year
  CHECK(c["columns"][1]["as_of"] == "2024-08-01");
  CHECK(c["columns"][3]["variant"]["value"] == "sme");
  CHECK(c["columns"][4]["variant"]["value"] == "large");
  // Every column but the adopted uplift is exactly what estimate answers with its policy and date named.
  for (std::size_t i = 0; i + 1 < c["columns"].size(); ++i) {
    const json& col = c["columns"][i];
    INFO(col["policy"] << " " << col["variant"]);
    CHECK(col["answer"] == json::parse(engine().estimate(column_request(request, col).dump(), "2026-12-06")));
  }
  CHECK(c["columns"][3]["answer"]["amount_fen"] == 3407347);  // 60% of 56 789.12
  CHECK(c["columns"][4]["answer"]["amount_fen"] == 1703674);  // 30%
  const json& up = c["columns"][5];
  CHECK(up["variant"]["fact"] == "related_enterprise");
  CHECK(up["variant"]["if_adopted"] == true);
  CHECK(up["variant"]["cite"]["doc_no"] == "国办发〔2025〕25号");
  CHECK(up["answer"]["candidates"]["sme"] == 5111021);    // 90%
  CHECK(up["answer"]["candidates"]["large"] == 2839456);  // 50%
}

TEST_CASE("the uplift if adopted equals a reform that adopts it") {
  // The reform written by hand (rules/reforms/sx-2025-related-uplift.json)
  // against the comparison's reading of the inherited cases.
  auto reformed = engine().reform(read_file(UIE_SOURCE_DIR "/rules/reforms/sx-2025-related-uplift.json"));
  REQUIRE(reformed.ok());
  json request = shanxi_enterprise("2025-08-01");
  request["facts"]["size"] = "sme";
  json c = compare(request);
  const json& up = c["columns"].back();
  REQUIRE(up["variant"]["kind"] == "uplift");
  json under = json::parse(reformed.engine->estimate(column_request(request, up).dump(), "2026-12-06"));
  CHECK(up["answer"]["amount_fen"] == under["amount_fen"]);
  CHECK(up["answer"]["amount_fen"] == 5111021);
  CHECK(up["answer"]["rate"] == "90%");
  // The fact it reads is not listed as one the policy does not consider.
  for (const auto& note : up["answer"]["notes"]) CHECK(note.get<std::string>().find("不考虑") == std::string::npos);
}

TEST_CASE("a comparison's variants: none for a size given, none before the uplift's date, in force where national") {
  json request = shanxi_enterprise("2025-03-01");
  request["facts"]["size"] = "sme";
  CHECK(column_ids(compare(request)) == std::vector<std::string>{"cn-2021-29", "sx-2024-28", "sx-2025-13"});

  // Beijing has no document of its own: the national rules, whose uplift
  // applies to a related enterprise without any adoption.
  json beijing = shanxi_enterprise("2025-08-01");
  beijing["region"] = "110000";
  beijing["facts"]["size"] = "sme";
  json c = compare(beijing);
  REQUIRE(c["ok"] == true);
  const json& up = c["columns"].back();
  REQUIRE(up["variant"]["kind"] == "uplift");
  CHECK(up["variant"]["if_adopted"] == false);
  CHECK(up["answer"]["amount_fen"] == 5111021);
  CHECK(up["answer"] == json::parse(engine().estimate(column_request(beijing, up).dump(), "2026-12-06")));
  // Already a related enterprise: its own answer has the uplift, no variant.
  beijing["facts"]["related_enterprise"] = true;
  json given = compare(beijing);
  CHECK(given["columns"].back()["variant"].is_null());
}

TEST_CASE("a comparison where nothing is in force, and a bad request") {
  json c = compare(shanxi_enterprise("2026-06-01"));
  REQUIRE(c["ok"] == true);
  CHECK(c["columns"][c["current"].get<std::size_t>()]["policy"] == "sx-2025-13");
  CHECK(c["columns"][0]["policy"] == "cn-2021-29");
  json bad = shanxi_enterprise("2025-08-01");
  bad["facts"]["layoffs"] = -1;
  json e = compare(bad);
  CHECK(e["ok"] == false);
  CHECK(e["error"]["path"] == "/facts/layoffs");
}

TEST_CASE("the rules' fingerprint: the same through the image, another for other rules") {
  json a = json::parse(engine().catalog());
  std::string hash = a["rules_hash"];
  CHECK(hash.size() == 16);
  auto copy = uie::Engine::load_image(engine().image());
  REQUIRE(copy.ok());
  CHECK(json::parse(copy.engine->catalog())["rules_hash"] == hash);
  auto packs = uie::embedded_packs();
  std::reverse(packs.begin(), packs.end());  // the order packs are read in does not count
  CHECK(json::parse(uie::Engine::load(packs).engine->catalog())["rules_hash"] == hash);
  packs.front().text += "\n";
  auto changed = uie::Engine::load(packs);
  REQUIRE(changed.ok());
  CHECK(json::parse(changed.engine->catalog())["rules_hash"] != hash);
}

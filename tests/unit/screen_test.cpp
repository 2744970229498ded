// The screening path decides exactly as the full answer: for every scenario
// vector, its compact line (JSONL and CSV) carries the full answer's
// eligible, amount, failed conditions and missing facts — or its very error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "support.h"

using namespace uie_test;
namespace fs = std::filesystem;

namespace {

struct Vector {
  std::string name;
  json request;
};

std::vector<Vector> vectors() {
  std::vector<Vector> out;
  for (const auto& e : fs::directory_iterator(fs::path(UIE_SOURCE_DIR) / "tests" / "scenarios")) {
    if (e.path().extension() != ".json") continue;
    json doc = json::parse(read_file(e.path().string()));
    for (const auto& s : doc["scenarios"]) out.push_back({e.path().filename().string() + ": " + s["name"].get<std::string>(), s["request"]});
  }
  return out;
}

// What a screening line must say, read off the full answer.
json expected_line(const json& full) {
  if (!full["ok"].get<bool>()) return full;
  json failed = json::array();
  for (const auto& c : full["conditions"]) {
    if (c["passed"] == false) failed.push_back(c["id"]);
  }
  json line = {{"eligible", full["eligible"]}, {"amount_fen", full["amount_fen"]}, {"failed", failed}, {"missing", full["missing"]}};
  if (full.contains("candidates")) line["candidates"] = full["candidates"];
  return line;
}

std::string screen_one(const std::string& request, const std::string& today) {
  uie::Options o;
  o.today = today;
  std::string out;
  engine().screen_into(out, request, o);
  return out;
}

// A request as a CSV batch of one row (for a request that is a JSON object with facts): the facts as cells, region/date/
// program/policy as columns. Null when a fact has no cell form (a nested
// object) or when the request is not a JSON object with facts.
std::optional<std::string> as_csv(const json& request) {
  if (!request.is_object() || !request.contains("facts") || !request["facts"].is_object()) return std::nullopt;
  std::string header, row;
  auto cell = [&](const std::string& name, const json& v) -> bool {
    std::string text;
    if (v.is_string()) text = v.get<std::string>();
    else if (v.is_boolean()) text = v.get<bool>() ? "true" : "false";
    else if (v.is_number_integer()) text = v.dump();
    else if (v.is_number_float()) text = v.dump();  // e.g. 100000.0: read as money, or a whole count
    else if (v.is_array()) {
      for (const auto& x : v) {
        if (!x.is_number_integer()) return false;
        text += (text.empty() ? "" : ";") + x.dump();
      }
    } else {
      return false;
    }
    if (text.find_first_of(",\"\n\r") != std::string::npos || text.empty()) return false;
    header += (header.empty() ? "" : ",") + name;
    row += (row.empty() ? "" : ",") + text;
    return true;
  };
  for (const char* k : {"region", "date", "program", "policy"}) {
    if (request.contains(k) && !cell(k, request[k])) return std::nullopt;
  }
  for (auto it = request["facts"].begin(); it != request["facts"].end(); ++it) {
    if (!cell(it.key(), it.value())) return std::nullopt;
  }
  return header + "\n" + row + "\n";
}

}  // namespace

TEST_CASE("screening lines equal the full answers on every scenario vector", "[screen]") {
  auto all = vectors();
  REQUIRE(all.size() > 400);
  for (const auto& v : all) {
    INFO(v.name);
    std::string text = v.request.dump();
    for (const char* today : {"2024-07-15", "2026-12-01"}) {
      json full = estimate_text(text, today);
      std::string line = screen_one(text, today);
      REQUIRE(line.back() == '\n');
      CHECK(json::parse(line) == expected_line(full));
    }
  }
}

TEST_CASE("a CSV row decides as the same request in JSON", "[screen]") {
  std::size_t compared = 0;
  for (const auto& v : vectors()) {
    auto csv = as_csv(v.request);
    if (!csv) continue;
    INFO(v.name << "\n" << *csv);
    json full = estimate(v.request, "2024-07-15");
    uie::Options o;
    o.today = "2024-07-15";
    std::string lines = engine().screen_csv(*csv, {}, o);
    REQUIRE(std::count(lines.begin(), lines.end(), '\n') == 1);
    json line = json::parse(lines);
    json want = expected_line(full);
    if (full["ok"] == false) {
      // A CSV file has columns that are no facts (单位名称, 备注), and cells
      // have no JSON types ("是" is yes): those refusals are the JSON path's own.
      std::string code = full["error"]["code"];
      std::string path = full["error"]["path"];
      json given = path.rfind("/facts/", 0) == 0 ? v.request["facts"].value(path.substr(7), json()) : json();
      bool typed = given.is_string();
      // 196508 or 20240701 as a JSON number is no month or date; as a cell it
      // is read as the page reads it (1965-08, 2024-07-01: tests/vectors/answers.json).
      bool date_digits = given.is_number_unsigned() && (given.dump().size() == 6 || given.dump().size() == 8);
      if (code == "unknown_fact" || (code == "invalid_fact" && (typed || date_digits))) continue;
      // Otherwise the same refusal (a cell is shown as text where JSON showed a number).
      CHECK(line["error"]["code"] == want["error"]["code"]);
      CHECK(line["error"]["path"] == want["error"]["path"]);
    } else {
      CHECK(line == want);
    }
    ++compared;
  }
  CHECK(compared > 350);
}

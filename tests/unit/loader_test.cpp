// Broken rule data is refused with the file and JSON Pointer of the problem,
// and never reaches evaluation.
#include <catch2/catch.hpp>

#include <functional>

#include <nlohmann/json.hpp>

#include "uie/engine.h"

using nlohmann::json;

namespace {

const char* kShanxi = "rules/shanxi/sx-2024-28.json";

// The shipped packs with one of them changed by `edit`.
std::vector<uie::LoadIssue> load_with(const std::string& file, const std::function<void(json&)>& edit) {
  std::vector<uie::PackText> packs = uie::embedded_packs();
  bool found = false;
  for (auto& p : packs) {
    if (p.name != file) continue;
    json j = json::parse(p.text);
    edit(j);
    p.text = j.dump();
    found = true;
  }
  REQUIRE(found);
  auto r = uie::Engine::load(packs);
  CHECK_FALSE(r.ok());
  return r.issues;
}

bool has_issue(const std::vector<uie::LoadIssue>& issues, const std::string& file, const std::string& pointer) {
  for (const auto& i : issues) {
    if (i.file == file && i.pointer == pointer) return true;
  }
  for (const auto& i : issues) UNSCOPED_INFO(i.file << " " << i.pointer << ": " << i.message);
  return false;
}

}  // namespace

TEST_CASE("the shipped packs load without a single issue", "[loader]") {
  auto r = uie::Engine::load(uie::embedded_packs());
  for (const auto& i : r.issues) FAIL_CHECK(i.file << " " << i.pointer << ": " << i.message);
  CHECK(r.ok());
  CHECK(uie::embedded_packs().size() >= 15);
}

TEST_CASE("an unknown key in a pack is refused where it stands", "[loader]") {
  auto issues = load_with(kShanxi, [](json& j) { j["programs"]["stabilization_refund"]["params"]["refund_rate_sme"]["valeus"] = 1; });
  CHECK(has_issue(issues, kShanxi, "/programs/stabilization_refund/params/refund_rate_sme/valeus"));
}

TEST_CASE("a bad date is refused", "[loader]") {
  auto issues = load_with(kShanxi, [](json& j) { j["issued"] = "2024-02-30"; });
  CHECK(has_issue(issues, kShanxi, "/issued"));
}

TEST_CASE("a parameter value without its citation is refused", "[loader]") {
  auto issues = load_with(kShanxi, [](json& j) {
    j["programs"]["stabilization_refund"]["params"]["refund_rate_sme"]["values"][0].erase("cite");
  });
  CHECK(has_issue(issues, kShanxi, "/programs/stabilization_refund/params/refund_rate_sme/values/0/cite"));
}

TEST_CASE("a citation without the quoted words is refused", "[loader]") {
  auto issues = load_with(kShanxi, [](json& j) {
    j["programs"]["stabilization_refund"]["conditions"][0]["cite"].erase("quote");
  });
  CHECK(has_issue(issues, kShanxi, "/programs/stabilization_refund/conditions/0/cite/quote"));
}

TEST_CASE("a condition on a fact the program does not have is refused", "[loader]") {
  auto issues = load_with(kShanxi, [](json& j) {
    j["programs"]["stabilization_refund"]["conditions"][0]["fact"] = "layoff";
  });
  bool found = false;
  for (const auto& i : issues) found = found || (i.file == kShanxi && i.message.find("layoff") != std::string::npos);
  CHECK(found);
}

TEST_CASE("a condition without a name of its own, or with another's, is refused", "[loader]") {
  const char* national = "rules/national/cn-2024-40.json";
  auto unnamed = load_with(national, [](json& j) {
    for (auto& c : j["programs"]["stabilization_refund"]["conditions"]) {
      if (c["id"] == "layoff_rate") c.erase("label");
    }
  });
  CHECK(has_issue(unnamed, national, "/programs/stabilization_refund/conditions/2/label"));
  // 吊销 named like 严重失信 (a fact's label is the default name).
  auto twice = load_with(kShanxi, [](json& j) {
    for (auto& c : j["programs"]["stabilization_refund"]["conditions"]) {
      if (c["id"] == "license_revoked") c["label"] = "是否被列为严重（违法）失信企业";
    }
  });
  bool found = false;
  for (const auto& i : twice) found = found || (i.code == "duplicate_label" && i.file == kShanxi);
  CHECK(found);
}

TEST_CASE("a reference to an undefined parameter is refused", "[loader]") {
  auto issues = load_with(kShanxi, [](json& j) {
    j["programs"]["stabilization_refund"]["amount"]["derive_size"]["large_at_least"] = "no_such_param";
  });
  bool found = false;
  for (const auto& i : issues) found = found || i.message.find("no_such_param") != std::string::npos;
  CHECK(found);
}

TEST_CASE("two unrelated policies in force on one day for one place are refused", "[loader]") {
  std::vector<uie::PackText> packs = uie::embedded_packs();
  json copy;
  for (const auto& p : packs) {
    if (p.name == kShanxi) copy = json::parse(p.text);
  }
  copy["id"] = "sx-copy";
  copy["doc_no"] = "晋人社厅发〔2024〕99号";
  packs.push_back({"rules/shanxi/copy.json", copy.dump()});
  auto r = uie::Engine::load(packs);
  REQUIRE_FALSE(r.ok());
  bool overlap = false;
  for (const auto& i : r.issues) overlap = overlap || i.message.find("重叠") != std::string::npos;
  CHECK(overlap);
}

TEST_CASE("a pack that extends a missing one, or itself, is refused", "[loader]") {
  auto missing = load_with(kShanxi, [](json& j) { j["extends"] = "cn-2099-1"; });
  CHECK(has_issue(missing, kShanxi, "/extends"));
  auto cycle = load_with(kShanxi, [](json& j) { j["extends"] = "sx-2024-28"; });
  CHECK(has_issue(cycle, kShanxi, "/extends"));
}

TEST_CASE("a pack that is not JSON is refused with its file name", "[loader]") {
  std::vector<uie::PackText> packs = uie::embedded_packs();
  packs.push_back({"rules/broken.json", "{\"kind\": \"policy\", "});
  auto r = uie::Engine::load(packs);
  REQUIRE_FALSE(r.ok());
  CHECK(r.issues.front().file == "rules/broken.json");
}

TEST_CASE("a further pack can be loaded beside the shipped ones", "[loader]") {
  std::vector<uie::PackText> packs = uie::embedded_packs();
  json extra = {
      {"kind", "policy"}, {"format", 1}, {"id", "bj-test"}, {"doc_no", "京测试〔2024〕1号"}, {"title", "测试"},
      {"issuer", "测试"}, {"issued", "2024-01-01"}, {"region", "110000"}, {"source", "test"}, {"extends", "cn-2024-40"},
      {"programs",
       {{"stabilization_refund",
         {{"params",
           {{"refund_rate_sme",
             {{"type", "rate"},
              {"values", {{{"from", "2024-01-01"}, {"value", "50%"}, {"cite", {{"clause", "一"}, {"quote", "按50%返还"}}}}}}}}}}}}}}};
  packs.push_back({"extra.json", extra.dump()});
  auto r = uie::Engine::load(packs);
  for (const auto& i : r.issues) FAIL_CHECK(i.file << " " << i.pointer << ": " << i.message);
  REQUIRE(r.ok());
  json out = json::parse(r.engine->estimate(R"({"region":"110105","date":"2024-06-01","program":"stabilization_refund",
    "facts":{"unit_type":"enterprise","size":"sme","contribution_months":24,"insured_headcount":100,"layoffs":0,"contributions_paid":1000}})"));
  CHECK(out["policy"]["id"] == "bj-test");
  CHECK(out["amount_fen"] == 50000);
  CHECK(out["policy"]["chain"] == json::array({"人社部发〔2024〕40号", "京测试〔2024〕1号"}));
}

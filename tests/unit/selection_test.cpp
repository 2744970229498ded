// Choosing the policy: prefecture → province → national, by date, explicit ids.
#include <catch2/catch.hpp>

#include "engine_impl.h"
#include "eval/select.h"
#include "support.h"

using namespace uie_test;

static json refund(const std::string& region, const std::string& date) {
  return {{"region", region}, {"date", date}, {"program", "stabilization_refund"}, {"facts", json::object()}};
}

TEST_CASE("a region falls back through prefecture and province to national", "[select]") {
  const uie::RuleSet& rules = *engine().impl().rules;
  CHECK(uie::jurisdictions(rules, "630102") == std::vector<std::string>{"630102", "630100", "630000", "000000"});
  CHECK(uie::jurisdictions(rules, "630100") == std::vector<std::string>{"630100", "630000", "000000"});
  CHECK(uie::jurisdictions(rules, "630000") == std::vector<std::string>{"630000", "000000"});
  CHECK(uie::jurisdictions(rules, "000000") == std::vector<std::string>{"000000"});
  // 石河子 and the other 兵团 师市 are coded under 新疆 (6590xx) but fall back to 兵团 (rules/regions.json covers).
  CHECK(uie::jurisdictions(rules, "659001") == std::vector<std::string>{"659001", "659000", "660000", "000000"});
  CHECK(uie::jurisdictions(rules, "650102") == std::vector<std::string>{"650102", "650100", "650000", "000000"});
}

TEST_CASE("the most specific policy in force wins", "[select]") {
  CHECK(estimate(refund("140300", "2024-07-01"))["policy"]["id"] == "yq-2024-121");
  CHECK(estimate(refund("140311", "2024-07-01"))["policy"]["id"] == "yq-2024-121");  // a district of 阳泉
  CHECK(estimate(refund("140100", "2024-07-01"))["policy"]["id"] == "sx-2024-28");   // 太原: no pack of its own
  CHECK(estimate(refund("110000", "2024-07-01"))["policy"]["id"] == "cn-2024-40");   // 北京 → national
  CHECK(estimate(refund("000000", "2024-07-01"))["policy"]["id"] == "cn-2024-40");
  CHECK(estimate(refund("630102", "2021-10-08"))["policy"]["id"] == "xn-2021-72");
  CHECK(estimate(refund("440100", "2021-10-08"))["policy"]["id"] == "gz-2021");
  CHECK(estimate(refund("660000", "2024-07-01"))["policy"]["id"] == "bt-2024-draft");
}

TEST_CASE("validity is inclusive on both ends", "[select]") {
  CHECK(estimate(refund("140000", "2024-01-01"))["policy"]["id"] == "sx-2024-28");
  CHECK(estimate(refund("140000", "2024-12-31"))["policy"]["id"] == "sx-2024-28");
  json after = estimate(refund("140000", "2026-01-01"));
  CHECK(after["ok"] == false);
  CHECK(after["error"]["code"] == "no_policy_in_force");
  CHECK(after["error"]["path"] == "/date");
}

TEST_CASE("with no policy in force the error names the latest one", "[select]") {
  json r = estimate({{"region", "140300"}, {"program", "stabilization_refund"}, {"facts", json::object()}}, "2026-11-22");
  REQUIRE(r["ok"] == false);
  CHECK(r["error"]["code"] == "no_policy_in_force");
  CHECK(r["error"]["path"] == "");  // no date in the request: today was used
  CHECK(r["error"]["latest"]["id"] == "sx-2025-13");  // 山西 2025: nearer in time than 阳泉's 2024 forward
  CHECK(r["error"]["latest"]["valid_to"] == "2025-12-31");
  CHECK(r["error"]["message"].get<std::string>().find("sx-2025-13") != std::string::npos);
  json qh = estimate(refund("630000", "2023-05-01"));
  CHECK(qh["error"]["latest"]["id"] == "cn-2024-40");  // later national beats an older provincial policy
}

TEST_CASE("a prefecture document that forwards adds its number to the chain", "[select]") {
  json r = estimate(refund("140300", "2024-07-01"));
  CHECK(r["policy"]["chain"] == json::array({"人社部发〔2024〕40号", "晋人社厅发〔2024〕28号", "阳人社函〔2024〕121号"}));
  json b = estimate({{"region", "371500"}, {"date", "2023-07-01"}, {"program", "unemployment_benefit"}, {"facts", json::object()}});
  CHECK(b["policy"]["id"] == "lc-2020");
  // 鲁人社函〔2020〕10号 inherits the national rules in force (extends_in_force): in 2023 人社部发〔2020〕40号 and 人社厅发〔2020〕24号.
  CHECK(b["policy"]["chain"] == json::array({"《失业保险条例》", "《中华人民共和国社会保险法》", "人社部发〔2020〕40号", "人社厅发〔2020〕24号",
                                             "鲁人社函〔2020〕10号", "聊城市人社局转发鲁人社函〔2020〕10号的通知（2020年4月2日）"}));
  CHECK(b["policy"]["valid_to"].is_null());
}

TEST_CASE("a policy named outright is used in force or not, with a note", "[select]") {
  json req = refund("140000", "2026-11-22");
  req["policy"] = "sx-2024-28";
  json r = estimate(req);
  REQUIRE(r["ok"] == true);
  CHECK(r["policy"]["id"] == "sx-2024-28");
  CHECK(r["policy"]["in_force"] == false);
  bool noted = false;
  for (const auto& n : r["notes"]) noted = noted || n.get<std::string>().find("不在其中") != std::string::npos;
  CHECK(noted);
  req["policy"] = "sx-2099-1";
  CHECK(estimate(req)["error"]["code"] == "unknown_policy");
  CHECK(estimate(req)["error"]["path"] == "/policy");
  req["policy"] = "sd-2020-10";  // exists, but not for this program
  CHECK(estimate(req)["error"]["code"] == "unknown_policy");
}

TEST_CASE("a draft is flagged and says so", "[select]") {
  json r = estimate(refund("660000", "2024-07-01"));
  CHECK(r["policy"]["draft"] == true);
  CHECK(r["notes"][0].get<std::string>().find("征求意见稿") != std::string::npos);
}

TEST_CASE("the law refines the regulation it restates", "[select]") {
  json b = estimate({{"region", "000000"}, {"date", "2019-07-01"}, {"program", "unemployment_benefit"}, {"facts", json::object()}});
  CHECK(b["policy"]["id"] == "cn-social-insurance-law");
  CHECK(condition(b, "contribution_months")["cite"]["doc_no"] == "《中华人民共和国社会保险法》");
  json old = estimate({{"region", "000000"}, {"date", "2005-07-01"}, {"program", "unemployment_benefit"}, {"facts", json::object()}});
  CHECK(old["policy"]["id"] == "cn-regulation-1999");
}

TEST_CASE("with no policy in force the message says whether any document of that year is encoded", "[select]") {
  auto text = [](const json& r) { return r["error"]["message"].get<std::string>(); };
  json r = estimate(refund("140000", "2026-12-01"));
  // The tool says what it holds, not that no such policy existed.
  CHECK(text(r).find("本工具没有收录2026年12月1日在地区 140000 施行的“失业保险稳岗返还”文件") != std::string::npos);
  CHECK(text(r).find("2026年全年施行的“失业保险稳岗返还”文件也都没有收录") != std::string::npos);
  CHECK(text(r).find("最近的一份是 晋人社厅发〔2025〕13号") != std::string::npos);
  // A year with a policy in force on some other day of it: the sentence would be false.
  std::vector<uie::PackText> packs = uie::embedded_packs();
  json later = {{"kind", "policy"}, {"format", 1}, {"id", "bj-test-2026"}, {"doc_no", "京测试〔2026〕1号"}, {"title", "测试"},
                {"issuer", "测试"}, {"issued", "2026-06-01"}, {"region", "110000"}, {"source", "test"}, {"extends", "cn-2025-18"},
                {"programs", {{"stabilization_refund", {{"valid_from", "2026-07-01"}, {"valid_to", "2026-12-31"},
                                                        {"validity_cite", {{"clause", "一"}, {"quote", "自2026年7月1日起施行"}}}}}}}};
  packs.push_back({"later.json", later.dump()});
  auto loaded = uie::Engine::load(packs);
  REQUIRE(loaded.ok());
  json early = json::parse(loaded.engine->estimate(refund("110000", "2026-03-01").dump()));
  REQUIRE(early["error"]["code"] == "no_policy_in_force");
  CHECK(text(early).find("全年") == std::string::npos);
}

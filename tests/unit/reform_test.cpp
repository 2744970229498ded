// Reforms (测算方案): a reform changes its copy of the rules only; the values
// it sets are the ones evaluated; each bad reform is refused with the value
// it points at; the batch tally is what the screening lines say.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.h"

using namespace uie_test;
using nlohmann::json;

namespace {

const char* kRequest =
    R"({"region":"140100","date":"2025-08-01","program":"stabilization_refund","facts":{"unit_type":"enterprise",)"
    R"("size":"sme","contribution_months":24,"insured_headcount":100,"layoffs":1,"contributions_paid":"10000"}})";

std::string reform_text(const std::string& set) {
  return R"({"kind":"reform","format":1,"id":"sx-2025-test","title":"测试方案","base":"sx-2025-13",)"
         R"("program":"stabilization_refund","set":)" + set + "}";
}

json answer(const uie::Engine& e, const std::string& request) { return json::parse(e.estimate(request, "2026-12-06")); }

std::vector<uie::LoadIssue> issues_of(const std::string& text) { return engine().reform(text).issues; }

}  // namespace

TEST_CASE("a reform's values are evaluated, and the engine it came from is unchanged") {
  json before = answer(engine(), kRequest);
  auto reformed = engine().reform(reform_text(R"({"refund_rate_sme":"40%","refund_rate_large":"20%"})"));
  REQUIRE(reformed.ok());
  json under = answer(*reformed.engine, kRequest);
  CHECK(before["amount_fen"] == 600000);
  CHECK(under["amount_fen"] == 400000);
  CHECK(under["policy"]["reform"]["id"] == "sx-2025-test");
  CHECK(!before["policy"].contains("reform"));
  CHECK(answer(engine(), kRequest) == before);
  bool noted = false;
  for (const auto& n : under["notes"]) noted = noted || n.get<std::string>().find("refund_rate_sme 60% → 40%") != std::string::npos;
  CHECK(noted);
  // Another region's policy is not touched.
  std::string shandong = kRequest;
  shandong.replace(shandong.find("140100"), 6, "370100");
  CHECK(answer(*reformed.engine, shandong) == answer(engine(), shandong));
}

TEST_CASE("a reform's case on a fact: the uplift for the units a column marks") {
  auto reformed = engine().reform(reform_text(
      R"({"refund_rate_sme":{"value":"60%","when":[{"fact":"related_enterprise","equals":true,"value":"90%"}]}})"));
  REQUIRE(reformed.ok());
  std::string related = kRequest;
  related.insert(related.find("\"contributions_paid\""), "\"related_enterprise\":true,");
  CHECK(answer(*reformed.engine, kRequest)["amount_fen"] == 600000);
  CHECK(answer(*reformed.engine, related)["amount_fen"] == 900000);
  // In force, 晋人社厅发〔2025〕13号 restates 60% without the uplift.
  CHECK(answer(engine(), related)["amount_fen"] == 600000);
  // The fact the case reads is one the reformed policy uses: not listed as
  // not considered, and asked.
  auto not_considered = [](const json& a) {
    for (const auto& n : a["notes"]) {
      if (n.get<std::string>().find("本政策不考虑") != std::string::npos) return true;
    }
    return false;
  };
  CHECK(not_considered(answer(engine(), related)));
  CHECK(!not_considered(answer(*reformed.engine, related)));
  json q = json::parse(reformed.engine->questions(kRequest, "2026-12-06"));
  bool asked = false;
  for (const auto& x : q["questions"]) asked = asked || x["fact"] == "related_enterprise";
  CHECK(asked);
}

TEST_CASE("a threshold changed by a reform decides who qualifies") {
  std::string short_months = kRequest;
  short_months.replace(short_months.find("\"contribution_months\":24"), 24, "\"contribution_months\":8");
  CHECK(answer(engine(), short_months)["eligible"] == false);
  auto reformed = engine().reform(reform_text(R"({"min_contribution_months":6})"));
  REQUIRE(reformed.ok());
  CHECK(answer(*reformed.engine, short_months)["eligible"] == true);
}

TEST_CASE("a bad reform is refused, pointing at the value") {
  auto first = [](const std::vector<uie::LoadIssue>& v) { return v.empty() ? uie::LoadIssue{} : v.front(); };
  auto i = first(issues_of(reform_text(R"({"refund_rate_smee":"40%"})")));
  CHECK(i.code == "unknown_param");
  CHECK(i.pointer == "/set/refund_rate_smee");
  CHECK(i.message.find("refund_rate_sme？") != std::string::npos);
  CHECK(i.message_en.find("did you mean refund_rate_sme") != std::string::npos);
  i = first(issues_of(reform_text(R"({"refund_rate_sme":"140%"})")));
  CHECK(i.code == "value");
  CHECK(i.pointer == "/set/refund_rate_sme");
  i = first(issues_of(reform_text(R"({"min_contribution_months":-1})")));
  CHECK(i.pointer == "/set/min_contribution_months");
  i = first(issues_of(reform_text(R"({"refund_rate_sme":{"value":"60%","when":[{"fact":"nope","equals":true,"value":"90%"}]}})")));
  CHECK(i.code == "unknown_fact");
  CHECK(i.pointer == "/set/refund_rate_sme/when/0/fact");
  CHECK(first(issues_of(reform_text("{}"))).pointer == "/set");
  CHECK(first(issues_of("[1]")).code == "type");
  CHECK(first(issues_of("{")).code == "invalid_json");
  CHECK(first(issues_of(std::string(70 * 1024, ' '))).code == "too_large");
  std::string other_base = reform_text(R"({"refund_rate_sme":"40%"})");
  other_base.replace(other_base.find("sx-2025-13"), 10, "sx-2099-99");
  CHECK(first(issues_of(other_base)).code == "unknown_policy");
  std::string extra = reform_text(R"({"refund_rate_sme":"40%"})");
  extra.insert(1, "\"sett\":1,");
  CHECK(first(issues_of(extra)).pointer == "/sett");
}

TEST_CASE("a session's tally and outcomes are what its screening lines say") {
  std::string csv =
      "unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n"
      "enterprise,sme,24,100,1,10000\n"      // yes 6000.00
      "enterprise,large,24,100,1,10000\n"    // yes 3000.00
      "enterprise,,24,100,1,10000\n"         // yes, the amount open
      "enterprise,sme,3,100,1,10000\n"       // no
      "enterprise,sme,24,,1,10000\n"         // undecided
      "enterprise,sme,24,100,1,1.234\n";     // an error
  uie::Options o;
  o.today = "2026-12-06";
  uie::Session s(engine(), uie::BatchInput::kCsv, uie::BatchOutput::kNone, o, {"140100", "2025-08-01", "stabilization_refund", ""});
  std::vector<uie::ItemOutcome> outcomes;
  s.keep_outcomes(&outcomes);
  std::string out;
  s.feed(csv, out);
  s.finish(out);
  CHECK(out.empty());
  const uie::BatchTally& t = s.tally();
  CHECK(t.items == 6);
  CHECK(t.yes == 3);
  CHECK(t.no == 1);
  CHECK(t.undecided == 1);
  CHECK(t.errors == 1);
  CHECK(t.amount_fen == 900000);
  CHECK(t.open == 1);
  CHECK(t.open_low_fen == 300000);
  CHECK(t.open_high_fen == 600000);
  CHECK(t.yes_by_size[1] == 1);
  CHECK(t.reformed == 0);
  CHECK(t.fen_by_size[2] == 600000);
  REQUIRE(outcomes.size() == 6);
  CHECK(outcomes[0].row == 2);
  CHECK(outcomes[0].state == 1);
  CHECK(outcomes[0].size == 2);
  CHECK(outcomes[2].amount_fen == -1);
  CHECK(outcomes[2].high_fen == 600000);
  CHECK(outcomes[3].state == 0);
  CHECK(outcomes[4].state == -1);
  CHECK(outcomes[5].state == 2);
  // The same batch through the screening lines: the same counts.
  std::string lines = engine().screen_csv(csv, {"140100", "2025-08-01", "stabilization_refund", ""}, o);
  CHECK(lines.find("\"eligible\":true,\"amount_fen\":600000") != std::string::npos);
}

TEST_CASE("a policy's parameters, with their cited values on the date") {
  json p = json::parse(engine().parameters(R"({"region":"140100","date":"2025-08-01","program":"stabilization_refund"})"));
  REQUIRE(p["ok"] == true);
  CHECK(p["policy"]["id"] == "sx-2025-13");
  bool found = false;
  for (const auto& x : p["params"]) {
    if (x["id"] != "refund_rate_sme") continue;
    found = true;
    CHECK(x["type"] == "rate");
    CHECK(x["value"] == "60%");
    CHECK(x["editable"] == true);
    CHECK(x["cite"]["clause"] == "一");
  }
  CHECK(found);
  auto reformed = engine().reform(reform_text(R"({"refund_rate_sme":"40%"})"));
  REQUIRE(reformed.ok());
  json q = json::parse(reformed.engine->parameters(R"({"region":"140100","date":"2025-08-01","program":"stabilization_refund"})"));
  for (const auto& x : q["params"]) {
    if (x["id"] == "refund_rate_sme") CHECK(x["value"] == "40%");
  }
  CHECK(q["policy"]["reform"]["title"] == "测试方案");
}

TEST_CASE("a reform read from the engine's own image answers as one copied from its rules") {
  std::string text = reform_text(R"({"refund_rate_sme":"40%"})");
  auto copied = engine().reform(text);
  auto from_image = engine().reform(text, engine().image());
  REQUIRE(copied.ok());
  REQUIRE(from_image.ok());
  CHECK(answer(*from_image.engine, kRequest) == answer(*copied.engine, kRequest));
  auto broken = engine().reform(text, "not an image");
  CHECK(!broken.ok());
  REQUIRE(!broken.issues.empty());
  CHECK(broken.issues[0].code == "internal_error");
}

TEST_CASE("a reformed batch counts the units the reform reaches") {
  auto reformed = engine().reform(reform_text(R"({"refund_rate_sme":"40%"})"));
  REQUIRE(reformed.ok());
  // One unit of 太原 (the reformed 山西 policy), one of 济南 (another province's), one error.
  std::string csv =
      "region,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n"
      "140100,enterprise,sme,24,100,1,10000\n"
      "370100,enterprise,sme,24,100,1,10000\n"
      "140100,enterprise,sme,24,100,1,1.234\n";
  uie::Options o;
  o.today = "2026-12-06";
  uie::Session s(*reformed.engine, uie::BatchInput::kCsv, uie::BatchOutput::kNone, o, {"", "2025-08-01", "stabilization_refund", ""});
  std::string out;
  s.feed(csv, out);
  s.finish(out);
  CHECK(s.tally().items == 3);
  CHECK(s.tally().reformed == 1);
  CHECK(uie::tally_json(s.tally()).find("\"reformed\":1}") != std::string::npos);
}

TEST_CASE("a reform's English title names it in English notes, and a long value is cut where a character begins") {
  std::string text = reform_text(R"({"refund_rate_sme":"40%"})");
  text.insert(text.find("\"base\""), R"("title_en":"Test reform",)");
  auto reformed = engine().reform(text);
  REQUIRE(reformed.ok());
  uie::Options en;
  en.today = "2026-12-06";
  en.english = true;
  json a = json::parse(reformed.engine->estimate(kRequest, en));
  bool named = false;
  for (const auto& n : a["notes"]) named = named || n.get<std::string>().find("\"Test reform\"") != std::string::npos;
  CHECK(named);
  // 14 Chinese characters (42 bytes): cut after 13 (39 bytes), not inside the 14th.
  auto i = engine().reform(reform_text(R"({"一二三四五六七八九十一二三四":"40%"})")).issues;
  REQUIRE(!i.empty());
  CHECK(i[0].message.find("\"一二三四五六七八九十一二三…\"") != std::string::npos);
}
